package api

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
	"github.com/proximite/proximite/internal/report"
)

// The dashboard's figures and the territories' reports as JSON: the same
// store queries as the pages /fr/statistiques and
// /fr/territoires/{slug}/rapport (proximite.StatsService, report.Convert,
// report.BuildTerritory), so that a figure is computed in one place.
// Money stays in its currencies; Canadian dollars are given only where
// the coordinator's table has the year's rate, and what has none is
// listed, never estimated.

// statsQuery is the filter as the response repeats it.
type statsQuery struct {
	Territory string   `json:"territory,omitempty"`
	From      int      `json:"from,omitempty"`
	To        int      `json:"to,omitempty"`
	Country   []string `json:"country,omitempty"`
	Sector    []string `json:"sector,omitempty"`
	OrgKind   []string `json:"org_kind,omitempty"`
	Form      []string `json:"form,omitempty"`
}

// statsResponse is the dashboard for a filter.
type statsResponse struct {
	Filter    statsQuery           `json:"filter"`
	Territory *proximite.Territory `json:"territory,omitempty"`
	proximite.Stats
	People      float64    `json:"people"`
	InKindDays  float64    `json:"in_kind_days"`
	Money       statsMoney `json:"money"`
	RatesLoaded bool       `json:"rates_loaded"`
}

// statsMoney is the money of the dashboard's two money tables.
type statsMoney struct {
	Spent  moneyFigures `json:"spent"`
	Budget moneyFigures `json:"budget"`
}

// moneyFigures is report.Money as JSON.
type moneyFigures struct {
	TotalCAD    float64         `json:"total_cad"`
	Currencies  []currencyTotal `json:"currencies"`
	Unconverted []currencyTotal `json:"unconverted"`
	Years       []moneyYear     `json:"years"`
}

// moneyYear is one year of money: the amounts per currency, what rates
// converted to Canadian dollars, and the amounts no rate converts.
type moneyYear struct {
	Year        int                `json:"year"`
	Amounts     []proximite.Amount `json:"amounts"`
	CAD         float64            `json:"cad"`
	Unconverted []proximite.Amount `json:"unconverted"`
}

// currencyTotal is a sum in one currency.
type currencyTotal struct {
	Currency string  `json:"currency"`
	Value    float64 `json:"value"`
}

// multi reads a repeatable parameter whose values may also be separated
// by commas, as the search's filters are.
func multi(q url.Values, name string) []string {
	var out []string
	for _, raw := range q[name] {
		for _, s := range strings.Split(raw, ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// checkValues names the first value of a parameter that is not in its
// list.
func checkValues(name string, values []string, valid func(string) bool, want string) error {
	for _, v := range values {
		if !valid(v) {
			return proximite.FieldError(name, "unknown value %q: %s", v, want)
		}
	}
	return nil
}

// parseStatsFilter reads the dashboard's filters. The period is made of
// years; codes outside their lists are refused, where the page would
// count nothing for them.
func parseStatsFilter(q url.Values) (proximite.StatsFilter, error) {
	f := proximite.StatsFilter{Territory: strings.TrimSpace(q.Get("territory")), Country: multi(q, "country"),
		Sector: multi(q, "sector"), OrgKind: multi(q, "org_kind"), Form: multi(q, "form")}
	for _, p := range []struct {
		name string
		to   *int
	}{{"from", &f.FromYear}, {"to", &f.ToYear}} {
		s := strings.TrimSpace(q.Get(p.name))
		if s == "" {
			continue
		}
		y, err := strconv.Atoi(s)
		if err != nil || y < proximite.MinStatsYear || y > proximite.MaxStatsYear {
			return f, proximite.FieldError(p.name, "must be a year between %d and %d, got %q", proximite.MinStatsYear, proximite.MaxStatsYear, s)
		}
		*p.to = y
	}
	if f.FromYear > 0 && f.ToYear > 0 && f.FromYear > f.ToYear {
		return f, proximite.FieldError("to", "the period ends (%d) before it starts (%d)", f.ToYear, f.FromYear)
	}
	if err := checkValues("country", f.Country, validCountry, "use ISO 3166-1 alpha-2 codes such as SN"); err != nil {
		return f, err
	}
	if err := checkValues("sector", f.Sector, codelist.SectorCategory.Valid, "use DAC 3-digit sector categories such as 140"); err != nil {
		return f, err
	}
	if err := checkValues("org_kind", f.OrgKind, func(s string) bool { return proximite.OrgKind(s).Valid() },
		"use one of "+strings.Join(strs(proximite.OrgKinds...), ", ")); err != nil {
		return f, err
	}
	return f, checkValues("form", f.Form, func(s string) bool { return contains(strs(proximite.Forms...), s) },
		"use one of "+strings.Join(strs(proximite.Forms...), ", "))
}

// validCountry accepts the codes as records hold them, in upper case: a
// code in lower case would match nothing.
func validCountry(s string) bool { return s == strings.ToUpper(s) && codelist.Country.Valid(s) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// statsReg is what the statistics and the territories read.
type statsReg interface {
	proximite.StatsService
	proximite.TerritoryService
}

// statsService returns the registry as statsReg, or a 404 when it
// computes no statistics.
func (h *Handler) statsService() (statsReg, error) {
	reg, ok := h.reg.(statsReg)
	if !ok {
		return nil, proximite.Errorf(proximite.ENOTFOUND, "this registry computes no statistics")
	}
	return reg, nil
}

func (h *Handler) statistics(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	reg, err := h.statsService()
	if err != nil {
		h.error(w, r, err)
		return
	}
	f, err := parseStatsFilter(r.URL.Query())
	if err != nil {
		h.error(w, r, err)
		return
	}
	out := statsResponse{Filter: statsQuery{Territory: f.Territory, From: f.FromYear, To: f.ToYear,
		Country: f.Country, Sector: f.Sector, OrgKind: f.OrgKind, Form: f.Form}}
	if f.Territory != "" {
		t, err := reg.FindTerritory(ctx, f.Territory)
		if proximite.ErrorCode(err) == proximite.ENOTFOUND {
			err = proximite.FieldError("territory", "no territory %q: see /api/v1/territories", f.Territory)
		}
		if err != nil {
			h.error(w, r, err)
			return
		}
		out.Territory = t
	}
	s, err := reg.Statistics(ctx, f)
	if err != nil {
		h.error(w, r, err)
		return
	}
	rates, err := reg.Rates(ctx)
	if err != nil {
		h.error(w, r, err)
		return
	}
	out.Stats = *s
	for _, list := range []*[]proximite.FacetCount{&out.VisitsByDirection, &out.ProjectsByYear, &out.Sectors, &out.Countries} {
		if *list == nil {
			*list = []proximite.FacetCount{}
		}
	}
	if out.Amounts == nil {
		out.Amounts = []proximite.Amount{}
	}
	out.People = report.Total(s.Amounts, proximite.MeasurePeople)
	out.InKindDays = report.Total(s.Amounts, proximite.MeasureInKindDays)
	out.Money.Spent = moneyOf(report.Convert(s.Amounts, proximite.MeasureSpent, rates))
	out.Money.Budget = moneyOf(report.Convert(s.Amounts, proximite.MeasureBudget, rates))
	out.RatesLoaded = len(rates) > 0
	writeJSON(w, http.StatusOK, out)
}

func moneyOf(m report.Money) moneyFigures {
	out := moneyFigures{TotalCAD: m.TotalCAD, Currencies: totals(m.Currencies), Unconverted: totals(m.Unconverted),
		Years: []moneyYear{}}
	for _, y := range m.Years {
		my := moneyYear{Year: y.Year, Amounts: y.ByCurrency, CAD: y.CAD, Unconverted: y.Unconverted}
		if my.Unconverted == nil {
			my.Unconverted = []proximite.Amount{}
		}
		out.Years = append(out.Years, my)
	}
	return out
}

func totals(amounts []proximite.Amount) []currencyTotal {
	out := make([]currencyTotal, len(amounts))
	for i, a := range amounts {
		out[i] = currencyTotal{a.Currency, a.Value}
	}
	return out
}

// territoryItem is a territory with its addresses in the API.
type territoryItem struct {
	proximite.Territory
	URL        string `json:"url"`
	Statistics string `json:"statistics"`
}

func territoryItemOf(t proximite.Territory) territoryItem {
	return territoryItem{Territory: t, URL: "/api/v1/territories/" + url.PathEscape(t.Slug),
		Statistics: "/api/v1/statistics?" + url.Values{"territory": {t.Slug}}.Encode()}
}

func (h *Handler) territories(w http.ResponseWriter, r *http.Request) {
	reg, err := h.statsService()
	if err != nil {
		h.error(w, r, err)
		return
	}
	list, err := reg.Territories(r.Context())
	if err != nil {
		h.error(w, r, err)
		return
	}
	out := make([]territoryItem, len(list))
	for i, t := range list {
		out[i] = territoryItemOf(t)
	}
	writeJSON(w, http.StatusOK, struct {
		Items []territoryItem `json:"items"`
	}{out})
}

// territoryReport is a territory's report: its figures and the published
// records they count, linked.
type territoryReport struct {
	Territory     territoryItem    `json:"territory"`
	Figures       territoryFigures `json:"figures"`
	Organisations []searchItem     `json:"organisations"`
	Partnerships  []searchItem     `json:"partnerships"`
	Projects      []searchItem     `json:"projects"`
	Outgoing      []searchItem     `json:"visits_outgoing"`
	Incoming      []searchItem     `json:"visits_incoming"`
}

// territoryFigures is report.Figures as JSON.
type territoryFigures struct {
	Partnerships    int             `json:"partnerships"`
	Projects        int             `json:"projects"`
	Visits          int             `json:"visits"`
	VisitsOut       int             `json:"visits_outgoing"`
	VisitsIn        int             `json:"visits_incoming"`
	PeopleOut       int             `json:"people_outgoing"`
	PeopleIn        int             `json:"people_incoming"`
	InKindDays      float64         `json:"in_kind_days"`
	LocalInKindDays float64         `json:"local_in_kind_days"`
	Outside         []currencyTotal `json:"money_from_outside"`
	Local           []currencyTotal `json:"money_local"`
	Programmes      []searchItem    `json:"programmes"`
}

func (h *Handler) territory(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	reg, ok := h.reg.(report.Reader)
	if !ok {
		h.error(w, r, proximite.Errorf(proximite.ENOTFOUND, "this registry has no territories"))
		return
	}
	slug := r.PathValue("slug")
	rep, err := report.BuildTerritory(ctx, reg, slug)
	if proximite.ErrorCode(err) == proximite.ENOTFOUND {
		err = proximite.Errorf(proximite.ENOTFOUND, "no territory %q: see /api/v1/territories", slug)
	}
	if err != nil {
		h.error(w, r, err)
		return
	}
	f := rep.Figures
	out := territoryReport{Territory: territoryItemOf(*rep.Territory), Figures: territoryFigures{
		Partnerships: f.Partnerships, Projects: f.Projects, Visits: f.Visits, VisitsOut: f.VisitsOut, VisitsIn: f.VisitsIn,
		PeopleOut: f.PeopleOut, PeopleIn: f.PeopleIn, InKindDays: f.InKindDays, LocalInKindDays: f.LocalInKindDays,
		Outside: totals(f.Outside), Local: totals(f.Local), Programmes: []searchItem{}}}
	// The report names the programmes of its projects that are public.
	for _, p := range f.Programmes {
		prog, err := h.findPublished(ctx, proximite.TypeProgramme, p)
		if proximite.ErrorCode(err) == proximite.ENOTFOUND {
			continue
		} else if err != nil {
			h.error(w, r, err)
			return
		}
		out.Figures.Programmes = append(out.Figures.Programmes, recordItem(prog.(proximite.Record)))
	}
	out.Organisations = recordItems(rep.Organisations)
	out.Partnerships = recordItems(rep.Partnerships)
	out.Projects = recordItems(rep.Projects)
	out.Outgoing = recordItems(rep.Outgoing)
	out.Incoming = recordItems(rep.Incoming)
	writeJSON(w, http.StatusOK, out)
}

// recordItem is a record as the search lists it.
func recordItem(rec proximite.Record) searchItem {
	m := rec.Base()
	it := searchItem{Type: rec.RecordType(), ID: m.ID, Slug: m.Slug,
		URL: "/api/v1/" + Collection(rec.RecordType()) + "/" + m.Slug}
	switch r := rec.(type) {
	case *proximite.Organisation:
		it.Title = r.Name
	case *proximite.Partnership:
		it.Title, it.Year = r.Title, r.Start.Year()
	case *proximite.Project:
		it.Title, it.Year = r.Title, r.Start().Year()
	case *proximite.Visit:
		it.Title, it.Year = r.Title, r.Start.Year()
	case *proximite.Programme:
		it.Title, it.Year = r.Name, r.Start.Year()
	case *proximite.Publication:
		it.Title, it.Year = r.Title, r.Year
	}
	return it
}

func recordItems[R proximite.Record](recs []R) []searchItem {
	out := make([]searchItem, len(recs))
	for i, r := range recs {
		out[i] = recordItem(r)
	}
	return out
}
