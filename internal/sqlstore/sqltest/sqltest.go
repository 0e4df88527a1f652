// Package sqltest opens throw-away registry databases for tests: a temp
// SQLite file, and a PostgreSQL database created for the test and dropped
// after it, so that every store test runs on both.
package sqltest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/proximite/proximite/internal/sqlstore"
)

// DefaultPostgres is the server the tests use unless PROXIMITE_TEST_POSTGRES
// names another: the local PostgreSQL with trust authentication.
const DefaultPostgres = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"

// Dialects lists the databases a store test runs on.
var Dialects = []string{"sqlite", "postgres"}

// DSN returns the address of a fresh, empty database of the dialect. For
// PostgreSQL it creates a database and drops it when the test ends; when
// no server answers it skips the test with a message, except under CI
// (CI=true), where a missing PostgreSQL is a failure.
func DSN(tb testing.TB, dialect string) string {
	tb.Helper()
	if dialect == "sqlite" {
		return "sqlite:" + filepath.Join(tb.TempDir(), "test.db")
	}
	server := os.Getenv("PROXIMITE_TEST_POSTGRES")
	if server == "" {
		server = DefaultPostgres
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	admin, err := sql.Open("pgx", server)
	if err == nil {
		err = admin.PingContext(ctx)
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("PostgreSQL at %s is required under CI: %v", server, err)
		}
		tb.Skipf("skipping PostgreSQL: no server at %s (%v); set PROXIMITE_TEST_POSTGRES to run these tests", server, err)
	}
	b := make([]byte, 6)
	rand.Read(b)
	name := "proximite_test_" + hex.EncodeToString(b)
	// Creating a database waits for the server's other work: a busy server
	// (many test packages at once) gets a minute, not the ping's seconds.
	create, cancelCreate := context.WithTimeout(context.Background(), time.Minute)
	defer cancelCreate()
	if _, err := admin.ExecContext(create, `CREATE DATABASE `+name); err != nil {
		tb.Fatalf("create test database: %v", err)
	}
	tb.Cleanup(func() {
		admin.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`)
		admin.Close()
	})
	u, err := url.Parse(server)
	if err != nil {
		tb.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

// Open returns a migrated, empty registry database of the dialect, closed
// when the test ends.
func Open(tb testing.TB, dialect string) *sqlstore.DB {
	tb.Helper()
	return OpenDSN(tb, DSN(tb, dialect))
}

// OpenDSN opens and migrates the database at dsn, closed when the test ends.
func OpenDSN(tb testing.TB, dsn string) *sqlstore.DB {
	tb.Helper()
	return OpenDSNWith(tb, dsn, sqlstore.Options{})
}

// OpenWith is Open with options.
func OpenWith(tb testing.TB, dialect string, o sqlstore.Options) *sqlstore.DB {
	tb.Helper()
	return OpenDSNWith(tb, DSN(tb, dialect), o)
}

// OpenDSNWith is OpenDSN with options.
func OpenDSNWith(tb testing.TB, dsn string, o sqlstore.Options) *sqlstore.DB {
	tb.Helper()
	db, err := sqlstore.OpenWith(context.Background(), dsn, o)
	if err != nil {
		tb.Fatalf("open %s: %v", dsn, err)
	}
	tb.Cleanup(func() { db.Close() })
	if err := db.Migrate(context.Background()); err != nil {
		tb.Fatalf("migrate: %v", err)
	}
	return db
}

// Each runs fn as a subtest on every dialect, each with its own database.
func Each(t *testing.T, fn func(t *testing.T, db *sqlstore.DB)) {
	t.Helper()
	for _, d := range Dialects {
		t.Run(d, func(t *testing.T) { fn(t, Open(t, d)) })
	}
}
