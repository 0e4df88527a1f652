package sqlstore_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// On PostgreSQL a bulk load refreshes the planner's statistics each time
// the registry has doubled since they were taken, and not in between.
func TestPlanStatsFollowGrowth(t *testing.T) {
	ctx := context.Background()
	db := sqltest.Open(t, "postgres")
	next := 0
	add := func(n int) {
		t.Helper()
		if err := db.SaveMany(ctx, communes(fmt.Sprint(next), n)...); err != nil {
			t.Fatal(err)
		}
		next += n
	}
	check := func(wantRefreshes int64, atLeast float64) {
		t.Helper()
		refreshes, described, err := db.PlanStats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if refreshes != wantRefreshes || described < atLeast {
			t.Fatalf("after %d records: %d refreshes, statistics of %.0f records; want %d, at least %.0f",
				next, refreshes, described, wantRefreshes, atLeast)
		}
	}
	for range 3 {
		add(300) // 900: below the first refresh
	}
	check(0, -1)
	add(300) // 1,200
	check(1, 1200)
	add(1100) // 2,300: less than twice 1,200
	check(1, 1200)
	add(200) // 2,500
	check(2, 2500)
}

// Writes that end together refresh the statistics once: the growth
// they add while one of them refreshes is counted for the next
// (go test -race checks the counting).
func TestPlanStatsConcurrentWrites(t *testing.T) {
	ctx := context.Background()
	db := sqltest.Open(t, "postgres")
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for w := range 8 {
		wg.Go(func() { errs <- db.SaveMany(ctx, communes(fmt.Sprint(w), 200)...) })
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	refreshes, described, err := db.PlanStats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// 1,600 records: one refresh at 1,000 or more, and too few after it
	// for a second.
	if refreshes != 1 || described < 1000 {
		t.Errorf("%d refreshes, statistics of %.0f records; want 1, at least 1,000", refreshes, described)
	}
}

// communes returns n new municipalities whose slugs begin with prefix.
func communes(prefix string, n int) []any {
	recs := make([]any, n)
	for i := range recs {
		slug := fmt.Sprintf("commune-%s-%d", prefix, i)
		recs[i] = &proximite.Organisation{Meta: proximite.Meta{Slug: slug},
			Name: proximite.T("fr", slug), Kind: proximite.Municipality}
	}
	return recs
}
