package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/proximite/proximite"
)

// The board's form: a post is written, changed and closed by the
// editors of its organisation and by the coordinators, through
// proximite.PostGuard. The form is small and flat, so it is drawn by its
// own template; each problem is named next to its field and in a summary
// at the top, and nothing is stored while one remains.

var (
	boardCloseSegment = map[string]string{"fr": "fermer", "en": "close"}
	boardNewSegment   = map[string]string{"fr": "nouvelle", "en": "new"}
)

func boardNewPath(lang string) string { return path(lang, secBoard, "") + "/" + boardNewSegment[lang] }

func postEditPath(lang string, id int64) string { return postPath(lang, id) + "/" + editSegment[lang] }

func postClosePath(lang string, id int64) string {
	return postPath(lang, id) + "/" + boardCloseSegment[lang]
}

// boardFormRoutes registers the form in one language.
func (h *Handler) boardFormRoutes(lang string, l *localizer) {
	posts, ok := h.reg.(proximite.PartnerPostService)
	if !ok {
		return
	}
	g := proximite.PostGuard{PartnerPostService: posts}
	for _, m := range []string{"GET ", "POST "} {
		h.mux.HandleFunc(m+boardNewPath(lang), h.page(l, h.postForm(g, true)))
		h.mux.HandleFunc(m+path(lang, secBoard, "")+"/{id}/"+editSegment[lang], h.page(l, h.postForm(g, false)))
	}
	h.mux.HandleFunc("POST "+path(lang, secBoard, "")+"/{id}/"+boardCloseSegment[lang], h.page(l, h.postClose(g)))
}

// postFormData is the form's page.
type postFormData struct {
	page
	Heading, Action, Cancel string
	V                       url.Values
	Errors                  map[string]string
	Summary                 []crumb // each problem, linking to its field
	Orgs, Kinds             []choice
	Sectors, Countries      []choice
	PartnerKinds            []choice
}

// postFields are the form's fields in order, for the summary.
var postFields = []string{"org", "kind", "sectors", "countries", "region", "partner_kinds", "languages", "pop_min", "pop_max", "text", "expires"}

func (h *Handler) postForm(g proximite.PostGuard, create bool) pageHandler {
	return func(w http.ResponseWriter, r *http.Request, l *localizer) {
		u := h.member(w, r, l)
		if u == nil {
			return
		}
		ctx := r.Context()
		var old *proximite.PartnerPost
		if !create {
			id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
			if err != nil {
				h.notFound(w, r, l)
				return
			}
			if old, err = g.FindPost(ctx, id); err != nil {
				h.fail(w, r, l, err)
				return
			}
			if err := proximite.CanPost(u, old.Org); err != nil {
				h.refuse(w, r, l, err)
				return
			}
		} else if u.Role == proximite.RoleEditor && len(u.Orgs) == 0 {
			h.refuse(w, r, l, proximite.CanPost(u, ""))
			return
		}
		d := postFormData{Errors: map[string]string{}, V: url.Values{}}
		if r.Method == http.MethodPost {
			r.Body = http.MaxBytesReader(w, r.Body, maxFormBody)
			if err := r.ParseForm(); err != nil {
				h.errorPage(w, r, l, http.StatusBadRequest, "error.badrequest", "")
				return
			}
			d.V = r.PostForm
			p := h.decodePost(l, d.V, d.Errors)
			if old != nil {
				p.ID, p.Closed = old.ID, old.Closed
			}
			if len(d.Errors) == 0 {
				if err := p.Validate(h.now()); err != nil {
					domainErrors(l, err, d.Errors)
				}
			}
			if len(d.Errors) == 0 {
				var err error
				if old == nil {
					err = g.CreatePost(ctx, p)
				} else {
					err = g.UpdatePost(ctx, p)
				}
				if err == nil {
					http.Redirect(w, r, postPath(l.lang, p.ID), http.StatusSeeOther)
					return
				}
				if c := proximite.ErrorCode(err); c == proximite.EFORBIDDEN || c == proximite.EUNAUTHORIZED {
					h.refuse(w, r, l, err)
					return
				}
				if !domainErrors(l, err, d.Errors) {
					h.fail(w, r, l, err)
					return
				}
			}
		} else if old != nil {
			d.V = encodePost(old)
		} else {
			d.V.Set("kind", string(proximite.Seek))
			d.V.Set("expires", h.now().AddDate(0, 3, 0).Format("2006-01-02"))
			if len(u.Orgs) > 0 {
				d.V.Set("org", u.Orgs[0])
			}
		}
		h.drawPostForm(w, r, l, u, old, &d)
	}
}

// drawPostForm renders the form, with its problems when there are some.
func (h *Handler) drawPostForm(w http.ResponseWriter, r *http.Request, l *localizer, u *proximite.User, old *proximite.PartnerPost, d *postFormData) {
	d.Heading, d.Action, d.Cancel = l.T("board.new"), boardNewPath(l.lang), path(l.lang, secBoard, "")
	if old != nil {
		d.Heading, d.Action, d.Cancel = l.T("board.edit"), postEditPath(l.lang, old.ID), postPath(l.lang, old.ID)
	}
	for _, f := range postFields {
		if msg, ok := d.Errors[f]; ok {
			d.Summary = append(d.Summary, crumb{Name: l.T("board.err.summary", "field", l.T("board.f."+f), "msg", msg), Href: "#f-" + f})
		}
	}
	if msg, ok := d.Errors["form"]; ok {
		d.Summary = append(d.Summary, crumb{Name: msg, Href: "#f-text"})
	}
	d.Orgs = h.postOrgChoices(r, l, u)
	d.Kinds = []choice{{Value: "seek", Label: l.T("board.kind.seek.long")}, {Value: "offer", Label: l.T("board.kind.offer.long")}}
	d.Sectors, d.Countries, d.PartnerKinds = boardSectorChoices(l)[1:], boardCountryChoices(l)[1:], boardKindChoices(l)[1:]
	mark := func(cs []choice, name string) {
		for i := range cs {
			cs[i].Selected = slices.Contains(d.V[name], cs[i].Value)
		}
	}
	mark(d.Orgs, "org")
	mark(d.Kinds, "kind")
	mark(d.Sectors, "sectors")
	mark(d.Countries, "countries")
	mark(d.PartnerKinds, "partner_kinds")
	d.page = h.base(r, l, secBoard, "", "", d.Heading, l.T("board.form.intro"))
	d.page.NoIndex = true
	d.page.Alternate.Href, d.page.Alternate.Canonical = boardNewPath(d.page.Alternate.Lang), ""
	if old != nil {
		d.page.Alternate.Href = postEditPath(d.page.Alternate.Lang, old.ID)
	}
	status := http.StatusOK
	if len(d.Errors) > 0 {
		status = http.StatusUnprocessableEntity
	}
	h.render(w, r, l, status, "board_form", d)
}

// postOrgChoices are the organisations a person may post for: their own,
// or for a coordinator every organisation of the registry.
func (h *Handler) postOrgChoices(r *http.Request, l *localizer, u *proximite.User) []choice {
	var out []choice
	if u.Role == proximite.RoleEditor {
		for _, o := range u.Orgs {
			c := choice{Value: o, Label: o}
			if org, err := h.reg.FindOrganisation(r.Context(), o); err == nil {
				c.Label = l.plain(org.Name)
			}
			out = append(out, c)
		}
		return out
	}
	res, err := h.reg.Search(r.Context(), proximite.SearchFilter{IncludeUnpublished: true, Sort: proximite.SortTitle, Lang: l.lang,
		Limit: proximite.MaxLimit, Filters: map[string][]string{proximite.FacetType: {string(proximite.TypeOrganisation)}}})
	if err != nil {
		h.log.Error("board: organisations", "err", err)
		return out
	}
	for _, hit := range res.Hits {
		out = append(out, choice{Value: hit.Slug, Label: l.plain(hit.Title)})
	}
	return out
}

// decodePost reads the form; what cannot be read is named in errs.
func (h *Handler) decodePost(l *localizer, v url.Values, errs map[string]string) *proximite.PartnerPost {
	p := &proximite.PartnerPost{Org: strings.TrimSpace(v.Get("org")), Kind: proximite.PostKind(v.Get("kind")),
		Sectors: nonEmpty(v["sectors"]), Countries: nonEmpty(v["countries"]), Region: strings.TrimSpace(v.Get("region")),
		Expires: proximite.Date(strings.TrimSpace(v.Get("expires"))), Text: bothLangs(v.Get("text.fr"), v.Get("text.en"))}
	if p.Org == "" {
		errs["org"] = l.T("board.err.org")
	}
	if !p.Kind.Valid() {
		errs["kind"] = l.T("board.err.kind")
	}
	for _, k := range nonEmpty(v["partner_kinds"]) {
		p.PartnerKinds = append(p.PartnerKinds, proximite.OrgKind(k))
	}
	for _, lang := range strings.FieldsFunc(strings.ToLower(v.Get("languages")), func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
		p.Languages = append(p.Languages, lang)
	}
	num := func(name string, dst *int) {
		s := strings.ReplaceAll(strings.ReplaceAll(strings.TrimSpace(v.Get(name)), " ", ""), "\u202f", "")
		if s == "" {
			return
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			errs[name] = l.T("board.err.number", "value", v.Get(name))
			return
		}
		*dst = n
	}
	num("pop_min", &p.PopMin)
	num("pop_max", &p.PopMax)
	if p.Text.IsZero() {
		errs["text"] = l.T("board.err.text")
	}
	if _, err := time.Parse("2006-01-02", string(p.Expires)); err != nil {
		errs["expires"] = l.T("board.err.expires", "value", string(p.Expires))
	}
	return p
}

func nonEmpty(list []string) []string {
	var out []string
	for _, s := range list {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// encodePost fills the form from a stored post.
func encodePost(p *proximite.PartnerPost) url.Values {
	v := url.Values{"org": {p.Org}, "kind": {string(p.Kind)}, "sectors": p.Sectors, "countries": p.Countries,
		"region": {p.Region}, "languages": {strings.Join(p.Languages, ", ")}, "expires": {string(p.Expires)},
		"text.fr": {p.Text["fr"]}, "text.en": {p.Text["en"]}}
	for _, k := range p.PartnerKinds {
		v.Add("partner_kinds", string(k))
	}
	if p.PopMin > 0 {
		v.Set("pop_min", strconv.Itoa(p.PopMin))
	}
	if p.PopMax > 0 {
		v.Set("pop_max", strconv.Itoa(p.PopMax))
	}
	return v
}

// postClose closes a post: it leaves the board and its suggestions.
func (h *Handler) postClose(g proximite.PostGuard) pageHandler {
	return func(w http.ResponseWriter, r *http.Request, l *localizer) {
		if h.member(w, r, l) == nil {
			return
		}
		id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
		if err != nil {
			h.notFound(w, r, l)
			return
		}
		p, err := g.FindPost(r.Context(), id)
		if err == nil {
			p.Closed = true
			err = g.UpdatePost(r.Context(), p)
		}
		if err != nil {
			h.refuse(w, r, l, err)
			return
		}
		http.Redirect(w, r, postPath(l.lang, p.ID), http.StatusSeeOther)
	}
}

// refuse answers a write the policy refuses with a 403 that says why,
// and any other error as fail does.
func (h *Handler) refuse(w http.ResponseWriter, r *http.Request, l *localizer, err error) {
	if c := proximite.ErrorCode(err); c == proximite.EFORBIDDEN || c == proximite.EUNAUTHORIZED {
		h.errorPage(w, r, l, http.StatusForbidden, "ws.error.forbidden", localized(l, err))
		return
	}
	h.fail(w, r, l, err)
}

// bothLangs is the text typed in the form's French and English inputs,
// trimmed, without the languages left empty.
func bothLangs(fr, en string) proximite.Text {
	t := proximite.Text{}
	if fr = strings.TrimSpace(fr); fr != "" {
		t["fr"] = fr
	}
	if en = strings.TrimSpace(en); en != "" {
		t["en"] = en
	}
	return t
}
