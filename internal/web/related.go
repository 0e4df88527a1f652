package web

import (
	"context"
	"net/url"

	"github.com/proximite/proximite"
)

// relatedList is a short list of records linked to a page's record, with
// the total and the link to all of them in the search.
type relatedList struct {
	Hits  []hitView
	Total int
	// Capped says that Total is only a lower bound: more records match
	// than a search counts (proximite.MaxMatches).
	Capped bool
	Count  string // Total as shown: "12", or "1 000+" when capped
	All    string // the search listing them all, when there are more
}

// relatedLimit is how many linked records a record page lists before
// "see all".
const relatedLimit = 12

// related searches the published records of one type for a record page:
// an organisation's partnerships, a programme's projects…
func (h *Handler) related(ctx context.Context, l *localizer, f proximite.SearchFilter, t proximite.RecordType) (relatedList, error) {
	f.Filters = map[string][]string{proximite.FacetType: {string(t)}}
	if f.Limit == 0 {
		f.Limit = relatedLimit
	}
	if f.Sort == "" {
		f.Sort = proximite.SortYear
	}
	res, err := h.reg.Search(ctx, f)
	if err != nil {
		return relatedList{}, err
	}
	out := relatedList{Total: res.Total, Capped: res.Capped, Count: l.total(res.Total, res.Capped)}
	for _, hit := range res.Hits {
		out.Hits = append(out.Hits, hitView{URL: path(l.lang, sectionOf(hit.Type), hit.Slug), Type: hit.Type,
			Kind: l.T("type." + string(hit.Type)), Title: hit.Title, Year: hit.Year})
	}
	// The search page has no filter by project: a project's publications
	// are all on its page, or the first of them.
	if (res.Capped || res.Total > len(res.Hits)) && f.Project == "" {
		v := url.Values{"type": {string(t)}}
		for name, s := range map[string]string{"org": f.Org, "partnership": f.Partnership, "programme": f.Programme} {
			if s != "" {
				v.Set(name, s)
			}
		}
		out.All = path(l.lang, secSearch, "") + "?" + v.Encode()
	}
	return out, nil
}
