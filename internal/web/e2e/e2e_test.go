// Package e2e tests the public site end to end: it builds the real
// proximite binary, serves the demonstration registry from a fresh SQLite
// file, and drives Debian's Chromium through the visitors' journeys, with
// the axe-core accessibility engine run on the main pages.
//
// Needs: /usr/bin/chromium (apt-get install chromium) and, for the
// accessibility check, axe-core's axe.min.js at $PROXIMITE_AXE (npm
// install axe-core). Without them the tests skip, except under CI=true,
// where they fail. Set PROXIMITE_SCREENSHOTS=DIR to save full-page
// screenshots of the main pages at desktop and phone widths. -short skips
// the whole package.
package e2e

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"testing"
)

// The site and the browser, shared by every test of the run: the server
// only reads, and each test opens its own tab in its own browser context.
var (
	site      *program
	browser   context.Context // a chromedp context holding the browser
	siteError string          // why there is no site; tests skip or fail with it
)

func TestMain(m *testing.M) {
	flag.Parse()
	os.Exit(run(m))
}

func run(m *testing.M) int {
	if testing.Short() {
		siteError = "-short: the end-to-end tests build the program and start a browser"
		return m.Run()
	}
	// The program and Chromium are told to die with the thread that
	// started them (see dieWithParent); this one lives until the run ends.
	runtime.LockOSThread()

	dir, err := os.MkdirTemp("", "proximite-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(dir)

	bin, err := buildProgram(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	site, err = startProgram(bin, dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}

	closeBrowser, err := startBrowser(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		site.stop()
		return 1
	}
	code := m.Run()
	closeBrowser()

	if err := site.stop(); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: graceful shutdown:", err)
		code = 1
	}
	return code
}

// needSite skips or fails a test that cannot run: skipped in -short mode
// or on a developer's machine without Chromium, failed in CI, which must
// run them.
func needSite(t *testing.T) {
	t.Helper()
	if siteError == "" {
		return
	}
	if os.Getenv("CI") == "true" && !testing.Short() {
		t.Fatal(siteError)
	}
	t.Skip(siteError)
}
