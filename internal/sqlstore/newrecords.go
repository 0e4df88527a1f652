package sqlstore

import (
	"database/sql"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/proximite/proximite"
)

// A bulk load (an IATI import, the synthetic registry) writes mostly new
// records. Written one by one, each costs about eight statements — its
// row, its JSON, its facet values, amounts, links and text — which on
// SQLite is most of the writer's time and on PostgreSQL as many round
// trips. saveNew writes a run of new records of a batch together
// instead, each table with statements of many rows, and leaves every
// derived row, count, total and text index entry as save would.

// isNew says whether SaveBatch may write a record with the batch's other
// new records: a new record whose JSON PrepareBatch made, that needs
// nothing read in the transaction before it is encoded or indexed.
func (doc *doc) isNew() bool {
	return doc.meta.ID == 0 && doc.data != nil && doc.prepare == nil && doc.moreText == nil && !doc.keepTimes
}

// saveNew writes new records (isNew), which may refer to the records
// before them in docs as to stored ones. Every record is checked (its
// references, its slug) before anything is written, in order, so that
// the error is the one save would give at the first bad record; the
// index of that record in docs is returned with it, or -1 when the
// error is not about one record.
func (d *DB) saveNew(tx *wtx, docs []*doc) (int, error) {
	taken, err := prefetch(tx, docs)
	if err != nil {
		return -1, err
	}
	ids, err := d.dialect.newIDs(tx, len(docs))
	if err != nil {
		return -1, err
	}
	textCol, textExpr := d.dialect.textColumn()
	facets := make([][]facet, len(docs))
	var records, data, links [][]any
	for i, doc := range docs {
		targets, err := d.resolve(tx, doc.refs)
		if err != nil {
			return i, err
		}
		m := doc.meta
		k := refKey{doc.typ, m.Slug}
		if taken[k] {
			return i, slugTaken(doc.typ, m.Slug)
		}
		taken[k] = true
		m.ID = ids[i]
		facets[i] = doc.complete(targets)
		tx.remember(doc.typ, m.Slug, target{id: m.ID, title: doc.title, facets: facets[i]})
		row := append([]any{m.ID}, doc.columns(facets[i])...)
		if textCol != "" {
			row = append(row, indexEntry(indexBody(doc), tokens(m.State, facets[i])))
		}
		records = append(records, row)
		data = append(data, []any{m.ID, string(doc.data)})
		links = append(links, linkRows(m.ID, doc.refs, targets)...)
	}

	cols, row := `id, type, slug, state, title, sort_title, names, year, facets, created_at, updated_at`, `?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?`
	if textCol != "" {
		cols, row = cols+", "+textCol, row+", "+textExpr
	}
	// The slugs were checked above; a record of another transaction that
	// took one since (PostgreSQL) makes its row missing here.
	n, err := tx.insertMany(`INSERT INTO records (`+cols+`)`, `(`+row+`)`, ` ON CONFLICT (type, slug) DO NOTHING`, records)
	if err != nil {
		return -1, err
	} else if n < int64(len(docs)) {
		return firstMissing(tx, docs)
	}
	if _, err := tx.insertMany(`INSERT INTO record_data (id, data)`, `(?, ?)`, ``, data); err != nil {
		return -1, err
	}

	var terms, amounts [][]any
	for i, doc := range docs {
		m := doc.meta
		published := m.State == proximite.Published
		if err := updateCube(tx, doc.typ, m.ID, false, published, facets[i], doc.amounts); err != nil {
			return i, err
		}
		terms = append(terms, termRows(tx, doc.typ, m.ID, published, facets[i], doc.keys)...)
		if !tx.noAmounts {
			amounts = append(amounts, amountRows(tx, doc.typ, m.ID, published, doc.amounts)...)
		}
		if textCol == "" {
			if err := d.dialect.indexText(tx, m.ID, indexBody(doc), tokens(m.State, facets[i]), true); err != nil {
				return i, err
			}
		}
	}
	for _, t := range []struct {
		head string
		row  string
		rows [][]any
	}{
		{`INSERT INTO search_terms (record_id, facet, value)`, `(?, ?, ?)`, terms},
		{`INSERT INTO record_amounts (record_id, measure, year, currency, value)`, `(?, ?, ?, ?, ?)`, amounts},
		{`INSERT INTO links (from_id, rel, to_id)`, `(?, ?, ?)`, links},
	} {
		if _, err := tx.insertMany(t.head, t.row, ` ON CONFLICT DO NOTHING`, t.rows); err != nil {
			return -1, err
		}
	}
	return -1, nil
}

// firstMissing finds the first record whose row was not inserted, its
// slug taken meanwhile by another transaction.
func firstMissing(tx *wtx, docs []*doc) (int, error) {
	for i, doc := range docs {
		var n int
		if err := tx.row(`SELECT count(*) FROM records WHERE id = $1`, doc.meta.ID).Scan(&n); err != nil {
			return -1, err
		} else if n == 0 {
			return i, slugTaken(doc.typ, doc.meta.Slug)
		}
	}
	return -1, nil
}

// prefetch reads, a few statements for a whole run of new records, the
// stored records that they refer to and that are not remembered yet, and
// remembers them, so that resolve finds them without a statement each;
// it returns the keys among the new records' own that stored records
// already have, which are conflicts.
func prefetch(tx *wtx, docs []*doc) (map[refKey]bool, error) {
	own := map[refKey]bool{}
	wanted := map[refKey]bool{}
	slugs := map[proximite.RecordType][]string{}
	add := func(k refKey) {
		if !own[k] && !wanted[k] {
			slugs[k.typ] = append(slugs[k.typ], k.slug)
		}
	}
	for _, doc := range docs {
		k := refKey{doc.typ, doc.meta.Slug}
		add(k)
		own[k] = true
		for _, r := range doc.refs {
			k := refKey{r.typ, r.slug}
			if _, ok := tx.recall(r.typ, r.slug); !ok {
				add(k)
				wanted[k] = true
			}
		}
	}
	taken := map[refKey]bool{}
	for typ, list := range slugs {
		for len(list) > 0 {
			n := min(len(list), 500)
			var q strings.Builder
			args := []any{typ}
			q.WriteString(`SELECT id, slug, title, facets FROM records WHERE type = $1 AND slug IN (`)
			for i, s := range list[:n] {
				if i > 0 {
					q.WriteString(", ")
				}
				args = append(args, s)
				q.WriteString("$" + strconv.Itoa(len(args)))
			}
			q.WriteString(")")
			if err := readTargets(tx, q.String(), args, func(slug string, t target) {
				k := refKey{typ, slug}
				taken[k] = own[k]
				if wanted[k] {
					tx.remember(typ, slug, t)
				}
			}); err != nil {
				return nil, err
			}
			list = list[n:]
		}
	}
	return taken, nil
}

// readTargets runs a query of records' id, slug, title and facets.
func readTargets(tx *wtx, query string, args []any, fn func(slug string, t target)) error {
	rows, err := tx.rows(query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var t target
		var slug, title, facets string
		if err := rows.Scan(&t.id, &slug, &title, &facets); err != nil {
			return err
		}
		json.Unmarshal([]byte(title), &t.title)
		t.facets = splitFacets(facets)
		fn(slug, t)
	}
	return rows.Err()
}

// maxParams is the most bound parameters of one statement that both
// databases take (SQLite's limit; PostgreSQL's is 65,535).
const maxParams = 32766

// SQLite compiles each statement it is given, which for statements of
// many rows took a tenth of an import's writing when each transaction
// compiled its own, of as many sizes as there were counts of rows. Rows
// are therefore written by statements of the sizes of insertSizes, as
// many of the largest as they fill, then of the next, each compiled once
// for the writer's connection (see sharedStmt); small, so that their
// compiled forms stay small. On PostgreSQL, where each statement is a
// round trip to the server, they go as one array for each column
// (unnestInsert), or, with values of a type it does not write, by
// statements of up to rowsPerInsert rows.
var insertSizes = []int{256, 32, 4, 1}

// rowsPerInsert bounds the rows of one statement on PostgreSQL (20,000
// synthetic projects were written in 5.5 s with 1,000 rows a statement,
// 6.7 s with 100).
const rowsPerInsert = 1000

// insertMany inserts rows with statements of many rows each: head
// ("INSERT INTO t (a, b)"), VALUES and row, the SQL of one row with "?"
// for each of its values ("(?, ?)"), once per row, then tail. The rows
// of one statement must differ in the keys of an ON CONFLICT DO UPDATE.
// It returns the number of rows inserted or updated.
func (t *wtx) insertMany(head, row, tail string, rows [][]any) (int64, error) {
	if t.direct && len(rows) > 1 {
		if n, ok, err := t.unnestInsert(head, row, tail, rows); ok {
			return n, err
		}
	}
	if t.shared == nil {
		return t.insert(head, row, tail, rows, rowsPerInsert, false)
	}
	return t.insert(head, row, tail, rows, 0, true)
}

// insertAll is insertMany by statements as large as the database takes,
// each compiled for the transaction.
func (t *wtx) insertAll(head, row, tail string, rows [][]any) (int64, error) {
	return t.insert(head, row, tail, rows, maxParams, false)
}

// insert writes rows by statements of the sizes of insertSizes (shared),
// or of up to most rows, prepared in the transaction.
func (t *wtx) insert(head, row, tail string, rows [][]any, most int, shared bool) (int64, error) {
	param := t.param
	if param == nil {
		param = postgresDialect{}.param
	}
	if len(rows) == 0 {
		return 0, nil
	}
	width := strings.Count(row, "?")
	var total int64
	var err error
	for len(rows) > 0 {
		n := min(len(rows), most, maxParams/width)
		stmt := t.stmt
		if shared {
			n = insertSizes[len(insertSizes)-1]
			for _, size := range insertSizes {
				if size <= len(rows) && size*width <= maxParams {
					n = size
					break
				}
			}
			stmt = t.sharedStmt
		}
		var b strings.Builder
		b.WriteString(head)
		b.WriteString(" VALUES ")
		args := make([]any, 0, n*width)
		for i, r := range rows[:n] {
			if len(r) != width {
				panic("insertMany: a row of " + strconv.Itoa(len(r)) + " values for " + row)
			}
			if i > 0 {
				b.WriteString(", ")
			}
			rest := row
			for {
				before, after, ok := strings.Cut(rest, "?")
				b.WriteString(before)
				if !ok {
					break
				}
				args = append(args, r[len(args)-i*width])
				b.WriteString(param(len(args)))
				rest = after
			}
		}
		b.WriteString(tail)
		var res sql.Result
		if t.direct {
			res, err = t.tx.ExecContext(t.ctx, b.String(), args...)
		} else if s, err2 := stmt(b.String()); err2 != nil {
			return total, err2
		} else {
			res, err = s.ExecContext(t.ctx, args...)
		}
		if err != nil {
			return total, err
		}
		affected, err := res.RowsAffected()
		if err != nil {
			return total, err
		}
		total += affected
		rows = rows[n:]
	}
	return total, nil
}
