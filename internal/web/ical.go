package web

import (
	"bytes"
	"strings"
	"time"
	"unicode/utf8"
)

// icalWriter writes an iCalendar stream (RFC 5545) by hand: the format is
// a handful of rules, and calendar programs are strict about exactly
// these — CRLF line ends, lines folded at 75 octets, TEXT escaped.
type icalWriter struct {
	b bytes.Buffer
}

// prop writes a property whose value is already in its iCalendar form
// (a date-time, a URI, a keyword).
func (w *icalWriter) prop(name, value string) {
	w.line(name + ":" + value)
}

// text writes a property of type TEXT, escaped.
func (w *icalWriter) text(name, value string) {
	w.line(name + ":" + icalEscape(value))
}

// utc writes a DATE-TIME property as a UTC instant ("…Z"), which needs no
// VTIMEZONE and which every calendar program reads.
func (w *icalWriter) utc(name string, t time.Time) {
	w.prop(name, t.UTC().Format("20060102T150405Z"))
}

// line writes a content line folded into chunks of at most 75 octets,
// each continuation starting with a space (which counts in its 75), and
// never inside a UTF-8 sequence.
func (w *icalWriter) line(s string) {
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		w.b.WriteString(s[:cut])
		w.b.WriteString("\r\n ")
		s = s[cut:]
		limit = 74
	}
	w.b.WriteString(s)
	w.b.WriteString("\r\n")
}

// icalEscape escapes a TEXT value: backslash, semicolon, comma and line
// breaks (RFC 5545, 3.3.11). Carriage returns are dropped, since a CRLF
// in the source is one line break.
var icalEscape = strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", "").Replace
