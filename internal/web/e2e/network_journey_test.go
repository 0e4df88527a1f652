package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// A visitor opens the network, keeps the municipalities with the filter
// form (no JavaScript needed: it is a GET form), follows Buckingham's
// node to its page, opens one of its projects and finds, on the
// project's page, the FCM's programme among those that could fund it.
func TestVisitorExploresTheNetworkAndFindsFunding(t *testing.T) {
	t.Parallel()
	needSite(t)
	tb := newTab(t, visitor{viewport: desktop})
	tb.open("/fr/reseau", 200)
	if got := tb.text("//h1"); got != "Le réseau des acteurs" {
		t.Errorf("h1 = %q", got)
	}
	node := func(slug string) string {
		return `//*[local-name()='svg']//*[local-name()='a' and @href='/fr/acteurs/` + slug + `']`
	}
	tb.do("wait for the drawing", chromedp.WaitVisible(node("buckingham")))

	tb.do("keep the municipalities", chromedp.Click(`//input[@name='kind' and @value='municipality']`))
	tb.follow("apply the filter", chromedp.Click(`//main//form//button[@type='submit']`))
	if u := tb.location(); u.Path != "/fr/reseau" || u.Query().Get("kind") != "municipality" {
		t.Fatalf("the filter led to %s", u)
	}
	checked := get(tb, "read the box", chromedp.AttributeValue(`//input[@name='kind' and @value='municipality']`, "checked"))
	if !checked.Exists {
		t.Error("the municipalities' box is not checked after filtering")
	}
	// Every row of the text alternative has a municipality at one end.
	rows := js[int](tb, "count the links", `() => document.querySelectorAll('.network-table tbody tr').length`)
	withMunicipality := js[int](tb, "count the links with a municipality", `() =>
		[...document.querySelectorAll('.network-table tbody tr')].filter(tr => tr.textContent.includes('Municipalité')).length`)
	if rows == 0 || rows != withMunicipality {
		t.Errorf("%d links listed, %d with a municipality", rows, withMunicipality)
	}
	if shots := os.Getenv("PROXIMITE_SCREENSHOTS"); shots != "" {
		png := get(tb, "take a picture of the drawing", chromedp.Screenshot(`//figure[contains(@class,'network-figure')]`))
		if err := os.MkdirAll(shots, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(shots, "network-municipalities-figure.png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	tb.follow("follow Buckingham's node", chromedp.Click(node("buckingham")))
	if got := tb.location().Path; got != "/fr/acteurs/buckingham" {
		t.Fatalf("the node led to %s", got)
	}
	project := "//main" + linkNamed("Informatisation des services municipaux de Nioro du Rip")
	tb.follow("open one of its projects", chromedp.WaitVisible(project), chromedp.Click(project))
	if got := tb.location().Path; got != "/fr/projets/nioro-du-rip-informatisation" {
		t.Fatalf("the project link led to %s", got)
	}
	if got := tb.text("//h2[@id='pr-funding']"); got != "Programmes qui pourraient financer ce projet" {
		t.Errorf("funding heading = %q", got)
	}
	fcm := "//section[@aria-labelledby='pr-funding']" + linkNamed("Programme de partenariats municipaux de la FCM")
	tb.do("see the FCM's programme", chromedp.WaitVisible(fcm))
	tb.follow("open the search for other programmes", chromedp.Click("//section[@aria-labelledby='pr-funding']"+linkNamed("Chercher d'autres programmes")))
	if u := tb.location(); u.Path != "/fr/financement" || u.Query().Get("country") != "SN" {
		t.Errorf("the funding search opened at %s, want the project's country asked", u)
	}
}
