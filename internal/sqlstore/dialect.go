package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/proximite/proximite"
)

// dialect is the only place where SQLite and PostgreSQL differ: how a
// connection is opened and tuned, how migrations are serialised, how text
// is indexed and matched, and how a consistent copy is taken. Everything
// else is the same SQL on both.
type dialect interface {
	name() string
	driver() string
	// prepare runs once on a new pool (pragmas, extension checks).
	prepare(ctx context.Context, db *sql.DB) error
	// lockMigrations serialises migrations across instances starting
	// together; the returned function releases the lock.
	lockMigrations(ctx context.Context, conn *sql.Conn) (func(), error)
	// indexText replaces the text index entry of a record: its folded
	// words and its filter tokens (see token). fresh says the record was
	// just created, so there is no entry to replace.
	indexText(tx *wtx, id int64, body string, tokens []string, fresh bool) error
	// unindexText removes a record's text index entry before the record.
	unindexText(tx *wtx, id int64) error
	// flushText writes what indexText and unindexText deferred to the end
	// of the transaction.
	flushText(tx *wtx) error
	// newIDs returns n unused record ids, in increasing order, for new
	// records written together (see saveNew).
	newIDs(tx *wtx, n int) ([]int64, error)
	// textColumn returns, where a record's text index entry is a column
	// of its row, the column and the SQL that computes it from one "?",
	// its words and tokens (indexEntry), so that a new record's row is
	// inserted with it; "" where the entry lives apart (indexText).
	textColumn() (col, expr string)
	// param is the SQL of the nth parameter of a statement that insertMany
	// writes.
	param(n int) string
	// match returns the join and the condition that restrict records r
	// to those matching the folded words, with the query argument at
	// placeholder n.
	match(words []string, n int) (join, cond string, arg any)
	// candidates returns the query for at most limit records that match
	// the text query m entirely inside the text index, with the columns
	// of a candidate (see candidateCols) and its two arguments.
	candidates(m textQuery, limit int) (string, []any)
	// lockSender admits one sender of the bulletin's queue where rows
	// cannot be locked one by one (SQLite), and every sender where they
	// can; ok is false when another sender holds the queue.
	lockSender(d *DB) (release func(), ok bool, err error)
	// planStats returns the query of the records that the planner's
	// statistics describe and the statement that refreshes them, where
	// the planner goes by them (see grew); "" where it does not.
	planStats() (described, refresh string)
	// claimTx begins the transaction that holds a claimed queue row while
	// its message is sent, or returns nil where none should be held; and
	// claimLock ends the query that claims it.
	claimTx(ctx context.Context, db *sql.DB) (*sql.Tx, error)
	claimLock() string
}

// candidateCols are the columns of records r that a search reads for
// each candidate: enough to rank, page and count facets without the
// record's JSON.
const candidateCols = `r.id, r.type, r.slug, r.title, r.sort_title, r.names, r.year, r.facets, r.updated_at`

// textQuery is a search as the text index answers it: every word, the
// last one as a prefix when prefix is set, and every group of tokens, one
// token of each group (a group holds a facet's accepted values).
type textQuery struct {
	words  []string
	prefix bool
	groups [][]string
}

type sqliteDialect struct{}

func (sqliteDialect) name() string   { return "sqlite" }
func (sqliteDialect) driver() string { return "sqlite" }

func (sqliteDialect) prepare(ctx context.Context, db *sql.DB) error {
	// The pragmas travel in the DSN (see sqliteDSN) so that every pooled
	// connection gets them; here we only check that the file is a
	// database by reading its schema. A full integrity check would read
	// every page, minutes for a large registry, so start-up does not run
	// one; restore checks the backup it is given.
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master`).Scan(&n); err != nil {
		return proximite.Errorf(proximite.EINVALID, "not a SQLite database, or a damaged one: %v", err)
	}
	return nil
}

func (sqliteDialect) lockMigrations(ctx context.Context, conn *sql.Conn) (func(), error) {
	// SQLite serialises writers itself; migration transactions wait on the
	// busy timeout.
	return func() {}, nil
}

// FTS5 keeps the entries of a transaction in memory and writes them as
// one segment, unless something makes it flush first: a delete, or the
// statement savepoint of any other write (an insert with RETURNING or a
// foreign key). Writing the index entries at the end of the transaction,
// deletes first, makes a bulk load of thousands of records write one
// segment instead of one per record (a fifth of an import's time).
func (sqliteDialect) indexText(tx *wtx, id int64, body string, tokens []string, fresh bool) error {
	if !fresh {
		tx.textDeletes = append(tx.textDeletes, id)
	}
	tx.textInserts = append(tx.textInserts, textEntry{id, body + " " + strings.Join(tokens, " ")})
	return nil
}

func (sqliteDialect) unindexText(tx *wtx, id int64) error {
	tx.textDeletes = append(tx.textDeletes, id)
	for i, e := range tx.textInserts {
		if e.id == id {
			tx.textInserts = append(tx.textInserts[:i], tx.textInserts[i+1:]...)
			break
		}
	}
	return nil
}

func (sqliteDialect) flushText(tx *wtx) error {
	for _, id := range tx.textDeletes {
		if err := tx.exec(`DELETE FROM records_fts WHERE rowid = $1`, id); err != nil {
			return err
		}
	}
	rows := make([][]any, len(tx.textInserts))
	for i, e := range tx.textInserts {
		rows[i] = []any{e.id, e.body}
	}
	// FTS5 writes what it holds as a segment of the index at the start of
	// each statement that may need undoing, as an insert of many rows
	// does: the entries go in by one statement, for one segment.
	if _, err := tx.insertAll(`INSERT INTO records_fts (rowid, body)`, `(?, ?)`, ``, rows); err != nil {
		return err
	}
	tx.textDeletes, tx.textInserts = nil, nil
	return nil
}

// The writer is alone in its transaction from its first statement
// (BEGIN IMMEDIATE, see sqliteDSN), so the ids after the largest are
// free, and they are those SQLite would give the records one by one.
func (sqliteDialect) newIDs(tx *wtx, n int) ([]int64, error) {
	var last int64
	if err := tx.row(`SELECT coalesce(max(id), 0) FROM records`).Scan(&last); err != nil {
		return nil, err
	}
	ids := make([]int64, n)
	for i := range ids {
		ids[i] = last + 1 + int64(i)
	}
	return ids, nil
}

func (sqliteDialect) textColumn() (string, string) { return "", "" }

// SQLite's planner does not go by the tables' sizes.
func (sqliteDialect) planStats() (string, string) { return "", "" }

// The driver asks SQLite the name of every parameter it binds, which
// SQLite looks up in a list as long as the statement's parameters: "$n"
// would make a statement of a thousand parameters cost a million steps,
// where "?" has no name to look up.
func (sqliteDialect) param(n int) string { return "?" }

func (sqliteDialect) candidates(m textQuery, limit int) (string, []any) {
	// FTS5 walks the intersection in descending rowid order and stops at
	// the limit: the newest matches, without ranking all of them.
	var parts []string
	for i, w := range m.words {
		p := `"` + w + `"`
		if m.prefix && i == len(m.words)-1 {
			p += "*"
		}
		parts = append(parts, p)
	}
	for _, g := range m.groups {
		alt := make([]string, len(g))
		for i, t := range g {
			alt[i] = `"` + t + `"`
		}
		parts = append(parts, "("+strings.Join(alt, " OR ")+")")
	}
	return `SELECT ` + candidateCols + ` FROM (SELECT rowid AS id FROM records_fts WHERE records_fts MATCH $1
		ORDER BY rowid DESC LIMIT $2) m JOIN records r ON r.id = m.id`, []any{strings.Join(parts, " AND "), limit}
}

func (sqliteDialect) match(words []string, n int) (string, string, any) {
	// Each word is quoted (so FTS5 syntax in user input is inert) and
	// prefix-matched; words are ANDed.
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = `"` + strings.ReplaceAll(w, `"`, `""`) + `"*`
	}
	return `JOIN records_fts ON records_fts.rowid = r.id`,
		fmt.Sprintf(`records_fts MATCH $%d`, n), strings.Join(q, " ")
}

type postgresDialect struct{}

func (postgresDialect) name() string   { return "postgres" }
func (postgresDialect) driver() string { return "pgx" }

func (postgresDialect) prepare(ctx context.Context, db *sql.DB) error { return nil }

func (postgresDialect) lockMigrations(ctx context.Context, conn *sql.Conn) (func(), error) {
	// An advisory lock makes instances that start together migrate one
	// after the other; the key is arbitrary but fixed.
	const key = 7340293
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, key); err != nil {
		return nil, err
	}
	return func() { conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1)`, key) }, nil
}

// The entry is the words as the application cut them, the same as
// SQLite's, so that both databases find the same records: PostgreSQL's
// parser cut text its own way ("2.5" one word, a query's "2" and "5"
// two), and parsing was a fifth of the server's work in an import. The
// words carry no positions, which no search reads (searches rank on the
// records' names).
func (postgresDialect) indexText(tx *wtx, id int64, body string, tokens []string, fresh bool) error {
	return tx.exec(`UPDATE records SET tsv = array_to_tsvector(string_to_array($2, ' ')) WHERE id = $1`,
		id, indexEntry(body, tokens))
}

func (postgresDialect) candidates(m textQuery, limit int) (string, []any) {
	// Words and tokens are letters, digits and "_" only (splitWords,
	// token), safe inside quotes; the cast takes them as they are.
	var parts []string
	for i, w := range m.words {
		p := "'" + w + "'"
		if m.prefix && i == len(m.words)-1 {
			p += ":*"
		}
		parts = append(parts, p)
	}
	for _, g := range m.groups {
		alt := make([]string, len(g))
		for i, t := range g {
			alt[i] = "'" + t + "'"
		}
		parts = append(parts, "("+strings.Join(alt, " | ")+")")
	}
	return `SELECT ` + candidateCols + ` FROM records r WHERE r.tsv @@ $1::tsquery LIMIT $2`,
		[]any{strings.Join(parts, " & "), limit}
}

func (postgresDialect) unindexText(tx *wtx, id int64) error { return nil }

// Other transactions may take ids meanwhile, so they come from the
// records' sequence, all in one round trip.
func (postgresDialect) newIDs(tx *wtx, n int) ([]int64, error) {
	rows, err := tx.rows(`SELECT nextval(pg_get_serial_sequence('records', 'id')) FROM generate_series(1, $1)`, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	ids := make([]int64, 0, n)
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	slices.Sort(ids)
	return ids, nil
}

func (postgresDialect) param(n int) string { return "$" + strconv.Itoa(n) }

// The same tsvector as indexText's, computed in the new record's row.
func (postgresDialect) textColumn() (string, string) {
	return "tsv", `array_to_tsvector(string_to_array(?, ' '))`
}

func (postgresDialect) flushText(tx *wtx) error { return nil }

// reltuples is -1 for a table never analysed.
func (postgresDialect) planStats() (string, string) {
	return `SELECT reltuples FROM pg_class WHERE oid = 'records'::regclass`, `ANALYZE records, search_terms, links`
}

func (postgresDialect) match(words []string, n int) (string, string, any) {
	q := make([]string, len(words))
	for i, w := range words {
		// Words come from splitWords: letters and digits only, so they are
		// safe inside a tsquery.
		q[i] = w + ":*"
	}
	return ``, fmt.Sprintf(`r.tsv @@ to_tsquery('simple', $%d)`, n), strings.Join(q, " & ")
}

// On SQLite one process at a time works the bulletin's queue, under a
// lock on a file beside the database that the system releases when the
// process ends, even killed. A transaction held during an SMTP
// conversation would stop every other writer of the file, so the claimed
// row is read without one: the lock is what keeps it from a second
// sender, and a row left pending by a killed sender is simply the next.
func (sqliteDialect) lockSender(d *DB) (func(), bool, error) {
	return lockFile(d.Path + ".bulletin-lock")
}

func (sqliteDialect) claimTx(ctx context.Context, db *sql.DB) (*sql.Tx, error) { return nil, nil }

func (sqliteDialect) claimLock() string { return "" }

// On PostgreSQL every instance may send: each claims one row in a
// transaction that locks it, skipping the rows that others hold, and
// commits its outcome. The server releases the lock of a sender whose
// connection drops, so a killed sender's row is claimed again at once.
func (postgresDialect) lockSender(d *DB) (func(), bool, error) { return func() {}, true, nil }

// The outcome of a message is committed without waiting for the disk
// (synchronous_commit off, for this transaction only), as SQLite's
// synchronous=NORMAL does for every write: a sender killed after its
// commit loses nothing, since the server has the commit; only a crash of
// the database server itself could forget the last fraction of a second
// of outcomes, and those messages would go again rather than be lost.
// Waiting for the disk at each message made sending ten times slower.
func (postgresDialect) claimTx(ctx context.Context, db *sql.DB) (*sql.Tx, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `SET LOCAL synchronous_commit = off`); err != nil {
		tx.Rollback()
		return nil, err
	}
	return tx, nil
}

func (postgresDialect) claimLock() string { return ` FOR UPDATE OF q SKIP LOCKED` }
