package web

import (
	"sync"
	"time"
)

// ttlCache keeps a few computed values for a short time: the home page's
// map and the "who else works there" lists, which read many records and
// change slowly. When full it is emptied rather than managed, which is
// enough for a handful of keys or a burst of crawled pages.
type ttlCache[K comparable, V any] struct {
	mu      sync.Mutex
	ttl     time.Duration
	max     int
	entries map[K]ttlEntry[V]
}

type ttlEntry[V any] struct {
	value   V
	expires time.Time
}

func newTTLCache[K comparable, V any](ttl time.Duration, max int) *ttlCache[K, V] {
	return &ttlCache[K, V]{ttl: ttl, max: max, entries: map[K]ttlEntry[V]{}}
}

// get returns the value of key if it is still fresh.
func (c *ttlCache[K, V]) get(key K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if !ok || time.Now().After(e.expires) {
		var zero V
		return zero, false
	}
	return e.value, true
}

// put stores a value for the cache's time to live.
func (c *ttlCache[K, V]) put(key K, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.entries) >= c.max {
		clear(c.entries)
	}
	c.entries[key] = ttlEntry[V]{v, time.Now().Add(c.ttl)}
}
