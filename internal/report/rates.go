package report

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
)

// ParseRates reads the coordinator's rate table: a CSV file with the
// header year,currency,rate_to_cad and one line per year and currency,
// rate_to_cad being how many Canadian dollars one unit was worth that
// year. Every line is checked before anything is returned, and each
// problem names its line, so that a file is stored whole or not at all.
func ParseRates(r io.Reader) ([]proximite.Rate, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, proximite.Errorf(proximite.EINVALID, "the rate file is empty: expected the header year,currency,rate_to_cad")
	} else if err != nil {
		return nil, proximite.Errorf(proximite.EINVALID, "the rate file is not CSV: %v", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	for _, want := range []string{"year", "currency", "rate_to_cad"} {
		if _, ok := col[want]; !ok {
			return nil, proximite.Errorf(proximite.EINVALID, "line 1: the header has no column %q (expected year,currency,rate_to_cad)", want)
		}
	}
	var errs []string
	var out []proximite.Rate
	seen := map[[2]string]int{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			errs = append(errs, fmt.Sprintf("line %d: not CSV: %v", line, err))
			break
		}
		cell := func(name string) string {
			if i := col[name]; i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		if len(rec) == 1 && cell("year") == "" {
			continue // a blank line
		}
		rate, problem := parseRate(cell("year"), cell("currency"), cell("rate_to_cad"))
		if problem == "" {
			k := [2]string{strconv.Itoa(rate.Year), rate.Currency}
			if first, dup := seen[k]; dup {
				problem = fmt.Sprintf("%s %d is already given on line %d", rate.Currency, rate.Year, first)
			} else {
				seen[k] = line
			}
		}
		if problem != "" {
			errs = append(errs, fmt.Sprintf("line %d: %s", line, problem))
			continue
		}
		out = append(out, rate)
	}
	if len(errs) > 0 {
		return nil, proximite.Errorf(proximite.EINVALID, "nothing was loaded: %s", strings.Join(errs, "; "))
	}
	if len(out) == 0 {
		return nil, proximite.Errorf(proximite.EINVALID, "the rate file has a header but no rates")
	}
	return out, nil
}

func parseRate(year, currency, rate string) (proximite.Rate, string) {
	var r proximite.Rate
	if year == "" {
		return r, "the year is missing"
	}
	y, err := strconv.Atoi(year)
	if err != nil || y < proximite.MinStatsYear || y > proximite.MaxStatsYear {
		return r, fmt.Sprintf("the year %q is not a year between %d and %d", year, proximite.MinStatsYear, proximite.MaxStatsYear)
	}
	currency = strings.ToUpper(currency)
	if currency == "" {
		return r, "the currency is missing"
	}
	if !codelist.Currency.Valid(currency) {
		return r, fmt.Sprintf("unknown currency %q (expected an ISO 4217 code such as EUR or XOF)", currency)
	}
	if rate == "" {
		return r, "the rate is missing"
	}
	v, err := strconv.ParseFloat(strings.Replace(rate, ",", ".", 1), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return r, fmt.Sprintf("the rate %q is not a number", rate)
	}
	if v <= 0 {
		return r, fmt.Sprintf("the rate %s must be greater than zero", rate)
	}
	if currency == "CAD" && v != 1 {
		return r, fmt.Sprintf("a Canadian dollar is worth 1 CAD, not %s", rate)
	}
	return proximite.Rate{Year: y, Currency: currency, RateToCAD: v}, ""
}

// Money is the money of the statistics for one measure: per year, the
// amount in Canadian dollars of what a rate converts, and what stays in
// its currency for want of a rate.
type Money struct {
	Years []MoneyYear
	// Currencies are the totals per currency, whatever the rates.
	Currencies []proximite.Amount
	// TotalCAD is the sum of what was converted; Unconverted lists what
	// was not, per currency.
	TotalCAD    float64
	Unconverted []proximite.Amount
}

// MoneyYear is one year of money.
type MoneyYear struct {
	Year int
	// ByCurrency is the year's money in each currency.
	ByCurrency []proximite.Amount
	CAD        float64 // what rates converted, CAD itself included
	// Unconverted is the year's money with no rate, per currency.
	Unconverted []proximite.Amount
}

// Convert gathers the amounts of one measure by year and converts them to
// Canadian dollars with the loaded rates only: Canadian dollars count as
// they are, another currency only where the table has its rate for the
// year. Nothing is estimated.
func Convert(amounts []proximite.Amount, measure string, rates []proximite.Rate) Money {
	rate := map[[2]string]float64{}
	for _, r := range rates {
		rate[[2]string{strconv.Itoa(r.Year), r.Currency}] = r.RateToCAD
	}
	years := map[int]*MoneyYear{}
	cur := map[string]float64{}
	unconv := map[string]float64{}
	var m Money
	for _, a := range amounts {
		if a.Measure != measure {
			continue
		}
		y := years[a.Year]
		if y == nil {
			y = &MoneyYear{Year: a.Year}
			years[a.Year] = y
		}
		y.ByCurrency = append(y.ByCurrency, a)
		cur[a.Currency] += a.Value
		r, ok := rate[[2]string{strconv.Itoa(a.Year), a.Currency}]
		if a.Currency == "CAD" {
			r, ok = 1, true
		}
		if ok {
			y.CAD += a.Value * r
			m.TotalCAD += a.Value * r
		} else {
			y.Unconverted = append(y.Unconverted, a)
			unconv[a.Currency] += a.Value
		}
	}
	for _, y := range years {
		m.Years = append(m.Years, *y)
	}
	sort.Slice(m.Years, func(i, j int) bool { return m.Years[i].Year < m.Years[j].Year })
	m.Currencies = sums(cur, measure)
	m.Unconverted = sums(unconv, measure)
	return m
}

func sums(by map[string]float64, measure string) []proximite.Amount {
	out := []proximite.Amount{}
	for c, v := range by {
		out = append(out, proximite.Amount{Measure: measure, Currency: c, Value: v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Currency < out[j].Currency })
	return out
}

// Total adds up one measure over every year (in-kind days, travellers).
func Total(amounts []proximite.Amount, measure string) float64 {
	t := 0.0
	for _, a := range amounts {
		if a.Measure == measure {
			t += a.Value
		}
	}
	return t
}
