package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/proximite/proximite"
)

// hitView is one result as a card.
type hitView struct {
	URL   string
	Type  proximite.RecordType
	Kind  string // the type's name
	Title proximite.Text
	Year  int
	// ShowKind is set where results of several types mix.
	ShowKind bool
}

// facetView is one facet with its values: the first few shown, the rest
// behind "more".
type facetView struct {
	Name, Label string
	Values      []facetValue
	More        []facetValue
	Selected    int
}

// facetValue is one value of a facet with its count and state.
type facetValue struct {
	ID, Value, Label string
	Count            int
	Checked          bool
}

// chip is an active filter, with the URL that removes it.
type chip struct {
	Facet, Label, URL string
}

// hidden is a form field the page keeps without showing.
type hidden struct{ Name, Value string }

// option is one choice of a select.
type option struct {
	Value, Label string
	Selected     bool
}

// facetsShown is how many values of a facet show before "more".
const facetsShown = 6

// searchView turns a search result into the page's data.
func (h *Handler) searchView(r *http.Request, l *localizer, p searchParams, res *proximite.SearchResult, linked map[string]string) searchData {
	sec, heading := secSearch, l.T("search.title")
	if p.Fixed != "" {
		sec, heading = sectionOf(p.Fixed), l.T("nav."+string(p.Fixed))
	}
	action := path(l.lang, sec, "")
	desc := l.T("search.description")
	if p.Fixed != "" {
		desc = l.T("list.description."+string(p.Fixed), "n", l.total(res.Total, res.Capped))
	}
	title := heading
	if p.Query != "" {
		title = l.T("search.titlefor", "q", p.Query)
	}
	d := searchData{page: h.base(r, l, sec, "", p.values().Encode(), title, desc),
		Heading: heading, Action: action, Params: p, Total: res.Total, Capped: res.Capped}
	d.NoIndex = len(p.values()) > 0
	d.From = min((p.Page-1)*p.PerPage+1, res.Total)
	d.To = min(p.Page*p.PerPage, res.Total)
	for _, hit := range res.Hits {
		d.Hits = append(d.Hits, hitView{URL: path(l.lang, sectionOf(hit.Type), hit.Slug), Type: hit.Type,
			Kind: l.T("type." + string(hit.Type)), Title: hit.Title, Year: hit.Year, ShowKind: p.Fixed == ""})
	}
	link := func(q searchParams) string { return urlOf(action, q) }
	d.Facets = facetViews(l, p, res.Facets)
	d.FacetScope = facetScope(l, p)
	d.Chips = chips(l, p, linked, link)
	d.ClearURL = link(searchParams{Query: p.Query, Fixed: p.Fixed, Filters: map[string][]string{}, Page: 1, PerPage: p.PerPage, Sort: p.Sort})
	for _, s := range []string{proximite.SortRelevance, proximite.SortTitle, proximite.SortRecent, proximite.SortYear} {
		if s == proximite.SortRelevance && p.Query == "" {
			continue
		}
		d.Sorts = append(d.Sorts, option{Value: s, Label: l.T("sort." + s), Selected: s == p.sortOrder()})
	}
	if p.PerPage != defaultPerPage {
		d.Hidden = append(d.Hidden, hidden{"limit", strconv.Itoa(p.PerPage)})
	}
	for name, s := range map[string]string{"org": p.Org, "partnership": p.Partnership, "programme": p.Programme} {
		if s != "" {
			d.Hidden = append(d.Hidden, hidden{name, s})
		}
	}
	// A capped search pages only among the matches it examined: Total is
	// then their number, so the pager stops at the last page of them.
	d.Pager = newPager(p, res.Total, link)
	if res.Capped && len(d.Hits) == 0 && p.Page > 1 {
		last := max((res.Total+p.PerPage-1)/p.PerPage, 1)
		d.LastURL = link(p.with(func(q *searchParams) { q.Page = last }))
	}
	return d
}

// urlOf returns the URL of a search with its parameters.
func urlOf(action string, p searchParams) string {
	if q := p.values().Encode(); q != "" {
		return action + "?" + q
	}
	return action
}

// facetViews lists the facets that have values, each value labelled in
// the visitor's language. Selected values show even when no result has
// them any more, so that they can be unticked.
func facetViews(l *localizer, p searchParams, counts map[string][]proximite.FacetCount) []facetView {
	var out []facetView
	for _, name := range proximite.Facets {
		if name == proximite.FacetType && p.Fixed != "" {
			continue
		}
		values := counts[name]
		for _, s := range p.Filters[name] {
			if !hasValue(values, s) {
				values = append(values, proximite.FacetCount{Value: s})
			}
		}
		if len(values) == 0 {
			continue
		}
		fv := facetView{Name: name, Label: l.T("facet." + name)}
		for _, c := range values {
			v := facetValue{ID: facetID(name, c.Value), Value: c.Value,
				Label: facetLabel(l, name, c.Value), Count: c.Count, Checked: p.has(name, c.Value)}
			if v.Checked {
				fv.Selected++
			}
			if len(fv.Values) < facetsShown || v.Checked {
				fv.Values = append(fv.Values, v)
			} else {
				fv.More = append(fv.More, v)
			}
		}
		out = append(out, fv)
	}
	return out
}

// facetScope says what the facet counts of the search page count: the
// matching records of every type, unless types are chosen. Without it a
// visitor reads "Mali 12" under "Country" as twelve projects when it is
// twelve records of any type. A list counts its own type, which its
// title says.
func facetScope(l *localizer, p searchParams) string {
	if p.Fixed != "" {
		return ""
	}
	types := p.Filters[proximite.FacetType]
	if len(types) == 0 {
		return l.T("search.facets.alltypes")
	}
	names := make([]string, len(types))
	for i, t := range types {
		names[i] = facetLabel(l, proximite.FacetType, t)
	}
	return l.T("search.facets.types", "types", strings.Join(names, ", "))
}

func hasValue(values []proximite.FacetCount, s string) bool {
	for _, v := range values {
		if v.Value == s {
			return true
		}
	}
	return false
}

// chips lists the active filters with the link that removes each.
func chips(l *localizer, p searchParams, linked map[string]string, link func(searchParams) string) []chip {
	var out []chip
	for _, name := range proximite.Facets {
		if name == proximite.FacetType && p.Fixed != "" {
			continue
		}
		for _, v := range p.Filters[name] {
			out = append(out, chip{Facet: l.T("facet." + name), Label: facetLabel(l, name, v), URL: link(p.toggled(name, v))})
		}
	}
	for _, f := range []struct {
		name string
		slug *string
	}{{"org", &p.Org}, {"partnership", &p.Partnership}, {"programme", &p.Programme}} {
		if *f.slug != "" {
			without := p.with(func(q *searchParams) {
				switch f.name {
				case "org":
					q.Org = ""
				case "partnership":
					q.Partnership = ""
				default:
					q.Programme = ""
				}
			})
			name := linked[f.name]
			if name == "" {
				name = *f.slug
			}
			out = append(out, chip{Facet: l.T("facet.linked." + f.name), Label: name, URL: link(without)})
		}
	}
	return out
}

// facetID names a checkbox after its facet and value, so that the same
// control keeps its id from one page of results to the next and focus
// can return to it.
func facetID(facet, value string) string {
	var b strings.Builder
	b.WriteString("f-" + facet + "-")
	for _, r := range value {
		if (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') || r == '_' {
			b.WriteRune(r)
		} else {
			b.WriteByte('-')
		}
	}
	return b.String()
}
