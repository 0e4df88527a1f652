package api_test

import (
	"context"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/report"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// The territories, synergies, network, funding, known twinnings and
// partner board of the API against the services the pages use, on the
// registry of decision_test.go.

type item struct {
	Type string `json:"type"`
	Slug string `json:"slug"`
	URL  string `json:"url"`
}

func slugs(items []item) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.Slug
	}
	return out
}

// TestTerritoryAPI: a territory's report is report.BuildTerritory's, and
// Gatineau's includes the twinning of Buckingham, part of it since 2002.
func TestTerritoryAPI(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		srv := decisionServer(t, db)
		ctx := context.Background()
		var list struct {
			Items []struct {
				Slug, Kind, URL string
			} `json:"items"`
		}
		getJSON(t, srv.URL+"/api/v1/territories", &list)
		want, err := db.Territories(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(list.Items) != len(want) || len(want) == 0 {
			t.Fatalf("%d territories, the store %d", len(list.Items), len(want))
		}
		for _, slug := range []string{"gatineau", "region-outaouais"} {
			var rep struct {
				Figures struct {
					Partnerships int     `json:"partnerships"`
					Projects     int     `json:"projects"`
					Visits       int     `json:"visits"`
					PeopleOut    int     `json:"people_outgoing"`
					InKindDays   float64 `json:"in_kind_days"`
					Programmes   []item  `json:"programmes"`
				} `json:"figures"`
				Organisations []item `json:"organisations"`
				Partnerships  []item `json:"partnerships"`
				Projects      []item `json:"projects"`
				Outgoing      []item `json:"visits_outgoing"`
				Incoming      []item `json:"visits_incoming"`
			}
			if code, body := getJSON(t, srv.URL+"/api/v1/territories/"+slug, &rep); code != 200 {
				t.Fatalf("%s: %d %s", slug, code, body)
			}
			b, err := report.BuildTerritory(ctx, db, slug)
			if err != nil {
				t.Fatal(err)
			}
			f := b.Figures
			if rep.Figures.Partnerships != f.Partnerships || rep.Figures.Projects != f.Projects || rep.Figures.Visits != f.Visits ||
				rep.Figures.PeopleOut != f.PeopleOut || rep.Figures.InKindDays != f.InKindDays || len(rep.Figures.Programmes) != len(f.Programmes) {
				t.Errorf("%s: figures %+v, the report's %+v", slug, rep.Figures, f)
			}
			wantSlugs := func(recs []proximite.Record) []string {
				var out []string
				for _, r := range recs {
					out = append(out, r.Base().Slug)
				}
				return out
			}
			for name, pair := range map[string][2][]string{
				"organisations": {slugs(rep.Organisations), wantSlugs(records(b.Organisations))},
				"partnerships":  {slugs(rep.Partnerships), wantSlugs(records(b.Partnerships))},
				"projects":      {slugs(rep.Projects), wantSlugs(records(b.Projects))},
				"outgoing":      {slugs(rep.Outgoing), wantSlugs(records(b.Outgoing))},
				"incoming":      {slugs(rep.Incoming), wantSlugs(records(b.Incoming))},
			} {
				if !sameList(pair[0], pair[1]) {
					t.Errorf("%s %s: %v, the report's %v", slug, name, pair[0], pair[1])
				}
			}
			if !slices.Contains(slugs(rep.Partnerships), "jumelage-buckingham-nioro-du-rip") {
				t.Errorf("%s's report leaves out Buckingham's twinning: %v", slug, slugs(rep.Partnerships))
			}
			// The report counts what the statistics count for the territory.
			st, err := db.Statistics(ctx, proximite.StatsFilter{Territory: slug})
			if err != nil {
				t.Fatal(err)
			}
			if st.Partnerships != rep.Figures.Partnerships || st.Projects != rep.Figures.Projects {
				t.Errorf("%s: the report counts %d partnerships and %d projects, the statistics %d and %d",
					slug, rep.Figures.Partnerships, rep.Figures.Projects, st.Partnerships, st.Projects)
			}
		}
	})
}

func records[R proximite.Record](rs []R) []proximite.Record {
	out := make([]proximite.Record, len(rs))
	for i, r := range rs {
		out[i] = r
	}
	return out
}

// TestSynergiesNetworkAPI: synergies and the network are the store's
// answers to the same questions as the pages ask.
func TestSynergiesNetworkAPI(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		srv := decisionServer(t, db)
		ctx := context.Background()
		for _, tt := range []struct {
			path string
			f    proximite.SynergyFilter
		}{
			{"/api/v1/organisations/buckingham/synergies", proximite.SynergyFilter{Org: "buckingham", Limit: proximite.MaxSynergies}},
			{"/api/v1/organisations/nioro-du-rip/synergies?limit=3", proximite.SynergyFilter{Org: "nioro-du-rip", Limit: 3}},
			{"/api/v1/partnerships/jumelage-buckingham-nioro-du-rip/synergies", proximite.SynergyFilter{Partnership: "jumelage-buckingham-nioro-du-rip", Limit: proximite.MaxSynergies}},
		} {
			var got struct {
				Profile struct {
					Countries []string `json:"countries"`
				} `json:"profile"`
				Items []struct {
					Slug string `json:"slug"`
					Tier int    `json:"tier"`
				} `json:"items"`
				More bool `json:"more"`
			}
			if code, body := getJSON(t, srv.URL+tt.path, &got); code != 200 {
				t.Fatalf("%s: %d %s", tt.path, code, body)
			}
			want, err := db.FindSynergies(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if len(want.Orgs) == 0 {
				t.Fatalf("%s: the demonstration registry should find synergies", tt.path)
			}
			var gotSlugs, wantSlugs []string
			for i, s := range got.Items {
				gotSlugs = append(gotSlugs, s.Slug)
				if i < len(want.Orgs) && s.Tier != want.Orgs[i].Tier() {
					t.Errorf("%s: %s tier %d, want %d", tt.path, s.Slug, s.Tier, want.Orgs[i].Tier())
				}
			}
			for _, s := range want.Orgs {
				wantSlugs = append(wantSlugs, s.Slug)
			}
			if !slices.Equal(gotSlugs, wantSlugs) || got.More != want.More || !sameList(got.Profile.Countries, want.Profile.Countries) {
				t.Errorf("%s: %v (more %v), the store %v (more %v)", tt.path, gotSlugs, got.More, wantSlugs, want.More)
			}
		}

		for _, tt := range []struct {
			query string
			f     proximite.NetworkFilter
		}{
			{"", proximite.NetworkFilter{MaxNodes: proximite.DefaultNetworkNodes}},
			// The page's order of kinds, whatever the order asked.
			{"kind=ngo,municipality&country=SN&size=10", proximite.NetworkFilter{Kinds: []proximite.OrgKind{proximite.Municipality, proximite.NGO},
				Countries: []string{"SN"}, MaxNodes: 10}},
		} {
			var got struct {
				Nodes []proximite.NetworkNode `json:"nodes"`
				Edges []proximite.NetworkEdge `json:"edges"`
				Left  int                     `json:"left_out"`
			}
			getJSON(t, srv.URL+"/api/v1/network?"+tt.query, &got)
			want, err := db.NetworkGraph(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if len(want.Nodes) == 0 || !reflect.DeepEqual(got.Nodes, want.Nodes) || !sameList(got.Edges, want.Edges) || got.Left != want.LeftOut {
				t.Errorf("network %q: %d nodes %d edges, the store %d and %d", tt.query, len(got.Nodes), len(got.Edges), len(want.Nodes), len(want.Edges))
			}
		}
	})
}

// TestFundingTwinsBoardAPI: funding matches, known twinnings and the
// partner board say what the pages say, and nothing private.
func TestFundingTwinsBoardAPI(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		srv := decisionServer(t, db)
		ctx := context.Background()
		programmes, err := db.FundingProgrammes(ctx)
		if err != nil {
			t.Fatal(err)
		}
		today := proximite.Date(time.Now().UTC().Format("2006-01-02"))
		type fits struct {
			Open []struct {
				URL      string `json:"url"`
				Specific int    `json:"specific"`
			} `json:"open"`
			Closed []struct {
				URL string `json:"url"`
			} `json:"closed"`
			Search string `json:"search"`
		}
		urls := func(fs []proximite.ProgrammeFit, named bool) []string {
			var out []string
			for i := range fs {
				if _, s := fs[i].Fits(); !named || s > 0 {
					out = append(out, "/api/v1/programmes/"+fs[i].Programme.Slug)
				}
			}
			return out
		}
		var got fits
		getJSON(t, srv.URL+"/api/v1/funding?kind=municipality&country=SN", &got)
		open, closed := proximite.FindFunding(programmes, proximite.FundingQuery{Kinds: []proximite.OrgKind{proximite.Municipality}, Countries: []string{"SN"}}, today)
		var gotOpen, gotClosed []string
		for _, f := range got.Open {
			gotOpen = append(gotOpen, f.URL)
		}
		for _, f := range got.Closed {
			gotClosed = append(gotClosed, f.URL)
		}
		if len(open)+len(closed) == 0 || !sameList(gotOpen, urls(open, false)) || !sameList(gotClosed, urls(closed, false)) {
			t.Errorf("funding search: %v / %v, the domain's %v / %v", gotOpen, gotClosed, urls(open, false), urls(closed, false))
		}

		p, err := db.FindProject(ctx, "nioro-du-rip-collecte-ordures")
		if err != nil {
			t.Fatal(err)
		}
		got = fits{}
		getJSON(t, srv.URL+"/api/v1/projects/nioro-du-rip-collecte-ordures/funding", &got)
		open, _ = proximite.FindFunding(programmes, proximite.FundingQueryOf(p), today)
		gotOpen = nil
		for _, f := range got.Open {
			gotOpen = append(gotOpen, f.URL)
		}
		if !sameList(gotOpen, urls(open, true)) || !strings.HasPrefix(got.Search, "/api/v1/funding?") {
			t.Errorf("project funding: %v (search %q), the page's ranking %v", gotOpen, got.Search, urls(open, true))
		}

		type twins struct {
			Credit string `json:"credit"`
			Items  []struct {
				City     string `json:"city"`
				Recorded bool   `json:"recorded"`
				Org      *item  `json:"org"`
			} `json:"items"`
		}
		var tw twins
		getJSON(t, srv.URL+"/api/v1/organisations/buckingham/twins", &tw)
		if tw.Credit != proximite.TwinCredit || len(tw.Items) != 2 {
			t.Fatalf("Buckingham's twins: %+v", tw)
		}
		for _, it := range tw.Items {
			switch it.City {
			case "Nioro du Rip":
				if !it.Recorded || it.Org == nil || it.Org.Slug != "nioro-du-rip" {
					t.Errorf("Nioro du Rip is Buckingham's recorded partner: %+v", it)
				}
			case "Angers":
				if it.Recorded || it.Org != nil {
					t.Errorf("Angers is not in the registry: %+v", it)
				}
			default:
				t.Errorf("Buckingham twinned with %s?", it.City)
			}
		}
		tw = twins{}
		getJSON(t, srv.URL+"/api/v1/organisations/gatineau/twins", &tw)
		if len(tw.Items) != 1 || tw.Items[0].City != "Edmonton" || tw.Items[0].Recorded {
			t.Errorf("Gatineau's twins: %+v", tw)
		}

		var board struct {
			Items []map[string]any `json:"items"`
		}
		getJSON(t, srv.URL+"/api/v1/board", &board)
		if len(board.Items) != 1 || board.Items[0]["org"].(map[string]any)["slug"] != "buckingham" || board.Items[0]["open"] != true {
			t.Fatalf("the board lists its open post only: %+v", board.Items)
		}
		for _, key := range []string{"created_at", "updated_at"} {
			if _, ok := board.Items[0][key]; ok {
				t.Errorf("the board's page does not show %s, the API does", key)
			}
		}
		for q, n := range map[string]int{"kind=seek": 1, "kind=offer": 0, "sector=121&country=SN": 1, "sector=140": 0} {
			board.Items = nil
			getJSON(t, srv.URL+"/api/v1/board?"+q, &board)
			if len(board.Items) != n {
				t.Errorf("board?%s: %d posts, want %d", q, len(board.Items), n)
			}
		}
		closedPosts, err := db.ListPosts(ctx, proximite.PostFilter{Org: "sainte-elisabeth"})
		if err != nil || len(closedPosts) != 1 {
			t.Fatalf("closed post: %v %v", closedPosts, err)
		}
		var post map[string]any
		getJSON(t, srv.URL+"/api/v1/board/"+strconv.FormatInt(closedPosts[0].ID, 10), &post)
		if post["closed"] != true || post["open"] != false {
			t.Errorf("a closed post stays readable by its link, closed: %v", post)
		}

		// Nothing of the assessment reaches a public endpoint.
		for _, path := range []string{
			"/api/v1/partnerships/jumelage-buckingham-nioro-du-rip/synergies", "/api/v1/organisations/nioro-du-rip/synergies",
			"/api/v1/organisations/buckingham/synergies", "/api/v1/territories/gatineau", "/api/v1/statistics",
			"/api/v1/board", "/api/v1/network", "/api/v1/organisations/buckingham/twins",
			"/api/v1/partnerships/jumelage-buckingham-nioro-du-rip", "/api/v1/projects/nioro-du-rip-obstetrique/funding",
		} {
			_, body := getJSON(t, srv.URL+path, nil)
			if strings.Contains(body, secret) || strings.Contains(body, "not_met") || strings.Contains(body, "assessment") {
				t.Errorf("%s shows the private assessment: %.300s", path, body)
			}
		}
	})
}
