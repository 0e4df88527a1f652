package web

import (
	"html/template"
	"strings"

	"github.com/proximite/proximite"
)

// inline shows a record's short text (a name, a title) in the visitor's
// language. When it exists only in another language, the text carries
// its own lang attribute, for screen readers and hyphenation, and a
// visible marker says which language it is in.
func (l *localizer) inline(t proximite.Text) template.HTML {
	v, got := t.In(l.lang)
	if v == "" || got == l.lang {
		return template.HTML(template.HTMLEscapeString(v))
	}
	return template.HTML(`<span lang="` + template.HTMLEscapeString(got) + `">` + template.HTMLEscapeString(v) +
		`</span> <span class="fallback">(` + template.HTMLEscapeString(l.LangName(got)) + `)</span>`)
}

// plain returns a record's text in the visitor's language, or its
// fallback, without markup: for <title>, descriptions and alt texts.
func (l *localizer) plain(t proximite.Text) string {
	v, _ := t.In(l.lang)
	return v
}

// prose shows a record's long text as paragraphs (one per line of the
// source), in a block with the language it is written in; a fallback is
// announced before it in the visitor's language.
func (l *localizer) prose(t proximite.Text) template.HTML {
	v, got := t.In(l.lang)
	if strings.TrimSpace(v) == "" {
		return ""
	}
	var b strings.Builder
	if got != l.lang {
		b.WriteString(`<p class="fallback">` + template.HTMLEscapeString(l.T("fallback.prose", "lang", l.LangName(got))) + `</p>`)
		b.WriteString(`<div class="prose" lang="` + template.HTMLEscapeString(got) + `">`)
	} else {
		b.WriteString(`<div class="prose">`)
	}
	for _, para := range strings.Split(v, "\n") {
		if para = strings.TrimSpace(para); para != "" {
			b.WriteString("<p>" + template.HTMLEscapeString(para) + "</p>")
		}
	}
	b.WriteString("</div>")
	return template.HTML(b.String())
}

// excerpt cuts a text to about n characters at a word boundary, for
// meta descriptions.
func excerpt(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len([]rune(s)) <= n {
		return s
	}
	r := []rune(s)[:n]
	if i := strings.LastIndexByte(string(r), ' '); i > n/2 {
		return string(r)[:i] + "…"
	}
	return string(r) + "…"
}
