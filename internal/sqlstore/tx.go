package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"strconv"
	"strings"

	"github.com/proximite/proximite"
)

// wtx is a write transaction. It prepares each statement once and reuses
// it for every record of a batch, and it gathers the changes to the facet
// counts in memory and applies them once at commit: a bulk load of
// thousands of records then costs a few statements per record instead of
// dozens, and the hot counter rows are touched once per transaction.
type wtx struct {
	ctx    context.Context
	tx     *sql.Tx
	stmts  map[string]*sql.Stmt
	deltas map[countKey]int
	// targets caches the references resolved in this transaction: a batch
	// of projects refers to the same organisations again and again.
	targets map[refKey]target
	// The text index entries that the dialect writes at the end of the
	// transaction (see sqliteDialect.indexText).
	textDeletes []int64
	textInserts []textEntry
	flushText   func(*wtx) error
	// param writes the parameters of statements of many rows
	// (dialect.param); "$n" when nil.
	param func(n int) string
	// direct runs statements by their text instead of preparing them for
	// the transaction (PostgreSQL): pgx prepares each on its connection
	// and keeps it for the next transactions, where a statement prepared
	// for the transaction cost a round trip to prepare and one to release
	// (the publisher files: 5 % faster).
	direct bool
	// columnTypes returns the types of a table's columns, for
	// unnestInsert (PostgreSQL); nil elsewhere.
	columnTypes func(ctx context.Context, table string) (map[string]string, error)
	// shared returns a statement kept for the writer's connection rather
	// than prepared for the transaction (see sharedStmt, insertMany); nil
	// where statements are the transaction's (PostgreSQL).
	shared func(query string) (*sql.Stmt, error)
	// totals gathers the changes to amount_totals (see amounts.go);
	// noAmounts skips them while migrations before 0011 run.
	totals    map[amountKey]int64
	noAmounts bool
	// cube and cubeAmounts gather the changes to the statistics' cube
	// (see cube.go).
	cube        map[cubeKey]int64
	cubeAmounts map[cubeAmountKey]int64
	cubeEmpty   bool
	// changes are the records of the statistics' types written, for the
	// change log (changes.go).
	changes []int64
}

type textEntry struct {
	id   int64
	body string
}

type refKey struct {
	typ  proximite.RecordType
	slug string
}

func (t *wtx) remember(typ proximite.RecordType, slug string, tg target) {
	t.targets[refKey{typ, slug}] = tg
}

func (t *wtx) recall(typ proximite.RecordType, slug string) (target, bool) {
	tg, ok := t.targets[refKey{typ, slug}]
	return tg, ok
}

func (t *wtx) forget(typ proximite.RecordType, slug string) { delete(t.targets, refKey{typ, slug}) }

func (t *wtx) forgetID(id int64) {
	for k, tg := range t.targets {
		if tg.id == id {
			delete(t.targets, k)
		}
	}
}

// insertRows inserts rows into table (written with its columns, e.g.
// "links (from_id, rel, to_id)") in one statement per batch of up to 50,
// ignoring rows already there.
func (t *wtx) insertRows(table string, rows [][]any) error {
	for len(rows) > 0 {
		n := min(len(rows), 50)
		var b strings.Builder
		b.WriteString("INSERT INTO " + table + " VALUES ")
		args := make([]any, 0, n*len(rows[0]))
		for i, r := range rows[:n] {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteByte('(')
			for j, v := range r {
				if j > 0 {
					b.WriteString(", ")
				}
				args = append(args, v)
				b.WriteString("$" + strconv.Itoa(len(args)))
			}
			b.WriteByte(')')
		}
		b.WriteString(" ON CONFLICT DO NOTHING")
		if err := t.exec(b.String(), args...); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

// countKey names one row of facet_counts.
type countKey struct{ typ, facet, value string }

func (t *wtx) stmt(query string) (*sql.Stmt, error) {
	if s, ok := t.stmts[query]; ok {
		return s, nil
	}
	s, err := t.tx.PrepareContext(t.ctx, query)
	if err != nil {
		return nil, err
	}
	t.stmts[query] = s
	return s, nil
}

// sharedStmt returns a statement of insertMany in the transaction: on
// SQLite, one kept for the writer's connection (see writer), so that it
// is compiled once rather than in every transaction. It runs in the
// transaction because the transaction is the connection's; it is not the
// transaction's to close.
func (t *wtx) sharedStmt(query string) (*sql.Stmt, error) {
	if t.shared == nil {
		return t.stmt(query)
	}
	return t.shared(query)
}

// exec runs a statement of the transaction.
func (t *wtx) exec(query string, args ...any) error {
	if t.direct {
		_, err := t.tx.ExecContext(t.ctx, query, args...)
		return err
	}
	s, err := t.stmt(query)
	if err != nil {
		return err
	}
	_, err = s.ExecContext(t.ctx, args...)
	return err
}

// row runs a query that returns one row.
func (t *wtx) row(query string, args ...any) *sql.Row {
	if t.direct {
		return t.tx.QueryRowContext(t.ctx, query, args...)
	}
	s, err := t.stmt(query)
	if err != nil {
		// Let Scan report the error: QueryRowContext on a fresh statement
		// fails the same way.
		return t.tx.QueryRowContext(t.ctx, query, args...)
	}
	return s.QueryRowContext(t.ctx, args...)
}

// rows runs a query that returns rows.
func (t *wtx) rows(query string, args ...any) (*sql.Rows, error) {
	if t.direct {
		return t.tx.QueryContext(t.ctx, query, args...)
	}
	s, err := t.stmt(query)
	if err != nil {
		return nil, err
	}
	return s.QueryContext(t.ctx, args...)
}

// count records a change of n to a facet count. Keys (facets whose name
// starts with "@") are lookups, not facets, and are never counted.
func (t *wtx) count(typ, facet, value string, n int) {
	if !strings.HasPrefix(facet, "@") {
		t.deltas[countKey{typ, facet, value}] += n
	}
}

// flush applies the gathered facet count changes and text index entries.
func (t *wtx) flush() error {
	if t.flushText != nil {
		if err := t.flushText(t); err != nil {
			return err
		}
	}
	if err := t.flushTotals(); err != nil {
		return err
	}
	var rows [][]any
	for k, n := range t.deltas {
		if n != 0 {
			rows = append(rows, []any{k.typ, k.facet, k.value, n})
		}
	}
	sortRows(rows)
	_, err := t.insertMany(`INSERT INTO facet_counts (type, facet, value, n)`, `(?, ?, ?, ?)`,
		` ON CONFLICT (type, facet, value) DO UPDATE SET n = facet_counts.n + excluded.n`, rows)
	return err
}

func newWtx(ctx context.Context, tx *sql.Tx) *wtx {
	return &wtx{ctx: ctx, tx: tx, stmts: map[string]*sql.Stmt{}, deltas: map[countKey]int{}, targets: map[refKey]target{}}
}

// Version returns a number that changes whenever the registry's records
// change, in this process or another sharing the database: caches of
// rendered pages compare it with the number they were made at.
func (d *DB) Version(ctx context.Context) (int64, error) {
	var n int64
	err := d.db.QueryRowContext(ctx, `SELECT n FROM registry_version`).Scan(&n)
	return n, err
}

// close releases the transaction's prepared statements.
func (t *wtx) close() {
	for _, s := range t.stmts {
		s.Close()
	}
}

// write runs fn in a transaction that commits when fn returns nil and
// rolls back otherwise, so that no write is ever half done.
func (d *DB) write(ctx context.Context, fn func(t *wtx) error) error {
	var tx *sql.Tx
	var err error
	if w := d.writer; w != nil {
		tx, err = w.begin(ctx)
		if err == nil {
			defer w.end()
		}
	} else {
		tx, err = d.db.BeginTx(ctx, nil)
	}
	if err != nil {
		return err
	}
	t := newWtx(ctx, tx)
	t.flushText = d.dialect.flushText
	t.param = d.dialect.param
	if w := d.writer; w != nil {
		t.shared = func(query string) (*sql.Stmt, error) { return w.prepared(ctx, query) }
	} else {
		t.direct = true
		t.columnTypes = func(ctx context.Context, table string) (map[string]string, error) {
			return d.pgTypes.get(ctx, t, table)
		}
	}
	defer t.close()
	t.noAmounts = !d.statsReady(ctx, tx)
	logged := d.changesReady(ctx, tx)
	if err := fn(t); err != nil {
		tx.Rollback()
		return err
	}
	if err := t.flush(); err != nil {
		tx.Rollback()
		return err
	}
	if err := t.bumpVersion(logged); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// sortRows orders rows of counter changes by their key (every column but
// the last, the change itself), so that transactions writing at the same
// time take the locks of the counter rows they share in the same order
// and cannot deadlock on them (PostgreSQL; SQLite has one writer).
func sortRows(rows [][]any) {
	slices.SortFunc(rows, func(a, b []any) int {
		for i := range len(a) - 1 {
			var c int
			switch x := a[i].(type) {
			case string:
				c = strings.Compare(x, b[i].(string))
			case int:
				c = cmp.Compare(x, b[i].(int))
			case int64:
				c = cmp.Compare(x, b[i].(int64))
			}
			if c != 0 {
				return c
			}
		}
		return 0
	})
}
