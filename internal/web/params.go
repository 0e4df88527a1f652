package web

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/proximite/proximite"
)

// Limits on what a search URL may ask, so that no request can make the
// server read without end. Each is generous for people and shared links.
const (
	maxQuery       = 200  // characters of the free-text query
	maxRawQuery    = 4096 // bytes of the whole query string
	maxValues      = 30   // values per facet
	maxValueLen    = 64   // bytes of one facet value
	defaultPerPage = 20
	maxPerPage     = 100 // a larger limit is capped, not refused
	maxPage        = 500 // deeper pages ask for a narrower search
)

var (
	slugParamRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	yearRE      = regexp.MustCompile(`^\d{4}$`)
)

// searchParams is the whole state of a search or list page, all of it in
// the query string so that any page of results can be shared.
type searchParams struct {
	Query   string
	Filters map[string][]string // facet → values, in the order given
	// Org, Partnership and Programme restrict results to the records
	// linked to one record, for the "see all" links of record pages.
	Org, Partnership, Programme string
	Sort                        string
	Page                        int // from 1
	PerPage                     int
	Fixed                       proximite.RecordType // the type of a list page, or ""
}

// parseSearch reads and checks the query string of a search page, or of a
// list page when fixed is a record type. Parameters it does not know are
// ignored, as links from elsewhere carry their own; values it cannot use
// are refused with a message naming the parameter.
func parseSearch(rawQuery string, fixed proximite.RecordType) (searchParams, error) {
	p := searchParams{Filters: map[string][]string{}, Page: 1, PerPage: defaultPerPage, Fixed: fixed}
	if len(rawQuery) > maxRawQuery {
		return p, &badInput{param: "q", key: "bad.toolong", pairs: []any{"max", maxRawQuery}}
	}
	v, err := url.ParseQuery(rawQuery)
	if err != nil {
		return p, &badInput{param: "query", key: "bad.encoding"}
	}
	for name, values := range v {
		for _, s := range values {
			if !utf8.ValidString(s) || !utf8.ValidString(name) {
				return p, &badInput{param: name, key: "bad.encoding"}
			}
		}
	}
	p.Query = strings.TrimSpace(v.Get("q"))
	if utf8.RuneCountInString(p.Query) > maxQuery {
		return p, &badInput{param: "q", key: "bad.querylong", pairs: []any{"max", maxQuery}}
	}
	for _, name := range proximite.Facets {
		if err := p.readFacet(name, v[name]); err != nil {
			return p, err
		}
	}
	if fixed != "" {
		p.Filters[proximite.FacetType] = []string{string(fixed)}
	}
	for _, link := range []struct {
		name string
		dst  *string
	}{{"org", &p.Org}, {"partnership", &p.Partnership}, {"programme", &p.Programme}} {
		if s := v.Get(link.name); s != "" {
			if !slugParamRE.MatchString(s) || len(s) > 120 {
				return p, &badInput{param: link.name, key: "bad.slug", pairs: []any{"param", link.name}}
			}
			*link.dst = s
		}
	}
	p.Sort = v.Get("sort")
	switch p.Sort {
	case "", proximite.SortRelevance, proximite.SortTitle, proximite.SortRecent, proximite.SortYear:
	default:
		return p, &badInput{param: "sort", key: "bad.sort"}
	}
	if p.Page, err = positive(v.Get("page"), 1); err != nil || p.Page > maxPage {
		return p, &badInput{param: "page", key: "bad.page", pairs: []any{"max", maxPage}}
	}
	if p.PerPage, err = positive(v.Get("limit"), defaultPerPage); err != nil {
		return p, &badInput{param: "limit", key: "bad.limit"}
	}
	p.PerPage = min(p.PerPage, maxPerPage)
	return p, nil
}

// readFacet reads one facet's values, repeated or comma-separated.
func (p *searchParams) readFacet(name string, raw []string) error {
	var values []string
	for _, r := range raw {
		for _, s := range strings.Split(r, ",") {
			if s = strings.TrimSpace(s); s != "" && !contains(values, s) {
				values = append(values, s)
			}
		}
	}
	if len(values) > maxValues {
		return &badInput{param: name, key: "bad.toomany", pairs: []any{"max", maxValues}}
	}
	for _, s := range values {
		switch {
		case len(s) > maxValueLen:
			return &badInput{param: name, key: "bad.value", pairs: []any{"param", name}}
		case name == proximite.FacetType && !proximite.RecordType(s).Valid():
			return &badInput{param: name, key: "bad.type"}
		case name == proximite.FacetYear && !yearRE.MatchString(s):
			return &badInput{param: name, key: "bad.year"}
		}
	}
	if len(values) > 0 {
		p.Filters[name] = values
	}
	return nil
}

// positive reads a whole number of at least 1, or def when s is empty.
func positive(s string, def int) (int, error) {
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 0, strconv.ErrSyntax
	}
	return n, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// sortOrder is the order results come in: the one asked for, or by
// default relevance for a query, titles for a list, the newest for the
// rest.
func (p searchParams) sortOrder() string {
	switch {
	case p.Sort == proximite.SortRelevance && p.Query == "":
		return proximite.SortRecent
	case p.Sort != "":
		return p.Sort
	case p.Query != "":
		return proximite.SortRelevance
	case p.Fixed == proximite.TypePublication:
		// The library lists the newest documents first.
		return proximite.SortYear
	case p.Fixed != "":
		return proximite.SortTitle
	}
	return proximite.SortRecent
}

// filter is the registry's search for these parameters.
func (p searchParams) filter(lang string) proximite.SearchFilter {
	return proximite.SearchFilter{Query: p.Query, Filters: p.Filters, Org: p.Org, Partnership: p.Partnership,
		Programme: p.Programme, Sort: p.sortOrder(), Lang: lang, Limit: p.PerPage,
		Offset: (p.Page - 1) * p.PerPage, WithFacets: true}
}

// values returns the canonical query string of the parameters: what the
// visitor chose, in a fixed order, without the fixed type of a list.
func (p searchParams) values() url.Values {
	v := url.Values{}
	if p.Query != "" {
		v.Set("q", p.Query)
	}
	for _, name := range proximite.Facets {
		if name == proximite.FacetType && p.Fixed != "" {
			continue
		}
		for _, s := range p.Filters[name] {
			v.Add(name, s)
		}
	}
	for name, s := range map[string]string{"org": p.Org, "partnership": p.Partnership, "programme": p.Programme} {
		if s != "" {
			v.Set(name, s)
		}
	}
	if p.Sort != "" {
		v.Set("sort", p.Sort)
	}
	if p.PerPage != defaultPerPage {
		v.Set("limit", strconv.Itoa(p.PerPage))
	}
	if p.Page > 1 {
		v.Set("page", strconv.Itoa(p.Page))
	}
	return v
}

// with returns a copy of the parameters changed by fn, back on page 1
// unless fn sets a page: a new filter starts the results over.
func (p searchParams) with(fn func(q *searchParams)) searchParams {
	c := p
	c.Filters = make(map[string][]string, len(p.Filters))
	for k, v := range p.Filters {
		c.Filters[k] = append([]string(nil), v...)
	}
	c.Page = 1
	fn(&c)
	return c
}

// toggled returns the parameters with one facet value added or removed.
func (p searchParams) toggled(facet, value string) searchParams {
	return p.with(func(q *searchParams) {
		var kept []string
		for _, v := range q.Filters[facet] {
			if v != value {
				kept = append(kept, v)
			}
		}
		if len(kept) == len(q.Filters[facet]) {
			kept = append(kept, value)
		}
		if len(kept) == 0 {
			delete(q.Filters, facet)
		} else {
			q.Filters[facet] = kept
		}
	})
}

// has reports whether a facet value is selected.
func (p searchParams) has(facet, value string) bool { return contains(p.Filters[facet], value) }
