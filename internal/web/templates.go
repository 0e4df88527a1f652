package web

import (
	"embed"
	"fmt"
	"hash"
	"html/template"
	"io/fs"
	gopath "path"
	"strings"
	"text/template/parse"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
)

//go:embed templates
var templateFiles embed.FS

// shared are the templates every page is parsed with: the layout and the
// partials. Each file under templates/pages is one page.
var shared = []string{"templates/layout.html", "templates/partials.html", "templates/workspace_partials.html",
	"templates/synergies_partials.html", "templates/board_partials.html"}

// parseTemplates parses every page once per language, with functions
// bound to that language, and checks that every message key a template
// names exists.
func (h *Handler) parseTemplates(cat catalog) (map[string]map[string]*template.Template, error) {
	files, err := fs.Glob(templateFiles, "templates/pages/*.html")
	if err != nil {
		return nil, err
	}
	out := map[string]map[string]*template.Template{}
	for _, lang := range proximite.Languages {
		out[lang] = map[string]*template.Template{}
		funcs := h.funcs(h.loc[lang])
		for _, f := range files {
			name := strings.TrimSuffix(gopath.Base(f), ".html")
			t, err := template.New(name).Funcs(funcs).ParseFS(templateFiles, append(shared, f)...)
			if err != nil {
				return nil, fmt.Errorf("template %s: %w", name, err)
			}
			if t.Lookup("layout") == nil || t.Lookup("main") == nil {
				return nil, fmt.Errorf("template %s: defines no \"main\" for the layout", name)
			}
			if err := checkKeys(t, cat[lang]); err != nil {
				return nil, fmt.Errorf("template %s: %w", name, err)
			}
			out[lang][name] = t
		}
	}
	return out, nil
}

// funcs are the functions templates call, bound to one language.
func (h *Handler) funcs(l *localizer) template.FuncMap {
	return template.FuncMap{
		"t":       l.T,
		"n":       l.N,
		"label":   func(prefix string, code any) string { return l.Label(prefix, fmt.Sprint(code)) },
		"tr":      l.inline,
		"prose":   l.prose,
		"date":    l.DateHTML,
		"period":  l.Period,
		"day":     l.Day,
		"money":   l.Money,
		"num":     func(n int) string { return l.Number(float64(n), 0) },
		"country": func(code string) string { return codelist.Country.Label(code, l.lang) },
		"path":    func(s section, slug string) string { return path(l.lang, s, slug) },
		"asset":   h.assets.url,
		"facetItem": func(name string, v facetValue) facetItem {
			return facetItem{Name: name, V: v}
		},
	}
}

// checkKeys walks the parse trees of a template set and reports calls of
// t and n whose literal key is not a message.
func checkKeys(t *template.Template, msg map[string]string) error {
	var missing []string
	for _, tt := range t.Templates() {
		if tt.Tree == nil {
			continue
		}
		walk(tt.Tree.Root, func(fn, key string) {
			keys := []string{key}
			if fn == "n" {
				keys = []string{key + ".one", key + ".other"}
			}
			for _, k := range keys {
				if _, ok := msg[k]; !ok {
					missing = append(missing, k)
				}
			}
		})
	}
	if len(missing) > 0 {
		return fmt.Errorf("unknown message keys %q", missing)
	}
	return nil
}

// walk calls found for every call of t or n with a string literal key.
func walk(n parse.Node, found func(fn, key string)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walk(c, found)
		}
	case *parse.ActionNode:
		walk(n.Pipe, found)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			walk(c, found)
		}
	case *parse.CommandNode:
		if len(n.Args) >= 2 {
			if id, ok := n.Args[0].(*parse.IdentifierNode); ok && (id.Ident == "t" || id.Ident == "n") {
				if s, ok := n.Args[1].(*parse.StringNode); ok {
					found(id.Ident, s.Text)
				}
			}
		}
		for _, a := range n.Args {
			walk(a, found)
		}
	case *parse.IfNode:
		walkBranch(&n.BranchNode, found)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, found)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, found)
	case *parse.TemplateNode:
		walk(n.Pipe, found)
	}
}

func walkBranch(b *parse.BranchNode, found func(fn, key string)) {
	walk(b.Pipe, found)
	walk(b.List, found)
	if b.ElseList != nil {
		walk(b.ElseList, found)
	}
}

// templateSums adds the templates' text to the build hash.
func templateSums(sum hash.Hash) {
	fs.WalkDir(templateFiles, "templates", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := templateFiles.ReadFile(p)
			sum.Write(b)
		}
		return nil
	})
}

// facetItem is one checkbox of a facet: the facet's name and the value.
type facetItem struct {
	Name string
	V    facetValue
}
