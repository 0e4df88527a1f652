package csvio_test

import (
	"context"
	"encoding/csv"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/csvio"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

func TestBlankCellsKeepAndMarkersClear(t *testing.T) {
	db := sqltest.Open(t, "sqlite")
	loadDemo(t, db)
	ctx := context.Background()
	before, _ := db.FindProject(ctx, moneyProject)

	// Blank cells and absent columns keep everything.
	file := "slug,title_fr,title_en,description_en,countries,sectors,participants,status\n" + moneyProject + ",,,,,,,\n"
	rep, err := importCSV(t, db, proximite.TypeProject, file, false)
	if err != nil || rep.Count(csvio.Unchanged) != 1 || rep.Written {
		t.Fatalf("blank row: %v %+v", err, rep)
	}

	// "(vide)" and "(empty)" erase; the other cells keep their values.
	file = "slug,description_en,objectives_fr,status\n" + moneyProject + ",(vide),,(EMPTY)\n"
	rep, err = importCSV(t, db, proximite.TypeProject, file, false)
	want := []csvio.Change{{Slug: moneyProject, Action: csvio.Updated, Columns: []string{"description_en", "status"}}}
	if err != nil || !reflect.DeepEqual(changed(rep), want) {
		t.Fatalf("clear: %v %+v", err, rep.Changes)
	}
	after, _ := db.FindProject(ctx, moneyProject)
	if _, ok := after.Description["en"]; ok || after.Description["fr"] != before.Description["fr"] || after.Status != "" {
		t.Fatalf("after clearing: %q %q", after.Description, after.Status)
	}
	if after.Title["en"] != before.Title["en"] || len(after.Sectors) != 1 || len(after.Participants) != len(before.Participants) {
		t.Fatalf("a blank cell erased something: %+v", after)
	}

	// A required field cannot be cleared: the error names the column.
	rep, err = importCSV(t, db, proximite.TypeProject, "slug,title_fr,title_en\n"+moneyProject+",(vide),(vide)\n", false)
	if err == nil || len(rep.Errors()) != 1 || rep.Errors()[0].Column != "title_fr" || rep.Errors()[0].Row != 2 {
		t.Fatalf("clearing the title: %v %+v", err, rep.Problems)
	}
}

func TestUnknownColumnIsReported(t *testing.T) {
	db := sqltest.Open(t, "sqlite")
	loadDemo(t, db)
	file := "slug,title_en,colour,title_xx-yy-zzzzzzzzzz\n" + moneyProject + ",Refuse collection,blue,x\n"
	rep, err := importCSV(t, db, proximite.TypeProject, file, false)
	if err != nil {
		t.Fatal(err)
	}
	var cols []string
	for _, p := range rep.Problems {
		if !p.Warning || p.Row != 1 {
			t.Errorf("not a header warning: %+v", p)
		}
		cols = append(cols, p.Column)
	}
	if !reflect.DeepEqual(cols, []string{"colour", "title_xx-yy-zzzzzzzzzz"}) || rep.Count(csvio.Updated) != 1 || !rep.Written {
		t.Fatalf("unknown columns: %+v", rep)
	}
}

func TestBadRowsWriteNothing(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		loadDemo(t, db)
		before := snapshot(t, db)
		rows := [][]string{
			{"slug", "title_fr", "countries", "sectors", "planned_start", "participants", "budget_total"},
			{moneyProject, "Nouveau titre", "", "", "", "", ""},                       // row 2: fine, but not written
			{"nioro-du-rip-obstetrique", "", "SN;XX", "", "", "", ""},                 // row 3
			{"nioro-du-rip-informatisation", "", "", "15112:60;22040:30", "", "", ""}, // row 4
			{"projet-neuf", "Projet neuf", "", "", "2020-13-45", "", ""},              // row 5
			{"projet-autre", "", "", "", "", "personne:4", ""},                        // row 6
			{"nioro-du-rip-obstetrique", "", "", "", "", "", ""},                      // row 7
			{"", "Sans clé", "", "", "", "", ""},                                      // row 8
			{moneyProject + "-bis", "Deux", "", "", "", "", "1 CAD"},                  // row 9
		}
		rep, err := importCSV(t, db, proximite.TypeProject, csvText(rows), false)
		if proximite.ErrorCode(err) != proximite.EINVALID || rep.Written {
			t.Fatalf("error %v, written %v", err, rep.Written)
		}
		type where struct {
			row    int
			column string
		}
		var got []where
		for _, p := range rep.Errors() {
			got = append(got, where{p.Row, p.Column})
			if p.Message == "" {
				t.Errorf("no message: %+v", p)
			}
		}
		want := []where{{3, "countries"}, {4, "sectors"}, {5, "planned_start"}, {6, "title_fr"}, {7, "slug"}, {8, "slug"}, {6, "participants"}}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("errors at %v, want %v\n%v", got, want, rep.Problems)
		}
		msgs := strings.Join(messages(rep), "\n")
		for _, s := range []string{`unknown country code "XX"`, "add up to 90", "must be a date", `no organisation "personne"`, "already in row 3"} {
			if !strings.Contains(msgs, s) {
				t.Errorf("no %q in\n%s", s, msgs)
			}
		}
		if after := snapshot(t, db); !reflect.DeepEqual(after, before) {
			t.Fatal("a file with errors wrote something")
		}
	})
}

func TestCreateAndMatchByIATIIdentifier(t *testing.T) {
	db := sqltest.Open(t, "sqlite")
	loadDemo(t, db)
	ctx := context.Background()
	file := csvText([][]string{
		{"slug", "iati_identifier", "title_fr", "countries", "sectors", "participants", "partnership", "state"},
		{"puits-koniobla", "CA-ROSI-1", "Puits à Koniobla", "ML:100", "14030:60;14031:40", "suco:2;name=Comité de Koniobla:4", "suco-sanankoroba-villages-voisins", "submitted"},
	})
	rep, err := importCSV(t, db, proximite.TypeProject, file, false)
	if err != nil || rep.Count(csvio.Created) != 1 || !rep.Written {
		t.Fatalf("create: %v %+v", err, rep)
	}
	p, err := db.FindProject(ctx, "puits-koniobla")
	if err != nil || p.State != proximite.Submitted || *p.Countries[0].Percentage != 100 || *p.Sectors[1].Percentage != 40 ||
		p.Participants[1].Name["fr"] != "Comité de Koniobla" || p.Partnership != "suco-sanankoroba-villages-voisins" {
		t.Fatalf("created: %v %+v", err, p)
	}

	// A row without a slug finds its record by IATI identifier.
	rep, err = importCSV(t, db, proximite.TypeProject, "iati_identifier,title_en\nCA-ROSI-1,Well in Koniobla\n", false)
	want := []csvio.Change{{Slug: "puits-koniobla", Action: csvio.Updated, Columns: []string{"title_en"}}}
	if err != nil || !reflect.DeepEqual(changed(rep), want) {
		t.Fatalf("by identifier: %v %+v", err, rep)
	}
	// An identifier that belongs to another record is an error.
	rep, err = importCSV(t, db, proximite.TypeProject, "slug,iati_identifier\n"+moneyProject+",CA-ROSI-1\n", true)
	if err == nil || rep.Errors()[0].Column != "iati_identifier" {
		t.Fatalf("stolen identifier: %v %+v", err, rep.Problems)
	}

	// A round trip of the new record changes nothing.
	exported := export(t, db, proximite.TypeProject, nil)
	if rep, err := importCSV(t, db, proximite.TypeProject, string(exported), true); err != nil || rep.Count(csvio.Unchanged) != len(rep.Changes) {
		t.Fatalf("round trip after create: %v %+v", err, rep.Changes)
	}
}

func TestOrganisationsAndPartnerships(t *testing.T) {
	db := sqltest.Open(t, "sqlite")
	loadDemo(t, db)
	ctx := context.Background()
	// Two new organisations, the first linked to the second: the import
	// writes them in the order that lets the link resolve.
	file := csvText([][]string{
		{"slug", "name_fr", "kind", "country", "lat", "lon", "links", "population"},
		{"quartier-nord", "Quartier nord", "community_group", "sn", "13,75", "-15.8", "part_of:ville-neuve:2002", "1 200"},
		{"ville-neuve", "Ville neuve", "municipality", "SN", "", "", "", ""},
	})
	rep, err := importCSV(t, db, proximite.TypeOrganisation, file, false)
	if err != nil || rep.Count(csvio.Created) != 2 {
		t.Fatalf("organisations: %v %+v", err, rep)
	}
	o, _ := db.FindOrganisation(ctx, "quartier-nord")
	if o.Country != "SN" || o.Point == nil || o.Point.Lat != 13.75 || o.Population != 1200 || o.Links[0].Since != "2002" {
		t.Fatalf("organisation: %+v", o)
	}
	// A latitude without a longitude is an error on the column missing.
	rep, _ = importCSV(t, db, proximite.TypeOrganisation, "slug,lat\nville-neuve,14\n", true)
	if len(rep.Errors()) != 1 || rep.Errors()[0].Column != "lon" {
		t.Fatalf("half a point: %+v", rep.Problems)
	}

	file = csvText([][]string{
		{"slug", "title_fr", "kind", "parties", "start"},
		{"quartier-ville", "Quartier et ville", "friendship", "quartier-nord:south:comité;ville-neuve:south", "2003"},
	})
	if rep, err := importCSV(t, db, proximite.TypePartnership, file, false); err != nil || rep.Count(csvio.Created) != 1 {
		t.Fatalf("partnership: %v %+v", err, rep)
	}
	p, _ := db.FindPartnership(ctx, "quartier-ville")
	if len(p.Parties) != 2 || p.Parties[0].Role["fr"] != "comité" || p.Parties[1].OrgCountry != "SN" {
		t.Fatalf("parties: %+v", p.Parties)
	}

	// A party's role in English survives an import whose cell, in French,
	// is unchanged, and one that changes the French.
	p.Parties[0].Role["en"] = "committee"
	if err := db.UpdatePartnership(ctx, p); err != nil {
		t.Fatal(err)
	}
	for _, fr := range []string{"comité", "comité de quartier"} {
		file = csvText([][]string{{"slug", "parties"}, {"quartier-ville", "quartier-nord:south:" + fr + ";ville-neuve:south"}})
		if _, err := importCSV(t, db, proximite.TypePartnership, file, false); err != nil {
			t.Fatal(err)
		}
		p, _ = db.FindPartnership(ctx, "quartier-ville")
		if got := p.Parties[0].Role; got["fr"] != fr || got["en"] != "committee" {
			t.Errorf("role after importing %q: %v", fr, got)
		}
	}
}

// TestOrganisationRegion checks the region column: written by its code,
// read by its code or its name, an unknown one refused on its column
// with nothing written.
func TestOrganisationRegion(t *testing.T) {
	db := sqltest.Open(t, "sqlite")
	loadDemo(t, db)
	ctx := context.Background()
	file := csvText([][]string{
		{"slug", "state", "name_fr", "kind", "country", "region"},
		{"ville-a", "published", "Ville A", "municipality", "CA", "Abitibi-Témiscamingue"},
		{"ville-b", "published", "Ville B", "municipality", "CA", "outaouais"},
	})
	if rep, err := importCSV(t, db, proximite.TypeOrganisation, file, false); err != nil || rep.Count(csvio.Created) != 2 {
		t.Fatalf("regions: %v %+v", err, rep)
	}
	for slug, want := range map[string]string{"ville-a": "abitibi-temiscamingue", "ville-b": "outaouais"} {
		if o, err := db.FindOrganisation(ctx, slug); err != nil || o.Region != want {
			t.Errorf("%s: region %q (%v), want %q", slug, o.Region, err, want)
		}
	}
	var out strings.Builder
	if err := csvio.Export(ctx, db, proximite.TypeOrganisation, &out, proximite.SearchFilter{Query: "ville"}, csvio.ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(out.String())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := slices.Index(rows[0], "region")
	found := false
	for _, r := range rows[1:] {
		if col >= 0 && r[0] == "ville-a" && r[col] == "abitibi-temiscamingue" {
			found = true
		}
	}
	if !found {
		t.Errorf("the export does not give ville-a's region by its code: %v", rows)
	}
	rep, _ := importCSV(t, db, proximite.TypeOrganisation, "slug,region\nville-b,Atlantide\n", true)
	if len(rep.Errors()) != 1 || rep.Errors()[0].Column != "region" || !strings.Contains(rep.Errors()[0].Message, "Atlantide") {
		t.Fatalf("unknown region: %+v", rep.Problems)
	}
	if o, _ := db.FindOrganisation(ctx, "ville-b"); o.Region != "outaouais" {
		t.Errorf("a refused file changed the region to %q", o.Region)
	}
}

func TestExportFilters(t *testing.T) {
	db := sqltest.Open(t, "sqlite")
	loadDemo(t, db)
	for _, tt := range []struct {
		typ     proximite.RecordType
		filters map[string][]string
		want    []string
	}{
		{proximite.TypeProject, map[string][]string{"country": {"ML"}}, []string{
			"sanankoroba-equipement-agricole", "sanankoroba-projets-communautaires", "suco-villages-voisins-sanankoroba"}},
		{proximite.TypeProject, map[string][]string{"sector": {"140"}}, []string{"nioro-du-rip-collecte-ordures"}},
		{proximite.TypeOrganisation, map[string][]string{"country": {"SN"}, "org_kind": {"municipality"}}, []string{"nioro-du-rip"}},
		{proximite.TypePartnership, map[string][]string{"country": {"SN"}}, []string{"jumelage-buckingham-nioro-du-rip", "umq-elus-locaux-senegal"}},
	} {
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(export(t, db, tt.typ, tt.filters)), csvio.BOM))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		var slugs []string
		for _, r := range rows[1:] {
			slugs = append(slugs, r[0])
		}
		if !reflect.DeepEqual(slugs, tt.want) {
			t.Errorf("%s %v: %v, want %v", tt.typ, tt.filters, slugs, tt.want)
		}
	}
}

func csvText(rows [][]string) string {
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.WriteAll(rows)
	return b.String()
}

func messages(rep *csvio.Report) []string {
	var out []string
	for _, p := range rep.Problems {
		out = append(out, p.String())
	}
	return out
}
