package iati_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/iati"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// hiddenSearch exposes a source without its Search method, so that the
// export looks every partnership up one by one.
type hiddenSearch struct{ iati.Source }

// TestExportTitlesReadInBulk checks that a large export, which reads the
// titles of partnerships and programmes in bulk once it has met many of
// them, writes exactly what one looking them up one by one writes: the
// same tags, none for drafts, and the partnership's start for projects
// without dates.
func TestExportTitlesReadInBulk(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		var recs []any
		for _, o := range fixtureOrganisations() {
			recs = append(recs, o)
		}
		parties := []proximite.Party{{Org: "ville-nord", Side: proximite.North}, {Org: "ong-sud", Side: proximite.South}}
		const n = 230 // more than a page of search results
		for i := range n {
			pa := &proximite.Partnership{Meta: fixtureMeta(fmt.Sprintf("jumelage-%03d", i)),
				Title: proximite.T("fr", fmt.Sprintf("Jumelage %03d", i), "en", fmt.Sprintf("Twinning %03d", i)),
				Kind:  proximite.ClassicTwinning, Start: proximite.Date(fmt.Sprintf("%d-06", 1700+i)), Parties: parties}
			if i == 7 {
				pa.State = proximite.Draft
			}
			recs = append(recs, pa)
		}
		for i := range n + 40 {
			p := &proximite.Project{Meta: fixtureMeta(fmt.Sprintf("projet-%03d", i)),
				Title: proximite.T("fr", fmt.Sprintf("Projet %d", i)), Partnership: fmt.Sprintf("jumelage-%03d", i%n)}
			if i%3 != 0 {
				p.ActualStart = "2001"
			}
			recs = append(recs, p)
		}
		if err := db.SaveMany(ctx, recs...); err != nil {
			t.Fatal(err)
		}
		opts := iati.Options{Generated: fixtureTime}
		var bulk, single bytes.Buffer
		if _, err := iati.WriteActivities(ctx, &bulk, db, proximite.SearchFilter{}, opts); err != nil {
			t.Fatal(err)
		}
		if _, err := iati.WriteActivities(ctx, &single, hiddenSearch{db}, proximite.SearchFilter{}, opts); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(bulk.Bytes(), single.Bytes()) {
			t.Fatalf("the exports differ:\n%s", jsonDiff(single.String(), bulk.String()))
		}
		out := bulk.String()
		if got := strings.Count(out, `<tag vocabulary="99" code="partnership:`); got != n+40-2 {
			t.Errorf("%d partnership tags, want %d (none for the draft)", got, n+40-2)
		}
		if strings.Contains(out, "jumelage-007") || strings.Contains(out, "Twinning 007") {
			t.Error("the draft partnership appears in the export")
		}
		if !strings.Contains(out, `<activity-date type="1" iso-date="1700-06-01">`) {
			t.Error("a project without dates does not take its partnership's start")
		}
	})
}

// TestExportOrganisationsReadInBulk checks that an export that meets
// more organisations than it looks up one by one, and then reads them
// all at once, writes exactly what one looking them up one by one
// writes: their references, names and types as participants, providers,
// receivers and in-kind contributors, drafts included, as FindOrganisation
// finds them.
func TestExportOrganisationsReadInBulk(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		kinds := []proximite.OrgKind{proximite.Municipality, proximite.NGO, proximite.CommunityGroup}
		var recs []any
		const n = 80
		for i := range n {
			o := &proximite.Organisation{Meta: fixtureMeta(fmt.Sprintf("org-%02d", i)),
				Name: proximite.T("fr", fmt.Sprintf("Organisation %d", i), "en", fmt.Sprintf("Organisation <%d>", i)),
				Kind: kinds[i%len(kinds)], Country: "SN"}
			if i%4 == 0 {
				o.IATIRef = fmt.Sprintf("SN-NINEA-%d", i)
			}
			if i%9 == 0 {
				o.State = proximite.Draft
			}
			recs = append(recs, o)
		}
		for i := range n {
			org := func(k int) string { return fmt.Sprintf("org-%02d", (i+k)%n) }
			recs = append(recs, &proximite.Project{Meta: fixtureMeta(fmt.Sprintf("projet-%02d", i)),
				Title: proximite.T("fr", fmt.Sprintf("Projet %d", i)), ActualStart: "2001",
				Participants: []proximite.Participant{{Org: org(0), Role: "1"}, {Org: org(1), Role: "4", Name: proximite.T("fr", "Son nom à lui")}},
				Transactions: []proximite.Transaction{{Type: "3", Date: "2002-01-05", Value: proximite.Money{Amount: 10, Currency: "CAD"},
					Provider: &proximite.Participant{Org: org(2)}, Receiver: &proximite.Participant{Org: org(3)}}},
				InKind: []proximite.InKind{{Org: org(4), Kind: "goods"}}})
		}
		if err := db.SaveMany(ctx, recs...); err != nil {
			t.Fatal(err)
		}
		opts := iati.Options{Generated: fixtureTime}
		var bulk, single bytes.Buffer
		if _, err := iati.WriteActivities(ctx, &bulk, db, proximite.SearchFilter{}, opts); err != nil {
			t.Fatal(err)
		}
		if _, err := iati.WriteActivities(ctx, &single, hiddenSearch{db}, proximite.SearchFilter{}, opts); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(bulk.Bytes(), single.Bytes()) {
			t.Fatalf("the exports differ:\n%s", jsonDiff(single.String(), bulk.String()))
		}
		if out := bulk.String(); !strings.Contains(out, `ref="SN-NINEA-76"`) || !strings.Contains(out, "Organisation &lt;77&gt;") {
			t.Errorf("the organisations read at once are missing from the export")
		}
	})
}
