package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// stepTimeout bounds every step of a journey, so that a page that never
// shows what a test waits for fails the test instead of hanging the run.
const stepTimeout = 30 * time.Second

// viewport is a window a visitor browses in.
type viewport struct {
	name          string
	width, height int64
	mobile        bool // lay out as a phone does, honouring <meta name=viewport>
}

// The two widths the site is checked at.
var (
	desktop = viewport{name: "desktop", width: 1280, height: 900}
	phone   = viewport{name: "phone", width: 390, height: 844, mobile: true}
)

// visitor describes the browser of one visitor.
type visitor struct {
	viewport viewport
	lang     string // the Accept-Language header sent; Chromium's own when empty
	noScript bool   // JavaScript disabled
}

// tab is one browser tab, in a browser context of its own (its own
// cookies and storage), bound to the test that drives it.
type tab struct {
	t      *testing.T
	ctx    context.Context
	errors *pageErrors
}

// pageErrors collects the uncaught JavaScript exceptions of a tab's pages.
type pageErrors struct {
	mu   sync.Mutex
	list []string
}

// newTab opens a tab for a visitor, and checks when the test ends that
// no page threw an uncaught exception.
func newTab(t *testing.T, v visitor) *tab {
	t.Helper()
	needSite(t)
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	vp := v.viewport
	if vp.width == 0 {
		vp = desktop
	}
	setup := []chromedp.Action[chromedp.Void]{emulateViewport(vp)}
	if v.lang != "" {
		setup = append(setup, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, network.SetExtraHTTPHeaders,
				network.SetExtraHTTPHeadersParams{Headers: network.Headers{"Accept-Language": v.lang}})
			return err
		}))
	}
	if v.noScript {
		setup = append(setup, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled,
				emulation.SetScriptExecutionDisabledParams{Value: true})
			return err
		}))
	}
	// The first run opens the tab and binds it to ctx, so it gets no
	// deadline of its own (see stepTimeout for the later steps).
	if err := chromedp.Do(ctx, setup...); err != nil {
		t.Fatalf("open a tab: %v", err)
	}
	tb := &tab{t: t, ctx: ctx, errors: &pageErrors{}}
	err := chromedp.Listen(ctx, func(ev any) {
		if ev, ok := ev.(*cdpruntime.EventExceptionThrown); ok {
			tb.errors.mu.Lock()
			defer tb.errors.mu.Unlock()
			d := ev.ExceptionDetails
			tb.errors.list = append(tb.errors.list, fmt.Sprintf("%s (%s:%d)", d.Text, d.URL, d.LineNumber+1))
		}
	})
	if err != nil {
		t.Fatalf("listen for page errors: %v", err)
	}
	t.Cleanup(func() {
		tb.errors.mu.Lock()
		defer tb.errors.mu.Unlock()
		for _, e := range tb.errors.list {
			t.Errorf("uncaught JavaScript exception: %s", e)
		}
	})
	return tb
}

// emulateViewport sizes the tab's window.
func emulateViewport(vp viewport) chromedp.Action[chromedp.Void] {
	if vp.mobile {
		return chromedp.EmulateViewport(vp.width, vp.height, chromedp.EmulateMobile, chromedp.EmulatePortrait)
	}
	return chromedp.EmulateViewport(vp.width, vp.height)
}

// in returns the same tab bound to another test, for subtests that go on
// with their parent's tab.
func (tb *tab) in(t *testing.T) *tab {
	c := *tb
	c.t = t
	return &c
}

// step runs f with a deadline, failing the test with what it was doing
// and the page it was on.
func (tb *tab) step(what string, f func(ctx context.Context) error) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	if err := f(ctx); err != nil {
		tb.t.Fatalf("%s: %v (on %s)", what, err, tb.where())
	}
}

// do runs actions that return nothing.
func (tb *tab) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	tb.step(what, func(ctx context.Context) error { return chromedp.Do(ctx, actions...) })
}

// get runs an action that returns a value.
func get[T any](tb *tab, what string, a chromedp.Action[T]) T {
	tb.t.Helper()
	var v T
	tb.step(what, func(ctx context.Context) (err error) {
		v, err = chromedp.Run(ctx, a)
		return err
	})
	return v
}

// open loads a path of the site and checks the status of its answer.
func (tb *tab) open(path string, wantStatus int) {
	tb.t.Helper()
	resp := get(tb, "open "+path, chromedp.NavigateResponse(site.url+path))
	if resp.Status != int64(wantStatus) {
		tb.t.Fatalf("open %s: status %d, want %d", path, resp.Status, wantStatus)
	}
}

// follow runs actions that lead to another page (a click on a link, the
// submission of a form) and waits until that page has loaded, which it
// wants answered with 200.
func (tb *tab) follow(what string, actions ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	var resp *network.Response
	tb.step(what, func(ctx context.Context) (err error) {
		resp, err = chromedp.RunResponse(ctx, actions...)
		return err
	})
	if resp.Status != 200 {
		tb.t.Fatalf("%s: landed on %s with status %d", what, resp.URL, resp.Status)
	}
}

// location returns the address of the page, relative to the site.
func (tb *tab) location() *url.URL {
	tb.t.Helper()
	u, err := url.Parse(get(tb, "read the address", chromedp.Location()))
	if err != nil {
		tb.t.Fatal(err)
	}
	return u
}

// where returns the page's address for failure messages, without failing.
func (tb *tab) where() string {
	ctx, cancel := context.WithTimeout(tb.ctx, 5*time.Second)
	defer cancel()
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		return "an unknown page"
	}
	return strings.TrimPrefix(loc, site.url)
}

// text waits until the element is visible and returns its text as shown.
func (tb *tab) text(sel string) string {
	tb.t.Helper()
	tb.do("wait for "+sel, chromedp.WaitVisible(sel))
	return strings.TrimSpace(get(tb, "read "+sel, chromedp.Text(sel)))
}

// js calls a JavaScript function of the page with JSON arguments and
// decodes what it returns into T.
func js[T any](tb *tab, what, fn string, args ...any) T {
	tb.t.Helper()
	encoded := make([]string, len(args))
	for i, a := range args {
		b, err := json.Marshal(a)
		if err != nil {
			tb.t.Fatal(err)
		}
		encoded[i] = string(b)
	}
	return get(tb, what, chromedp.Evaluate[T](fmt.Sprintf("(%s)(%s)", fn, strings.Join(encoded, ","))))
}

// lit quotes s as an XPath 1.0 string literal, which has no escapes.
func lit(s string) string {
	switch {
	case !strings.Contains(s, `"`):
		return `"` + s + `"`
	case !strings.Contains(s, "'"):
		return "'" + s + "'"
	}
	return `concat("` + strings.ReplaceAll(s, `"`, `", '"', "`) + `")`
}

// textOf is the XPath text of the context node with its white space
// collapsed, no-break spaces included: French puts one before a colon.
const textOf = "normalize-space(translate(., '\u00a0\u202f', '  '))"

// linkNamed selects the links whose visible text is name.
func linkNamed(name string) string {
	return fmt.Sprintf(`//a[%s=%s]`, textOf, lit(name))
}

// sectionTitled selects the sections whose heading starts with title.
func sectionTitled(title string) string {
	return fmt.Sprintf(`//section[(h2|h3)[starts-with(%s, %s)]]`, textOf, lit(title))
}
