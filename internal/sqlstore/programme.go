package sqlstore

import (
	"context"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
)

func programmeDoc(p *proximite.Programme) *doc {
	p.FunderName = nil // filled on read, never stored
	d := &doc{typ: proximite.TypeProgramme, meta: &p.Meta, title: p.Name, year: p.Start.Year(), record: p}
	d.text(p.Name, p.Description, p.Eligibility, p.Duration)
	for _, k := range p.Eligible {
		d.add(proximite.FacetOrgKind, string(k))
	}
	for _, c := range p.Countries {
		d.add(proximite.FacetCountry, c)
		d.body = append(d.body, countryNames(c)...)
	}
	for _, s := range p.Sectors {
		d.add(proximite.FacetSectorCategory, codelist.SectorCategoryOf(s))
	}
	d.refs = append(d.refs, ref{rel: "funder", typ: proximite.TypeOrganisation, slug: p.Funder, field: "funder", text: true})
	return d
}

// FindProgramme returns one funding programme by ID or slug, with its
// funder's name.
func (d *DB) FindProgramme(ctx context.Context, idOrSlug string) (*proximite.Programme, error) {
	var p proximite.Programme
	if err := d.load(ctx, proximite.TypeProgramme, idOrSlug, &p, &p.Meta); err != nil {
		return nil, err
	}
	names, err := d.names(ctx, proximite.TypeOrganisation, []string{p.Funder})
	if err != nil {
		return nil, err
	}
	p.FunderName = names[p.Funder].title
	return &p, nil
}

// CreateProgramme validates and stores a new programme.
func (d *DB) CreateProgramme(ctx context.Context, p *proximite.Programme) error {
	p.ID = 0
	return d.writeProgramme(ctx, p)
}

// UpdateProgramme validates and replaces a programme.
func (d *DB) UpdateProgramme(ctx context.Context, p *proximite.Programme) error {
	if p.ID == 0 {
		return proximite.FieldError("id", "is required to update")
	}
	return d.writeProgramme(ctx, p)
}

func (d *DB) writeProgramme(ctx context.Context, p *proximite.Programme) error {
	if err := p.Validate(); err != nil {
		return err
	}
	err := d.write(ctx, func(tx *wtx) error { return d.saveAudited(tx, programmeDoc(p)) })
	return errorf(err, "save programme %s", p.Slug)
}

// DeleteProgramme removes a programme that no project refers to.
func (d *DB) DeleteProgramme(ctx context.Context, id int64) error {
	return d.remove(ctx, proximite.TypeProgramme, id)
}
