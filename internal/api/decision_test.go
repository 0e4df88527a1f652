package api_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/api"
	"github.com/proximite/proximite/internal/demo"
	"github.com/proximite/proximite/internal/report"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// secret is written in an assessment, which only members read: no
// public endpoint may show it.
const secret = "Cohésion sociale fragile — note confidentielle"

// addDecisionData gives the demonstration registry what the decision
// endpoints read besides records: money in francs CFA with a rate for one
// of its two years, the known twinnings of three towns, an open and a
// closed post on the partner board, and an assessment.
func addDecisionData(t *testing.T, db *sqlstore.DB) {
	t.Helper()
	ctx := context.Background()
	p, err := db.FindProject(ctx, "nioro-du-rip-obstetrique")
	if err != nil {
		t.Fatal(err)
	}
	p.Budgets = append(p.Budgets, proximite.Budget{Type: "1", PeriodStart: "1995", PeriodEnd: "1995",
		Value: proximite.Money{Amount: 2000000, Currency: "XOF"}})
	p.Transactions = append(p.Transactions, proximite.Transaction{Type: "3", Date: "1996-03-01",
		Value: proximite.Money{Amount: 500000, Currency: "XOF"}, Provider: &proximite.Participant{Org: "buckingham"}})
	if err := db.SaveMany(ctx, p); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveRates(ctx, []proximite.Rate{{Year: 1995, Currency: "XOF", RateToCAD: 0.0025}}); err != nil {
		t.Fatal(err)
	}
	if err := db.ReplaceTwins(ctx, []proximite.Twin{
		{City1: "Gatineau", Country1: "CA", Lat1: 45.48, Lng1: -75.65, City2: "Edmonton", Country2: "CA", Lat2: 53.5, Lng2: -113.5},
		{City1: "Buckingham", Country1: "CA", Lat1: 45.58, Lng1: -75.41, City2: "Nioro du Rip", Country2: "SN", Lat2: 13.75, Lng2: -15.8},
		{City1: "Angers", Country1: "FR", Lat1: 47.47, Lng1: -0.55, City2: "Buckingham", Country2: "CA", Lat2: 45.58, Lng2: -75.41},
	}); err != nil {
		t.Fatal(err)
	}
	in := func(days int) proximite.Date {
		return proximite.Date(time.Now().AddDate(0, 0, days).Format("2006-01-02"))
	}
	for _, post := range []*proximite.PartnerPost{
		{Org: "buckingham", Kind: proximite.Seek, Sectors: []string{"121"}, Countries: []string{"SN"},
			Text: proximite.T("fr", "Buckingham cherche une commune partenaire pour la santé."), Expires: in(60)},
		{Org: "sainte-elisabeth", Kind: proximite.Offer, Text: proximite.T("fr", "Annonce close"), Expires: in(30), Closed: true},
	} {
		if err := db.CreatePost(ctx, post); err != nil {
			t.Fatal(err)
		}
	}
	crit, err := db.Criteria(ctx, false)
	if err != nil || len(crit) == 0 {
		t.Fatalf("criteria: %v %v", crit, err)
	}
	coord := &proximite.User{Email: "co@example.org", Name: "Coord", Role: proximite.RoleCoordinator}
	if err := db.CreateAssessment(proximite.NewContextWithUser(ctx, coord), &proximite.Assessment{
		Partnership: "jumelage-buckingham-nioro-du-rip", Candidate: "nioro-du-rip", Note: secret,
		Answers: []proximite.Answer{{Criterion: crit[0].ID, Verdict: proximite.VerdictNotMet, Note: secret}}}); err != nil {
		t.Fatal(err)
	}
}

// decisionServer serves the demonstration registry with the decision data.
func decisionServer(t *testing.T, db *sqlstore.DB) *httptest.Server {
	t.Helper()
	if _, err := demo.Load(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	addDecisionData(t, db)
	srv := httptest.NewServer(api.New(db, slog.New(slog.NewTextHandler(io.Discard, nil))))
	t.Cleanup(srv.Close)
	return srv
}

// getJSON decodes a response into v and returns its status and body.
func getJSON(t *testing.T, u string, v any) (int, string) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		t.Fatalf("%s: %s", u, resp.Header.Get("Content-Type"))
	}
	if v != nil && resp.StatusCode == 200 {
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatalf("%s: %v: %s", u, err, b)
		}
	}
	return resp.StatusCode, string(b)
}

type statsBody struct {
	proximite.Stats
	People     float64 `json:"people"`
	InKindDays float64 `json:"in_kind_days"`
	Money      map[string]struct {
		TotalCAD    float64 `json:"total_cad"`
		Unconverted []struct {
			Currency string  `json:"currency"`
			Value    float64 `json:"value"`
		} `json:"unconverted"`
		Years []struct {
			Year        int                `json:"year"`
			Amounts     []proximite.Amount `json:"amounts"`
			CAD         float64            `json:"cad"`
			Unconverted []proximite.Amount `json:"unconverted"`
		} `json:"years"`
	} `json:"money"`
	RatesLoaded bool `json:"rates_loaded"`
}

// statsParams writes a filter as the endpoint's query string.
func statsParams(f proximite.StatsFilter) url.Values {
	v := url.Values{}
	if f.Territory != "" {
		v.Set("territory", f.Territory)
	}
	if f.FromYear > 0 {
		v.Set("from", strconv.Itoa(f.FromYear))
	}
	if f.ToYear > 0 {
		v.Set("to", strconv.Itoa(f.ToYear))
	}
	v["country"], v["sector"], v["org_kind"], v["form"] = f.Country, f.Sector, f.OrgKind, f.Form
	return v
}

// TestStatisticsAPI: the statistics for a filter are the store's, with
// money converted by the loaded rates only; the counts equal the search's
// totals for the same filter; on both databases.
func TestStatisticsAPI(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		srv := decisionServer(t, db)
		ctx := context.Background()
		rates, err := db.Rates(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range []proximite.StatsFilter{
			{}, {Country: []string{"SN"}}, {Country: []string{"ML", "SN"}}, {OrgKind: []string{"municipality"}},
			{Form: []string{"solidarity"}}, {Sector: []string{"121"}}, {FromYear: 1985, ToYear: 2010}, {FromYear: 1996},
			{Territory: "gatineau"}, {Territory: "region-outaouais", Country: []string{"SN"}}, {Country: []string{"ZW"}},
		} {
			want, err := db.Statistics(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			var got statsBody
			q := statsParams(f).Encode()
			if code, body := getJSON(t, srv.URL+"/api/v1/statistics?"+q, &got); code != 200 {
				t.Fatalf("%s: %d %s", q, code, body)
			}
			if got.Partnerships != want.Partnerships || got.Projects != want.Projects || got.Visits != want.Visits ||
				!sameList(got.Countries, want.Countries) || !sameList(got.Sectors, want.Sectors) ||
				!sameList(got.ProjectsByYear, want.ProjectsByYear) || !sameList(got.VisitsByDirection, want.VisitsByDirection) ||
				!sameList(got.Amounts, want.Amounts) {
				t.Errorf("%s: the API's figures differ from the store's:\n got %+v\nwant %+v", q, got.Stats, *want)
			}
			if got.People != report.Total(want.Amounts, proximite.MeasurePeople) ||
				got.InKindDays != report.Total(want.Amounts, proximite.MeasureInKindDays) {
				t.Errorf("%s: people %v, in-kind days %v", q, got.People, got.InKindDays)
			}
			for _, m := range []string{proximite.MeasureSpent, proximite.MeasureBudget} {
				conv := report.Convert(want.Amounts, m, rates)
				if got.Money[m].TotalCAD != conv.TotalCAD || len(got.Money[m].Years) != len(conv.Years) ||
					len(got.Money[m].Unconverted) != len(conv.Unconverted) {
					t.Errorf("%s: %s money %+v, the store's converted %+v", q, m, got.Money[m], conv)
				}
			}
			if !got.RatesLoaded {
				t.Errorf("%s: rates loaded, the API says none", q)
			}
			if f.Territory != "" {
				continue // the search has no territory filter
			}
			for typ, n := range map[proximite.RecordType]int{proximite.TypePartnership: got.Partnerships,
				proximite.TypeProject: got.Projects, proximite.TypeVisit: got.Visits} {
				sq := url.Values{"type": {string(typ)}, "limit": {"1"}}
				for name, values := range f.Facets() {
					sq[name] = values
				}
				var res struct {
					Total  int  `json:"total"`
					Capped bool `json:"capped"`
				}
				getJSON(t, srv.URL+"/api/v1/search?"+sq.Encode(), &res)
				if res.Capped || res.Total != n {
					t.Errorf("%s: statistics count %d %ss, the search %d", q, n, typ, res.Total)
				}
			}
		}

		// The francs CFA of 1995 have a rate and are converted; those of
		// 1996 have none and are listed, not estimated.
		var all statsBody
		getJSON(t, srv.URL+"/api/v1/statistics", &all)
		budget, spent := all.Money[proximite.MeasureBudget], all.Money[proximite.MeasureSpent]
		for _, y := range budget.Years {
			if y.Year == 1995 && len(y.Unconverted) != 0 {
				t.Errorf("1995's francs CFA have a rate, yet: %+v", y)
			}
		}
		found := false
		for _, y := range spent.Years {
			for _, a := range y.Unconverted {
				found = found || y.Year == 1996 && a.Currency == "XOF" && a.Value == 500000
			}
		}
		if !found || !slices.ContainsFunc(spent.Unconverted, func(c struct {
			Currency string  `json:"currency"`
			Value    float64 `json:"value"`
		}) bool {
			return c.Currency == "XOF"
		}) {
			t.Errorf("1996's francs CFA have no rate and must be listed: %+v", spent)
		}
		if budget.TotalCAD < 2000000*0.0025 {
			t.Errorf("budget in CAD %v leaves out the converted francs CFA", budget.TotalCAD)
		}
	})
}

// sameList compares lists, an empty one equal to none.
func sameList[T any](a, b []T) bool {
	return len(a) == 0 && len(b) == 0 || reflect.DeepEqual(a, b)
}

// errorField checks an error response: its status and the field named.
func errorField(t *testing.T, srv *httptest.Server, path string, status int, field string) {
	t.Helper()
	code, body := getJSON(t, srv.URL+path, nil)
	var e struct {
		Error struct {
			Code    string `json:"code"`
			Message string `json:"message"`
			Fields  []struct {
				Field string `json:"field"`
			} `json:"fields"`
		} `json:"error"`
	}
	if err := json.Unmarshal([]byte(body), &e); err != nil || code != status || e.Error.Message == "" {
		t.Errorf("%s: %d %s, want %d with a message", path, code, body, status)
		return
	}
	if field != "" && (len(e.Error.Fields) == 0 || e.Error.Fields[0].Field != field) {
		t.Errorf("%s: %s does not name %s", path, body, field)
	}
}

func TestDecisionAPIErrors(t *testing.T) {
	srv := decisionServer(t, sqltest.Open(t, "sqlite"))
	for _, tt := range []struct {
		path   string
		status int
		field  string
	}{
		{"/api/v1/statistics?from=abc", 400, "from"},
		{"/api/v1/statistics?to=99999", 400, "to"},
		{"/api/v1/statistics?from=2010&to=2000", 400, "to"},
		{"/api/v1/statistics?territory=atlantis", 400, "territory"},
		{"/api/v1/statistics?country=Senegal", 400, "country"},
		{"/api/v1/statistics?sector=12110", 400, "sector"},
		{"/api/v1/statistics?org_kind=planet", 400, "org_kind"},
		{"/api/v1/statistics?form=charity", 400, "form"},
		{"/api/v1/territories/atlantis", 404, ""},
		{"/api/v1/organisations/buckingham/synergies?limit=0", 400, "limit"},
		{"/api/v1/organisations/buckingham/synergies?limit=1000", 400, "limit"},
		{"/api/v1/organisations/atlantis/synergies", 404, ""},
		{"/api/v1/partnerships/atlantis/synergies", 404, ""},
		{"/api/v1/network?kind=planet", 400, "kind"},
		{"/api/v1/network?country=sn", 400, "country"},
		{"/api/v1/network?size=0", 400, "size"},
		{"/api/v1/funding", 400, "kind"},
		{"/api/v1/funding?sector=999", 400, "sector"},
		{"/api/v1/funding?kind=municipality&country=XX", 400, "country"},
		{"/api/v1/projects/atlantis/funding", 404, ""},
		{"/api/v1/organisations/rosi/twins", 404, ""},
		{"/api/v1/organisations/atlantis/twins", 404, ""},
		{"/api/v1/board?kind=sell", 400, "kind"},
		{"/api/v1/board?country=Mali", 400, "country"},
		{"/api/v1/board?partner_kind=planet", 400, "partner_kind"},
		{"/api/v1/board/abc", 404, ""},
		{"/api/v1/board/9999", 404, ""},
	} {
		errorField(t, srv, tt.path, tt.status, tt.field)
	}
}
