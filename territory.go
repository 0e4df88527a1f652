package proximite

import (
	"context"
	"strings"
)

// A territory is what an elected official answers for: a town, an MRC, or
// an administrative region. The registry needs no new kind of record for
// it. A town or an MRC is already an organisation (a municipality or a
// regional_county), and its OrgLinks already say which former towns are
// part of it (Buckingham, part of Gatineau since 2002). A region is not an
// actor that signs partnerships, so it is a code on organisations
// (Organisation.Region) taken from a short fixed list: Québec's seventeen
// administrative regions, which is where the registry's network works.
// Other countries' regions can join the list when a network there needs
// them.

// TerritoryKind says what a territory is.
type TerritoryKind string

// Kinds of territory.
const (
	TerritoryTown   TerritoryKind = "town"   // a municipality organisation
	TerritoryMRC    TerritoryKind = "mrc"    // a regional_county organisation
	TerritoryRegion TerritoryKind = "region" // an administrative region (a code)
)

// Region is an administrative region that organisations belong to.
type Region struct {
	Code    string `json:"code"`
	Country string `json:"country"`
	Name    Text   `json:"name"`
}

// Regions lists the administrative regions the registry knows, in their
// official order (Québec numbers them 01 to 17).
var Regions = []Region{
	{"bas-saint-laurent", "CA", T("fr", "Bas-Saint-Laurent", "en", "Bas-Saint-Laurent")},
	{"saguenay-lac-saint-jean", "CA", T("fr", "Saguenay–Lac-Saint-Jean", "en", "Saguenay–Lac-Saint-Jean")},
	{"capitale-nationale", "CA", T("fr", "Capitale-Nationale", "en", "Capitale-Nationale")},
	{"mauricie", "CA", T("fr", "Mauricie", "en", "Mauricie")},
	{"estrie", "CA", T("fr", "Estrie", "en", "Estrie (Eastern Townships)")},
	{"montreal", "CA", T("fr", "Montréal", "en", "Montréal")},
	{"outaouais", "CA", T("fr", "Outaouais", "en", "Outaouais")},
	{"abitibi-temiscamingue", "CA", T("fr", "Abitibi-Témiscamingue", "en", "Abitibi-Témiscamingue")},
	{"cote-nord", "CA", T("fr", "Côte-Nord", "en", "Côte-Nord")},
	{"nord-du-quebec", "CA", T("fr", "Nord-du-Québec", "en", "Nord-du-Québec")},
	{"gaspesie-iles-de-la-madeleine", "CA", T("fr", "Gaspésie–Îles-de-la-Madeleine", "en", "Gaspésie–Îles-de-la-Madeleine")},
	{"chaudiere-appalaches", "CA", T("fr", "Chaudière-Appalaches", "en", "Chaudière-Appalaches")},
	{"laval", "CA", T("fr", "Laval", "en", "Laval")},
	{"lanaudiere", "CA", T("fr", "Lanaudière", "en", "Lanaudière")},
	{"laurentides", "CA", T("fr", "Laurentides", "en", "Laurentides")},
	{"monteregie", "CA", T("fr", "Montérégie", "en", "Montérégie")},
	{"centre-du-quebec", "CA", T("fr", "Centre-du-Québec", "en", "Centre-du-Québec")},
}

// FindRegion returns the region with a code.
func FindRegion(code string) (Region, bool) {
	for _, r := range Regions {
		if r.Code == code {
			return r, true
		}
	}
	return Region{}, false
}

// RegionSlugPrefix starts the slug of a region's territory
// ("region-outaouais"), so that a region never shares a URL with the
// organisation of the same name (the City of Montréal, "montreal").
const RegionSlugPrefix = "region-"

// Territory is a town, an MRC or a region, as the report and the
// statistics' filter name it.
type Territory struct {
	Kind TerritoryKind `json:"kind"`
	// Slug is the organisation's slug for a town or an MRC, and
	// RegionSlugPrefix and the region's code for a region.
	Slug string `json:"slug"`
	Name Text   `json:"name"`
	// Org is the organisation of a town or an MRC; nil for a region.
	Org *Organisation `json:"-"`
	// Region is the region's code, or the region a town belongs to.
	Region string `json:"region,omitempty"`
}

// RegionCode returns the region code a territory slug names, if it names
// one.
func RegionCode(slug string) (string, bool) {
	code, ok := strings.CutPrefix(slug, RegionSlugPrefix)
	if !ok {
		return "", false
	}
	_, known := FindRegion(code)
	return code, known
}

// TerritoryService finds territories and what belongs to them.
type TerritoryService interface {
	// FindTerritory returns a town, an MRC (by organisation slug) or a
	// region (by RegionSlugPrefix and code); ENOTFOUND when the slug names
	// none of them.
	FindTerritory(ctx context.Context, slug string) (*Territory, error)
	// Territories lists the towns and MRCs of the registry with published
	// records, and the regions that at least one organisation is in.
	Territories(ctx context.Context) ([]Territory, error)
	// TerritoryOrganisations returns the slugs of the organisations of a
	// territory: for a town or an MRC, itself, the organisations that are
	// part of it (Buckingham in Gatineau), and those located in the same
	// locality as any of them; for a region, the organisations in it and
	// those that are part of them.
	TerritoryOrganisations(ctx context.Context, slug string) ([]string, error)
}
