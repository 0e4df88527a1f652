// Package httpcache keeps the public responses the server has rendered in
// memory for as long as the registry has not changed. The registry is
// read far more than it is written: a record page or a popular search is
// asked for again and again between two edits, and rendering it each time
// would spend the machine on the same work. Every write to the registry
// moves its version (sqlstore.DB.Version); an entry made at an older
// version is never served.
//
// Only anonymous GET requests are cached: a request with a cookie or an
// Authorization header may see unpublished records or a signed-in page,
// and passes through untouched.
package httpcache

import (
	"bytes"
	"container/list"
	"context"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"time"
)

// Cache is an http.Handler that answers from memory what next answered
// before at the same version of the registry.
type Cache struct {
	next    http.Handler
	version func(context.Context) (int64, error)
	// Skip lists path prefixes never cached (streamed exports, health).
	skip []string

	// MaxBytes bounds the memory the entries take; the least recently
	// used go first. MaxEntry bounds one entry: larger responses stream
	// through uncached. MaxAge bounds how long an entry lives, for pages
	// that depend on the date. Poll is how often the version is read.
	MaxBytes int64
	MaxEntry int
	MaxAge   time.Duration
	Poll     time.Duration

	// rendering holds a token for each response being made for the
	// cache. Under load, misses then wait their turn instead of sharing
	// the processors with every other miss, so that each finishes in
	// about its own time and answers from memory are not slowed by them.
	rendering chan struct{}
	// onWait, when set (by tests), is called when a miss has to wait.
	onWait func()

	mu      sync.Mutex
	lru     *list.List // of *entry, most recent first
	entries map[string]*list.Element
	size    int64

	vmu    sync.Mutex
	ver    int64
	verAt  time.Time
	verErr error
}

type entry struct {
	key     string
	version int64
	made    time.Time
	status  int
	header  http.Header
	body    []byte
}

// New returns a cache in front of next. version reports the registry's
// version; skip lists path prefixes that are never cached.
func New(next http.Handler, version func(context.Context) (int64, error), skip ...string) *Cache {
	return &Cache{next: next, version: version, skip: skip,
		MaxBytes: 64 << 20, MaxEntry: 512 << 10, MaxAge: 5 * time.Minute, Poll: 100 * time.Millisecond,
		lru: list.New(), entries: map[string]*list.Element{},
		rendering: make(chan struct{}, 2*runtime.GOMAXPROCS(0))}
}

// SetMaxRendering sets how many responses may be made at once for the
// cache (2 per processor by default). Requests that the cache lets
// through, such as exports and signed-in pages, are not counted.
func (c *Cache) SetMaxRendering(n int) { c.rendering = make(chan struct{}, max(n, 1)) }

func (c *Cache) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !c.cacheable(r) {
		c.next.ServeHTTP(w, r)
		return
	}
	v, err := c.currentVersion(r.Context())
	if err != nil {
		c.next.ServeHTTP(w, r) // the handler reports the database's state
		return
	}
	key := cacheKey(r)
	if e := c.get(key, v); e != nil {
		e.serve(w, r)
		return
	}
	select {
	case c.rendering <- struct{}{}:
	default:
		if c.onWait != nil {
			c.onWait()
		}
		select {
		case c.rendering <- struct{}{}:
		case <-r.Context().Done():
			return // the client left while waiting
		}
	}
	defer func() { <-c.rendering }()
	// Another request may have made it while this one waited.
	if e := c.get(key, v); e != nil {
		e.serve(w, r)
		return
	}
	rec := &recorder{ResponseWriter: w, status: http.StatusOK, max: c.MaxEntry}
	c.next.ServeHTTP(rec, r)
	if rec.storable() {
		c.put(&entry{key: key, version: v, made: time.Now(), status: rec.status,
			header: w.Header().Clone(), body: rec.buf.Bytes()})
	}
}

func (c *Cache) cacheable(r *http.Request) bool {
	if r.Method != http.MethodGet || r.Header.Get("Cookie") != "" || r.Header.Get("Authorization") != "" {
		return false
	}
	for _, p := range c.skip {
		if strings.HasPrefix(r.URL.Path, p) {
			return false
		}
	}
	return true
}

// cacheKey names a response by what it may vary on: the URL, whether the
// client takes gzip (the site compresses for those that do) and its
// languages (the root redirects by them).
func cacheKey(r *http.Request) string {
	gz := "0"
	if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		gz = "1"
	}
	return r.URL.RequestURI() + "\x00" + gz + "\x00" + r.Header.Get("Accept-Language")
}

// currentVersion reads the registry's version at most once per Poll, so
// that a burst of requests costs one query; a write shows within Poll.
func (c *Cache) currentVersion(ctx context.Context) (int64, error) {
	c.vmu.Lock()
	defer c.vmu.Unlock()
	if time.Since(c.verAt) < c.Poll {
		return c.ver, c.verErr
	}
	c.ver, c.verErr = c.version(ctx)
	c.verAt = time.Now()
	return c.ver, c.verErr
}

func (c *Cache) get(key string, version int64) *entry {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.entries[key]
	if !ok {
		return nil
	}
	e := el.Value.(*entry)
	if e.version != version || time.Since(e.made) > c.MaxAge {
		c.remove(el)
		return nil
	}
	c.lru.MoveToFront(el)
	return e
}

func (c *Cache) put(e *entry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.entries[e.key]; ok {
		c.remove(el)
	}
	c.entries[e.key] = c.lru.PushFront(e)
	c.size += e.cost()
	for c.size > c.MaxBytes && c.lru.Len() > 0 {
		c.remove(c.lru.Back())
	}
}

func (c *Cache) remove(el *list.Element) {
	e := c.lru.Remove(el).(*entry)
	delete(c.entries, e.key)
	c.size -= e.cost()
}

// Len returns the number of entries, for tests and metrics.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lru.Len()
}

func (e *entry) cost() int64 { return int64(len(e.body) + len(e.key) + 512) }

// serve writes the stored response, or 304 when the client holds it.
func (e *entry) serve(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	for k, v := range e.header {
		hd[k] = v
	}
	if tag := e.header.Get("ETag"); tag != "" && r.Header.Get("If-None-Match") == tag {
		for _, k := range []string{"Content-Length", "Content-Encoding", "Content-Type"} {
			hd.Del(k)
		}
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.WriteHeader(e.status)
	w.Write(e.body)
}

// recorder passes a response through to the client and keeps a copy of
// it while it stays under max bytes.
type recorder struct {
	http.ResponseWriter
	status   int
	wrote    bool
	buf      bytes.Buffer
	max      int
	overflow bool
}

func (w *recorder) WriteHeader(code int) {
	if !w.wrote {
		w.status, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *recorder) Write(p []byte) (int, error) {
	w.wrote = true
	if !w.overflow {
		if w.buf.Len()+len(p) > w.max {
			w.overflow = true
			w.buf = bytes.Buffer{}
		} else {
			w.buf.Write(p)
		}
	}
	n, err := w.ResponseWriter.Write(p)
	if err != nil {
		w.overflow = true // the client left: the copy is incomplete
	}
	return n, err
}

// Unwrap lets http.ResponseController reach the real writer.
func (w *recorder) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// storable says whether the response may be kept: a complete 200 that
// neither sets a cookie nor asks not to be stored.
func (w *recorder) storable() bool {
	hd := w.Header()
	cc := hd.Get("Cache-Control")
	return w.status == http.StatusOK && !w.overflow && hd.Get("Set-Cookie") == "" &&
		!strings.Contains(cc, "no-store") && !strings.Contains(cc, "private")
}
