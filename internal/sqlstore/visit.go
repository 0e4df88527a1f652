package sqlstore

import (
	"context"
	"fmt"

	"github.com/proximite/proximite"
)

func visitDoc(v *proximite.Visit) *doc {
	v.FromName, v.ToName, v.FromCountry, v.ToCountry = nil, nil, "", "" // filled on read
	d := &doc{typ: proximite.TypeVisit, meta: &v.Meta, title: v.Title, year: v.Start.Year(), record: v}
	d.add(proximite.FacetDirection, string(v.Direction))
	d.amounts = visitAmounts(v)
	d.text(v.Title, v.Purpose, v.Report)
	for _, end := range []struct{ rel, slug string }{{"from", v.From}, {"to", v.To}} {
		if end.slug != "" {
			d.refs = append(d.refs, ref{rel: end.rel, typ: proximite.TypeOrganisation, slug: end.slug, field: end.rel,
				text: true, inherit: []string{proximite.FacetCountry, proximite.FacetOrgKind}})
		}
	}
	for i, w := range v.With {
		d.refs = append(d.refs, ref{rel: "with", typ: proximite.TypeOrganisation, slug: w,
			field: fmt.Sprintf("with[%d]", i), text: true, inherit: []string{proximite.FacetOrgKind}})
	}
	if v.Partnership != "" {
		d.refs = append(d.refs, ref{rel: "partnership", typ: proximite.TypePartnership, slug: v.Partnership,
			field: "partnership", inherit: []string{proximite.FacetPartnershipKind, proximite.FacetForm}})
	}
	return d
}

// FindVisit returns one visit by ID or slug, with the names and countries
// of the organisations that sent and received it.
func (d *DB) FindVisit(ctx context.Context, idOrSlug string) (*proximite.Visit, error) {
	var v proximite.Visit
	if err := d.load(ctx, proximite.TypeVisit, idOrSlug, &v, &v.Meta); err != nil {
		return nil, err
	}
	names, err := d.names(ctx, proximite.TypeOrganisation, []string{v.From, v.To})
	if err != nil {
		return nil, err
	}
	from, to := names[v.From], names[v.To]
	v.FromName, v.FromCountry = from.title, from.facet(proximite.FacetCountry)
	v.ToName, v.ToCountry = to.title, to.facet(proximite.FacetCountry)
	return &v, nil
}

// CreateVisit validates and stores a new visit.
func (d *DB) CreateVisit(ctx context.Context, v *proximite.Visit) error {
	v.ID = 0
	return d.writeVisit(ctx, v)
}

// UpdateVisit validates and replaces a visit.
func (d *DB) UpdateVisit(ctx context.Context, v *proximite.Visit) error {
	if v.ID == 0 {
		return proximite.FieldError("id", "is required to update")
	}
	return d.writeVisit(ctx, v)
}

func (d *DB) writeVisit(ctx context.Context, v *proximite.Visit) error {
	if err := v.Validate(); err != nil {
		return err
	}
	err := d.write(ctx, func(tx *wtx) error { return d.saveAudited(tx, visitDoc(v)) })
	return errorf(err, "save visit %s", v.Slug)
}

// DeleteVisit removes a visit.
func (d *DB) DeleteVisit(ctx context.Context, id int64) error {
	return d.remove(ctx, proximite.TypeVisit, id)
}
