package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/sqlstore"
)

// openDB opens the configured database and migrates it. fresh reports
// whether it had never been migrated, which is how serve knows to load
// the demonstration registry on a first start.
func (m *Main) openDB(ctx context.Context) (db *sqlstore.DB, fresh bool, err error) {
	return m.openDBWith(ctx, sqlstore.Options{})
}

// openDBWith is openDB with options for the store.
func (m *Main) openDBWith(ctx context.Context, o sqlstore.Options) (db *sqlstore.DB, fresh bool, err error) {
	db, err = sqlstore.OpenWith(ctx, m.Config.Database, o)
	if err != nil {
		return nil, false, err
	}
	migrated, err := db.Migrated(ctx)
	if err != nil {
		db.Close()
		return nil, false, err
	}
	if err := db.Migrate(ctx); err != nil {
		db.Close()
		return nil, false, fmt.Errorf("migrate %s: %w", db.Dialect(), err)
	}
	return db, !migrated, nil
}

func (m *Main) runMigrate(ctx context.Context, args []string) error {
	if err := m.flags("migrate").Parse(args); err != nil {
		return err
	}
	db, _, err := m.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	fmt.Fprintf(m.Stdout, "database %s is up to date\n", db.Dialect())
	return nil
}

func (m *Main) runBackup(ctx context.Context, args []string) error {
	fs := m.flags("backup")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return proximite.Errorf(proximite.EINVALID, "usage: proximite backup FILE")
	}
	if strings.HasPrefix(m.Config.Database, "postgres") {
		return proximite.Errorf(proximite.EINVALID, "backup copies SQLite files; for PostgreSQL use pg_dump (see the README)")
	}
	if !sqlstore.FileExists(m.Config.Database) {
		return proximite.Errorf(proximite.EINVALID, "no registry at %s to back up", m.Config.Database)
	}
	db, err := sqlstore.Open(ctx, m.Config.Database)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Backup(ctx, fs.Arg(0)); err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "backup written to %s\n", fs.Arg(0))
	return nil
}

func (m *Main) runRestore(ctx context.Context, args []string) error {
	fs := m.flags("restore")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return proximite.Errorf(proximite.EINVALID, "usage: proximite restore FILE")
	}
	if strings.HasPrefix(m.Config.Database, "postgres") {
		return proximite.Errorf(proximite.EINVALID, "restore replaces SQLite files; for PostgreSQL use pg_restore (see the README)")
	}
	path := strings.TrimPrefix(strings.TrimPrefix(m.Config.Database, "sqlite:"), "//")
	if err := sqlstore.Restore(ctx, path, fs.Arg(0)); err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "registry %s restored from %s\n", path, fs.Arg(0))
	return nil
}
