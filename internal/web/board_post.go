package web

import (
	"context"
	"net/http"
	"strconv"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
)

// A post's page: the post, and who fits it. Suggestions come from the
// other side of the board (open posts of the other kind whose criteria
// fit in both directions) and from the registry (published organisations
// of the kinds and countries asked), ranked by proximite.MatchPost, each
// with the reasons it fits.

// postData is a post's page.
type postData struct {
	page
	Post postCard
	// Posts and Orgs are the suggestions.
	Posts []matchView
	Orgs  []matchView
	// Edit and Close are the post's form and closing, for those who may.
	Edit, Close string
	Board       string
}

// matchView is one suggestion.
type matchView struct {
	Name    proximite.Text
	URL     string
	Post    string // the other post's page, for a post
	Meta    string // kind and country of the organisation
	Text    proximite.Text
	Reasons []string
}

// Bounds of the suggestions: a page lists a few, and reads at most
// maxBoardCandidates organisations of the registry to find them.
const (
	maxSuggestions     = 8
	maxBoardCandidates = 60
)

func (h *Handler) postPage(w http.ResponseWriter, r *http.Request, l *localizer, posts proximite.PartnerPostService) {
	ctx := r.Context()
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		h.notFound(w, r, l)
		return
	}
	p, err := posts.FindPost(ctx, id)
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	d := postData{Board: path(l.lang, secBoard, "")}
	if d.Post, err = h.postCard(ctx, l, p); err != nil {
		h.fail(w, r, l, err)
		return
	}
	if h.ws != nil && proximite.CanPost(h.user(r), p.Org) == nil {
		d.Edit, d.Close = postEditPath(l.lang, p.ID), postClosePath(l.lang, p.ID)
	}
	if d.Post.Open {
		if d.Posts, d.Orgs, err = h.suggestions(ctx, l, posts, p); err != nil {
			h.fail(w, r, l, err)
			return
		}
	}
	title := l.T("board.post.title", "kind", d.Post.KindName, "org", l.plain(d.Post.Org.Name))
	d.page = h.base(r, l, secBoard, strconv.FormatInt(p.ID, 10), "", title, excerpt(l.plain(p.Text), 180))
	// A closed or expired post stays readable by its link, out of indexes.
	d.page.NoIndex = !d.Post.Open
	h.render(w, r, l, http.StatusOK, "board_post", d)
}

// suggestions finds and ranks the posts and the organisations that fit p.
func (h *Handler) suggestions(ctx context.Context, l *localizer, posts proximite.PartnerPostService, p *proximite.PartnerPost) ([]matchView, []matchView, error) {
	self, err := h.reg.FindOrganisation(ctx, p.Org)
	if err != nil && proximite.ErrorCode(err) != proximite.ENOTFOUND {
		return nil, nil, err
	}
	others, err := posts.ListPosts(ctx, proximite.PostFilter{Open: true, OpenOn: h.now(), Kind: p.Kind.Other(), Limit: 200})
	if err != nil {
		return nil, nil, err
	}
	var postCands []proximite.PartnerCandidate
	for _, o := range others {
		org, err := h.reg.FindOrganisation(ctx, o.Org)
		if proximite.ErrorCode(err) == proximite.ENOTFOUND {
			continue
		} else if err != nil {
			return nil, nil, err
		}
		postCands = append(postCands, proximite.PartnerCandidate{Org: org, Post: o, Sectors: o.Sectors})
	}
	orgCands, err := h.registryCandidates(ctx, p)
	if err != nil {
		return nil, nil, err
	}
	view := func(ms []proximite.PartnerMatch) []matchView {
		var out []matchView
		for _, m := range ms {
			v := matchView{Name: m.Org.Name, URL: path(l.lang, secOrganisation, m.Org.Slug),
				Meta: place3(l.Label("orgkind", string(m.Org.Kind)), codelist.Country.Label(m.Org.Country, l.lang))}
			if m.Org.State != proximite.Published {
				v.URL = ""
			}
			if m.Post != nil {
				v.Post, v.Text = postPath(l.lang, m.Post.ID), m.Post.Text
			}
			for _, r := range m.Reasons {
				v.Reasons = append(v.Reasons, reasonText(l, r))
			}
			out = append(out, v)
		}
		return out
	}
	return view(proximite.MatchPost(p, self, postCands, maxSuggestions)),
		view(proximite.MatchPost(p, self, orgCands, maxSuggestions)), nil
}

// registryCandidates reads the published organisations of the kinds and
// countries p asks (any, when it asks none), with the sectors of their
// projects when p names sectors.
func (h *Handler) registryCandidates(ctx context.Context, p *proximite.PartnerPost) ([]proximite.PartnerCandidate, error) {
	filters := map[string][]string{proximite.FacetType: {string(proximite.TypeOrganisation)}}
	if len(p.Countries) > 0 {
		filters[proximite.FacetCountry] = p.Countries
	}
	for _, k := range p.PartnerKinds {
		filters[proximite.FacetOrgKind] = append(filters[proximite.FacetOrgKind], string(k))
	}
	res, err := h.reg.Search(ctx, proximite.SearchFilter{Filters: filters, Sort: proximite.SortTitle, Limit: maxBoardCandidates})
	if err != nil {
		return nil, err
	}
	var out []proximite.PartnerCandidate
	for _, hit := range res.Hits {
		o, err := h.reg.FindOrganisation(ctx, hit.Slug)
		if err != nil {
			return nil, err
		}
		c := proximite.PartnerCandidate{Org: o}
		if len(p.Sectors) > 0 {
			sec, err := h.reg.Search(ctx, proximite.SearchFilter{Org: o.Slug, Limit: 1, WithFacets: true,
				Filters: map[string][]string{proximite.FacetType: {string(proximite.TypeProject)}}})
			if err != nil {
				return nil, err
			}
			for _, f := range sec.Facets[proximite.FacetSectorCategory] {
				c.Sectors = append(c.Sectors, f.Value)
			}
		}
		out = append(out, c)
	}
	return out, nil
}

// reasonText says one reason in words.
func reasonText(l *localizer, r proximite.MatchReason) string {
	var v string
	switch r.Code {
	case proximite.ReasonSector:
		v = codelist.SectorCategory.Label(r.Value, l.lang)
	case proximite.ReasonCountry:
		v = codelist.Country.Label(r.Value, l.lang)
	case proximite.ReasonKind:
		v = l.Label("orgkind", r.Value)
	case proximite.ReasonLanguage:
		v = boardLang(l, r.Value)
	case proximite.ReasonPopulation:
		n, _ := strconv.Atoi(r.Value)
		v = l.Number(float64(n), 0)
	case proximite.ReasonWantsUs:
		if codelist.Country.Valid(r.Value) {
			v = codelist.Country.Label(r.Value, l.lang)
		} else {
			v = l.Label("orgkind", r.Value)
		}
	}
	return l.T("board.reason."+r.Code, "value", v)
}
