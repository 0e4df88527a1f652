package iati

import (
	"strconv"
	"strings"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
)

// The functions below map the repeated parts of an activity. What the
// registry cannot hold (an unknown code, a part without what makes it
// one) is left out with a warning; money that cannot be read rejects the
// activity, since a wrong amount is worse than none.

func (m *mapper) sectors(p *proximite.Project, n *node) {
	for _, s := range n.all("sector") {
		code, raw := s.attr("code"), s.attr("vocabulary")
		vocab := "1"
		if raw != "" {
			vocab = v2Code(raw, v1SectorVocabularies)
		}
		if vocab == "1" && len(code) == 3 && codelist.SectorCategory.Valid(code) {
			vocab = "2" // a 3-digit category given as a 5-digit code, as 1.0x "DAC" allowed
		}
		if !sectorValid(vocab, code) {
			m.warn("line %d: sector %q in vocabulary %q is not a known code; left out", s.line, code, raw)
			continue
		}
		pct, ok := parsePercentage(s.attr("percentage"))
		if !ok {
			m.warn("line %d: sector %s: percentage %q is not a number; left out", s.line, code, s.attr("percentage"))
		}
		if vocab == "1" {
			vocab = "" // the registry's default
		}
		p.Sectors = append(p.Sectors, proximite.SectorShare{Vocabulary: vocab, Code: code, Percentage: pct})
	}
}

// sectorValid mirrors the domain's check, so that an unknown code is left
// out here rather than refused there.
func sectorValid(vocab, code string) bool {
	switch vocab {
	case "1":
		return codelist.Sector.Valid(code)
	case "2":
		return codelist.SectorCategory.Valid(code)
	case "7":
		return codelist.UNSDGGoals.Valid(code)
	case "8":
		return codelist.UNSDGTargets.Valid(code)
	}
	return code != "" && codelist.SectorVocabulary.Valid(vocab)
}

func (m *mapper) geography(p *proximite.Project, n *node) {
	for _, c := range n.all("recipient-country") {
		code := strings.ToUpper(c.attr("code"))
		if !codelist.Country.Valid(code) {
			m.warn("line %d: recipient-country %q is not a known country code; left out", c.line, c.attr("code"))
			continue
		}
		pct, ok := parsePercentage(c.attr("percentage"))
		if !ok {
			m.warn("line %d: recipient-country %s: percentage %q is not a number; left out", c.line, code, c.attr("percentage"))
		}
		p.Countries = append(p.Countries, proximite.CountryShare{Code: code, Percentage: pct})
	}
	for _, r := range n.all("recipient-region") {
		code, vocab := r.attr("code"), r.attr("vocabulary")
		if vocab == "1" {
			vocab = ""
		}
		if !codelist.Region.Valid(code) || (vocab != "" && !codelist.RegionVocabulary.Valid(vocab)) {
			m.warn("line %d: recipient-region %q (vocabulary %q) is not a known OECD DAC region; left out", r.line, code, vocab)
			continue
		}
		pct, ok := parsePercentage(r.attr("percentage"))
		if !ok {
			m.warn("line %d: recipient-region %s: percentage %q is not a number; left out", r.line, code, r.attr("percentage"))
		}
		p.Regions = append(p.Regions, proximite.RegionShare{Code: code, Vocabulary: vocab, Percentage: pct})
	}
}

func (m *mapper) locations(p *proximite.Project, n *node) {
	for _, l := range n.all("location") {
		loc := proximite.Location{Name: m.text(l.child("name")), Description: m.text(l.child("description"))}
		if loc.Name.IsZero() {
			loc.Name = m.text(l.child("administrative"))
		}
		if loc.Name.IsZero() {
			m.warn("line %d: location without a name; left out", l.line)
			continue
		}
		if cc := strings.ToUpper(l.child("administrative").attr("country")); codelist.Country.Valid(cc) {
			loc.Country = cc
		}
		loc.Point = m.point(l)
		p.Locations = append(p.Locations, loc)
	}
}

// point reads <point><pos>lat lon</pos></point> (2.0x) or <coordinates
// latitude longitude> (1.0x).
func (m *mapper) point(l *node) *proximite.Point {
	var lat, lon string
	if pos := l.child("point").child("pos"); pos != nil {
		f := strings.Fields(pos.text)
		if len(f) != 2 {
			m.warn("line %d: location point %q is not \"latitude longitude\"; left out", pos.line, pos.text)
			return nil
		}
		lat, lon = f[0], f[1]
	} else if c := l.child("coordinates"); c != nil {
		lat, lon = c.attr("latitude"), c.attr("longitude")
	} else {
		return nil
	}
	y, err1 := strconv.ParseFloat(lat, 64)
	x, err2 := strconv.ParseFloat(lon, 64)
	if err1 != nil || err2 != nil || y < -90 || y > 90 || x < -180 || x > 180 {
		m.warn("line %d: location point %s %s is not a latitude and longitude; left out", l.line, lat, lon)
		return nil
	}
	return &proximite.Point{Lat: y, Lon: x}
}

// money reads a <value>; what is wrong with it rejects the activity.
func (m *mapper) money(what string, v *node) proximite.Money {
	if v == nil {
		m.fail("%s has no value", what)
		return proximite.Money{}
	}
	amt, ok := parseAmount(v.text)
	if !ok {
		m.fail("line %d: %s: value %q is not a number", v.line, what, v.text)
	}
	cur := strings.ToUpper(v.attr("currency"))
	if cur == "" {
		cur = m.currency
	}
	switch {
	case cur == "":
		m.fail("line %d: %s has no currency, and the activity no default-currency", v.line, what)
	case !codelist.Currency.Valid(cur):
		m.fail("line %d: %s: unknown currency %q", v.line, what, cur)
	}
	vd, ok := parseDate(v.attr("value-date"))
	if !ok {
		m.warn("line %d: %s: value-date %q is not a date; left out", v.line, what, v.attr("value-date"))
	}
	return proximite.Money{Amount: amt, Currency: cur, ValueDate: vd}
}

func (m *mapper) budgets(p *proximite.Project, n *node) {
	for _, b := range n.all("budget") {
		start, ok1 := readDate(b.child("period-start"))
		end, ok2 := readDate(b.child("period-end"))
		if !ok1 || !ok2 || start == "" || end == "" || end < start {
			m.warn("line %d: budget without a valid period (%q to %q); left out", b.line, start, end)
			continue
		}
		p.Budgets = append(p.Budgets, proximite.Budget{Type: v2Code(b.attr("type"), v1BudgetTypes),
			PeriodStart: start, PeriodEnd: end, Value: m.money("budget at line "+strconv.Itoa(b.line), b.child("value"))})
	}
}

func (m *mapper) transactions(p *proximite.Project, n *node) {
	for _, t := range n.all("transaction") {
		what := "transaction at line " + strconv.Itoa(t.line)
		tr := proximite.Transaction{Type: v2Code(t.code("transaction-type"), v1TransactionTypes)}
		if !codelist.TransactionType.Valid(tr.Type) {
			m.fail("%s: unknown transaction-type %q", what, t.code("transaction-type"))
		}
		tr.Value = m.money(what, t.child("value"))
		td := t.child("transaction-date")
		var ok bool
		if tr.Date, ok = readDate(td); ok && tr.Date != "" && td.attr("iso-date") == "" {
			m.warn("%s: transaction-date has no iso-date; %s is read from its text", what, tr.Date)
		}
		if !ok || tr.Date == "" {
			if tr.Value.ValueDate == "" {
				m.fail("%s has no transaction-date", what)
			} else {
				m.warn("%s has no transaction-date; its value-date %s is used", what, tr.Value.ValueDate)
				tr.Date = tr.Value.ValueDate
			}
		}
		tr.Description = m.text(t.child("description"))
		tr.Provider = m.party(t.child("provider-org"))
		tr.Receiver = m.party(t.child("receiver-org"))
		p.Transactions = append(p.Transactions, tr)
	}
}

// party describes the provider or receiver of a transaction as the file
// names it; it is not matched to the registry's organisations, so that
// the same file always gives the same record.
func (m *mapper) party(n *node) *proximite.Participant {
	if n == nil {
		return nil
	}
	pt := &proximite.Participant{Ref: n.attr("ref"), Name: m.text(n)}
	if pt.Ref == "" && pt.Name.IsZero() {
		return nil
	}
	return pt
}

func (m *mapper) results(p *proximite.Project, n *node) {
	for _, r := range n.all("result") {
		res := proximite.Result{Type: v2Code(r.attr("type"), v1ResultTypes), Title: m.text(r.child("title")),
			Description: m.text(r.child("description"))}
		if res.Type != "" && !codelist.ResultType.Valid(res.Type) {
			m.warn("line %d: result type %q is not an IATI ResultType; left out", r.line, r.attr("type"))
			res.Type = ""
		}
		for _, in := range r.all("indicator") {
			ind := proximite.Indicator{Title: m.text(in.child("title")), Measure: v2Code(in.attr("measure"), v1Measures)}
			if ind.Title.IsZero() {
				m.warn("line %d: indicator without a title; left out", in.line)
				continue
			}
			if !codelist.IndicatorMeasure.Valid(ind.Measure) {
				ind.Measure = ""
			}
			if b := in.child("baseline"); b != nil {
				ind.Baseline = b.attr("value")
				ind.Year, _ = strconv.Atoi(b.attr("year"))
			}
			// The registry keeps one target and one actual value: the
			// last period's, which is the most recent in practice.
			for _, per := range in.all("period") {
				if v := per.child("target").attr("value"); v != "" {
					ind.Target = v
				}
				if v := per.child("actual").attr("value"); v != "" {
					ind.Actual = v
				}
			}
			if t := in.child("target").attr("value"); t != "" && ind.Target == "" {
				ind.Target = t // 1.0x placed some targets outside periods
			}
			res.Indicators = append(res.Indicators, ind)
		}
		if res.Title.IsZero() && len(res.Indicators) > 0 {
			res.Title = res.Indicators[0].Title // 1.0x results often had only indicators
		}
		if res.Title.IsZero() {
			m.warn("line %d: result without a title or an indicator; left out", r.line)
			continue
		}
		p.Results = append(p.Results, res)
	}
}

func (m *mapper) documents(p *proximite.Project, n *node) {
	for _, d := range n.all("document-link") {
		doc := proximite.Document{URL: d.attr("url"), Title: m.text(d.child("title")), Format: d.attr("format"),
			Category: d.code("category"), Language: langCode(d.code("language"))}
		if doc.URL == "" {
			m.warn("line %d: document-link without a url; left out", d.line)
			continue
		}
		var ok bool
		if doc.Date, ok = readDate(d.child("document-date")); !ok {
			m.warn("line %d: document-date is not a date; left out", d.line)
		}
		p.Documents = append(p.Documents, doc)
	}
}
