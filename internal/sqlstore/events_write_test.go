package sqlstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// An event that spans the night Montreal's clocks go forward keeps the
// instants its local times meant, in both databases; its writes are
// audited and bump the registry's version; its visits are found.
func TestEventWrites(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := proximite.NewContextWithUser(context.Background(),
			&proximite.User{ID: 0, Email: "coord@example.org", Role: proximite.RoleCoordinator})
		// 2031-03-09 is the second Sunday of March: 02:00 EST becomes
		// 03:00 EDT. The evening before is UTC−5, the morning after UTC−4.
		start, err := proximite.ParseLocal("2031-03-08T20:00", "America/Montreal")
		if err != nil {
			t.Fatal(err)
		}
		end, err := proximite.ParseLocal("2031-03-09 10:00", "America/Montreal")
		if err != nil {
			t.Fatal(err)
		}
		if want := time.Date(2031, 3, 9, 1, 0, 0, 0, time.UTC); !start.Equal(want) {
			t.Errorf("start = %v, want %v", start.UTC(), want)
		}
		if want := time.Date(2031, 3, 9, 14, 0, 0, 0, time.UTC); !end.Equal(want) {
			t.Errorf("end = %v, want %v", end.UTC(), want)
		}
		if _, err := proximite.ParseLocal("2031-03-09T02:30", "America/Montreal"); proximite.ErrorCode(err) != proximite.EINVALID {
			t.Errorf("a time the clocks skip: %v, want EINVALID", err)
		}
		if _, err := proximite.ParseLocal("2031-03-09T10:00", "Mars/Olympus"); proximite.ErrorCode(err) != proximite.EINVALID {
			t.Errorf("unknown zone: %v, want EINVALID", err)
		}

		fixture(t, db)
		v0, err := db.Version(ctx)
		if err != nil {
			t.Fatal(err)
		}
		e := &proximite.Event{Meta: proximite.Meta{Slug: "veillee-montreal", State: proximite.Draft},
			Title: proximite.T("fr", "Veillée"), Start: start, End: end, Zone: "America/Montreal",
			Place: proximite.T("fr", "Montréal")}
		if err := db.CreateEvent(ctx, e); err != nil {
			t.Fatal(err)
		}
		if v, _ := db.Version(ctx); v == v0 {
			t.Error("creating an event left the registry's version as it was")
		}
		got, err := db.FindEvent(ctx, "veillee-montreal")
		if err != nil {
			t.Fatal(err)
		}
		loc := got.Location()
		if s, en := got.Start.In(loc).Format("2006-01-02 15:04 MST"), got.End.In(loc).Format("2006-01-02 15:04 MST"); s != "2031-03-08 20:00 EST" || en != "2031-03-09 10:00 EDT" {
			t.Errorf("read back as %s – %s", s, en)
		}
		byID, err := db.FindEventByID(ctx, e.ID)
		if err != nil || byID.Slug != e.Slug {
			t.Errorf("FindEventByID = %v, %v", byID, err)
		}

		got.State = proximite.Published
		if err := db.UpdateEvent(ctx, got); err != nil {
			t.Fatal(err)
		}
		// A visit that went to it, published, and one still a draft.
		for _, v := range []*proximite.Visit{
			{Meta: proximite.Meta{Slug: "delegation-veillee", State: proximite.Published}, Title: proximite.T("fr", "Délégation"),
				Direction: proximite.NorthToSouth, From: "sainte-elisabeth", To: "sanankoroba", Start: "2031", Event: "veillee-montreal"},
			{Meta: proximite.Meta{Slug: "brouillon-veillee", State: proximite.Draft}, Title: proximite.T("fr", "Brouillon"),
				Direction: proximite.NorthToSouth, From: "sainte-elisabeth", To: "sanankoroba", Start: "2031", Event: "veillee-montreal"},
			{Meta: proximite.Meta{Slug: "autre", State: proximite.Published}, Title: proximite.T("fr", "Autre"),
				Direction: proximite.NorthToSouth, From: "sainte-elisabeth", To: "sanankoroba", Start: "2031", Event: "veillee-montreal-2"},
		} {
			if err := db.CreateVisit(ctx, v); err != nil {
				t.Fatal(err)
			}
		}
		visits, err := db.VisitsToEvent(ctx, "veillee-montreal")
		if err != nil {
			t.Fatal(err)
		}
		if len(visits) != 1 || visits[0].Slug != "delegation-veillee" {
			t.Errorf("VisitsToEvent = %v, want the published delegation only", visits)
		}

		v1, _ := db.Version(ctx)
		if err := db.DeleteEvent(ctx, e.ID); err != nil {
			t.Fatal(err)
		}
		if v, _ := db.Version(ctx); v == v1 {
			t.Error("deleting an event left the registry's version as it was")
		}
		if _, err := db.FindEvent(ctx, "veillee-montreal"); proximite.ErrorCode(err) != proximite.ENOTFOUND {
			t.Errorf("deleted event: %v", err)
		}
		if err := db.DeleteEvent(ctx, e.ID); proximite.ErrorCode(err) != proximite.ENOTFOUND {
			t.Errorf("deleting it again: %v, want ENOTFOUND", err)
		}
		h, err := db.History(ctx, proximite.TypeEvent, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		var actions []string
		for _, x := range h {
			actions = append(actions, x.Action)
			if x.Actor != "coord@example.org" || x.Slug != "veillee-montreal" {
				t.Errorf("audit entry %+v", x)
			}
		}
		if len(actions) != 3 || actions[0] != "create" || actions[1] != "state" || actions[2] != "delete" {
			t.Errorf("audit actions = %v, want create, state, delete", actions)
		}
		if h[0].Before != nil || h[2].After != nil || len(h[1].Before) == 0 || len(h[1].After) == 0 {
			t.Errorf("audit before/after wrong: %+v", h)
		}
	})
}
