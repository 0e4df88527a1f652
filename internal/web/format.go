package web

import (
	"html/template"
	"math"
	"strconv"
	"time"

	"github.com/proximite/proximite"
)

// Date formats a date of any precision the way people write it: "1993",
// "mai 1993" / "May 1993", "1er mai 1993" / "1 May 1993". A date the
// registry holds as a year is never shown with an invented month.
func (l *localizer) Date(d proximite.Date) string {
	if !d.Valid() || d == "" {
		return string(d)
	}
	s := string(d)
	if len(s) == 4 {
		return s
	}
	month, _ := strconv.Atoi(s[5:7])
	monthYear := l.T("month."+strconv.Itoa(month)) + " " + s[:4]
	if len(s) == 7 {
		return monthYear
	}
	day, _ := strconv.Atoi(s[8:10])
	if day == 1 && l.lang == "fr" {
		return "1er " + monthYear
	}
	return strconv.Itoa(day) + " " + monthYear
}

// DateHTML wraps Date in a <time> element whose datetime keeps the
// precision: <time datetime="1993-05">mai 1993</time>.
func (l *localizer) DateHTML(d proximite.Date) template.HTML {
	if d == "" {
		return ""
	}
	if !d.Valid() {
		return template.HTML(template.HTMLEscapeString(string(d)))
	}
	return template.HTML(`<time datetime="` + string(d) + `">` + template.HTMLEscapeString(l.Date(d)) + `</time>`)
}

// Day formats a moment as its calendar day, for "last confirmed" and
// "updated" dates.
func (l *localizer) Day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return l.Date(proximite.Date(t.UTC().Format("2006-01-02")))
}

// Period says when something lasted, with whatever bounds are known:
// "1993 – 2000", "depuis 2002" / "since 2002", "jusqu'en 2000" / "until
// 2000".
func (l *localizer) Period(from, to proximite.Date) string {
	switch {
	case from != "" && to != "" && from == to:
		return l.Date(from)
	case from != "" && to != "":
		return l.Date(from) + " – " + l.Date(to)
	case from != "":
		return l.T(precision("period.since", from), "date", l.Date(from))
	case to != "":
		return l.T(precision("period.until", to), "date", l.Date(to))
	}
	return ""
}

// When says when something happened that may have lasted: a visit in
// "2005", or from "1993 – 2000". Unlike Period, a start alone is the
// date itself, not the beginning of something still going on.
func (l *localizer) When(from, to proximite.Date) string {
	if to == "" {
		return l.Date(from)
	}
	return l.Period(from, to)
}

// precision picks the variant of a message for a year or month
// ("depuis 2002") or for a full date ("depuis le 12 mai 2002").
func precision(key string, d proximite.Date) string {
	if len(d) == 10 {
		return key + ".day"
	}
	return key + ".year"
}

// currencySymbols are the symbols people of each language read for the
// currencies the registry meets most; other currencies show their ISO
// code, which is never ambiguous.
var currencySymbols = map[string][2]string{ // code → {fr, en}
	"CAD": {"$\u00a0CA", "CA$"},
	"USD": {"$\u00a0US", "US$"},
	"EUR": {"€", "€"},
	"GBP": {"£\u00a0GB", "£"},
	"XOF": {"F\u00a0CFA", "CFA\u00a0F"},
	"CHF": {"CHF", "CHF"},
}

// Money formats an amount in its currency the local way: "11 500 000 $ CA"
// in French, "CA$11,500,000" in English. Cents show only when there are
// some.
func (l *localizer) Money(m proximite.Money) string {
	decimals := 0
	if m.Amount != math.Trunc(m.Amount) {
		decimals = 2
	}
	n := l.Number(m.Amount, decimals)
	sym, known := currencySymbols[m.Currency]
	switch {
	case l.lang == "fr" && known:
		return n + "\u00a0" + sym[0]
	case l.lang == "fr":
		return n + "\u00a0" + m.Currency
	case known && len(sym[1]) <= 4 && sym[1] != "CHF":
		return sym[1] + n
	case known:
		return sym[1] + "\u00a0" + n
	}
	return m.Currency + "\u00a0" + n
}

// total formats a number of matching records: "1 000+" / "1,000+" when
// the search was capped and the number is only a lower bound.
func (l *localizer) total(n int, capped bool) string {
	s := l.Number(float64(n), 0)
	if capped {
		s += "+"
	}
	return s
}
