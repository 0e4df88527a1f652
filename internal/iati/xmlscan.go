package iati

import (
	"errors"
	"io"
	"strings"
)

// scanner splits an XML stream into the raw tokens the reader needs. It
// follows encoding/xml's Decoder.RawToken byte for byte, in what it
// accepts, what it refuses and on which line, but reads from a buffer of
// its own instead of one interface call per byte, returns tokens without
// interfaces, and interns element and attribute names, so that reading an
// activity costs a fraction of the decoder's time and allocations.
type scanner struct {
	src  io.Reader
	buf  []byte
	r    int   // next byte in buf
	base int64 // stream offset of buf[0]
	eof  bool  // src has nothing more; rerr when it failed
	rerr error
	line int
	err  error // sticky, like the decoder's

	needClose bool   // the last start tag was self-closing: its end comes next
	expect    *xname // the name of the innermost open element, if known

	// The current token: name for start and end tags, attrs for start
	// tags (their values in vals), text for character data.
	name  *xname
	attrs []xattr
	vals  []byte
	text  []byte

	names   symtab[*xname]
	values  symtab[string]
	scratch []byte
}

type tokenKind uint8

const (
	tokStart tokenKind = iota
	tokEnd
	tokText
	tokOther // comment, processing instruction, directive
)

// newScanner reads src, after a UTF-8 byte order mark if it has one.
func newScanner(src io.Reader) *scanner {
	s := &scanner{src: src, buf: make([]byte, 0, 64<<10), line: 1}
	for len(s.buf) < 3 && s.more() {
	}
	if strings.HasPrefix(string(s.buf), "\uFEFF") { // a UTF-8 byte order mark
		s.r, s.base = 3, -3
	}
	return s
}

// offset returns the number of bytes read, as Decoder.InputOffset does.
func (s *scanner) offset() int64 { return s.base + int64(s.r) }

// more reads more input, keeping the last byte read so that it can be
// unread. It reports false when the input has nothing more.
func (s *scanner) more() bool {
	if keep := s.r - 1; keep > 0 {
		n := copy(s.buf, s.buf[keep:])
		s.buf, s.r, s.base = s.buf[:n], s.r-keep, s.base+int64(keep)
	}
	if len(s.buf) == cap(s.buf) {
		s.buf = append(s.buf, 0)[:len(s.buf)]
	}
	for tries := 0; !s.eof; tries++ {
		n, err := s.src.Read(s.buf[len(s.buf):cap(s.buf)])
		s.buf = s.buf[:len(s.buf)+n]
		if err == nil && n == 0 && tries >= 100 {
			err = io.ErrNoProgress
		}
		if err != nil {
			s.eof = true
			if err != io.EOF {
				s.rerr = err
			}
		}
		if n > 0 {
			return true
		}
	}
	return false
}

// getc reads a byte, counting lines, as the decoder's getc does; false
// when the input ends or failed (s.err says which).
func (s *scanner) getc() (byte, bool) {
	if s.r < len(s.buf) { // s.err is only set once the input is read
		b := s.buf[s.r]
		s.r++
		if b == '\n' {
			s.line++
		}
		return b, true
	}
	return s.getcMore()
}

func (s *scanner) getcMore() (byte, bool) {
	if s.err == nil && s.more() {
		return s.getc()
	}
	if s.err == nil {
		s.err = io.EOF
		if s.rerr != nil {
			s.err = s.rerr
		}
	}
	return 0, false
}

// mustgetc is getc where the input must go on: its end is an error.
func (s *scanner) mustgetc() (byte, bool) {
	if s.r < len(s.buf) { // s.err is only set once the input is read
		b := s.buf[s.r]
		s.r++
		if b == '\n' {
			s.line++
		}
		return b, true
	}
	b, ok := s.getcMore()
	if !ok && s.err == io.EOF {
		s.err = s.syntaxError("unexpected EOF")
	}
	return b, ok
}

// ungetc unreads the last byte read; more keeps it in the buffer.
func (s *scanner) ungetc() {
	s.r--
	if s.buf[s.r] == '\n' {
		s.line--
	}
}

// syntaxError is the error for broken XML; the reader adds the line.
func (s *scanner) syntaxError(msg string) error { return errors.New(msg) }

// space skips white space.
func (s *scanner) space() {
	for s.r < len(s.buf) {
		switch s.buf[s.r] {
		case '\n':
			s.line++
		case ' ', '\r', '\t':
		default:
			return
		}
		s.r++
	}
	for {
		b, ok := s.getc()
		if !ok {
			return
		}
		if b != ' ' && b != '\r' && b != '\n' && b != '\t' {
			s.ungetc()
			return
		}
	}
}

// next reads the next token; io.EOF when the input ends between tokens.
func (s *scanner) next() (tokenKind, error) {
	if s.err != nil {
		return 0, s.err
	}
	if s.needClose {
		s.needClose = false
		return tokEnd, nil
	}
	b, ok := s.getc()
	if !ok {
		return 0, s.err
	}
	if b != '<' {
		s.ungetc()
		s.text = s.text[:0]
		if !s.readText(&s.text, -1, false) {
			return 0, s.err
		}
		return tokText, nil
	}
	if b, ok = s.mustgetc(); !ok {
		return 0, s.err
	}
	switch b {
	case '/':
		if s.name, ok = s.nsname(); !ok {
			return 0, s.fail("expected element name after </")
		}
		s.space()
		if b, ok = s.mustgetc(); !ok {
			return 0, s.err
		}
		if b != '>' {
			return 0, s.fail("invalid characters between </" + s.name.local + " and >")
		}
		return tokEnd, nil
	case '?':
		return s.procInst()
	case '!':
		return s.bang()
	}
	s.ungetc()
	if s.name, ok = s.nsname(); !ok {
		return 0, s.fail("expected element name after <")
	}
	s.attrs, s.vals = s.attrs[:0], s.vals[:0]
	for {
		s.space()
		if b, ok = s.mustgetc(); !ok {
			return 0, s.err
		}
		if b == '/' {
			if b, ok = s.mustgetc(); !ok {
				return 0, s.err
			}
			if b != '>' {
				return 0, s.fail("expected /> in element")
			}
			s.needClose = true
			return tokStart, nil
		}
		if b == '>' {
			return tokStart, nil
		}
		s.ungetc()
		a := xattr{}
		if a.name, ok = s.nsname(); !ok {
			return 0, s.fail("expected attribute name in element")
		}
		s.space()
		if b, ok = s.mustgetc(); !ok {
			return 0, s.err
		}
		if b != '=' {
			return 0, s.fail("attribute name without = in element")
		}
		s.space()
		if b, ok = s.mustgetc(); !ok {
			return 0, s.err
		}
		if b != '"' && b != '\'' {
			return 0, s.fail("unquoted or missing attribute value in element")
		}
		a.start = len(s.vals)
		if !s.readText(&s.vals, int(b), false) {
			return 0, s.err
		}
		a.end = len(s.vals)
		s.attrs = append(s.attrs, a)
	}
}

// fail sets the error msg unless reading already failed.
func (s *scanner) fail(msg string) error {
	if s.err == nil {
		s.err = s.syntaxError(msg)
	}
	return s.err
}

// value returns the value of attribute a, interning short ones: codes,
// dates and languages repeat from one element to the next.
func (s *scanner) value(a xattr) string {
	return s.intern(s.vals[a.start:a.end])
}

// intern returns b as a string, the same string for the same short b.
func (s *scanner) intern(b []byte) string {
	if len(b) > maxInternedSize || len(b) == 0 {
		return string(b)
	}
	str, slot, ok := s.values.lookup(b)
	if !ok {
		str = string(b)
		s.values.add(slot, str, str)
	}
	return str
}
