package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// The demonstration registry's twinning the first visitor looks for.
const (
	twinningFR   = "Jumelage Sainte-Élisabeth – Sanankoroba"
	twinningEN   = "Sainte-Élisabeth – Sanankoroba twinning"
	twinningSlug = "jumelage-sainte-elisabeth-sanankoroba"
)

// A French visitor finds a twinning by typing its name without the
// accent, reads its timeline, switches to English on the same record and
// opens one of its projects.
func TestVisitorFindsTwinningAndSwitchesLanguage(t *testing.T) {
	t.Parallel()
	tb := newTab(t, visitor{lang: "fr-FR,fr;q=0.9,en;q=0.5"})

	tb.open("/", 200)
	if got := tb.location().Path; got != "/fr/" {
		t.Fatalf("a French browser opening / lands on %s, want /fr/", got)
	}
	wantLang(tb, "fr")

	searchBox := `//main//form[@role="search"]//input[@name="q"]`
	tb.do("type in the search box", chromedp.WaitVisible(searchBox), chromedp.SendKeys(searchBox, "elisabeth"))
	tb.follow("submit the search", chromedp.Click(`//main//form[@role="search"]//button[@type="submit"]`))
	if u := tb.location(); u.Path != "/fr/recherche" || u.Query().Get("q") != "elisabeth" {
		t.Fatalf("the search landed on %s, want /fr/recherche?q=elisabeth", u)
	}
	if got := get(tb, "read the query kept in the box", chromedp.Value(`//main//input[@name="q"]`)); got != "elisabeth" {
		t.Errorf("the search box holds %q after the search, want the query", got)
	}

	result := "//main//ol" + linkNamed(twinningFR)
	tb.follow("open the twinning from the results", chromedp.WaitVisible(result), chromedp.Click(result))
	if got := tb.location().Path; got != "/fr/partenariats/"+twinningSlug {
		t.Fatalf("the result led to %s", got)
	}
	if got := tb.text("//h1"); got != twinningFR {
		t.Errorf("h1 = %q, want %q", got, twinningFR)
	}
	checkTimeline(tb, "Chronologie", "Jumelage des deux villages")

	tb.follow("switch to English", chromedp.Click(`//header//a[@hreflang="en"]`))
	if got := tb.location().Path; got != "/en/partnerships/"+twinningSlug {
		t.Fatalf("the language switch led to %s, want the same twinning in English", got)
	}
	wantLang(tb, "en")
	if got := tb.text("//h1"); got != twinningEN {
		t.Errorf("h1 = %q, want %q", got, twinningEN)
	}
	back := get(tb, "read the switch back", chromedp.AttributeValue(`//header//a[@hreflang="fr"]`, "href"))
	if !back.Exists || back.Value != "/fr/partenariats/"+twinningSlug {
		t.Errorf("the switch back to French points to %q, want the same twinning", back.Value)
	}
	checkTimeline(tb, "Timeline", "The two villages twin")

	projects := sectionTitled("Projects") + "//a"
	title := tb.text(projects)
	href := get(tb, "read the project's address", chromedp.AttributeValue(projects, "href"))
	if !strings.HasPrefix(href.Value, "/en/projects/") {
		t.Fatalf("the twinning's first project links to %q, want an English project page", href.Value)
	}
	tb.follow("open the project", chromedp.Click(projects))
	if got := tb.location().Path; got != href.Value {
		t.Fatalf("the project link led to %s, want %s", got, href.Value)
	}
	if got := tb.text("//h1"); got != title {
		t.Errorf("the project page's h1 = %q, want the link's text %q", got, title)
	}
}

// An English browser opening the site lands on the English home, and the
// English search for a place without its full name lists its twinning.
func TestEnglishVisitorSearchesNioro(t *testing.T) {
	t.Parallel()
	tb := newTab(t, visitor{lang: "en-GB,en;q=0.9"})

	tb.open("/", 200)
	if got := tb.location().Path; got != "/en/" {
		t.Fatalf("an English browser opening / lands on %s, want /en/", got)
	}
	tb.open("/en/search?q=nioro", 200)
	wantLang(tb, "en")
	twinning := "//main//ol" + linkNamed("Buckingham – Nioro du Rip twinning")
	tb.do("wait for the twinning in the results", chromedp.WaitVisible(twinning))
	href := get(tb, "read the twinning's address", chromedp.AttributeValue(twinning, "href"))
	if href.Value != "/en/partnerships/jumelage-buckingham-nioro-du-rip" {
		t.Errorf("the twinning links to %q, want its English page", href.Value)
	}
	if n := resultCount(tb); n < 2 {
		t.Errorf("the search for nioro counts %d results; the registry has the town, its twinning, projects and visits", n)
	}
}

// timelineEvent is one entry of a partnership's timeline as shown.
type timelineEvent struct {
	Date string `json:"date"` // the datetime of its <time>
	Text string `json:"text"`
}

// checkTimeline reads the timeline section titled heading and checks
// that its events run in date order from the first contact in 1984,
// whose text starts with first.
func checkTimeline(tb *tab, heading, first string) {
	tb.t.Helper()
	tb.do("wait for the timeline", chromedp.WaitVisible(sectionTitled(heading)+"//ol/li"))
	events := js[[]timelineEvent](tb, "read the timeline", `(heading) => {
		const h = [...document.querySelectorAll("main h2")].find(h => h.textContent.trim().startsWith(heading));
		return [...h.closest("section").querySelectorAll("ol > li")].map(li => ({
			date: li.querySelector("time")?.getAttribute("datetime") ?? "",
			text: li.innerText.replace(/\s+/g, " ").trim(),
		}));
	}`, heading)
	if len(events) < 3 {
		tb.t.Fatalf("the timeline shows %d events, want the twinning's history: %v", len(events), events)
	}
	if events[0].Date != "1984" || !strings.Contains(events[0].Text, first) {
		tb.t.Errorf("the timeline starts with %+v, want 1984, %q", events[0], first)
	}
	for i := 1; i < len(events); i++ {
		if events[i].Date < events[i-1].Date {
			tb.t.Errorf("the timeline is out of order: %q comes after %q", events[i].Date, events[i-1].Date)
		}
	}
}

// wantLang checks the language the page declares.
func wantLang(tb *tab, lang string) {
	tb.t.Helper()
	if got := get(tb, "read <html lang>", chromedp.Evaluate[string](`document.documentElement.lang`)); got != lang {
		tb.t.Errorf("<html lang=%q>, want %q", got, lang)
	}
}
