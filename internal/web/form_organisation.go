package web

import (
	"context"
	"net/url"
	"strconv"

	"github.com/proximite/proximite"
)

// organisationForm edits an actor of cooperation: its names, kind, place,
// population, and its dated links to other organisations.
var organisationForm = &recordForm{
	typ: proximite.TypeOrganisation,
	sections: []sectionSpec{
		{id: "about", title: "edit.s.about", fields: []spec{
			{name: "name", label: "edit.name", kind: kTexts, required: true, wide: true},
			{name: "acronym", label: "edit.acronym", kind: kText},
			{name: "kind", label: "edit.org.kind", kind: kSelect, required: true,
				opts: codes("orgkind", true, proximite.OrgKinds...)},
			{name: "iati_ref", label: "edit.org.ref", hint: "edit.org.ref.hint", kind: kText},
			{name: "website", label: "edit.website", kind: kURL},
			{name: "description", label: "edit.description", kind: kAreas},
		}},
		{id: "place", title: "edit.s.place", fields: []spec{
			{name: "country", label: "edit.country", kind: kSelect, opts: countryChoices},
			{name: "subdivision", label: "edit.subdivision", hint: "edit.subdivision.hint", kind: kText},
			{name: "locality", label: "edit.locality", kind: kText},
			{name: "region", label: "edit.region", hint: "edit.region.hint", kind: kSelect, opts: regionChoices},
			{name: "point.lat", label: "edit.lat", hint: "edit.lat.hint", kind: kNumber},
			{name: "point.lon", label: "edit.lon", hint: "edit.lon.hint", kind: kNumber},
			{name: "population", label: "edit.population", hint: "edit.population.hint", kind: kNumber},
			{name: "population_year", label: "edit.population_year", kind: kNumber},
		}},
		{id: "links", title: "edit.s.links", repeats: []repeatSpec{
			{name: "links", legend: "edit.links", hint: "edit.links.hint", item: "edit.item.link", add: "edit.add.link",
				fields: []spec{
					{name: "kind", label: "edit.link.kind", kind: kSelect, opts: codes("orglink", true,
						proximite.PartOf, proximite.MemberOf, proximite.MergedInto, proximite.NearTo, proximite.FoundedBy)},
					{name: "target", label: "edit.org", hint: "edit.pick.hint", kind: kPick, pick: proximite.TypeOrganisation},
					{name: "since", label: "edit.since", kind: kDate},
					{name: "until", label: "edit.until", kind: kDate},
					{name: "note", label: "edit.note", kind: kTexts},
				}},
		}},
	},
	pickers: []proximite.RecordType{proximite.TypeOrganisation},
	find: func(ctx context.Context, r proximite.Registry, slug string) (proximite.Record, error) {
		return r.FindOrganisation(ctx, slug)
	},
	title: func(rec proximite.Record) proximite.Text { return rec.(*proximite.Organisation).Name },
	create: func(ctx context.Context, g *proximite.Guard, rec proximite.Record) error {
		return g.CreateOrganisation(ctx, rec.(*proximite.Organisation))
	},
	update: func(ctx context.Context, g *proximite.Guard, rec proximite.Record) error {
		return g.UpdateOrganisation(ctx, rec.(*proximite.Organisation))
	},
	encode: encodeOrganisation,
	decode: decodeOrganisation,
}

func encodeOrganisation(rec proximite.Record, l *localizer) url.Values {
	o := rec.(*proximite.Organisation)
	v := url.Values{}
	setText(v, "name", o.Name)
	setText(v, "description", o.Description)
	v.Set("acronym", o.Acronym)
	v.Set("kind", string(o.Kind))
	v.Set("iati_ref", o.IATIRef)
	v.Set("website", o.Website)
	v.Set("country", o.Country)
	v.Set("subdivision", o.Subdivision)
	v.Set("locality", o.Locality)
	v.Set("region", o.Region)
	if o.Point != nil {
		v.Set("point.lat", strconv.FormatFloat(o.Point.Lat, 'f', -1, 64))
		v.Set("point.lon", strconv.FormatFloat(o.Point.Lon, 'f', -1, 64))
	}
	v.Set("population", num(float64(o.Population)))
	v.Set("population_year", num(float64(o.PopulationYear)))
	for i, k := range o.Links {
		row := idx("links", i)
		v.Set(row+".kind", string(k.Kind))
		v.Set(row+".target", k.Target)
		v.Set(row+".since", string(k.Since))
		v.Set(row+".until", string(k.Until))
		setText(v, row+".note", k.Note)
	}
	return v
}

func decodeOrganisation(d *decoder) proximite.Record {
	o := &proximite.Organisation{
		Name: d.text("name"), Description: d.text("description"), Acronym: d.str("acronym"),
		Kind: proximite.OrgKind(d.str("kind")), IATIRef: d.str("iati_ref"), Website: d.str("website"),
		Country: d.str("country"), Subdivision: d.str("subdivision"), Locality: d.str("locality"),
		Region:     d.str("region"),
		Population: d.integer("population"), PopulationYear: d.integer("population_year"),
	}
	o.Point = d.point("point")
	for _, row := range d.rows("links") {
		o.Links = append(o.Links, proximite.OrgLink{Kind: proximite.OrgLinkKind(d.str(row + ".kind")),
			Target: d.pick(row+".target", proximite.TypeOrganisation), Since: d.date(row + ".since"),
			Until: d.date(row + ".until"), Note: d.text(row + ".note")})
	}
	return o
}
