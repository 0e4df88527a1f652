package web

import (
	"context"

	"github.com/proximite/proximite"
)

// libraryItem is a publication not yet public, as the coordinators'
// workspace lists it: a coordinator has no organisation, so the library's
// drafts would otherwise be found only by their address.
type libraryItem struct {
	Title     proximite.Text
	State     proximite.State
	StateName string
	URL       string // the page of its file, where it is published
	Edit      string
	File      string
}

// libraryDrafts lists the publications in draft or submitted, newest
// first, for those who keep the library.
func (h *Handler) libraryDrafts(ctx context.Context, l *localizer, u *proximite.User) ([]libraryItem, error) {
	if proximite.Can(u, proximite.ActionCreate, proximite.Target{Type: proximite.TypePublication, State: proximite.Draft}) != nil {
		return nil, nil
	}
	res, err := h.reg.Search(ctx, proximite.SearchFilter{IncludeUnpublished: true, Sort: proximite.SortRecent, Limit: maxListed,
		Filters: map[string][]string{proximite.FacetType: {string(proximite.TypePublication)}}})
	if err != nil {
		return nil, err
	}
	var out []libraryItem
	for _, hit := range res.Hits {
		p, err := h.reg.FindPublication(ctx, hit.Slug)
		if proximite.ErrorCode(err) == proximite.ENOTFOUND {
			continue
		} else if err != nil {
			return nil, err
		}
		if p.State == proximite.Published {
			continue
		}
		it := libraryItem{Title: p.Title, State: p.State, StateName: l.T("ws.state." + string(p.State)),
			URL: uploadPath(l.lang, p.Slug), Edit: editPath(l.lang, proximite.TypePublication, p.Slug), File: l.T("ws.library.nofile")}
		if p.File != nil {
			it.File = l.T("ws.library.file", "name", p.File.Name)
		} else if p.Link != "" {
			it.File = l.T("ws.library.link")
		}
		out = append(out, it)
	}
	return out, nil
}
