package sqlstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/demo"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// What the next issue proposes: the records published after the last
// issue, by the workflow too, and not those published before it.
func TestPublishedSince(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		if _, err := demo.Load(ctx, db); err != nil {
			t.Fatal(err)
		}
		sys := proximite.NewContextWithUser(ctx, proximite.System)
		clock := time.Date(2040, 1, 1, 0, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { return clock }
		const slug = "jumelage-buckingham-nioro-du-rip"
		p, err := db.FindPartnership(ctx, slug)
		if err != nil {
			t.Fatal(err)
		}
		p.State = proximite.Draft
		if err := db.UpdatePartnership(sys, p); err != nil {
			t.Fatal(err)
		}
		since := clock.Add(time.Hour)
		types := []proximite.RecordType{proximite.TypePartnership, proximite.TypeProject}
		if hits, err := db.PublishedSince(ctx, since, types, 50); err != nil || len(hits) != 0 {
			t.Fatalf("nothing published since: %v, %v", hits, err)
		}
		clock = since.Add(time.Hour)
		p.State = proximite.Published
		if err := db.UpdatePartnership(sys, p); err != nil {
			t.Fatal(err)
		}
		hits, err := db.PublishedSince(ctx, since, types, 50)
		if err != nil || len(hits) != 1 || hits[0].Slug != slug || hits[0].Type != proximite.TypePartnership {
			t.Errorf("published since: %+v, %v; want the partnership published again", hits, err)
		}
		if all, err := db.PublishedSince(ctx, time.Time{}, types, 500); err != nil || len(all) < 10 {
			t.Errorf("since the beginning: %d, %v", len(all), err)
		}
	})
}
