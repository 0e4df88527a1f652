// Package iati reads IATI activity files (versions 1.01 to 2.03) into the
// registry's projects, one activity in memory at a time, and writes the
// registry's projects as IATI 2.03 activities.
package iati

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

// FileError is a problem that stops the reading of a whole file: it is not
// XML, not an IATI activity file, or its XML breaks at Line.
type FileError struct {
	Line   int
	Reason string
}

// Error implements the error interface.
func (e *FileError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, e.Reason)
	}
	return e.Reason
}

// MaxActivityBytes and MaxActivityElements bound the size of one
// activity. Real activities weigh a few kilobytes to a few hundred, with
// at most a few thousand elements; a bigger one is refused rather than
// held in memory, so that no file can exhaust it.
const (
	MaxActivityBytes    = 32 << 20
	MaxActivityElements = 200_000
)

// Reader reads the activities of one IATI file in order. It never holds
// more than one activity: the file may be of any size.
type Reader struct {
	s *scanner
	// Version is the version the file declares ("2.03", "1.01"…), empty
	// when it declares none.
	Version string
	// space is the namespace of the root element: IATI elements carry it
	// (none in practice), other elements are extensions and are skipped.
	space    string
	lang     string // the root's xml:lang, a default for activities
	currency string // the root's default-currency, rarely set
	single   bool   // the root is itself an <iati-activity>
	started  bool
	done     bool
	root     *node // the single activity's element, once its start is read
	stack    []open
	skipped  []*xname
	// The kids of the open elements, and room for nodes, attributes
	// and kids, allocated a chunk at a time rather than one by one.
	kids      []*node
	nodes     []node
	attrs     []attr
	kidChunks []*node
}

// NewReader returns a reader of the IATI activity file r. A UTF-8 byte
// order mark is skipped, and files that declare ISO-8859-1 or
// Windows-1252 are decoded.
func NewReader(r io.Reader) *Reader {
	return &Reader{s: newScanner(r)}
}

// Offset returns the number of bytes read so far, for progress reports.
func (r *Reader) Offset() int64 { return r.s.offset() }

// line returns the current line of the input: the line where the last
// token ends.
func (r *Reader) line() int { return r.s.line }

// start reads up to the root element and checks that it is an IATI
// activity file.
func (r *Reader) start() error {
	r.started = true
	for {
		tok, err := r.s.next()
		if err == io.EOF {
			return &FileError{Reason: "not an XML file: it holds no element"}
		} else if err != nil {
			return &FileError{Line: r.line(), Reason: "not an XML file, or a broken one: " + err.Error()}
		}
		if tok != tokStart {
			continue
		}
		el := r.s.name
		switch el.local {
		case "iati-activities", "iati-activity":
		case "iati-organisations", "iati-organisation":
			return &FileError{Line: r.line(), Reason: "an IATI organisation file, not an activity file"}
		default:
			return &FileError{Line: r.line(), Reason: fmt.Sprintf(
				"not an IATI activity file: the root element is <%s>, not <iati-activities>", el.local)}
		}
		r.space = el.space
		for _, a := range r.s.attrs {
			switch {
			case a.name.lang:
				r.lang = r.s.value(a)
			case a.name.space == "" && a.name.local == "version":
				r.Version = strings.TrimSpace(r.s.value(a))
			case a.name.space == "" && a.name.local == "default-currency":
				r.currency = r.s.value(a)
			}
		}
		if el.local == "iati-activity" {
			r.single, r.root = true, r.newNode()
		}
		return nil
	}
}

// Next returns the next activity, io.EOF after the last one, or a
// *FileError when the file cannot be read further. An activity that
// cannot become a project is returned with its Err set, so that the
// caller can report it and go on.
func (r *Reader) Next() (*Activity, error) {
	n, err := r.nextNode()
	if err != nil {
		return nil, err
	}
	return r.activity(n), nil
}

// nextNode reads the next activity element as a tree.
func (r *Reader) nextNode() (*node, error) {
	if !r.started {
		if err := r.start(); err != nil {
			r.done = true
			return nil, err
		}
	}
	if r.done {
		return nil, io.EOF
	}
	if r.single {
		r.done = true
		n, err := r.element(r.root)
		if err != nil {
			return nil, err
		}
		return n, nil
	}
	for {
		tok, err := r.s.next()
		if err == io.EOF {
			r.done = true
			return nil, &FileError{Line: r.line(), Reason: "the file ends before </iati-activities>: it was cut short"}
		} else if err != nil {
			r.done = true
			return nil, &FileError{Line: r.line(), Reason: "broken XML: " + err.Error()}
		}
		el := r.s.name
		switch tok {
		case tokStart:
			if el.local != "iati-activity" || el.space != r.space {
				// Registry records and extensions between activities.
				if err := r.skip(el); err != nil {
					r.done = true
					return nil, &FileError{Line: r.line(), Reason: "broken XML: " + err.Error()}
				}
				continue
			}
			n, err := r.element(r.newNode())
			if err != nil {
				r.done = true
				return nil, err
			}
			return n, nil
		case tokEnd:
			r.done = true
			if el.local != "iati-activities" {
				return nil, &FileError{Line: r.line(), Reason: fmt.Sprintf(
					"broken XML: <iati-activities> closed by </%s>", el.qname())}
			}
			return nil, io.EOF
		}
	}
}

// activity maps an activity element, or describes why it is too big.
func (r *Reader) activity(n *node) *Activity {
	if n.name == "" { // see element: over the limits
		a := &Activity{Line: n.line, Identifier: n.text}
		a.Err = fmt.Errorf("the activity is too large: over %d MB or %d elements", MaxActivityBytes>>20, MaxActivityElements)
		return a
	}
	return mapActivity(n, r.lang, r.currency)
}

// open is an element being read, with the text it gathers; its kids
// are r.kids[kids:], once those of its open kid are let go.
type open struct {
	n    *node
	name *xname
	text []byte
	kids int
}

// element reads the element whose start tag made root, up to its end, as
// a tree. Extension elements (another namespace) are skipped; so is
// everything once the activity passes the limits above, and it is then
// returned as a node without a name. Each open element gathers its text
// in a buffer of its own, so that text mixed with many children costs
// linear time; the buffers are kept from one activity to the next.
func (r *Reader) element(root *node) (*node, error) {
	begin := r.s.offset()
	elements := 1
	stack := r.stack[:0]
	if cap(stack) == 0 {
		stack = make([]open, 0, 16)
	}
	stack = stack[:1]
	stack[0] = open{n: root, name: r.s.name, text: stack[0].text[:0]}
	r.kids = r.kids[:0]
	// The chunks are not shared with the next activity: a chunk of both
	// would keep this one alive, and that one the one before, and so on.
	defer func() { r.nodes, r.attrs, r.kidChunks = nil, nil, nil }()
	defer func() { r.stack = stack[:0] }()
	tooBig := false
	for len(stack) > 0 {
		r.s.expect = stack[len(stack)-1].name
		tok, err := r.s.next()
		if err == io.EOF {
			return nil, &FileError{Line: r.line(), Reason: "the file ends inside an activity: it was cut short"}
		} else if err != nil {
			return nil, &FileError{Line: r.line(), Reason: "broken XML: " + err.Error()}
		}
		top := &stack[len(stack)-1]
		switch tok {
		case tokStart:
			if r.s.name.space != r.space || tooBig {
				if err := r.skip(r.s.name); err != nil {
					return nil, &FileError{Line: r.line(), Reason: "broken XML: " + err.Error()}
				}
				continue
			}
			n := r.newNode()
			elements++
			r.kids = append(r.kids, n)
			if len(stack) < cap(stack) {
				stack = stack[:len(stack)+1]
			} else {
				stack = append(stack, open{})
			}
			o := &stack[len(stack)-1]
			o.n, o.name, o.text, o.kids = n, r.s.name, o.text[:0], len(r.kids)
		case tokText:
			// Blanks before any text would be trimmed: they are let go
			// at once.
			if !tooBig && (len(top.text) > 0 || !blank(r.s.text)) {
				top.text = append(top.text, r.s.text...)
			}
		case tokEnd:
			if t := r.s.name; t.space != r.space || (top.n.name != "" && t.lower != top.n.name) {
				return nil, &FileError{Line: r.line(), Reason: fmt.Sprintf(
					"broken XML: element <%s> closed by </%s>", top.n.name, t.local)}
			}
			if text := bytes.TrimSpace(top.text); len(text) > 0 {
				top.n.text = r.s.intern(text)
			}
			if !tooBig {
				top.n.kids = r.kidSlice(r.kids[top.kids:])
				r.kids = r.kids[:top.kids]
			}
			top.n = nil
			stack = stack[:len(stack)-1]
		}
		if !tooBig && len(stack) > 0 && (elements > MaxActivityElements || r.s.offset()-begin > MaxActivityBytes) {
			tooBig = true
			// The open elements still get their end tags; only what
			// hangs from the root is let go, and the root keeps the
			// identifier as its text.
			kids := r.kids[stack[0].kids:]
			if len(stack) > 1 {
				kids = r.kids[stack[0].kids : stack[1].kids-1]
			}
			id := (&node{kids: kids}).child("iati-identifier").value()
			root.kids, root.name = nil, ""
			stack[0].text = append(stack[0].text[:0], id...)
		}
	}
	return root, nil
}

// newNode makes the node of the start tag just read, on the line where
// the tag ends, as the decoder placed it.
func (r *Reader) newNode() *node {
	if len(r.nodes) == 0 {
		r.nodes = make([]node, 64)
	}
	n := &r.nodes[0]
	r.nodes = r.nodes[1:]
	n.name, n.line = r.s.name.lower, r.line()
	if k := len(r.s.attrs); k > 0 {
		if len(r.attrs) < k {
			r.attrs = make([]attr, max(k, 128))
		}
		n.attrs, r.attrs = r.attrs[:0:k], r.attrs[k:]
	}
	for _, a := range r.s.attrs {
		switch {
		case a.name.lang:
			n.attrs = append(n.attrs, attr{langAttr, r.s.value(a)})
		case a.name.space == "":
			n.attrs = append(n.attrs, attr{a.name.local, r.s.value(a)})
		}
	}
	return n
}

// kidSlice copies kids into room of its own, nil when there are none.
func (r *Reader) kidSlice(kids []*node) []*node {
	if len(kids) == 0 {
		return nil
	}
	if len(r.kidChunks) < len(kids) {
		r.kidChunks = make([]*node, max(len(kids), 256))
	}
	out := r.kidChunks[:len(kids):len(kids)]
	r.kidChunks = r.kidChunks[len(kids):]
	copy(out, kids)
	return out
}

// blank reports whether text holds nothing but ASCII white space.
func blank(text []byte) bool {
	for _, c := range text {
		if c != ' ' && c != '\n' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}
