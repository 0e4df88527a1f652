package sqlstore

import (
	"context"
	"sync"
)

// PostgreSQL plans each statement from its statistics of the tables,
// which autovacuum refreshes a minute or more after a table has grown by
// a tenth. A bulk load outgrows them much sooner. An import of 100,000
// activities had its look-ups by key and slug planned for a registry of
// a few hundred projects. Each look-up then scanned all the projects,
// and the import went at a third of its speed at 20,000. planStats
// refreshes the statistics of the tables that new records grow whenever
// the registry has doubled since they were last taken.
type planStats struct {
	mu         sync.Mutex
	loaded     bool
	counted    float64 // records the statistics describe
	added      float64 // records written since
	refreshing bool
}

// minRefresh is the growth below which the statistics are left alone: a
// regional registry's daily edits never refresh them.
const minRefresh = 1000

// grew notes that a write added n records, and refreshes the statistics
// when they describe less than half of the registry. It does nothing
// where the planner does not go by them (SQLite). Writes that end while
// the statistics are refreshed do not wait for it: they only add to the
// count.
//
// A failure to refresh is not the write's: the records are written, and
// autovacuum will do it in a while. It is ignored.
func (d *DB) grew(ctx context.Context, n int) {
	described, refresh := d.dialect.planStats()
	if refresh == "" || n == 0 {
		return
	}
	s := &d.planStats
	s.mu.Lock()
	if !s.loaded {
		if err := d.db.QueryRowContext(ctx, described).Scan(&s.counted); err != nil {
			s.mu.Unlock()
			return
		}
		s.loaded = true
	}
	s.added += float64(n)
	added := s.added
	if s.refreshing || added < max(minRefresh, s.counted) {
		s.mu.Unlock()
		return
	}
	s.refreshing = true
	s.mu.Unlock()

	_, err := d.db.ExecContext(ctx, refresh)

	s.mu.Lock()
	defer s.mu.Unlock()
	s.refreshing = false
	if err == nil {
		s.counted = max(s.counted, 0) + added
		s.added -= added
		d.refreshes.Add(1)
	}
}
