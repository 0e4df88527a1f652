package iati

import (
	"bufio"
	"strconv"
	"strings"
	"unicode/utf8"
)

// xmlWriter writes indented XML to a buffered writer. The export writes
// its elements by hand rather than through encoding/xml: the IATI
// structure is fixed, element order matters to the schema, and a writer
// that appends escaped strings to one buffer is several times faster than
// reflection-driven encoding, which the export's speed target needs.
//
// Every string that reaches the output goes through escapeText or
// escapeAttr, which also replace what XML 1.0 cannot carry (control
// characters, invalid UTF-8) by U+FFFD, so that no record can make the
// file unreadable. Write errors are kept by the bufio.Writer and reported
// by its Flush.
type xmlWriter struct {
	b     *bufio.Writer
	depth int
	num   []byte // scratch space for numbers
}

const indent = "                                                                "

func (w *xmlWriter) pad() {
	n := 2 * w.depth
	for n > len(indent) {
		w.b.WriteString(indent)
		n -= len(indent)
	}
	w.b.WriteString(indent[:n])
}

// attrs writes name="value" pairs, skipping pairs whose value is empty:
// optional IATI attributes are left out rather than written empty.
func (w *xmlWriter) attrs(kv []string) {
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] == "" {
			continue
		}
		w.b.WriteByte(' ')
		w.b.WriteString(kv[i])
		w.b.WriteString(`="`)
		escapeAttr(w.b, kv[i+1])
		w.b.WriteByte('"')
	}
}

// open starts an element that has child elements.
func (w *xmlWriter) open(name string, kv ...string) {
	w.pad()
	w.b.WriteByte('<')
	w.b.WriteString(name)
	w.attrs(kv)
	w.b.WriteString(">\n")
	w.depth++
}

// close ends the element opened last.
func (w *xmlWriter) close(name string) {
	w.depth--
	w.pad()
	w.b.WriteString("</")
	w.b.WriteString(name)
	w.b.WriteString(">\n")
}

// empty writes an element with attributes only.
func (w *xmlWriter) empty(name string, kv ...string) {
	w.pad()
	w.b.WriteByte('<')
	w.b.WriteString(name)
	w.attrs(kv)
	w.b.WriteString("/>\n")
}

// leaf writes an element holding text.
func (w *xmlWriter) leaf(name, text string, kv ...string) {
	w.pad()
	w.b.WriteByte('<')
	w.b.WriteString(name)
	w.attrs(kv)
	w.b.WriteByte('>')
	escapeText(w.b, text)
	w.b.WriteString("</")
	w.b.WriteString(name)
	w.b.WriteString(">\n")
}

// decimal formats a number as xsd:decimal wants it: plain digits, never
// an exponent, as short as it can be while exact.
func (w *xmlWriter) decimal(v float64) string {
	w.num = strconv.AppendFloat(w.num[:0], v, 'f', -1, 64)
	return string(w.num)
}

// xmlChar reports whether XML 1.0 can carry the rune.
func xmlChar(r rune) bool {
	return r == 0x9 || r == 0xA || r == 0xD || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// escapeText writes s as element content.
func escapeText(b *bufio.Writer, s string) { escape(b, s, false) }

// escapeAttr writes s as an attribute value in double quotes; white space
// other than spaces is written as character references so that attribute
// normalisation does not turn it into spaces.
func escapeAttr(b *bufio.Writer, s string) { escape(b, s, true) }

func escape(b *bufio.Writer, s string, attr bool) {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < utf8.RuneSelf && c != '&' && c != '<' && c != '>' && c != '"' {
			i++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
			if r != utf8.RuneError && xmlChar(r) {
				i += size
				continue
			}
		}
		var rep string
		switch {
		case r == '&':
			rep = "&amp;"
		case r == '<':
			rep = "&lt;"
		case r == '>':
			rep = "&gt;"
		case r == '"':
			if !attr {
				i++
				continue
			}
			rep = "&quot;"
		case r == '\r':
			rep = "&#xD;"
		case r == '\n' && attr:
			rep = "&#xA;"
		case r == '\t' && attr:
			rep = "&#x9;"
		case r == '\n', r == '\t':
			i++
			continue
		default:
			rep = "\uFFFD"
		}
		b.WriteString(s[last:i])
		b.WriteString(rep)
		i += size
		last = i
	}
	b.WriteString(s[last:])
}

// cleanText trims text and reports whether anything is left to write.
func cleanText(s string) (string, bool) {
	s = strings.TrimSpace(s)
	return s, s != ""
}
