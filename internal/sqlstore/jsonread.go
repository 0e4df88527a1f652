package sqlstore

import (
	"encoding/json"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/proximite/proximite"
)

// jsonReader reads JSON values from s. On anything unexpected it sets
// bad and stops: every later read then fails at once.
type jsonReader struct {
	s   string
	i   int
	bad bool
	buf []byte // scratch for strings with escapes and times
}

func (r *jsonReader) fail() {
	r.bad = true
	r.i = len(r.s)
}

func (r *jsonReader) ws() {
	for r.i < len(r.s) {
		switch r.s[r.i] {
		case ' ', '\t', '\n', '\r':
			r.i++
		default:
			return
		}
	}
}

// byte consumes c, after white space, if it comes next.
func (r *jsonReader) byte(c byte) bool {
	r.ws()
	if r.i < len(r.s) && r.s[r.i] == c {
		r.i++
		return true
	}
	return false
}

// null consumes a null if it comes next.
func (r *jsonReader) null() bool {
	r.ws()
	if len(r.s)-r.i >= 4 && r.s[r.i:r.i+4] == "null" {
		r.i += 4
		return true
	}
	return false
}

// object calls field with each key of an object, which must read the
// key's value. A null object calls nothing.
func (r *jsonReader) object(field func(key string)) {
	if r.null() {
		return
	}
	if !r.byte('{') {
		r.fail()
		return
	}
	if r.byte('}') {
		return
	}
	for !r.bad {
		var key string
		if r.ws(); r.i >= len(r.s) || r.s[r.i] != '"' {
			r.fail()
			return
		}
		if r.str(&key); !r.byte(':') {
			r.fail()
			return
		}
		field(key)
		if r.byte(',') {
			continue
		}
		if !r.byte('}') {
			r.fail()
		}
		return
	}
}

// array calls elem for each element of an array, with its index. It
// returns false for null, which leaves the slice nil.
func (r *jsonReader) array(elem func(i int)) bool {
	if r.null() {
		return false
	}
	if !r.byte('[') {
		r.fail()
		return false
	}
	if r.byte(']') {
		return true
	}
	for i := 0; !r.bad; i++ {
		elem(i)
		if r.byte(',') {
			continue
		}
		if !r.byte(']') {
			r.fail()
		}
		break
	}
	return true
}

// plain reads a string without escapes, invalid UTF-8 or control
// characters, which is then a slice of s; ok is false for any other.
func (r *jsonReader) plain() (string, bool) {
	r.ws()
	if r.i >= len(r.s) || r.s[r.i] != '"' {
		return "", false
	}
	start := r.i + 1
	for j := start; j < len(r.s); {
		c := r.s[j]
		switch {
		case c == '"':
			r.i = j + 1
			return r.s[start:j], true
		case c == '\\' || c < 0x20:
			return "", false
		case c >= utf8.RuneSelf:
			ch, size := utf8.DecodeRuneInString(r.s[j:])
			if ch == utf8.RuneError && size == 1 {
				return "", false
			}
			j += size
		default:
			j++
		}
	}
	return "", false
}

// str reads a string into *v; null leaves it as it is.
func (r *jsonReader) str(v *string) {
	if s, ok := r.string(); ok {
		*v = s
	}
}

// string reads a string; ok is false for null.
func (r *jsonReader) string() (string, bool) {
	if r.null() {
		return "", false
	}
	if s, ok := r.plain(); ok {
		return s, true
	}
	// Escapes, or something that is no plain string: encoding/json reads
	// the literal, or says it is not one.
	if r.i >= len(r.s) || r.s[r.i] != '"' {
		r.fail()
		return "", false
	}
	end := r.i + 1
	for end < len(r.s) && r.s[end] != '"' {
		if r.s[end] == '\\' {
			end++
		}
		end++
	}
	if end >= len(r.s) {
		r.fail()
		return "", false
	}
	r.buf = append(r.buf[:0], r.s[r.i:end+1]...)
	var out string
	if err := json.Unmarshal(r.buf, &out); err != nil {
		r.fail()
		return "", false
	}
	r.i = end + 1
	return out, true
}

// text reads a Text, which must not have been read before (encoding/json
// would merge the two).
func (r *jsonReader) text(t *proximite.Text) {
	if *t != nil {
		r.fail()
		return
	}
	if r.null() {
		return
	}
	m := proximite.Text{}
	r.object(func(lang string) {
		v, _ := r.string()
		m[lang] = v
	})
	*t = m
}

// number returns the literal of a JSON number, or fails.
func (r *jsonReader) number() string {
	r.ws()
	s, j := r.s, r.i
	digits := func() bool {
		k := j
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		return j > k
	}
	if j < len(s) && s[j] == '-' {
		j++
	}
	switch {
	case j < len(s) && s[j] == '0':
		j++
	case j < len(s) && s[j] >= '1' && s[j] <= '9':
		digits()
	default:
		r.fail()
		return ""
	}
	if j < len(s) && s[j] == '.' {
		if j++; !digits() {
			r.fail()
			return ""
		}
	}
	if j < len(s) && (s[j] == 'e' || s[j] == 'E') {
		if j++; j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if !digits() {
			r.fail()
			return ""
		}
	}
	lit := s[r.i:j]
	r.i = j
	return lit
}

func (r *jsonReader) float(v *float64) {
	if r.null() {
		return
	}
	f, err := strconv.ParseFloat(r.number(), 64)
	if err != nil {
		r.fail()
		return
	}
	*v = f
}

// floatPtr reads an optional number, which must not have been read before.
func (r *jsonReader) floatPtr(v **float64) {
	if *v != nil {
		r.fail()
		return
	}
	if r.null() {
		return
	}
	var f float64
	r.float(&f)
	*v = &f
}

func (r *jsonReader) int(v *int64) {
	if r.null() {
		return
	}
	n, err := strconv.ParseInt(r.number(), 10, 64)
	if err != nil {
		r.fail()
		return
	}
	*v = n
}

func (r *jsonReader) intSize(v *int) {
	if r.null() {
		return
	}
	var n int64
	r.int(&n)
	if int64(int(n)) != n {
		r.fail()
		return
	}
	*v = int(n)
}

func (r *jsonReader) bool(v *bool) {
	if r.null() {
		return
	}
	switch {
	case len(r.s)-r.i >= 4 && r.s[r.i:r.i+4] == "true":
		*v, r.i = true, r.i+4
	case len(r.s)-r.i >= 5 && r.s[r.i:r.i+5] == "false":
		*v, r.i = false, r.i+5
	default:
		r.fail()
	}
}

// time reads a time as time.Time.UnmarshalJSON does, which
// encoding/json calls.
func (r *jsonReader) time(t *time.Time) {
	if r.null() {
		return
	}
	s, ok := r.plain()
	if !ok {
		r.fail()
		return
	}
	r.buf = append(append(append(r.buf[:0], '"'), s...), '"')
	if err := t.UnmarshalJSON(r.buf); err != nil {
		r.fail()
	}
}

// readSlice reads an array into *v with elem reading each element; *v must
// not have been read before. An empty array gives an empty slice, not
// nil, as with encoding/json.
func readSlice[T any](r *jsonReader, v *[]T, elem func(*T)) {
	if *v != nil {
		r.fail()
		return
	}
	var out []T
	if r.array(func(i int) {
		var zero T
		out = append(out, zero)
		elem(&out[i])
	}) && out == nil {
		out = []T{}
	}
	*v = out
}
