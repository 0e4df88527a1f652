package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
	"github.com/proximite/proximite/internal/report"
)

// reportData is the territory's report: what an elected official
// prints, in the order of the argument it makes — what the territory
// does, with whom, since when, with what money, and what it gained.
type reportData struct {
	page
	Name       proximite.Text
	Kind       string
	RegionName proximite.Text
	Figures    []statFigure
	// Outside and Local are the money brought in and put in, formatted
	// per currency; LocalDays the in-kind days of the territory's own.
	Outside, Local []string
	LocalDays      string
	Programmes     []recordLink
	Partnerships   []reportPartnership
	Projects       []reportProject
	Outgoing       []reportVisit
	Incoming       []reportVisit
	Learned        []reportLesson
	Contacts       []reportContact
	Stats          string // the dashboard for this territory
	Index          string // the list of territories
	Today          string
}

type reportPartnership struct {
	Title    proximite.Text
	URL      string
	Kind     string
	Period   string
	Partners []string
	History  []reportEvent
}

type reportEvent struct {
	Date  proximite.Date
	Kind  string
	Title proximite.Text
}

type reportProject struct {
	Title   proximite.Text
	URL     string
	Period  string
	Status  string
	Results []proximite.Text
}

type reportVisit struct {
	Title  proximite.Text
	URL    string
	When   string
	Route  string // "Buckingham → Nioro du Rip"
	People []string
}

type reportLesson struct {
	From proximite.Text
	Text proximite.Text
}

type reportContact struct {
	Name    proximite.Text
	URL     string
	Website string
	Kind    string
}

func (h *Handler) reportData(r *http.Request, l *localizer, rep *report.Territory) (reportData, error) {
	t := rep.Territory
	name := l.plain(t.Name)
	title := l.T("report.title", "name", name)
	p := h.base(r, l, secTerritories, t.Slug, "", title, l.T("report.lead", "name", name))
	o := origin(r)
	other := otherLang(l.lang)
	p.Canonical = o + reportPath(l.lang, t.Slug)
	p.Alternate.Href, p.Alternate.Canonical = reportPath(other, t.Slug), o+reportPath(other, t.Slug)
	d := reportData{page: p, Name: t.Name, Kind: l.T("territory.kind." + string(t.Kind)),
		Stats: path(l.lang, secStats, "") + "?" + url.Values{"territory": {t.Slug}}.Encode(),
		Index: path(l.lang, secTerritories, ""), Today: l.Day(h.now())}
	if rg, ok := proximite.FindRegion(t.Region); ok && t.Kind != proximite.TerritoryRegion {
		d.RegionName = rg.Name
	}
	f := rep.Figures
	d.Figures = []statFigure{
		{l.Number(float64(f.Partnerships), 0), l.N("stats.partnerships", f.Partnerships)},
		{l.Number(float64(f.Projects), 0), l.N("stats.projects", f.Projects)},
		{l.Number(float64(f.VisitsOut), 0), l.N("report.visits.out", f.VisitsOut)},
		{l.Number(float64(f.VisitsIn), 0), l.N("report.visits.in", f.VisitsIn)},
		{l.Number(float64(f.PeopleOut+f.PeopleIn), 0), l.N("stats.people", f.PeopleOut+f.PeopleIn)},
		{days(l, f.InKindDays), l.N("stats.inkind", int(f.InKindDays))},
	}
	for _, a := range f.Outside {
		d.Outside = append(d.Outside, l.Money(proximite.Money{Amount: a.Value, Currency: a.Currency}))
	}
	for _, a := range f.Local {
		d.Local = append(d.Local, l.Money(proximite.Money{Amount: a.Value, Currency: a.Currency}))
	}
	if f.LocalInKindDays > 0 {
		d.LocalDays = days(l, f.LocalInKindDays)
	}
	ctx := r.Context()
	for _, slug := range f.Programmes {
		link, err := h.linkTo(ctx, l, proximite.TypeProgramme, slug)
		if err != nil {
			return d, err
		}
		if link != nil {
			d.Programmes = append(d.Programmes, *link)
		}
	}
	for _, ps := range rep.Partnerships {
		d.Partnerships = append(d.Partnerships, reportPartnershipOf(l, ps))
		if !ps.Lessons.IsZero() {
			d.Learned = append(d.Learned, reportLesson{From: ps.Title, Text: ps.Lessons})
		}
	}
	for _, pj := range rep.Projects {
		v := reportProject{Title: pj.Title, URL: path(l.lang, secProject, pj.Slug), Period: l.Period(pj.Start(), pj.End()),
			Status: codelist.ActivityStatus.Label(pj.Status, l.lang)}
		for _, res := range pj.Results {
			v.Results = append(v.Results, res.Title)
		}
		d.Projects = append(d.Projects, v)
	}
	var err error
	if d.Outgoing, err = h.reportVisits(ctx, l, rep.Outgoing); err != nil {
		return d, err
	}
	if d.Incoming, err = h.reportVisits(ctx, l, rep.Incoming); err != nil {
		return d, err
	}
	for _, org := range rep.Organisations {
		d.Contacts = append(d.Contacts, reportContact{Name: org.Name, URL: path(l.lang, secOrganisation, org.Slug),
			Website: org.Website, Kind: l.Label("orgkind", string(org.Kind))})
	}
	return d, nil
}

func reportPartnershipOf(l *localizer, ps *proximite.Partnership) reportPartnership {
	v := reportPartnership{Title: ps.Title, URL: path(l.lang, secPartnership, ps.Slug),
		Kind: l.Label("pkind", string(ps.Kind)), Period: l.Period(ps.Start, ps.End)}
	for _, pt := range ps.Parties {
		n := l.plain(pt.OrgName)
		if n == "" {
			n = pt.Org
		}
		if pt.OrgCountry != "" {
			n += " (" + codelist.Country.Label(pt.OrgCountry, l.lang) + ")"
		}
		v.Partners = append(v.Partners, n)
	}
	for _, e := range ps.Timeline {
		v.History = append(v.History, reportEvent{Date: e.Date, Kind: l.Label("event", string(e.Kind)), Title: e.Title})
	}
	return v
}

func (h *Handler) reportVisits(ctx context.Context, l *localizer, vs []*proximite.Visit) ([]reportVisit, error) {
	var out []reportVisit
	for _, v := range vs {
		rv := reportVisit{Title: v.Title, URL: path(l.lang, secVisit, v.Slug), When: l.When(v.Start, v.End)}
		var ends []string
		for _, e := range []proximite.Text{v.FromName, v.ToName} {
			if s := l.plain(e); s != "" {
				ends = append(ends, s)
			}
		}
		rv.Route = strings.Join(ends, " → ")
		for _, pp := range v.People {
			s := l.Label("people", string(pp.Kind))
			if pp.Count > 0 {
				s = l.Number(float64(pp.Count), 0) + " × " + strings.ToLower(s)
			}
			rv.People = append(rv.People, s)
		}
		for _, w := range v.With {
			link, err := h.linkTo(ctx, l, proximite.TypeOrganisation, w)
			if err != nil {
				return nil, err
			}
			if link != nil {
				rv.People = append(rv.People, l.plain(link.Name))
			}
		}
		out = append(out, rv)
	}
	return out, nil
}
