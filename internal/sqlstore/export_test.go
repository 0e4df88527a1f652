package sqlstore

import "context"

// MigrateUpTo applies the migrations up to and including last, so that a
// test can write a registry as an earlier version did.
func (d *DB) MigrateUpTo(ctx context.Context, last string) error { return d.migrate(ctx, last) }

// Reindexes returns the number of rebuilds of derived data that the
// migrations ran.
func (d *DB) Reindexes() int { return d.reindexes }
