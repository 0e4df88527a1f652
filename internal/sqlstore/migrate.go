package sqlstore

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
)

//go:embed migrations
var migrations embed.FS

// Migrate applies, in name order, each embedded migration of the dialect
// that the database has not recorded yet, each in its own transaction.
// The two dialects' folders carry the same names (a test checks it), so a
// registry can move from SQLite to PostgreSQL at any version.
func (d *DB) Migrate(ctx context.Context) error { return d.migrate(ctx, "") }

// migrate applies the migrations up to last, or all when last is "".
func (d *DB) migrate(ctx context.Context, last string) error {
	defer d.pgTypes.reset() // migrations may change them
	conn, err := d.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	unlock, err := d.dialect.lockMigrations(ctx, conn)
	if err != nil {
		return fmt.Errorf("lock migrations: %w", err)
	}
	defer unlock()

	if _, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	names, err := MigrationNames(d.dialect.name())
	if err != nil {
		return err
	}
	var pending []string
	for _, name := range names {
		if last != "" && name > last {
			break
		}
		var n int
		if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE name = $1`, name).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			pending = append(pending, name)
		}
	}
	// A reindex rebuilds everything derived from the records, so when
	// several pending migrations ask for one, only the last does it: at
	// a million projects each costs minutes. Should the run stop between
	// them, the last is still pending and reindexes at the next start.
	lastReindex := ""
	for _, name := range pending {
		body, err := fs.ReadFile(migrations, "migrations/"+d.dialect.name()+"/"+name)
		if err != nil {
			return err
		}
		if needsReindex(body) {
			lastReindex = name
		}
	}
	for _, name := range pending {
		if err := d.migrateOne(ctx, conn, name, name == lastReindex); err != nil {
			return fmt.Errorf("migration %s: %w", name, err)
		}
	}
	return nil
}

// migrateOne applies one migration, and rebuilds the derived data after
// it when reindex is set.
func (d *DB) migrateOne(ctx context.Context, conn *sql.Conn, name string, reindex bool) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE name = $1`, name).Scan(&n); err != nil {
		return err
	} else if n > 0 {
		return nil
	}
	body, err := fs.ReadFile(migrations, "migrations/"+d.dialect.name()+"/"+name)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, string(body)); err != nil {
		return err
	}
	if reindex {
		if err := d.reindex(ctx, tx); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (name, applied_at) VALUES ($1, $2)`,
		name, micros(d.Now())); err != nil {
		return err
	}
	return tx.Commit()
}

// MigrationNames lists a dialect's migration files in the order they run.
func MigrationNames(dialect string) ([]string, error) {
	entries, err := fs.ReadDir(migrations, "migrations/"+dialect)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names, nil
}

// Migrated reports whether every migration has been applied, which
// read-only commands check before they start.
func (d *DB) Migrated(ctx context.Context) (bool, error) {
	names, err := MigrationNames(d.dialect.name())
	if err != nil {
		return false, err
	}
	var n int
	if err := d.db.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil {
		return false, nil // no table yet: a fresh database
	}
	return n >= len(names), nil
}
