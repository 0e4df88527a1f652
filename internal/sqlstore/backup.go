package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/proximite/proximite"
)

// Backup writes a consistent copy of a SQLite registry to path while it
// keeps serving (VACUUM INTO reads one snapshot). PostgreSQL registries
// are backed up with pg_dump, as the README says.
func (d *DB) Backup(ctx context.Context, path string) error {
	if d.dialect.name() != "sqlite" {
		return proximite.Errorf(proximite.EINVALID, "backup copies SQLite files; for PostgreSQL use pg_dump (see the README)")
	}
	if _, err := os.Stat(path); err == nil {
		return proximite.Errorf(proximite.ECONFLICT, "%s already exists; choose a new file name", path)
	}
	if _, err := d.db.ExecContext(ctx, `VACUUM INTO $1`, path); err != nil {
		os.Remove(path)
		return fmt.Errorf("backup to %s: %w", path, err)
	}
	return nil
}

// CheckBackup reports whether path is a registry backup that this version
// can restore: a sound SQLite file with the registry's tables.
func CheckBackup(ctx context.Context, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return proximite.Errorf(proximite.EINVALID, "cannot read %s: %v", path, err)
	}
	header := make([]byte, 16)
	_, err = io.ReadFull(f, header)
	f.Close()
	if err != nil || string(header) != "SQLite format 3\x00" {
		return proximite.Errorf(proximite.EINVALID, "%s is not a registry backup (not a SQLite file)", path)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return err
	}
	defer db.Close()
	var check string
	if err := db.QueryRowContext(ctx, `PRAGMA quick_check(1)`).Scan(&check); err != nil || check != "ok" {
		return proximite.Errorf(proximite.EINVALID, "%s is damaged (%s %v)", path, check, err)
	}
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil {
		return proximite.Errorf(proximite.EINVALID, "%s is a SQLite file but not a registry backup", path)
	}
	names, _ := MigrationNames("sqlite")
	if n > len(names) {
		return proximite.Errorf(proximite.EINVALID, "%s comes from a newer version of Proximité (%d migrations, this one knows %d)", path, n, len(names))
	}
	return nil
}

// Restore replaces the SQLite registry at dbPath with the backup at from,
// after checking it. The copy is written beside the target and renamed
// over it, so an interrupted restore leaves the old registry in place.
// The server must be stopped while it runs.
func Restore(ctx context.Context, dbPath, from string) error {
	if err := CheckBackup(ctx, from); err != nil {
		return err
	}
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	tmp, err := os.CreateTemp(filepath.Dir(dbPath), ".restore-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := io.Copy(tmp, src); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	// The old write-ahead log belongs to the old file and must not be
	// replayed into the restored one: fold it into the old file first, so
	// removing it loses nothing even if the rename below failed.
	if _, err := os.Stat(dbPath); err == nil {
		old, err := sql.Open("sqlite", sqliteDSN(dbPath, defaultCache>>10))
		if err != nil {
			return err
		}
		_, err = old.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
		old.Close()
		if err != nil {
			return fmt.Errorf("checkpoint %s before restoring (is the server still running?): %w", dbPath, err)
		}
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(dbPath + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	return os.Rename(tmp.Name(), dbPath)
}
