// Package codelist holds the IATI codelists the application needs at run time:
// codes with their short English and French names, generated from the
// codelist CSVs in ../shared/iati/codelists by the program in ./gen.
//
// The lists are read-only; their Codes must not be changed.
package codelist

import (
	"strings"
	"sync"
)

//go:generate go run ./gen -src ../../../shared/iati/codelists/csv -out codelists_gen.go

// Code is one entry of a codelist.
type Code struct {
	// Code is the value as written in IATI files, e.g. "15150" or "ML".
	Code string
	// EN and FR are the short official names; FR is empty where IATI gives
	// no French name.
	EN, FR string
	// Category is the code's parent in a category codelist, e.g. the 3-digit
	// DAC category of a sector, or empty.
	Category string
	// Withdrawn is set for codes IATI has retired: old data may still hold
	// them, but new data should not use them.
	Withdrawn bool
}

// letterCase says how a list's codes are written, so that lookups can fold
// other spellings ("ml", "Eur") to it.
type letterCase int

const (
	exactCase letterCase = iota
	upperCase
	lowerCase
)

// List is one codelist, e.g. Sector or Country.
type List struct {
	// Name is the list's Go name, as accepted by ByName.
	Name string
	// Codes are the entries in the order of the IATI codelist.
	Codes []Code

	letters letterCase
	// The index is built on first lookup rather than at start-up, so that
	// programs pay only for the lists they use.
	once  sync.Once
	index map[string]int
}

// Lookup returns the entry for code. The match is exact, except in Country,
// Currency and Language, where the case of letters does not matter.
func (l *List) Lookup(code string) (Code, bool) {
	l.once.Do(func() {
		l.index = make(map[string]int, len(l.Codes))
		for i, c := range l.Codes {
			l.index[c.Code] = i
		}
	})
	switch l.letters {
	case upperCase:
		code = strings.ToUpper(code)
	case lowerCase:
		code = strings.ToLower(code)
	}
	i, ok := l.index[code]
	if !ok {
		return Code{}, false
	}
	return l.Codes[i], true
}

// Valid reports whether code is in the list, withdrawn codes included.
func (l *List) Valid(code string) bool {
	_, ok := l.Lookup(code)
	return ok
}

// Label returns the name to show for code: in French when lang is "fr" (or a
// French variant such as "fr-CA"), falling back to English, and in English for
// any other lang. An unknown or unnamed code is shown as itself.
func (l *List) Label(code, lang string) string {
	c, ok := l.Lookup(code)
	if !ok {
		return code
	}
	if (lang == "fr" || strings.HasPrefix(lang, "fr-")) && c.FR != "" {
		return c.FR
	}
	if c.EN != "" {
		return c.EN
	}
	return code
}

// ByName returns the list with the given Go name ("Sector",
// "OrganisationType"…) or IATI codelist name ("UNSDG-Goals"), for code that
// handles codelists generically.
func ByName(name string) (*List, bool) {
	l, ok := byName[name]
	return l, ok
}

// SectorCategoryOf returns the 3-digit DAC category of a 5-digit sector code,
// e.g. "111" for "11110". It takes the category from the Sector list and, for
// codes not in it, falls back to the code's first three digits; it returns ""
// when code does not start with three digits.
func SectorCategoryOf(code string) string {
	if c, ok := Sector.Lookup(code); ok && c.Category != "" {
		return c.Category
	}
	if len(code) < 3 || strings.Trim(code[:3], "0123456789") != "" {
		return ""
	}
	return code[:3]
}
