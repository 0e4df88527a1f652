package pdftext

import (
	"bytes"
	"strconv"
)

// The objects of a PDF file as the extractor needs them. A reference
// stays a reference until something follows it, so that a loop of
// references costs nothing until it is walked (with a bound).
type (
	name  string
	str   []byte
	array []any
	dict  map[name]any
	ref   struct{ num, gen int }
	// stream is a dictionary with its raw (still encoded) data.
	stream struct {
		dict dict
		data []byte
	}
	// keyword is a bare word: an operator in a content stream, or
	// obj/endobj/stream/R in the file.
	keyword string
)

// maxDepth bounds the nesting of arrays and dictionaries: a file of
// "[[[[…" must not exhaust the stack.
const maxDepth = 64

// maxItems bounds what one array or dictionary keeps: a file of fifty
// megabytes of "[1 1 1 …" is read through, not held in memory.
const maxItems = 1 << 16

// lexer reads PDF tokens from b. It never panics on malformed input: at
// the end or on garbage it returns nil values and moves on.
type lexer struct {
	b   []byte
	pos int
	// bud, when set, is charged one step per token: objects found inside
	// other objects are read again from their own start, and a crafted
	// file must not make that quadratic.
	bud *budget
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// skip passes over white space and comments.
func (l *lexer) skip() {
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		if isSpace(c) {
			l.pos++
		} else if c == '%' {
			for l.pos < len(l.b) && l.b[l.pos] != '\n' && l.b[l.pos] != '\r' {
				l.pos++
			}
		} else {
			return
		}
	}
}

// token reads one token: a number (int or float64), a name, a string,
// keyword, or a delimiter as a keyword ("[", "]", "<<", ">>"). ok is false
// at the end of the input.
func (l *lexer) token() (tok any, ok bool) {
	if l.bud != nil && !l.bud.step() {
		return nil, false
	}
	l.skip()
	if l.pos >= len(l.b) {
		return nil, false
	}
	c := l.b[l.pos]
	switch {
	case c == '/':
		l.pos++
		start := l.pos
		for l.pos < len(l.b) && !isSpace(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
			l.pos++
		}
		return name(unescapeName(l.b[start:l.pos])), true
	case c == '(':
		return l.literal(), true
	case c == '<':
		if l.pos+1 < len(l.b) && l.b[l.pos+1] == '<' {
			l.pos += 2
			return keyword("<<"), true
		}
		return l.hex(), true
	case c == '>':
		if l.pos+1 < len(l.b) && l.b[l.pos+1] == '>' {
			l.pos += 2
			return keyword(">>"), true
		}
		l.pos++
		return keyword(">"), true
	case c == '[' || c == ']' || c == '{' || c == '}' || c == ')':
		l.pos++
		return keyword(c), true
	}
	start := l.pos
	for l.pos < len(l.b) && !isSpace(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
		l.pos++
	}
	w := l.b[start:l.pos]
	if len(w) > 0 && (w[0] >= '0' && w[0] <= '9' || w[0] == '-' || w[0] == '+' || w[0] == '.') {
		if n, err := strconv.Atoi(string(w)); err == nil {
			return n, true
		}
		if f, err := strconv.ParseFloat(string(w), 64); err == nil {
			return f, true
		}
	}
	return keyword(w), true
}

func unescapeName(b []byte) string {
	if bytes.IndexByte(b, '#') < 0 {
		return string(b)
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] == '#' && i+2 < len(b) {
			if v, err := strconv.ParseUint(string(b[i+1:i+3]), 16, 8); err == nil {
				out = append(out, byte(v))
				i += 2
				continue
			}
		}
		out = append(out, b[i])
	}
	return string(out)
}

// literal reads a (string) with its escapes and balanced parentheses.
func (l *lexer) literal() str {
	l.pos++ // (
	depth := 1
	var out []byte
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return out
			}
		case '\\':
			if l.pos >= len(l.b) {
				return out
			}
			e := l.b[l.pos]
			l.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if l.pos < len(l.b) && l.b[l.pos] == '\n' {
					l.pos++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '7'; k++ {
						v = v*8 + int(l.b[l.pos]-'0')
						l.pos++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return out
}

// hex reads a <hex string>; an odd last digit counts as followed by 0.
func (l *lexer) hex() str {
	l.pos++ // <
	var out []byte
	var hi byte
	half := false
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		var v byte
		switch {
		case c == '>':
			if half {
				out = append(out, hi<<4)
			}
			return out
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v = c - 'A' + 10
		default:
			continue
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	return out
}

// object reads one object: the token, or for "[" and "<<" the whole
// array or dictionary, and "N G R" as a reference. A dictionary followed
// by "stream" is returned as a dict; the caller reads the data.
func (l *lexer) object(depth int) (any, bool) {
	tok, ok := l.token()
	if !ok {
		return nil, false
	}
	return l.compose(tok, depth)
}

func (l *lexer) compose(tok any, depth int) (any, bool) {
	switch t := tok.(type) {
	case keyword:
		switch t {
		case "[":
			if depth >= maxDepth {
				return nil, false
			}
			var a array
			for {
				save := l.pos
				tok, ok := l.token()
				if !ok {
					return a, true
				}
				if tok == keyword("]") {
					return a, true
				}
				if tok == keyword(">>") || tok == keyword("endobj") || tok == keyword("stream") {
					l.pos = save
					return a, true
				}
				v, ok := l.compose(tok, depth+1)
				if !ok {
					return a, true
				}
				if v = l.reference(v); len(a) < maxItems {
					a = append(a, v)
				}
			}
		case "<<":
			if depth >= maxDepth {
				return nil, false
			}
			d := dict{}
			for {
				save := l.pos
				tok, ok := l.token()
				if !ok || tok == keyword(">>") {
					return d, true
				}
				k, isName := tok.(name)
				if !isName {
					if tok == keyword("endobj") || tok == keyword("stream") {
						l.pos = save
						return d, true
					}
					continue
				}
				v, ok := l.object(depth + 1)
				if !ok {
					return d, true
				}
				if v = l.reference(v); len(d) < maxItems {
					d[k] = v
				}
			}
		case "null":
			return nil, true
		case "true":
			return true, true
		case "false":
			return false, true
		}
	}
	return tok, true
}

// reference turns an integer followed by "G R" into a reference.
func (l *lexer) reference(v any) any {
	n, ok := v.(int)
	if !ok {
		return v
	}
	save := l.pos
	g, ok := l.token()
	if gen, isInt := g.(int); ok && isInt {
		if r, ok := l.token(); ok && r == keyword("R") {
			return ref{n, gen}
		}
	}
	l.pos = save
	return v
}
