package e2e

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/demo"
	"github.com/proximite/proximite/internal/report"
	"github.com/proximite/proximite/internal/sqlstore"
)

// papers are the sizes the territory report is laid out for, in inches.
var papers = []struct {
	name          string
	width, height float64
}{
	{"a4", 8.27, 11.69},
	{"letter", 8.5, 11},
}

// The territory reports of Gatineau (with Buckingham's twinning, since
// Buckingham is part of Gatineau) and of the Outaouais region: the
// figures they show are the registry's, counted by the store's
// statistics on a copy of the same registry, and each prints to PDF on
// two or three pages of A4 and of Letter paper.
func TestTerritoryReportPrints(t *testing.T) {
	t.Parallel()
	needSite(t)
	db := demoStore(t)
	shots := os.Getenv("PROXIMITE_SCREENSHOTS")
	for _, c := range []struct{ name, path, slug, must string }{
		{"gatineau-fr", "/fr/territoires/gatineau/rapport", "gatineau", "Jumelage Buckingham – Nioro du Rip"},
		{"outaouais-en", "/en/territories/region-outaouais/report", "region-outaouais", "Outaouais International Solidarity Network"},
	} {
		t.Run(c.name, func(t *testing.T) {
			tb := newTab(t, visitor{})
			tb.open(c.path, 200)
			if body := tb.text("//main"); !strings.Contains(body, c.must) {
				t.Errorf("the report does not show %q", c.must)
			}
			checkReportFigures(tb, db, c.slug)
			if !js[bool](tb, "see the print button", `() => !document.querySelector(".print-button").hidden`) {
				t.Error("the print button stays hidden with JavaScript on")
			}
			for _, p := range papers {
				pdf := get(tb, "print to PDF on "+p.name, chromedp.Action[[]byte](func(ctx context.Context, tg *chromedp.Target) ([]byte, error) {
					yes := true
					res, err := cdp.Call(ctx, tg, page.PrintToPDF, page.PrintToPDFParams{PaperWidth: p.width, PaperHeight: p.height,
						PrintBackground: &yes})
					return res.Data, err
				}))
				pages := bytes.Count(pdf, []byte("/Type /Page")) - bytes.Count(pdf, []byte("/Type /Pages"))
				if pages < 2 || pages > 3 {
					t.Errorf("%s on %s: %d pages, want 2 or 3", c.name, p.name, pages)
				}
				if shots != "" {
					os.MkdirAll(shots, 0o755)
					os.WriteFile(filepath.Join(shots, "report-"+c.name+"-"+p.name+".pdf"), pdf, 0o644)
				}
			}
			if shots != "" {
				// What the paper shows, as a picture: the page at A4's
				// width with the print stylesheet.
				tb.do("emulate print", emulateViewport(viewport{width: 794, height: 1123}), chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
					_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
					return err
				}))
				png := get(tb, "take a screenshot of the print", chromedp.FullScreenshot(100))
				os.WriteFile(filepath.Join(shots, "report-"+c.name+"-print.png"), png, 0o644)
			}
		})
	}
}

// The report prints without JavaScript too: the button, which needs it,
// is not shown, and the page says how to print.
func TestTerritoryReportWithoutScript(t *testing.T) {
	t.Parallel()
	tb := newTab(t, visitor{noScript: true})
	tb.open("/en/territories/gatineau/report", 200)
	if js[bool](tb, "look for the print button", `() => !document.querySelector(".print-button").hidden`) {
		t.Error("a print button that cannot work is shown without JavaScript")
	}
	tb.open("/fr/territoires/atlantide/rapport", 404)
	tb.follow("go to the list of territories", chromedp.Click(linkNamed("Voir la liste des territoires")))
	if got := tb.location().Path; got != "/fr/territoires" {
		t.Errorf("the 404's link leads to %s", got)
	}
}

// demoStore is the demonstration registry in a store of the test's own,
// the registry the site serves.
func demoStore(t *testing.T) *sqlstore.DB {
	t.Helper()
	ctx := context.Background()
	db, err := sqlstore.Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "count.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Load(ctx, db); err != nil {
		t.Fatal(err)
	}
	return db
}

// checkReportFigures compares the key figures the page shows with the
// store's statistics for the territory: partnerships, projects, the
// visits sent and hosted together, the people who went, the days given.
func checkReportFigures(tb *tab, db *sqlstore.DB, slug string) {
	tb.t.Helper()
	s, err := db.Statistics(context.Background(), proximite.StatsFilter{Territory: slug})
	if err != nil {
		tb.t.Fatal(err)
	}
	shown := js[[]string](tb, "read the figures", `() => [...document.querySelectorAll(".report-figures .figure-n")].map(e => e.textContent)`)
	if len(shown) != 6 {
		tb.t.Fatalf("the report shows %d figures, want 6: %q", len(shown), shown)
	}
	n := make([]int, len(shown))
	for i, v := range shown {
		digits := strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, v)
		n[i], _ = strconv.Atoi(digits)
	}
	want := []struct {
		what      string
		got, want int
	}{
		{"partnerships", n[0], s.Partnerships},
		{"projects", n[1], s.Projects},
		{"visits sent and hosted", n[2] + n[3], s.Visits},
		{"people who went", n[4], int(report.Total(s.Amounts, proximite.MeasurePeople))},
		{"in-kind days", n[5], int(report.Total(s.Amounts, proximite.MeasureInKindDays))},
	}
	for _, w := range want {
		if w.got != w.want {
			tb.t.Errorf("%s: the report shows %d, the registry counts %d", w.what, w.got, w.want)
		}
	}
	if s.Partnerships == 0 || s.Visits == 0 {
		tb.t.Errorf("the registry counts nothing for %s: %+v", slug, s)
	}
}
