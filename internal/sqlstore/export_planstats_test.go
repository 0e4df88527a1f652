package sqlstore

import "context"

// PlanStats returns how many times the store refreshed PostgreSQL's
// statistics, and the records that the statistics of records describe
// (-1 before they were ever taken).
func (d *DB) PlanStats(ctx context.Context) (refreshes int64, described float64, err error) {
	err = d.db.QueryRowContext(ctx, `SELECT reltuples FROM pg_class WHERE oid = 'records'::regclass`).Scan(&described)
	return d.refreshes.Load(), described, err
}
