package sqlstore

import (
	"context"
	"fmt"
	"strings"
)

// SaveOneByOne writes records in one transaction each with save, as
// SaveMany did before it wrote new records together, so that tests can
// compare the two.
func (d *DB) SaveOneByOne(ctx context.Context, recs ...any) error {
	b, err := d.PrepareBatch(recs...)
	if err != nil {
		return err
	}
	return d.write(ctx, func(tx *wtx) error {
		for i, doc := range b.docs {
			if err := d.save(tx, doc); err != nil {
				return fmt.Errorf("record %d (%s %s): %w", i, doc.typ, doc.meta.Slug, err)
			}
		}
		return nil
	})
}

// Dump returns the rows of a query, each as one line of text.
func (d *DB) Dump(ctx context.Context, query string) ([]string, error) {
	conn, err := d.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	if d.dialect.name() == "sqlite" {
		// The text index keeps no text, only its index: fts5vocab lists
		// each word of each record at each position.
		if _, err := conn.ExecContext(ctx, `CREATE VIRTUAL TABLE IF NOT EXISTS temp.records_fts_words
			USING fts5vocab('main', 'records_fts', 'instance')`); err != nil {
			return nil, err
		}
	}
	rows, err := conn.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		parts := make([]string, len(vals))
		for i, v := range vals {
			if b, ok := v.([]byte); ok {
				v = string(b)
			}
			parts[i] = fmt.Sprintf("%v", v)
		}
		out = append(out, strings.Join(parts, " | "))
	}
	return out, rows.Err()
}

// TextIndexQuery is the query of Dump that lists the text index: how
// many times each record holds each word or token. Positions are left
// out: a record's text in several languages comes in the order of a map.
func (d *DB) TextIndexQuery() string {
	if d.dialect.name() == "sqlite" {
		return `SELECT doc, term, count(*) FROM temp.records_fts_words GROUP BY doc, term ORDER BY doc, term`
	}
	return `SELECT r.id, w.lexeme, coalesce(cardinality(w.positions), 0) FROM records r, unnest(r.tsv) w ORDER BY r.id, w.lexeme`
}
