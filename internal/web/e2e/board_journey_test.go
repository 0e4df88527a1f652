package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// An editor of Buckingham posts what partner the town seeks — after
// being told which field is wrong —, and its page suggests the communes
// of the registry that fit, with the reasons; a coordinator assesses
// Sanankoroba against the checklist and finds the assessment on the
// partnership's page; a visitor sees Sainte-Élisabeth's known twinnings
// apart from its recorded partnership, credited.
func TestPartnerBoardJourney(t *testing.T) {
	t.Parallel()
	s := newWritableSite(t)
	edLink := s.invite("relations@buckingham.test", "--name", "Relations internationales", "--role", "editor", "--org", "buckingham")
	coLink := s.invite("grille@rosi.test", "--name", "Coordination", "--role", "coordinator")
	// A small list of known twinnings, written here: the real one is
	// loaded by the command's own test.
	twins := filepath.Join(s.dir, "twins.csv")
	os.WriteFile(twins, []byte("city1,country1,lat1,lng1,city2,country2,lat2,lng2\n"+
		"Sainte-Élisabeth,Canada,46.09,-73.35,Sanankoroba,Mali,12.39,-7.93\n"+
		"Angers,France,47.47,-0.55,Sainte-Elisabeth,Canada,46.09,-73.35\n"+
		"Sainte-Élisabeth,Canada,46.09,-73.35,Ouagadougou,Burkina Faso,12.37,-1.52\n"), 0o644)
	if out := s.cli("twins", "load", twins); !strings.Contains(out, "3 twinnings loaded") {
		t.Fatalf("twins load: %s", out)
	}
	j := s.serve()

	ed := j.tab("editor", desktop)
	ed.acceptInvitation(edLink)
	ed.at("/fr/partenaires-recherches", 200)
	ed.look("board-empty")
	ed.submit("open the form", linkNamed("Publier une annonce"), "/fr/partenaires-recherches/nouvelle")
	ed.look("board-form")
	ed.choose("//select[@name='countries']", "ML")
	ed.do("want a municipality", chromedp.Click("//input[@name='partner_kinds' and @value='municipality']"))
	ed.fill("//input[@name='languages']", "fr, bm")
	ed.fill("//input[@name='pop_min']", "beaucoup")
	ed.fill("//textarea[@name='text.fr']", "Buckingham cherche une commune malienne pour un jumelage de coopération.")
	ed.fill("//input[@name='expires']", time.Now().AddDate(0, 2, 0).Format("2006-01-02"))
	ed.click("save with a bad population", "//main//form//button[@type='submit']")
	ed.wantText("//div[@id='form-errors']", "Population d'au moins")
	ed.wantText("//div[@id='form-errors']", "n'est pas un nombre entier positif")
	ed.look("board-form-errors")
	ed.fill("//input[@name='pop_min']", "500")
	ed.submit("post it", "//main//form//button[@type='submit']", "/fr/partenaires-recherches/")
	ed.wantText("//h1", "Cherche — Buckingham")
	orgs := sectionTitled("Organisations du registre qui correspondent")
	ed.wantText(orgs, "Sanankoroba")
	ed.wantText(orgs, "dans le pays voulu : Mali")
	ed.wantText(orgs, "du type voulu : Municipalité")
	ed.look("board-post")

	co := j.tab("coordinator", desktop)
	co.acceptInvitation(coLink)
	const partnership = "/fr/partenariats/jumelage-sainte-elisabeth-sanankoroba"
	co.at(partnership, 200)
	co.submit("open the assessment", linkNamed("Évaluer un candidat"), partnership+"/evaluation")
	co.choose("//select[@name='candidate']", "sanankoroba")
	co.do("social cohesion met", chromedp.Click("//input[@name='v1' and @value='met']"))
	co.fill("//input[@name='n1']", "Comités de village actifs")
	co.do("more than 500 inhabitants met", chromedp.Click("//input[@name='v5' and @value='met']"))
	co.fill("//textarea[@name='note']", "Candidat retenu.")
	co.look("assessment-form")
	co.submit("save the assessment", "//main//form//button[@type='submit']", partnership)
	section := sectionTitled("Évaluations des partenaires")
	co.wantText(section, "2 critères respectés sur 6")
	co.wantText(section, "La cohésion sociale au sein du village")
	co.wantText(section, "Comités de village actifs")
	co.wantText(section, "Conclusion : Candidat retenu.")
	co.look("assessment-shown")
	co.at("/fr/mon-espace/grille-de-selection", 200)
	co.look("checklist")

	vi := j.tab("visitor", phone)
	vi.at(partnership, 200)
	if got := vi.text("//main"); strings.Contains(got, "Évaluations des partenaires") {
		t.Error("a visitor sees the assessments")
	}
	vi.at("/fr/acteurs/sainte-elisabeth", 200)
	twinsSec := sectionTitled("Jumelages connus ailleurs")
	vi.wantText(twinsSec, "Angers")
	vi.wantText(twinsSec, "Ouagadougou")
	vi.wantText(twinsSec, "1 autre jumelage de la liste est déjà au registre")
	vi.wantText(twinsSec, "Wikipedia contributors, CC BY-SA")
	vi.look("town-twins")
	vi.at("/fr/partenaires-recherches", 200)
	vi.wantText("//main", "Buckingham cherche une commune malienne")
	vi.look("board-list")
}
