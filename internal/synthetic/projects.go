package synthetic

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
)

// sectorSplits are the percentages of projects with two and three
// sectors; they add up to 100 exactly, as IATI requires.
var sectorSplits = [][]float64{{100}, {60, 40}, {70, 30}, {50, 50}, {50, 30, 20}, {40, 40, 20}, {60, 20, 20}}

// project builds the i-th project: most within a partnership, carried by
// its two sides, with a support NGO or a funder at times.
func (g *generator) project(i int) *proximite.Project {
	slug := fmt.Sprintf("synth-project-%06d", i)
	p := &proximite.Project{Meta: g.meta(slug)}
	north, south := pick(g.r, g.north), pick(g.r, g.south)
	first := 1985
	if len(g.partnerships) > 0 && chance(g.r, 0.6) {
		ps := pick(g.r, g.partnerships)
		p.Partnership = ps.slug
		north, south, first = ps.north, ps.south, max(ps.start, first)
		if ps.support >= 0 && chance(g.r, 0.5) {
			p.Participants = append(p.Participants, proximite.Participant{Org: g.orgs[ps.support].slug, Role: "3"})
		}
	}
	n, s := g.orgs[north], g.orgs[south]
	p.Participants = append([]proximite.Participant{{Org: n.slug, Role: pick(g.r, []string{"1", "2"})},
		{Org: s.slug, Role: "4"}}, p.Participants...)
	if len(g.programmes) > 0 && chance(g.r, 0.3) {
		prog := g.r.IntN(len(g.programmes))
		p.Programme = g.programmes[prog]
		if f := g.orgs[g.funders[prog%len(g.funders)]]; !takesPart(p, f.slug) && len(p.Participants) < 4 {
			p.Participants = append(p.Participants, proximite.Participant{Org: f.slug, Role: "1"})
		}
	}

	th := g.themes.pick(g.r)
	form := pick(g.r, projectForms)
	place := s.town.name
	p.Title = proximite.T("fr", capitalize(fmt.Sprintf(form[0], th.fr, place)),
		"en", capitalize(fmt.Sprintf(form[1], th.en, place)))
	g.sectorsFor(p, th)
	g.countriesFor(p, s)
	start := g.dates(p, first)
	other, ob := g.themes.pick(g.r), pick(g.r, objectives)
	p.Description = proximite.T(
		"fr", fmt.Sprintf("%s et %s mènent depuis %d un projet %s à %s (%s). Il vise à %s, avec un volet %s.",
			s.name, n.name, start, de(th.fr), place, codelist.Country.Label(s.country, "fr"), ob[0], other.fr),
		"en", fmt.Sprintf("Since %d, %s and %s have run a %s project in %s (%s). It aims to %s, with a %s component.",
			start, s.name, n.name, th.en, place, codelist.Country.Label(s.country, "en"), ob[1], other.en))
	if chance(g.r, 0.2) {
		p.IATIIdentifier = fmt.Sprintf("CA-QC-SYNTH-%06d", i)
	}
	if chance(g.r, 0.3) {
		p.Locations = []proximite.Location{{Name: proximite.T("fr", place), Country: s.country,
			Point: &proximite.Point{Lat: s.town.point.Lat, Lon: s.town.point.Lon}}}
	}
	if chance(g.r, 0.4) {
		g.money(p, start, n, s)
	}
	if chance(g.r, 0.15) {
		p.InKind = []proximite.InKind{{Org: n.slug, Kind: pick(g.r, []string{"volunteer_days", "expert_days"}),
			Days: float64(10 * (1 + g.r.IntN(20))), People: 2 + g.r.IntN(12)}}
	}
	if chance(g.r, 0.15) {
		w := pick(g.r, resultWords)
		p.Results = []proximite.Result{{Type: "1", Title: proximite.T("fr", w[0], "en", w[1]),
			Indicators: []proximite.Indicator{{Title: proximite.T("fr", w[0], "en", w[1]), Measure: "1",
				Target: fmt.Sprint(10 * (1 + g.r.IntN(50))), Year: start + 2}}}}
	}
	return p
}

// sectorsFor codes the project with its theme's sector and, for two
// projects in three, one or two more: another theme's or any DAC code.
func (g *generator) sectorsFor(p *proximite.Project, th *theme) {
	split := sectorSplits[0]
	if chance(g.r, 0.65) {
		split = pick(g.r, sectorSplits[1:])
	}
	codes := []string{pick(g.r, th.sectors)}
	for len(codes) < len(split) {
		var c string
		if chance(g.r, 0.5) {
			c = pick(g.r, g.themes.pick(g.r).sectors)
		} else {
			c = pick(g.r, g.sectors)
		}
		if !slices.Contains(codes, c) {
			codes = append(codes, c)
		}
	}
	for j, c := range codes {
		pct := split[j]
		p.Sectors = append(p.Sectors, proximite.SectorShare{Vocabulary: "1", Code: c, Percentage: &pct})
	}
}

// countriesFor names the southern partner's country and, for a quarter
// of projects, a second one with shares of the budget.
func (g *generator) countriesFor(p *proximite.Project, s org) {
	p.Countries = []proximite.CountryShare{{Code: s.country}}
	if !chance(g.r, 0.25) {
		return
	}
	other := g.countries.pick(g.r).code
	if other == s.country {
		return
	}
	a := float64(50 + 10*g.r.IntN(4))
	b := 100 - a
	p.Countries = []proximite.CountryShare{{Code: s.country, Percentage: &a}, {Code: other, Percentage: &b}}
}

// dates sets the status and the dates from a start year between first
// and 2025, drawn towards recent years as the registry fills, and
// returns the start year.
func (g *generator) dates(p *proximite.Project, first int) int {
	span := float64(2025 - first + 1)
	start := first + min(int(span*math.Sqrt(g.r.Float64())), int(span)-1)
	years := 1 + g.r.IntN(5)
	var d proximite.Date
	switch g.r.IntN(3) {
	case 0:
		d = proximite.Date(fmt.Sprint(start))
	case 1:
		d = proximite.Date(fmt.Sprintf("%d-%02d", start, 1+g.r.IntN(12)))
	default:
		d = proximite.Date(fmt.Sprintf("%d-%02d-%02d", start, 1+g.r.IntN(12), 1+g.r.IntN(28)))
	}
	end := proximite.Date(fmt.Sprint(start + years))
	x := g.r.IntN(100)
	switch {
	case start >= 2024 && x < 40:
		p.Status, p.PlannedStart, p.PlannedEnd = "1", d, end
		return start
	case start+years >= 2025:
		p.Status = pick(g.r, []string{"2", "2", "2", "3"})
	case x < 85:
		p.Status = "4"
	case x < 95:
		p.Status = "3"
	default:
		p.Status = "5"
	}
	p.ActualStart, p.PlannedEnd = d, end
	if p.Status == "4" || p.Status == "5" {
		p.ActualEnd = end
	}
	return start
}

// money gives the project a budget in Canadian dollars and, for most,
// the commitment and disbursements of its northern funder.
func (g *generator) money(p *proximite.Project, start int, n, s org) {
	total := float64(500 * (10 + g.r.IntN(400)))
	p.Budgets = []proximite.Budget{{Type: "1",
		PeriodStart: proximite.Date(fmt.Sprintf("%d-01-01", start)),
		PeriodEnd:   proximite.Date(fmt.Sprintf("%d-12-31", start+1)),
		Value:       proximite.Money{Amount: total, Currency: "CAD", ValueDate: proximite.Date(fmt.Sprintf("%d-01-01", start))}}}
	if chance(g.r, 0.3) {
		return
	}
	provider := &proximite.Participant{Org: n.slug}
	receiver := &proximite.Participant{Org: s.slug}
	p.Transactions = append(p.Transactions, proximite.Transaction{Type: "2", Date: proximite.Date(fmt.Sprint(start)),
		Value: proximite.Money{Amount: total, Currency: "CAD"}, Provider: provider, Receiver: receiver})
	for y := range 1 + g.r.IntN(2) {
		p.Transactions = append(p.Transactions, proximite.Transaction{Type: "3", Date: proximite.Date(fmt.Sprint(start + y)),
			Value: proximite.Money{Amount: total / 2, Currency: "CAD"}, Provider: provider, Receiver: receiver})
	}
}

// takesPart reports whether an organisation is already a participant.
func takesPart(p *proximite.Project, slug string) bool {
	for _, pt := range p.Participants {
		if pt.Org == slug {
			return true
		}
	}
	return false
}

// de puts the French preposition before a noun phrase, elided before a
// vowel: "de microcrédit", "d'alphabétisation".
func de(s string) string {
	for _, r := range s {
		if strings.ContainsRune("aàâeéèêiîoôuhAÉ", r) {
			return "d'" + s
		}
		break
	}
	return "de " + s
}
