package e2e

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// mainPages are the pages checked for accessibility and screenshotted:
// one of each kind, in both languages where the layout differs.
var mainPages = []struct {
	name, path string
	status     int
}{
	{"home-fr", "/fr/", 200},
	{"home-en", "/en/", 200},
	{"search-fr", "/fr/recherche?q=sanankoroba", 200},
	{"search-en-filtered", "/en/search?country=ML&type=project", 200},
	{"organisation", "/fr/acteurs/buckingham", 200},
	{"partnership", "/fr/partenariats/jumelage-sainte-elisabeth-sanankoroba", 200},
	{"partnership-en", "/en/partnerships/jumelage-buckingham-nioro-du-rip", 200},
	{"project", "/fr/projets/sanankoroba-projets-communautaires", 200},
	{"visit", "/en/visits/delegation-buckingham-nioro-du-rip-1", 200},
	{"programme", "/fr/programmes/fcm-partenariats-municipaux", 200},
	{"list", "/fr/partenariats", 200},
	{"events", "/fr/evenements", 200},
	{"library", "/fr/bibliotheque", 200},
	{"synergies", "/fr/acteurs/buckingham/synergies", 200},
	{"synergies-partnership-en", "/en/partnerships/jumelage-buckingham-nioro-du-rip/synergies", 200},
	{"network", "/fr/reseau", 200},
	{"network-en-filtered", "/en/network?kind=municipality&country=ML", 200},
	{"funding", "/fr/financement?kind=municipality&country=SN&sector=151", 200},
	{"funding-en", "/en/funding", 200},
	{"publication-en", "/en/library/cooperation-de-proximite-en-question", 200},
	{"stats", "/fr/statistiques", 200},
	{"stats-en-filtered", "/en/statistics?territory=gatineau&from=1990&to=2010", 200},
	{"stats-empty", "/fr/statistiques?country=ZZ", 200},
	{"territories", "/fr/territoires", 200},
	{"report-gatineau", "/fr/territoires/gatineau/rapport", 200},
	{"report-outaouais-en", "/en/territories/region-outaouais/report", 200},
	{"territory-not-found", "/fr/territoires/atlantide/rapport", 404},
	{"board", "/fr/partenaires-recherches", 200},
	{"board-en-filtered", "/en/partner-search?kind=seek&country=ML", 200},
	{"not-found", "/fr/nulle-part", 404},
	{"not-found-en", "/en/partnerships/no-such-twinning", 404},
}

// Every main page, at desktop and phone widths: it answers with its
// status, has one h1 and no sideways scrolling, and axe-core finds no
// serious or critical accessibility violation on it. With
// PROXIMITE_SCREENSHOTS=DIR, each is saved as DIR/NAME-WIDTH.png.
func TestMainPages(t *testing.T) {
	t.Parallel()
	needSite(t)
	axe := loadAxe(t)
	shots := os.Getenv("PROXIMITE_SCREENSHOTS")
	if shots != "" {
		if err := os.MkdirAll(shots, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, vp := range []viewport{desktop, phone} {
		t.Run(vp.name, func(t *testing.T) {
			t.Parallel()
			tb := newTab(t, visitor{viewport: vp})
			if axe != "" {
				tb.do("load axe-core into every page", addScript(axe))
			}
			for _, pg := range mainPages {
				t.Run(pg.name, func(t *testing.T) {
					tb := tb.in(t)
					tb.open(pg.path, pg.status)
					checkLayout(tb, vp)
					if shots != "" {
						png := get(tb, "take a screenshot", chromedp.FullScreenshot(100))
						file := filepath.Join(shots, pg.name+"-"+vp.name+".png")
						if err := os.WriteFile(file, png, 0o644); err != nil {
							t.Fatal(err)
						}
					}
					if axe != "" {
						checkAccessibility(tb)
					}
				})
			}
		})
	}
}

// checkLayout checks what a visitor sees at first glance: one main
// heading, and a page no wider than the window.
func checkLayout(tb *tab, vp viewport) {
	tb.t.Helper()
	layout := js[struct {
		H1s, Width, Window int
	}](tb, "measure the page", `() => ({
		H1s: document.querySelectorAll("h1").length,
		Width: document.documentElement.scrollWidth,
		Window: document.documentElement.clientWidth,
	})`)
	if layout.H1s != 1 {
		tb.t.Errorf("%d h1 headings, want 1", layout.H1s)
	}
	if layout.Width > layout.Window {
		tb.t.Errorf("at %s width the page is %d px wide in a %d px window: it scrolls sideways", vp.name, layout.Width, layout.Window)
	}
}

// loadAxe reads axe-core's script from PROXIMITE_AXE. Without it the
// accessibility check is left out on a developer's machine and fails
// the test under CI.
func loadAxe(t *testing.T) string {
	t.Helper()
	file := os.Getenv("PROXIMITE_AXE")
	if file == "" {
		file = filepath.Join(os.Getenv("HOME"), ".cache", "proximite-e2e", "node_modules", "axe-core", "axe.min.js")
	}
	src, err := os.ReadFile(file)
	if err == nil {
		return string(src)
	}
	msg := "no axe-core at " + file + " (npm install axe-core, then set PROXIMITE_AXE to its axe.min.js): accessibility not checked"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	axeMissing.Do(func() { t.Log(msg) })
	return ""
}

// axeMissing says once per run that axe-core is missing.
var axeMissing sync.Once

// axeViolation is one rule axe-core found broken, with where.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []string `json:"target"`
	} `json:"nodes"`
}

// addScript has the tab run a script in every page it loads, before
// the page's own: axe-core is sent to the browser once, not per page.
func addScript(src string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument,
			page.AddScriptToEvaluateOnNewDocumentParams{Source: src})
		return err
	})
}

// axeRun runs every axe-core rule on the page and keeps what the
// report needs: rule, impact, help and each node's selector, and how
// many rules passed, which shows that axe did look at the page.
const axeRun = `axe.run(document, {resultTypes: ["violations"]}).then(r => ({
	passed: r.passes.length,
	violations: r.violations.map(v => ({
		id: v.id, impact: v.impact || "", help: v.help,
		nodes: v.nodes.map(n => ({target: n.target.map(String)})),
	})),
}))`

// checkAccessibility runs axe-core on the page and fails the test on any
// serious or critical violation; lesser ones are logged.
func checkAccessibility(tb *tab) {
	tb.t.Helper()
	result := get(tb, "run axe-core", chromedp.Evaluate[struct {
		Passed     int            `json:"passed"`
		Violations []axeViolation `json:"violations"`
	}](axeRun, chromedp.EvalAwaitPromise))
	if result.Passed == 0 {
		tb.t.Errorf("axe-core passed no rule: it did not check the page")
	}
	for _, v := range result.Violations {
		report := tb.t.Logf
		if v.Impact == "serious" || v.Impact == "critical" {
			report = tb.t.Errorf
		}
		targets := make([]string, len(v.Nodes))
		for i, n := range v.Nodes {
			targets[i] = strings.Join(n.Target, " ")
		}
		detail, _ := json.Marshal(targets)
		report("axe %s [%s]: %s; %d node(s): %s", v.ID, v.Impact, v.Help, len(v.Nodes), detail)
	}
}
