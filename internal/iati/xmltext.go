package iati

import (
	"encoding/xml"
	"fmt"
	"io"
	"unicode/utf8"
)

// textPlain and attrPlain mark the bytes that character data and
// attribute values copy as they are, a run at a time: printable ASCII but
// for markup. Every other byte goes through the decoder's rules one by
// one.
var textPlain, attrPlain [256]bool

func init() {
	for c := 0x20; c < 0x7F; c++ {
		switch c {
		case '<', '&':
		case '>', ']': // they may end a CDATA section
			attrPlain[c] = true
		case '"', '\'':
			textPlain[c] = true
		default:
			textPlain[c], attrPlain[c] = true, true
		}
	}
	textPlain['\t'], attrPlain['\t'] = true, true
}

// readText appends to *dst the character data that starts here, as the
// decoder's text does: up to a '<' (left unread), the closing quote of an
// attribute value when quote is one, or "]]>" in a CDATA section;
// entities and character references replaced, "\r\n" and "\r" made
// "\n". Like the decoder, it checks that the characters are allowed in
// XML once the whole text is read, and reports the first that is not.
func (s *scanner) readText(dst *[]byte, quote int, cdata bool) bool {
	var ok bool
	*dst, ok = s.appendText(*dst, quote, cdata)
	return ok
}

func (s *scanner) appendText(out []byte, quote int, cdata bool) ([]byte, bool) {
	plain := &textPlain
	if quote >= 0 {
		plain = &attrPlain
	}
	var b0, b1 byte // the two bytes before, for "]]>" and "\r\n"
	invalid := ""   // the first character that XML does not allow
	for {
		// A "\n" goes in a run too, but for one after a "\r".
		if i := s.r; i < len(s.buf) && (plain[s.buf[i]] || s.buf[i] == '\n' && b1 != '\r') {
			for i < len(s.buf) {
				if c := s.buf[i]; !plain[c] {
					if c != '\n' {
						break
					}
					s.line++
				}
				i++
			}
			run := s.buf[s.r:i]
			out = append(out, run...)
			b0 = b1
			if len(run) >= 2 {
				b0 = run[len(run)-2]
			}
			b1 = run[len(run)-1]
			s.r = i
		}
		b, ok := s.getc()
		if !ok {
			if cdata {
				if s.err == io.EOF {
					s.err = s.syntaxError("unexpected EOF in CDATA section")
				}
				return out, false
			}
			break
		}
		if quote < 0 && b0 == ']' && b1 == ']' && b == '>' {
			if cdata {
				out = out[:len(out)-2]
				break
			}
			s.err = s.syntaxError("unescaped ]]> not in CDATA section")
			return out, false
		}
		if b == '<' && !cdata {
			if quote >= 0 {
				s.err = s.syntaxError("unescaped < inside quoted string")
				return out, false
			}
			s.ungetc()
			break
		}
		if quote >= 0 && b == byte(quote) {
			break
		}
		if b == '&' && !cdata {
			if out, ok = s.entity(out, &invalid); !ok {
				return out, false
			}
			b0, b1 = 0, 0
			continue
		}
		switch {
		case b == '\r':
			out = append(out, '\n')
		case b1 == '\r' && b == '\n':
		case b >= utf8.RuneSelf:
			// The whole character, checked as the decoder checks its
			// text; the input may end in the middle of it.
			for !utf8.FullRune(s.buf[s.r-1:]) && s.more() {
			}
			r, size := utf8.DecodeRune(s.buf[s.r-1:])
			if size == 1 && r == utf8.RuneError {
				setInvalid(&invalid, "invalid UTF-8")
			} else {
				checkRune(&invalid, r)
			}
			out = append(out, s.buf[s.r-1:s.r-1+size]...)
			s.r += size - 1
			b = s.buf[s.r-1]
		default:
			checkRune(&invalid, rune(b))
			out = append(out, b)
		}
		b0, b1 = b1, b
	}
	if invalid != "" {
		s.err = s.syntaxError(invalid)
		return out, false
	}
	return out, true
}

func setInvalid(invalid *string, msg string) {
	if *invalid == "" {
		*invalid = msg
	}
}

// checkRune notes r when XML does not allow it (its Char production).
func checkRune(invalid *string, r rune) {
	if !(r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF) {
		setInvalid(invalid, fmt.Sprintf("illegal character code %U", r))
	}
}

// entity reads the entity or character reference after a '&' and
// appends what it stands for: the five XML entities, the HTML ones (such
// as &nbsp;, found in files exported from web tools), decimal and
// hexadecimal references. Anything else is an error, as in the decoder.
func (s *scanner) entity(out []byte, invalid *string) ([]byte, bool) {
	before := len(out)
	out = append(out, '&')
	var text string
	haveText := false
	b, ok := s.mustgetc()
	if !ok {
		return out, false
	}
	if b == '#' {
		out = append(out, b)
		if b, ok = s.mustgetc(); !ok {
			return out, false
		}
		base := uint64(10)
		if b == 'x' {
			base = 16
			out = append(out, b)
			if b, ok = s.mustgetc(); !ok {
				return out, false
			}
		}
		start := len(out)
		for '0' <= b && b <= '9' || base == 16 && ('a' <= b && b <= 'f' || 'A' <= b && b <= 'F') {
			out = append(out, b)
			if b, ok = s.mustgetc(); !ok {
				return out, false
			}
		}
		if b != ';' {
			s.ungetc()
		} else {
			n, ok := parseRef(out[start:], base)
			out = append(out, ';')
			if ok {
				text, haveText = string(rune(n)), true
			}
		}
	} else {
		s.ungetc()
		if out, ok = s.appendName(out); !ok {
			return out, false
		}
		if b, ok = s.mustgetc(); !ok {
			return out, false
		}
		if b != ';' {
			s.ungetc()
		} else if name := out[before+1:]; isName(name) {
			switch string(name) {
			case "lt":
				text, haveText = "<", true
			case "gt":
				text, haveText = ">", true
			case "amp":
				text, haveText = "&", true
			case "apos":
				text, haveText = "'", true
			case "quot":
				text, haveText = `"`, true
			default:
				text, haveText = xml.HTMLEntity[string(name)]
			}
			out = append(out, ';')
		} else {
			out = append(out, ';')
		}
	}
	if haveText {
		for _, r := range text {
			checkRune(invalid, r)
		}
		return append(out[:before], text...), true
	}
	ent := string(out[before:])
	if ent[len(ent)-1] != ';' {
		ent += " (no semicolon)"
	}
	s.err = s.syntaxError("invalid character entity " + ent)
	return out, false
}

// parseRef parses the digits of a character reference, false when there
// are none or their value is past the last Unicode character.
func parseRef(digits []byte, base uint64) (uint64, bool) {
	var n uint64
	for _, c := range digits {
		d := uint64(c - '0')
		switch {
		case 'a' <= c && c <= 'f':
			d = uint64(c-'a') + 10
		case 'A' <= c && c <= 'F':
			d = uint64(c-'A') + 10
		}
		if n = n*base + d; n > utf8.MaxRune {
			return 0, false
		}
	}
	return n, len(digits) > 0
}
