package proximite_test

import (
	"slices"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/demo"
)

func TestSectorsMatch(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"121", "12110", true}, // a category covers its sectors
		{"12110", "121", true}, // and a sector is in its category
		{"12110", "12110", true},
		{"121", "122", false},
		{"12110", "12220", false},
		{"122", "12110", false}, // a sector outside the category
		{"1211", "12110", false},
	}
	for _, tt := range tests {
		if got := proximite.SectorsMatch(tt.a, tt.b); got != tt.want {
			t.Errorf("SectorsMatch(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// demoProgrammes returns the demonstration registry's programmes by slug.
func demoProgrammes(t *testing.T) ([]*proximite.Programme, map[string]*proximite.Programme) {
	t.Helper()
	ps := demo.Records().Programmes
	bySlug := map[string]*proximite.Programme{}
	for _, p := range ps {
		bySlug[p.Slug] = p
	}
	return ps, bySlug
}

func TestMatchProgramme(t *testing.T) {
	_, by := demoProgrammes(t)
	const today = proximite.Date("2026-11-26")

	// A municipality: the FCM's programme names it, the CIDA partnership
	// programmes do not.
	q := proximite.FundingQuery{Kinds: []proximite.OrgKind{proximite.Municipality}, Countries: []string{"SN"}, Sectors: []string{"12110"}}
	fcm := proximite.MatchProgramme(by["fcm-partenariats-municipaux"], q, today)
	if fits, specific := fcm.Fits(); fits != 3 || specific != 1 || fcm.Misses() != 0 {
		t.Errorf("FCM for a Senegalese health project of a municipality: fits %d (specific %d), misses %d; want 3 (1), 0", fits, specific, fcm.Misses())
	}
	if c := fcm.Criteria[0]; c.Criterion != proximite.CritApplicant || !c.Fits || c.Any || len(c.Matched) != 1 {
		t.Errorf("FCM applicant criterion = %+v", c)
	}
	cida := proximite.MatchProgramme(by["acdi-partenariat-canadien"], q, today)
	if fits, specific := cida.Fits(); fits != 2 || specific != 1 {
		t.Errorf("CIDA partnership programmes: fits %d (specific %d), want 2 (1): the sector 12110 is under its category 121", fits, specific)
	}
	if c := cida.Criteria[0]; c.Fits || len(c.Wanted) == 0 {
		t.Errorf("CIDA applicant criterion should miss and say who may apply: %+v", c)
	}
	// A 5-digit sector outside the programme's categories misses.
	q.Sectors = []string{"31120"}
	if c := proximite.MatchProgramme(by["acdi-partenariat-canadien"], q, today).Criteria[2]; c.Fits {
		t.Errorf("agricultural development (311) fits CIDA's priority sectors: %+v", c)
	}
	// A 3-digit search finds a programme that names one of its sectors.
	q.Sectors = []string{"998"}
	if c := proximite.MatchProgramme(by["mri-sensibilisation"], q, today).Criteria[2]; !c.Fits || c.Any {
		t.Errorf("a search in 998 should fit the awareness programme's 99820: %+v", c)
	}
	// A question not asked is not a criterion.
	if n := len(proximite.MatchProgramme(by["mri-sensibilisation"], proximite.FundingQuery{Countries: []string{"ML"}}, today).Criteria); n != 1 {
		t.Errorf("criteria for a query on one country = %d, want 1", n)
	}
}

func TestFindFundingRanksAndClosed(t *testing.T) {
	ps, _ := demoProgrammes(t)
	ended := &proximite.Programme{Meta: proximite.Meta{Slug: "ended"}, Name: proximite.T("fr", "Ancien programme", "en", "Old programme"),
		Eligible: []proximite.OrgKind{proximite.Municipality}, End: "2010"}
	ps = append(ps, ended)
	q := proximite.FundingQuery{Kinds: []proximite.OrgKind{proximite.Municipality}, Countries: []string{"SN"}, Sectors: []string{"151"}}
	open, closed := proximite.FindFunding(ps, q, "2026-11-26")
	if len(closed) != 1 || closed[0].Programme.Slug != "ended" {
		t.Fatalf("closed = %v, want the programme that ended in 2010", slugs(closed))
	}
	if len(open) != len(ps)-1 {
		t.Fatalf("open = %d programmes, want %d", len(open), len(ps)-1)
	}
	if open[0].Programme.Slug != "fcm-partenariats-municipaux" {
		t.Errorf("first programme for a municipality = %s, want the FCM's (order %v)", open[0].Programme.Slug, slugs(open))
	}
	for i := 1; i < len(open); i++ {
		a, _ := open[i-1].Fits()
		b, _ := open[i].Fits()
		if a < b {
			t.Errorf("%s (%d fits) before %s (%d fits)", open[i-1].Programme.Slug, a, open[i].Programme.Slug, b)
		}
	}
	// Open all of its last year.
	if _, closed := proximite.FindFunding(ps, q, "2010-12-31"); len(closed) != 0 {
		t.Errorf("a programme ending in 2010 is closed on 2010-12-31")
	}
}

func TestFundingQueryOf(t *testing.T) {
	p := &proximite.Project{
		Participants: []proximite.Participant{
			{Org: "acdi", Role: "1", OrgKind: proximite.GovernmentAgency},
			{Org: "buckingham", Role: "2", OrgKind: proximite.Municipality},
			{Org: "nioro", Role: "4", OrgKind: proximite.Municipality},
		},
		Countries: []proximite.CountryShare{{Code: "SN"}},
		Locations: []proximite.Location{{Country: "SN"}, {Country: "ML"}},
		Sectors:   []proximite.SectorShare{{Code: "12110"}, {Vocabulary: "2", Code: "151"}, {Vocabulary: "7", Code: "3"}},
	}
	q := proximite.FundingQueryOf(p)
	if !slices.Equal(q.Kinds, []proximite.OrgKind{proximite.GovernmentAgency, proximite.Municipality}) {
		t.Errorf("kinds = %v, want each kind of participant once, in order", q.Kinds)
	}
	if len(q.Countries) != 2 || len(q.Sectors) != 2 {
		t.Errorf("countries %v, sectors %v", q.Countries, q.Sectors)
	}
}

func slugs(fs []proximite.ProgrammeFit) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Programme.Slug)
	}
	return out
}
