package report

import (
	"context"
	"sort"

	"github.com/proximite/proximite"
)

// Territory is the portrait of a town's, an MRC's or a region's
// international engagement, in the registry's own words and per
// language: the page chooses the language it shows.
type Territory struct {
	Territory *proximite.Territory
	// Organisations are the territory's published organisations: the
	// town, the towns merged into it, the organisations located there.
	Organisations []*proximite.Organisation
	Partnerships  []*proximite.Partnership
	Projects      []*proximite.Project
	// Outgoing are the delegations the territory's people took part in;
	// Incoming those it hosted.
	Outgoing, Incoming []*proximite.Visit
	Figures            Figures
}

// Figures are the report's key numbers. They count the same records as
// the statistics with the territory's filter, so the two always agree.
type Figures struct {
	Partnerships, Projects, Visits int
	VisitsOut, VisitsIn            int
	// PeopleOut and PeopleIn are the travellers the sources counted.
	PeopleOut, PeopleIn int
	// InKindDays are all the in-kind days of the territory's projects;
	// LocalInKindDays those given by the territory's organisations.
	InKindDays, LocalInKindDays float64
	// Outside is the money the territory's projects received from
	// organisations outside it; Local the money its own organisations
	// put in. Both per currency: nothing is converted here.
	Outside, Local []proximite.Amount
	// Programmes are the funding programmes of its projects.
	Programmes []string
}

// Reader is what the report reads of the registry.
type Reader interface {
	proximite.Registry
	proximite.TerritoryService
}

// BuildTerritory gathers a territory's portrait: every published
// partnership, project and visit linked to one of its organisations.
func BuildTerritory(ctx context.Context, reg Reader, slug string) (*Territory, error) {
	t, err := reg.FindTerritory(ctx, slug)
	if err != nil {
		return nil, err
	}
	slugs, err := reg.TerritoryOrganisations(ctx, slug)
	if err != nil {
		return nil, err
	}
	in := map[string]bool{}
	for _, s := range slugs {
		in[s] = true
	}
	rep := &Territory{Territory: t}
	for _, s := range slugs {
		o, err := reg.FindOrganisation(ctx, s)
		if err != nil {
			return nil, err
		}
		if o.State == proximite.Published {
			rep.Organisations = append(rep.Organisations, o)
		}
	}
	linked, err := linkedRecords(ctx, reg, slugs)
	if err != nil {
		return nil, err
	}
	for _, h := range linked {
		rec, err := proximite.Find(ctx, reg, h.Type, h.Slug)
		if err != nil {
			return nil, err
		}
		switch r := rec.(type) {
		case *proximite.Partnership:
			rep.Partnerships = append(rep.Partnerships, r)
		case *proximite.Project:
			rep.Projects = append(rep.Projects, r)
		case *proximite.Visit:
			if in[r.To] {
				rep.Incoming = append(rep.Incoming, r)
			} else {
				rep.Outgoing = append(rep.Outgoing, r)
			}
		}
	}
	sortRecords(rep)
	rep.Figures = figures(rep, in)
	return rep, nil
}

// linkedRecords returns the published partnerships, projects and visits
// linked to any of the organisations, once each.
func linkedRecords(ctx context.Context, reg proximite.SearchService, orgs []string) ([]proximite.Hit, error) {
	type key struct {
		typ  proximite.RecordType
		slug string
	}
	var out []proximite.Hit
	seen := map[key]bool{}
	for _, org := range orgs {
		for offset := 0; ; offset += proximite.MaxLimit {
			res, err := reg.Search(ctx, proximite.SearchFilter{Org: org, Limit: proximite.MaxLimit, Offset: offset,
				Filters: map[string][]string{proximite.FacetType: {string(proximite.TypePartnership),
					string(proximite.TypeProject), string(proximite.TypeVisit)}}})
			if err != nil {
				return nil, err
			}
			for _, h := range res.Hits {
				if k := (key{h.Type, h.Slug}); !seen[k] {
					seen[k] = true
					out = append(out, proximite.Hit{Type: h.Type, Slug: h.Slug})
				}
			}
			if len(res.Hits) < proximite.MaxLimit {
				break
			}
		}
	}
	return out, nil
}

// sortRecords orders each list by date, then by slug, which numbers
// the delegations of a series ("1 of 4", "2 of 4") in their order.
func sortRecords(rep *Territory) {
	before := func(a, b proximite.Date, sa, sb string) bool {
		if a != b {
			return a < b
		}
		return sa < sb
	}
	sort.Slice(rep.Partnerships, func(i, j int) bool {
		a, b := rep.Partnerships[i], rep.Partnerships[j]
		return before(a.Start, b.Start, a.Slug, b.Slug)
	})
	sort.Slice(rep.Projects, func(i, j int) bool {
		a, b := rep.Projects[i], rep.Projects[j]
		return before(a.Start(), b.Start(), a.Slug, b.Slug)
	})
	for _, vs := range [][]*proximite.Visit{rep.Outgoing, rep.Incoming} {
		sort.Slice(vs, func(i, j int) bool { return before(vs[i].Start, vs[j].Start, vs[i].Slug, vs[j].Slug) })
	}
	sort.SliceStable(rep.Organisations, func(i, j int) bool {
		a, _ := rep.Organisations[i].Name.In("fr")
		b, _ := rep.Organisations[j].Name.In("fr")
		return proximite.Fold(a) < proximite.Fold(b)
	})
}

// figures adds up the portrait. Money counts as from outside when its
// provider is an organisation outside the territory and as local when
// the provider is one of the territory's; money whose provider the
// registry does not know is in neither, rather than guessed.
func figures(rep *Territory, in map[string]bool) Figures {
	f := Figures{Partnerships: len(rep.Partnerships), Projects: len(rep.Projects),
		VisitsOut: len(rep.Outgoing), VisitsIn: len(rep.Incoming)}
	f.Visits = f.VisitsOut + f.VisitsIn
	for _, v := range rep.Outgoing {
		f.PeopleOut += v.Headcount()
	}
	for _, v := range rep.Incoming {
		f.PeopleIn += v.Headcount()
	}
	outside, local := map[string]float64{}, map[string]float64{}
	programmes := map[string]bool{}
	for _, p := range rep.Projects {
		if p.Programme != "" && !programmes[p.Programme] {
			programmes[p.Programme] = true
			f.Programmes = append(f.Programmes, p.Programme)
		}
		for _, k := range p.InKind {
			f.InKindDays += k.Days
			if in[k.Org] {
				f.LocalInKindDays += k.Days
				if k.Value != nil {
					local[k.Value.Currency] += k.Value.Amount
				}
			}
		}
		for _, t := range p.Transactions {
			if t.Type != "1" && t.Type != "3" && t.Type != "4" || t.Provider == nil || t.Provider.Org == "" {
				continue
			}
			if in[t.Provider.Org] {
				local[t.Value.Currency] += t.Value.Amount
			} else if t.Receiver != nil && in[t.Receiver.Org] || t.Type == "1" {
				outside[t.Value.Currency] += t.Value.Amount
			}
		}
	}
	f.Outside, f.Local = sums(outside, proximite.MeasureSpent), sums(local, proximite.MeasureSpent)
	return f
}
