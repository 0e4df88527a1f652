package sqlstore

import (
	"context"
	"fmt"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
)

func projectDoc(p *proximite.Project) *doc {
	for i := range p.Participants { // filled on read, never stored
		p.Participants[i].OrgName, p.Participants[i].OrgKind = nil, ""
	}
	d := &doc{typ: proximite.TypeProject, meta: &p.Meta, title: p.Title, year: p.Start().Year(), record: p}
	d.add(proximite.FacetStatus, p.Status)
	d.amounts = projectAmounts(p)
	if p.IATIIdentifier != "" {
		d.keys = append(d.keys, facet{KeyIATIID, p.IATIIdentifier})
	}
	d.text(p.Title, p.Description, p.Objectives)
	d.body = append(d.body, p.IATIIdentifier)
	for _, c := range p.Countries {
		d.add(proximite.FacetCountry, c.Code)
		d.body = append(d.body, countryNames(c.Code)...)
	}
	for _, l := range p.Locations {
		d.add(proximite.FacetCountry, l.Country)
		d.text(l.Name)
	}
	for _, s := range p.Sectors {
		switch s.Vocab() {
		case "1":
			cat := codelist.SectorCategoryOf(s.Code)
			d.add(proximite.FacetSectorCategory, cat)
			d.body = append(d.body, codelist.Sector.Label(s.Code, "fr"), codelist.Sector.Label(s.Code, "en"))
		case "2":
			d.add(proximite.FacetSectorCategory, s.Code)
			d.body = append(d.body, codelist.SectorCategory.Label(s.Code, "fr"), codelist.SectorCategory.Label(s.Code, "en"))
		}
	}
	for i, pt := range p.Participants {
		if pt.Org == "" {
			d.text(pt.Name)
			continue
		}
		d.refs = append(d.refs, ref{rel: "participant", typ: proximite.TypeOrganisation, slug: pt.Org,
			field: fmt.Sprintf("participants[%d].org", i), text: true, inherit: []string{proximite.FacetOrgKind}})
	}
	for i, t := range p.Transactions {
		for side, pt := range map[string]*proximite.Participant{"provider": t.Provider, "receiver": t.Receiver} {
			if pt != nil && pt.Org != "" {
				d.refs = append(d.refs, ref{rel: "transaction", typ: proximite.TypeOrganisation, slug: pt.Org,
					field: fmt.Sprintf("transactions[%d].%s.org", i, side)})
			}
		}
	}
	for i, k := range p.InKind {
		if k.Org != "" {
			d.refs = append(d.refs, ref{rel: "contributor", typ: proximite.TypeOrganisation, slug: k.Org,
				field: fmt.Sprintf("in_kind[%d].org", i)})
		}
	}
	if p.Partnership != "" {
		d.refs = append(d.refs, ref{rel: "partnership", typ: proximite.TypePartnership, slug: p.Partnership,
			field: "partnership", inherit: []string{proximite.FacetPartnershipKind, proximite.FacetForm}})
	}
	if p.Programme != "" {
		d.refs = append(d.refs, ref{rel: "programme", typ: proximite.TypeProgramme, slug: p.Programme, field: "programme"})
	}
	return d
}

// FindProject returns one project by ID or slug, with the names and kinds
// of its participating organisations.
func (d *DB) FindProject(ctx context.Context, idOrSlug string) (*proximite.Project, error) {
	var p proximite.Project
	if err := d.load(ctx, proximite.TypeProject, idOrSlug, &p, &p.Meta); err != nil {
		return nil, err
	}
	slugs := make([]string, len(p.Participants))
	for i, pt := range p.Participants {
		slugs[i] = pt.Org
	}
	names, err := d.names(ctx, proximite.TypeOrganisation, slugs)
	if err != nil {
		return nil, err
	}
	for i := range p.Participants {
		if t, ok := names[p.Participants[i].Org]; ok {
			p.Participants[i].OrgName = t.title
			p.Participants[i].OrgKind = proximite.OrgKind(t.facet(proximite.FacetOrgKind))
		}
	}
	return &p, nil
}

// CreateProject validates and stores a new project.
func (d *DB) CreateProject(ctx context.Context, p *proximite.Project) error {
	p.ID = 0
	return d.writeProject(ctx, p)
}

// UpdateProject validates and replaces a project.
func (d *DB) UpdateProject(ctx context.Context, p *proximite.Project) error {
	if p.ID == 0 {
		return proximite.FieldError("id", "is required to update")
	}
	return d.writeProject(ctx, p)
}

func (d *DB) writeProject(ctx context.Context, p *proximite.Project) error {
	if err := p.Validate(); err != nil {
		return err
	}
	err := d.write(ctx, func(tx *wtx) error { return d.saveAudited(tx, projectDoc(p)) })
	return errorf(err, "save project %s", p.Slug)
}

// DeleteProject removes a project.
func (d *DB) DeleteProject(ctx context.Context, id int64) error {
	return d.remove(ctx, proximite.TypeProject, id)
}
