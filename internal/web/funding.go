package web

import (
	"context"
	"net/http"
	"net/url"
	"sort"
	"strings"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
)

// fundingData is the funding search: who applies, where, in what, and
// the programmes that fit, the closed ones apart.
type fundingData struct {
	page
	Action    string
	Kinds     []networkOption
	Countries []networkOption
	Sectors   []networkOption
	Notices   []string
	Asked     bool
	Open      []fitView
	Closed    []fitView
}

// fundingSection is the project page's "programmes that could fund this
// project", with the search asked with the project's own answers.
type fundingSection struct {
	Fits   []fitView
	Search string
}

// fitView is a programme with why it fits and what does not.
type fitView struct {
	Name   proximite.Text
	URL    string
	Funder proximite.Text
	Score  string
	Closed string
	Fits   []string
	Misses []string
	Covers string
}

// projectFunding bounds the programmes a project page suggests.
const projectFunding = 5

func (h *Handler) fundingRoutes(lang string, l *localizer) {
	h.mux.HandleFunc("GET "+path(lang, secFunding, ""), h.with(l, h.funding))
}

// funding answers the search form. Values it does not know are named in
// a notice and left out of the question.
func (h *Handler) funding(w http.ResponseWriter, r *http.Request, l *localizer) {
	svc, ok := h.reg.(proximite.FundingService)
	if !ok {
		h.notFound(w, r, l)
		return
	}
	q := r.URL.Query()
	d := fundingData{Action: path(l.lang, secFunding, "")}
	var fq proximite.FundingQuery
	if k := q.Get("kind"); k != "" {
		if proximite.OrgKind(k).Valid() {
			fq.Kinds = []proximite.OrgKind{proximite.OrgKind(k)}
		} else {
			d.Notices = append(d.Notices, l.T("network.bad.kind", "value", excerpt(k, 40)))
		}
	}
	if c := q.Get("country"); c != "" {
		if codelist.Country.Valid(c) {
			fq.Countries = []string{c}
		} else {
			d.Notices = append(d.Notices, l.T("network.bad.country", "value", excerpt(c, 40)))
		}
	}
	if s := q.Get("sector"); s != "" {
		if codelist.SectorCategory.Valid(s) || codelist.Sector.Valid(s) {
			fq.Sectors = []string{s}
		} else {
			d.Notices = append(d.Notices, l.T("funding.bad.sector", "value", excerpt(s, 40)))
		}
	}
	d.Asked = !fq.IsZero()
	if d.Asked {
		programmes, err := svc.FundingProgrammes(r.Context())
		if err != nil {
			h.fail(w, r, l, err)
			return
		}
		open, closed := proximite.FindFunding(programmes, fq, h.today())
		for i := range open {
			d.Open = append(d.Open, fundingFitView(l, &open[i]))
		}
		for i := range closed {
			d.Closed = append(d.Closed, fundingFitView(l, &closed[i]))
		}
	}
	for _, k := range proximite.OrgKinds {
		d.Kinds = append(d.Kinds, networkOption{Value: string(k), Label: l.Label("orgkind", string(k)), Selected: len(fq.Kinds) > 0 && fq.Kinds[0] == k})
	}
	for _, cc := range codelist.Country.Codes {
		if cc.Withdrawn {
			continue
		}
		c := cc.Code
		d.Countries = append(d.Countries, networkOption{Value: c, Label: codelist.Country.Label(c, l.lang), Selected: len(fq.Countries) > 0 && fq.Countries[0] == c})
	}
	sort.Slice(d.Countries, func(i, j int) bool {
		return proximite.Fold(d.Countries[i].Label) < proximite.Fold(d.Countries[j].Label)
	})
	for _, cc := range codelist.SectorCategory.Codes {
		if cc.Withdrawn {
			continue
		}
		c := cc.Code
		d.Sectors = append(d.Sectors, networkOption{Value: c, Label: c + " — " + codelist.SectorCategory.Label(c, l.lang), Selected: len(fq.Sectors) > 0 && fq.Sectors[0] == c})
	}
	d.page = h.base(r, l, secFunding, "", fundingQuery(fq).Encode(), l.T("funding.title"), l.T("funding.lead"))
	h.render(w, r, l, http.StatusOK, "funding", d)
}

// today is the date that decides which programmes have closed.
func (h *Handler) today() proximite.Date {
	return proximite.Date(h.now().UTC().Format("2006-01-02"))
}

// fundingQuery is the search's address for a question.
func fundingQuery(fq proximite.FundingQuery) url.Values {
	v := url.Values{}
	if len(fq.Kinds) > 0 {
		v.Set("kind", string(fq.Kinds[0]))
	}
	if len(fq.Countries) > 0 {
		v.Set("country", fq.Countries[0])
	}
	if len(fq.Sectors) > 0 {
		v.Set("sector", fq.Sectors[0])
	}
	return v
}

// projectFundingSection finds the programmes that could fund a project:
// the open ones that name at least one of its answers, best first.
func (h *Handler) projectFundingSection(ctx context.Context, l *localizer, p *proximite.Project) (fundingSection, error) {
	svc, ok := h.reg.(proximite.FundingService)
	fq := proximite.FundingQueryOf(p)
	if !ok || fq.IsZero() {
		return fundingSection{}, nil
	}
	programmes, err := svc.FundingProgrammes(ctx)
	if err != nil {
		return fundingSection{}, err
	}
	var s fundingSection
	open, _ := proximite.FindFunding(programmes, fq, h.today())
	for i := range open {
		if _, specific := open[i].Fits(); specific == 0 || len(s.Fits) == projectFunding {
			continue
		}
		s.Fits = append(s.Fits, fundingFitView(l, &open[i]))
	}
	// The search takes one answer of each: the first of the project's.
	s.Search = path(l.lang, secFunding, "") + "?" + fundingQuery(fq).Encode()
	return s, nil
}

// fundingFitView says, criterion by criterion, why a programme fits and
// what does not.
func fundingFitView(l *localizer, f *proximite.ProgrammeFit) fitView {
	p := f.Programme
	fits, _ := f.Fits()
	v := fitView{Name: p.Name, URL: path(l.lang, secProgramme, p.Slug), Funder: p.FunderName,
		Score: l.T("funding.score", "fits", fits, "of", len(f.Criteria))}
	if f.Closed {
		v.Closed = l.T("funding.closed", "date", l.Date(p.End))
	}
	for _, c := range f.Criteria {
		crit := string(c.Criterion)
		switch {
		case c.Any:
			v.Fits = append(v.Fits, l.T("funding.any."+crit))
		case c.Fits:
			v.Fits = append(v.Fits, l.T("funding.fit."+crit, "names", fundingNames(l, c.Criterion, c.Matched)))
		default:
			v.Misses = append(v.Misses, l.T("funding.miss."+crit, "names", fundingNames(l, c.Criterion, c.Wanted)))
		}
	}
	var covers []string
	for _, c := range p.Covers {
		covers = append(covers, l.Label("covers", c))
	}
	v.Covers = strings.Join(covers, ", ")
	return v
}

// fundingNames names the values of a criterion in the visitor's
// language.
func fundingNames(l *localizer, c proximite.FundingCriterion, values []string) string {
	names := make([]string, len(values))
	for i, v := range values {
		switch c {
		case proximite.CritApplicant:
			names[i] = l.Label("orgkind", v)
		case proximite.CritCountry:
			names[i] = codelist.Country.Label(v, l.lang)
		default:
			if len(v) == 3 {
				names[i] = codelist.SectorCategory.Label(v, l.lang)
			} else {
				names[i] = codelist.Sector.Label(v, l.lang)
			}
		}
	}
	return strings.Join(names, ", ")
}
