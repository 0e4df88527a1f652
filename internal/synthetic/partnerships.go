package synthetic

import (
	"fmt"

	"github.com/proximite/proximite"
)

// partnership is what projects and visits need of a partnership.
type partnership struct {
	slug         string
	north, south int // indexes in generator.orgs
	support      int // -1 when no support organisation takes part
	start        int // year
}

var partnershipKinds = weighted[proximite.PartnershipKind]{
	{proximite.ClassicTwinning, 3}, {proximite.CooperationTwinning, 5}, {proximite.MunicipalPartnership, 3},
	{proximite.DecentralisedAgreement, 2}, {proximite.InstitutionalPartnership, 5}, {proximite.Friendship, 2}}

var forms = weighted[proximite.Form]{{proximite.Aid, 2}, {proximite.Cooperation, 5}, {proximite.Solidarity, 3}}

var localPeople = weighted[proximite.LocalPeople]{
	{proximite.Beneficiaries, 2}, {proximite.Collaborators, 3}, {proximite.Partners, 5}}

// partnership links a northern and a southern organisation, with an NGO
// in support a third of the time, and a timeline of a few events.
func (g *generator) partnership(i int) *proximite.Partnership {
	ps := partnership{
		slug:    fmt.Sprintf("synth-partnership-%06d", i),
		north:   pick(g.r, g.north),
		south:   pick(g.r, g.south),
		support: -1,
		start:   1975 + g.r.IntN(48),
	}
	n, s := g.orgs[ps.north], g.orgs[ps.south]
	kind := partnershipKinds.pick(g.r)
	p := &proximite.Partnership{
		Meta:        g.meta(ps.slug),
		Kind:        kind,
		Form:        forms.pick(g.r),
		LocalPeople: localPeople.pick(g.r),
		Start:       proximite.Date(fmt.Sprint(ps.start)),
		Parties: []proximite.Party{
			{Org: n.slug, Side: proximite.North, Role: proximite.T("fr", "chef de file", "en", "lead")},
			{Org: s.slug, Side: proximite.South, Role: proximite.T("fr", "partenaire", "en", "partner")},
		},
	}
	if kind == proximite.ClassicTwinning || kind == proximite.CooperationTwinning {
		p.Title = proximite.T("fr", "Jumelage "+n.town.name+" – "+s.town.name, "en", n.town.name+" – "+s.town.name+" twinning")
	} else {
		p.Title = proximite.T("fr", "Partenariat "+n.name+" – "+s.name, "en", n.name+" – "+s.name+" partnership")
	}
	if len(g.support) > 0 && chance(g.r, 0.33) {
		ps.support = pick(g.r, g.support)
		if ps.support != ps.north {
			p.Parties = append(p.Parties, proximite.Party{Org: g.orgs[ps.support].slug, Side: proximite.Support, Role: proximite.T("fr", "appui", "en", "support")})
		} else {
			ps.support = -1
		}
	}
	th, ob := g.themes.pick(g.r), pick(g.r, objectives)
	p.Objectives = proximite.T("fr", capitalize(ob[0])+", notamment en "+th.fr+".",
		"en", capitalize(ob[1])+", notably in "+th.en+".")
	year := ps.start
	p.Timeline = append(p.Timeline, proximite.TimelineEvent{Date: proximite.Date(fmt.Sprint(year)),
		Kind: proximite.FirstContact, Title: proximite.T("fr", "Premiers contacts", "en", "First contacts")})
	for range g.r.IntN(3) {
		year += 1 + g.r.IntN(4)
		if year > 2025 {
			break
		}
		k := pick(g.r, []proximite.EventKind{proximite.Agreement, proximite.Renewal, proximite.Evaluation, proximite.OnHold, proximite.Milestone})
		p.Timeline = append(p.Timeline, proximite.TimelineEvent{Date: proximite.Date(fmt.Sprint(year)), Kind: k,
			Title: proximite.T("fr", eventFR[k], "en", eventEN[k])})
	}
	if chance(g.r, 0.3) && year < 2025 {
		year += 1 + g.r.IntN(2025-year)
		p.End = proximite.Date(fmt.Sprint(year))
		p.Timeline = append(p.Timeline, proximite.TimelineEvent{Date: p.End, Kind: proximite.Ended,
			Title: proximite.T("fr", "Fin du partenariat", "en", "End of the partnership")})
	}
	g.partnerships = append(g.partnerships, ps)
	return p
}

var eventFR = map[proximite.EventKind]string{proximite.Agreement: "Signature de l'entente",
	proximite.Renewal: "Renouvellement de l'entente", proximite.Evaluation: "Évaluation conjointe",
	proximite.OnHold: "Mise en veille après les fusions municipales", proximite.Milestone: "Inauguration des réalisations"}

var eventEN = map[proximite.EventKind]string{proximite.Agreement: "Agreement signed",
	proximite.Renewal: "Agreement renewed", proximite.Evaluation: "Joint evaluation",
	proximite.OnHold: "Put on hold after the municipal mergers", proximite.Milestone: "Opening of the achievements"}

var travellerKinds = []proximite.ParticipantKind{proximite.ElectedOfficials, proximite.MunicipalStaff,
	proximite.Experts, proximite.Volunteers, proximite.Students, proximite.DiasporaMembers}

// visit is a delegation between the two sides of a partnership, most
// often from North to South; a few are South–South exchanges.
func (g *generator) visit(i int) *proximite.Visit {
	slug := fmt.Sprintf("synth-visit-%06d", i)
	v := &proximite.Visit{Meta: g.meta(slug)}
	var from, to org
	var year int
	if len(g.partnerships) == 0 || chance(g.r, 0.03) {
		idx := distinct(g.r, len(g.south), 2)
		from, to = g.orgs[g.south[idx[0]]], g.orgs[g.south[idx[len(idx)-1]]]
		v.Direction, year = proximite.SouthSouth, 1995+g.r.IntN(31)
	} else {
		ps := pick(g.r, g.partnerships)
		v.Partnership = ps.slug
		from, to, v.Direction = g.orgs[ps.north], g.orgs[ps.south], proximite.NorthToSouth
		if chance(g.r, 0.35) {
			from, to, v.Direction = to, from, proximite.SouthToNorth
		}
		year = min(ps.start+g.r.IntN(15), 2025)
	}
	if from.slug != to.slug {
		v.From, v.To = from.slug, to.slug
	} else {
		v.From = from.slug
	}
	month, day := 1+g.r.IntN(12), 1+g.r.IntN(18)
	v.Start = proximite.Date(fmt.Sprintf("%d-%02d-%02d", year, month, day))
	v.End = proximite.Date(fmt.Sprintf("%d-%02d-%02d", year, month, day+3+g.r.IntN(8)))
	v.Title = proximite.T("fr", fmt.Sprintf("Délégation de %s à %s (%d)", from.town.name, to.town.name, year),
		"en", fmt.Sprintf("Delegation from %s to %s (%d)", from.town.name, to.town.name, year))
	for _, k := range distinct(g.r, len(travellerKinds), 1+g.r.IntN(3)) {
		v.People = append(v.People, proximite.Travellers{Kind: travellerKinds[k], Count: 1 + g.r.IntN(8)})
	}
	pu := pick(g.r, visitPurposes)
	v.Purpose = proximite.T("fr", pu[0], "en", pu[1])
	return v
}

var programmeNames = [][2]string{
	{"Programme de partenariat municipal", "Municipal Partnership Programme"},
	{"Programme québécois de développement international", "Québec International Development Programme"},
	{"Programme de stages internationaux pour les jeunes", "International Youth Internship Programme"},
	{"Fonds de solidarité Sud", "South Solidarity Fund"},
	{"Programme d'éducation à la citoyenneté mondiale", "Global Citizenship Education Programme"},
	{"Fonds d'appui aux jumelages", "Twinning Support Fund"},
	{"Programme de coopération décentralisée", "Decentralised Cooperation Programme"},
	{"Fonds pour l'eau et l'assainissement", "Water and Sanitation Fund"},
}

var covers = []string{"transport", "lodging", "per_diem", "project_costs", "salaries", "awareness", "education", "internships"}

// programme is a funding channel of one of the funders made first.
func (g *generator) programme(i int) *proximite.Programme {
	name := programmeNames[i%len(programmeNames)]
	fr, en := name[0], name[1]
	if i >= len(programmeNames) {
		reg := quebecRegions[i%len(quebecRegions)]
		fr, en = fr+" – "+reg, en+" – "+reg
	}
	start := 1980 + g.r.IntN(35)
	months := 12 * (1 + g.r.IntN(3))
	p := &proximite.Programme{
		Meta:              g.meta(fmt.Sprintf("synth-programme-%02d", i)),
		Name:              proximite.T("fr", fr, "en", en),
		Funder:            g.orgs[g.funders[i%len(g.funders)]].slug,
		Description:       proximite.T("fr", "Finance des projets de coopération de proximité.", "en", "Funds proximity cooperation projects."),
		Eligible:          []proximite.OrgKind{proximite.Municipality, proximite.NGO, proximite.CommunityGroup},
		DurationMonthsMin: months,
		DurationMonthsMax: months + 12,
		Duration:          proximite.T("fr", fmt.Sprintf("%d à %d mois", months, months+12), "en", fmt.Sprintf("%d to %d months", months, months+12)),
		Start:             proximite.Date(fmt.Sprint(start)),
	}
	for _, k := range distinct(g.r, len(covers), 2+g.r.IntN(3)) {
		p.Covers = append(p.Covers, covers[k])
	}
	for _, k := range distinct(g.r, len(southCountries), 3+g.r.IntN(5)) {
		p.Countries = append(p.Countries, southCountries[k].code)
	}
	for y := max(start, 2015); y < 2025; y += 3 {
		p.Envelopes = append(p.Envelopes, proximite.Envelope{Period: fmt.Sprintf("%d-%d", y, y+1),
			Value: proximite.Money{Amount: float64(250_000 * (1 + g.r.IntN(40))), Currency: "CAD"}})
	}
	g.programmes = append(g.programmes, p.Slug)
	return p
}
