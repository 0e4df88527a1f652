package sqlstore

import (
	"context"
	"fmt"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
)

var _ proximite.Registry = (*DB)(nil)

// Keys that records are looked up by, with LookupKey.
const (
	KeyIATIRef = "@iati_ref" // an organisation's IATI reference
	KeyName    = "@name"     // an organisation's name, folded, in any language
	KeyIATIID  = "@iati_id"  // a project's IATI activity identifier
	// KeyLocality is an organisation's country and locality, folded:
	// "CA/gatineau", for the organisations of one town (synergies.go).
	KeyLocality = "@locality"
	// KeyOrgCountry is an organisation's own country, apart from the
	// country facet that projects and partnerships share, so that the
	// organisations based in a country are read without the records
	// active there.
	KeyOrgCountry = "@org_country"
)

func organisationDoc(o *proximite.Organisation) *doc {
	for i := range o.Links {
		o.Links[i].TargetName = nil // filled on read, never stored
	}
	d := &doc{typ: proximite.TypeOrganisation, meta: &o.Meta, title: o.Name, record: o}
	d.add(proximite.FacetOrgKind, string(o.Kind))
	if o.IATIRef != "" {
		d.keys = append(d.keys, facet{KeyIATIRef, o.IATIRef})
	}
	for _, n := range o.Name {
		d.keys = append(d.keys, facet{KeyName, proximite.Fold(n)})
	}
	d.add(proximite.FacetCountry, o.Country)
	d.keys = append(d.keys, territoryKeys(o)...)
	if k := localityKey(o.Country, o.Locality); k != "" {
		d.keys = append(d.keys, facet{KeyLocality, k})
	}
	if o.Country != "" {
		d.keys = append(d.keys, facet{KeyOrgCountry, o.Country})
	}
	d.text(o.Name, o.Description)
	d.body = append(d.body, o.Acronym, o.Locality, o.Subdivision, o.IATIRef)
	d.body = append(d.body, countryNames(o.Country)...)
	for i, l := range o.Links {
		d.refs = append(d.refs, ref{rel: string(l.Kind), typ: proximite.TypeOrganisation, slug: l.Target,
			field: fmt.Sprintf("links[%d].target", i)})
	}
	return d
}

// countryNames returns a country's names in French and English, so that
// "sénégal", "senegal" and "SN" all find what happens there.
func countryNames(code string) []string {
	if code == "" {
		return nil
	}
	return []string{codelist.Country.Label(code, "fr"), codelist.Country.Label(code, "en")}
}

// FindOrganisation returns one organisation by ID or slug, with the names
// of the organisations it links to.
func (d *DB) FindOrganisation(ctx context.Context, idOrSlug string) (*proximite.Organisation, error) {
	var o proximite.Organisation
	if err := d.load(ctx, proximite.TypeOrganisation, idOrSlug, &o, &o.Meta); err != nil {
		return nil, err
	}
	slugs := make([]string, len(o.Links))
	for i, l := range o.Links {
		slugs[i] = l.Target
	}
	names, err := d.names(ctx, proximite.TypeOrganisation, slugs)
	if err != nil {
		return nil, err
	}
	for i := range o.Links {
		o.Links[i].TargetName = names[o.Links[i].Target].title
	}
	return &o, nil
}

// CreateOrganisation validates and stores a new organisation.
func (d *DB) CreateOrganisation(ctx context.Context, o *proximite.Organisation) error {
	o.ID = 0
	return d.writeOrganisation(ctx, o)
}

// UpdateOrganisation validates and replaces an organisation.
func (d *DB) UpdateOrganisation(ctx context.Context, o *proximite.Organisation) error {
	if o.ID == 0 {
		return proximite.FieldError("id", "is required to update")
	}
	return d.writeOrganisation(ctx, o)
}

func (d *DB) writeOrganisation(ctx context.Context, o *proximite.Organisation) error {
	if err := o.Validate(); err != nil {
		return err
	}
	err := d.write(ctx, func(tx *wtx) error { return d.saveAudited(tx, organisationDoc(o)) })
	return errorf(err, "save organisation %s", o.Slug)
}

// DeleteOrganisation removes an organisation that no record refers to.
func (d *DB) DeleteOrganisation(ctx context.Context, id int64) error {
	return d.remove(ctx, proximite.TypeOrganisation, id)
}
