package e2e

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/chromedp/chromedp"
)

// chromiumPath is Debian's Chromium; PROXIMITE_CHROMIUM names another.
func chromiumPath() string {
	if p := os.Getenv("PROXIMITE_CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// startBrowser starts one headless Chromium for the whole run, with a
// fresh profile in dir and nothing that reaches the network on its own.
// A missing Chromium is not an error: the browser tests skip (or fail
// under CI) with the reason left in siteError. A Chromium that is there
// but does not start is an error.
func startBrowser(dir string) (stop func(), err error) {
	exe := chromiumPath()
	if _, err := os.Stat(exe); err != nil {
		siteError = fmt.Sprintf("no Chromium at %s (apt-get install chromium, or set PROXIMITE_CHROMIUM)", exe)
		return func() {}, nil
	}
	profile := filepath.Join(dir, "chromium-profile")
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe),
		chromedp.UserDataDir(profile),
		chromedp.Headless,
		chromedp.NoSandbox, // CI runs as root, where the sandbox cannot start
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("force-color-profile", "srgb"),
		chromedp.Flag("hide-scrollbars", true), // screenshots the same on every run
		chromedp.Flag("mute-audio", true),
	)
	ctx, cancelBrowser := chromedp.NewContext(allocCtx)
	stop = func() {
		cancelBrowser()
		cancelAlloc()
	}
	// Start it now, with a context without deadline: the browser lives as
	// long as the context of its first run.
	start := make(chan error, 1)
	go func() { start <- chromedp.Do(ctx) }()
	select {
	case err = <-start:
	case <-time.After(time.Minute):
		err = errors.New("no answer within a minute")
	}
	if err != nil {
		stop()
		return func() {}, fmt.Errorf("start %s: %w", exe, err)
	}
	browser = ctx
	return stop, nil
}
