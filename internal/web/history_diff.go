package web

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// fieldChange is one field of a record that a change altered, by its
// path in the record's JSON ("title.fr", "participants[1].org").
type fieldChange struct {
	Field, Before, After string
}

// bookkeeping are the fields that change with every write or are set by
// the storage, which say nothing a reader of the history needs.
var bookkeeping = map[string]bool{"id": true, "created_at": true, "updated_at": true}

// maxShown bounds a value shown in the history; a long description is
// recognisable from its first sentences.
const maxShown = 240

// diffJSON compares two versions of a record field by field: every
// scalar at its path, so that a change to one participant's role shows
// as that and not as a new list of participants.
func diffJSON(before, after []byte) []fieldChange {
	a, b := map[string]string{}, map[string]string{}
	flatten("", decodeJSON(before), a)
	flatten("", decodeJSON(after), b)
	keys := map[string]bool{}
	for k := range a {
		keys[k] = true
	}
	for k := range b {
		keys[k] = true
	}
	var out []fieldChange
	for k := range keys {
		if a[k] != b[k] && !bookkeeping[k] {
			out = append(out, fieldChange{Field: k, Before: shorten(a[k]), After: shorten(b[k])})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Field < out[j].Field })
	return out
}

func decodeJSON(b []byte) any {
	var v any
	if len(b) > 0 {
		json.Unmarshal(b, &v)
	}
	return v
}

// flatten writes every scalar of v under its path into out.
func flatten(prefix string, v any, out map[string]string) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			p := k
			if prefix != "" {
				p = prefix + "." + k
			}
			flatten(p, x, out)
		}
	case []any:
		for i, x := range v {
			flatten(fmt.Sprintf("%s[%d]", prefix, i), x, out)
		}
	case nil:
	case string:
		if v != "" {
			out[prefix] = v
		}
	case bool:
		if v {
			out[prefix] = "✓"
		}
	default:
		out[prefix] = fmt.Sprint(v)
	}
}

func shorten(s string) string {
	if utf8.RuneCountInString(s) <= maxShown {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:maxShown])) + "…"
}
