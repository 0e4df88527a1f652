package csvio

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/proximite/proximite"
)

// ImportOptions tunes an import.
type ImportOptions struct {
	// Preview checks the file and reports what each row would change,
	// without writing anything.
	Preview bool
}

// Import reads a CSV file of records of a type and updates the registry
// with it. The whole file is read and every row checked first; if any row
// has an error, the report lists them all (row, column, message) and
// nothing is written. Otherwise the changed and new records are written
// in one transaction, unless opt.Preview is set. The report is returned
// in every case; the error is the report's (an EINVALID error) or a
// failure of the store.
func Import(ctx context.Context, st Store, typ proximite.RecordType, r io.Reader, opt ImportOptions) (*Report, error) {
	rep := &Report{Type: typ, Changes: []Change{}}
	t, ok := readTable(r, rep)
	if !ok {
		return rep, rep.Err()
	}
	var recs []any
	var err error
	switch typ {
	case proximite.TypeProject:
		recs, err = plan(ctx, st, projectFormat, t, rep)
	case proximite.TypeOrganisation:
		recs, err = plan(ctx, st, organisationFormat, t, rep)
	case proximite.TypePartnership:
		recs, err = plan(ctx, st, partnershipFormat, t, rep)
	default:
		return rep, proximite.FieldError("type", "no CSV format for %q", typ)
	}
	if err != nil {
		return rep, err
	}
	if err := rep.Err(); err != nil || opt.Preview || len(recs) == 0 {
		return rep, err
	}
	if err := st.SaveMany(ctx, recs...); err != nil {
		return rep, fmt.Errorf("import %s: %w", typ, err)
	}
	rep.Written = true
	return rep, nil
}

// planner holds what planning the rows of one file shares.
type planner[P recordPtr] struct {
	ctx  context.Context
	st   Store
	fm   *format[P]
	rep  *Report
	cols []column[P] // by position in the file; unknown columns have no name
	// seen maps each record's slug to the row that names it, and exists
	// caches which referenced records are in the registry.
	seen   map[string]int
	exists map[ref]bool
}

// plan matches each row to its record, applies its cells, checks the
// result, and returns the records to write: new ones first, in an order
// where each comes after those it refers to when it can.
func plan[P recordPtr](ctx context.Context, st Store, fm *format[P], t *table, rep *Report) ([]any, error) {
	p := &planner[P]{ctx: ctx, st: st, fm: fm, rep: rep, seen: map[string]int{}, exists: map[ref]bool{}}
	if !p.header(t.header) {
		return nil, nil
	}
	var created, updated []P
	for i, row := range t.rows {
		rec, action, err := p.row(i+2, row)
		if err != nil {
			return nil, err
		}
		switch action {
		case Created:
			created = append(created, rec)
		case Updated:
			updated = append(updated, rec)
		}
	}
	if err := p.checkRefs(created, updated); err != nil {
		return nil, err
	}
	var out []any
	for _, r := range orderCreated(fm, created) {
		out = append(out, r)
	}
	for _, r := range updated {
		out = append(out, r)
	}
	return out, nil
}

// header resolves the columns of the file. Unknown columns are warned
// about and ignored; a repeated column or a file without a key column is
// an error.
func (p *planner[P]) header(names []string) bool {
	p.cols = make([]column[P], len(names))
	at := map[string]int{}
	key := false
	for i, name := range names {
		if name == "" {
			continue
		}
		if j, ok := at[name]; ok {
			p.rep.add(1, name, false, "the column appears twice (columns %d and %d)", j+1, i+1)
			continue
		}
		at[name] = i
		c, ok := p.fm.column(name)
		if !ok {
			p.rep.add(1, name, true, "unknown column, ignored")
			continue
		}
		p.cols[i] = c
		key = key || name == "slug" || (name == p.fm.altKey && name != "")
	}
	if !key {
		msg := "the file needs a slug column to say which record each row is"
		if p.fm.altKey != "" {
			msg = "the file needs a slug or " + p.fm.altKey + " column to say which record each row is"
		}
		p.rep.add(1, "", false, "%s", msg)
	}
	return len(p.rep.Errors()) == 0
}

// cell returns the value of a named column in a row, "" when absent.
func (p *planner[P]) cell(row []string, name string) string {
	for i, c := range p.cols {
		if c.name == name && i < len(row) {
			return strings.TrimSpace(row[i])
		}
	}
	return ""
}

// row plans one row: finds or creates its record, applies the cells that
// differ from what the record holds, and validates the result.
func (p *planner[P]) row(n int, row []string) (P, string, error) {
	var zero P
	blank := true
	for i, cell := range row {
		if strings.TrimSpace(cell) == "" {
			continue
		}
		if i >= len(p.cols) {
			p.rep.add(n, "", false, "cell %d is beyond the last column of the header", i+1)
			return zero, "", nil
		}
		blank = false
	}
	if blank {
		return zero, "", nil
	}
	rec, isNew, ok, err := p.match(n, row)
	if err != nil || !ok {
		return zero, "", err
	}
	changed, ok := p.apply(n, rec, row)
	if !ok {
		return zero, "", nil
	}
	action := Unchanged
	switch {
	case isNew:
		action = Created
	case len(changed) > 0:
		action = Updated
	}
	p.rep.Changes = append(p.rep.Changes, Change{Row: n, Slug: rec.Base().Slug, Action: action, Columns: changed})
	if action != Unchanged {
		// An invalid record is still returned, so that its references
		// are checked too; the report's errors keep it from being written.
		p.validate(n, rec)
	}
	return rec, action, nil
}

// match finds the record a row is about: by its slug, or else by its
// alternative key. A slug that the registry does not hold makes a new
// record.
func (p *planner[P]) match(n int, row []string) (rec P, isNew, ok bool, err error) {
	slug, alt := p.cell(row, "slug"), ""
	if p.fm.altKey != "" {
		alt = p.cell(row, p.fm.altKey)
	}
	var other string
	if alt != "" {
		other, err = p.st.LookupKey(p.ctx, p.fm.typ, p.fm.storeKey, alt)
		if err != nil && proximite.ErrorCode(err) != proximite.ENOTFOUND {
			return rec, false, false, err
		}
		err = nil
	}
	switch {
	case slug == "" && alt == "":
		p.rep.add(n, "slug", false, "give the slug of the record this row is about")
		return rec, false, false, nil
	case slug == "" && other == "":
		p.rep.add(n, p.fm.altKey, false, "no %s has %s %q; give a slug to create one", p.fm.typ, p.fm.altKey, alt)
		return rec, false, false, nil
	case slug == "":
		slug = other
	case other != "" && other != slug:
		p.rep.add(n, p.fm.altKey, false, "%q is the %s of %s %q, not of %q", alt, p.fm.altKey, p.fm.typ, other, slug)
		return rec, false, false, nil
	}
	if first, dup := p.seen[slug]; dup {
		p.rep.add(n, "slug", false, "%s %q is already in row %d", p.fm.typ, slug, first)
		return rec, false, false, nil
	}
	p.seen[slug] = n
	id, err := p.st.RecordID(p.ctx, p.fm.typ, slug)
	if proximite.ErrorCode(err) == proximite.ENOTFOUND {
		return p.fm.create(slug), true, true, nil
	} else if err != nil {
		return rec, false, false, err
	}
	rec, err = p.fm.find(p.ctx, p.st, strconv.FormatInt(id, 10))
	return rec, false, err == nil, err
}

// apply sets the non-blank cells that differ from the record onto it and
// returns the columns whose value changed.
func (p *planner[P]) apply(n int, rec P, row []string) ([]string, bool) {
	before := make([]string, len(p.cols))
	for i, c := range p.cols {
		if c.get != nil {
			before[i] = c.get(rec)
		}
	}
	ok := true
	for i, c := range p.cols {
		if c.set == nil || c.readOnly || i >= len(row) || strings.TrimSpace(row[i]) == "" || same(row[i], before[i]) {
			continue
		}
		v := strings.TrimSpace(row[i])
		if isClear(v) {
			v = ""
		}
		if err := c.set(rec, v); err != nil {
			p.rep.add(n, c.name, false, "%v", err)
			ok = false
		}
	}
	var changed []string
	for i, c := range p.cols {
		if c.get != nil && !c.readOnly && c.get(rec) != before[i] {
			changed = append(changed, c.name)
		}
	}
	for i, c := range p.cols {
		if c.check != nil && i < len(row) && strings.TrimSpace(row[i]) != "" {
			if msg := c.check(rec, row[i], len(changed) > 0); msg != "" {
				p.rep.add(n, c.name, true, "%s", msg)
			}
		}
	}
	if p.fm.finish != nil {
		for col, msg := range p.fm.finish(rec) {
			p.rep.add(n, col, false, "%s", msg)
			ok = false
		}
	}
	return changed, ok
}

// validate checks the record and reports each field error under the
// column that holds the field.
func (p *planner[P]) validate(n int, rec P) {
	err := rec.Validate()
	var verrs proximite.ValidationErrors
	switch {
	case err == nil:
	case errors.As(err, &verrs):
		for _, e := range verrs {
			p.rep.add(n, p.columnOf(e.Field), false, "%s", fieldMessage(e))
		}
	default:
		p.rep.add(n, "", false, "%v", err)
	}
}

// columnOf names the column of a validation error's field: "countries"
// for "countries[0].code", "title_fr" for "title" when the file has it.
func (p *planner[P]) columnOf(field string) string {
	base := field
	if i := strings.IndexAny(base, "[."); i >= 0 {
		base = base[:i]
	}
	for _, c := range p.cols {
		if c.name == base {
			return base
		}
	}
	for _, c := range p.cols {
		if c.field == base && c.name != "" {
			return c.name
		}
	}
	return base
}

// fieldMessage keeps the detail of a nested field ("countries[1].code:
// unknown country code") that the column alone would lose.
func fieldMessage(e *proximite.Error) string {
	if strings.ContainsAny(e.Field, "[.") {
		return e.Field + ": " + e.Message
	}
	return e.Message
}
