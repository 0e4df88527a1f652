package csvio

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// A list cell holds items separated by ";", each item made of parts
// separated by ":" ("15150:60;14030:40"). A backslash makes the next
// character literal, so that a name may hold a semicolon ("\;") or a
// colon ("\:"). Cells whose items have one part (sources) split on ";"
// only, and leave colons as they are.

// parseList cuts a list cell into items and, when parts is set, each item
// into parts. Blank items are dropped, and parts are trimmed.
func parseList(cell string, parts bool) [][]string {
	var items [][]string
	var item []string
	var b strings.Builder
	endPart := func() {
		item = append(item, strings.TrimSpace(b.String()))
		b.Reset()
	}
	endItem := func() {
		endPart()
		if len(item) > 1 || item[0] != "" {
			items = append(items, item)
		}
		item = nil
	}
	escaped := false
	for _, r := range cell {
		switch {
		case escaped:
			b.WriteRune(r)
			escaped = false
		case r == '\\':
			escaped = true
		case r == ';':
			endItem()
		case r == ':' && parts:
			endPart()
		default:
			b.WriteRune(r)
		}
	}
	if escaped {
		b.WriteByte('\\')
	}
	endItem()
	return items
}

// formatList writes items as parseList reads them back, dropping empty
// trailing parts ("org:north::" becomes "org:north").
func formatList(items [][]string, parts bool) string {
	var b strings.Builder
	for i, item := range items {
		if i > 0 {
			b.WriteByte(';')
		}
		for len(item) > 1 && item[len(item)-1] == "" {
			item = item[:len(item)-1]
		}
		for j, p := range item {
			if j > 0 {
				b.WriteByte(':')
			}
			for _, r := range p {
				if r == '\\' || r == ';' || (r == ':' && parts) {
					b.WriteByte('\\')
				}
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// part returns the i-th part of an item, or "".
func part(item []string, i int) string {
	if i < len(item) {
		return item[i]
	}
	return ""
}

// formatNumber writes a number with as many digits as it needs and no
// more, so that reading it back gives the same float.
func formatNumber(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// parseNumber reads a number as people type it in a spreadsheet: with a
// decimal point or a French decimal comma, and a percentage may keep its
// "%" sign.
func parseNumber(s string) (float64, error) {
	t := stripSpaces(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	if !strings.Contains(t, ".") {
		t = strings.Replace(t, ",", ".", 1)
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, fmt.Errorf("%q is not a number", s)
	}
	return f, nil
}

// stripSpaces removes the spaces that separate thousands in French
// ("1 200", with a plain, no-break or narrow no-break space).
func stripSpaces(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u00a0' || r == '\u202f' {
			return -1
		}
		return r
	}, s)
}

// parseInt reads a whole number; the empty string is zero.
func parseInt(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(stripSpaces(s))
	if err != nil {
		return 0, fmt.Errorf("%q is not a whole number", s)
	}
	return n, nil
}

// formatInt writes a whole number, and nothing for zero, which the
// records use for "unknown".
func formatInt(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// guard protects a cell from being run as a formula by a spreadsheet (a
// title such as "=HYPERLINK(…)" in a public export): a text that starts
// with =, +, -, @ or a tab and is not a plain number gets a leading
// apostrophe, which spreadsheets read as "this is text". unguard removes
// it on import, so the value round-trips; a value that itself starts with
// an apostrophe before such a character is guarded too, for the same
// reason.
func guard(s string) string {
	switch {
	case s == "":
		return s
	case formulaStart(s[0]):
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return s
		}
		return "'" + s
	case guarded(s):
		return "'" + s
	}
	return s
}

func unguard(s string) string {
	if guarded(s) {
		return s[1:]
	}
	return s
}

func formulaStart(c byte) bool { return strings.IndexByte("=+-@\t\r", c) >= 0 }

// guarded reports whether s starts with the apostrophe that guard adds.
func guarded(s string) bool {
	return len(s) > 1 && s[0] == '\'' && (formulaStart(s[1]) || s[1] == '\'')
}

// same reports whether a cell says the same as the value the record
// holds, ignoring the surrounding spaces and the line endings that
// spreadsheet programs add or change.
func same(cell, value string) bool {
	if cell == value {
		return true
	}
	norm := func(s string) string { return strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n")) }
	return norm(cell) == norm(value)
}
