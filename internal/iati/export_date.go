package iati

import (
	"strconv"
	"time"

	"github.com/proximite/proximite"
)

// The registry keeps dates at the precision people know them ("1993",
// "1993-05"), but IATI's iso-date attributes are xs:date and need a day.
// A partial date is widened to the day that keeps the statement true:
// starts (activity start dates, budget and indicator period starts) to
// the first day of the year or month, ends (end dates and period ends) to
// the last day. Points in time that are neither (transaction, value and
// document dates) take the first day. Activity dates additionally carry
// the date as the registry knows it in a narrative, which IATI provides
// for exactly this purpose ("the narrative content may contain text (e.g.
// 2011Q1) for accurately recording less specific dates").

// startDate returns d as an xs:date, widened to the first day, or "" when
// d is empty or malformed.
func startDate(d proximite.Date) string {
	switch _, _, ok := dateParts(d); {
	case !ok:
		return ""
	case len(d) == 4:
		return string(d) + "-01-01"
	case len(d) == 7:
		return string(d) + "-01"
	}
	return string(d)
}

// endDate returns d as an xs:date, widened to the last day of its year or
// month, or "" when d is empty or malformed.
func endDate(d proximite.Date) string {
	switch y, m, ok := dateParts(d); {
	case !ok:
		return ""
	case len(d) == 4:
		return string(d) + "-12-31"
	case len(d) == 7:
		return string(d) + "-" + strconv.Itoa(daysIn(y, m))
	}
	return string(d)
}

// dateParts checks a date of the registry ("1993", "1993-05",
// "1993-05-12") and returns its year and month (0 when not given). It is
// what proximite.Date.Valid checks, without a regular expression and a
// time.Parse for each of the many dates an export writes.
func dateParts(d proximite.Date) (year, month int, ok bool) {
	num := func(s proximite.Date) int {
		n := 0
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return -1
			}
			n = n*10 + int(s[i]-'0')
		}
		return n
	}
	switch len(d) {
	case 4, 7, 10:
	default:
		return 0, 0, false
	}
	if year = num(d[:4]); year < 1 { // xs:date has no year 0
		return 0, 0, false
	}
	if len(d) == 4 {
		return year, 0, true
	}
	if d[4] != '-' {
		return 0, 0, false
	}
	if month = num(d[5:7]); month < 1 || month > 12 {
		return 0, 0, false
	}
	if len(d) == 7 {
		return year, month, true
	}
	if day := num(d[8:]); d[7] != '-' || day < 1 || day > daysIn(year, month) {
		return 0, 0, false
	}
	return year, month, true
}

// daysIn returns the number of days of a month.
func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// partial reports whether d is known to less than a day.
func partial(d proximite.Date) bool { return d != "" && len(d) < 10 }

// yearDate returns the first or last day of a year as an xs:date.
func yearDate(year int, last bool) string {
	if last {
		return time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
	}
	return time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
}

// dateTime formats a time as xs:dateTime in UTC to the second.
func dateTime(t time.Time) string {
	return t.UTC().Truncate(time.Second).Format(time.RFC3339)
}
