package sqlstore

import (
	"context"
	"fmt"

	"github.com/proximite/proximite"
)

func partnershipDoc(p *proximite.Partnership) *doc {
	for i := range p.Parties { // filled on read, never stored
		p.Parties[i].OrgName, p.Parties[i].OrgKind, p.Parties[i].OrgCountry = nil, "", ""
	}
	d := &doc{typ: proximite.TypePartnership, meta: &p.Meta, title: p.Title, year: p.Start.Year(), record: p}
	d.add(proximite.FacetPartnershipKind, string(p.Kind))
	d.add(proximite.FacetForm, string(p.Form))
	d.text(p.Title, p.Objectives, p.Description, p.Lessons)
	for _, e := range p.Timeline {
		d.text(e.Title)
	}
	for i, pt := range p.Parties {
		d.refs = append(d.refs, ref{rel: "party", typ: proximite.TypeOrganisation, slug: pt.Org,
			field: fmt.Sprintf("parties[%d].org", i), text: true,
			inherit: []string{proximite.FacetCountry, proximite.FacetOrgKind}})
	}
	return d
}

// FindPartnership returns one partnership by ID or slug, with its
// parties' names, kinds and countries.
func (d *DB) FindPartnership(ctx context.Context, idOrSlug string) (*proximite.Partnership, error) {
	var p proximite.Partnership
	if err := d.load(ctx, proximite.TypePartnership, idOrSlug, &p, &p.Meta); err != nil {
		return nil, err
	}
	slugs := make([]string, len(p.Parties))
	for i, pt := range p.Parties {
		slugs[i] = pt.Org
	}
	names, err := d.names(ctx, proximite.TypeOrganisation, slugs)
	if err != nil {
		return nil, err
	}
	for i := range p.Parties {
		t := names[p.Parties[i].Org]
		p.Parties[i].OrgName = t.title
		p.Parties[i].OrgKind = proximite.OrgKind(t.facet(proximite.FacetOrgKind))
		p.Parties[i].OrgCountry = t.facet(proximite.FacetCountry)
	}
	return &p, nil
}

// CreatePartnership validates and stores a new partnership.
func (d *DB) CreatePartnership(ctx context.Context, p *proximite.Partnership) error {
	p.ID = 0
	return d.writePartnership(ctx, p)
}

// UpdatePartnership validates and replaces a partnership.
func (d *DB) UpdatePartnership(ctx context.Context, p *proximite.Partnership) error {
	if p.ID == 0 {
		return proximite.FieldError("id", "is required to update")
	}
	return d.writePartnership(ctx, p)
}

func (d *DB) writePartnership(ctx context.Context, p *proximite.Partnership) error {
	if err := p.Validate(); err != nil {
		return err
	}
	err := d.write(ctx, func(tx *wtx) error { return d.saveAudited(tx, partnershipDoc(p)) })
	return errorf(err, "save partnership %s", p.Slug)
}

// DeletePartnership removes a partnership that no record refers to.
func (d *DB) DeletePartnership(ctx context.Context, id int64) error {
	return d.remove(ctx, proximite.TypePartnership, id)
}
