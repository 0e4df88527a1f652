package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// narrowPhone is the narrowest phone the site is laid out for: 375 CSS
// pixels, the width of the smaller iPhones and of many Android phones,
// narrower than the phone of TestMainPages.
var narrowPhone = viewport{name: "narrow", width: 375, height: 812, mobile: true}

// At the narrowest phone width, the French pages, whose words are the
// longest, fit the window: nothing scrolls sideways, not even the header's
// search box on record pages. With PROXIMITE_SCREENSHOTS=DIR, each is
// saved as DIR/NAME-narrow.png.
func TestFrenchPagesFitANarrowPhone(t *testing.T) {
	t.Parallel()
	tb := newTab(t, visitor{viewport: narrowPhone})
	shots := os.Getenv("PROXIMITE_SCREENSHOTS")
	if shots != "" {
		if err := os.MkdirAll(shots, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, pg := range []struct{ name, path string }{
		{"home-fr", "/fr/"},
		{"search-fr", "/fr/recherche"},
		{"search-fr-words", "/fr/recherche?q=sanankoroba"},
		{"organisation-fr", "/fr/acteurs/buckingham"},
		{"project-fr", "/fr/projets/sanankoroba-projets-communautaires"},
		{"network-fr", "/fr/reseau"},
		{"funding-fr", "/fr/financement?kind=ngo&country=ML&sector=111"},
		{"synergies-fr", "/fr/acteurs/buckingham/synergies"},
		{"board-fr", "/fr/partenaires-recherches"},
		{"stats-fr", "/fr/statistiques"},
		{"territories-fr", "/fr/territoires"},
		{"report-fr", "/fr/territoires/region-outaouais/rapport"},
	} {
		t.Run(pg.name, func(t *testing.T) {
			tb := tb.in(t)
			tb.open(pg.path, 200)
			// A phone widens its layout viewport to content that
			// overflows, and innerWidth with it: the window's own width
			// is the bound as well.
			fit := js[struct{ Scroll, Inner int }](tb, "measure the page", `() => ({
				Scroll: document.documentElement.scrollWidth,
				Inner: window.innerWidth,
			})`)
			if fit.Scroll > fit.Inner || fit.Inner > int(narrowPhone.width) {
				t.Errorf("the page is %d px wide, the window %d px on a %d px phone: it scrolls sideways",
					fit.Scroll, fit.Inner, narrowPhone.width)
			}
			if shots != "" {
				png := get(tb, "take a screenshot", chromedp.FullScreenshot(100))
				if err := os.WriteFile(filepath.Join(shots, pg.name+"-narrow.png"), png, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// On a phone the world map shrinks to a third of its drawn size, and its
// own legend to a few pixels: the page shows the legend below the map
// instead, in text of a readable size.
func TestMapLegendReadsOnAPhone(t *testing.T) {
	t.Parallel()
	tb := newTab(t, visitor{viewport: narrowPhone})
	for _, path := range []string{"/fr/", "/fr/recherche"} {
		t.Run(path, func(t *testing.T) {
			tb := tb.in(t)
			tb.open(path, 200)
			legend := js[struct {
				Rows     int
				FontSize float64
				InSVG    string
			}](tb, "measure the legends", `() => {
				const rows = [...document.querySelectorAll(".map-legend li")].filter(li => li.getClientRects().length > 0);
				const svg = document.querySelector(".map-frame .wm-legend");
				return {
					Rows: rows.length,
					FontSize: rows.length ? Math.min(...rows.map(li => parseFloat(getComputedStyle(li).fontSize))) : 0,
					InSVG: svg ? getComputedStyle(svg).display : "",
				};
			}`)
			if legend.Rows < 2 {
				t.Fatalf("%d rows of legend shown below the map, want its shades and the countries without any", legend.Rows)
			}
			if legend.FontSize < 12 {
				t.Errorf("the legend's text is %.1f px, too small to read", legend.FontSize)
			}
			if legend.InSVG != "none" {
				t.Errorf("the map's own legend still shows (display %q) beside the page's", legend.InSVG)
			}
		})
	}
}
