package pdftext

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"sort"
	"strconv"
)

// doc is a PDF file read the forgiving way: every "N G obj" found in the
// bytes, in order, the last definition of a number winning, plus the
// objects packed in object streams. A damaged cross-reference table, the
// commonest damage, then costs nothing; a well-formed file reads the
// same as with the table.
type doc struct {
	objs   map[int]any
	budget *budget
	root   any
}

// budget bounds the work spent on one file: bytes decompressed, objects
// read, references followed and content operators run. Running out stops
// the extraction with what was read so far.
type budget struct {
	inflate int64 // bytes left to decompress
	steps   int   // objects, references and operators left
}

func (b *budget) step() bool {
	b.steps--
	return b.steps >= 0
}

var objRE = regexp.MustCompile(`(\d{1,10})\s+(\d{1,5})\s+obj\b`)

// maxObjects bounds the objects read from one file.
const maxObjects = 200000

func parse(data []byte, b *budget) *doc {
	d := &doc{objs: map[int]any{}, budget: b}
	locs := objRE.FindAllSubmatchIndex(data, maxObjects)
	// Where each "endstream" is, found once: a stream without a usable
	// length ends at the next one, and a file of many such streams must
	// not be searched to its end for each.
	var ends []int
	for _, e := range endstreamRE.FindAllIndex(data, maxObjects) {
		ends = append(ends, e[0])
	}
	for i, loc := range locs {
		if !b.step() {
			break
		}
		num, err := strconv.Atoi(string(data[loc[2]:loc[3]]))
		if err != nil {
			continue
		}
		// An object is read no further than where the next one starts, so
		// that every byte is read once however the objects are laid out
		// (a string or a comment that never ends does not run on over
		// the objects after it).
		end := len(data)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		l := &lexer{b: data[:end], pos: loc[1], bud: b}
		v, ok := l.object(0)
		if !ok {
			continue
		}
		if dd, isDict := v.(dict); isDict {
			// The data of a stream may hold anything, even what looks
			// like the start of an object: it is read in the whole file.
			if s, ok := streamAfter(&lexer{b: data, pos: l.pos, bud: b}, dd, ends); ok {
				v = s
			}
		}
		d.objs[num] = v
	}
	// Objects inside object streams (PDF 1.5) come after, unless the
	// file defines them directly too.
	for num, v := range d.objs {
		s, ok := v.(stream)
		if !ok || s.dict[name("Type")] != name("ObjStm") {
			continue
		}
		d.unpack(num, s)
	}
	// The catalogue: from a trailer, else the first /Type /Catalog.
	for _, t := range trailers(data) {
		if r, ok := t[name("Root")]; ok {
			d.root = r
		}
	}
	if d.root == nil {
		for _, v := range d.objs {
			if dd, ok := v.(dict); ok && dd[name("Type")] == name("Catalog") {
				d.root = dd
				break
			}
		}
	}
	return d
}

var endstreamRE = regexp.MustCompile(`endstream`)

// streamAfter reads the data of a stream whose dictionary l has just
// read: /Length when it is a number that lands on "endstream", else up to
// the next "endstream" (ends lists where each is).
func streamAfter(l *lexer, d dict, ends []int) (stream, bool) {
	save := l.pos
	tok, ok := l.token()
	if !ok || tok != keyword("stream") {
		l.pos = save
		return stream{}, false
	}
	p := l.pos
	if p < len(l.b) && l.b[p] == '\r' {
		p++
	}
	if p < len(l.b) && l.b[p] == '\n' {
		p++
	}
	if n, ok := d[name("Length")].(int); ok && n >= 0 && n <= len(l.b)-p {
		rest := bytes.TrimLeft(l.b[p+n:min(len(l.b), p+n+32)], " \r\n\t")
		if bytes.HasPrefix(rest, []byte("endstream")) {
			return stream{dict: d, data: l.b[p : p+n]}, true
		}
	}
	i := sort.SearchInts(ends, p)
	if i == len(ends) {
		return stream{dict: d, data: l.b[p:]}, true
	}
	return stream{dict: d, data: bytes.TrimRight(l.b[p:ends[i]], "\r\n")}, true
}

var trailerRE = regexp.MustCompile(`trailer\s*<<`)

// trailers returns the trailer dictionaries of the file, and the
// dictionaries of its cross-reference streams, in order.
func trailers(data []byte) []dict {
	var out []dict
	for _, loc := range trailerRE.FindAllIndex(data, 64) {
		l := &lexer{b: data, pos: loc[1] - 2, bud: &budget{steps: maxItems}}
		if v, ok := l.object(0); ok {
			if d, ok := v.(dict); ok {
				out = append(out, d)
			}
		}
	}
	return out
}

// unpack reads the objects of an object stream.
func (d *doc) unpack(num int, s stream) {
	data := d.decode(s)
	n, _ := s.dict[name("N")].(int)
	first, _ := s.dict[name("First")].(int)
	if data == nil || n <= 0 || first < 0 || first > len(data) {
		return
	}
	l := &lexer{b: data[:first], bud: d.budget}
	type entry struct{ num, off, end int }
	var entries []entry
	for i := 0; i < n && i < maxObjects; i++ {
		a, ok1 := l.token()
		b, ok2 := l.token()
		an, okA := a.(int)
		bn, okB := b.(int)
		if !ok1 || !ok2 || !okA || !okB {
			break
		}
		entries = append(entries, entry{num: an, off: bn})
	}
	// Each object ends where the next begins, as in the file.
	sort.Slice(entries, func(i, j int) bool { return entries[i].off < entries[j].off })
	for i := range entries {
		entries[i].end = len(data)
		if i+1 < len(entries) && first+entries[i+1].off <= len(data) {
			entries[i].end = first + entries[i+1].off
		}
	}
	for _, e := range entries {
		if !d.budget.step() {
			return
		}
		if _, defined := d.objs[e.num]; defined || e.off < 0 || first+e.off >= e.end {
			continue
		}
		l := &lexer{b: data[:e.end], pos: first + e.off, bud: d.budget}
		if v, ok := l.object(0); ok {
			d.objs[e.num] = v
		}
	}
}

// resolve follows references, a bounded number of times.
func (d *doc) resolve(v any) any {
	for i := 0; i < 32; i++ {
		r, ok := v.(ref)
		if !ok {
			return v
		}
		if !d.budget.step() {
			return nil
		}
		v = d.objs[r.num]
	}
	return nil
}

func (d *doc) dict(v any) dict {
	switch x := d.resolve(v).(type) {
	case dict:
		return x
	case stream:
		return x.dict
	}
	return nil
}

// decode returns the decoded data of a stream: no filter, or FlateDecode
// (what every PDF writer uses for text). Other filters give nil: their
// text is not read. A damaged stream gives what inflated before the
// damage.
func (d *doc) decode(s stream) []byte {
	filters := []any{}
	switch f := d.resolve(s.dict[name("Filter")]).(type) {
	case name:
		filters = append(filters, f)
	case array:
		filters = f
	}
	data := s.data
	for _, f := range filters {
		switch d.resolve(f) {
		case name("FlateDecode"), name("Fl"):
			if d.budget.inflate <= 0 {
				return nil
			}
			zr, err := zlib.NewReader(bytes.NewReader(data))
			if err != nil {
				return nil
			}
			out, _ := io.ReadAll(io.LimitReader(zr, d.budget.inflate))
			d.budget.inflate -= int64(len(out))
			data = out
		default:
			return nil
		}
	}
	return data
}
