package twins

import (
	"context"
	"slices"
	"strings"

	"github.com/proximite/proximite"
)

// A town's known twinnings, as its page and the API show them: the twin
// towns the layer lists for the town, matched by the town's folded names
// and country, each told apart as recorded (the registry has a
// partnership with that town) or not, with the registry's organisation
// of the twin town when it has one.

// Town is what the layer knows of one town's twinnings.
type Town struct {
	Known []Known
	// Partners are the organisations the town has a partnership with,
	// by Key of each of their names.
	Partners map[string]*proximite.Organisation
}

// Known is one twin town of the layer.
type Known struct {
	proximite.TwinTown
	// Recorded says that the registry has a partnership with the town.
	Recorded bool
	// Org is the registry's organisation of the town: the partner for a
	// recorded twinning, a published municipality of that name otherwise;
	// nil when there is none.
	Org *proximite.Organisation
}

// maxTownPartnerships bounds the partnerships read to tell recorded
// twinnings from the others.
const maxTownPartnerships = 60

// OfTown returns the town's known twinnings, or nil when o is not a
// municipality with a country or the layer knows no twin of it.
func OfTown(ctx context.Context, reg proximite.Registry, layer proximite.TwinService, o *proximite.Organisation) (*Town, error) {
	if o.Kind != proximite.Municipality || o.Country == "" {
		return nil, nil
	}
	var known []proximite.TwinTown
	seen := map[string]bool{}
	for _, name := range TownNames(o) {
		list, err := layer.TwinsOf(ctx, name, o.Country)
		if err != nil {
			return nil, err
		}
		for _, t := range list {
			if k := Key(t.City, t.Country); !seen[k] {
				seen[k] = true
				known = append(known, t)
			}
		}
	}
	if len(known) == 0 {
		return nil, nil
	}
	partners, err := townPartners(ctx, reg, o)
	if err != nil {
		return nil, err
	}
	town := &Town{Partners: partners}
	for _, t := range known {
		k := Known{TwinTown: t}
		if p, ok := partners[Key(t.City, t.Country)]; ok {
			k.Recorded, k.Org = true, p
		} else if k.Org, err = townOrg(ctx, reg, t); err != nil {
			return nil, err
		}
		town.Known = append(town.Known, k)
	}
	return town, nil
}

// TownNames are the names a town goes by in the list: its locality,
// then its names with a prefix such as "Ville de" dropped.
func TownNames(o *proximite.Organisation) []string {
	var out []string
	add := func(s string) {
		for _, p := range []string{"Ville de ", "City of ", "Municipalité de ", "Commune de ", "Town of "} {
			s = strings.TrimPrefix(s, p)
		}
		if s = strings.TrimSpace(s); s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	add(o.Locality)
	for _, lang := range []string{"fr", "en"} {
		add(o.Name[lang])
	}
	return out
}

// Key is the key of a town: its country and its folded name.
func Key(city, country string) string { return country + "|" + proximite.Slugify(city) }

// townPartners returns the organisations the town has a partnership
// with, by town key.
func townPartners(ctx context.Context, reg proximite.Registry, o *proximite.Organisation) (map[string]*proximite.Organisation, error) {
	res, err := reg.Search(ctx, proximite.SearchFilter{Org: o.Slug, Limit: maxTownPartnerships,
		Filters: map[string][]string{proximite.FacetType: {string(proximite.TypePartnership)}}})
	if err != nil {
		return nil, err
	}
	out := map[string]*proximite.Organisation{}
	for _, hit := range res.Hits {
		p, err := reg.FindPartnership(ctx, hit.Slug)
		if err != nil {
			return nil, err
		}
		for _, pt := range p.Parties {
			if pt.Org == o.Slug {
				continue
			}
			other, err := reg.FindOrganisation(ctx, pt.Org)
			if proximite.ErrorCode(err) == proximite.ENOTFOUND {
				continue
			} else if err != nil {
				return nil, err
			}
			for _, name := range TownNames(other) {
				out[Key(name, other.Country)] = other
			}
		}
	}
	return out, nil
}

// townOrg finds the registry's municipality of a twin town, if any, so
// that the suggestion links to it.
func townOrg(ctx context.Context, reg proximite.Registry, t proximite.TwinTown) (*proximite.Organisation, error) {
	res, err := reg.Search(ctx, proximite.SearchFilter{Query: t.City, Limit: 5, Filters: map[string][]string{
		proximite.FacetType: {string(proximite.TypeOrganisation)}, proximite.FacetCountry: {t.Country},
		proximite.FacetOrgKind: {string(proximite.Municipality)}}})
	if err != nil {
		return nil, err
	}
	for _, hit := range res.Hits {
		o, err := reg.FindOrganisation(ctx, hit.Slug)
		if err != nil {
			return nil, err
		}
		for _, n := range TownNames(o) {
			if proximite.Slugify(n) == proximite.Slugify(t.City) {
				return o, nil
			}
		}
	}
	return nil, nil
}
