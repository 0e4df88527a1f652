package sqlstore_test

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/demo"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// searchTotal is what the search (the API's /search) counts for a type
// with the filter's facets.
func searchTotal(t *testing.T, db *sqlstore.DB, typ proximite.RecordType, facets map[string][]string) int {
	t.Helper()
	f := map[string][]string{proximite.FacetType: {string(typ)}}
	for k, v := range facets {
		f[k] = v
	}
	res, err := db.Search(context.Background(), proximite.SearchFilter{Filters: f, Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if res.Capped {
		t.Fatalf("search for %s %v is capped", typ, facets)
	}
	return res.Total
}

// TestStatisticsMatchSearch checks the dashboard's counts against the
// search's totals for the same filters, on the demonstration registry.
func TestStatisticsMatchSearch(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		if _, err := demo.Load(ctx, db); err != nil {
			t.Fatal(err)
		}
		filters := []proximite.StatsFilter{
			{},
			{Country: []string{"ML"}},
			{Country: []string{"SN"}},
			{Country: []string{"SN", "BF"}},
			{Sector: []string{"121"}},
			{OrgKind: []string{"municipality"}},
			{Form: []string{"solidarity"}},
			{FromYear: 1993, ToYear: 2000},
			{FromYear: 2005},
			{ToYear: 1999, OrgKind: []string{"municipality"}, Country: []string{"CA"}},
			{Country: []string{"ZZ"}},
		}
		for _, f := range filters {
			s, err := db.Statistics(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			computed, err := db.ComputedStats(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			if !f.Empty() && !reflect.DeepEqual(s, computed) {
				t.Errorf("%+v: the cube says %+v, the records %+v", f, s, computed)
			}
			facets := f.Facets()
			for typ, got := range map[proximite.RecordType]int{proximite.TypePartnership: s.Partnerships,
				proximite.TypeProject: s.Projects, proximite.TypeVisit: s.Visits} {
				if want := searchTotal(t, db, typ, facets); got != want {
					t.Errorf("%+v: %d %ss, the search finds %d", f, got, typ, want)
				}
			}
			for _, d := range proximite.Directions {
				got := 0
				for _, c := range s.VisitsByDirection {
					if c.Value == string(d) {
						got = c.Count
					}
				}
				fd := map[string][]string{proximite.FacetDirection: {string(d)}}
				for k, v := range facets {
					fd[k] = v
				}
				if want := searchTotal(t, db, proximite.TypeVisit, fd); got != want {
					t.Errorf("%+v: %d visits %s, the search finds %d", f, got, d, want)
				}
			}
			for _, c := range s.Countries {
				fc := map[string][]string{proximite.FacetCountry: {c.Value}}
				for k, v := range facets {
					if k != proximite.FacetCountry {
						fc[k] = v
					}
				}
				if len(f.Country) > 0 {
					continue // the search's country filter would be OR-ed with this one
				}
				if want := searchTotal(t, db, proximite.TypeProject, fc); c.Count != want {
					t.Errorf("%+v: %d projects in %s, the search finds %d", f, c.Count, c.Value, want)
				}
			}
		}
		all, _ := db.Statistics(ctx, proximite.StatsFilter{})
		if all.Partnerships == 0 || all.Projects == 0 || all.Visits == 0 || len(all.Sectors) == 0 {
			t.Errorf("the demonstration registry counts nothing: %+v", all)
		}
	})
}

// TestTerritories checks what belongs to a town and a region: Buckingham
// and the organisations located there belong to Gatineau.
func TestTerritories(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		if _, err := demo.Load(ctx, db); err != nil {
			t.Fatal(err)
		}
		orgs, err := db.TerritoryOrganisations(ctx, "gatineau")
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"gatineau", "buckingham", "clsc-buckingham", "ch-buckingham"} {
			if !slices.Contains(orgs, want) {
				t.Errorf("Gatineau's organisations %v lack %s", orgs, want)
			}
		}
		if slices.Contains(orgs, "nioro-du-rip") || slices.Contains(orgs, "rosi") {
			t.Errorf("Gatineau's organisations %v include outsiders", orgs)
		}
		region, err := db.TerritoryOrganisations(ctx, "region-outaouais")
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"rosi", "gatineau", "buckingham", "uqo", "cegep-outaouais"} {
			if !slices.Contains(region, want) {
				t.Errorf("the Outaouais %v lacks %s", region, want)
			}
		}
		for _, bad := range []string{"nowhere", "region-atlantis", "rosi", "nioro-du-rip-x"} {
			if _, err := db.FindTerritory(ctx, bad); proximite.ErrorCode(err) != proximite.ENOTFOUND {
				t.Errorf("territory %q: %v, want ENOTFOUND", bad, err)
			}
			if _, err := db.Statistics(ctx, proximite.StatsFilter{Territory: bad}); proximite.ErrorCode(err) != proximite.ENOTFOUND {
				t.Errorf("statistics of territory %q: %v, want ENOTFOUND", bad, err)
			}
		}
		list, err := db.Territories(ctx)
		if err != nil {
			t.Fatal(err)
		}
		kinds := map[string]proximite.TerritoryKind{}
		for _, tr := range list {
			kinds[tr.Slug] = tr.Kind
		}
		if kinds["region-outaouais"] != proximite.TerritoryRegion || kinds["gatineau"] != proximite.TerritoryTown || kinds["buckingham"] != proximite.TerritoryTown {
			t.Errorf("territories: %v", kinds)
		}
		// Gatineau's figures count Buckingham's twinning and its visits.
		s, err := db.Statistics(ctx, proximite.StatsFilter{Territory: "gatineau"})
		if err != nil {
			t.Fatal(err)
		}
		if s.Partnerships < 1 || s.Visits < 8 || s.Projects < 1 {
			t.Errorf("Gatineau's statistics miss Buckingham's history: %+v", s)
		}
	})
}

// TestAmounts follows a project's money through creation, change,
// unpublishing and deletion: the maintained totals and the computed sums
// agree at each step.
func TestAmounts(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		fixture(t, db)
		p := &proximite.Project{Meta: meta("argent"), Title: proximite.T("fr", "Argent"), ActualStart: "2004",
			Participants: []proximite.Participant{{Org: "sainte-elisabeth", Role: "1"}},
			Countries:    []proximite.CountryShare{{Code: "SN"}},
			Budgets:      []proximite.Budget{{PeriodStart: "2004-01-01", PeriodEnd: "2004-12-31", Value: proximite.Money{Amount: 1000, Currency: "CAD"}}},
			Transactions: []proximite.Transaction{
				{Type: "2", Date: "2004", Value: proximite.Money{Amount: 999, Currency: "CAD"}},
				{Type: "3", Date: "2004", Value: proximite.Money{Amount: 400.5, Currency: "CAD"}},
				{Type: "3", Date: "2005", Value: proximite.Money{Amount: 300000, Currency: "XOF"}},
				{Type: "4", Date: "2005", Value: proximite.Money{Amount: 100000, Currency: "XOF"}},
			},
			InKind: []proximite.InKind{{Kind: "volunteer_days", Days: 12.5}, {Kind: "expert_days", Days: 3}},
		}
		if err := db.CreateProject(ctx, p); err != nil {
			t.Fatal(err)
		}
		check := func(step string, want map[proximite.Amount]bool) {
			t.Helper()
			// All, the cube (one country, a period) and the records
			// (a country and a period).
			for _, f := range []proximite.StatsFilter{{}, {Country: []string{"SN"}}, {FromYear: 2000}, {Country: []string{"SN"}, FromYear: 2000}} {
				s, err := db.Statistics(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				got := map[proximite.Amount]bool{}
				for _, a := range s.Amounts {
					if a.Measure != proximite.MeasurePeople {
						got[a] = true
					}
				}
				if len(got) != len(want) {
					t.Errorf("%s %+v: amounts %v, want %v", step, f, s.Amounts, want)
				}
				for a := range want {
					if !got[a] {
						t.Errorf("%s %+v: no %+v in %v", step, f, a, s.Amounts)
					}
				}
			}
		}
		check("created", map[proximite.Amount]bool{
			{Measure: "budget", Year: 2004, Currency: "CAD", Value: 1000}:  true,
			{Measure: "spent", Year: 2004, Currency: "CAD", Value: 400.5}:  true,
			{Measure: "spent", Year: 2005, Currency: "XOF", Value: 400000}: true,
			{Measure: "in_kind_days", Year: 2004, Value: 15.5}:             true,
		})
		p.Transactions = p.Transactions[:2]
		p.InKind = nil
		if err := db.UpdateProject(ctx, p); err != nil {
			t.Fatal(err)
		}
		check("changed", map[proximite.Amount]bool{
			{Measure: "budget", Year: 2004, Currency: "CAD", Value: 1000}: true,
			{Measure: "spent", Year: 2004, Currency: "CAD", Value: 400.5}: true,
		})
		p.State = proximite.Draft
		if err := db.UpdateProject(ctx, p); err != nil {
			t.Fatal(err)
		}
		check("unpublished", map[proximite.Amount]bool{})
		p.State = proximite.Published
		if err := db.UpdateProject(ctx, p); err != nil {
			t.Fatal(err)
		}
		if err := db.DeleteProject(ctx, p.ID); err != nil {
			t.Fatal(err)
		}
		check("deleted", map[proximite.Amount]bool{})
	})
}

func TestRates(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		if err := db.SaveRates(ctx, []proximite.Rate{{Year: 2004, Currency: "XOF", RateToCAD: 0.0025}, {Year: 2005, Currency: "EUR", RateToCAD: 1.5}}); err != nil {
			t.Fatal(err)
		}
		if err := db.SaveRates(ctx, []proximite.Rate{{Year: 2005, Currency: "EUR", RateToCAD: 1.6}, {Year: 2006, Currency: "EUR", RateToCAD: -1}}); proximite.ErrorCode(err) != proximite.EINVALID {
			t.Errorf("a negative rate: %v, want EINVALID", err)
		}
		if err := db.SaveRates(ctx, []proximite.Rate{{Year: 2005, Currency: "EUR", RateToCAD: 1.55}}); err != nil {
			t.Fatal(err)
		}
		got, err := db.Rates(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want := []proximite.Rate{{Year: 2004, Currency: "XOF", RateToCAD: 0.0025}, {Year: 2005, Currency: "EUR", RateToCAD: 1.55}}
		if !slices.Equal(got, want) {
			t.Errorf("rates %v, want %v", got, want)
		}
	})
}
