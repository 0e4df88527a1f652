package web

import (
	"context"
	"net/url"
	"strconv"

	"github.com/proximite/proximite"
)

// docLanguages are the languages a document of the library is offered
// in the form; the registry accepts any language code.
var docLanguages = []string{"fr", "en", "es", "pt", "de", "bm", "wo"}

// publicationForm describes a document of the library. Its file is
// uploaded apart (publication_upload.go): a form of text fields stays the
// same for every record, and a file of fifty megabytes is not posted
// again with each added row.
var publicationForm = &recordForm{
	typ: proximite.TypePublication,
	sections: []sectionSpec{
		{id: "about", title: "edit.s.about", fields: []spec{
			{name: "title", label: "edit.title", kind: kTexts, required: true, wide: true},
			{name: "kind", label: "pub.kind", kind: kSelect, required: true, opts: codes("pubkind", true, proximite.PubKinds...)},
			{name: "language", label: "pub.language", hint: "pub.language.hint", kind: kSelect, required: true,
				opts: codes("langname", true, docLanguages...)},
			{name: "year", label: "pub.year", kind: kNumber},
			{name: "publisher", label: "pub.publisher", kind: kText},
			{name: "license", label: "pub.license", hint: "pub.license.hint", kind: kText},
			{name: "link", label: "pub.link", hint: "pub.link.hint", kind: kURL, wide: true},
			{name: "abstract", label: "pub.abstract", kind: kAreas},
		}, repeats: []repeatSpec{
			{name: "authors", legend: "pub.authors", item: "pub.item.author", add: "pub.add.author",
				fields: []spec{{name: "", label: "pub.author", kind: kText}}},
		}},
		{id: "scope", title: "pub.s.scope", repeats: []repeatSpec{
			{name: "countries", legend: "pub.countries", item: "edit.item.country", add: "edit.add.country",
				fields: []spec{{name: "", label: "edit.country", kind: kSelect, opts: countryChoices}}},
			{name: "sectors", legend: "pub.sectors", item: "edit.item.sector", add: "edit.add.sector",
				fields: []spec{{name: "", label: "edit.sector", kind: kSelect, opts: dacChoices, wide: true}}},
		}},
		{id: "links", title: "pub.s.links", repeats: []repeatSpec{
			{name: "organisations", legend: "pub.organisations", item: "edit.item.org", add: "edit.add.org",
				fields: []spec{{name: "", label: "edit.org", hint: "edit.pick.hint", kind: kPick, pick: proximite.TypeOrganisation}}},
			{name: "partnerships", legend: "pub.partnerships", item: "pub.item.partnership", add: "pub.add.partnership",
				fields: []spec{{name: "", label: "pub.partnership", hint: "edit.pick.hint", kind: kPick, pick: proximite.TypePartnership}}},
			{name: "projects", legend: "pub.projects", item: "pub.item.project", add: "pub.add.project",
				fields: []spec{{name: "", label: "pub.project", hint: "edit.pick.hint", kind: kPick, pick: proximite.TypeProject}}},
		}},
	},
	pickers: []proximite.RecordType{proximite.TypeOrganisation, proximite.TypePartnership, proximite.TypeProject},
	find: func(ctx context.Context, r proximite.Registry, slug string) (proximite.Record, error) {
		return r.FindPublication(ctx, slug)
	},
	title: func(rec proximite.Record) proximite.Text { return rec.(*proximite.Publication).Title },
	create: func(ctx context.Context, g *proximite.Guard, rec proximite.Record) error {
		return g.CreatePublication(ctx, rec.(*proximite.Publication))
	},
	update: func(ctx context.Context, g *proximite.Guard, rec proximite.Record) error {
		return g.UpdatePublication(ctx, rec.(*proximite.Publication))
	},
	// The file is kept by the store whatever the form says; keeping it
	// here lets Validate see it beside a link.
	keep: func(old, rec proximite.Record) {
		rec.(*proximite.Publication).File = old.(*proximite.Publication).File
	},
	next:   uploadPath,
	encode: encodePublication,
	decode: decodePublication,
}

func encodePublication(rec proximite.Record, l *localizer) url.Values {
	p := rec.(*proximite.Publication)
	v := url.Values{}
	setText(v, "title", p.Title)
	setText(v, "abstract", p.Abstract)
	v.Set("kind", string(p.Kind))
	v.Set("language", p.Language)
	if p.Year != 0 {
		v.Set("year", strconv.Itoa(p.Year))
	}
	v.Set("publisher", p.Publisher)
	v.Set("license", p.License)
	v.Set("link", p.Link)
	for i, a := range p.Authors {
		v.Set(idx("authors", i), a)
	}
	for _, list := range []struct {
		name  string
		items []string
	}{{"countries", p.Countries}, {"sectors", p.Sectors}, {"organisations", p.Organisations},
		{"partnerships", p.Partnerships}, {"projects", p.Projects}} {
		for i, s := range list.items {
			v.Set(idx(list.name, i), s)
		}
	}
	return v
}

func decodePublication(d *decoder) proximite.Record {
	p := &proximite.Publication{Title: d.text("title"), Abstract: d.text("abstract"),
		Kind: proximite.PubKind(d.str("kind")), Language: d.str("language"), Year: d.integer("year"),
		Publisher: d.str("publisher"), License: d.str("license"), Link: d.str("link")}
	for _, row := range d.rows("authors") {
		p.Authors = append(p.Authors, d.str(row))
	}
	for _, row := range d.rows("countries") {
		p.Countries = append(p.Countries, d.str(row))
	}
	for _, row := range d.rows("sectors") {
		p.Sectors = append(p.Sectors, d.str(row))
	}
	for _, row := range d.rows("organisations") {
		p.Organisations = append(p.Organisations, d.pick(row, proximite.TypeOrganisation))
	}
	for _, row := range d.rows("partnerships") {
		p.Partnerships = append(p.Partnerships, d.pick(row, proximite.TypePartnership))
	}
	for _, row := range d.rows("projects") {
		p.Projects = append(p.Projects, d.pick(row, proximite.TypeProject))
	}
	return p
}
