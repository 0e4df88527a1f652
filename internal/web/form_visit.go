package web

import (
	"context"
	"net/url"
	"strconv"

	"github.com/proximite/proximite"
)

// visitForm records a delegation: who went where, when, how many, why,
// and what they reported.
var visitForm = &recordForm{
	typ: proximite.TypeVisit,
	sections: []sectionSpec{
		{id: "about", title: "edit.s.about", fields: []spec{
			{name: "title", label: "edit.title", kind: kTexts, required: true, wide: true},
			{name: "direction", label: "visit.direction", kind: kSelect, required: true,
				opts: codes("direction", false, proximite.Directions...)},
			{name: "start", label: "edit.start", hint: "edit.date.hint", kind: kDate, required: true},
			{name: "end", label: "edit.end", hint: "edit.date.hint", kind: kDate},
		}},
		{id: "who", title: "edit.s.visit.who", intro: "edit.s.visit.who.intro", fields: []spec{
			{name: "partnership", label: "visit.partnership", hint: "edit.pick.hint", kind: kPick, pick: proximite.TypePartnership, wide: true},
			{name: "from", label: "edit.visit.from", hint: "edit.pick.hint", kind: kPick, pick: proximite.TypeOrganisation},
			{name: "to", label: "edit.visit.to", hint: "edit.pick.hint", kind: kPick, pick: proximite.TypeOrganisation},
			{name: "event", label: "visit.event", hint: "evt.visit.hint", kind: kText, wide: true},
		}, repeats: []repeatSpec{
			{name: "with", legend: "visit.with", hint: "edit.visit.with.hint", item: "edit.item.org", add: "edit.add.org",
				fields: []spec{{name: "", label: "edit.org", kind: kPick, pick: proximite.TypeOrganisation}}},
			{name: "people", legend: "visit.people", item: "edit.item.people", add: "edit.add.people", min: 1,
				fields: []spec{
					{name: "kind", label: "edit.people.kind", kind: kSelect, opts: codes("people", true,
						proximite.ElectedOfficials, proximite.MunicipalStaff, proximite.Experts, proximite.Volunteers,
						proximite.Students, proximite.DiasporaMembers, proximite.OtherPeople)},
					{name: "count", label: "edit.people.count", hint: "edit.people.count.hint", kind: kNumber},
					{name: "note", label: "edit.note", kind: kTexts, wide: true},
				}},
		}},
		{id: "texts", title: "edit.s.visit.texts", fields: []spec{
			{name: "purpose", label: "visit.purpose", kind: kAreas},
			{name: "report", label: "visit.report", kind: kAreas},
		}},
	},
	pickers: []proximite.RecordType{proximite.TypeOrganisation, proximite.TypePartnership},
	find: func(ctx context.Context, r proximite.Registry, slug string) (proximite.Record, error) {
		return r.FindVisit(ctx, slug)
	},
	title: func(rec proximite.Record) proximite.Text { return rec.(*proximite.Visit).Title },
	create: func(ctx context.Context, g *proximite.Guard, rec proximite.Record) error {
		return g.CreateVisit(ctx, rec.(*proximite.Visit))
	},
	update: func(ctx context.Context, g *proximite.Guard, rec proximite.Record) error {
		return g.UpdateVisit(ctx, rec.(*proximite.Visit))
	},
	encode: encodeVisit,
	decode: decodeVisit,
}

func encodeVisit(rec proximite.Record, l *localizer) url.Values {
	v := rec.(*proximite.Visit)
	vals := url.Values{}
	setText(vals, "title", v.Title)
	vals.Set("direction", string(v.Direction))
	vals.Set("start", string(v.Start))
	vals.Set("end", string(v.End))
	vals.Set("partnership", v.Partnership)
	vals.Set("from", v.From)
	vals.Set("to", v.To)
	vals.Set("event", v.Event)
	for i, w := range v.With {
		vals.Set(idx("with", i), w)
	}
	for i, p := range v.People {
		row := idx("people", i)
		vals.Set(row+".kind", string(p.Kind))
		if p.Count != 0 {
			vals.Set(row+".count", strconv.Itoa(p.Count))
		}
		setText(vals, row+".note", p.Note)
	}
	setText(vals, "purpose", v.Purpose)
	setText(vals, "report", v.Report)
	return vals
}

func decodeVisit(d *decoder) proximite.Record {
	v := &proximite.Visit{
		Title: d.text("title"), Direction: proximite.Direction(d.str("direction")),
		Start: d.date("start"), End: d.date("end"),
		Partnership: d.pick("partnership", proximite.TypePartnership),
		From:        d.pick("from", proximite.TypeOrganisation),
		To:          d.pick("to", proximite.TypeOrganisation),
		Purpose:     d.text("purpose"), Report: d.text("report"),
		Event: d.event("event"),
	}
	for _, row := range d.rows("with") {
		// An organisation not found stays as an empty slot, so that the
		// domain's indices remain the page's.
		v.With = append(v.With, d.pick(row, proximite.TypeOrganisation))
	}
	for _, row := range d.rows("people") {
		v.People = append(v.People, proximite.Travellers{Kind: proximite.ParticipantKind(d.str(row + ".kind")),
			Count: d.integer(row + ".count"), Note: d.text(row + ".note")})
	}
	return v
}

// setText writes a per-language text as one input per language.
func setText(v url.Values, name string, t proximite.Text) {
	for l, s := range t {
		v.Set(name+"."+l, s)
	}
}

// idx names row i of a repeated part: idx("sectors", 1) is sectors[1].
func idx(base string, i int) string { return base + "[" + strconv.Itoa(i) + "]" }
