// Package sqlstore is the one storage implementation of the registry, over
// database/sql, for SQLite (modernc.org/sqlite, the embedded default) and
// PostgreSQL (pgx). The differences between the two live in dialect.go.
package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	_ "modernc.org/sqlite"             // registers the "sqlite" driver

	"github.com/proximite/proximite"
)

// DB is an open registry database.
type DB struct {
	db      *sql.DB
	dialect dialect
	// Path is the SQLite file, empty on PostgreSQL.
	Path string
	// Now returns the current time; tests replace it for stable output.
	Now func() time.Time
	// MaxFileSize bounds the files of the library's publications; zero
	// means proximite.MaxFileSize.
	MaxFileSize int64
	stmts       stmtCache
	// writer is SQLite's connection for writes (writer.go); nil on
	// PostgreSQL, where writes take any of the pool's connections.
	writer *writer
	// pgTypes are the column types that unnestInsert casts to
	// (PostgreSQL).
	pgTypes pgColumnTypes
	// reindexes counts the rebuilds of derived data that migrations ran,
	// for the tests.
	reindexes int
	// statsIndex answers the dashboard's combined filters (statsindex.go).
	statsIndex statsIndexState
	// planStats keeps PostgreSQL's statistics up with a bulk load
	// (planstats.go); refreshes counts its refreshes, for the tests.
	planStats planStats
	refreshes atomic.Int64
}

// Open connects to the database named by dsn: "sqlite:FILE" (or a bare
// file name ending in .db) or "postgres://…". It checks that the database
// answers and is not damaged, but does not migrate it.
func Open(ctx context.Context, dsn string) (*DB, error) {
	return OpenWith(ctx, dsn, Options{})
}

// Options fit a store to the work of the process that opens it.
type Options struct {
	// ReadCache and WriteCache are the page caches of each connection
	// that reads and of the one that writes, in bytes, on SQLite: 32 MB
	// when zero. A search of a large registry reads a thousand scattered
	// rows and wants the large cache; a bulk import reads only its
	// look-ups, and keeps its memory down with small ones (see
	// iati.StoreOptions).
	ReadCache, WriteCache int
	// AsyncCommit lets PostgreSQL acknowledge a commit before its log is
	// on disk (synchronous_commit = off), as SQLite's synchronous=NORMAL
	// does for every write here. A crash of the machine may then lose the
	// last commits, never a part of one nor one without those before it:
	// right for a bulk import, which says how far it went and completes
	// the work when run again, and faster there when its commits are many
	// and small (the publisher files: +7 %), each batch and each file's
	// log no longer waiting for the disk. Not for the site, where an edit
	// acknowledged must stay. A setting in the address wins.
	AsyncCommit bool
}

// defaultCache is a connection's page cache when Options leave it out.
const defaultCache = 32 << 20

// cacheKB returns a page cache of n bytes in kilobytes, the default when
// n is zero.
func cacheKB(n int) int {
	if n <= 0 {
		n = defaultCache
	}
	return max(n>>10, 1)
}

// OpenWith is Open with options.
func OpenWith(ctx context.Context, dsn string, o Options) (*DB, error) {
	d := &DB{Now: time.Now}
	var err error
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		d.dialect = postgresDialect{}
		if o.AsyncCommit {
			dsn = withParam(dsn, "synchronous_commit", "off")
		}
		d.db, err = sql.Open("pgx", dsn)
		if err != nil {
			return nil, proximite.Errorf(proximite.EINVALID, "PostgreSQL address: %v", err)
		}
		d.db.SetMaxOpenConns(16)
		d.db.SetMaxIdleConns(16)
	case strings.HasPrefix(dsn, "sqlite:"), !strings.Contains(dsn, ":") && dsn != "":
		d.dialect = sqliteDialect{}
		d.Path = strings.TrimPrefix(strings.TrimPrefix(dsn, "sqlite:"), "//")
		if d.Path == "" {
			return nil, proximite.Errorf(proximite.EINVALID, "sqlite: needs a file name, as in sqlite:proximite.db")
		}
		if err := createSQLite(ctx, d.Path); err != nil {
			return nil, proximite.Errorf(proximite.EINVALID, "cannot create %s: %v", d.Path, err)
		}
		d.db, err = sql.Open("sqlite", sqliteDSN(d.Path, cacheKB(o.ReadCache)))
		if err != nil {
			return nil, err
		}
	default:
		scheme, _, _ := strings.Cut(dsn, ":")
		return nil, proximite.Errorf(proximite.EINVALID,
			"unknown database %q: use sqlite:FILE or postgres://USER@HOST/NAME", scheme)
	}
	if err := d.ping(ctx); err != nil {
		d.db.Close()
		return nil, err
	}
	if d.dialect.name() == "sqlite" {
		if d.writer, err = newWriter(ctx, d.db, cacheKB(o.WriteCache)); err != nil {
			d.db.Close()
			return nil, err
		}
	}
	return d, nil
}

// withParam adds a setting to a PostgreSQL address, which the driver
// sends to the server for each connection, unless the address sets it.
func withParam(dsn, key, value string) string {
	u, err := url.Parse(dsn)
	if err != nil { // sql.Open reports it
		return dsn
	}
	q := u.Query()
	if !q.Has(key) {
		q.Set(key, value)
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// newPageSize is the page size of a new SQLite registry: 16 KB rather than
// SQLite's 4 KB, so that a project's JSON (12 KB for an average IATI
// activity) fits on one page instead of a chain of overflow pages, and a
// bulk import writes a quarter as many pages, each twice (to the log, then
// to the database). The size is fixed when the file is made; a registry
// made before keeps its own.
const newPageSize = 16384

// createSQLite makes the database file, with its page size, when there
// is none yet. The pool's connections set write-ahead logging on opening
// (sqliteDSN), which fixes the page size of an empty file, so the file is
// made before the pool opens.
func createSQLite(ctx context.Context, path string) error {
	if fi, err := os.Stat(path); err == nil && fi.Size() > 0 || err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, p := range []string{fmt.Sprintf("page_size = %d", newPageSize), "journal_mode = WAL"} {
		if _, err := db.ExecContext(ctx, "PRAGMA "+p); err != nil {
			return err
		}
	}
	return nil
}

// sqliteDSN sets the pragmas on every pooled connection: write-ahead
// logging so readers never wait for the writer, foreign keys (off by
// default in SQLite), a busy timeout instead of immediate "database is
// locked" errors, immediate transactions so that a writer takes its lock
// at BEGIN rather than failing when it upgrades from reading, and room
// for reads. A search reads a thousand scattered rows and the text index
// around them: through memory-mapped I/O (SQLite maps at most its first
// 2 GB) and a page cache of cacheKB per connection (32 MB unless Options
// say otherwise, and never more than the file), instead of a read()
// system call per page, which cost a sixth of a search's time at
// 1,000,000 projects.
func sqliteDSN(path string, cacheKB int) string {
	v := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "foreign_keys(1)", "busy_timeout(10000)", "synchronous(NORMAL)", "mmap_size(8589934592)",
		fmt.Sprintf("cache_size(-%d)", cacheKB)} {
		v.Add("_pragma", p)
	}
	v.Set("_txlock", "immediate")
	return "file:" + path + "?" + v.Encode()
}

func (d *DB) ping(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := d.db.PingContext(ctx); err != nil {
		if d.dialect.name() == "postgres" {
			return proximite.Errorf(proximite.EINVALID, "cannot reach PostgreSQL: %v", err)
		}
		return proximite.Errorf(proximite.EINVALID, "cannot open %s: not a SQLite database, or a damaged one (%v)", d.Path, err)
	}
	return d.dialect.prepare(ctx, d.db)
}

// Dialect returns "sqlite" or "postgres".
func (d *DB) Dialect() string { return d.dialect.name() }

// SQL returns the underlying pool, for tests and maintenance commands.
func (d *DB) SQL() *sql.DB { return d.db }

// Close closes the pool.
func (d *DB) Close() error {
	d.statsIndex.stop()
	d.stmts.close()
	if d.writer != nil {
		d.writer.close()
	}
	return d.db.Close()
}

// FileExists reports whether a SQLite DSN names a file that exists, so
// that commands which must not create a database can say so.
func FileExists(dsn string) bool {
	path := strings.TrimPrefix(strings.TrimPrefix(dsn, "sqlite:"), "//")
	_, err := os.Stat(path)
	return !errors.Is(err, os.ErrNotExist)
}

func micros(t time.Time) int64 { return t.UnixMicro() }

func fromMicros(us int64) time.Time { return time.UnixMicro(us).UTC() }

// errorf wraps an error with context unless it is already a domain error,
// whose message must reach the user unchanged.
func errorf(err error, format string, args ...any) error {
	var e *proximite.Error
	var v proximite.ValidationErrors
	if err == nil || errors.As(err, &v) || errors.As(err, &e) {
		return err
	}
	return fmt.Errorf(format+": %w", append(args, err)...)
}
