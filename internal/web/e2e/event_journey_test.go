package e2e

import (
	"testing"
)

// A coordinator announces an event with the form — times typed as the
// clock in Montreal shows them —, is told about an end before the start,
// publishes it, and finds it on the calendar and on its own page with its
// times in Montreal's zone, named; the organiser's page lists it.
func TestCoordinatorPublishesAnEvent(t *testing.T) {
	t.Parallel()
	s := newWritableSite(t)
	link := s.invite("agenda@rosi.test", "--name", "Coordination", "--role", "coordinator")
	j := s.serve()

	co := j.tab("coordinator", desktop)
	co.acceptInvitation(link)
	co.submit("open the events", linkNamed("Événements du calendrier : annoncer, modifier, publier"), "/fr/mon-espace/evenements")
	co.look("events")
	co.submit("open the event form", linkNamed("Nouvel événement"), "/fr/evenements/nouveau")
	co.look("event-form")

	const title = "Forum des jumelages 2031"
	co.fill("//input[@name='title.fr']", title)
	co.fill("//input[@name='title.en']", "Twinning forum 2031")
	co.fill("//textarea[@name='description.fr']", "Une journée pour les comités de jumelage du Québec.")
	co.fill("//input[@name='start']", "2031-10-03T09:00")
	co.fill("//input[@name='end']", "2031-10-03T08:00") // before the start: refused
	co.choose("//select[@name='zone']", "America/Montreal")
	co.fill("//input[@name='place.fr']", "Hôtel de ville de Buckingham")
	co.fill("//input[@name='organisers[0]']", "buckingham")
	co.choose("//select[@name='state']", "published")
	co.click("save with the end before the start", "//main//form//button[@name='save' and not(@aria-hidden)]")
	co.wantText("//div[@id='form-errors']", "Fin")
	co.wantText("//p[@id='f-end-err']", "avant")
	co.look("event-form-errors")

	co.fill("//input[@name='end']", "2031-10-03T17:30")
	co.submit("save and publish", "//main//form//button[@name='save' and not(@aria-hidden)]", "/fr/evenements/forum-des-jumelages-2031")
	co.wantText("//h1", title)
	// 09:00 in Montreal in October is EDT, four hours behind UTC.
	co.wantText("//article/header//time", "3 octobre 2031, de 09:00 à 17:30")
	co.wantText("//article/header", "America/Montreal (UTC−04:00)")
	co.wantText("//dl[contains(@class,'facts')]", "Buckingham")
	co.look("event-page")
	co.at("/fr/mon-espace/evenements", 200)
	co.wantText(`//li[.//a[normalize-space()=`+lit(title)+`]]`, "Publié au calendrier")
	co.look("events-list")

	vi := j.tab("visitor", phone)
	vi.at("/fr/evenements", 200)
	card := `//li[contains(@class,'card-event')][.//h3[normalize-space()=` + lit(title) + `]]`
	vi.wantText(card+"//time", "09:00")
	vi.wantText(card, "America/Montreal (UTC−04:00)")
	vi.look("calendar")
	vi.submit("open the event", card+"//h3/a", "/fr/evenements/forum-des-jumelages-2031")
	vi.wantText("//h1", title)
	vi.at("/en/events/forum-des-jumelages-2031", 200)
	vi.wantText("//h1", "Twinning forum 2031")
	vi.wantText("//article/header//time", "09:00")
	vi.look("event-page-en")
	vi.at("/fr/acteurs/buckingham", 200)
	vi.wantText(sectionTitled("Événements organisés"), title)
}
