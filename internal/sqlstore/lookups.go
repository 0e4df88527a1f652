package sqlstore

import (
	"context"
	"slices"
	"strings"

	"github.com/proximite/proximite"
)

// An import asks, for each activity, whether its identifier is known,
// whether the slug it would take is free, and which organisations its
// names and references are: three or four questions an activity, a
// round trip each on PostgreSQL. LookupKeys and TakenSlugs answer them
// for a run of activities at once.

// lookupChunk bounds the values of one question.
const lookupChunk = 500

// LookupKeys is LookupKey for many values: for each value that a record
// of the type has as its key, the slug of the oldest such record.
func (d *DB) LookupKeys(ctx context.Context, typ proximite.RecordType, key string, values []string) (map[string]string, error) {
	out := map[string]string{}
	err := d.eachIn(ctx, values, func(in string) string {
		return `SELECT t.value, r.slug FROM search_terms t JOIN records r ON r.id = t.record_id
			WHERE t.facet = ` + d.dialect.param(1) + ` AND r.type = ` + d.dialect.param(2) +
			` AND t.value IN (` + in + `) ORDER BY r.id`
	}, []any{key, typ}, func(scan func(...any) error) error {
		var value, slug string
		if err := scan(&value, &slug); err != nil {
			return err
		}
		if _, ok := out[value]; !ok {
			out[value] = slug
		}
		return nil
	})
	return out, err
}

// TakenSlugs returns those of the slugs that records of the type have.
func (d *DB) TakenSlugs(ctx context.Context, typ proximite.RecordType, slugs []string) (map[string]bool, error) {
	out := map[string]bool{}
	err := d.eachIn(ctx, slugs, func(in string) string {
		return `SELECT slug FROM records WHERE type = ` + d.dialect.param(1) + ` AND slug IN (` + in + `)`
	}, []any{typ}, func(scan func(...any) error) error {
		var slug string
		if err := scan(&slug); err != nil {
			return err
		}
		out[slug] = true
		return nil
	})
	return out, err
}

// eachIn runs the query that query makes, for the values in chunks, and
// calls fn for each row. The query's parameters are first the arguments
// given (params 1, 2…), then the chunk's values, whose list query is
// given to write after them.
func (d *DB) eachIn(ctx context.Context, values []string, query func(in string) string, first []any,
	fn func(scan func(...any) error) error) error {
	values = slices.Clone(values)
	slices.Sort(values)
	values = slices.Compact(values)
	for chunk := range slices.Chunk(values, lookupChunk) {
		args := append(make([]any, 0, len(first)+len(chunk)), first...)
		marks := make([]string, len(chunk))
		for i, v := range chunk {
			args = append(args, v)
			marks[i] = d.dialect.param(len(args))
		}
		q := query(strings.Join(marks, ", "))
		rows, err := d.db.QueryContext(ctx, q, args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			if err := fn(rows.Scan); err != nil {
				rows.Close()
				return err
			}
		}
		if err := rows.Close(); err != nil {
			return err
		}
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}
