package proximite_test

import (
	"testing"
	"time"

	"github.com/proximite/proximite"
)

func TestMatchPost(t *testing.T) {
	org := func(slug string, kind proximite.OrgKind, country string, pop int) *proximite.Organisation {
		return &proximite.Organisation{Meta: proximite.Meta{Slug: slug}, Name: proximite.T("fr", slug), Kind: kind, Country: country, Population: pop}
	}
	town := org("sainte-elisabeth", proximite.Municipality, "CA", 1500)
	seek := &proximite.PartnerPost{Org: town.Slug, Kind: proximite.Seek, Sectors: []string{"140"}, Countries: []string{"ML", "SN"},
		PartnerKinds: []proximite.OrgKind{proximite.Municipality, proximite.CommunityGroup}, Languages: []string{"fr"}, PopMin: 500, PopMax: 20000}
	village := org("douban", proximite.CommunityGroup, "ML", 800)
	commune := org("nioro", proximite.Municipality, "SN", 0)
	city := org("bamako", proximite.Municipality, "ML", 2000000)
	ngo := org("suco", proximite.NGO, "CA", 0)
	wantsUs := &proximite.PartnerPost{Org: "nioro", Kind: proximite.Offer, Sectors: []string{"140"}, Languages: []string{"fr", "wo"},
		Countries: []string{"CA"}, PartnerKinds: []proximite.OrgKind{proximite.Municipality}}
	wantsOthers := &proximite.PartnerPost{Org: "douban", Kind: proximite.Offer, PartnerKinds: []proximite.OrgKind{proximite.Academic}}
	sameKind := &proximite.PartnerPost{Org: "nioro", Kind: proximite.Seek}
	cands := []proximite.PartnerCandidate{
		{Org: village, Sectors: []string{"140", "110"}},
		{Org: commune},
		{Org: city, Sectors: []string{"140"}},
		{Org: ngo, Sectors: []string{"140"}},
		{Org: town, Sectors: []string{"140"}},
		{Org: commune, Post: wantsUs, Sectors: wantsUs.Sectors},
		{Org: village, Post: wantsOthers},
		{Org: commune, Post: sameKind},
	}
	got := proximite.MatchPost(seek, town, cands, 0)
	type row struct {
		slug string
		post bool
	}
	var rows []row
	for _, m := range got {
		rows = append(rows, row{m.Org.Slug, m.Post != nil})
	}
	// The offer that wants a Canadian town first (sector, country, kind,
	// language, and it wants us), then the village (sector, country,
	// kind, population), then the commune with no sector known. The big
	// city (population), the NGO (kind and country), ourselves, the
	// offer that wants a university and the other seek are left out.
	want := []row{{"nioro", true}, {"douban", false}, {"nioro", false}}
	if len(rows) != len(want) {
		t.Fatalf("matches = %+v, want %+v", rows, want)
	}
	for i := range want {
		if rows[i] != want[i] {
			t.Errorf("match %d = %+v, want %+v", i, rows[i], want[i])
		}
	}
	codes := map[string]bool{}
	for _, r := range got[0].Reasons {
		codes[r.Code] = true
	}
	for _, c := range []string{proximite.ReasonSector, proximite.ReasonCountry, proximite.ReasonKind, proximite.ReasonLanguage, proximite.ReasonWantsUs} {
		if !codes[c] {
			t.Errorf("first match lacks the reason %q: %+v", c, got[0].Reasons)
		}
	}
	if got := proximite.MatchPost(seek, town, cands, 1); len(got) != 1 {
		t.Errorf("limit 1 gave %d", len(got))
	}
}

func TestPartnerPostValidate(t *testing.T) {
	today := time.Date(2031, 3, 1, 0, 0, 0, 0, time.UTC)
	ok := proximite.PartnerPost{Org: "x", Kind: proximite.Seek, Text: proximite.T("fr", "t"), Expires: "2031-03-01"}
	if err := ok.Validate(today); err != nil {
		t.Fatal(err)
	}
	for name, tc := range map[string]struct {
		edit  func(p *proximite.PartnerPost)
		field string
	}{
		"kind":     {func(p *proximite.PartnerPost) { p.Kind = "swap" }, "kind"},
		"sector":   {func(p *proximite.PartnerPost) { p.Sectors = []string{"99999"} }, "sectors[0]"},
		"country":  {func(p *proximite.PartnerPost) { p.Countries = []string{"XX"} }, "countries[0]"},
		"pkind":    {func(p *proximite.PartnerPost) { p.PartnerKinds = []proximite.OrgKind{"club"} }, "partner_kinds[0]"},
		"pop":      {func(p *proximite.PartnerPost) { p.PopMin, p.PopMax = 500, 100 }, "pop_max"},
		"text":     {func(p *proximite.PartnerPost) { p.Text = nil }, "text"},
		"past":     {func(p *proximite.PartnerPost) { p.Expires = "2031-02-28" }, "expires"},
		"far":      {func(p *proximite.PartnerPost) { p.Expires = "2033-01-01" }, "expires"},
		"not date": {func(p *proximite.PartnerPost) { p.Expires = "2031-13" }, "expires"},
	} {
		p := ok
		tc.edit(&p)
		err := p.Validate(today)
		errs, isList := err.(proximite.ValidationErrors)
		if !isList || len(errs) != 1 || errs[0].Field != tc.field {
			t.Errorf("%s: %v, want one error on %s", name, err, tc.field)
		}
	}
}

func TestCanPostAndAssess(t *testing.T) {
	ed := &proximite.User{Role: proximite.RoleEditor, Orgs: []string{"a"}}
	co := &proximite.User{Role: proximite.RoleCoordinator}
	if proximite.CanPost(ed, "a") != nil || proximite.CanPost(co, "b") != nil {
		t.Error("an editor posts for their organisation, a coordinator for any")
	}
	if proximite.ErrorCode(proximite.CanPost(ed, "b")) != proximite.EFORBIDDEN || proximite.ErrorCode(proximite.CanPost(nil, "a")) != proximite.EUNAUTHORIZED {
		t.Error("an editor posts for no other organisation, a visitor for none")
	}
	if proximite.CanEditChecklist(ed) == nil || proximite.CanEditChecklist(co) != nil {
		t.Error("only coordinators edit the checklist")
	}
	if proximite.CanAssess(ed, []string{"b", "a"}) != nil || proximite.CanAssess(ed, []string{"b"}) == nil || proximite.CanAssess(nil, nil) == nil {
		t.Error("editors assess for their partnerships only")
	}
}
