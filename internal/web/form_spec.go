package web

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/proximite/proximite"
)

// The editing forms are described once, as data: sections of fields and
// of repeated parts (sectors, budgets, parties…). The same description
// draws the form, counts its rows, trims over-long input and tells where
// an error belongs. The input names are the domain's field paths
// ("sectors[1].percentage", "title.fr"), so that an error of Validate
// lands next to the input it is about without a table of names.

// kind is the kind of an input.
type kind int

const (
	kText     kind = iota // one line of text
	kTexts                // one line per language: title.fr, title.en
	kAreas                // a paragraph per language
	kNumber               // a number, written the French or the English way
	kDate                 // a date of any precision: 1993, 1993-05, 1993-05-12
	kSelect               // one value from a list
	kChecks               // several values from a list, under one name
	kPick                 // a record of the registry, by slug or by name
	kURL                  // a web address
	kDateTime             // a local date and time: 2031-10-03T09:00
)

// Size limits of what a form accepts, per input. A longer value is cut
// and refused with a message, so that the page can show the rest of the
// input again without echoing megabytes.
const (
	maxLine  = 300
	maxProse = 20000
	maxURL   = 2000
	maxShort = 40
)

// spec describes one input, or one group of inputs per language.
type spec struct {
	name  string // relative to the row: "percentage"; "" is the row itself
	label string // message key
	hint  string // message key, or ""
	kind  kind
	// opts lists the choices of a select or of checkboxes.
	opts     func(l *localizer) []choiceGroup
	pick     proximite.RecordType // the type a kPick names
	required bool
	// def is the value a new row starts with; a row whose inputs all
	// hold "" or their default is blank, and is dropped on saving.
	def  string
	wide bool
}

// max returns the longest value the input accepts, in characters.
func (s spec) max() int {
	switch s.kind {
	case kAreas:
		return maxProse
	case kURL:
		return maxURL
	case kNumber, kDate, kDateTime:
		return maxShort
	}
	return maxLine
}

// repeatSpec describes a repeated part: a list of rows of inputs.
type repeatSpec struct {
	name   string // "sectors", relative to the enclosing row
	legend string // message key of the part's heading
	hint   string
	item   string // message key of a row's legend, with {n}
	add    string // message key of the "add a row" button
	fields []spec
	nested []repeatSpec
	min    int // rows shown when there are none yet
}

// sectionSpec is a part of a form under its own heading.
type sectionSpec struct {
	id, title, intro string
	fields           []spec
	repeats          []repeatSpec
}

// choiceGroup is a group of choices; an empty label is no group.
type choiceGroup struct {
	Label   string
	Options []choice
}

// choice is one choice of a select or of checkboxes.
type choice struct {
	Value, Label string
	Selected     bool
}

// join builds an input name from a prefix and a relative name.
func join(prefix, name string) string {
	switch {
	case prefix == "":
		return name
	case name == "":
		return prefix
	}
	return prefix + "." + name
}

// rowName is the name prefix of row i of a repeated part.
func rowName(prefix string, r repeatSpec, i string) string {
	return join(prefix, r.name) + "[" + i + "]"
}

// inputID turns an input name into an id attribute: f-sectors-1-code.
func inputID(name string) string {
	var b strings.Builder
	b.WriteString("f-")
	dash := false
	for _, c := range name {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c >= 'A' && c <= 'Z' {
			b.WriteRune(c)
			dash = false
		} else if !dash {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// rowIndices returns the row numbers present in the values under a
// repeated part's name, in order. Rows removed in the browser leave gaps,
// which compact closes.
func rowIndices(v url.Values, base string) []int {
	seen := map[int]bool{}
	var out []int
	for k := range v {
		rest, ok := strings.CutPrefix(k, base+"[")
		if !ok {
			continue
		}
		num, _, ok := strings.Cut(rest, "]")
		n, err := strconv.Atoi(num)
		if !ok || err != nil || n < 0 || n > maxRows || seen[n] {
			continue
		}
		seen[n] = true
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// maxRows bounds the row numbers a form reads, so that a forged name
// such as sectors[999999999] costs nothing.
const maxRows = 500

// langsOf returns the languages a per-language group holds values in:
// French and English always, then any other language the record has, so
// that editing in two languages never drops a third.
func langsOf(v url.Values, name string) []string {
	langs := append([]string{}, proximite.Languages...)
	for k := range v {
		if l, ok := strings.CutPrefix(k, name+"."); ok && !strings.ContainsAny(l, ".[") && l != "fr" && l != "en" {
			langs = append(langs, l)
		}
	}
	slices.Sort(langs[2:])
	return langs
}

// eachInput calls fn for every input name a field of a row has.
func eachInput(v url.Values, prefix string, s spec, fn func(name string, s spec)) {
	name := join(prefix, s.name)
	if s.kind == kTexts || s.kind == kAreas {
		for _, l := range langsOf(v, name) {
			fn(name+"."+l, s)
		}
		return
	}
	fn(name, s)
}

// blankRow reports whether a row holds nothing but defaults.
func blankRow(v url.Values, prefix string, r repeatSpec) bool {
	blank := true
	for _, s := range r.fields {
		eachInput(v, prefix, s, func(name string, s spec) {
			for _, x := range v[name] {
				if x = strings.TrimSpace(x); x != "" && x != s.def {
					blank = false
				}
			}
		})
	}
	for _, n := range r.nested {
		for _, i := range rowIndices(v, join(prefix, n.name)) {
			blank = blank && blankRow(v, rowName(prefix, n, strconv.Itoa(i)), n)
		}
	}
	return blank
}

// compact renumbers the rows of every repeated part 0, 1, 2…, dropping
// blank ones when dropBlank is set (on saving, so that the domain's
// indices are the page's). It returns new values.
func compact(v url.Values, sections []sectionSpec, dropBlank bool) url.Values {
	out := url.Values{}
	for k, x := range v {
		out[k] = x
	}
	for _, sec := range sections {
		for _, r := range sec.repeats {
			out = compactRepeat(out, "", r, dropBlank)
		}
	}
	return out
}

func compactRepeat(v url.Values, prefix string, r repeatSpec, dropBlank bool) url.Values {
	base := join(prefix, r.name)
	out := url.Values{}
	for k, x := range v {
		if !strings.HasPrefix(k, base+"[") {
			out[k] = x
		}
	}
	j := 0
	for _, i := range rowIndices(v, base) {
		from := base + "[" + strconv.Itoa(i) + "]"
		if dropBlank && blankRow(v, from, r) {
			continue
		}
		to := base + "[" + strconv.Itoa(j) + "]"
		for k, x := range v {
			if rest, ok := strings.CutPrefix(k, from); ok && (rest == "" || rest[0] == '.' || rest[0] == '[') {
				out[to+rest] = x
			}
		}
		for _, n := range r.nested {
			out = compactRepeat(out, to, n, dropBlank)
		}
		j++
	}
	return out
}

// removeRow deletes the inputs of one row ("sectors[1]").
func removeRow(v url.Values, row string) {
	for k := range v {
		if rest, ok := strings.CutPrefix(k, row); ok && (rest == "" || rest[0] == '.' || rest[0] == '[') {
			delete(v, k)
		}
	}
}
