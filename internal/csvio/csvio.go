// Package csvio reads and writes the registry's records as CSV files that
// round-trip: a file exported, edited in a spreadsheet and imported back
// changes exactly the cells that were edited. Blank cells keep what the
// registry holds, columns missing from a file leave their fields alone,
// every row is checked before anything is written, and a preview says
// what an import would change. docs/csv.md describes the format.
package csvio

import (
	"context"
	"fmt"
	"strings"

	"github.com/proximite/proximite"
)

// Store is what the CSV import and export need of the registry: the
// records by slug, the streaming and paged reads, the lookup of a record
// by an identifier other than its slug, and one transaction for all the
// writes of an import. *sqlstore.DB implements it.
type Store interface {
	proximite.Registry
	SaveMany(ctx context.Context, recs ...any) error
	RecordID(ctx context.Context, typ proximite.RecordType, slug string) (int64, error)
	LookupKey(ctx context.Context, typ proximite.RecordType, key, value string) (string, error)
}

// Lookup keys of the store (sqlstore.KeyIATIID and sqlstore.KeyIATIRef):
// the identifiers a row may name its record by when its slug is blank.
const (
	keyIATIID  = "@iati_id"
	keyIATIRef = "@iati_ref"
)

// BOM starts every exported file: spreadsheet programs read a file
// without it in the machine's legacy encoding and garble the accents.
const BOM = "\ufeff"

// ClearMarkers are the cell values that erase a field, since a blank cell
// means "keep what is there". They are matched without regard to case.
var ClearMarkers = []string{"(vide)", "(empty)"}

// isClear reports whether a cell asks for its field to be erased.
func isClear(cell string) bool {
	for _, m := range ClearMarkers {
		if strings.EqualFold(strings.TrimSpace(cell), m) {
			return true
		}
	}
	return false
}

// Types lists the record types that have a CSV format, by the name the
// command line and the documentation give them.
var Types = map[string]proximite.RecordType{
	"projects":      proximite.TypeProject,
	"organisations": proximite.TypeOrganisation,
	"partnerships":  proximite.TypePartnership,
}

// TypeByName returns the record type of a CSV format name ("projects",
// "organisations", "partnerships"; the singular is accepted too).
func TypeByName(name string) (proximite.RecordType, error) {
	if t, ok := Types[name]; ok {
		return t, nil
	}
	if t, ok := Types[name+"s"]; ok {
		return t, nil
	}
	return "", proximite.FieldError("type", "no CSV format for %q: use projects, organisations or partnerships", name)
}

// Problem is an error or a warning about one cell, one row or the whole
// file. Row is the row as a spreadsheet numbers it (the header is row 1);
// it is 0 for the file as a whole. Column is empty when the problem is
// about the row.
type Problem struct {
	Row     int    `json:"row"`
	Column  string `json:"column,omitempty"`
	Message string `json:"message"`
	// Warning problems do not stop the import: an unknown column, a
	// read-only cell that was edited, a record changed since the export.
	Warning bool `json:"warning,omitempty"`
}

// String formats the problem as the command line shows it.
func (p Problem) String() string {
	kind := "error"
	if p.Warning {
		kind = "warning"
	}
	where := "file"
	if p.Row > 0 {
		where = fmt.Sprintf("row %d", p.Row)
	}
	if p.Column != "" {
		where += ", column " + p.Column
	}
	return fmt.Sprintf("%s: %s: %s", where, kind, p.Message)
}

// Actions of an import on one row.
const (
	Created   = "created"
	Updated   = "updated"
	Unchanged = "unchanged"
)

// Change says what an import does with one row: it creates the record,
// updates some of its fields (named by column), or leaves it unchanged.
type Change struct {
	Row     int      `json:"row"`
	Slug    string   `json:"slug"`
	Action  string   `json:"action"`
	Columns []string `json:"columns,omitempty"`
}

// Report is the outcome of an import or of its preview: what each row
// does, the problems found, and whether anything was written.
type Report struct {
	Type     proximite.RecordType `json:"type"`
	Changes  []Change             `json:"changes"`
	Problems []Problem            `json:"problems,omitempty"`
	// Written is set once the changes are committed; a preview, or an
	// import with errors, writes nothing.
	Written bool `json:"written"`
}

// Count returns how many rows had the action.
func (r *Report) Count(action string) int {
	n := 0
	for _, c := range r.Changes {
		if c.Action == action {
			n++
		}
	}
	return n
}

// Errors returns the problems that stop the import.
func (r *Report) Errors() []Problem {
	var out []Problem
	for _, p := range r.Problems {
		if !p.Warning {
			out = append(out, p)
		}
	}
	return out
}

// Err returns an EINVALID error summing up the errors, or nil.
func (r *Report) Err() error {
	errs := r.Errors()
	if len(errs) == 0 {
		return nil
	}
	return proximite.Errorf(proximite.EINVALID, "%d error(s) in the file, nothing was written; the first: %s",
		len(errs), errs[0])
}

func (r *Report) add(row int, column string, warning bool, format string, args ...any) {
	r.Problems = append(r.Problems, Problem{Row: row, Column: column, Warning: warning,
		Message: fmt.Sprintf(format, args...)})
}
