package csvio

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/proximite/proximite"
)

// recordPtr is a pointer to a record type of the registry.
type recordPtr interface {
	proximite.Record
	Validate() error
}

// field is one field of a record as the CSV shows it: how to write it in
// a cell and how to read a cell back into it.
type field[P recordPtr] struct {
	name string
	// text is set for text written per language: the field then has one
	// column per language, named like title_fr and title_en, and get and
	// set are not used.
	text func(P) *proximite.Text
	// get returns the cell of a record. It is canonical: reading it back
	// with set and calling get again gives the same cell.
	get func(P) string
	// set applies a non-blank cell; "" (the clear marker) erases the field.
	set func(P, string) error
	// readOnly fields are exported for information only (totals, the time
	// of the last change). Import never sets them; check may return a
	// warning about the cell; changing says whether the row changes the
	// record.
	readOnly bool
	check    func(rec P, cell string, changing bool) string
}

// column is a field bound to a language, as it appears in a header.
type column[P recordPtr] struct {
	name     string
	field    string
	get      func(P) string
	set      func(P, string) error
	readOnly bool
	check    func(P, string, bool) string
}

// ref is a reference from a record to another one, checked before an
// import writes anything.
type ref struct {
	column string
	typ    proximite.RecordType
	slug   string
}

// format is the CSV format of one record type.
type format[P recordPtr] struct {
	typ proximite.RecordType
	// altKey names the column that identifies a record when its slug cell
	// is blank ("iati_identifier"), and storeKey the store's lookup key
	// for it.
	altKey, storeKey string
	fields           []field[P]
	// create returns an empty record with a slug; find loads one by ID.
	create func(slug string) P
	find   func(ctx context.Context, st Store, id string) (P, error)
	// refs lists the record's references to other records.
	refs func(P) []ref
	// finish reports what Validate cannot see (a latitude without a
	// longitude), as column → message.
	finish func(P) map[string]string
}

// DefaultLangs are the languages of the text columns of an export.
var DefaultLangs = []string{"fr", "en"}

var langRE = regexp.MustCompile(`^[a-z]{2,3}(-[a-z0-9]{2,8})*$`)

// ValidLang reports whether lang is a language code that text columns
// may carry ("fr", "es", "bm", "pt-br").
func ValidLang(lang string) bool { return langRE.MatchString(lang) }

// columns returns the columns of an export, text fields once per language.
func (fm *format[P]) columns(langs []string) []column[P] {
	var out []column[P]
	for _, f := range fm.fields {
		if f.text == nil {
			out = append(out, f.column())
			continue
		}
		for _, l := range langs {
			out = append(out, f.lang(l))
		}
	}
	return out
}

// column returns the column of a header name: a field's name, or a text
// field's name followed by "_" and any language code.
func (fm *format[P]) column(name string) (column[P], bool) {
	for _, f := range fm.fields {
		if f.text == nil && f.name == name {
			return f.column(), true
		}
	}
	for _, f := range fm.fields {
		if lang, ok := strings.CutPrefix(name, f.name+"_"); ok && f.text != nil && ValidLang(lang) {
			return f.lang(lang), true
		}
	}
	return column[P]{}, false
}

func (f field[P]) column() column[P] {
	return column[P]{name: f.name, field: f.name, get: f.get, set: f.set, readOnly: f.readOnly, check: f.check}
}

// lang returns the column of a text field in one language.
func (f field[P]) lang(lang string) column[P] {
	return column[P]{
		name:  f.name + "_" + lang,
		field: f.name,
		get:   func(r P) string { return (*f.text(r))[lang] },
		set: func(r P, v string) error {
			t := f.text(r)
			if v == "" {
				delete(*t, lang)
				return nil
			}
			if *t == nil {
				*t = proximite.Text{}
			}
			(*t)[lang] = v
			return nil
		},
	}
}

// textField declares a text field written per language.
func textField[P recordPtr](name string, text func(P) *proximite.Text) field[P] {
	return field[P]{name: name, text: text}
}

// stringField declares a plain string field; check, when given, vets a
// new value and returns an error naming what is wrong.
func stringField[P recordPtr](name string, ptr func(P) *string, check func(string) error) field[P] {
	return field[P]{name: name,
		get: func(r P) string { return *ptr(r) },
		set: func(r P, v string) error {
			if check != nil && v != "" {
				if err := check(v); err != nil {
					return err
				}
			}
			*ptr(r) = v
			return nil
		}}
}

// dateField declares a date of any precision; Validate checks the form.
func dateField[P recordPtr](name string, ptr func(P) *proximite.Date) field[P] {
	return field[P]{name: name,
		get: func(r P) string { return string(*ptr(r)) },
		set: func(r P, v string) error { *ptr(r) = proximite.Date(v); return nil }}
}

// slugField, stateField and sourcesField are the columns every record
// type shares: the slug, the publication state and the sources.
func slugField[P recordPtr]() field[P] {
	return field[P]{name: "slug",
		get: func(r P) string { return r.Base().Slug },
		set: func(r P, v string) error {
			if v == "" {
				return fmt.Errorf("the slug names the record and cannot be cleared")
			}
			r.Base().Slug = v
			return nil
		}}
}

func stateField[P recordPtr]() field[P] {
	return field[P]{name: "state",
		get: func(r P) string { return string(r.Base().State) },
		set: func(r P, v string) error {
			s := proximite.State(strings.ToLower(v))
			if !s.Valid() {
				return fmt.Errorf("must be draft, submitted or published, got %q", v)
			}
			r.Base().State = s
			return nil
		}}
}

func sourcesField[P recordPtr]() field[P] {
	return field[P]{name: "sources",
		get: func(r P) string {
			items := make([][]string, len(r.Base().Sources))
			for i, s := range r.Base().Sources {
				items[i] = []string{s}
			}
			return formatList(items, false)
		},
		set: func(r P, v string) error {
			var out []string
			for _, item := range parseList(v, false) {
				out = append(out, item[0])
			}
			r.Base().Sources = out
			return nil
		}}
}

// updatedField is the time of the record's last change, exported so that
// an import can warn when a record changed in the registry after the file
// was exported.
func updatedField[P recordPtr]() field[P] {
	const layout = "2006-01-02T15:04:05Z"
	return field[P]{name: "updated_at", readOnly: true,
		get: func(r P) string {
			if r.Base().UpdatedAt.IsZero() {
				return ""
			}
			return r.Base().UpdatedAt.UTC().Format(layout)
		},
		check: func(r P, cell string, changing bool) string {
			stored := r.Base().UpdatedAt.UTC().Format(layout)
			if changing && r.Base().ID != 0 && stored > strings.TrimSpace(cell) {
				return "the record was changed in the registry (" + stored + ") after this file was exported; " +
					"the cells you changed will replace those values"
			}
			return ""
		}}
}
