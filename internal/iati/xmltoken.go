package iati

import (
	"fmt"
	"io"
)

// skip reads up to the end of the element whose start tag was just read.
// The scanner does not check that end tags match their start tags, as
// the decoder's raw tokens did not: element and skip check it.
func (r *Reader) skip(start *xname) error {
	stack := append(r.skipped[:0], start)
	defer func() { r.skipped = stack[:0] }()
	for len(stack) > 0 {
		r.s.expect = stack[len(stack)-1]
		tok, err := r.s.next()
		if err == io.EOF {
			return io.ErrUnexpectedEOF
		} else if err != nil {
			return err
		}
		switch tok {
		case tokStart:
			stack = append(stack, r.s.name)
		case tokEnd:
			if top, t := stack[len(stack)-1], r.s.name; t != top && (t.space != top.space || t.local != top.local) {
				return fmt.Errorf("element <%s> closed by </%s>", top.qname(), t.qname())
			}
			stack = stack[:len(stack)-1]
		}
	}
	return nil
}

// qname returns the name as the file writes it.
func (n *xname) qname() string {
	if n.space == "" {
		return n.local
	}
	return n.space + ":" + n.local
}
