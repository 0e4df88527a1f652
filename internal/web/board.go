package web

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
)

// The partner board: organisations say what partner they seek or what
// partnership they offer, and each post's page suggests who fits, from
// the other side of the board and from the registry, with the reasons.
// Posts are public while they are open; writing them is for the
// organisation's editors and the coordinators (board_form.go).

// secBoard is the board's section: /fr/partenaires-recherches,
// /en/partner-search.
const secBoard section = "board"

func init() {
	segments[secBoard] = map[string]string{"fr": "partenaires-recherches", "en": "partner-search"}
}

// boardData is the board's list.
type boardData struct {
	page
	Posts   []postCard
	Filters boardFilters
	New     string // the form's path, for members
	Count   string
}

// boardFilters are the list's filters with their options.
type boardFilters struct {
	Kind, Sector, Country, PartnerKind, Language string
	Kinds, Sectors, Countries, PartnerKinds      []choice
	Active                                       bool
}

// postCard is one post as lists and pages show it.
type postCard struct {
	ID       int64
	URL      string
	Kind     string // "seek" or "offer", for the tag's class
	KindName string
	Org      recordLink
	Text     proximite.Text
	Criteria []boardFact
	Expires  string
	Open     bool
	Closed   bool
}

// fact is a label and its value.
type boardFact struct{ Label, Value string }

// boardRoutes registers the board of one language when the registry
// keeps posts.
func (h *Handler) boardRoutes(lang string, l *localizer) {
	posts, ok := h.reg.(proximite.PartnerPostService)
	if !ok {
		return
	}
	h.mux.HandleFunc("GET "+path(lang, secBoard, ""), h.with(l, func(w http.ResponseWriter, r *http.Request, l *localizer) {
		h.boardPage(w, r, l, posts)
	}))
	h.mux.HandleFunc("GET "+path(lang, secBoard, "")+"/{id}", h.with(l, func(w http.ResponseWriter, r *http.Request, l *localizer) {
		h.postPage(w, r, l, posts)
	}))
}

func (h *Handler) boardPage(w http.ResponseWriter, r *http.Request, l *localizer, posts proximite.PartnerPostService) {
	ctx := r.Context()
	q := r.URL.Query()
	f := proximite.PostFilter{Open: true, OpenOn: h.now(), Kind: proximite.PostKind(q.Get("kind")), Sector: q.Get("sector"),
		Country: strings.ToUpper(q.Get("country")), PartnerKind: proximite.OrgKind(q.Get("partner_kind")), Language: q.Get("language")}
	if f.Kind != "" && !f.Kind.Valid() {
		h.fail(w, r, l, &badInput{key: "board.err.filter", pairs: []any{"name", "kind"}})
		return
	}
	if (f.Sector != "" && !codelist.SectorCategory.Valid(f.Sector)) || (f.Country != "" && !codelist.Country.Valid(f.Country)) ||
		(f.PartnerKind != "" && !f.PartnerKind.Valid()) || len(f.Language) > 12 {
		h.fail(w, r, l, &badInput{key: "board.err.filter", pairs: []any{"name", firstBadFilter(q)}})
		return
	}
	list, err := posts.ListPosts(ctx, f)
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	d := boardData{Filters: boardFilters{Kind: string(f.Kind), Sector: f.Sector, Country: f.Country,
		PartnerKind: string(f.PartnerKind), Language: f.Language}}
	d.Filters.Active = canonicalBoardQuery(q) != ""
	d.Filters.Kinds = []choice{{Value: "", Label: l.T("board.any")}, {Value: "seek", Label: l.T("board.kind.seek")}, {Value: "offer", Label: l.T("board.kind.offer")}}
	d.Filters.Sectors, d.Filters.Countries, d.Filters.PartnerKinds = boardSectorChoices(l), boardCountryChoices(l), boardKindChoices(l)
	for _, p := range list {
		c, err := h.postCard(ctx, l, p)
		if err != nil {
			h.fail(w, r, l, err)
			return
		}
		d.Posts = append(d.Posts, c)
	}
	d.Count = l.N("board.count", len(d.Posts))
	if h.ws != nil {
		d.New = boardNewPath(l.lang)
	}
	d.page = h.base(r, l, secBoard, "", canonicalBoardQuery(q), l.T("board.title"), l.T("board.lead"))
	d.page.NoIndex = d.Filters.Active
	h.render(w, r, l, http.StatusOK, "board", d)
}

// firstBadFilter names the first filter given, for the message of a list
// asked with a value it does not know.
func firstBadFilter(q url.Values) string {
	for _, k := range []string{"sector", "country", "partner_kind", "language"} {
		if q.Get(k) != "" {
			return k
		}
	}
	return "?"
}

// canonicalBoardQuery keeps the board's own filters, in a stable order.
func canonicalBoardQuery(q url.Values) string {
	out := url.Values{}
	for _, k := range []string{"kind", "sector", "country", "partner_kind", "language"} {
		if v := q.Get(k); v != "" {
			out.Set(k, v)
		}
	}
	return out.Encode()
}

// postCard formats a post with its organisation's name and its criteria.
func (h *Handler) postCard(ctx context.Context, l *localizer, p *proximite.PartnerPost) (postCard, error) {
	c := postCard{ID: p.ID, URL: postPath(l.lang, p.ID), Kind: string(p.Kind), KindName: l.T("board.kind." + string(p.Kind)),
		Text: p.Text, Expires: l.Date(p.Expires), Open: p.Open(h.now()), Closed: p.Closed}
	c.Org = recordLink{Name: proximite.Text{"fr": p.Org}, URL: path(l.lang, secOrganisation, p.Org)}
	if o, err := h.reg.FindOrganisation(ctx, p.Org); err == nil {
		c.Org.Name = o.Name
		if o.State != proximite.Published {
			c.Org.URL = ""
		}
	} else if proximite.ErrorCode(err) != proximite.ENOTFOUND {
		return c, err
	}
	c.Criteria = postCriteria(l, p)
	return c, nil
}

// postCriteria lists what a post asks, in words.
func postCriteria(l *localizer, p *proximite.PartnerPost) []boardFact {
	var out []boardFact
	join := func(codes []string, name func(string) string) string {
		names := make([]string, len(codes))
		for i, c := range codes {
			names[i] = name(c)
		}
		return strings.Join(names, ", ")
	}
	if len(p.Sectors) > 0 {
		out = append(out, boardFact{l.T("board.f.sectors"), join(p.Sectors, func(c string) string { return codelist.SectorCategory.Label(c, l.lang) })})
	}
	where := join(p.Countries, func(c string) string { return codelist.Country.Label(c, l.lang) })
	if p.Region != "" {
		where = strings.TrimPrefix(where+" — "+p.Region, " — ")
	}
	if where != "" {
		out = append(out, boardFact{l.T("board.f.where"), where})
	}
	if len(p.PartnerKinds) > 0 {
		kinds := make([]string, len(p.PartnerKinds))
		for i, k := range p.PartnerKinds {
			kinds[i] = string(k)
		}
		out = append(out, boardFact{l.T("board.f.kinds"), join(kinds, func(c string) string { return l.Label("orgkind", c) })})
	}
	if len(p.Languages) > 0 {
		out = append(out, boardFact{l.T("board.f.languages"), join(p.Languages, func(c string) string { return boardLang(l, c) })})
	}
	switch {
	case p.PopMin > 0 && p.PopMax > 0:
		out = append(out, boardFact{l.T("board.f.population"), l.T("board.pop.range", "min", l.Number(float64(p.PopMin), 0), "max", l.Number(float64(p.PopMax), 0))})
	case p.PopMin > 0:
		out = append(out, boardFact{l.T("board.f.population"), l.T("board.pop.min", "min", l.Number(float64(p.PopMin), 0))})
	case p.PopMax > 0:
		out = append(out, boardFact{l.T("board.f.population"), l.T("board.pop.max", "max", l.Number(float64(p.PopMax), 0))})
	}
	return out
}

// postPath is the page of a post.
func postPath(lang string, id int64) string {
	return path(lang, secBoard, strconv.FormatInt(id, 10))
}

// boardSectorChoices, boardCountryChoices and boardKindChoices are the options of
// the filters and of the form, with an empty "any" first.
func boardSectorChoices(l *localizer) []choice {
	out := []choice{{Value: "", Label: l.T("board.any")}}
	for _, c := range codelist.SectorCategory.Codes {
		if !c.Withdrawn {
			out = append(out, choice{Value: c.Code, Label: c.Code + " — " + codelist.SectorCategory.Label(c.Code, l.lang)})
		}
	}
	return out
}

func boardCountryChoices(l *localizer) []choice {
	out := []choice{{Value: "", Label: l.T("board.any")}}
	for _, c := range codelist.Country.Codes {
		if !c.Withdrawn {
			out = append(out, choice{Value: c.Code, Label: codelist.Country.Label(c.Code, l.lang)})
		}
	}
	slices.SortStableFunc(out[1:], func(a, b choice) int { return strings.Compare(proximite.Fold(a.Label), proximite.Fold(b.Label)) })
	return out
}

func boardKindChoices(l *localizer) []choice {
	out := []choice{{Value: "", Label: l.T("board.any")}}
	for _, k := range proximite.OrgKinds {
		out = append(out, choice{Value: string(k), Label: l.Label("orgkind", string(k))})
	}
	return out
}

// boardLang names a working language: the common ones of the network by
// name, any other by its code.
func boardLang(l *localizer, code string) string {
	if s, ok := l.msg["board.lang."+code]; ok {
		return s
	}
	return code
}
