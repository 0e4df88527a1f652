package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// phone375 is the narrowest phone the forms are drawn for.
var phone375 = viewport{name: "phone375", width: 375, height: 812, mobile: true}

// TestEditingForms drives the project form with JavaScript (rows added in
// place, suggestions from the search) and the visit form without (rows
// added by posting the form), checks both with axe-core, errors shown
// included, and saves screenshots of each.
func TestEditingForms(t *testing.T) {
	t.Parallel()
	s := newWritableSite(t)
	link := s.invite("formulaires@rosi.test", "--name", "Coordination ROSI", "--role", "coordinator")
	j := s.serve()
	const password = "Une phrase de passe assez longue"

	// With JavaScript, on a desktop.
	co := j.tab("coordinator", desktop)
	co.acceptInvitation(link)
	co.at("/fr/projets/nouveau", 200)
	co.look("form-project")
	co.do("add a sector in place", chromedp.Click("//button[@name='add' and @value='sectors']"))
	co.do("wait for the new row", chromedp.WaitVisible("//select[@name='sectors[1].code']"))
	if got := co.location().Path; got != "/fr/projets/nouveau" {
		t.Errorf("adding a row with the script navigated to %s", got)
	}
	if focused := js[string](co.tab, "read the focused input", `() => document.activeElement.name`); focused != "sectors[1].code" {
		t.Errorf("focus is on %q after adding a row, want the new row's first input", focused)
	}
	co.wantText("//fieldset[@data-row='sectors[1]']/legend", "Secteur 2")
	co.do("add an indicator to a new result", chromedp.Click("//button[@name='add' and @value='results']"))
	co.do("add an indicator", chromedp.Click("//fieldset[@data-row='results[0]']//button[@name='add']"))
	co.do("wait for the indicator", chromedp.WaitVisible("//input[@name='results[0].indicators[0].title.fr']"))
	co.do("remove the second sector", chromedp.Click("//button[@name='remove' and @value='sectors[1]']"))
	co.do("wait for the removal", chromedp.WaitNotPresent("//select[@name='sectors[1].code']"))
	co.do("type an organisation's name", chromedp.SendKeys("//input[@name='participants[0].org']", "Bucking"))
	co.do("wait for suggestions", chromedp.WaitReady("//datalist[@id='dl-organisation']/option[@value='buckingham']"))

	// The bad input comes back with its messages, accessible too.
	co.choose("//select[@name='sectors[0].code']", "14031")
	co.fill("//input[@name='sectors[0].percentage']", "130")
	co.fill("//input[@name='planned_start']", "2024")
	co.fill("//input[@name='planned_end']", "2023")
	co.click("save with errors", "//main//form//button[@name='save' and not(@aria-hidden)]")
	co.do("wait for the summary", chromedp.WaitVisible("//div[@class='edit-summary']"))
	co.wantText("//p[@id='f-sectors-err']", "130")
	co.wantText("//p[@id='f-title-group-err']", "au moins dans une langue")
	co.wantText("//p[@id='f-planned_end-err']", "avant le début")
	co.look("form-project-errors")

	// Without JavaScript, on a narrow phone: the same account signs in.
	// axe-core is a script, so these pages are checked for their layout
	// only; the same templates were checked above with the script on.
	tb := newTab(t, visitor{viewport: phone375, lang: "fr-FR,fr;q=0.9", noScript: true})
	noAxe := *j
	noAxe.axe = ""
	ns := &person{tab: tb, j: &noAxe, name: "coordinator without script", vp: phone375}
	ns.at("/fr/missions/nouvelle", 200)
	if got := ns.location().Path; got != "/fr/connexion" {
		t.Fatalf("a visitor opening the form lands on %s, want the sign-in page", got)
	}
	ns.fill("//input[@name='email']", "formulaires@rosi.test")
	ns.fill("//input[@name='password']", password)
	ns.submit("sign in", "//main//form//button[@type='submit']", "/fr/missions/nouvelle")
	ns.fill("//input[@name='title.fr']", "Mission écrite sans script")
	ns.submit("add an organisation by posting", "//button[@name='add' and @value='with']", "/fr/missions/nouvelle")
	if v := ns.attr("//input[@name='title.fr']", "value"); v != "Mission écrite sans script" {
		t.Errorf("the title after adding a row is %q", v)
	}
	ns.fill("//input[@name='with[0]']", "gatineau")
	ns.fill("//input[@name='start']", "2025")
	ns.fill("//input[@name='from']", "buckingham")
	ns.fill("//input[@name='to']", "Nioro")
	ns.click("save with a name that is not quite one", "//main//form//button[@name='save' and not(@aria-hidden)]")
	ns.wantText("//p[@id='f-to-err']", "Plusieurs fiches")
	ns.look("form-visit-choices")
	ns.do("choose Nioro du Rip", chromedp.Click("//input[@type='radio' and @name='to.pick' and @value='nioro-du-rip']"))
	ns.click("save", "//main//form//button[@name='save' and not(@aria-hidden)]")
	// A new record is a draft, which has no public page yet: the
	// workspace lists it, with a word about submitting it.
	if got := ns.location().Path; got != "/fr/mon-espace" {
		t.Errorf("saving landed on %s", got)
	}
	ns.wantText("//main", "brouillon")
}
