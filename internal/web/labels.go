package web

import (
	"strconv"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
)

// facetLabel names a facet value in the visitor's language: codelists
// for countries, sector categories and statuses, the message files for
// the domain's own lists.
func facetLabel(l *localizer, facet, value string) string {
	switch facet {
	case proximite.FacetType:
		return l.Label("types", value)
	case proximite.FacetCountry:
		return codelist.Country.Label(value, l.lang)
	case proximite.FacetSectorCategory:
		return codelist.SectorCategory.Label(value, l.lang)
	case proximite.FacetStatus:
		return codelist.ActivityStatus.Label(value, l.lang)
	case proximite.FacetOrgKind:
		return l.Label("orgkind", value)
	case proximite.FacetPartnershipKind:
		return l.Label("pkind", value)
	case proximite.FacetForm:
		return l.Label("form", value)
	case proximite.FacetDirection:
		return l.Label("direction", value)
	case proximite.FacetPubType:
		return l.Label("pubkind", value)
	case proximite.FacetLanguage:
		return l.Label("langname", value)
	}
	return value
}

// enumLabels lists, for each message prefix of the domain's own lists,
// every code that needs a label; the message test checks each has one
// in both languages.
func enumLabels() map[string][]string {
	m := map[string][]string{}
	for _, t := range proximite.RecordTypes {
		m["type"] = append(m["type"], string(t))
		m["types"] = append(m["types"], string(t))
	}
	for _, k := range proximite.OrgKinds {
		m["orgkind"] = append(m["orgkind"], string(k))
	}
	for _, k := range proximite.PartnershipKinds {
		m["pkind"] = append(m["pkind"], string(k))
	}
	for _, f := range proximite.Forms {
		m["form"] = append(m["form"], string(f))
	}
	for _, d := range proximite.Directions {
		m["direction"] = append(m["direction"], string(d))
	}
	m["pubkind"] = proximite.PubKinds
	m["localpeople"] = []string{string(proximite.Beneficiaries), string(proximite.Collaborators), string(proximite.Partners)}
	m["side"] = []string{string(proximite.North), string(proximite.South), string(proximite.Support)}
	m["event"] = []string{string(proximite.FirstContact), string(proximite.Agreement), string(proximite.Renewal),
		string(proximite.OnHold), string(proximite.Resumed), string(proximite.Evaluation), string(proximite.Milestone),
		string(proximite.Ended), "start", "end", "project_start", "project_end", "visits"}
	m["people"] = []string{string(proximite.ElectedOfficials), string(proximite.MunicipalStaff), string(proximite.Experts),
		string(proximite.Volunteers), string(proximite.Students), string(proximite.DiasporaMembers), string(proximite.OtherPeople)}
	m["inkind"] = []string{"volunteer_days", "expert_days", "goods", "premises", "other"}
	m["covers"] = []string{"transport", "lodging", "per_diem", "project_costs", "salaries", "awareness", "education",
		"internships", "other"}
	m["orglink"] = []string{string(proximite.PartOf), string(proximite.MemberOf), string(proximite.MergedInto),
		string(proximite.NearTo), string(proximite.FoundedBy)}
	m["orglink.rev"] = m["orglink"]
	for _, f := range proximite.Facets {
		m["facet"] = append(m["facet"], f)
	}
	m["langname"] = []string{"fr", "en", "es", "pt", "de", "bm", "wo"}
	m["inlang"] = m["langname"]
	m["sort"] = []string{proximite.SortRelevance, proximite.SortTitle, proximite.SortRecent, proximite.SortYear}
	m["nav"] = []string{"home", "search", "organisation", "partnership", "project", "visit", "programme", "publication"}
	for i := 1; i <= 12; i++ {
		m["month"] = append(m["month"], strconv.Itoa(i))
	}
	return m
}
