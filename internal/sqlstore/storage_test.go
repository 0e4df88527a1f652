package sqlstore_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// A new SQLite registry is made with 16 KB pages; one made before, with
// SQLite's 4 KB, keeps them and is migrated and written as well.
func TestSQLitePageSize(t *testing.T) {
	ctx := context.Background()
	pageSize := func(path string) int {
		db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		var n int
		if err := db.QueryRow(`PRAGMA page_size`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	open := func(path string) {
		d, err := sqlstore.Open(ctx, "sqlite:"+path)
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		if err := d.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
	}

	fresh := filepath.Join(t.TempDir(), "new.db")
	open(fresh)
	if n := pageSize(fresh); n != 16384 {
		t.Errorf("a new registry has pages of %d bytes, want 16384", n)
	}

	old := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", "file:"+old)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`PRAGMA journal_mode = WAL`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	open(old)
	open(old)
	if n := pageSize(old); n != 4096 {
		t.Errorf("a registry made with 4 KB pages has pages of %d bytes after opening, want 4096", n)
	}
}

// On PostgreSQL, projects' JSON is compressed with LZ4 (migration 0016).
func TestPostgresCompressesJSONWithLZ4(t *testing.T) {
	for _, dialect := range sqltest.Dialects {
		if dialect != "postgres" {
			continue
		}
		db := sqltest.Open(t, dialect)
		var method string
		err := db.SQL().QueryRow(`SELECT attcompression FROM pg_attribute
			WHERE attrelid = 'record_data'::regclass AND attname = 'data'`).Scan(&method)
		if err != nil {
			t.Fatal(err)
		}
		if method != "l" {
			t.Errorf("record_data.data is compressed with %q, want l (LZ4)", method)
		}
	}
}
