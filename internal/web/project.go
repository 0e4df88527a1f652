package web

import (
	"net/http"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
)

// projectData is a project's page.
type projectData struct {
	page
	P            *proximite.Project
	Meta         recordMeta
	Status       string
	StatusURL    string
	Period       string
	Dates        []dateRow
	Sectors      []sectorView
	Countries    []countryView
	Regions      []string
	Locations    []locationView
	Roles        []roleGroup
	Budgets      []budgetView
	Transactions []transactionView
	Results      []resultView
	Documents    []documentView
	InKind       []inKindView
	Partnership  *recordLink
	Programme    *recordLink
	// Publications are the library's documents about the project.
	Publications relatedList
	// Funding lists the programmes whose eligibility fits the project.
	Funding fundingSection
}

// dateRow is one of the IATI dates of a project.
type dateRow struct {
	Label string
	Date  proximite.Date
}

// recordLink is a link to another record by its name.
type recordLink struct {
	Name proximite.Text
	URL  string
}

func (h *Handler) project(w http.ResponseWriter, r *http.Request, l *localizer) {
	ctx := r.Context()
	slug, err := recordSlug(r)
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	p, err := h.reg.FindProject(ctx, slug)
	if err == nil {
		err = published(&p.Meta)
	}
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	if canonical(w, r, l, secProject, slug, &p.Meta) {
		return
	}
	// A publication about the project changes its page.
	linked, err := h.newestLinked(ctx, proximite.SearchFilter{Project: p.Slug})
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	// So does a programme, through the programmes that could fund it.
	programmes, err := h.newestLinked(ctx, proximite.SearchFilter{
		Filters: map[string][]string{proximite.FacetType: {string(proximite.TypeProgramme)}}})
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	if h.fresh(w, r, l.lang, p.UpdatedAt, linked, programmes) {
		return
	}
	names := newNames(h.reg, p.Participants)
	d := projectData{P: p, Meta: metaView(l, proximite.TypeProject, &p.Meta),
		Status: codelist.ActivityStatus.Label(p.Status, l.lang), Period: l.Period(p.Start(), p.End()),
		Sectors: sectorViews(l, p.Sectors), Countries: countryViews(l, p.Countries),
		Locations: locationViews(l, p.Locations), Roles: roleGroups(l, p.Participants), Results: resultViews(l, p.Results),
		Documents: documentViews(l, p.Documents), Budgets: budgetViews(l, p.Budgets)}
	if p.Status != "" {
		d.StatusURL = path(l.lang, secSearch, "") + "?type=project&status=" + p.Status
	}
	for _, row := range []dateRow{{"date.planned_start", p.PlannedStart}, {"date.actual_start", p.ActualStart},
		{"date.planned_end", p.PlannedEnd}, {"date.actual_end", p.ActualEnd}} {
		if row.Date != "" {
			d.Dates = append(d.Dates, dateRow{Label: l.T(row.Label), Date: row.Date})
		}
	}
	for _, rg := range p.Regions {
		d.Regions = append(d.Regions, codelist.Region.Label(rg.Code, l.lang)+percent(l, rg.Percentage))
	}
	if d.Transactions, err = transactionViews(r.Context(), l, names, p.Transactions); err != nil {
		h.fail(w, r, l, err)
		return
	}
	if d.InKind, err = inKindViews(r.Context(), l, names, p.InKind); err != nil {
		h.fail(w, r, l, err)
		return
	}
	if d.Partnership, err = h.linkTo(ctx, l, proximite.TypePartnership, p.Partnership); err != nil {
		h.fail(w, r, l, err)
		return
	}
	if d.Programme, err = h.linkTo(ctx, l, proximite.TypeProgramme, p.Programme); err != nil {
		h.fail(w, r, l, err)
		return
	}
	if d.Publications, err = h.related(ctx, l, proximite.SearchFilter{Project: p.Slug}, proximite.TypePublication); err != nil {
		h.fail(w, r, l, err)
		return
	}
	if d.Funding, err = h.projectFundingSection(ctx, l, p); err != nil {
		h.fail(w, r, l, err)
		return
	}
	title := l.plain(p.Title)
	desc := excerpt(l.plain(p.Description), 180)
	if desc == "" {
		desc = title
	}
	d.page = h.base(r, l, secProject, p.Slug, "", title, desc)
	h.render(w, r, l, http.StatusOK, "project", d)
}
