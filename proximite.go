// Package proximite holds the domain of the registry of proximity
// cooperation: organisations, partnerships, projects, visits and funding
// programmes, their validation, and the service interfaces that the
// storage implements and the web, API and command-line edges call.
package proximite

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Languages of the interface, in order of preference. Records' own text
// may be in any language (Spanish, Bambara…); these two are the ones every
// page is offered in.
var Languages = []string{"fr", "en"}

// Text is text that people write, kept per language ("fr", "en", "es",
// "bm"…) and never collapsed to one.
type Text map[string]string

// T builds a Text from alternating language and value arguments, which
// keeps literal records readable: T("fr", "Jumelage", "en", "Twinning").
func T(pairs ...string) Text {
	t := Text{}
	for i := 0; i+1 < len(pairs); i += 2 {
		if v := strings.TrimSpace(pairs[i+1]); v != "" {
			t[pairs[i]] = v
		}
	}
	return t
}

// In returns the text in lang, or else in the other interface language,
// or else in any language, with the language actually returned so a page
// can mark a fallback and set the lang attribute.
func (t Text) In(lang string) (string, string) {
	if v := t[lang]; v != "" {
		return v, lang
	}
	for _, l := range Languages {
		if v := t[l]; v != "" {
			return v, l
		}
	}
	langs := make([]string, 0, len(t))
	for l := range t {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	for _, l := range langs {
		if t[l] != "" {
			return t[l], l
		}
	}
	return "", lang
}

// String returns the text in French, or the first available language.
func (t Text) String() string { v, _ := t.In("fr"); return v }

// IsZero reports whether the text has no value in any language.
func (t Text) IsZero() bool {
	for _, v := range t {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

var langTag = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

// validate checks that every key is a language tag such as "fr" or "es".
func (t Text) validate(field string, errs *ValidationErrors) {
	for l := range t {
		if !langTag.MatchString(l) {
			errs.Add(field, "unknown language code %q", l)
		}
	}
}

// State is the publication state of a record.
type State string

// The publication workflow: draft → submitted → published, and back to
// draft when a record is withdrawn.
const (
	Draft     State = "draft"
	Submitted State = "submitted"
	Published State = "published"
)

// Valid reports whether s is a known state.
func (s State) Valid() bool { return s == Draft || s == Submitted || s == Published }

// Meta is what every record carries besides its own content: identity,
// publication state, the partner's confirmation and the times of change.
type Meta struct {
	ID   int64  `json:"id,omitempty"`
	Slug string `json:"slug"`
	// State is the publication state; only published records are public.
	State State `json:"state"`
	// ConfirmedByPartner is set by an editor of the partner organisation
	// when they agree with what the record says about them.
	ConfirmedByPartner bool       `json:"confirmed_by_partner"`
	LastConfirmed      *time.Time `json:"last_confirmed,omitempty"`
	// Sources says where the facts come from, so readers can check them.
	Sources   []string  `json:"sources,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// validate checks the fields every record shares.
func (m *Meta) validate(errs *ValidationErrors) {
	if m.Slug == "" {
		errs.Add("slug", "is required")
	} else if !slugRE.MatchString(m.Slug) || len(m.Slug) > 120 {
		errs.Add("slug", "must be lower-case letters, digits and single hyphens (at most 120), got %q", m.Slug)
	}
	if m.State == "" {
		m.State = Draft
	} else if !m.State.Valid() {
		errs.Add("state", "must be draft, submitted or published, got %q", m.State)
	}
}

// Slugify turns a name into a URL-safe slug: accents dropped, lower case,
// words joined by hyphens ("Sainte-Élisabeth" → "sainte-elisabeth").
func Slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range Fold(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		default:
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// Date is a calendar date of known precision: "1993", "1993-05" or
// "1993-05-12". The seed often knows only a year, and a registry that
// forced a day would invent one.
type Date string

// Valid reports whether d is empty or a well-formed date of any precision
// (a year, a month, a day), one that the calendar has. It is checked by
// hand rather than by a regular expression or time.Parse: imports and
// exports check thousands of dates a second.
func (d Date) Valid() bool {
	switch len(d) {
	case 0:
		return true
	case 4, 7, 10:
	default:
		return false
	}
	for i := 0; i < len(d); i++ {
		if i == 4 || i == 7 {
			if d[i] != '-' {
				return false
			}
		} else if d[i] < '0' || d[i] > '9' {
			return false
		}
	}
	num := func(s Date) int {
		n := 0
		for i := 0; i < len(s); i++ {
			n = n*10 + int(s[i]-'0')
		}
		return n
	}
	if len(d) == 4 {
		return true
	}
	month := num(d[5:7])
	if month < 1 || month > 12 {
		return false
	}
	if len(d) == 7 {
		return true
	}
	year, day := num(d[:4]), num(d[8:10])
	days := 31
	switch month {
	case 4, 6, 9, 11:
		days = 30
	case 2:
		days = 28
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			days = 29
		}
	}
	return day >= 1 && day <= days
}

// Year returns the year of d, or 0 when d is empty.
func (d Date) Year() int {
	if len(d) < 4 {
		return 0
	}
	y, _ := strconv.Atoi(string(d[:4]))
	return y
}

// Point is a location in WGS84 decimal degrees.
type Point struct {
	Lat float64 `json:"lat"`
	Lon float64 `json:"lon"`
}

func (p *Point) validate(field string, errs *ValidationErrors) {
	if p == nil {
		return
	}
	if p.Lat < -90 || p.Lat > 90 {
		errs.Add(field+".lat", "must be between -90 and 90")
	}
	if p.Lon < -180 || p.Lon > 180 {
		errs.Add(field+".lon", "must be between -180 and 180")
	}
}
