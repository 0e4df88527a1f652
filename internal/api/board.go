package api

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
)

// The partner board's posts, as its public pages show them: the list of
// open posts with the page's filters, and one post by number, open or
// not (a closed post stays readable by its link). Only what the pages
// show is written, field by field: the board's posts carry nothing else
// public, and the assessments of candidates, kept with partnerships for
// their members, are never read here.

// boardPost is a post as the board's pages show it.
type boardPost struct {
	ID           int64               `json:"id"`
	URL          string              `json:"url"`
	Kind         proximite.PostKind  `json:"kind"`
	Org          boardOrg            `json:"org"`
	Sectors      []string            `json:"sectors,omitempty"`
	Countries    []string            `json:"countries,omitempty"`
	Region       string              `json:"region,omitempty"`
	PartnerKinds []proximite.OrgKind `json:"partner_kinds,omitempty"`
	Languages    []string            `json:"languages,omitempty"`
	PopMin       int                 `json:"pop_min,omitempty"`
	PopMax       int                 `json:"pop_max,omitempty"`
	Text         proximite.Text      `json:"text"`
	Expires      proximite.Date      `json:"expires"`
	// Open says the post is listed today: not closed, not expired.
	Open   bool `json:"open"`
	Closed bool `json:"closed"`
}

// boardOrg is the organisation that posts: its name, and its address
// when it is published.
type boardOrg struct {
	Slug string         `json:"slug"`
	Name proximite.Text `json:"name"`
	URL  string         `json:"url,omitempty"`
}

func (h *Handler) boardPostOf(ctx context.Context, p *proximite.PartnerPost) (boardPost, error) {
	out := boardPost{ID: p.ID, URL: "/api/v1/board/" + strconv.FormatInt(p.ID, 10), Kind: p.Kind,
		Org: boardOrg{Slug: p.Org, Name: proximite.Text{"fr": p.Org}}, Sectors: p.Sectors, Countries: p.Countries,
		Region: p.Region, PartnerKinds: p.PartnerKinds, Languages: p.Languages, PopMin: p.PopMin, PopMax: p.PopMax,
		Text: p.Text, Expires: p.Expires, Open: p.Open(h.now()), Closed: p.Closed}
	o, err := h.reg.FindOrganisation(ctx, p.Org)
	if err == nil {
		out.Org.Name = o.Name
		if o.State == proximite.Published {
			out.Org.URL = "/api/v1/organisations/" + o.Slug
		}
	} else if proximite.ErrorCode(err) != proximite.ENOTFOUND {
		return out, err
	}
	return out, nil
}

func (h *Handler) postService() (proximite.PartnerPostService, error) {
	posts, ok := h.reg.(proximite.PartnerPostService)
	if !ok {
		return nil, proximite.Errorf(proximite.ENOTFOUND, "this registry keeps no partner board")
	}
	return posts, nil
}

// board lists the open posts, newest first, with the page's filters.
func (h *Handler) board(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	posts, err := h.postService()
	if err != nil {
		h.error(w, r, err)
		return
	}
	q := r.URL.Query()
	f := proximite.PostFilter{Open: true, OpenOn: h.now(), Kind: proximite.PostKind(q.Get("kind")), Sector: q.Get("sector"),
		Country: strings.ToUpper(q.Get("country")), PartnerKind: proximite.OrgKind(q.Get("partner_kind")), Language: q.Get("language")}
	switch {
	case f.Kind != "" && !f.Kind.Valid():
		err = proximite.FieldError("kind", "must be seek or offer, got %q", f.Kind)
	case f.Sector != "" && !codelist.SectorCategory.Valid(f.Sector):
		err = proximite.FieldError("sector", "unknown DAC sector category %q", f.Sector)
	case f.Country != "" && !codelist.Country.Valid(f.Country):
		err = proximite.FieldError("country", "unknown country code %q", f.Country)
	case f.PartnerKind != "" && !f.PartnerKind.Valid():
		err = proximite.FieldError("partner_kind", "unknown kind of organisation %q", f.PartnerKind)
	case len(f.Language) > 12:
		err = proximite.FieldError("language", "is not a language code")
	}
	if err != nil {
		h.error(w, r, err)
		return
	}
	list, err := posts.ListPosts(ctx, f)
	if err != nil {
		h.error(w, r, err)
		return
	}
	out := []boardPost{}
	for _, p := range list {
		v, err := h.boardPostOf(ctx, p)
		if err != nil {
			h.error(w, r, err)
			return
		}
		out = append(out, v)
	}
	writeJSON(w, http.StatusOK, struct {
		Items []boardPost `json:"items"`
	}{out})
}

// boardPost answers one post by number.
func (h *Handler) boardPost(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	posts, err := h.postService()
	if err != nil {
		h.error(w, r, err)
		return
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		h.error(w, r, proximite.Errorf(proximite.ENOTFOUND, "no post %q: posts are numbered", r.PathValue("id")))
		return
	}
	p, err := posts.FindPost(ctx, id)
	if err != nil {
		h.error(w, r, err)
		return
	}
	v, err := h.boardPostOf(ctx, p)
	if err != nil {
		h.error(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, v)
}
