package web

import (
	"encoding/csv"
	"html/template"
	"net/http"
	"strconv"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
	"github.com/proximite/proximite/internal/report"
)

// statTable is one block of the dashboard: a chart, the table of the
// same figures, and the link to them as CSV. Rows are written for
// reading; Raw are the same cells as plain numbers and codes, for the CSV.
type statTable struct {
	ID     string
	Title  string
	Note   string
	Chart  template.HTML
	Header []string
	Rows   [][]string
	Raw    [][]string
	RawHdr []string
	CSV    string
}

// maxBars bounds the bars of a chart; the table lists every value.
const maxBars = 12

func summaryFigures(l *localizer, s *proximite.Stats) []statFigure {
	return []statFigure{
		{l.Number(float64(s.Partnerships), 0), l.N("stats.partnerships", s.Partnerships)},
		{l.Number(float64(s.Projects), 0), l.N("stats.projects", s.Projects)},
		{l.Number(float64(s.Visits), 0), l.N("stats.visits", s.Visits)},
		{l.Number(report.Total(s.Amounts, proximite.MeasurePeople), 0), l.N("stats.people", int(report.Total(s.Amounts, proximite.MeasurePeople)))},
		{days(l, report.Total(s.Amounts, proximite.MeasureInKindDays)), l.N("stats.inkind", int(report.Total(s.Amounts, proximite.MeasureInKindDays)))},
	}
}

func days(l *localizer, d float64) string {
	decimals := 0
	if d != float64(int64(d)) {
		decimals = 1
	}
	return l.Number(d, decimals)
}

// summaryRaw is the summary as CSV rows.
func summaryRaw(s *proximite.Stats) [][]string {
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	return [][]string{
		{"partnerships", strconv.Itoa(s.Partnerships)}, {"projects", strconv.Itoa(s.Projects)},
		{"visits", strconv.Itoa(s.Visits)}, {"people", f(report.Total(s.Amounts, proximite.MeasurePeople))},
		{"in_kind_days", f(report.Total(s.Amounts, proximite.MeasureInKindDays))},
	}
}

// statsTables builds the dashboard's blocks in the order the page shows
// them.
func statsTables(l *localizer, s *proximite.Stats, rates []proximite.Rate, csvBase string) []statTable {
	var out []statTable
	counts := func(id, title, col string, values []proximite.FacetCount, name func(string) string, columns bool) {
		if len(values) == 0 {
			return
		}
		t := statTable{ID: id, Title: title, Header: []string{col, l.T("stats.count")}, RawHdr: []string{"code", "label", "count"},
			CSV: csvBase + "table=" + id}
		var bars []report.Bar
		for _, v := range values {
			label := name(v.Value)
			t.Rows = append(t.Rows, []string{label, l.Number(float64(v.Count), 0)})
			t.Raw = append(t.Raw, []string{v.Value, label, strconv.Itoa(v.Count)})
			if columns || len(bars) < maxBars {
				bars = append(bars, report.Bar{Label: label, Value: float64(v.Count), Display: l.Number(float64(v.Count), 0)})
			}
		}
		if columns {
			t.Chart = report.Columns(title, bars)
		} else {
			t.Chart = report.HBars(title, bars)
			if len(values) > maxBars {
				t.Note = l.T("stats.topbars", "n", maxBars)
			}
		}
		out = append(out, t)
	}
	counts("directions", l.T("stats.directions"), l.T("facet.direction"), s.VisitsByDirection,
		func(v string) string { return l.Label("direction", v) }, false)
	counts("years", l.T("stats.years"), l.T("facet.year"), fillYears(s.ProjectsByYear),
		func(v string) string { return v }, true)
	for _, m := range []struct{ measure, id, title string }{
		{proximite.MeasureSpent, "spent", l.T("stats.money.spent")},
		{proximite.MeasureBudget, "budget", l.T("stats.money.budget")},
	} {
		if t, ok := moneyTable(l, s.Amounts, m.measure, m.id, m.title, rates, csvBase); ok {
			out = append(out, t)
		}
	}
	counts("sectors", l.T("stats.sectors"), l.T("facet.sector"), s.Sectors,
		func(v string) string { return codelist.SectorCategory.Label(v, l.lang) }, false)
	counts("countries", l.T("stats.countries"), l.T("facet.country"), s.Countries,
		func(v string) string { return codelist.Country.Label(v, l.lang) }, false)
	return out
}

// fillYears lists every year from the first to the last, with zero for
// the years without projects, so that the chart's gaps are gaps.
func fillYears(years []proximite.FacetCount) []proximite.FacetCount {
	if len(years) == 0 {
		return nil
	}
	first, _ := strconv.Atoi(years[0].Value)
	last, _ := strconv.Atoi(years[len(years)-1].Value)
	if first <= 0 || last-first > 300 {
		return years
	}
	n := map[string]int{}
	for _, y := range years {
		n[y.Value] = y.Count
	}
	var out []proximite.FacetCount
	for y := first; y <= last; y++ {
		v := strconv.Itoa(y)
		out = append(out, proximite.FacetCount{Value: v, Count: n[v]})
	}
	return out
}

// moneyTable is money per year and currency, converted to Canadian
// dollars where the coordinator's table has the year's rate, and marked
// "not converted" where it has not.
func moneyTable(l *localizer, amounts []proximite.Amount, measure, id, title string, rates []proximite.Rate, csvBase string) (statTable, bool) {
	m := report.Convert(amounts, measure, rates)
	if len(m.Years) == 0 {
		return statTable{}, false
	}
	t := statTable{ID: id, Title: title, CSV: csvBase + "table=" + id,
		Header: []string{l.T("facet.year"), l.T("stats.currency"), l.T("stats.amount"), l.T("stats.cad")},
		RawHdr: []string{"year", "currency", "amount", "amount_cad"}}
	byCurrency := map[string][]float64{}
	var labels []string
	var currencies []string
	for i, y := range m.Years {
		labels = append(labels, yearLabel(l, y.Year))
		for _, a := range y.ByCurrency {
			if _, ok := byCurrency[a.Currency]; !ok {
				currencies = append(currencies, a.Currency)
				byCurrency[a.Currency] = make([]float64, len(m.Years))
			}
			byCurrency[a.Currency][i] += a.Value
			cad, raw := l.T("stats.notconverted"), ""
			if v, ok := converted(a, rates); ok {
				cad, raw = l.Money(proximite.Money{Amount: v, Currency: "CAD"}), strconv.FormatFloat(v, 'f', 2, 64)
			}
			t.Rows = append(t.Rows, []string{yearLabel(l, y.Year), a.Currency, l.Money(proximite.Money{Amount: a.Value, Currency: a.Currency}), cad})
			t.Raw = append(t.Raw, []string{strconv.Itoa(y.Year), a.Currency, strconv.FormatFloat(a.Value, 'f', 2, 64), raw})
		}
	}
	var series []report.Series
	for _, c := range currencies {
		series = append(series, report.Series{Name: c, Values: byCurrency[c]})
	}
	t.Chart = report.Lines(title, labels, series)
	t.Note = l.T("stats.money.note", "total", l.Money(proximite.Money{Amount: m.TotalCAD, Currency: "CAD"}))
	if len(m.Unconverted) > 0 {
		t.Note += " " + l.T("stats.money.unconverted")
	}
	return t, true
}

// converted is an amount in Canadian dollars, if a rate converts it.
func converted(a proximite.Amount, rates []proximite.Rate) (float64, bool) {
	if a.Currency == "CAD" {
		return a.Value, true
	}
	for _, r := range rates {
		if r.Year == a.Year && r.Currency == a.Currency {
			return a.Value * r.RateToCAD, true
		}
	}
	return 0, false
}

func yearLabel(l *localizer, y int) string {
	if y == 0 {
		return l.T("stats.noyear")
	}
	return strconv.Itoa(y)
}

// statsCSV answers one of the dashboard's tables as CSV, with the same
// filters, in plain numbers and codes.
func (h *Handler) statsCSV(w http.ResponseWriter, r *http.Request, l *localizer, reg statsReg) {
	ctx := r.Context()
	f, problem := parseStatsFilter(r.URL.Query())
	if problem != "" {
		h.errorPage(w, r, l, http.StatusBadRequest, "error.badrequest", l.T(problem))
		return
	}
	s, err := reg.Statistics(ctx, f)
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	rates, err := reg.Rates(ctx)
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	name := r.URL.Query().Get("table")
	var hdr []string
	var rows [][]string
	if name == "summary" {
		hdr, rows = []string{"figure", "value"}, summaryRaw(s)
	} else {
		found := false
		for _, t := range statsTables(l, s, rates, "") {
			if t.ID == name {
				hdr, rows, found = t.RawHdr, t.Raw, true
			}
		}
		if !found && !knownStatsTable(name) {
			h.errorPage(w, r, l, http.StatusNotFound, "error.notfound", "")
			return
		}
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+l.T("stats.file")+"-"+name+`.csv"`)
	w.Header().Set("Cache-Control", "no-cache")
	cw := csv.NewWriter(w)
	if hdr != nil {
		cw.Write(hdr)
	}
	cw.WriteAll(rows)
}

// knownStatsTable says whether a table exists even when the filters
// leave it empty: its CSV is then a file with no rows, not a 404.
func knownStatsTable(name string) bool {
	switch name {
	case "directions", "years", "spent", "budget", "sectors", "countries":
		return true
	}
	return false
}
