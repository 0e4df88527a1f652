package web

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"

	"github.com/proximite/proximite"
)

//go:embed messages/*.json
var messageFiles embed.FS

// catalog holds the interface strings of every language, by key. Keys are
// dotted names ("nav.search", "orgkind.municipality"); values may hold
// named placeholders such as {n} or {date}, filled by localizer.T.
type catalog map[string]map[string]string

// loadCatalog reads messages/LANG.json, and messages/PART.LANG.json for
// each part of the site that keeps its strings apart (the workspace, the
// forms), for every interface language, and checks that the languages
// hold the same keys, so that a string added in one language and
// forgotten in the other fails the start, not a visitor. A key defined in
// two files is an error too.
func loadCatalog() (catalog, error) {
	c := catalog{}
	for _, lang := range proximite.Languages {
		files, err := fs.Glob(messageFiles, "messages/*."+lang+".json")
		if err != nil {
			return nil, err
		}
		files = append([]string{"messages/" + lang + ".json"}, files...)
		all := map[string]string{}
		for _, name := range files {
			data, err := messageFiles.ReadFile(name)
			if err != nil {
				return nil, fmt.Errorf("messages for %s: %w", lang, err)
			}
			m := map[string]string{}
			if err := json.Unmarshal(data, &m); err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			for k, v := range m {
				if strings.TrimSpace(v) == "" {
					return nil, fmt.Errorf("%s: %q is empty", name, k)
				}
				if _, dup := all[k]; dup {
					return nil, fmt.Errorf("%s: %q is defined twice", name, k)
				}
				all[k] = v
			}
		}
		c[lang] = all
	}
	return c, c.check()
}

// check reports the keys that one language has and another lacks.
func (c catalog) check() error {
	var problems []string
	for _, a := range proximite.Languages {
		for _, b := range proximite.Languages {
			for k := range c[a] {
				if _, ok := c[b][k]; !ok {
					problems = append(problems, fmt.Sprintf("%q is in %s.json but not in %s.json", k, a, b))
				}
			}
		}
	}
	if len(problems) > 0 {
		slices.Sort(problems)
		return fmt.Errorf("messages: %s", strings.Join(problems, "; "))
	}
	return nil
}

// localizer is the interface in one language: its strings, and the
// formats of numbers, dates and money that go with them.
type localizer struct {
	lang string
	msg  map[string]string
}

// T returns the message key with its placeholders filled from pairs of
// names and values: T("search.count", "n", 3). A key that is missing is
// shown as itself, which the start-up check makes rare: keys used in
// templates are checked when they are parsed.
func (l *localizer) T(key string, pairs ...any) string {
	s, ok := l.msg[key]
	if !ok {
		return key
	}
	if len(pairs) == 0 {
		return s
	}
	args := make([]string, 0, len(pairs))
	for i := 0; i+1 < len(pairs); i += 2 {
		args = append(args, "{"+fmt.Sprint(pairs[i])+"}", l.value(pairs[i+1]))
	}
	return strings.NewReplacer(args...).Replace(s)
}

// N returns the singular or plural form of a message (key.one or
// key.other) for n, with {n} formatted. French treats 0 and 1 as
// singular, English only 1.
func (l *localizer) N(key string, n int, pairs ...any) string {
	form := ".other"
	if n == 1 || (l.lang == "fr" && n == 0) {
		form = ".one"
	}
	return l.T(key+form, append([]any{"n", n}, pairs...)...)
}

// value formats a placeholder's value: numbers the local way.
func (l *localizer) value(v any) string {
	switch v := v.(type) {
	case int:
		return l.Number(float64(v), 0)
	case int64:
		return l.Number(float64(v), 0)
	case string:
		return v
	default:
		return fmt.Sprint(v)
	}
}

// Label returns the message that names a code of one of the domain's
// lists (prefix "orgkind", code "municipality"), or the code itself when
// the list has no such entry, so that a new code shows rather than
// breaks the page.
func (l *localizer) Label(prefix, code string) string {
	if code == "" {
		return ""
	}
	if s, ok := l.msg[prefix+"."+code]; ok {
		return s
	}
	return code
}

// LangName returns the name of a language as a fallback marker uses it
// ("en français", "in French"), or the code for languages without one.
func (l *localizer) LangName(code string) string {
	if s, ok := l.msg["inlang."+code]; ok {
		return s
	}
	return l.T("inlang.other", "code", code)
}

// Number formats n with the locale's separators: 11 500 000,5 in French
// (narrow no-break spaces), 11,500,000.5 in English.
func (l *localizer) Number(n float64, decimals int) string {
	s := strconv.FormatFloat(n, 'f', decimals, 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	group, point := ",", "."
	if l.lang == "fr" {
		group, point = "\u202f", ","
	}
	var b strings.Builder
	if neg {
		b.WriteString("-")
	}
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString(point + frac)
	}
	return b.String()
}
