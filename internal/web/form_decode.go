package web

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/proximite/proximite"
)

// decoder reads a form's input into a record. What it cannot read (a
// number that is not one, a name that matches no organisation) becomes a
// message next to the input; the rest is left to the record's Validate.
type decoder struct {
	ctx  context.Context
	h    *Handler
	l    *localizer
	v    url.Values
	errs map[string]string
	// choices and names feed the pickers when the form comes back.
	choices map[string][]choice
	names   map[string]string
	// err is a failure of the registry while resolving a picker.
	err error
}

func (d *decoder) fail(name, key string, pairs ...any) {
	if d.errs[name] == "" {
		d.errs[name] = d.l.T(key, pairs...)
	}
}

// str returns an input's value without surrounding spaces.
func (d *decoder) str(name string) string { return strings.TrimSpace(d.v.Get(name)) }

// strs returns every value of a checkbox list.
func (d *decoder) strs(name string) []string {
	var out []string
	for _, s := range d.v[name] {
		if s = strings.TrimSpace(s); s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// text returns a per-language group as a Text.
func (d *decoder) text(name string) proximite.Text {
	t := proximite.Text{}
	for _, l := range langsOf(d.v, name) {
		if s := strings.TrimSpace(strings.ReplaceAll(d.v.Get(name+"."+l), "\r\n", "\n")); s != "" {
			t[l] = s
		}
	}
	if len(t) == 0 {
		return nil
	}
	return t
}

func (d *decoder) date(name string) proximite.Date { return proximite.Date(d.str(name)) }

// number reads a number written the page's way: "48 500,50" in French,
// "48,500.50" in English. An empty input is (0, false).
func (d *decoder) number(name string) (float64, bool) {
	s := strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u00a0' || r == '\u202f' || r == '$' || r == '%' {
			return -1
		}
		return r
	}, d.str(name))
	if s == "" {
		return 0, false
	}
	if d.l.lang == "fr" {
		s = strings.ReplaceAll(s, ",", ".")
	} else {
		s = strings.ReplaceAll(s, ",", "")
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != f || f > 1e15 || f < -1e15 {
		d.fail(name, "edit.err.number")
		return 0, false
	}
	return f, true
}

// percent returns a percentage, or nil when none is given.
func (d *decoder) percent(name string) *float64 {
	if f, ok := d.number(name); ok {
		return &f
	}
	return nil
}

// integer reads a whole number.
func (d *decoder) integer(name string) int {
	f, ok := d.number(name)
	if ok && (f != float64(int(f))) {
		d.fail(name, "edit.err.integer")
		return 0
	}
	return int(f)
}

// money reads an amount and its currency and value date under a prefix.
func (d *decoder) money(prefix string) proximite.Money {
	amount, _ := d.number(prefix + ".amount")
	return proximite.Money{Amount: amount, Currency: d.str(prefix + ".currency"), ValueDate: d.date(prefix + ".value_date")}
}

// point reads a latitude and a longitude under a prefix: both, or none.
func (d *decoder) point(prefix string) *proximite.Point {
	lat, okLat := d.number(prefix + ".lat")
	lon, okLon := d.number(prefix + ".lon")
	switch {
	case okLat && okLon:
		return &proximite.Point{Lat: lat, Lon: lon}
	case okLat:
		d.fail(prefix+".lon", "edit.err.point")
	case okLon:
		d.fail(prefix+".lat", "edit.err.point")
	}
	return nil
}

// rows returns the name prefixes of a repeated part's rows.
func (d *decoder) rows(base string) []string {
	var out []string
	for _, i := range rowIndices(d.v, base) {
		out = append(out, base+"["+strconv.Itoa(i)+"]")
	}
	return out
}

// pick reads a picker: the radio button chosen when the form came back
// with candidates, else the text typed. The input is rewritten as the
// slug found, and its name kept to show next to it.
func (d *decoder) pick(name string, t proximite.RecordType) string {
	text := d.str(name)
	if chosen := d.str(name + ".pick"); chosen != "" {
		text = chosen
	}
	d.v.Del(name + ".pick")
	if text == "" || d.err != nil {
		return ""
	}
	res, err := d.h.resolve(d.ctx, d.l, t, text)
	if err != nil {
		d.err = err
		return ""
	}
	if res.slug != "" {
		d.v.Set(name, res.slug)
		d.names[name] = d.h.recordName(d.ctx, d.l, t, res.slug)
		return res.slug
	}
	d.v.Set(name, text)
	d.choices[name] = res.choices
	if len(res.choices) == 0 {
		d.fail(name, "edit.err.pick.none."+string(t), "text", text)
	} else {
		d.fail(name, "edit.err.pick.several", "text", text)
	}
	return ""
}

// checkLengths refuses values longer than their input allows, and cuts
// them, so that the page shows the input again without the megabytes.
func checkLengths(v url.Values, sections []sectionSpec, errs map[string]string, l *localizer) {
	check := func(name string, s spec) {
		for i, x := range v[name] {
			if n := utf8.RuneCountInString(x); n > s.max() {
				if errs[name] == "" {
					errs[name] = l.T("edit.err.toolong", "max", s.max(), "n", n)
				}
				v[name][i] = string([]rune(x)[:s.max()])
			}
		}
	}
	var walkRepeat func(prefix string, r repeatSpec)
	walkRepeat = func(prefix string, r repeatSpec) {
		for _, i := range rowIndices(v, join(prefix, r.name)) {
			row := rowName(prefix, r, strconv.Itoa(i))
			for _, f := range r.fields {
				eachInput(v, row, f, check)
			}
			for _, n := range r.nested {
				walkRepeat(row, n)
			}
		}
	}
	for _, sec := range sections {
		for _, f := range sec.fields {
			eachInput(v, "", f, check)
		}
		for _, r := range sec.repeats {
			walkRepeat("", r)
		}
	}
}

// domainErrors turns the field errors of the domain into messages in the
// page's language, by the field they name. The domain writes them in
// English for the log and the API; the page says them in its language
// where it knows the message, and in English, marked, where it does not.
func domainErrors(l *localizer, err error, errs map[string]string) bool {
	var list []*proximite.Error
	var ve proximite.ValidationErrors
	var one *proximite.Error
	switch {
	case errors.As(err, &ve):
		list = ve
	case errors.As(err, &one) && one.Code == proximite.EINVALID:
		list = []*proximite.Error{one}
	default:
		return false
	}
	for _, e := range list {
		name := e.Field
		if name == "" {
			name = "form"
		}
		if errs[name] == "" {
			errs[name] = localizeMessage(l, e.Message)
		}
	}
	return true
}

// domainMessages are the domain's messages the forms say in their own
// words, by how the message starts or what it says.
var domainMessages = []struct{ match, key string }{
	{"is required, as a date", "edit.err.date"},
	{"is required", "edit.err.required"},
	{"is before the start", "edit.err.order"},
	{"the end comes before the start", "edit.err.order"},
	{"must be a date", "edit.err.date"},
	{"cannot be negative", "edit.err.negative"},
	{"unknown", "edit.err.unknown"},
	{"a partnership needs at least two organisations", "edit.err.parties"},
	{"is listed twice", "edit.err.twice"},
	{"a delegation cannot visit its own organisation", "edit.err.visit.self"},
	{"name another organisation than the sender and the host", "edit.err.visit.with"},
	{"name the partnership, or the organisations", "edit.err.visit.who"},
	{"an organisation cannot link to itself", "edit.err.link.self"},
	{"name an organisation of the registry, or give a name", "edit.err.participant"},
	{"is less than the minimum", "edit.err.minmax"},
	{"must not contain spaces", "edit.err.iatiid"},
	{"must be lower-case letters", "edit.err.slug"},
}

func localizeMessage(l *localizer, msg string) string {
	var sum float64
	if i := strings.Index(msg, "add up to "); i >= 0 {
		if _, err := fmt.Sscanf(msg[i:], "add up to %g", &sum); err == nil {
			return l.T("edit.err.sum", "sum", l.Number(sum, decimals(sum)))
		}
	}
	var lo, hi float64
	if _, err := fmt.Sscanf(msg, "must be between %g and %g", &lo, &hi); err == nil {
		return l.T("edit.err.range", "min", l.Number(lo, 0), "max", l.Number(hi, 0))
	}
	for _, m := range domainMessages {
		if strings.HasPrefix(msg, m.match) || strings.Contains(msg, m.match) {
			return l.T(m.key)
		}
	}
	if l.lang == "en" {
		return msg
	}
	return l.T("edit.err.other", "msg", msg)
}

// decimals is how many decimals a figure needs to show (130, 99.5).
func decimals(f float64) int {
	if f == float64(int64(f)) {
		return 0
	}
	return 2
}
