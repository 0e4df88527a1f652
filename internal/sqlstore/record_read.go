package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/proximite/proximite"
)

// load reads one record of a type by slug, or by id when idOrSlug is a
// number that is no slug, into out. Two exact look-ups are faster than
// one "slug = ? OR id = ?", which PostgreSQL answers with two index scans
// and a bitmap every time.
func (d *DB) load(ctx context.Context, typ proximite.RecordType, idOrSlug string, out any, meta *proximite.Meta) error {
	const q = `SELECT r.id, r.state, x.data, r.created_at, r.updated_at FROM records r
		JOIN record_data x ON x.id = r.id WHERE r.type = $1 AND `
	var data string
	var created, updated int64
	var state string
	err := d.queryRow(ctx, q+`r.slug = $2`, typ, idOrSlug).Scan(&meta.ID, &state, &data, &created, &updated)
	if id, perr := strconv.ParseInt(idOrSlug, 10, 64); errors.Is(err, sql.ErrNoRows) && perr == nil {
		err = d.queryRow(ctx, q+`r.id = $2`, typ, id).Scan(&meta.ID, &state, &data, &created, &updated)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return proximite.Errorf(proximite.ENOTFOUND, "no %s %q", typ, idOrSlug)
	} else if err != nil {
		return fmt.Errorf("load %s %s: %w", typ, idOrSlug, err)
	}
	id := meta.ID
	if err := decode(data, out); err != nil {
		return fmt.Errorf("decode %s %s: %w", typ, idOrSlug, err)
	}
	meta.ID, meta.State = id, proximite.State(state)
	meta.CreatedAt, meta.UpdatedAt = fromMicros(created), fromMicros(updated)
	return nil
}

// decode unmarshals a record but keeps the ID that load already set,
// since the JSON of a new record was written before it had one.
func decode(data string, out any) error {
	return json.Unmarshal([]byte(data), out)
}

// names returns the titles and facets of records of one type by slug, for
// filling the names of referenced records on read, in one query.
func (d *DB) names(ctx context.Context, typ proximite.RecordType, slugs []string) (map[string]target, error) {
	out := map[string]target{}
	q := &query{}
	q.arg(string(typ))
	var ph []string
	seen := map[string]bool{}
	for _, s := range slugs {
		if s != "" && !seen[s] {
			seen[s] = true
			ph = append(ph, q.arg(s))
		}
	}
	if len(ph) == 0 {
		return out, nil
	}
	rows, err := d.db.QueryContext(ctx, `SELECT id, slug, title, facets FROM records WHERE type = $1 AND slug IN (`+
		strings.Join(ph, ", ")+`)`, q.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var t target
		var slug, title, facets string
		if err := rows.Scan(&t.id, &slug, &title, &facets); err != nil {
			return nil, err
		}
		json.Unmarshal([]byte(title), &t.title)
		t.facets = splitFacets(facets)
		out[slug] = t
	}
	return out, rows.Err()
}

func (t target) facet(name string) string {
	for _, f := range t.facets {
		if f.name == name {
			return f.value
		}
	}
	return ""
}

// notFound turns sql.ErrNoRows into an ENOTFOUND error with the message,
// and passes other errors on.
func notFound(err error, format string, args ...any) error {
	if errors.Is(err, sql.ErrNoRows) {
		return proximite.Errorf(proximite.ENOTFOUND, format, args...)
	}
	return err
}

// RecordID returns the ID of the record of a type with a slug, or an
// ENOTFOUND error.
func (d *DB) RecordID(ctx context.Context, typ proximite.RecordType, slug string) (int64, error) {
	var id int64
	err := d.queryRow(ctx, `SELECT id FROM records WHERE type = $1 AND slug = $2`, typ, slug).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, proximite.Errorf(proximite.ENOTFOUND, "no %s %q", typ, slug)
	}
	return id, err
}
