package web

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

func TestVisitFormRendersInBothLanguages(t *testing.T) {
	s := openFormSite(t)
	for _, c := range []struct {
		target string
		want   []string
	}{
		{"/fr/missions/nouvelle", []string{`<h1>Nouvelle mission</h1>`, `<label for="f-title-fr">`, `en français`, `Organisation qui envoie la délégation`,
			`name="direction"`, `name="people[0].kind"`, `<template data-blank="__0__">`, `lang="fr"`, `hreflang="en"`, `href="/en/visits/new"`}},
		{"/en/visits/new", []string{`<h1>New visit</h1>`, `in English`, `Sending organisation`, `Add a group of people`}},
		{"/fr/missions/delegation-buckingham-nioro-du-rip-1/modifier", []string{`Modifier «`, `value="buckingham"`, `value="nioro-du-rip"`,
			`value="jumelage-buckingham-nioro-du-rip"`, `value="1993"`, `<option value="north_south" selected>`}},
		{"/en/visits/delegation-buckingham-nioro-du-rip-1/edit", []string{`Edit “`, `Buckingham delegation`}},
	} {
		r := s.do(t, s.editor, http.MethodGet, c.target, nil)
		wantStatus(t, r, http.StatusOK)
		mustContain(t, c.target, r, c.want...)
		if cc := r.Header.Get("Cache-Control"); cc != "no-store" {
			t.Errorf("%s: Cache-Control %q, want no-store", c.target, cc)
		}
	}
	r := s.do(t, s.editor, http.MethodGet, "/fr/missions/pas-de-telle-mission/modifier", nil)
	wantStatus(t, r, http.StatusNotFound)
}

// TestVisitFormCreates is the browser journey's first step in a request:
// an editor of Buckingham records a new delegation to Nioro du Rip,
// naming the towns by name and by slug, on both databases.
func TestVisitFormCreates(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		s := newFormSite(t, db)
		r := s.do(t, s.editor, http.MethodPost, "/fr/missions/nouvelle", vals(
			"title.fr", "Mission de 2024 à Nioro du Rip", "title.en", "2024 visit to Nioro du Rip",
			"direction", "north_south", "start", "2024-05-02", "end", "2024-05-16",
			"partnership", "jumelage-buckingham-nioro-du-rip", "from", "Buckingham", "to", "nioro-du-rip",
			"people[0].kind", "elected", "people[0].count", "3",
			"people[3].kind", "volunteers", "people[3].count", "", "people[3].note.fr", "des bénévoles de la Maison des jeunes",
			"people[5].kind", "", "people[5].count", "", // a blank row, dropped
			"purpose.fr", "Revoir le programme d'obstétrique.\nRencontrer le conseil.", "save", "1"))
		wantStatus(t, r, http.StatusSeeOther)
		if loc := r.Header.Get("Location"); loc != "/fr/mon-espace?fait=saved" { // a draft has no public page yet
			t.Fatalf("redirected to %q", loc)
		}
		v, err := db.FindVisit(context.Background(), "mission-de-2024-a-nioro-du-rip")
		if err != nil {
			t.Fatal(err)
		}
		if v.State != proximite.Draft || v.From != "buckingham" || v.To != "nioro-du-rip" || v.Start != "2024-05-02" ||
			v.Title["en"] != "2024 visit to Nioro du Rip" || len(v.People) != 2 || v.People[0].Count != 3 ||
			v.People[1].Note["fr"] != "des bénévoles de la Maison des jeunes" || !strings.Contains(v.Purpose["fr"], "\nRencontrer") {
			t.Errorf("stored %+v", v)
		}
		// The same title again gets the next address.
		r = s.do(t, s.editor, http.MethodPost, "/fr/missions/nouvelle", vals(
			"title.fr", "Mission de 2024 à Nioro du Rip", "direction", "north_south", "start", "2024", "from", "buckingham", "to", "nioro-du-rip"))
		wantStatus(t, r, http.StatusSeeOther)
		if _, err := db.FindVisit(context.Background(), "mission-de-2024-a-nioro-du-rip-2"); err != nil {
			t.Errorf("second visit not stored at the next address: %v", err)
		}
	})
}

func TestVisitFormUpdatesKeepingState(t *testing.T) {
	s := openFormSite(t)
	ctx := context.Background()
	const slug = "delegation-buckingham-nioro-du-rip-2"
	before, err := s.db.FindVisit(ctx, slug)
	if err != nil {
		t.Fatal(err)
	}
	v := encodeVisit(before, s.h.loc["en"])
	v.Set("report.en", "A report written afterwards.")
	v.Set("people[0].kind", "experts")
	v.Set("people[0].count", "2")
	r := s.do(t, s.coord, http.MethodPost, "/en/visits/"+slug+"/edit", v)
	wantStatus(t, r, http.StatusSeeOther)
	if loc := r.Header.Get("Location"); loc != "/en/visits/"+slug {
		t.Errorf("redirected to %q", loc)
	}
	after, err := s.db.FindVisit(ctx, slug)
	if err != nil {
		t.Fatal(err)
	}
	if after.State != before.State || after.ID != before.ID || after.Report["en"] != "A report written afterwards." ||
		after.Purpose["fr"] != before.Purpose["fr"] || len(after.People) != 1 || after.People[0].Kind != proximite.Experts {
		t.Errorf("after the edit: %+v", after)
	}
}

// TestVisitFormRefusesBadInput sends what the issue names: no title in
// either language, an end before the start, a 5 MB text; the form comes
// back with each message next to its input, the input kept, nothing
// stored.
func TestVisitFormRefusesBadInput(t *testing.T) {
	s := openFormSite(t)
	huge := strings.Repeat("a", 5<<20)
	for _, lang := range []string{"fr", "en"} {
		target := newPath(lang, proximite.TypeVisit)
		r := s.do(t, s.editor, http.MethodPost, target, vals(
			"title.fr", "", "title.en", " ", "direction", "south_north", "start", "1999", "end", "1995",
			"from", "nioro-du-rip", "to", "Buckingham", "people[0].kind", "students", "people[0].count", "douze",
			"purpose.fr", "Un objet gardé", "report.fr", huge))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		want := map[string][2]string{
			"f-title-group":    {"Écrivez-le au moins dans une langue.", "Write it in at least one language."},
			"f-end":            {"La fin vient avant le début", "The end comes before the start"},
			"f-people-0-count": {"Écrivez un nombre", "Write a number"},
			"f-report-fr":      {"Ce texte compte 5\u202f242\u202f880 caractères ; la limite est de 20\u202f000.", "This text has 5,242,880 characters; the limit is 20,000."},
		}
		i := 0
		if lang == "en" {
			i = 1
		}
		for id, msg := range want {
			if !errorNear(r.Body, id, msg[i]) {
				t.Errorf("%s: no %q next to %s", lang, msg[i], id)
			}
			if !strings.Contains(r.Body, `href="#`) {
				t.Errorf("%s: no summary links", lang)
			}
		}
		mustContain(t, target, r, `class="edit-summary"`, `value="1999"`, `value="1995"`, `value="douze"`, `>Un objet gardé</textarea>`,
			`<option value="south_north" selected>`, `value="nioro-du-rip"`, `<option value="students" selected>`)
		if len(r.Body) > 1<<20 {
			t.Errorf("%s: the page echoes the 5 MB text (%d bytes)", lang, len(r.Body))
		}
	}
	res, err := s.db.Search(context.Background(), proximite.SearchFilter{Query: "objet gardé", IncludeUnpublished: true,
		Filters: map[string][]string{"type": {"visit"}}})
	if err != nil || res.Total != 0 {
		t.Errorf("something was stored: %v %v", res, err)
	}
}

func TestVisitFormRefusesAnotherOrganisationsEditor(t *testing.T) {
	s := openFormSite(t)
	ctx := context.Background()
	const slug = "delegation-buckingham-nioro-du-rip-3"
	before, _ := s.db.FindVisit(ctx, slug)
	v := encodeVisit(before, s.h.loc["fr"])
	v.Set("report.fr", "Un compte rendu d'ailleurs.")
	r := s.do(t, s.other, http.MethodPost, "/fr/missions/"+slug+"/modifier", v)
	wantStatus(t, r, http.StatusForbidden)
	mustContain(t, "refusal", r, `class="edit-alert"`, "Aucune de vos organisations ne prend part à cette fiche", `Un compte rendu d&#39;ailleurs.`)
	if strings.Contains(r.Body, "None of your organisations") {
		t.Error("the French page shows the English half of the message")
	}
	after, _ := s.db.FindVisit(ctx, slug)
	if after.Report["fr"] != before.Report["fr"] {
		t.Error("the refused edit was stored")
	}
	// A new visit between two other towns is refused too.
	r = s.do(t, s.other, http.MethodPost, "/en/visits/new", vals("title.en", "Not mine", "direction", "north_south",
		"start", "2020", "from", "buckingham", "to", "nioro-du-rip"))
	wantStatus(t, r, http.StatusForbidden)
	mustContain(t, "refusal in English", r, "None of your organisations takes part in this visit")
}
