package csvio

import (
	"context"
	"fmt"
	"math"
	"strings"

	"github.com/proximite/proximite"
)

// organisationFormat is the CSV format of organisations. The point is in
// two columns, lat and lon, in decimal degrees; links to other
// organisations are "KIND:TARGET[:SINCE[:UNTIL]]" items.
var organisationFormat = &format[*proximite.Organisation]{
	typ:    proximite.TypeOrganisation,
	altKey: "iati_ref", storeKey: keyIATIRef,
	fields: []field[*proximite.Organisation]{
		slugField[*proximite.Organisation](),
		stringField("iati_ref", func(o *proximite.Organisation) *string { return &o.IATIRef }, nil),
		stateField[*proximite.Organisation](),
		textField("name", func(o *proximite.Organisation) *proximite.Text { return &o.Name }),
		stringField("acronym", func(o *proximite.Organisation) *string { return &o.Acronym }, nil),
		{name: "kind",
			get: func(o *proximite.Organisation) string { return string(o.Kind) },
			set: func(o *proximite.Organisation, v string) error { o.Kind = proximite.OrgKind(v); return nil }},
		{name: "country",
			get: func(o *proximite.Organisation) string { return o.Country },
			set: func(o *proximite.Organisation, v string) error { o.Country = strings.ToUpper(v); return nil }},
		stringField("subdivision", func(o *proximite.Organisation) *string { return &o.Subdivision }, nil),
		{name: "region", get: func(o *proximite.Organisation) string { return o.Region }, set: setRegion},
		stringField("locality", func(o *proximite.Organisation) *string { return &o.Locality }, nil),
		{name: "lat", get: func(o *proximite.Organisation) string { return getCoord(o.Point, true) },
			set: func(o *proximite.Organisation, v string) error { return setCoord(&o.Point, v, true) }},
		{name: "lon", get: func(o *proximite.Organisation) string { return getCoord(o.Point, false) },
			set: func(o *proximite.Organisation, v string) error { return setCoord(&o.Point, v, false) }},
		intField("population", func(o *proximite.Organisation) *int { return &o.Population }),
		intField("population_year", func(o *proximite.Organisation) *int { return &o.PopulationYear }),
		stringField("website", func(o *proximite.Organisation) *string { return &o.Website }, nil),
		textField("description", func(o *proximite.Organisation) *proximite.Text { return &o.Description }),
		{name: "links", get: getLinks, set: setLinks},
		sourcesField[*proximite.Organisation](),
		updatedField[*proximite.Organisation](),
	},
	create: func(slug string) *proximite.Organisation {
		return &proximite.Organisation{Meta: proximite.Meta{Slug: slug}}
	},
	find: func(ctx context.Context, st Store, id string) (*proximite.Organisation, error) {
		return st.FindOrganisation(ctx, id)
	},
	refs: func(o *proximite.Organisation) []ref {
		var out []ref
		for _, l := range o.Links {
			out = append(out, ref{"links", proximite.TypeOrganisation, l.Target})
		}
		return out
	},
	finish: func(o *proximite.Organisation) map[string]string {
		if o.Point != nil && math.IsNaN(o.Point.Lon) {
			return map[string]string{"lon": "give the longitude with the latitude"}
		}
		if o.Point != nil && math.IsNaN(o.Point.Lat) {
			return map[string]string{"lat": "give the latitude with the longitude"}
		}
		return nil
	},
}

// setRegion takes a region's code ("outaouais") or, as people type it in
// a spreadsheet, its name ("Outaouais", "Abitibi-Temiscamingue"); what
// matches neither is kept for the record's check, which names it.
func setRegion(o *proximite.Organisation, v string) error {
	folded := proximite.Fold(v)
	for _, r := range proximite.Regions {
		if folded == r.Code {
			o.Region = r.Code
			return nil
		}
		for _, name := range r.Name {
			if proximite.Fold(name) == folded {
				o.Region = r.Code
				return nil
			}
		}
	}
	o.Region = v
	return nil
}

// intField declares a whole number where zero means unknown.
func intField[P recordPtr](name string, ptr func(P) *int) field[P] {
	return field[P]{name: name,
		get: func(r P) string { return formatInt(*ptr(r)) },
		set: func(r P, v string) (err error) { *ptr(r), err = parseInt(v); return err }}
}

func getCoord(p *proximite.Point, lat bool) string {
	switch {
	case p == nil:
		return ""
	case lat:
		return formatNumber(p.Lat)
	default:
		return formatNumber(p.Lon)
	}
}

// setCoord sets one coordinate of a point. A new point needs both: the
// other is marked missing (NaN) until its own cell fills it, and finish
// reports it if none does. Clearing either coordinate removes the point.
func setCoord(pp **proximite.Point, v string, lat bool) error {
	if v == "" {
		*pp = nil
		return nil
	}
	f, err := parseNumber(v)
	if err != nil {
		return err
	}
	if *pp == nil {
		*pp = &proximite.Point{Lat: math.NaN(), Lon: math.NaN()}
	}
	if lat {
		(*pp).Lat = f
	} else {
		(*pp).Lon = f
	}
	return nil
}

func getLinks(o *proximite.Organisation) string {
	items := make([][]string, len(o.Links))
	for i, l := range o.Links {
		items[i] = []string{string(l.Kind), l.Target, string(l.Since), string(l.Until)}
	}
	return formatList(items, true)
}

// setLinks reads links back; a link of the same kind to the same
// organisation keeps its note, which the CSV does not carry.
func setLinks(o *proximite.Organisation, v string) error {
	notes := map[[2]string]proximite.Text{}
	for _, l := range o.Links {
		notes[[2]string{string(l.Kind), l.Target}] = l.Note
	}
	var out []proximite.OrgLink
	for _, item := range parseList(v, true) {
		if len(item) < 2 || len(item) > 4 {
			return fmt.Errorf("%q: write KIND:ORGANISATION, with :SINCE and :UNTIL when known", strings.Join(item, ":"))
		}
		l := proximite.OrgLink{Kind: proximite.OrgLinkKind(item[0]), Target: item[1],
			Since: proximite.Date(part(item, 2)), Until: proximite.Date(part(item, 3))}
		l.Note = notes[[2]string{item[0], item[1]}]
		out = append(out, l)
	}
	o.Links = out
	return nil
}
