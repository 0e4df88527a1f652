package iati

// The reader as it was when it read with encoding/xml's decoder, kept as
// the reference that the differential tests hold the scanner to.

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// newRefReader is NewReader as it was.
func newRefReader(r io.Reader) *refReader {
	br := bufio.NewReaderSize(r, 64<<10)
	if bom, err := br.Peek(3); err == nil && bytes.Equal(bom, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
	}
	d := xml.NewDecoder(br)
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charsetReader
	return &refReader{d: d}
}

// Reader reads the activities of one IATI file in order. It never holds
// more than one activity: the file may be of any size.
type refReader struct {
	d *xml.Decoder
	// Version is the version the file declares ("2.03", "1.01"…), empty
	// when it declares none.
	Version string
	// space is the namespace of the root element: IATI elements carry it
	// (none in practice), other elements are extensions and are skipped.
	space     string
	lang      string // the root's xml:lang, a default for activities
	currency  string // the root's default-currency, rarely set
	single    bool   // the root is itself an <iati-activity>
	started   bool
	done      bool
	rootStart xml.StartElement
}

// Offset returns the number of bytes read so far, for progress reports.
func (r *refReader) Offset() int64 { return r.d.InputOffset() }

// line returns the current line of the input.
func (r *refReader) line() int {
	l, _ := r.d.InputPos()
	return l
}

// start reads up to the root element and checks that it is an IATI
// activity file.
func (r *refReader) start() error {
	r.started = true
	for {
		tok, err := r.token()
		if err == io.EOF {
			return &FileError{Reason: "not an XML file: it holds no element"}
		} else if err != nil {
			return &FileError{Line: r.line(), Reason: "not an XML file, or a broken one: " + refXMLReason(err)}
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch el.Name.Local {
		case "iati-activities", "iati-activity":
		case "iati-organisations", "iati-organisation":
			return &FileError{Line: r.line(), Reason: "an IATI organisation file, not an activity file"}
		default:
			return &FileError{Line: r.line(), Reason: fmt.Sprintf(
				"not an IATI activity file: the root element is <%s>, not <iati-activities>", el.Name.Local)}
		}
		r.space = el.Name.Space
		for _, a := range el.Attr {
			switch {
			case refIsLang(a.Name):
				r.lang = a.Value
			case a.Name.Space == "" && a.Name.Local == "version":
				r.Version = strings.TrimSpace(a.Value)
			case a.Name.Space == "" && a.Name.Local == "default-currency":
				r.currency = a.Value
			}
		}
		if el.Name.Local == "iati-activity" {
			r.single, r.rootStart = true, el
		}
		return nil
	}
}

// Next returns the next activity, io.EOF after the last one, or a
// *FileError when the file cannot be read further. An activity that
// cannot become a project is returned with its Err set, so that the
// caller can report it and go on.
func (r *refReader) Next() (*Activity, error) {
	n, err := r.nextNode()
	if err != nil {
		return nil, err
	}
	return r.activity(n), nil
}

// nextNode reads the next activity element as a tree.
func (r *refReader) nextNode() (*node, error) {
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
		n, err := r.element(r.rootStart)
		if err != nil {
			return nil, err
		}
		return n, nil
	}
	for {
		tok, err := r.token()
		if err == io.EOF {
			r.done = true
			return nil, &FileError{Line: r.line(), Reason: "the file ends before </iati-activities>: it was cut short"}
		} else if err != nil {
			r.done = true
			return nil, &FileError{Line: r.line(), Reason: "broken XML: " + refXMLReason(err)}
		}
		switch el := tok.(type) {
		case xml.StartElement:
			if el.Name.Local != "iati-activity" || el.Name.Space != r.space {
				// Registry records and extensions between activities.
				if err := r.skip(el); err != nil {
					r.done = true
					return nil, &FileError{Line: r.line(), Reason: "broken XML: " + refXMLReason(err)}
				}
				continue
			}
			n, err := r.element(el)
			if err != nil {
				r.done = true
				return nil, err
			}
			return n, nil
		case xml.EndElement:
			r.done = true
			if el.Name.Local != "iati-activities" {
				return nil, &FileError{Line: r.line(), Reason: fmt.Sprintf(
					"broken XML: <iati-activities> closed by </%s>", refQName(el.Name))}
			}
			return nil, io.EOF
		}
	}
}

// activity maps an activity element, or describes why it is too big.
func (r *refReader) activity(n *node) *Activity {
	if n.name == "" { // see element: over the limits
		a := &Activity{Line: n.line, Identifier: n.text}
		a.Err = fmt.Errorf("the activity is too large: over %d MB or %d elements", MaxActivityBytes>>20, MaxActivityElements)
		return a
	}
	return mapActivity(n, r.lang, r.currency)
}

// element reads the element that start opened, up to its end, as a tree.
// Extension elements (another namespace) are skipped; so is everything
// once the activity passes the limits above, and it is then returned as a
// node without a name. Each open element gathers its text in a buffer of
// its own, so that text mixed with many children costs linear time.
func (r *refReader) element(start xml.StartElement) (*node, error) {
	type open struct {
		n    *node
		text []byte
	}
	begin := r.d.InputOffset()
	root := r.newNode(start)
	elements := 1
	stack := []open{{n: root}}
	tooBig := false
	for len(stack) > 0 {
		tok, err := r.token()
		if err == io.EOF {
			return nil, &FileError{Line: r.line(), Reason: "the file ends inside an activity: it was cut short"}
		} else if err != nil {
			return nil, &FileError{Line: r.line(), Reason: "broken XML: " + refXMLReason(err)}
		}
		top := &stack[len(stack)-1]
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space != r.space || tooBig {
				if err := r.skip(t); err != nil {
					return nil, &FileError{Line: r.line(), Reason: "broken XML: " + refXMLReason(err)}
				}
				continue
			}
			n := r.newNode(t)
			elements++
			top.n.kids = append(top.n.kids, n)
			stack = append(stack, open{n: n})
		case xml.CharData:
			if !tooBig {
				top.text = append(top.text, t...)
			}
		case xml.EndElement:
			if t.Name.Space != r.space || (top.n.name != "" && strings.ToLower(t.Name.Local) != top.n.name) {
				return nil, &FileError{Line: r.line(), Reason: fmt.Sprintf(
					"broken XML: element <%s> closed by </%s>", top.n.name, t.Name.Local)}
			}
			top.n.text = strings.TrimSpace(string(top.text))
			stack = stack[:len(stack)-1]
		}
		if !tooBig && (elements > MaxActivityElements || r.d.InputOffset()-begin > MaxActivityBytes) {
			tooBig = true
			// The open elements still get their end tags; only what
			// hangs from the root is let go, and the root keeps the
			// identifier as its text.
			id := root.child("iati-identifier").value()
			root.kids, root.name = nil, ""
			stack[0].text = append(stack[0].text[:0], id...)
		}
	}
	return root, nil
}

func (r *refReader) newNode(el xml.StartElement) *node {
	n := &node{name: strings.ToLower(el.Name.Local), line: r.line()}
	if len(el.Attr) > 0 {
		n.attrs = make([]attr, 0, len(el.Attr))
	}
	for _, a := range el.Attr {
		switch {
		case refIsLang(a.Name):
			n.attrs = append(n.attrs, attr{langAttr, a.Value})
		case a.Name.Space == "":
			n.attrs = append(n.attrs, attr{a.Name.Local, a.Value})
		}
	}
	return n
}

// token returns the next token. The reader uses the decoder's raw tokens,
// which skip the work of namespace translation: IATI elements carry no
// prefix, and a prefixed element is an extension to skip whatever its
// namespace. The raw tokens do not check that end tags match their start
// tags, so element and skip check it.
func (r *refReader) token() (xml.Token, error) { return r.d.RawToken() }

// skip reads up to the end of the element that start opened.
func (r *refReader) skip(start xml.StartElement) error {
	stack := []xml.Name{start.Name}
	for len(stack) > 0 {
		tok, err := r.d.RawToken()
		if err == io.EOF {
			return io.ErrUnexpectedEOF
		} else if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, t.Name)
		case xml.EndElement:
			if top := stack[len(stack)-1]; t.Name != top {
				return fmt.Errorf("element <%s> closed by </%s>", refQName(top), refQName(t.Name))
			}
			stack = stack[:len(stack)-1]
		}
	}
	return nil
}

// isLang reports whether an attribute is xml:lang, written in any case:
// the decoder binds "xml" to its namespace, but not "XML".
func refIsLang(n xml.Name) bool {
	return strings.EqualFold(n.Local, "lang") && (n.Space == "http://www.w3.org/XML/1998/namespace" || strings.EqualFold(n.Space, "xml"))
}

// xmlReason returns the decoder's message without its "XML syntax error
// on line N" prefix, since FileError gives the line.
func refXMLReason(err error) string {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return se.Msg
	}
	return err.Error()
}

func refQName(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}
