package sqlstore_test

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

func TestMigrationNamesMatch(t *testing.T) {
	lite, err := sqlstore.MigrationNames("sqlite")
	if err != nil {
		t.Fatal(err)
	}
	pg, err := sqlstore.MigrationNames("postgres")
	if err != nil {
		t.Fatal(err)
	}
	if len(lite) == 0 || !reflect.DeepEqual(lite, pg) {
		t.Fatalf("migration folders differ:\nsqlite:   %v\npostgres: %v", lite, pg)
	}
}

// fixture writes a small registry: two towns, a committee, a twinning, a
// project and a visit.
func fixture(t *testing.T, db *sqlstore.DB) {
	t.Helper()
	ctx := context.Background()
	pct := func(f float64) *float64 { return &f }
	orgs := []*proximite.Organisation{
		{Meta: meta("sainte-elisabeth"), Name: proximite.T("fr", "Sainte-Élisabeth"), Kind: proximite.Municipality, Country: "CA", Subdivision: "QC"},
		{Meta: meta("sanankoroba"), Name: proximite.T("fr", "Sanankoroba"), Kind: proximite.Municipality, Country: "ML"},
		{Meta: meta("benkadi"), Name: proximite.T("fr", "Comité Benkadi"), Kind: proximite.CommunityGroup, Country: "ML"},
		{Meta: meta("nioro-du-rip"), Name: proximite.T("fr", "Nioro du Rip"), Kind: proximite.Municipality, Country: "SN"},
	}
	for _, o := range orgs {
		if err := db.CreateOrganisation(ctx, o); err != nil {
			t.Fatalf("create %s: %v", o.Slug, err)
		}
	}
	p := &proximite.Partnership{Meta: meta("sainte-elisabeth-sanankoroba"),
		Title: proximite.T("fr", "Jumelage Sainte-Élisabeth–Sanankoroba", "en", "Sainte-Élisabeth–Sanankoroba twinning"),
		Kind:  proximite.CooperationTwinning, Form: proximite.Solidarity, Start: "1985",
		Parties: []proximite.Party{{Org: "sainte-elisabeth", Side: proximite.North}, {Org: "sanankoroba", Side: proximite.South},
			{Org: "benkadi", Side: proximite.South, Role: proximite.T("fr", "comité local")}},
		Timeline: []proximite.TimelineEvent{{Date: "1985", Kind: proximite.FirstContact, Title: proximite.T("fr", "Premiers contacts")}},
	}
	if err := db.CreatePartnership(ctx, p); err != nil {
		t.Fatalf("create partnership: %v", err)
	}
	pr := &proximite.Project{Meta: meta("alphabetisation-sanankoroba"), Title: proximite.T("fr", "Alphabétisation à Sanankoroba"),
		Status: "4", ActualStart: "1993", Partnership: p.Slug,
		Participants: []proximite.Participant{{Org: "sainte-elisabeth", Role: "1"}, {Org: "benkadi", Role: "4"}},
		Sectors:      []proximite.SectorShare{{Code: "11230", Percentage: pct(60)}, {Code: "14030", Percentage: pct(40)}},
		Countries:    []proximite.CountryShare{{Code: "ML"}},
	}
	if err := db.CreateProject(ctx, pr); err != nil {
		t.Fatalf("create project: %v", err)
	}
	v := &proximite.Visit{Meta: meta("visite-1993"), Title: proximite.T("fr", "Délégation à Sanankoroba"),
		Direction: proximite.NorthToSouth, Partnership: p.Slug, From: "sainte-elisabeth", To: "sanankoroba", Start: "1993"}
	if err := db.CreateVisit(ctx, v); err != nil {
		t.Fatalf("create visit: %v", err)
	}
}

func meta(slug string) proximite.Meta { return proximite.Meta{Slug: slug, State: proximite.Published} }

func TestRecords(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		fixture(t, db)

		p, err := db.FindPartnership(ctx, "sainte-elisabeth-sanankoroba")
		if err != nil {
			t.Fatal(err)
		}
		if p.ID == 0 || len(p.Parties) != 3 || p.Parties[1].OrgName["fr"] != "Sanankoroba" || p.Parties[1].OrgCountry != "ML" {
			t.Fatalf("partnership read back wrong: %+v", p)
		}
		if p.CreatedAt.IsZero() || p.Timeline[0].Title["fr"] != "Premiers contacts" {
			t.Fatalf("meta or timeline lost: %+v", p)
		}
		byID, err := db.FindPartnership(ctx, itoa(p.ID))
		if err != nil || byID.Slug != p.Slug {
			t.Fatalf("find by id: %v %v", byID, err)
		}

		pr, err := db.FindProject(ctx, "alphabetisation-sanankoroba")
		if err != nil {
			t.Fatal(err)
		}
		if pr.Participants[1].OrgKind != proximite.CommunityGroup || *pr.Sectors[0].Percentage != 60 {
			t.Fatalf("project read back wrong: %+v", pr)
		}

		// An update keeps the creation time and changes what it says.
		pr.Title["en"] = "Literacy in Sanankoroba"
		if err := db.UpdateProject(ctx, pr); err != nil {
			t.Fatal(err)
		}
		again, _ := db.FindProject(ctx, pr.Slug)
		if again.Title["en"] != "Literacy in Sanankoroba" || !again.CreatedAt.Equal(pr.CreatedAt) {
			t.Fatalf("update lost: %+v", again)
		}

		if _, err := db.FindOrganisation(ctx, "nowhere"); proximite.ErrorCode(err) != proximite.ENOTFOUND {
			t.Fatalf("missing organisation: got %v", err)
		}
	})
}

func TestWritesRefuseBadInput(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		fixture(t, db)
		before, _ := db.Counts(ctx)

		// A party that is not in the registry is named by its field, and
		// nothing is written.
		p := &proximite.Partnership{Meta: meta("ghost"), Title: proximite.T("fr", "Fantôme"), Kind: proximite.Friendship,
			Parties: []proximite.Party{{Org: "sanankoroba", Side: proximite.South}, {Org: "atlantis", Side: proximite.North}}}
		err := db.CreatePartnership(ctx, p)
		if fieldOf(err) != "parties[1].org" {
			t.Fatalf("unknown party: got %v", err)
		}
		if _, err := db.FindPartnership(ctx, "ghost"); proximite.ErrorCode(err) != proximite.ENOTFOUND {
			t.Fatalf("half-written partnership: %v", err)
		}

		// Sector percentages must add up to 100.
		pct := 70.0
		pr := &proximite.Project{Meta: meta("bad-sectors"), Title: proximite.T("fr", "X"),
			Sectors: []proximite.SectorShare{{Code: "11230", Percentage: &pct}}}
		if err := db.CreateProject(ctx, pr); fieldOf(err) != "sectors" {
			t.Fatalf("percentages: got %v", err)
		}

		// A slug already in use is a conflict on the slug.
		o := &proximite.Organisation{Meta: meta("sanankoroba"), Name: proximite.T("fr", "Autre"), Kind: proximite.NGO}
		if err := db.CreateOrganisation(ctx, o); proximite.ErrorCode(err) != proximite.ECONFLICT {
			t.Fatalf("duplicate slug: got %v", err)
		}

		// An organisation still referred to cannot be deleted.
		org, _ := db.FindOrganisation(ctx, "benkadi")
		if err := db.DeleteOrganisation(ctx, org.ID); proximite.ErrorCode(err) != proximite.ECONFLICT {
			t.Fatalf("delete referenced: got %v", err)
		}
		after, _ := db.Counts(ctx)
		if !reflect.DeepEqual(before, after) {
			t.Fatalf("counts changed by refused writes: %v → %v", before, after)
		}

		// One that nothing refers to can.
		nioro, _ := db.FindOrganisation(ctx, "nioro-du-rip")
		if err := db.DeleteOrganisation(ctx, nioro.ID); err != nil {
			t.Fatal(err)
		}
		after, _ = db.Counts(ctx)
		if after[proximite.TypeOrganisation] != before[proximite.TypeOrganisation]-1 {
			t.Fatalf("organisation count after delete: %v", after)
		}
	})
}

func fieldOf(err error) string {
	var e *proximite.Error
	if errors.As(err, &e) {
		return e.Field
	}
	return "no field error: " + errString(err)
}

func errString(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

func itoa(n int64) string {
	b := []byte{}
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}
