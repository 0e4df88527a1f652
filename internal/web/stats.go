package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
)

// The statistics dashboard: the registry's figures for a territory, a
// period, a country, a sector, a kind of organisation or a form of
// cooperation, each chart drawn on the server with its table and a CSV
// file of the same figures. The figures come from the store's GROUP BY
// queries (proximite.StatsService); this file reads the filters and
// shapes the page, stats_tables.go builds the tables and charts.

// statsReg is what the dashboard and the territory report read.
type statsReg interface {
	proximite.StatsService
	proximite.TerritoryService
}

// statsData is the dashboard page.
type statsData struct {
	page
	Filters statsForm
	// Problem explains a filter the dashboard cannot use, shown at the
	// top of the page instead of the figures.
	Problem string
	// Empty says that the filters match no record.
	Empty   bool
	Summary []statFigure
	Tables  []statTable
	// Rates says whether a rate table is loaded, for the money's note.
	Rates bool
	// RatesPage is the coordinators' page of rates, when the
	// workspace is on.
	RatesPage string
	CSV       string // the summary's CSV
}

// statFigure is one key number.
type statFigure struct {
	Value, Label string
}

// statsForm is the filter form with its choices and current values.
type statsForm struct {
	Action                       string
	From, To                     string
	Territory, Country, Sector   string
	OrgKind, Form                string
	Territories                  []statChoice
	Countries, Sectors, OrgKinds []statChoice
	Forms                        []statChoice
	Active                       bool // a filter is set: offer to clear them
}

// statChoice is an option of a filter.
type statChoice struct {
	Value, Label string
}

// statsRoutes registers the dashboard and its CSV files in one language,
// when the registry computes statistics.
func (h *Handler) statsRoutes(lang string, l *localizer) {
	reg, ok := h.reg.(statsReg)
	if !ok {
		return
	}
	h.mux.HandleFunc("GET "+path(lang, secStats, ""), h.with(l, func(w http.ResponseWriter, r *http.Request, l *localizer) {
		h.statsPage(w, r, l, reg)
	}))
	h.mux.HandleFunc("GET "+path(lang, secStats, "")+".csv", h.with(l, func(w http.ResponseWriter, r *http.Request, l *localizer) {
		h.statsCSV(w, r, l, reg)
	}))
	h.territoryRoutes(lang, l, reg)
}

// parseStatsFilter reads the filters of the query string. A period that
// is not made of years is the visitor's to fix; values that exist in no
// record simply match nothing.
func parseStatsFilter(q url.Values) (proximite.StatsFilter, string) {
	f := proximite.StatsFilter{Territory: strings.TrimSpace(q.Get("territory")),
		Country: nonBlank(q["country"]), Sector: nonBlank(q["sector"]), OrgKind: nonBlank(q["org_kind"]), Form: nonBlank(q["form"])}
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
			return f, "stats.problem.year"
		}
		*p.to = y
	}
	if f.FromYear > 0 && f.ToYear > 0 && f.FromYear > f.ToYear {
		return f, "stats.problem.period"
	}
	return f, ""
}

func nonBlank(values []string) []string {
	var out []string
	for _, v := range values {
		if v = strings.TrimSpace(v); v != "" && len(v) <= 100 {
			out = append(out, v)
		}
	}
	return out
}

// statsQuery is the canonical query string of a filter, kept by the
// language switch and the CSV links.
func statsQuery(f proximite.StatsFilter) string {
	v := url.Values{}
	if f.Territory != "" {
		v.Set("territory", f.Territory)
	}
	if f.FromYear > 0 {
		v.Set("from", strconv.Itoa(f.FromYear))
	}
	if f.ToYear > 0 {
		v.Set("to", strconv.Itoa(f.ToYear))
	}
	for name, values := range map[string][]string{"country": f.Country, "sector": f.Sector, "org_kind": f.OrgKind, "form": f.Form} {
		for _, x := range values {
			v.Add(name, x)
		}
	}
	return v.Encode()
}

func (h *Handler) statsPage(w http.ResponseWriter, r *http.Request, l *localizer, reg statsReg) {
	ctx := r.Context()
	f, problem := parseStatsFilter(r.URL.Query())
	query := ""
	if problem == "" {
		query = statsQuery(f)
	}
	d := statsData{page: h.base(r, l, secStats, "", query, l.T("stats.title"), l.T("stats.lead"))}
	d.NoIndex = query != ""
	status := http.StatusOK
	all, err := reg.Statistics(ctx, proximite.StatsFilter{})
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	territories, err := reg.Territories(ctx)
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	d.Filters = statsFormOf(l, f, all, territories)
	if problem == "" && f.Territory != "" {
		if _, err := reg.FindTerritory(ctx, f.Territory); proximite.ErrorCode(err) == proximite.ENOTFOUND {
			problem = "stats.problem.territory"
		} else if err != nil {
			h.fail(w, r, l, err)
			return
		}
	}
	if problem != "" {
		d.Problem = l.T(problem)
		h.render(w, r, l, http.StatusBadRequest, "stats", d)
		return
	}
	s := all
	if !f.Empty() {
		if s, err = reg.Statistics(ctx, f); err != nil {
			h.fail(w, r, l, err)
			return
		}
	}
	rates, err := reg.Rates(ctx)
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	d.Rates = len(rates) > 0
	if h.ws != nil {
		d.RatesPage = ratesPaths[l.lang]
	}
	d.Empty = s.Partnerships+s.Projects+s.Visits == 0
	csvBase := path(l.lang, secStats, "") + ".csv?"
	if query != "" {
		csvBase += query + "&"
	}
	d.CSV = csvBase + "table=summary"
	if !d.Empty {
		d.Summary = summaryFigures(l, s)
		d.Tables = statsTables(l, s, rates, csvBase)
	}
	h.render(w, r, l, status, "stats", d)
}

// statsFormOf fills the filter form: territories, the countries and
// sectors that occur in the registry, every kind and form.
func statsFormOf(l *localizer, f proximite.StatsFilter, all *proximite.Stats, territories []proximite.Territory) statsForm {
	first := func(v []string) string {
		if len(v) > 0 {
			return v[0]
		}
		return ""
	}
	out := statsForm{Action: path(l.lang, secStats, ""), Territory: f.Territory, Country: first(f.Country),
		Sector: first(f.Sector), OrgKind: first(f.OrgKind), Form: first(f.Form), Active: !f.Empty()}
	if f.FromYear > 0 {
		out.From = strconv.Itoa(f.FromYear)
	}
	if f.ToYear > 0 {
		out.To = strconv.Itoa(f.ToYear)
	}
	for _, t := range territories {
		out.Territories = append(out.Territories, statChoice{t.Slug, l.plain(t.Name) + " (" + l.T("territory.kind."+string(t.Kind)) + ")"})
	}
	for _, c := range all.Countries {
		out.Countries = append(out.Countries, statChoice{c.Value, codelist.Country.Label(c.Value, l.lang)})
	}
	for _, c := range all.Sectors {
		out.Sectors = append(out.Sectors, statChoice{c.Value, codelist.SectorCategory.Label(c.Value, l.lang)})
	}
	sortChoices(out.Countries)
	sortChoices(out.Sectors)
	for _, k := range proximite.OrgKinds {
		out.OrgKinds = append(out.OrgKinds, statChoice{string(k), l.Label("orgkind", string(k))})
	}
	for _, k := range proximite.Forms {
		out.Forms = append(out.Forms, statChoice{string(k), l.Label("form", string(k))})
	}
	return out
}

func sortChoices(c []statChoice) {
	for i := 1; i < len(c); i++ {
		for j := i; j > 0 && proximite.Fold(c[j].Label) < proximite.Fold(c[j-1].Label); j-- {
			c[j], c[j-1] = c[j-1], c[j]
		}
	}
}
