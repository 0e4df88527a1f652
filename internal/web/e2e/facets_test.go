package e2e

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// A visitor narrows the search by country, then by a sector found there,
// sees a filter chip for each and fewer results each time, and removes
// the sector's chip to get the country's results back. With JavaScript,
// ticking a box updates the results at once.
func TestVisitorFiltersByCountryAndSector(t *testing.T) {
	t.Parallel()
	filterJourney(t, newTab(t, visitor{lang: "fr"}), func(tb *tab, option string) {
		// The script hides the button, so the click alone must update.
		tb.do("wait for the script to hide the apply button", chromedp.WaitNotVisible(applyButton))
		tb.follow("tick "+option, chromedp.Click(option))
	})
}

// The same journey without JavaScript: ticking a box changes nothing
// until the visitor presses the form's button, which is there for them.
func TestFiltersWorkWithoutJavaScript(t *testing.T) {
	t.Parallel()
	filterJourney(t, newTab(t, visitor{lang: "fr", noScript: true}), func(tb *tab, option string) {
		if get(tb, "look for the script's mark", chromedp.Evaluate[bool](`document.documentElement.classList.contains("js")`)) {
			t.Fatal("the page's script ran although JavaScript is disabled")
		}
		before := tb.location().String()
		tb.do("tick "+option, chromedp.WaitVisible(applyButton), chromedp.Click(option))
		if after := tb.location().String(); after != before {
			t.Fatalf("without JavaScript, ticking a box went to %s", after)
		}
		tb.follow("apply the filters", chromedp.Click(applyButton))
	})
}

// applyButton is the search form's button for visitors without
// JavaScript.
var applyButton = fmt.Sprintf(`//main//button[%s="Appliquer les filtres"]`, textOf)

// filterJourney runs the filter journey on the French search, choosing
// each facet value with choose.
func filterJourney(t *testing.T, tb *tab, choose func(tb *tab, option string)) {
	tb.open("/fr/recherche", 200)
	all := resultCount(tb)

	mali := facetValue(tb, "Pays", "Mali")
	choose(tb, facetLabel("Pays", mali.Label))
	if q := tb.location().Query(); q.Get("country") != "ML" {
		t.Fatalf("after ticking Mali the address has country=%q, want ML", q.Get("country"))
	}
	inMali := resultCount(tb)
	if inMali != mali.Count || inMali >= all {
		t.Errorf("Mali: %d results, want the facet's count %d, fewer than the %d of the whole registry", inMali, mali.Count, all)
	}
	wantChips(tb, "Pays : Mali")

	// The sectors offered are those present in Mali; take the first.
	sectors := facetValues(tb, "Secteur")
	if len(sectors) == 0 {
		t.Fatal("no sector facet among the Malian results")
	}
	sector := sectors[0]
	choose(tb, facetLabel("Secteur", sector.Label))
	if q := tb.location().Query(); q.Get("country") != "ML" || q.Get("sector") != sector.Value {
		t.Fatalf("after ticking %s the address is %s, want country=ML and sector=%s", sector.Label, tb.location(), sector.Value)
	}
	both := resultCount(tb)
	if both != sector.Count || both >= inMali {
		t.Errorf("Mali and %s: %d results, want the facet's count %d, fewer than Mali's %d", sector.Label, both, sector.Count, inMali)
	}
	wantChips(tb, "Pays : Mali", "Secteur : "+sector.Label)

	chip := fmt.Sprintf(`//main//ul[@class="chips"]//a[contains(%s, %s)]`, textOf, lit("Secteur : "+sector.Label))
	tb.follow("remove the sector's chip", chromedp.Click(chip))
	if q := tb.location().Query(); q.Get("country") != "ML" || q.Has("sector") {
		t.Fatalf("after removing the sector the address is %s, want country=ML alone", tb.location())
	}
	if n := resultCount(tb); n != inMali {
		t.Errorf("after removing the sector: %d results, want Mali's %d back", n, inMali)
	}
	wantChips(tb, "Pays : Mali")
}

// facetOption is a value of a search facet as the page offers it.
type facetOption struct {
	Name    string `json:"name"`  // the form field
	Value   string `json:"value"` // its value in the address
	Label   string `json:"label"`
	Count   int    `json:"count"`
	Checked bool   `json:"checked"`
}

// facetValues returns the visible values of the facet whose legend
// starts with legend, as the visitor sees them.
func facetValues(tb *tab, legend string) []facetOption {
	tb.t.Helper()
	return js[[]facetOption](tb, "read the facet "+legend, `(legend) => {
		const set = [...document.querySelectorAll("main fieldset")].find(f => f.querySelector("legend").textContent.trim().startsWith(legend));
		if (!set) return [];
		return [...set.querySelectorAll("input[type=checkbox]")].filter(i => i.labels[0].checkVisibility()).map(i => ({
			name: i.name, value: i.value, checked: i.checked,
			label: i.labels[0].querySelector(".facet-label").textContent.trim(),
			count: parseInt(i.labels[0].querySelector(".count").textContent.replace(/\D/g, ""), 10),
		}));
	}`, legend)
}

// facetValue returns the value labelled label of a facet, failing the
// test when the page does not offer it.
func facetValue(tb *tab, legend, label string) facetOption {
	tb.t.Helper()
	for _, o := range facetValues(tb, legend) {
		if o.Label == label {
			return o
		}
	}
	tb.t.Fatalf("the facet %s offers no %s", legend, label)
	return facetOption{}
}

// facetLabel selects the label of a facet's value, which the visitor
// clicks to tick its box.
func facetLabel(legend, label string) string {
	return fmt.Sprintf(`//main//fieldset[legend[starts-with(%s, %s)]]//label[span[%s=%s]]`,
		textOf, lit(legend), textOf, lit(label))
}

// countPattern reads the number that starts the results' heading, which
// may group thousands with spaces ("1 234 résultats").
var countPattern = regexp.MustCompile(`^[\d\s\x{a0}\x{202f}]+`)

// resultCount returns the number of results the search page announces.
func resultCount(tb *tab) int {
	tb.t.Helper()
	heading := tb.text(`//main//h2[@id="results-title"]`)
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, countPattern.FindString(heading))
	n, err := strconv.Atoi(digits)
	if err != nil {
		tb.t.Fatalf("the results' heading %q starts with no count", heading)
	}
	return n
}

// wantChips checks the removable filters shown, in order, by the text
// they show (the chip's "Remove the filter" is for screen readers).
func wantChips(tb *tab, want ...string) {
	tb.t.Helper()
	got := js[[]string](tb, "read the filter chips", `() =>
		[...document.querySelectorAll("main .chips a.chip")].map(a => {
			const c = a.cloneNode(true);
			c.querySelectorAll(".visually-hidden, [aria-hidden=true]").forEach(e => e.remove());
			return c.textContent.replace(/\s+/g, " ").trim();
		})`)
	if strings.Join(got, " | ") != strings.Join(want, " | ") {
		tb.t.Errorf("filter chips %q, want %q", got, want)
	}
}
