package web

import (
	"context"
	"encoding/csv"
	"html"
	"strconv"
	"strings"
	"testing"

	"github.com/proximite/proximite"
)

func TestStatsPage(t *testing.T) {
	ctx := context.Background()
	s, err := testDB.Statistics(ctx, proximite.StatsFilter{})
	if err != nil {
		t.Fatal(err)
	}
	r := get(t, "/fr/statistiques")
	if r.Status != 200 {
		t.Fatalf("status %d", r.Status)
	}
	l := testSite.loc["fr"]
	mustContain(t, "dashboard", r, "<h1>Statistiques</h1>",
		`<span class="figure-n">`+l.Number(float64(s.Projects), 0)+`</span> <span class="figure-label">projets</span>`,
		`<span class="figure-n">`+l.Number(float64(s.Partnerships), 0)+`</span>`,
		"<svg", `role="img"`, "Missions selon le sens", "statistiques.csv?table=directions",
		// The fixture's 15,000,000 XOF have no rate: not converted.
		"non converti", "Aucune table de taux")
	en := get(t, "/en/statistics?country=ML")
	mustContain(t, "English, filtered", en, "<h1>Statistics</h1>", "Clear the filters", `<option value="ML" selected>Mali</option>`)

	none := get(t, "/fr/statistiques?country=ZZ")
	if none.Status != 200 {
		t.Errorf("filters matching nothing: status %d, want 200", none.Status)
	}
	mustContain(t, "nothing matches", none, "Aucun partenariat, projet ni mission ne correspond à ces filtres")
	for _, bad := range []struct{ query, want string }{
		{"from=deux-mille", "La période doit être faite d'années"},
		{"from=2005&to=1990", "L'année de début de la période est après son année de fin"},
		{"territory=atlantide", "Ce territoire n'est pas dans le registre"},
	} {
		r := get(t, "/fr/statistiques?"+bad.query)
		if r.Status != 400 {
			t.Errorf("%s: status %d, want 400", bad.query, r.Status)
		}
		mustContain(t, bad.query, r, html.EscapeString(bad.want), `<form class="stats-filters"`)
	}
}

func TestStatsCSV(t *testing.T) {
	r := get(t, "/en/statistics.csv?table=years")
	if r.Status != 200 || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/csv") {
		t.Fatalf("status %d, type %q", r.Status, r.Header.Get("Content-Type"))
	}
	rows, err := csv.NewReader(strings.NewReader(r.Body)).ReadAll()
	if err != nil || len(rows) < 2 || strings.Join(rows[0], ",") != "code,label,count" {
		t.Errorf("years CSV: %v %q", err, r.Body)
	}
	sum := get(t, "/fr/statistiques.csv?table=summary&territory=gatineau")
	s, err := testDB.Statistics(context.Background(), proximite.StatsFilter{Territory: "gatineau"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(sum.Body, "visits,"+strconv.Itoa(s.Visits)) {
		t.Errorf("Gatineau's summary %q lacks its %d visits", sum.Body, s.Visits)
	}
	money := get(t, "/fr/statistiques.csv?table=spent")
	if !strings.Contains(money.Body, "2019,XOF,15000000.00,\n") {
		t.Errorf("money CSV %q lacks the unconverted XOF", money.Body)
	}
	if r := get(t, "/fr/statistiques.csv?table=nothing"); r.Status != 404 {
		t.Errorf("unknown table: %d", r.Status)
	}
}

func TestTerritoryPages(t *testing.T) {
	idx := get(t, "/fr/territoires")
	mustContain(t, "index", idx, `href="/fr/territoires/region-outaouais/rapport"`, `href="/fr/territoires/gatineau/rapport"`,
		"Régions", "Villes et communes")
	rep := get(t, "/fr/territoires/gatineau/rapport")
	if rep.Status != 200 {
		t.Fatalf("report: %d", rep.Status)
	}
	mustContain(t, "Gatineau's report", rep, "Notre engagement international", "Ville de Gatineau",
		"Jumelage Buckingham – Nioro du Rip", "Buckingham devient un secteur", "Imprimer / enregistrer en PDF",
		`hreflang="en"`, "/en/territories/gatineau/report")
	en := get(t, "/en/territories/region-outaouais/report")
	mustContain(t, "Outaouais report", en, "Our international engagement", "Outaouais International Solidarity Network")
	for _, p := range []string{"/fr/territoires/atlantide/rapport", "/en/territories/rosi/report", "/en/territories/region-atlantis/report"} {
		r := get(t, p)
		if r.Status != 404 {
			t.Errorf("%s: %d, want 404", p, r.Status)
		}
		if !strings.Contains(r.Body, `/territoires"`) && !strings.Contains(r.Body, `/territories"`) {
			t.Errorf("%s: no link to the list of territories", p)
		}
	}
}
