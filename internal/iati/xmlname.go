package iati

import (
	"encoding/binary"
	"encoding/xml"
	"strings"
	"unicode/utf8"
)

// xname is an element or attribute name as the file writes it, split at
// its colon as the decoder splits it, with what the reader asks of it.
type xname struct {
	raw          string // as the file writes it
	space, local string
	lower        string // local in lower case: a node's name
	lang         bool   // xml:lang in any case
}

type xattr struct {
	name       *xname
	start, end int // the value, in vals
}

// maxInternedSize bounds the values that are interned: longer ones are
// rarely repeated.
const maxInternedSize = 32

// symtab interns short byte strings: a table with open addressing, which
// looks a name up faster than a map, and is bounded, so that no file can
// grow it: past half full, what is not in it is allocated each time.
type symtab[V any] struct {
	keys []string
	vals []V
	n    int
}

const symtabSize = 4096 // a power of two

// hash mixes the length and the first and last eight bytes of b: enough
// to tell names and short values apart, the table compares them anyway.
func hash(b []byte) uint32 {
	var x uint64
	if n := len(b); n >= 8 {
		x = binary.LittleEndian.Uint64(b) ^ binary.LittleEndian.Uint64(b[n-8:])*31
	} else {
		for _, c := range b {
			x = x<<8 | uint64(c)
		}
	}
	x = (x ^ uint64(len(b))) * 0x9E3779B97F4A7C15
	return uint32(x >> 32)
}

// lookup returns the value of key, or the slot where to add it.
func (t *symtab[V]) lookup(key []byte) (v V, slot int, ok bool) {
	if t.keys == nil {
		t.keys, t.vals = make([]string, symtabSize), make([]V, symtabSize)
	}
	for i := int(hash(key) & (symtabSize - 1)); ; i = (i + 1) & (symtabSize - 1) {
		switch k := t.keys[i]; {
		case k == "":
			return v, i, false
		case k == string(key):
			return t.vals[i], i, true
		}
	}
}

func (t *symtab[V]) add(slot int, key string, v V) {
	if key != "" && t.n < symtabSize/2 {
		t.keys[slot], t.vals[slot] = key, v
		t.n++
	}
}

// appendName appends to dst the bytes of the name that starts here: the
// bytes up to one that cannot be in a name, any byte past ASCII
// included, which isName then checks. Like the decoder, it fails with
// "unexpected EOF" when the input ends first.
func (s *scanner) appendName(dst []byte) ([]byte, bool) {
	for {
		if s.r >= len(s.buf) && !s.more() {
			_, ok := s.mustgetc()
			return dst, ok
		}
		i := s.r
		for i < len(s.buf) && nameByte[s.buf[i]] {
			i++
		}
		dst = append(dst, s.buf[s.r:i]...)
		s.r = i
		if i < len(s.buf) {
			return dst, true
		}
	}
}

// readName reads a name, false without an error when none starts here.
func (s *scanner) readName() (string, bool) {
	var ok bool
	if s.scratch, ok = s.appendName(s.scratch[:0]); !ok || len(s.scratch) == 0 {
		return "", false
	}
	if !isName(s.scratch) {
		s.err = s.syntaxError("invalid XML name: " + string(s.scratch))
		return "", false
	}
	return string(s.scratch), true
}

// nsname reads a name and splits it at its colon, as the decoder does:
// false without an error when none starts here or it has two colons.
func (s *scanner) nsname() (*xname, bool) {
	// Most names end in the buffer, and are looked up there; an end
	// tag's name is most often the one expected.
	i := s.r
	for i < len(s.buf) && nameByte[s.buf[i]] {
		i++
	}
	var b []byte
	if i < len(s.buf) {
		b, s.r = s.buf[s.r:i], i
	} else {
		var ok bool
		if s.scratch, ok = s.appendName(s.scratch[:0]); !ok {
			return nil, false
		}
		b = s.scratch
	}
	if len(b) == 0 {
		return nil, false
	}
	if s.expect != nil && s.expect.raw == string(b) {
		return s.expect, true
	}
	n, slot, ok := s.names.lookup(b)
	if ok {
		return n, true
	}
	if !isName(b) {
		s.err = s.syntaxError("invalid XML name: " + string(b))
		return nil, false
	}
	raw := string(b)
	if strings.Count(raw, ":") > 1 {
		return nil, false
	}
	n = &xname{raw: raw, local: raw}
	if space, local, ok := strings.Cut(raw, ":"); ok && space != "" && local != "" {
		n.space, n.local = space, local
	}
	n.lower = strings.ToLower(n.local)
	n.lang = strings.EqualFold(n.local, "lang") && strings.EqualFold(n.space, "xml")
	s.names.add(slot, raw, n)
	return n, true
}

// nameByte marks the bytes that a name is read up to: the decoder reads
// any byte past ASCII, and checks the name afterwards.
var nameByte = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
			c == '_' || c == ':' || c == '.' || c == '-'
	}
	return t
}()

// isName checks a name read by readName. Names past ASCII are rare: the
// decoder, which holds the XML tables of name characters, checks them.
func isName(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	ascii := true
	for _, c := range b {
		ascii = ascii && c < utf8.RuneSelf
	}
	if ascii {
		c := b[0]
		return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || c == '_' || c == ':'
	}
	_, err := xml.NewDecoder(strings.NewReader("<?" + string(b) + "?>")).RawToken()
	return err == nil
}
