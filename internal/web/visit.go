package web

import (
	"net/http"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
)

// visitData is a delegation's page.
type visitData struct {
	page
	V           *proximite.Visit
	Meta        recordMeta
	Direction   string
	Period      string
	From, To    *recordLink
	FromCountry string
	ToCountry   string
	With        []recordLink
	People      []peopleView
	Headcount   string
	Partnership *recordLink
	Event       *recordLink // the event the delegation went to
}

// peopleView is one kind of people in a delegation.
type peopleView struct {
	Kind  string
	Count int
	Note  proximite.Text
}

func (h *Handler) visit(w http.ResponseWriter, r *http.Request, l *localizer) {
	ctx := r.Context()
	slug, err := recordSlug(r)
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	v, err := h.reg.FindVisit(ctx, slug)
	if err == nil {
		err = published(&v.Meta)
	}
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	if canonical(w, r, l, secVisit, slug, &v.Meta) {
		return
	}
	if h.fresh(w, r, l.lang, v.UpdatedAt) {
		return
	}
	d := visitData{V: v, Meta: metaView(l, proximite.TypeVisit, &v.Meta), Direction: l.Label("direction", string(v.Direction)),
		Period: l.When(v.Start, v.End), FromCountry: codelist.Country.Label(v.FromCountry, l.lang),
		ToCountry: codelist.Country.Label(v.ToCountry, l.lang)}
	if v.From != "" {
		d.From = &recordLink{Name: v.FromName, URL: path(l.lang, secOrganisation, v.From)}
	}
	if v.To != "" {
		d.To = &recordLink{Name: v.ToName, URL: path(l.lang, secOrganisation, v.To)}
	}
	for _, slug := range v.With {
		link, err := h.linkTo(ctx, l, proximite.TypeOrganisation, slug)
		if err != nil {
			h.fail(w, r, l, err)
			return
		}
		if link != nil {
			d.With = append(d.With, *link)
		}
	}
	for _, p := range v.People {
		d.People = append(d.People, peopleView{Kind: l.Label("people", string(p.Kind)), Count: p.Count, Note: p.Note})
	}
	if n := v.Headcount(); n > 0 {
		d.Headcount = l.N("exchanges.people", n)
	}
	if d.Partnership, err = h.linkTo(ctx, l, proximite.TypePartnership, v.Partnership); err != nil {
		h.fail(w, r, l, err)
		return
	}
	if d.Event, err = h.eventLink(ctx, l, v.Event); err != nil {
		h.fail(w, r, l, err)
		return
	}
	title := l.plain(v.Title)
	desc := excerpt(l.plain(v.Purpose), 180)
	if desc == "" {
		desc = title
	}
	d.page = h.base(r, l, secVisit, v.Slug, "", title, desc)
	h.render(w, r, l, http.StatusOK, "visit", d)
}
