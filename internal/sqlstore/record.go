package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/proximite/proximite"
)

// doc is what the store needs to know of a record of any type to write
// it: its identity, its title, the facet values and text that search
// uses, and its references to other records. Each entity file builds one.
type doc struct {
	typ    proximite.RecordType
	meta   *proximite.Meta
	title  proximite.Text
	year   int
	facets []facet
	// keys are values a record is looked up by (an IATI identifier, a
	// folded name), kept with the facets but never counted or shown.
	keys []facet
	refs []ref
	body []string
	// amounts are the record's sums for the statistics (amounts.go).
	amounts []amount
	// prepare completes the record from what the store keeps beside it
	// (a publication's file), in the transaction that writes it, before
	// it is encoded; id is 0 for a new record.
	prepare func(tx *wtx, id int64) error
	// moreText returns text the record is found by that is not in its
	// JSON (the words inside a publication's file), read in the
	// transaction that indexes the record.
	moreText func(tx *wtx, id int64) ([]string, error)
	record   any
	// keepTimes keeps the stored creation and change times, for the
	// rebuilding of derived data that is not a change to the record.
	keepTimes bool
	// folded is the searchable text of the record itself, folded ahead of
	// the transaction by PrepareBatch, and own the number of parts of
	// body it holds; save adds the titles of referenced records.
	folded string
	own    int
	// words are the words of folded each once, for SQLite's text index
	// (indexWords), cut by PrepareBatch too.
	words string
	// data is the JSON of a new record, made ahead of the transaction by
	// PrepareBatch with its times set then.
	data []byte
}

// facet is one value of one facet of a record.
type facet struct{ name, value string }

// ref is a reference by slug to another record. Field names the input
// that holds it, so that a missing record is reported next to it. Inherit
// lists the facets that the referring record takes over from the target
// (a project is found under the kinds of its organisations), and text
// adds the target's title to the referring record's searchable text.
type ref struct {
	rel     string
	typ     proximite.RecordType
	slug    string
	field   string
	inherit []string
	text    bool
}

// target is a resolved reference.
type target struct {
	id     int64
	title  proximite.Text
	facets []facet
}

func (d *doc) add(name string, values ...string) {
	for _, v := range values {
		if v != "" {
			d.facets = append(d.facets, facet{name, v})
		}
	}
}

func (d *doc) text(ts ...proximite.Text) {
	for _, t := range ts {
		for _, v := range t {
			d.body = append(d.body, v)
		}
	}
}

// save writes a record and everything derived from it (links, facet
// values, counts, text index) in the caller's transaction.
func (d *DB) save(tx *wtx, doc *doc) error {
	targets, err := d.resolve(tx, doc.refs)
	if err != nil {
		return err
	}
	facets := doc.complete(targets)

	m := doc.meta
	now := d.Now().UTC().Truncate(1e3)
	if m.State == "" {
		m.State = proximite.Draft
	}
	fresh := m.ID == 0
	oldPublished := false
	if !fresh {
		var state, slug string
		var created, updated int64
		err := tx.row(`SELECT state, slug, created_at, updated_at FROM records WHERE id = $1 AND type = $2`,
			m.ID, doc.typ).Scan(&state, &slug, &created, &updated)
		if errors.Is(err, sql.ErrNoRows) {
			return proximite.Errorf(proximite.ENOTFOUND, "no %s with id %d", doc.typ, m.ID)
		} else if err != nil {
			return err
		}
		if slug != m.Slug {
			if err := checkSlug(tx, doc.typ, m.Slug); err != nil {
				return err
			}
			tx.forget(doc.typ, slug)
		}
		oldPublished = state == string(proximite.Published)
		m.CreatedAt = fromMicros(created)
		if doc.keepTimes {
			m.UpdatedAt = fromMicros(updated)
		}
	} else if doc.data == nil {
		m.CreatedAt = now
	}
	if !doc.keepTimes && (doc.data == nil || !fresh) {
		m.UpdatedAt = now
	}

	if doc.prepare != nil {
		if err := doc.prepare(tx, m.ID); err != nil {
			return err
		}
	}
	data := doc.data
	if data == nil || !fresh {
		if data, err = json.Marshal(doc.record); err != nil {
			return err
		}
	}
	cols := doc.columns(facets)
	if fresh {
		// The unique (type, slug) constraint is the check: a conflict
		// inserts nothing and returns no row.
		err = tx.row(`INSERT INTO records
			(type, slug, state, title, sort_title, names, year, facets, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
			ON CONFLICT (type, slug) DO NOTHING RETURNING id`, cols...).Scan(&m.ID)
		if errors.Is(err, sql.ErrNoRows) {
			return slugTaken(doc.typ, m.Slug)
		} else if err != nil {
			return err
		}
		err = tx.exec(`INSERT INTO record_data (id, data) VALUES ($1, $2)`, m.ID, string(data))
	} else {
		err = tx.exec(`UPDATE records SET type = $1, slug = $2, state = $3, title = $4,
			sort_title = $5, names = $6, year = $7, facets = $8, created_at = $9, updated_at = $10
			WHERE id = $11`, append(cols, m.ID)...)
		if err == nil {
			err = tx.exec(`UPDATE record_data SET data = $2 WHERE id = $1`, m.ID, string(data))
		}
	}
	if err != nil {
		return err
	}
	tx.remember(doc.typ, m.Slug, target{id: m.ID, title: doc.title, facets: facets})
	if err := updateCube(tx, doc.typ, m.ID, oldPublished, m.State == proximite.Published, facets, doc.amounts); err != nil {
		return err
	}
	if err := replaceTerms(tx, doc.typ, m.ID, !fresh, oldPublished, m.State == proximite.Published, facets, doc.keys); err != nil {
		return err
	}
	if err := replaceAmounts(tx, doc.typ, m.ID, !fresh, oldPublished, m.State == proximite.Published, doc.amounts); err != nil {
		return err
	}
	if !fresh {
		if err := tx.exec(`DELETE FROM links WHERE from_id = $1`, m.ID); err != nil {
			return err
		}
	}
	if err := tx.insertRows(`links (from_id, rel, to_id)`, linkRows(m.ID, doc.refs, targets)); err != nil {
		return err
	}
	if doc.moreText != nil {
		more, err := doc.moreText(tx, m.ID)
		if err != nil {
			return err
		}
		doc.body = append(doc.body, more...)
	}
	return d.dialect.indexText(tx, m.ID, indexBody(doc), tokens(m.State, facets), fresh)
}

// complete adds to a record what it takes from the records it refers to
// (their facets that it inherits, their titles in its text), and its type
// and year, and returns its facets.
func (doc *doc) complete(targets []target) []facet {
	for i, r := range doc.refs {
		t := targets[i]
		for _, f := range t.facets {
			for _, name := range r.inherit {
				if f.name == name {
					doc.facets = append(doc.facets, f)
				}
			}
		}
		if r.text {
			doc.text(t.title)
		}
	}
	doc.add(proximite.FacetType, string(doc.typ))
	if doc.year != 0 {
		doc.add(proximite.FacetYear, strconv.Itoa(doc.year))
	}
	return dedupe(doc.facets)
}

// columns are the values of a record's row in records, from type to
// updated_at, in the order of the statements that write it.
func (doc *doc) columns(facets []facet) []any {
	m := doc.meta
	title, _ := json.Marshal(doc.title)
	sortTitle, _ := doc.title.In("fr")
	return []any{doc.typ, m.Slug, m.State, string(title), proximite.Fold(sortTitle), foldedNames(doc.title), doc.year,
		joinFacets(facets), micros(m.CreatedAt), micros(m.UpdatedAt)}
}

// linkRows are the rows of links from a record to its resolved
// references, each link once.
func linkRows(id int64, refs []ref, targets []target) [][]any {
	var links [][]any
	seen := map[string]bool{}
	for i, r := range refs {
		k := r.rel + "\x00" + strconv.FormatInt(targets[i].id, 10)
		if !seen[k] {
			seen[k] = true
			links = append(links, []any{id, r.rel, targets[i].id})
		}
	}
	return links
}

// tokens are the text index tokens of a record's state and facets.
func tokens(state proximite.State, facets []facet) []string {
	out := make([]string, 0, len(facets)+1)
	out = append(out, token("state", string(state)))
	for _, f := range facets {
		out = append(out, token(f.name, f.value))
	}
	return out
}

// foldedNames is a title in every language, folded, one per line, in the
// order of the languages' names.
func foldedNames(t proximite.Text) string {
	langs := make([]string, 0, len(t))
	for l := range t {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	var b strings.Builder
	for _, l := range langs {
		b.WriteString(proximite.Fold(t[l]))
		b.WriteByte('\n')
	}
	return b.String()
}

// checkSlug refuses a slug that another record of the type has.
func checkSlug(tx *wtx, typ proximite.RecordType, slug string) error {
	var other int64
	err := tx.row(`SELECT id FROM records WHERE type = $1 AND slug = $2`, typ, slug).Scan(&other)
	if err == nil {
		return slugTaken(typ, slug)
	} else if !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	return nil
}

func slugTaken(typ proximite.RecordType, slug string) error {
	return &proximite.Error{Code: proximite.ECONFLICT, Field: "slug",
		Message: fmt.Sprintf("%q is already used by another %s", slug, typ)}
}

// token is the text index token of one facet value: "_", the facet, "_",
// the value, in lower-case letters and digits with anything else as "_".
// Queries are cut into letters and digits, so no word a visitor types is
// ever taken for a token, or matches one as a prefix.
func token(name, value string) string {
	b := make([]byte, 0, len(name)+len(value)+2)
	b = append(b, '_')
	for _, s := range []string{name, "_", value} {
		for _, c := range []byte(s) {
			switch {
			case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
				b = append(b, c)
			case c >= 'A' && c <= 'Z':
				b = append(b, c+'a'-'A')
			default:
				b = append(b, '_')
			}
		}
	}
	return string(b)
}

// resolve looks up every reference; a missing record is a field error.
func (d *DB) resolve(tx *wtx, refs []ref) ([]target, error) {
	out := make([]target, len(refs))
	var errs proximite.ValidationErrors
	for i, r := range refs {
		if t, ok := tx.recall(r.typ, r.slug); ok {
			out[i] = t
			continue
		}
		var title, facets string
		err := tx.row(`SELECT id, title, facets FROM records WHERE type = $1 AND slug = $2`,
			r.typ, r.slug).Scan(&out[i].id, &title, &facets)
		if errors.Is(err, sql.ErrNoRows) {
			errs.Add(r.field, "no %s %q in the registry", r.typ, r.slug)
			continue
		} else if err != nil {
			return nil, err
		}
		json.Unmarshal([]byte(title), &out[i].title)
		out[i].facets = splitFacets(facets)
		tx.remember(r.typ, r.slug, out[i])
	}
	return out, errs.Err()
}

// replaceTerms rewrites a record's facet values and keys, and keeps the
// facet counts in step: the old values of a published record are taken
// off, the new values of a published one are added.
func replaceTerms(tx *wtx, typ proximite.RecordType, id int64, existed, wasPublished, isPublished bool, facets, keys []facet) error {
	if wasPublished {
		rows, err := tx.rows(`SELECT facet, value FROM search_terms WHERE record_id = $1`, id)
		if err != nil {
			return err
		}
		for rows.Next() {
			var f facet
			if err := rows.Scan(&f.name, &f.value); err != nil {
				rows.Close()
				return err
			}
			tx.count(string(typ), f.name, f.value, -1)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	if existed {
		if err := tx.exec(`DELETE FROM search_terms WHERE record_id = $1`, id); err != nil {
			return err
		}
	}
	return tx.insertRows(`search_terms (record_id, facet, value)`, termRows(tx, typ, id, isPublished, facets, keys))
}

// termRows are the rows of search_terms of a record's facets and keys; a
// published record's are added to the facet counts.
func termRows(tx *wtx, typ proximite.RecordType, id int64, isPublished bool, facets, keys []facet) [][]any {
	var rows [][]any
	for _, f := range dedupe(append(facets[:len(facets):len(facets)], keys...)) {
		rows = append(rows, []any{id, f.name, f.value})
		if isPublished {
			tx.count(string(typ), f.name, f.value, 1)
		}
	}
	return rows
}

// remove deletes a record; a record still referred to is a conflict.
func (d *DB) remove(ctx context.Context, typ proximite.RecordType, id int64) error {
	return d.write(ctx, func(tx *wtx) error {
		var state string
		err := tx.row(`SELECT state FROM records WHERE id = $1 AND type = $2`, id, typ).Scan(&state)
		if errors.Is(err, sql.ErrNoRows) {
			return proximite.Errorf(proximite.ENOTFOUND, "no %s with id %d", typ, id)
		} else if err != nil {
			return err
		}
		var n int
		if err := tx.row(`SELECT count(*) FROM links WHERE to_id = $1`, id).Scan(&n); err != nil {
			return err
		} else if n > 0 {
			return proximite.Errorf(proximite.ECONFLICT, "this %s is referred to by %d other records; remove those links first", typ, n)
		}
		if err := updateCube(tx, typ, id, state == string(proximite.Published), false, nil, nil); err != nil {
			return err
		}
		if err := replaceTerms(tx, typ, id, true, state == string(proximite.Published), false, nil, nil); err != nil {
			return err
		}
		if err := replaceAmounts(tx, typ, id, true, state == string(proximite.Published), false, nil); err != nil {
			return err
		}
		if err := d.dialect.unindexText(tx, id); err != nil {
			return err
		}
		// The audit entry is written in this transaction (see audit.go).
		if err := d.auditDelete(tx, typ, id); err != nil {
			return err
		}
		if err := tx.exec(`DELETE FROM publication_files WHERE record_id = $1`, id); err != nil {
			return err
		}
		if err := tx.exec(`DELETE FROM record_data WHERE id = $1`, id); err != nil {
			return err
		}
		tx.forgetID(id)
		return tx.exec(`DELETE FROM records WHERE id = $1`, id)
	})
}

func dedupe(fs []facet) []facet {
	seen := map[facet]bool{}
	out := fs[:0:0]
	for _, f := range fs {
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].name != out[j].name {
			return out[i].name < out[j].name
		}
		return out[i].value < out[j].value
	})
	return out
}

func joinFacets(fs []facet) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.name)
		b.WriteByte('=')
		b.WriteString(f.value)
		b.WriteByte('\n')
	}
	return b.String()
}

func splitFacets(s string) []facet {
	var out []facet
	for _, line := range strings.Split(s, "\n") {
		if name, value, ok := strings.Cut(line, "="); ok {
			out = append(out, facet{name, value})
		}
	}
	return out
}

// searchText is the folded text a record is found by.
func searchText(doc *doc) string {
	if doc.own == 0 {
		doc.fold()
	}
	var b strings.Builder
	b.WriteString(doc.folded)
	for _, s := range doc.body[doc.own:] {
		b.WriteByte(' ')
		b.WriteString(proximite.Fold(s))
	}
	return b.String()
}

// fold sets the folded text of the record itself (Fold works letter by
// letter, so folding parts apart gives the same text).
func (d *doc) fold() {
	var b strings.Builder
	b.WriteString(d.meta.Slug)
	for _, s := range d.body {
		b.WriteByte(' ')
		b.WriteString(s)
	}
	d.folded, d.own = proximite.Fold(b.String()), len(d.body)
}
