package web

import (
	"context"
	"net/url"

	"github.com/proximite/proximite"
)

// programmeForm edits a funding channel: its funder, what it pays for,
// who may apply, where and in which sectors, and its envelopes by year.
var programmeForm = &recordForm{
	typ: proximite.TypeProgramme,
	sections: []sectionSpec{
		{id: "about", title: "edit.s.about", fields: []spec{
			{name: "name", label: "edit.name", kind: kTexts, required: true, wide: true},
			{name: "funder", label: "programme.funder", hint: "edit.pick.hint", kind: kPick, pick: proximite.TypeOrganisation, required: true},
			{name: "website", label: "programme.website", kind: kURL},
			{name: "start", label: "edit.start", hint: "edit.date.hint", kind: kDate},
			{name: "end", label: "edit.end", hint: "edit.date.hint", kind: kDate},
			{name: "description", label: "edit.description", kind: kAreas},
		}},
		{id: "rules", title: "edit.s.programme.rules", fields: []spec{
			{name: "covers", label: "programme.covers", kind: kChecks, opts: codes("covers", false,
				"transport", "lodging", "per_diem", "project_costs", "salaries", "awareness", "education", "internships", "other")},
			{name: "eligible", label: "programme.eligible", kind: kChecks, opts: codes("orgkind", false, proximite.OrgKinds...)},
			{name: "eligibility", label: "edit.eligibility", kind: kAreas},
			{name: "duration", label: "programme.duration", hint: "edit.duration.hint", kind: kTexts},
			{name: "duration_months_min", label: "edit.duration.min", kind: kNumber},
			{name: "duration_months_max", label: "edit.duration.max", kind: kNumber},
		}},
		{id: "scope", title: "programme.scope", repeats: []repeatSpec{
			{name: "countries", legend: "edit.countries.programme", item: "edit.item.country", add: "edit.add.country",
				fields: []spec{{name: "", label: "edit.country", kind: kSelect, opts: countryChoices}}},
			{name: "sectors", legend: "edit.sectors.programme", item: "edit.item.sector", add: "edit.add.sector",
				fields: []spec{{name: "", label: "edit.sector", kind: kSelect, opts: dacChoices, wide: true}}},
		}},
		{id: "envelopes", title: "programme.envelopes", repeats: []repeatSpec{
			{name: "envelopes", legend: "programme.envelopes", hint: "edit.envelopes.hint", item: "edit.item.envelope", add: "edit.add.envelope",
				fields: append([]spec{{name: "period", label: "programme.envelope.period", hint: "edit.envelope.period.hint", kind: kText}},
					append(moneyFields("value"), spec{name: "note", label: "programme.envelope.note", kind: kTexts})...)},
		}},
	},
	pickers: []proximite.RecordType{proximite.TypeOrganisation},
	find: func(ctx context.Context, r proximite.Registry, slug string) (proximite.Record, error) {
		return r.FindProgramme(ctx, slug)
	},
	title: func(rec proximite.Record) proximite.Text { return rec.(*proximite.Programme).Name },
	create: func(ctx context.Context, g *proximite.Guard, rec proximite.Record) error {
		return g.CreateProgramme(ctx, rec.(*proximite.Programme))
	},
	update: func(ctx context.Context, g *proximite.Guard, rec proximite.Record) error {
		return g.UpdateProgramme(ctx, rec.(*proximite.Programme))
	},
	encode: encodeProgramme,
	decode: decodeProgramme,
}

func encodeProgramme(rec proximite.Record, l *localizer) url.Values {
	p := rec.(*proximite.Programme)
	v := url.Values{}
	setText(v, "name", p.Name)
	setText(v, "description", p.Description)
	setText(v, "eligibility", p.Eligibility)
	setText(v, "duration", p.Duration)
	v.Set("funder", p.Funder)
	v.Set("website", p.Website)
	v.Set("start", string(p.Start))
	v.Set("end", string(p.End))
	v["covers"] = append([]string{}, p.Covers...)
	for _, k := range p.Eligible {
		v.Add("eligible", string(k))
	}
	v.Set("duration_months_min", num(float64(p.DurationMonthsMin)))
	v.Set("duration_months_max", num(float64(p.DurationMonthsMax)))
	for i, c := range p.Countries {
		v.Set(idx("countries", i), c)
	}
	for i, s := range p.Sectors {
		v.Set(idx("sectors", i), s)
	}
	for i, e := range p.Envelopes {
		row := idx("envelopes", i)
		v.Set(row+".period", e.Period)
		setMoney(v, row+".value", e.Value)
		setText(v, row+".note", e.Note)
	}
	return v
}

func decodeProgramme(d *decoder) proximite.Record {
	p := &proximite.Programme{
		Name: d.text("name"), Description: d.text("description"), Eligibility: d.text("eligibility"),
		Duration: d.text("duration"), Funder: d.pick("funder", proximite.TypeOrganisation), Website: d.str("website"),
		Start: d.date("start"), End: d.date("end"), Covers: d.strs("covers"),
		DurationMonthsMin: d.integer("duration_months_min"), DurationMonthsMax: d.integer("duration_months_max"),
	}
	for _, k := range d.strs("eligible") {
		p.Eligible = append(p.Eligible, proximite.OrgKind(k))
	}
	for _, row := range d.rows("countries") {
		p.Countries = append(p.Countries, d.str(row))
	}
	for _, row := range d.rows("sectors") {
		p.Sectors = append(p.Sectors, d.str(row))
	}
	for _, row := range d.rows("envelopes") {
		p.Envelopes = append(p.Envelopes, proximite.Envelope{Period: d.str(row + ".period"), Value: d.money(row + ".value"),
			Note: d.text(row + ".note")})
	}
	return p
}
