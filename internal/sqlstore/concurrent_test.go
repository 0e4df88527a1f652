package sqlstore_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// TestConcurrentBatchesDoNotDeadlock writes batches of organisations
// from two writers at once, whose facet counts (country, kind) overlap in
// every order: on PostgreSQL each batch locks the counter rows it
// changes, and two batches locking shared rows in different orders would
// deadlock and one would fail.
func TestConcurrentBatchesDoNotDeadlock(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		countries := []string{"ML", "SN", "BF", "NE", "HT", "BJ", "TG", "CI", "GN", "CM", "MG", "RW"}
		kinds := []proximite.OrgKind{proximite.Municipality, proximite.NGO, proximite.Cooperative, proximite.RegionalCounty}
		var wg sync.WaitGroup
		errs := make(chan error, 4)
		for w := range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r := rand.New(rand.NewPCG(uint64(w), 5))
				for batch := range 60 {
					var recs []any
					for i := range 10 {
						recs = append(recs, &proximite.Organisation{Meta: meta(fmt.Sprintf("org-%d-%d-%d", w, batch, i)),
							Name: proximite.Text{"fr": fmt.Sprintf("Organisation %d %d %d", w, batch, i)},
							Kind: kinds[r.IntN(len(kinds))], Country: countries[r.IntN(len(countries))]})
					}
					if err := db.SaveMany(ctx, recs...); err != nil {
						errs <- fmt.Errorf("writer %d, batch %d: %w", w, batch, err)
						return
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		res, err := db.Search(ctx, proximite.SearchFilter{Filters: map[string][]string{proximite.FacetType: {"organisation"}}, Limit: 1})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 4*60*10 {
			t.Errorf("%d organisations counted, want %d", res.Total, 4*60*10)
		}
	})
}
