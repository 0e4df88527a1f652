package web

import (
	"context"
	"net/url"
	"strconv"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
)

// moneyFields are the inputs of an amount under a prefix ("value").
func moneyFields(prefix string) []spec {
	return []spec{
		{name: join(prefix, "amount"), label: "edit.amount", kind: kNumber},
		{name: join(prefix, "currency"), label: "edit.currency", kind: kSelect, opts: currencyChoices, def: "CAD"},
		{name: join(prefix, "value_date"), label: "edit.value_date", hint: "edit.date.hint", kind: kDate},
	}
}

// projectForm edits a project in all its IATI-shaped parts, plus the
// partnership, the programme and the in-kind contributions.
var projectForm = &recordForm{
	typ: proximite.TypeProject,
	sections: []sectionSpec{
		{id: "about", title: "edit.s.about", fields: []spec{
			{name: "title", label: "edit.title", kind: kTexts, required: true, wide: true},
			{name: "status", label: "project.status", kind: kSelect, opts: iati(codelist.ActivityStatus, true)},
			{name: "iati_identifier", label: "project.iatiid", hint: "edit.project.iatiid.hint", kind: kText},
			{name: "description", label: "edit.description", kind: kAreas},
			{name: "objectives", label: "project.objectives", kind: kAreas},
		}},
		{id: "dates", title: "edit.s.dates", intro: "edit.date.hint", fields: []spec{
			{name: "planned_start", label: "edit.project.planned_start", kind: kDate},
			{name: "planned_end", label: "edit.project.planned_end", kind: kDate},
			{name: "actual_start", label: "edit.project.actual_start", kind: kDate},
			{name: "actual_end", label: "edit.project.actual_end", kind: kDate},
		}},
		{id: "who", title: "edit.s.project.who", fields: []spec{
			{name: "partnership", label: "project.partnership", hint: "edit.pick.hint", kind: kPick, pick: proximite.TypePartnership},
			{name: "programme", label: "project.programme", hint: "edit.pick.hint", kind: kPick, pick: proximite.TypeProgramme},
		}, repeats: []repeatSpec{
			{name: "participants", legend: "project.participants", hint: "edit.participants.hint", item: "edit.item.org",
				add: "edit.add.org", min: 1, fields: []spec{
					{name: "org", label: "edit.org.registry", hint: "edit.pick.hint", kind: kPick, pick: proximite.TypeOrganisation},
					{name: "role", label: "edit.role", kind: kSelect, opts: iati(codelist.OrganisationRole, true)},
					{name: "name", label: "edit.org.outside", kind: kTexts},
					{name: "ref", label: "edit.org.ref", kind: kText},
				}},
		}},
		{id: "what", title: "edit.s.project.what", repeats: []repeatSpec{
			{name: "sectors", legend: "project.sectors", hint: "edit.sectors.hint", item: "edit.item.sector",
				add: "edit.add.sector", min: 1, fields: []spec{
					{name: "code", label: "edit.sector", kind: kSelect, opts: sectorChoices, wide: true},
					{name: "percentage", label: "edit.percentage", kind: kNumber},
				}},
			{name: "countries", legend: "edit.countries", hint: "edit.countries.hint", item: "edit.item.country",
				add: "edit.add.country", min: 1, fields: []spec{
					{name: "code", label: "edit.country", kind: kSelect, opts: countryChoices},
					{name: "percentage", label: "edit.percentage", kind: kNumber},
				}},
			{name: "locations", legend: "edit.locations", hint: "edit.locations.hint", item: "edit.item.location",
				add: "edit.add.location", fields: []spec{
					{name: "name", label: "edit.name", kind: kTexts},
					{name: "country", label: "edit.country", kind: kSelect, opts: countryChoices},
					{name: "point.lat", label: "edit.lat", hint: "edit.lat.hint", kind: kNumber},
					{name: "point.lon", label: "edit.lon", hint: "edit.lon.hint", kind: kNumber},
					{name: "description", label: "edit.description", kind: kTexts},
				}},
		}},
		{id: "money", title: "project.money", repeats: []repeatSpec{
			{name: "budgets", legend: "project.budgets", item: "edit.item.budget", add: "edit.add.budget",
				fields: append([]spec{
					{name: "type", label: "project.budget.type", kind: kSelect, opts: iati(codelist.BudgetType, false), def: "1"},
					{name: "period_start", label: "edit.period_start", kind: kDate},
					{name: "period_end", label: "edit.period_end", kind: kDate},
				}, moneyFields("value")...)},
			{name: "transactions", legend: "project.transactions", item: "edit.item.transaction", add: "edit.add.transaction",
				fields: append(append([]spec{
					{name: "type", label: "project.tx.type", kind: kSelect, opts: iati(codelist.TransactionType, true)},
					{name: "date", label: "project.tx.date", kind: kDate},
				}, moneyFields("value")...),
					spec{name: "provider.org", label: "edit.tx.provider", hint: "edit.pick.hint", kind: kPick, pick: proximite.TypeOrganisation},
					spec{name: "receiver.org", label: "edit.tx.receiver", hint: "edit.pick.hint", kind: kPick, pick: proximite.TypeOrganisation},
					spec{name: "provider.name", label: "edit.tx.provider.name", kind: kTexts},
					spec{name: "receiver.name", label: "edit.tx.receiver.name", kind: kTexts},
					spec{name: "description", label: "edit.description", kind: kTexts}),
			},
			{name: "in_kind", legend: "project.inkind", hint: "edit.inkind.hint", item: "edit.item.inkind", add: "edit.add.inkind",
				fields: append([]spec{
					{name: "kind", label: "edit.inkind.kind", kind: kSelect, opts: codes("inkind", true,
						"volunteer_days", "expert_days", "goods", "premises", "other")},
					{name: "org", label: "edit.org", hint: "edit.pick.hint", kind: kPick, pick: proximite.TypeOrganisation},
					{name: "days", label: "edit.inkind.days", kind: kNumber},
					{name: "people", label: "edit.inkind.people", kind: kNumber},
					{name: "description", label: "edit.description", kind: kTexts},
				}, moneyFields("value")...)},
		}},
		{id: "results", title: "project.results", repeats: []repeatSpec{
			{name: "results", legend: "project.results", item: "edit.item.result", add: "edit.add.result",
				fields: []spec{
					{name: "type", label: "edit.result.type", kind: kSelect, opts: iati(codelist.ResultType, true)},
					{name: "title", label: "edit.title", kind: kTexts},
					{name: "description", label: "edit.description", kind: kTexts},
				},
				nested: []repeatSpec{{name: "indicators", legend: "edit.indicators", item: "edit.item.indicator", add: "edit.add.indicator",
					fields: []spec{
						{name: "title", label: "project.indicator", kind: kTexts},
						{name: "measure", label: "edit.indicator.measure", kind: kSelect, opts: iati(codelist.IndicatorMeasure, true)},
						{name: "year", label: "edit.indicator.year", kind: kNumber},
						{name: "baseline", label: "project.indicator.baseline", kind: kText},
						{name: "target", label: "project.indicator.target", kind: kText},
						{name: "actual", label: "project.indicator.actual", kind: kText},
					}}}},
		}},
		{id: "documents", title: "project.documents", repeats: []repeatSpec{
			{name: "documents", legend: "project.documents", item: "edit.item.document", add: "edit.add.document",
				fields: []spec{
					{name: "url", label: "edit.url", kind: kURL, wide: true},
					{name: "title", label: "edit.title", kind: kTexts},
					{name: "category", label: "edit.document.category", kind: kSelect, opts: iati(codelist.DocumentCategory, true)},
					{name: "format", label: "edit.document.format", hint: "edit.document.format.hint", kind: kText},
					{name: "language", label: "edit.document.language", hint: "edit.document.language.hint", kind: kText},
					{name: "date", label: "edit.document.date", kind: kDate},
				}},
		}},
	},
	pickers: []proximite.RecordType{proximite.TypeOrganisation, proximite.TypePartnership, proximite.TypeProgramme},
	find: func(ctx context.Context, r proximite.Registry, slug string) (proximite.Record, error) {
		return r.FindProject(ctx, slug)
	},
	title: func(rec proximite.Record) proximite.Text { return rec.(*proximite.Project).Title },
	create: func(ctx context.Context, g *proximite.Guard, rec proximite.Record) error {
		return g.CreateProject(ctx, rec.(*proximite.Project))
	},
	update: func(ctx context.Context, g *proximite.Guard, rec proximite.Record) error {
		return g.UpdateProject(ctx, rec.(*proximite.Project))
	},
	// Regions are not in the form (the registry's projects name
	// countries); an edit keeps those an import brought.
	keep: func(old, rec proximite.Record) {
		rec.(*proximite.Project).Regions = old.(*proximite.Project).Regions
	},
	encode: encodeProject,
	decode: decodeProject,
}

// num writes a number as an input's value; zero is left empty.
func num(f float64) string {
	if f == 0 {
		return ""
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

func pct(p *float64) string {
	if p == nil {
		return ""
	}
	return strconv.FormatFloat(*p, 'f', -1, 64)
}

func setMoney(v url.Values, prefix string, m proximite.Money) {
	v.Set(prefix+".amount", strconv.FormatFloat(m.Amount, 'f', -1, 64))
	v.Set(prefix+".currency", m.Currency)
	v.Set(prefix+".value_date", string(m.ValueDate))
}

func encodeProject(rec proximite.Record, l *localizer) url.Values {
	p := rec.(*proximite.Project)
	v := url.Values{}
	setText(v, "title", p.Title)
	setText(v, "description", p.Description)
	setText(v, "objectives", p.Objectives)
	v.Set("status", p.Status)
	v.Set("iati_identifier", p.IATIIdentifier)
	for name, d := range map[string]proximite.Date{"planned_start": p.PlannedStart, "planned_end": p.PlannedEnd,
		"actual_start": p.ActualStart, "actual_end": p.ActualEnd} {
		v.Set(name, string(d))
	}
	v.Set("partnership", p.Partnership)
	v.Set("programme", p.Programme)
	for i, pt := range p.Participants {
		row := idx("participants", i)
		v.Set(row+".org", pt.Org)
		v.Set(row+".role", pt.Role)
		v.Set(row+".ref", pt.Ref)
		setText(v, row+".name", pt.Name)
	}
	for i, s := range p.Sectors {
		v.Set(idx("sectors", i)+".code", sectorValue(s))
		v.Set(idx("sectors", i)+".percentage", pct(s.Percentage))
	}
	for i, c := range p.Countries {
		v.Set(idx("countries", i)+".code", c.Code)
		v.Set(idx("countries", i)+".percentage", pct(c.Percentage))
	}
	for i, loc := range p.Locations {
		row := idx("locations", i)
		setText(v, row+".name", loc.Name)
		setText(v, row+".description", loc.Description)
		v.Set(row+".country", loc.Country)
		if loc.Point != nil {
			v.Set(row+".point.lat", strconv.FormatFloat(loc.Point.Lat, 'f', -1, 64))
			v.Set(row+".point.lon", strconv.FormatFloat(loc.Point.Lon, 'f', -1, 64))
		}
	}
	for i, b := range p.Budgets {
		row := idx("budgets", i)
		v.Set(row+".type", b.Type)
		v.Set(row+".period_start", string(b.PeriodStart))
		v.Set(row+".period_end", string(b.PeriodEnd))
		setMoney(v, row+".value", b.Value)
	}
	for i, t := range p.Transactions {
		row := idx("transactions", i)
		v.Set(row+".type", t.Type)
		v.Set(row+".date", string(t.Date))
		setMoney(v, row+".value", t.Value)
		setText(v, row+".description", t.Description)
		for side, pt := range map[string]*proximite.Participant{"provider": t.Provider, "receiver": t.Receiver} {
			if pt != nil {
				v.Set(row+"."+side+".org", pt.Org)
				setText(v, row+"."+side+".name", pt.Name)
			}
		}
	}
	for i, k := range p.InKind {
		row := idx("in_kind", i)
		v.Set(row+".kind", k.Kind)
		v.Set(row+".org", k.Org)
		v.Set(row+".days", num(k.Days))
		v.Set(row+".people", num(float64(k.People)))
		setText(v, row+".description", k.Description)
		if k.Value != nil {
			setMoney(v, row+".value", *k.Value)
		}
	}
	for i, r := range p.Results {
		row := idx("results", i)
		v.Set(row+".type", r.Type)
		setText(v, row+".title", r.Title)
		setText(v, row+".description", r.Description)
		for j, in := range r.Indicators {
			ir := idx(row+".indicators", j)
			setText(v, ir+".title", in.Title)
			v.Set(ir+".measure", in.Measure)
			v.Set(ir+".baseline", in.Baseline)
			v.Set(ir+".target", in.Target)
			v.Set(ir+".actual", in.Actual)
			v.Set(ir+".year", num(float64(in.Year)))
		}
	}
	for i, d := range p.Documents {
		row := idx("documents", i)
		v.Set(row+".url", d.URL)
		setText(v, row+".title", d.Title)
		v.Set(row+".format", d.Format)
		v.Set(row+".category", d.Category)
		v.Set(row+".language", d.Language)
		v.Set(row+".date", string(d.Date))
	}
	return v
}

func decodeProject(d *decoder) proximite.Record {
	p := &proximite.Project{
		Title: d.text("title"), Description: d.text("description"), Objectives: d.text("objectives"),
		Status: d.str("status"), IATIIdentifier: d.str("iati_identifier"),
		PlannedStart: d.date("planned_start"), PlannedEnd: d.date("planned_end"),
		ActualStart: d.date("actual_start"), ActualEnd: d.date("actual_end"),
		Partnership: d.pick("partnership", proximite.TypePartnership),
		Programme:   d.pick("programme", proximite.TypeProgramme),
	}
	for _, row := range d.rows("participants") {
		p.Participants = append(p.Participants, proximite.Participant{Org: d.pick(row+".org", proximite.TypeOrganisation),
			Name: d.text(row + ".name"), Ref: d.str(row + ".ref"), Role: d.str(row + ".role")})
	}
	for _, row := range d.rows("sectors") {
		vocab, code := parseSector(d.str(row + ".code"))
		p.Sectors = append(p.Sectors, proximite.SectorShare{Vocabulary: vocab, Code: code, Percentage: d.percent(row + ".percentage")})
	}
	for _, row := range d.rows("countries") {
		p.Countries = append(p.Countries, proximite.CountryShare{Code: d.str(row + ".code"), Percentage: d.percent(row + ".percentage")})
	}
	for _, row := range d.rows("locations") {
		loc := proximite.Location{Name: d.text(row + ".name"), Description: d.text(row + ".description"), Country: d.str(row + ".country")}
		loc.Point = d.point(row + ".point")
		p.Locations = append(p.Locations, loc)
	}
	for _, row := range d.rows("budgets") {
		p.Budgets = append(p.Budgets, proximite.Budget{Type: d.str(row + ".type"), PeriodStart: d.date(row + ".period_start"),
			PeriodEnd: d.date(row + ".period_end"), Value: d.money(row + ".value")})
	}
	for _, row := range d.rows("transactions") {
		t := proximite.Transaction{Type: d.str(row + ".type"), Date: d.date(row + ".date"), Value: d.money(row + ".value"),
			Description: d.text(row + ".description")}
		t.Provider = d.party(row + ".provider")
		t.Receiver = d.party(row + ".receiver")
		p.Transactions = append(p.Transactions, t)
	}
	for _, row := range d.rows("in_kind") {
		k := proximite.InKind{Kind: d.str(row + ".kind"), Org: d.pick(row+".org", proximite.TypeOrganisation),
			People: d.integer(row + ".people"), Description: d.text(row + ".description")}
		k.Days, _ = d.number(row + ".days")
		if d.str(row+".value.amount") != "" {
			m := d.money(row + ".value")
			k.Value = &m
		}
		p.InKind = append(p.InKind, k)
	}
	for _, row := range d.rows("results") {
		r := proximite.Result{Type: d.str(row + ".type"), Title: d.text(row + ".title"), Description: d.text(row + ".description")}
		for _, ir := range d.rows(row + ".indicators") {
			r.Indicators = append(r.Indicators, proximite.Indicator{Title: d.text(ir + ".title"), Measure: d.str(ir + ".measure"),
				Baseline: d.str(ir + ".baseline"), Target: d.str(ir + ".target"), Actual: d.str(ir + ".actual"), Year: d.integer(ir + ".year")})
		}
		p.Results = append(p.Results, r)
	}
	for _, row := range d.rows("documents") {
		p.Documents = append(p.Documents, proximite.Document{URL: d.str(row + ".url"), Title: d.text(row + ".title"),
			Format: d.str(row + ".format"), Category: d.str(row + ".category"), Language: d.str(row + ".language"),
			Date: d.date(row + ".date")})
	}
	return p
}

// party reads the provider or receiver of a transaction: an organisation
// of the registry, or a name, or nobody.
func (d *decoder) party(prefix string) *proximite.Participant {
	pt := &proximite.Participant{Org: d.pick(prefix+".org", proximite.TypeOrganisation), Name: d.text(prefix + ".name")}
	if pt.Org == "" && pt.Name.IsZero() {
		return nil
	}
	return pt
}
