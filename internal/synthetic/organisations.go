package synthetic

import (
	"fmt"
	"math"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
)

// org is what the generator remembers of an organisation to build the
// records that refer to it.
type org struct {
	slug    string
	name    string
	kind    proximite.OrgKind
	country string
	town    *town
	north   bool
}

// town is a generated place; several organisations may share one, as a
// commune, its village committee and its cooperative do.
type town struct {
	name    string
	country string
	point   proximite.Point
}

// kindWeights say how often each kind of organisation appears on each
// side: towns and NGOs in the North, communes and village groups in the
// South.
var (
	northKinds = weighted[proximite.OrgKind]{
		{proximite.Municipality, 28}, {proximite.RegionalCounty, 4}, {proximite.MunicipalFederation, 1},
		{proximite.NGO, 22}, {proximite.Cooperative, 7}, {proximite.Union, 5}, {proximite.Academic, 8},
		{proximite.CommunityGroup, 9}, {proximite.Diaspora, 6}, {proximite.Foundation, 3},
		{proximite.GovernmentAgency, 1}, {proximite.Network, 3}, {proximite.Enterprise, 3}}
	southKinds = weighted[proximite.OrgKind]{
		{proximite.Municipality, 34}, {proximite.RegionalCounty, 4}, {proximite.MunicipalFederation, 1},
		{proximite.NGO, 16}, {proximite.Cooperative, 12}, {proximite.Union, 3}, {proximite.Academic, 4},
		{proximite.CommunityGroup, 22}, {proximite.Foundation, 1}, {proximite.GovernmentAgency, 1},
		{proximite.Multilateral, 1}, {proximite.Network, 2}, {proximite.Enterprise, 2}}
)

// funderKinds are the first organisations made, in the North, so that
// programmes and funding participants have funders to name.
var funderKinds = []proximite.OrgKind{proximite.GovernmentAgency, proximite.MunicipalFederation,
	proximite.Foundation, proximite.Network, proximite.Foundation, proximite.GovernmentAgency}

// makeTowns fills the pools of northern and southern places.
func (g *generator) makeTowns(nOrgs int) {
	for range max(nOrgs/5, 20) {
		g.northTowns = append(g.northTowns, &town{name: quebecTown(g.r), country: "CA",
			point: proximite.Point{Lat: round(45+4*g.r.Float64(), 4), Lon: round(-79+15*g.r.Float64(), 4)}})
	}
	for range max(nOrgs/3, 30) {
		c := g.countries.pick(g.r)
		g.southTowns = append(g.southTowns, &town{name: c.names.place(g.r), country: c.code,
			point: proximite.Point{Lat: round(c.latMin+(c.latMax-c.latMin)*g.r.Float64(), 4),
				Lon: round(c.lonMin+(c.lonMax-c.lonMin)*g.r.Float64(), 4)}})
	}
}

// organisation builds the i-th organisation and remembers it.
func (g *generator) organisation(i int) *proximite.Organisation {
	north := i < len(funderKinds) || chance(g.r, 0.4)
	var kind proximite.OrgKind
	var t *town
	switch {
	case i < len(funderKinds):
		kind, t = funderKinds[i], pick(g.r, g.northTowns)
	case north:
		kind, t = northKinds.pick(g.r), pick(g.r, g.northTowns)
	default:
		kind, t = southKinds.pick(g.r), pick(g.r, g.southTowns)
	}
	nameTown := t
	if kind == proximite.Diaspora { // based in Québec, named after the home town
		nameTown = pick(g.r, g.southTowns)
	}
	fr, en := orgName(g, kind, nameTown, north)
	o := &proximite.Organisation{
		Meta:     g.meta(fmt.Sprintf("synth-org-%06d", i)),
		Name:     proximite.T("fr", fr, "en", en),
		Acronym:  acronym(fr),
		Kind:     kind,
		Country:  t.country,
		Locality: t.name,
		Point:    &proximite.Point{Lat: t.point.Lat, Lon: t.point.Lon},
	}
	if o.Country == "CA" {
		o.Subdivision = "QC"
	}
	if kind.IsLocalGovernment() {
		// Log-uniform between 500 and 200,000 inhabitants: many villages,
		// few cities.
		o.Population = int(math.Round(500 * math.Pow(400, g.r.Float64())))
		o.PopulationYear = pick(g.r, []int{2011, 2016, 2021})
	}
	if north && chance(g.r, 0.5) {
		o.Website = "https://www." + proximite.Slugify(t.name) + ".example.org"
	}
	th1, th2 := g.themes.pick(g.r), g.themes.pick(g.r)
	o.Description = proximite.T(
		"fr", fmt.Sprintf("%s de %s (%s), engagé en %s et en %s.", kindFR[kind], t.name,
			codelist.Country.Label(o.Country, "fr"), th1.fr, th2.fr),
		"en", fmt.Sprintf("%s in %s (%s), working on %s and %s.", kindEN[kind], t.name,
			codelist.Country.Label(o.Country, "en"), th1.en, th2.en))
	g.link(o, north)
	g.orgs = append(g.orgs, org{slug: o.Slug, name: fr, kind: kind, country: o.Country, town: t, north: north})
	idx := len(g.orgs) - 1
	if north {
		g.north = append(g.north, idx)
		if kind == proximite.NGO || kind == proximite.Network {
			g.support = append(g.support, idx)
		}
		if i < len(funderKinds) {
			g.funders = append(g.funders, idx)
		}
	} else {
		g.south = append(g.south, idx)
	}
	return o
}

// link adds history and membership links to earlier organisations: a
// northern member of the network among the funders, a southern
// neighbour.
func (g *generator) link(o *proximite.Organisation, north bool) {
	switch {
	case north && len(g.funders) > 3 && chance(g.r, 0.2):
		o.Links = append(o.Links, proximite.OrgLink{Kind: proximite.MemberOf, Target: g.orgs[g.funders[3]].slug,
			Since: proximite.Date(fmt.Sprint(1990 + g.r.IntN(34)))})
	case !north && len(g.south) > 0 && chance(g.r, 0.1):
		o.Links = append(o.Links, proximite.OrgLink{Kind: proximite.NearTo, Target: g.orgs[pick(g.r, g.south)].slug})
	}
}

var kindFR = map[proximite.OrgKind]string{
	proximite.Municipality: "Municipalité", proximite.RegionalCounty: "Territoire régional",
	proximite.MunicipalFederation: "Regroupement de municipalités", proximite.NGO: "Organisme de coopération",
	proximite.Cooperative: "Coopérative", proximite.Union: "Association professionnelle",
	proximite.Academic: "Établissement d'enseignement", proximite.CommunityGroup: "Groupe communautaire",
	proximite.Diaspora: "Association de la diaspora", proximite.Foundation: "Fondation",
	proximite.GovernmentAgency: "Organisme public", proximite.Multilateral: "Organisation multilatérale",
	proximite.Network: "Réseau", proximite.Enterprise: "Entreprise",
}

var kindEN = map[proximite.OrgKind]string{
	proximite.Municipality: "Municipality", proximite.RegionalCounty: "Regional authority",
	proximite.MunicipalFederation: "Federation of municipalities", proximite.NGO: "Cooperation organisation",
	proximite.Cooperative: "Cooperative", proximite.Union: "Professional association",
	proximite.Academic: "School", proximite.CommunityGroup: "Community group",
	proximite.Diaspora: "Diaspora association", proximite.Foundation: "Foundation",
	proximite.GovernmentAgency: "Public body", proximite.Multilateral: "Multilateral organisation",
	proximite.Network: "Network", proximite.Enterprise: "Enterprise",
}

// orgName names an organisation of a kind in a town, in French and
// English, the way such bodies name themselves.
func orgName(g *generator, kind proximite.OrgKind, t *town, north bool) (string, string) {
	r, n := g.r, t.name
	switch kind {
	case proximite.Municipality:
		if north {
			return n, n
		}
		c := g.countryOf[t.country]
		return c.communeFR + " " + n, "Commune of " + n
	case proximite.RegionalCounty:
		if north {
			return "MRC de " + n, "Regional County Municipality of " + n
		}
		return "Conseil régional de " + n, "Regional council of " + n
	case proximite.MunicipalFederation:
		if north {
			reg := pick(r, quebecRegions)
			return "Union des municipalités de " + reg, "Union of Municipalities of " + reg
		}
		c := codelist.Country.Label(t.country, "fr")
		return "Association des maires de " + c, "Association of Mayors of " + codelist.Country.Label(t.country, "en")
	case proximite.NGO:
		if north {
			switch r.IntN(3) {
			case 0:
				return "Carrefour de solidarité internationale de " + n, "International Solidarity Centre of " + n
			case 1:
				return "Solidarité " + n + "-Sud", n + "–South Solidarity"
			}
			return "Comité de solidarité de " + n, n + " Solidarity Committee"
		}
		return "Association pour le développement de " + n, "Association for the Development of " + n
	case proximite.Cooperative:
		switch r.IntN(3) {
		case 0:
			return "Coopérative agricole de " + n, "Agricultural cooperative of " + n
		case 1:
			return "Caisse d'épargne et de crédit de " + n, n + " savings and credit union"
		}
		return "Coopérative de femmes maraîchères de " + n, n + " women market-gardeners' cooperative"
	case proximite.Union:
		if r.IntN(2) == 0 {
			return "Syndicat des enseignantes et enseignants de " + n, n + " teachers' union"
		}
		return "Union des producteurs de " + n, n + " producers' union"
	case proximite.Academic:
		switch {
		case north && r.IntN(2) == 0:
			return "Cégep de " + n, "Cégep of " + n
		case north:
			return "Chaire de recherche en développement de " + n, n + " research chair in development"
		case r.IntN(2) == 0:
			return "Lycée de " + n, n + " secondary school"
		}
		return "Institut de formation de " + n, n + " training institute"
	case proximite.CommunityGroup:
		w := pick(r, groupWords)
		switch r.IntN(3) {
		case 0:
			return "Comité de développement de " + n, n + " development committee"
		case 1:
			return "Association villageoise " + w + " de " + n, w + " village association of " + n
		}
		return "Groupement des femmes " + w + " de " + n, w + " women's group of " + n
	case proximite.Diaspora:
		return "Association des ressortissants de " + n + " au Québec", "Association of people from " + n + " in Québec"
	case proximite.Foundation:
		s := pick(r, surnames)
		return "Fondation " + s, s + " Foundation"
	case proximite.GovernmentAgency:
		reg := pick(r, quebecRegions)
		return "Bureau de la coopération internationale – " + reg, "International Cooperation Office – " + reg
	case proximite.Multilateral:
		return "Programme régional de développement local – " + n, "Regional Local Development Programme – " + n
	case proximite.Network:
		reg := pick(r, quebecRegions)
		if !north {
			return "Réseau des organisations paysannes de " + n, "Network of peasant organisations of " + n
		}
		return "Réseau " + reg + " de solidarité internationale", reg + " International Solidarity Network"
	default: // enterprise
		s := pick(r, surnames)
		return s + " et associés, services-conseils", s + " & Associates, consulting"
	}
}

func round(x float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	return math.Round(x*p) / p
}
