package proximite

import (
	"context"
	"strconv"
)

// StatsFilter selects the published records the statistics count. Its
// filters mean what the search's facet filters mean (a partnership is in
// Mali when one of its parties is), so that the dashboard and a search
// with the same filters count the same records.
type StatsFilter struct {
	// Territory is a territory slug (see Territory); records count when
	// they are linked to one of the territory's organisations.
	Territory string
	// FromYear and ToYear bound the records' start year, inclusive; zero
	// leaves a side open. Records without a year are left out of a
	// bounded period.
	FromYear, ToYear int
	Country          []string
	Sector           []string // DAC 3-digit categories
	OrgKind          []string
	Form             []string
}

// Facets returns the filter as the search's facet filters, without the
// territory (the search has no such filter) and with the period as the
// list of its years.
func (f StatsFilter) Facets() map[string][]string {
	out := map[string][]string{}
	for name, values := range map[string][]string{FacetCountry: f.Country, FacetSectorCategory: f.Sector,
		FacetOrgKind: f.OrgKind, FacetForm: f.Form} {
		if len(values) > 0 {
			out[name] = values
		}
	}
	if f.FromYear > 0 || f.ToYear > 0 {
		from, to := f.FromYear, f.ToYear
		if from == 0 {
			from = MinStatsYear
		}
		if to == 0 {
			to = MaxStatsYear
		}
		var years []string
		for y := from; y <= to; y++ {
			years = append(years, strconv.Itoa(y))
		}
		out[FacetYear] = years
	}
	return out
}

// The years a period may name: before the first twinnings and well after
// today, so that a bounded period is a short list of years.
const (
	MinStatsYear = 1900
	MaxStatsYear = 2100
)

// Empty reports whether the filter selects everything.
func (f StatsFilter) Empty() bool {
	return f.Territory == "" && f.FromYear == 0 && f.ToYear == 0 && len(f.Country) == 0 &&
		len(f.Sector) == 0 && len(f.OrgKind) == 0 && len(f.Form) == 0
}

// Measures of the amounts the statistics add up.
const (
	// MeasureBudget is a project's planned money (its budgets), by the
	// year the budget's period starts.
	MeasureBudget = "budget"
	// MeasureSpent is money that moved: disbursements and expenditures,
	// by the transaction's year.
	MeasureSpent = "spent"
	// MeasureInKindDays is days of volunteers' and experts' work, by the
	// project's start year.
	MeasureInKindDays = "in_kind_days"
	// MeasurePeople is the people who travelled, by the visit's year.
	MeasurePeople = "people"
)

// Amount is a sum of one measure for a year (0 when unknown) and, for
// money, a currency.
type Amount struct {
	Measure  string  `json:"measure"`
	Year     int     `json:"year"`
	Currency string  `json:"currency,omitempty"`
	Value    float64 `json:"value"`
}

// Stats are the figures of the dashboard for one filter.
type Stats struct {
	Partnerships int `json:"partnerships"`
	Projects     int `json:"projects"`
	Visits       int `json:"visits"`
	// VisitsByDirection counts visits per Direction.
	VisitsByDirection []FacetCount `json:"visits_by_direction"`
	// ProjectsByYear counts projects per start year, oldest first.
	ProjectsByYear []FacetCount `json:"projects_by_year"`
	// Sectors and Countries count projects per DAC category and per
	// recipient country, most frequent first.
	Sectors   []FacetCount `json:"sectors"`
	Countries []FacetCount `json:"countries"`
	// Amounts are the sums of money, in-kind days and travellers, per
	// measure, year and currency.
	Amounts []Amount `json:"amounts"`
}

// Rate is how many Canadian dollars one unit of a currency was worth in
// a year, as the network's coordinator provides it.
type Rate struct {
	Year      int     `json:"year"`
	Currency  string  `json:"currency"`
	RateToCAD float64 `json:"rate_to_cad"`
}

// StatsService computes the dashboard's figures and keeps the rates that
// convert them.
type StatsService interface {
	Statistics(ctx context.Context, f StatsFilter) (*Stats, error)
	// SaveRates stores rates, replacing those of the same year and
	// currency, all or none.
	SaveRates(ctx context.Context, rates []Rate) error
	Rates(ctx context.Context) ([]Rate, error)
}
