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
	mu      sync.Mutex
	loaded  bool
	counted float64 // records the statistics describe
	added   float64 // records written since
}

// minRefresh is the growth below which the statistics are left alone: a
// regional registry's daily edits never refresh them.
const minRefresh = 1000

// grew notes that a write added n records, and refreshes the statistics
// when they describe less than half of the registry. It does nothing on
// SQLite, whose planner does not go by the tables' sizes.
//
// A failure to refresh is not the write's: the records are written, and
// autovacuum will do it in a while. It is ignored.
func (d *DB) grew(ctx context.Context, n int) {
	if d.dialect.name() == "sqlite" || n == 0 {
		return
	}
	s := &d.planStats
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.loaded {
		// reltuples is -1 for a table never analysed.
		if err := d.db.QueryRowContext(ctx, `SELECT reltuples FROM pg_class WHERE oid = 'records'::regclass`).Scan(&s.counted); err != nil {
			return
		}
		s.loaded = true
	}
	s.added += float64(n)
	if s.added < max(minRefresh, s.counted) {
		return
	}
	if _, err := d.db.ExecContext(ctx, `ANALYZE records, search_terms, links`); err != nil {
		return
	}
	s.counted = max(s.counted, 0) + s.added
	s.added = 0
	d.refreshes.Add(1)
}
