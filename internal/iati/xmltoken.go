package iati

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// xmlNamespace is the namespace the "xml" prefix is bound to.
const xmlNamespace = "http://www.w3.org/XML/1998/namespace"

// token returns the next token. The reader uses the decoder's raw tokens,
// which skip the work of namespace translation: IATI elements carry no
// prefix, and a prefixed element is an extension to skip whatever its
// namespace. The raw tokens do not check that end tags match their start
// tags, so element and skip check it.
func (r *Reader) token() (xml.Token, error) { return r.d.RawToken() }

// skip reads up to the end of the element that start opened.
func (r *Reader) skip(start xml.StartElement) error {
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
				return fmt.Errorf("element <%s> closed by </%s>", qname(top), qname(t.Name))
			}
			stack = stack[:len(stack)-1]
		}
	}
	return nil
}

func qname(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

// isLang reports whether an attribute is xml:lang, written in any case:
// the decoder binds "xml" to its namespace, but not "XML".
func isLang(n xml.Name) bool {
	return strings.EqualFold(n.Local, "lang") && (n.Space == xmlNamespace || strings.EqualFold(n.Space, "xml"))
}

// xmlReason returns the decoder's message without its "XML syntax error
// on line N" prefix, since FileError gives the line.
func xmlReason(err error) string {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return se.Msg
	}
	return err.Error()
}
