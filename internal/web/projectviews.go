package web

import (
	"context"
	"net/url"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
)

// sectorView is a sector of a project, named in the visitor's language,
// with its share and the search of projects in its DAC category.
type sectorView struct {
	Code, Name, Vocabulary, Share, URL string
}

func sectorViews(l *localizer, shares []proximite.SectorShare) []sectorView {
	var out []sectorView
	for _, s := range shares {
		v := sectorView{Code: s.Code, Name: s.Code, Share: percent(l, s.Percentage),
			Vocabulary: codelist.SectorVocabulary.Label(s.Vocab(), l.lang)}
		category := ""
		switch s.Vocab() {
		case "1":
			v.Name, category = codelist.Sector.Label(s.Code, l.lang), codelist.SectorCategoryOf(s.Code)
		case "2":
			v.Name, category = codelist.SectorCategory.Label(s.Code, l.lang), s.Code
		case "7":
			v.Name = codelist.UNSDGGoals.Label(s.Code, l.lang)
		case "8":
			v.Name = codelist.UNSDGTargets.Label(s.Code, l.lang)
		}
		if category != "" {
			v.URL = path(l.lang, secSearch, "") + "?" + url.Values{"type": {"project"}, "sector": {category}}.Encode()
		}
		out = append(out, v)
	}
	return out
}

// percent formats an optional share: " (40 %)" in French, " (40%)" in
// English, nothing when unknown.
func percent(l *localizer, p *float64) string {
	if p == nil {
		return ""
	}
	decimals := 0
	if *p != float64(int(*p)) {
		decimals = 1
	}
	return " (" + l.T("percent", "n", l.Number(*p, decimals)) + ")"
}

// countryView is a recipient country with its share and its search.
type countryView struct {
	Name, Share, URL string
}

func countryViews(l *localizer, shares []proximite.CountryShare) []countryView {
	var out []countryView
	for _, c := range shares {
		out = append(out, countryView{Name: codelist.Country.Label(c.Code, l.lang), Share: percent(l, c.Percentage),
			URL: path(l.lang, secSearch, "") + "?type=project&country=" + url.QueryEscape(c.Code)})
	}
	return out
}

// locationView is a place where a project works.
type locationView struct {
	Name    proximite.Text
	Desc    proximite.Text
	Country string
}

func locationViews(l *localizer, locs []proximite.Location) []locationView {
	var out []locationView
	for _, loc := range locs {
		out = append(out, locationView{Name: loc.Name, Desc: loc.Description, Country: codelist.Country.Label(loc.Country, l.lang)})
	}
	return out
}

// roleGroup is the organisations of a project in one IATI role.
type roleGroup struct {
	Label string
	Orgs  []participantView
}

// participantView is an organisation taking part in a project, linked
// when it is in the registry.
type participantView struct {
	Name proximite.Text
	URL  string
	Kind string
}

// roleGroups lists participants by role, in the order of the IATI list:
// funding, accountable, extending, implementing.
func roleGroups(l *localizer, parts []proximite.Participant) []roleGroup {
	var out []roleGroup
	for _, role := range codelist.OrganisationRole.Codes {
		g := roleGroup{Label: codelist.OrganisationRole.Label(role.Code, l.lang)}
		for _, pt := range parts {
			if pt.Role == role.Code {
				g.Orgs = append(g.Orgs, participantOf(l, pt))
			}
		}
		if len(g.Orgs) > 0 {
			out = append(out, g)
		}
	}
	return out
}

func participantOf(l *localizer, pt proximite.Participant) participantView {
	v := participantView{Name: pt.Name, Kind: l.Label("orgkind", string(pt.OrgKind))}
	if !pt.OrgName.IsZero() {
		v.Name = pt.OrgName
	}
	if v.Name.IsZero() {
		v.Name = proximite.T(l.lang, pt.Ref)
	}
	if pt.Org != "" {
		v.URL = path(l.lang, secOrganisation, pt.Org)
	}
	return v
}

// orgNames finds the names of organisations a project names by slug
// outside its participants (transactions, in-kind contributions), from
// the participants first and the registry for the rest.
type orgNames struct {
	reg   proximite.Registry
	known map[string]proximite.Text
}

func newNames(reg proximite.Registry, parts []proximite.Participant) *orgNames {
	n := &orgNames{reg: reg, known: map[string]proximite.Text{}}
	for _, pt := range parts {
		if pt.Org != "" && !pt.OrgName.IsZero() {
			n.known[pt.Org] = pt.OrgName
		}
	}
	return n
}

// of returns the participant's view, looking its organisation up when
// only the slug is known.
func (n *orgNames) of(ctx context.Context, l *localizer, pt *proximite.Participant) (participantView, error) {
	if pt == nil {
		return participantView{}, nil
	}
	c := *pt
	if c.Org != "" && c.OrgName.IsZero() {
		name, ok := n.known[c.Org]
		if !ok {
			o, err := n.reg.FindOrganisation(ctx, c.Org)
			if err != nil && proximite.ErrorCode(err) != proximite.ENOTFOUND {
				return participantView{}, err
			} else if err == nil {
				name = o.Name
			}
			n.known[c.Org] = name
		}
		c.OrgName = name
	}
	return participantOf(l, c), nil
}
