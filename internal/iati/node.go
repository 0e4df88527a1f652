package iati

import (
	"strings"
)

// node is one element of an activity, kept as a small tree so that the
// mapping can look around an element (a value's currency, a title's
// narratives) without a state machine per element. Only the elements of
// one activity are ever held at a time.
type node struct {
	name  string // local name, lower case
	attrs []attr
	text  string // the element's own character data, trimmed
	kids  []*node
	line  int
}

// attr is an attribute without a namespace, plus xml:lang, whose name is
// kept as "xml:lang" whatever case or binding the file gave it.
type attr struct{ name, value string }

const langAttr = "xml:lang"

// attr returns the value of the named attribute, trimmed, or "".
func (n *node) attr(name string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.attrs {
		if a.name == name {
			return strings.TrimSpace(a.value)
		}
	}
	return ""
}

// child returns the first child element with the name, or nil.
func (n *node) child(name string) *node {
	if n == nil {
		return nil
	}
	for _, k := range n.kids {
		if k.name == name {
			return k
		}
	}
	return nil
}

// all returns the child elements with the name.
func (n *node) all(name string) []*node {
	if n == nil {
		return nil
	}
	var out []*node
	for _, k := range n.kids {
		if k.name == name {
			out = append(out, k)
		}
	}
	return out
}

// code returns the code attribute of the named child, the way IATI writes
// most coded values (<activity-status code="2"/>).
func (n *node) code(child string) string { return n.child(child).attr("code") }

// value returns the text of the node, or "" for a missing node.
func (n *node) value() string {
	if n == nil {
		return ""
	}
	return n.text
}
