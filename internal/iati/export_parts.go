package iati

import (
	"strconv"
	"strings"

	"github.com/proximite/proximite"
)

// activityDates writes the planned and actual start and end dates. A date
// known only to the year or month is widened (see startDate) and keeps
// its precision in a narrative. The schema requires at least one
// activity-date; a project without any date is given, as planned start
// (type 1), the start of its partnership when known, or else the day it
// was entered in the registry, each with a narrative in French and
// English saying that the real date is unknown and what the one shown is.
func (e *Encoder) activityDates(a *activity) {
	p := a.p
	wrote := false
	for _, d := range []struct {
		typ  string
		date proximite.Date
	}{{"1", p.PlannedStart}, {"2", p.ActualStart}, {"3", p.PlannedEnd}, {"4", p.ActualEnd}} {
		iso := startDate(d.date)
		if d.typ == "3" || d.typ == "4" {
			iso = endDate(d.date)
		}
		if iso == "" {
			continue
		}
		wrote = true
		if !partial(d.date) {
			e.w.empty("activity-date", "type", d.typ, "iso-date", iso)
			continue
		}
		e.w.open("activity-date", "type", d.typ, "iso-date", iso)
		e.w.leaf("narrative", string(d.date))
		e.w.close("activity-date")
	}
	if wrote {
		return
	}
	iso, note := e.unknownStart(a)
	e.w.open("activity-date", "type", "1", "iso-date", iso)
	e.narratives(note)
	e.w.close("activity-date")
}

// unknownStart returns the date shown for a project whose dates are all
// unknown, with the note that says so.
func (e *Encoder) unknownStart(a *activity) (string, proximite.Text) {
	if pa := a.partnership; pa != nil && startDate(pa.start) != "" {
		fr, _ := pa.title.In("fr")
		en, _ := pa.title.In("en")
		return startDate(pa.start), proximite.T(
			"fr", "Date de début inconnue ; la date indiquée est celle du début du partenariat « "+fr+" » ("+string(pa.start)+"), dont le projet fait partie.",
			"en", "Start date unknown; the date shown is the start of the partnership “"+en+"” ("+string(pa.start)+"), which the project belongs to.")
	}
	created := a.p.CreatedAt
	if created.IsZero() {
		created = e.opts.Generated
	}
	return created.UTC().Format("2006-01-02"), proximite.T(
		"fr", "Date de début inconnue ; la date indiquée est celle de l'inscription du projet au registre.",
		"en", "Start date unknown; the date shown is the day the project was entered in the registry.")
}

// span returns the project's span as xs:dates, for the periods of
// indicator values, which IATI requires and the registry does not keep:
// from its start (or, without one, the date unknownStart gives) to its
// end (or, without one, the day of the export: the values are those
// reached so far). Either bound is moved when it would fall on the wrong
// side of the other.
func (e *Encoder) span(a *activity) (string, string) {
	start, end := startDate(a.p.Start()), endDate(a.p.End())
	if start == "" {
		start, _ = e.unknownStart(a)
	}
	if end == "" {
		end = e.opts.Generated.UTC().Format("2006-01-02")
		if end < start {
			end = start[:4] + "-12-31"
		}
	}
	if end < start {
		start = end[:4] + "-01-01"
	}
	return start, end
}

// srsWGS84 names the coordinate system of location points.
const srsWGS84 = "http://www.opengis.net/def/crs/EPSG/0/4326"

// geography writes recipient countries and regions with their
// percentages, and locations: name, description, country (as an
// administrative area in the ISO 3166-1 vocabulary, "A4") and point.
// Percentages are written as recorded; several countries without
// percentages stay without them rather than be given an invented split.
func (e *Encoder) geography(p *proximite.Project) {
	w := &e.w
	for _, c := range p.Countries {
		w.empty("recipient-country", "code", strings.ToUpper(c.Code), "percentage", e.percent(c.Percentage))
	}
	for _, r := range p.Regions {
		w.empty("recipient-region", "code", r.Code, "vocabulary", r.Vocabulary, "percentage", e.percent(r.Percentage))
	}
	for _, l := range p.Locations {
		w.open("location")
		e.text("name", l.Name)
		e.text("description", l.Description)
		if l.Country != "" {
			w.empty("administrative", "vocabulary", "A4", "level", "0", "code", strings.ToUpper(l.Country))
		}
		if l.Point != nil {
			w.open("point", "srsName", srsWGS84)
			w.leaf("pos", e.w.decimal(l.Point.Lat)+" "+e.w.decimal(l.Point.Lon))
			w.close("point")
		}
		w.close("location")
	}
}

// sectors writes each sector with its vocabulary, always explicit, and
// its percentage when recorded.
func (e *Encoder) sectors(p *proximite.Project) {
	for _, s := range p.Sectors {
		e.w.empty("sector", "vocabulary", s.Vocab(), "code", s.Code, "percentage", e.percent(s.Percentage))
	}
}

// Tag codes of the reporting organisation's vocabulary ("99") that carry
// what IATI has no element for.
const (
	tagPartnership = "partnership:"
	tagProgramme   = "programme:"
)

// tags writes the partnership and the funding programme, which IATI has
// no element for, as tags of the reporting organisation's own vocabulary
// (99): code "partnership:<slug>" or "programme:<slug>", the title as
// narratives, and, when Options.BaseURL is set, a vocabulary-uri at the
// API's list of such records, to which the slug leads. A tag is what IATI
// tools show as a label of the activity. A related-activity would not do:
// it must name another IATI activity, and a partnership is not one.
func (e *Encoder) tags(a *activity) {
	if pa := a.partnership; pa != nil {
		e.tag(tagPartnership+pa.slug, "/api/v1/partnerships", pa.title)
	}
	if pr := a.programme; pr != nil {
		e.tag(tagProgramme+pr.slug, "/api/v1/programmes", pr.title)
	}
}

func (e *Encoder) tag(code, path string, title proximite.Text) {
	uri := ""
	if e.opts.BaseURL != "" {
		uri = e.opts.BaseURL + path
	}
	e.w.open("tag", "vocabulary", "99", "vocabulary-uri", uri, "code", code)
	e.narratives(title)
	e.w.close("tag")
}

// percent formats an optional percentage.
func (e *Encoder) percent(p *float64) string {
	if p == nil {
		return ""
	}
	return e.w.decimal(*p)
}

// itoa formats a whole number.
func itoa(n int) string { return strconv.Itoa(n) }
