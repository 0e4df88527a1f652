package httpcache

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// origin counts the requests it renders and answers with the count, so a
// test sees whether a response came from the cache.
type origin struct {
	calls atomic.Int64
}

func (o *origin) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := o.calls.Add(1)
	switch r.URL.Path {
	case "/missing":
		http.NotFound(w, r)
		return
	case "/private":
		w.Header().Set("Cache-Control", "no-store")
	case "/big":
		w.Write([]byte(strings.Repeat("x", 2000)))
		return
	}
	w.Header().Set("ETag", `"v1"`)
	fmt.Fprintf(w, "render %d of %s", n, r.URL.RequestURI())
}

func newCache(t *testing.T) (*Cache, *origin, *atomic.Int64) {
	t.Helper()
	o := &origin{}
	var version atomic.Int64
	c := New(o, func(context.Context) (int64, error) { return version.Load(), nil }, "/api/v1/export")
	c.Poll = 0 // read the version on every request, so that tests need no waiting
	c.MaxEntry = 1000
	return c, o, &version
}

func get(c http.Handler, path string, header ...string) *httptest.ResponseRecorder {
	r := httptest.NewRequest("GET", path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	c.ServeHTTP(w, r)
	return w
}

func TestCacheServesUntilTheRegistryChanges(t *testing.T) {
	c, o, version := newCache(t)
	first := get(c, "/fr/projets/x").Body.String()
	second := get(c, "/fr/projets/x")
	if second.Body.String() != first || o.calls.Load() != 1 {
		t.Fatalf("second request rendered again: %q, %d renders", second.Body.String(), o.calls.Load())
	}
	if second.Header().Get("ETag") != `"v1"` {
		t.Errorf("headers not kept: %v", second.Header())
	}
	version.Add(1)
	if third := get(c, "/fr/projets/x").Body.String(); third == first || o.calls.Load() != 2 {
		t.Fatalf("served a page made before the registry changed: %q", third)
	}
}

func TestCacheKeepsApartWhatDiffers(t *testing.T) {
	c, o, _ := newCache(t)
	get(c, "/fr/recherche?q=eau")
	get(c, "/fr/recherche?q=mali")
	get(c, "/fr/recherche?q=eau", "Accept-Encoding", "gzip")
	get(c, "/", "Accept-Language", "en")
	get(c, "/", "Accept-Language", "fr")
	if o.calls.Load() != 5 {
		t.Fatalf("%d renders for 5 different requests", o.calls.Load())
	}
}

func TestCacheLetsThrough(t *testing.T) {
	c, o, _ := newCache(t)
	for _, tt := range []struct {
		path   string
		header []string
	}{
		{"/fr/espace", []string{"Cookie", "session=abc"}},
		{"/api/v1/projects", []string{"Authorization", "Bearer x"}},
		{"/api/v1/export/iati.xml", nil},
		{"/missing", nil},
		{"/private", nil},
		{"/big", nil},
	} {
		before := o.calls.Load()
		get(c, tt.path, tt.header...)
		get(c, tt.path, tt.header...)
		if o.calls.Load()-before != 2 {
			t.Errorf("%s %v: served from the cache", tt.path, tt.header)
		}
	}
	if c.Len() != 0 {
		t.Errorf("%d entries stored", c.Len())
	}
	r := httptest.NewRequest("POST", "/fr/recherche", nil)
	c.ServeHTTP(httptest.NewRecorder(), r)
	c.ServeHTTP(httptest.NewRecorder(), r)
	if c.Len() != 0 {
		t.Error("stored a POST")
	}
}

func TestCacheAnswersConditionalRequests(t *testing.T) {
	c, _, _ := newCache(t)
	get(c, "/fr")
	w := get(c, "/fr", "If-None-Match", `"v1"`)
	if w.Code != http.StatusNotModified || w.Body.Len() != 0 {
		t.Fatalf("got %d %q, want 304 without body", w.Code, w.Body.String())
	}
}

func TestCacheForgetsTheLeastRecentlyUsed(t *testing.T) {
	c, o, _ := newCache(t)
	one := (&entry{key: "/a\x000\x00", body: make([]byte, 30)}).cost()
	c.MaxBytes = 3 * (one + 10)
	for _, p := range []string{"/a", "/b", "/c", "/a", "/d"} { // /d pushes out /b, the least recent
		get(c, p)
	}
	before := o.calls.Load()
	get(c, "/a")
	if o.calls.Load() != before {
		t.Error("/a, recently used, was forgotten")
	}
	get(c, "/b")
	if o.calls.Load() != before+1 {
		t.Error("/b, least recently used, was kept beyond the budget")
	}
}

// blocking is an origin that holds each request until released, so a
// test can have several in flight at once.
type blocking struct {
	entered chan string
	release chan struct{}
	calls   atomic.Int64
}

func (o *blocking) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	o.calls.Add(1)
	o.entered <- r.URL.Path
	<-o.release
	fmt.Fprintf(w, "made %s", r.URL.Path)
}

// Misses wait their turn beyond the limit, and one that waited for the
// same page is answered with what the first one made.
func TestCacheLimitsWhatItMakesAtOnce(t *testing.T) {
	o := &blocking{entered: make(chan string, 4), release: make(chan struct{})}
	c := New(o, func(context.Context) (int64, error) { return 1, nil })
	c.Poll = 0
	c.SetMaxRendering(1)
	waiting := make(chan struct{}, 4)
	c.onWait = func() { waiting <- struct{}{} }

	done := make(chan string, 2)
	go func() { done <- get(c, "/a").Body.String() }()
	<-o.entered // the first is being made
	go func() { done <- get(c, "/a").Body.String() }()
	<-waiting // the second waits rather than making it too
	o.release <- struct{}{}
	for range 2 {
		if body := <-done; body != "made /a" {
			t.Errorf("got %q", body)
		}
	}
	if n := o.calls.Load(); n != 1 {
		t.Errorf("page made %d times, want once", n)
	}
}
