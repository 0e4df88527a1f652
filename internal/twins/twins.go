// Package twins reads the public list of twin towns (twin_cities.csv,
// compiled from Wikipedia by its contributors, CC BY-SA) into the
// registry's reference layer of known twinnings. The file names countries
// in English, as Wikipedia writes them ("England", "Czech Republic",
// "Scotland, United Kingdom"); Country turns them into ISO codes through
// the codelist's names and a short table of the names it spells
// otherwise. A row that cannot be read is reported with its line and
// skipped; the rest are loaded.
package twins

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
)

// Header is the file's first line, which Read checks.
var Header = []string{"city1", "country1", "lat1", "lng1", "city2", "country2", "lat2", "lng2"}

// Problem is a row that was skipped, with its line in the file.
type Problem struct {
	Line   int
	Reason string
}

func (p Problem) String() string { return fmt.Sprintf("line %d: %s", p.Line, p.Reason) }

// Read reads the whole file: the rows it could read, and the problems of
// those it skipped. An error means the file itself is not the list (no
// such header, not CSV at all).
func Read(r io.Reader) ([]proximite.Twin, []Problem, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	head, err := cr.Read()
	if err != nil {
		return nil, nil, fmt.Errorf("twin towns: read the header: %w", err)
	}
	if len(head) > 0 {
		head[0] = strings.TrimPrefix(head[0], "\ufeff")
	}
	if strings.Join(head, ",") != strings.Join(Header, ",") {
		return nil, nil, fmt.Errorf("twin towns: the header is %q, want %q", strings.Join(head, ","), strings.Join(Header, ","))
	}
	var rows []proximite.Twin
	var problems []Problem
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var perr *csv.ParseError
		if errors.As(err, &perr) {
			problems = append(problems, Problem{Line: perr.Line, Reason: perr.Err.Error()})
			continue
		} else if err != nil {
			return nil, nil, err
		}
		line, _ := cr.FieldPos(0)
		t, reason := parseRow(rec)
		if reason != "" {
			problems = append(problems, Problem{Line: line, Reason: reason})
			continue
		}
		rows = append(rows, t)
	}
	return rows, problems, nil
}

// parseRow reads one row, or says why it cannot.
func parseRow(rec []string) (proximite.Twin, string) {
	var t proximite.Twin
	if len(rec) != len(Header) {
		return t, fmt.Sprintf("%d columns, want %d", len(rec), len(Header))
	}
	var bad []string
	side := func(i int, city, country *string, lat, lng *float64) {
		n := strconv.Itoa(i/4 + 1)
		*city = strings.TrimSpace(rec[i])
		if *city == "" || proximite.Slugify(*city) == "" {
			bad = append(bad, "city"+n+" is empty")
		}
		code, ok := Country(rec[i+1])
		if !ok {
			bad = append(bad, fmt.Sprintf("country%s %q is not a known country", n, rec[i+1]))
		}
		*country = code
		var err error
		if *lat, err = strconv.ParseFloat(strings.TrimSpace(rec[i+2]), 64); err != nil || *lat < -90 || *lat > 90 {
			bad = append(bad, fmt.Sprintf("lat%s %q is not a latitude", n, rec[i+2]))
		}
		if *lng, err = strconv.ParseFloat(strings.TrimSpace(rec[i+3]), 64); err != nil || *lng < -180 || *lng > 180 {
			bad = append(bad, fmt.Sprintf("lng%s %q is not a longitude", n, rec[i+3]))
		}
	}
	side(0, &t.City1, &t.Country1, &t.Lat1, &t.Lng1)
	side(4, &t.City2, &t.Country2, &t.Lat2, &t.Lng2)
	return t, strings.Join(bad, "; ")
}

// aliases are the names the file gives countries that the codelist names
// otherwise (folded by countryKey). The four nations of the United
// Kingdom are the United Kingdom for ISO.
var aliases = map[string]string{
	"england": "GB", "scotland": "GB", "wales": "GB", "northern ireland": "GB",
	"turkey": "TR", "palestine": "PS", "west bank": "PS", "czech republic": "CZ",
	"republic of ireland": "IE", "ivory coast": "CI", "cote d'ivoire": "CI", "georgia (country)": "GE",
	"bosnia and hercegovina": "BA", "democratic republic of the congo": "CD",
	"republic of the congo": "CG", "myanmar": "MM", "burma": "MM", "east timor": "TL",
	"federated states of micronesia": "FM", "saint vincent and the grenadines": "VC",
	"moldavia": "MD", "surinam": "SR", "madagaskar": "MG", "kazakhstah": "KZ", "grece": "GR",
	"island": "IS", "macedonia": "MK", "north korea": "KP", "korea": "KR",
	"united states of america": "US", "usa": "US", "uk": "GB", "the netherlands": "NL",
	"holland": "NL", "swaziland": "SZ", "cape verde": "CV", "vatican city": "VA",
}

var byName = func() map[string]string {
	m := map[string]string{}
	for _, c := range codelist.Country.Codes {
		if !c.Withdrawn {
			m[countryKey(c.EN)] = c.Code
		}
	}
	for k, v := range aliases {
		m[k] = v
	}
	return m
}()

// Country returns the ISO code of a country as the file names it: an
// English name ("Mali"), another spelling ("Ivory Coast"), or a place
// followed by its country ("Scotland, United Kingdom").
func Country(name string) (string, bool) {
	k := countryKey(name)
	if k == "" {
		return "", false
	}
	if c, ok := byName[k]; ok {
		return c, true
	}
	if i := strings.LastIndex(k, ","); i >= 0 {
		if c, ok := byName[strings.TrimSpace(k[i+1:])]; ok {
			return c, true
		}
	}
	if rest, ok := strings.CutPrefix(k, "in "); ok {
		return Country(rest)
	}
	return "", false
}

// countryKey folds a country's name so that the codelist's "Antigua &
// Barbuda" and "St. Lucia" meet the file's "Antigua and Barbuda" and
// "Saint Lucia".
func countryKey(s string) string {
	s = proximite.Fold(strings.TrimSpace(s))
	s = strings.NewReplacer("&", " and ", "st. ", "saint ", "’", "'", " - ", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}
