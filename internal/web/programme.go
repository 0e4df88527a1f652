package web

import (
	"net/http"

	"github.com/proximite/proximite"
)

// programmeData is a funding programme's page.
type programmeData struct {
	page
	P         *proximite.Programme
	Meta      recordMeta
	Funder    *recordLink
	Covers    []string
	Eligible  []string
	Countries []countryView
	Sectors   []sectorView
	Period    string
	Envelopes []envelopeView
	Projects  relatedList
}

// envelopeView is the money a programme had for a period.
type envelopeView struct {
	Period, Amount string
	Note           proximite.Text
}

func (h *Handler) programme(w http.ResponseWriter, r *http.Request, l *localizer) {
	ctx := r.Context()
	slug, err := recordSlug(r)
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	p, err := h.reg.FindProgramme(ctx, slug)
	if err == nil {
		err = published(&p.Meta)
	}
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	if canonical(w, r, l, secProgramme, slug, &p.Meta) {
		return
	}
	linked, err := h.newestLinked(ctx, proximite.SearchFilter{Programme: p.Slug})
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	if h.fresh(w, r, l.lang, p.UpdatedAt, linked) {
		return
	}
	d := programmeData{P: p, Meta: metaView(l, proximite.TypeProgramme, &p.Meta), Period: l.Period(p.Start, p.End)}
	if p.Funder != "" {
		d.Funder = &recordLink{Name: p.FunderName, URL: path(l.lang, secOrganisation, p.Funder)}
	}
	for _, c := range p.Covers {
		d.Covers = append(d.Covers, l.Label("covers", c))
	}
	for _, k := range p.Eligible {
		d.Eligible = append(d.Eligible, l.Label("orgkind", string(k)))
	}
	for _, c := range p.Countries {
		d.Countries = append(d.Countries, countryViews(l, []proximite.CountryShare{{Code: c}})...)
	}
	for _, s := range p.Sectors {
		vocab := "1"
		if len(s) == 3 {
			vocab = "2"
		}
		d.Sectors = append(d.Sectors, sectorViews(l, []proximite.SectorShare{{Vocabulary: vocab, Code: s}})...)
	}
	for _, e := range p.Envelopes {
		d.Envelopes = append(d.Envelopes, envelopeView{Period: e.Period, Amount: l.Money(e.Value), Note: e.Note})
	}
	if d.Projects, err = h.related(ctx, l, proximite.SearchFilter{Programme: p.Slug}, proximite.TypeProject); err != nil {
		h.fail(w, r, l, err)
		return
	}
	title := l.plain(p.Name)
	desc := excerpt(l.plain(p.Description), 180)
	if desc == "" {
		desc = title
	}
	d.page = h.base(r, l, secProgramme, p.Slug, "", title, desc)
	h.render(w, r, l, http.StatusOK, "programme", d)
}
