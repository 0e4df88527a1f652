package main

import (
	"context"
	"fmt"
	"time"

	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/synthetic"
)

// loadSynthetic adds a synthetic registry of n projects (with about n/20
// organisations, n/10 partnerships and n/10 visits), reporting progress
// on stderr at most once a second.
func (m *Main) loadSynthetic(ctx context.Context, db *sqlstore.DB, n int, seed uint64) error {
	start, last := time.Now(), time.Time{}
	err := synthetic.Generate(ctx, db, n, seed, func(done, total int) {
		if time.Since(last) >= time.Second || done == total {
			last = time.Now()
			fmt.Fprintf(m.Stderr, "\r%d/%d records", done, total)
		}
	})
	fmt.Fprintln(m.Stderr)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "synthetic registry of %d projects written in %s\n", n, time.Since(start).Round(time.Second))
	// A bulk load leaves the text index in many segments; merging them
	// once makes every later search cheaper.
	start = time.Now()
	if err := db.Optimize(ctx); err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "search index optimised in %s\n", time.Since(start).Round(time.Second))
	return nil
}
