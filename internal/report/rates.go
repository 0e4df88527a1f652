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

// RateProblem is one thing wrong with a rate file. Code says what (the
// pages word it in the reader's language from "rates.problem.<code>"),
// Line where (0 for the file as a whole), Value the cell at fault, and
// First, for a rate given twice, the line that gave it first.
type RateProblem struct {
	Line  int
	Code  string
	Value string
	First int
}

// english words each problem for the command line and the logs.
var english = map[string]string{
	"empty":            "the rate file is empty: expected the header year,currency,rate_to_cad",
	"notcsv":           "the rate file is not CSV: %s",
	"header":           "the header has no column %q (expected year,currency,rate_to_cad)",
	"norates":          "the rate file has a header but no rates",
	"csv":              "not CSV: %s",
	"year.missing":     "the year is missing",
	"year.invalid":     fmt.Sprintf("the year %%q is not a year between %d and %d", proximite.MinStatsYear, proximite.MaxStatsYear),
	"currency.missing": "the currency is missing",
	"currency.unknown": "unknown currency %q (expected an ISO 4217 code such as EUR or XOF)",
	"rate.missing":     "the rate is missing",
	"rate.nan":         "the rate %q is not a number",
	"rate.notpositive": "the rate %s must be greater than zero",
	"rate.cad":         "a Canadian dollar is worth 1 CAD, not %s",
	"duplicate":        "%s is already given on line %d",
}

func (p RateProblem) String() string {
	format := english[p.Code]
	var text string
	switch {
	case p.Code == "duplicate":
		text = fmt.Sprintf(format, p.Value, p.First)
	case strings.Contains(format, "%"):
		text = fmt.Sprintf(format, p.Value)
	default:
		text = format
	}
	if p.Line > 0 {
		return fmt.Sprintf("line %d: %s", p.Line, text)
	}
	return text
}

// RatesError is a rate file refused whole, with each of its problems.
// It unwraps to an EINVALID error that says them all in English.
type RatesError struct{ Problems []RateProblem }

func (e *RatesError) Error() string { return e.Unwrap().Error() }

// Unwrap returns the EINVALID error.
func (e *RatesError) Unwrap() error {
	parts := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		parts[i] = p.String()
	}
	msg := strings.Join(parts, "; ")
	if len(e.Problems) > 1 || e.Problems[0].Line > 1 {
		msg = "nothing was loaded: " + msg
	}
	return proximite.Errorf(proximite.EINVALID, "%s", msg)
}

func refused(problems ...RateProblem) error { return &RatesError{Problems: problems} }

// ParseRates reads the coordinator's rate table: a CSV file with the
// header year,currency,rate_to_cad and one line per year and currency,
// rate_to_cad being how many Canadian dollars one unit was worth that
// year. Every line is checked before anything is returned, and each
// problem names its line, so that a file is stored whole or not at all;
// the error is then a *RatesError.
func ParseRates(r io.Reader) ([]proximite.Rate, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, refused(RateProblem{Code: "empty"})
	} else if err != nil {
		return nil, refused(RateProblem{Code: "notcsv", Value: err.Error()})
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	for _, want := range []string{"year", "currency", "rate_to_cad"} {
		if _, ok := col[want]; !ok {
			return nil, refused(RateProblem{Line: 1, Code: "header", Value: want})
		}
	}
	var problems []RateProblem
	var out []proximite.Rate
	seen := map[[2]string]int{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			problems = append(problems, RateProblem{Line: line, Code: "csv", Value: err.Error()})
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
		if problem.Code == "" {
			k := [2]string{strconv.Itoa(rate.Year), rate.Currency}
			if first, dup := seen[k]; dup {
				problem = RateProblem{Code: "duplicate", Value: rate.Currency + " " + k[0], First: first}
			} else {
				seen[k] = line
			}
		}
		if problem.Code != "" {
			problem.Line = line
			problems = append(problems, problem)
			continue
		}
		out = append(out, rate)
	}
	if len(problems) > 0 {
		return nil, refused(problems...)
	}
	if len(out) == 0 {
		return nil, refused(RateProblem{Code: "norates"})
	}
	return out, nil
}

func parseRate(year, currency, rate string) (proximite.Rate, RateProblem) {
	var r proximite.Rate
	if year == "" {
		return r, RateProblem{Code: "year.missing"}
	}
	y, err := strconv.Atoi(year)
	if err != nil || y < proximite.MinStatsYear || y > proximite.MaxStatsYear {
		return r, RateProblem{Code: "year.invalid", Value: year}
	}
	currency = strings.ToUpper(currency)
	if currency == "" {
		return r, RateProblem{Code: "currency.missing"}
	}
	if !codelist.Currency.Valid(currency) {
		return r, RateProblem{Code: "currency.unknown", Value: currency}
	}
	if rate == "" {
		return r, RateProblem{Code: "rate.missing"}
	}
	v, err := strconv.ParseFloat(strings.Replace(rate, ",", ".", 1), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return r, RateProblem{Code: "rate.nan", Value: rate}
	}
	if v <= 0 {
		return r, RateProblem{Code: "rate.notpositive", Value: rate}
	}
	if currency == "CAD" && v != 1 {
		return r, RateProblem{Code: "rate.cad", Value: rate}
	}
	return proximite.Rate{Year: y, Currency: currency, RateToCAD: v}, RateProblem{}
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
