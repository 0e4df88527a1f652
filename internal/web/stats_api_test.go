package web

import (
	"context"
	"encoding/json"
	"net/url"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// The dashboard's counts equal the totals of the JSON API's search with
// the same filters (the period as its list of years), per type, on both
// databases; and the page shows them.
func TestStatsEqualTheAPI(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		s := newWSSite(t, db)
		for _, f := range []proximite.StatsFilter{
			{}, {Country: []string{"ML"}}, {Country: []string{"SN"}}, {OrgKind: []string{"municipality"}},
			{Form: []string{"solidarity"}}, {Sector: []string{"311"}}, {FromYear: 1985, ToYear: 2010},
			{Country: []string{"SN"}, OrgKind: []string{"municipality"}}, {Country: []string{"ZZ"}},
		} {
			st, err := db.Statistics(context.Background(), f)
			if err != nil {
				t.Fatal(err)
			}
			for typ, got := range map[proximite.RecordType]int{proximite.TypePartnership: st.Partnerships,
				proximite.TypeProject: st.Projects, proximite.TypeVisit: st.Visits} {
				q := url.Values{"type": {string(typ)}, "limit": {"1"}}
				for name, values := range f.Facets() {
					q[name] = values
				}
				r := s.do("anonymous", "GET", "/api/v1/search?"+q.Encode(), nil)
				var res struct {
					Total  int  `json:"total"`
					Capped bool `json:"capped"`
				}
				if err := json.Unmarshal([]byte(r.Body), &res); err != nil || r.Status != 200 {
					t.Fatalf("API %s: %d %v %s", q.Encode(), r.Status, err, r.Body)
				}
				if res.Capped || res.Total != got {
					t.Errorf("%+v: the dashboard counts %d %ss, the API %d (capped %v)", f, got, typ, res.Total, res.Capped)
				}
			}
			page := s.do("anonymous", "GET", "/en/statistics?"+statsQuery(f), nil)
			if st.Projects > 0 {
				l := s.h.loc["en"]
				mustContain(t, "dashboard "+statsQuery(f), page, `<span class="figure-n">`+l.Number(float64(st.Projects), 0)+`</span> <span class="figure-label">`+l.N("stats.projects", st.Projects))
			}
		}
	})
}
