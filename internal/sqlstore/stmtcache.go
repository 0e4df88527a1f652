package sqlstore

import (
	"context"
	"database/sql"
	"sync"
)

// stmtCache keeps the prepared statements of the hottest reads: a record
// by slug, an id by slug, a lookup by key. SQLite compiles a statement
// each time it is given as text, which cost an import about a tenth of
// its time in lookups and a record page a good share of its read; a
// statement prepared once is kept by database/sql for each pooled
// connection.
type stmtCache struct {
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

// prepared returns the statement for query, preparing it on first use.
func (d *DB) prepared(ctx context.Context, query string) (*sql.Stmt, error) {
	return d.stmts.get(ctx, query, d.db.PrepareContext)
}

// get returns the statement for query, preparing it with prepare on first
// use.
func (c *stmtCache) get(ctx context.Context, query string, prepare func(context.Context, string) (*sql.Stmt, error)) (*sql.Stmt, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if s, ok := c.m[query]; ok {
		return s, nil
	}
	s, err := prepare(ctx, query)
	if err != nil {
		return nil, err
	}
	if c.m == nil {
		c.m = map[string]*sql.Stmt{}
	}
	c.m[query] = s
	return s, nil
}

// queryRow runs a cached statement that returns one row. Errors in
// preparing it are reported by Scan, as QueryRowContext does.
func (d *DB) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	s, err := d.prepared(ctx, query)
	if err != nil {
		return d.db.QueryRowContext(ctx, query, args...)
	}
	return s.QueryRowContext(ctx, args...)
}

// closeStmts releases the cached statements.
func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, s := range c.m {
		s.Close()
	}
	c.m = nil
}
