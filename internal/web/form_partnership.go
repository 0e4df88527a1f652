package web

import (
	"context"
	"net/url"

	"github.com/proximite/proximite"
)

// partnershipForm edits a partnership: its parties and their sides, its
// kind and form of cooperation, and the timeline of its life.
var partnershipForm = &recordForm{
	typ: proximite.TypePartnership,
	sections: []sectionSpec{
		{id: "about", title: "edit.s.about", fields: []spec{
			{name: "title", label: "edit.title", kind: kTexts, required: true, wide: true},
			{name: "kind", label: "partnership.kind", kind: kSelect, required: true,
				opts: codes("pkind", true, proximite.PartnershipKinds...)},
			{name: "form", label: "partnership.form", hint: "edit.partnership.form.hint", kind: kSelect,
				opts: codes("form", true, proximite.Forms...)},
			{name: "local_people", label: "partnership.localpeople", kind: kSelect,
				opts: codes("localpeople", true, proximite.Beneficiaries, proximite.Collaborators, proximite.Partners)},
			{name: "start", label: "edit.start", hint: "edit.date.hint", kind: kDate},
			{name: "end", label: "edit.end", hint: "edit.partnership.end.hint", kind: kDate},
		}},
		{id: "parties", title: "partnership.parties", repeats: []repeatSpec{
			{name: "parties", legend: "edit.parties", hint: "edit.parties.hint", item: "edit.item.org", add: "edit.add.org", min: 2,
				fields: []spec{
					{name: "org", label: "edit.org", hint: "edit.pick.hint", kind: kPick, pick: proximite.TypeOrganisation, required: true},
					{name: "side", label: "edit.side", kind: kSelect, required: true,
						opts: codes("side", true, proximite.North, proximite.South, proximite.Support)},
					{name: "role", label: "edit.party.role", hint: "edit.party.role.hint", kind: kTexts},
					{name: "since", label: "edit.since", kind: kDate},
					{name: "until", label: "edit.until", kind: kDate},
				}},
		}},
		{id: "texts", title: "edit.s.partnership.texts", fields: []spec{
			{name: "objectives", label: "partnership.objectives", kind: kAreas},
			{name: "description", label: "partnership.story", kind: kAreas},
			{name: "lessons", label: "partnership.lessons", kind: kAreas},
		}},
		{id: "timeline", title: "partnership.timeline", repeats: []repeatSpec{
			{name: "timeline", legend: "edit.events", hint: "edit.events.hint", item: "edit.item.event", add: "edit.add.event",
				fields: []spec{
					{name: "date", label: "edit.event.date", hint: "edit.date.hint", kind: kDate},
					{name: "kind", label: "edit.event.kind", kind: kSelect, opts: codes("event", true,
						proximite.FirstContact, proximite.Agreement, proximite.Renewal, proximite.OnHold, proximite.Resumed,
						proximite.Evaluation, proximite.Milestone, proximite.Ended)},
					{name: "title", label: "edit.title", kind: kTexts},
					{name: "description", label: "edit.description", kind: kTexts},
				}},
		}},
	},
	pickers: []proximite.RecordType{proximite.TypeOrganisation},
	find: func(ctx context.Context, r proximite.Registry, slug string) (proximite.Record, error) {
		return r.FindPartnership(ctx, slug)
	},
	title: func(rec proximite.Record) proximite.Text { return rec.(*proximite.Partnership).Title },
	create: func(ctx context.Context, g *proximite.Guard, rec proximite.Record) error {
		return g.CreatePartnership(ctx, rec.(*proximite.Partnership))
	},
	update: func(ctx context.Context, g *proximite.Guard, rec proximite.Record) error {
		return g.UpdatePartnership(ctx, rec.(*proximite.Partnership))
	},
	encode: encodePartnership,
	decode: decodePartnership,
}

func encodePartnership(rec proximite.Record, l *localizer) url.Values {
	p := rec.(*proximite.Partnership)
	v := url.Values{}
	setText(v, "title", p.Title)
	v.Set("kind", string(p.Kind))
	v.Set("form", string(p.Form))
	v.Set("local_people", string(p.LocalPeople))
	v.Set("start", string(p.Start))
	v.Set("end", string(p.End))
	setText(v, "objectives", p.Objectives)
	setText(v, "description", p.Description)
	setText(v, "lessons", p.Lessons)
	for i, pt := range p.Parties {
		row := idx("parties", i)
		v.Set(row+".org", pt.Org)
		v.Set(row+".side", string(pt.Side))
		setText(v, row+".role", pt.Role)
		v.Set(row+".since", string(pt.Since))
		v.Set(row+".until", string(pt.Until))
	}
	for i, e := range p.Timeline {
		row := idx("timeline", i)
		v.Set(row+".date", string(e.Date))
		v.Set(row+".kind", string(e.Kind))
		setText(v, row+".title", e.Title)
		setText(v, row+".description", e.Description)
	}
	return v
}

func decodePartnership(d *decoder) proximite.Record {
	p := &proximite.Partnership{
		Title: d.text("title"), Kind: proximite.PartnershipKind(d.str("kind")), Form: proximite.Form(d.str("form")),
		LocalPeople: proximite.LocalPeople(d.str("local_people")), Start: d.date("start"), End: d.date("end"),
		Objectives: d.text("objectives"), Description: d.text("description"), Lessons: d.text("lessons"),
	}
	for _, row := range d.rows("parties") {
		p.Parties = append(p.Parties, proximite.Party{Org: d.pick(row+".org", proximite.TypeOrganisation),
			Side: proximite.Side(d.str(row + ".side")), Role: d.text(row + ".role"),
			Since: d.date(row + ".since"), Until: d.date(row + ".until")})
	}
	for _, row := range d.rows("timeline") {
		p.Timeline = append(p.Timeline, proximite.TimelineEvent{Date: d.date(row + ".date"),
			Kind: proximite.EventKind(d.str(row + ".kind")), Title: d.text(row + ".title"), Description: d.text(row + ".description")})
	}
	return p
}
