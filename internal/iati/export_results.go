package iati

import (
	"strconv"
	"strings"

	"github.com/proximite/proximite"
)

// results writes the results with their indicators. The schema requires
// at least one indicator per result; a result the registry records
// without one (small projects often state what they achieved in words)
// is given one qualitative indicator (measure 5) bearing the result's
// title, which says no more than the result does.
func (e *Encoder) results(a *activity) {
	for _, r := range a.p.Results {
		if r.Title.IsZero() {
			continue // the schema requires a title, and so does the registry
		}
		typ := r.Type
		if typ == "" {
			typ = "9" // "Other": the schema requires a type, and the registry has none
		}
		e.w.open("result", "type", typ)
		e.text("title", r.Title)
		e.text("description", r.Description)
		wrote := false
		for _, in := range r.Indicators {
			if !in.Title.IsZero() {
				e.indicator(a, in)
				wrote = true
			}
		}
		if !wrote {
			e.w.open("indicator", "measure", "5")
			e.text("title", r.Title)
			e.w.close("indicator")
		}
		e.w.close("result")
	}
}

// indicator writes one indicator. The registry keeps one baseline, one
// target and one actual value per indicator, as written, and the year of
// the baseline (Year), which is the one year IATI attaches to an
// indicator itself. A baseline without its year is dated to the start of
// the project. IATI puts the target and actual values in a period with
// start and end dates, which the registry does not keep: the period is
// the project's span (see span).
//
// When no measure is recorded, an indicator whose values are all numbers
// is measured in units (1), any other is qualitative (5). Values are
// always written in the value attribute, qualitative ones included: the
// schema advises a comment for those, but publishers such as the World
// Bank write value, IATI tools display it, and the importer reads it.
func (e *Encoder) indicator(a *activity, in proximite.Indicator) {
	measure := in.Measure
	if measure == "" {
		measure = inferMeasure(in)
	}
	e.w.open("indicator", "measure", measure)
	e.text("title", in.Title)
	if in.Baseline != "" || in.Year > 0 {
		year := in.Year
		if year <= 0 {
			start, _ := e.span(a)
			year, _ = strconv.Atoi(start[:4])
		}
		e.w.empty("baseline", "year", itoa(year), "value", in.Baseline)
	}
	if in.Target != "" || in.Actual != "" {
		start, end := e.span(a)
		e.w.open("period")
		e.w.empty("period-start", "iso-date", start)
		e.w.empty("period-end", "iso-date", end)
		if in.Target != "" {
			e.w.empty("target", "value", in.Target)
		}
		if in.Actual != "" {
			e.w.empty("actual", "value", in.Actual)
		}
		e.w.close("period")
	}
	e.w.close("indicator")
}

// inferMeasure returns "1" (unit) when every value of the indicator is a
// number, and "5" (qualitative) otherwise.
func inferMeasure(in proximite.Indicator) string {
	any := false
	for _, v := range []string{in.Baseline, in.Target, in.Actual} {
		if v == "" {
			continue
		}
		if _, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err != nil {
			return "5"
		}
		any = true
	}
	if !any {
		return "5"
	}
	return "1"
}
