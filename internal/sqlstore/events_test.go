package sqlstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

func TestEvents(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		now := time.Date(2030, 6, 1, 12, 0, 0, 0, time.UTC)
		mk := func(slug string, state proximite.State, start time.Time) *proximite.Event {
			return &proximite.Event{
				Meta:  proximite.Meta{Slug: slug, State: state},
				Title: proximite.T("fr", "Événement "+slug, "en", "Event "+slug),
				Start: start, End: start.Add(3 * time.Hour), Zone: "Africa/Dakar",
				Place: proximite.T("fr", "Dakar"), Organisers: []string{"rosi"},
			}
		}
		events := []*proximite.Event{
			mk("past-old", proximite.Published, now.AddDate(-2, 0, 0)),
			mk("past-recent", proximite.Published, now.AddDate(0, -1, 0)),
			// Started an hour ago and not over: still upcoming.
			mk("ongoing", proximite.Published, now.Add(-time.Hour)),
			mk("next", proximite.Published, now.AddDate(0, 1, 0)),
			mk("later", proximite.Published, now.AddDate(1, 0, 0)),
			mk("draft", proximite.Draft, now.AddDate(0, 2, 0)),
		}
		for _, e := range events {
			if err := db.CreateEvent(ctx, e); err != nil {
				t.Fatal(err)
			}
		}
		dup := mk("next", proximite.Published, now)
		if err := db.CreateEvent(ctx, dup); proximite.ErrorCode(err) != proximite.ECONFLICT {
			t.Errorf("duplicate slug: %v, want ECONFLICT", err)
		}
		bad := mk("bad", proximite.Published, now)
		bad.Zone = "Nowhere/Atlantis"
		if err := db.CreateEvent(ctx, bad); proximite.ErrorCode(err) != proximite.EINVALID {
			t.Errorf("unknown zone: %v, want EINVALID", err)
		}

		slugs := func(f proximite.EventFilter) []string {
			t.Helper()
			f.Now = now
			list, err := db.ListEvents(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, e := range list {
				out = append(out, e.Slug)
			}
			return out
		}
		check := func(name string, got []string, want ...string) {
			t.Helper()
			if len(got) != len(want) {
				t.Errorf("%s: %v, want %v", name, got, want)
				return
			}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("%s: %v, want %v", name, got, want)
					return
				}
			}
		}
		check("upcoming", slugs(proximite.EventFilter{Span: proximite.Upcoming}), "ongoing", "next", "later")
		check("past", slugs(proximite.EventFilter{Span: proximite.Past}), "past-recent", "past-old")
		check("limit", slugs(proximite.EventFilter{Span: proximite.Upcoming, Limit: 1}), "ongoing")
		check("all with drafts", slugs(proximite.EventFilter{IncludeUnpublished: true}),
			"past-old", "past-recent", "ongoing", "next", "draft", "later")

		got, err := db.FindEvent(ctx, "next")
		if err != nil {
			t.Fatal(err)
		}
		if got.ID != events[3].ID || !got.Start.Equal(events[3].Start) || got.Zone != "Africa/Dakar" ||
			got.Title["en"] != "Event next" || len(got.Organisers) != 1 {
			t.Errorf("FindEvent = %+v", got)
		}
		got.Start = now.AddDate(-3, 0, 0)
		got.End = got.Start.Add(time.Hour)
		got.Online = "https://example.org/live"
		if err := db.UpdateEvent(ctx, got); err != nil {
			t.Fatal(err)
		}
		check("past after update", slugs(proximite.EventFilter{Span: proximite.Past}), "past-recent", "past-old", "next")
		again, _ := db.FindEvent(ctx, "next")
		if again.Online != "https://example.org/live" {
			t.Errorf("update not stored: %+v", again)
		}
		got.Slug = "later"
		if err := db.UpdateEvent(ctx, got); proximite.ErrorCode(err) != proximite.ECONFLICT {
			t.Errorf("update to a taken slug: %v, want ECONFLICT", err)
		}
		if _, err := db.FindEvent(ctx, "nowhere"); proximite.ErrorCode(err) != proximite.ENOTFOUND {
			t.Errorf("missing event: %v", err)
		}
		missing := mk("ghost", proximite.Published, now)
		missing.ID = 99999
		if err := db.UpdateEvent(ctx, missing); proximite.ErrorCode(err) != proximite.ENOTFOUND {
			t.Errorf("update of a missing event: %v", err)
		}
	})
}
