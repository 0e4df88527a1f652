package pdftext

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// font is what decoding a shown string needs from a font: its ToUnicode
// map when it has one (Type0 fonts of Chromium and most modern writers),
// the length of its codes, and whether it is a simple font whose bytes
// are (near enough) WinAnsi.
type font struct {
	toUnicode map[string]string
	lengths   []int // code lengths of the code space, shortest first
	composite bool  // Type0: two-byte codes without a map are unreadable
}

// maxCMapEntries bounds one ToUnicode map; a bfrange of 0000–FFFF is
// 65,536 entries and no more.
const maxCMapEntries = 1 << 17

func (d *doc) font(v any) *font {
	fd := d.dict(v)
	f := &font{composite: d.resolve(fd[name("Subtype")]) == name("Type0")}
	if f.composite {
		f.lengths = []int{2}
	} else {
		f.lengths = []int{1}
	}
	if s, ok := d.resolve(fd[name("ToUnicode")]).(stream); ok {
		if data := d.decode(s); data != nil {
			f.parseCMap(data, d.budget)
		}
	}
	return f
}

// parseCMap reads the bfchar and bfrange sections and the code space of a
// ToUnicode CMap.
func (f *font) parseCMap(data []byte, b *budget) {
	l := &lexer{b: data, bud: b}
	f.toUnicode = map[string]string{}
	var ops []any
	lengths := map[int]bool{}
	section := ""
	for b.step() {
		tok, ok := l.token()
		if !ok {
			break
		}
		if tok == keyword("[") {
			v, _ := l.compose(tok, 0)
			ops = append(ops, v)
			continue
		}
		k, isKw := tok.(keyword)
		if !isKw {
			ops = append(ops, tok)
			continue
		}
		switch k {
		case "begincodespacerange", "beginbfchar", "beginbfrange":
			section, ops = string(k), nil
		case "endcodespacerange":
			for i := 0; i+1 < len(ops); i += 2 {
				if lo, ok := ops[i].(str); ok && len(lo) > 0 && len(lo) <= 4 {
					lengths[len(lo)] = true
				}
			}
			section, ops = "", nil
		case "endbfchar":
			for i := 0; i+1 < len(ops) && len(f.toUnicode) < maxCMapEntries; i += 2 {
				src, ok1 := ops[i].(str)
				dst, ok2 := ops[i+1].(str)
				if ok1 && ok2 {
					f.toUnicode[string(src)] = utf16Text(dst)
				}
			}
			section, ops = "", nil
		case "endbfrange":
			for i := 0; i+2 < len(ops); i += 3 {
				f.bfrange(ops[i], ops[i+1], ops[i+2])
			}
			section, ops = "", nil
		default:
			_ = section
		}
	}
	if len(lengths) > 0 {
		f.lengths = f.lengths[:0]
		for n := 1; n <= 4; n++ {
			if lengths[n] {
				f.lengths = append(f.lengths, n)
			}
		}
	}
}

// bfrange maps the codes lo…hi to consecutive characters from dst, or to
// the strings of an array.
func (f *font) bfrange(loV, hiV, dstV any) {
	lo, ok1 := loV.(str)
	hi, ok2 := hiV.(str)
	if !ok1 || !ok2 || len(lo) != len(hi) || len(lo) == 0 || len(lo) > 4 {
		return
	}
	from, to := codeValue(lo), codeValue(hi)
	if to < from || to-from > 0xFFFF {
		return
	}
	for c := from; c <= to && len(f.toUnicode) < maxCMapEntries; c++ {
		key := string(codeBytes(c, len(lo)))
		switch dst := dstV.(type) {
		case str:
			if len(dst) == 0 {
				return
			}
			// The last byte counts up; a range never crosses it.
			next := append([]byte(nil), dst...)
			next[len(next)-1] += byte(c - from)
			f.toUnicode[key] = utf16Text(next)
		case array:
			if i := int(c - from); i < len(dst) {
				if s, ok := dst[i].(str); ok {
					f.toUnicode[key] = utf16Text(s)
				}
			}
		}
	}
}

func codeValue(b []byte) uint32 {
	var v uint32
	for _, c := range b {
		v = v<<8 | uint32(c)
	}
	return v
}

func codeBytes(v uint32, n int) []byte {
	out := make([]byte, n)
	for i := n - 1; i >= 0; i-- {
		out[i] = byte(v)
		v >>= 8
	}
	return out
}

// utf16Text decodes the UTF-16BE of a CMap's destination.
func utf16Text(b []byte) string {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	if len(b) == 1 {
		u = append(u, uint16(b[0]))
	}
	return string(utf16.Decode(u))
}

// winAnsi maps the bytes 0x80–0x9F of WinAnsiEncoding that differ from
// Latin-1 (quotes, dashes, the euro).
var winAnsi = map[byte]rune{0x80: '€', 0x85: '…', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x96: '–', 0x97: '—', 0x9C: 'œ', 0x8C: 'Œ'}

// text decodes a shown string.
func (f *font) text(s []byte, out *strings.Builder) {
	if f == nil {
		f = &font{lengths: []int{1}}
	}
	if f.toUnicode == nil {
		if f.composite {
			return
		}
		for _, c := range s {
			switch {
			case winAnsi[c] != 0:
				out.WriteRune(winAnsi[c])
			case c >= 0x20 && c < 0x7F || c >= 0xA0:
				out.WriteRune(rune(c))
			case c == '\t' || c == '\n' || c == '\r':
				out.WriteByte(' ')
			}
		}
		return
	}
	for i := 0; i < len(s); {
		matched := false
		for _, n := range f.lengths {
			if i+n <= len(s) {
				if t, ok := f.toUnicode[string(s[i:i+n])]; ok {
					for _, r := range t {
						if r != utf8.RuneError && (r >= 0x20 || r == '\t' || r == '\n') {
							out.WriteRune(r)
						}
					}
					i += n
					matched = true
					break
				}
			}
		}
		if !matched {
			i += f.lengths[0]
		}
	}
}
