package csvio

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/proximite/proximite"
)

// projectFormat is the CSV format of projects. Budgets, transactions,
// results, locations, documents and in-kind contributions are too nested
// for cells: they are not in the file, so an import leaves them as they
// are; budget_total shows the budgets' sum for reading.
var projectFormat = &format[*proximite.Project]{
	typ:    proximite.TypeProject,
	altKey: "iati_identifier", storeKey: keyIATIID,
	fields: []field[*proximite.Project]{
		slugField[*proximite.Project](),
		stringField("iati_identifier", func(p *proximite.Project) *string { return &p.IATIIdentifier }, nil),
		stateField[*proximite.Project](),
		textField("title", func(p *proximite.Project) *proximite.Text { return &p.Title }),
		textField("description", func(p *proximite.Project) *proximite.Text { return &p.Description }),
		textField("objectives", func(p *proximite.Project) *proximite.Text { return &p.Objectives }),
		stringField("status", func(p *proximite.Project) *string { return &p.Status }, nil),
		dateField("planned_start", func(p *proximite.Project) *proximite.Date { return &p.PlannedStart }),
		dateField("actual_start", func(p *proximite.Project) *proximite.Date { return &p.ActualStart }),
		dateField("planned_end", func(p *proximite.Project) *proximite.Date { return &p.PlannedEnd }),
		dateField("actual_end", func(p *proximite.Project) *proximite.Date { return &p.ActualEnd }),
		{name: "participants", get: getParticipants, set: setParticipants},
		{name: "countries", get: getCountries, set: setCountries},
		{name: "regions", get: getRegions, set: setRegions},
		{name: "sectors", get: getSectors, set: setSectors},
		stringField("partnership", func(p *proximite.Project) *string { return &p.Partnership }, nil),
		stringField("programme", func(p *proximite.Project) *string { return &p.Programme }, nil),
		{name: "budget_total", readOnly: true, get: budgetTotal, check: checkBudgetTotal},
		sourcesField[*proximite.Project](),
		updatedField[*proximite.Project](),
	},
	create: func(slug string) *proximite.Project { return &proximite.Project{Meta: proximite.Meta{Slug: slug}} },
	find: func(ctx context.Context, st Store, id string) (*proximite.Project, error) {
		return st.FindProject(ctx, id)
	},
	refs: func(p *proximite.Project) []ref {
		var out []ref
		for _, pt := range p.Participants {
			if pt.Org != "" {
				out = append(out, ref{"participants", proximite.TypeOrganisation, pt.Org})
			}
		}
		if p.Partnership != "" {
			out = append(out, ref{"partnership", proximite.TypePartnership, p.Partnership})
		}
		if p.Programme != "" {
			out = append(out, ref{"programme", proximite.TypeProgramme, p.Programme})
		}
		return out
	},
}

// roles maps the English names of the IATI OrganisationRole codes, which
// a participants cell may use instead of the codes.
var roles = map[string]string{"funding": "1", "accountable": "2", "extending": "3", "implementing": "4"}

// getParticipants writes "slug:ROLE" for organisations of the registry,
// "ref=REF (Name):ROLE" for others known by an IATI reference, and
// "name=Name:ROLE" for the rest.
func getParticipants(p *proximite.Project) string {
	items := make([][]string, len(p.Participants))
	for i, pt := range p.Participants {
		name, _ := pt.Name.In("fr")
		who := pt.Org
		switch {
		case pt.Org != "":
		case pt.Ref != "" && name != "":
			who = "ref=" + pt.Ref + " (" + name + ")"
		case pt.Ref != "":
			who = "ref=" + pt.Ref
		default:
			who = "name=" + name
		}
		items[i] = []string{who, pt.Role}
	}
	return formatList(items, true)
}

// setParticipants reads the participants back. A participant outside the
// registry keeps what the registry knows of it (its names in every
// language) when the cell names it by the same reference or name; only
// its role comes from the cell.
func setParticipants(p *proximite.Project, v string) error {
	old := p.Participants
	used := make([]bool, len(old))
	reuse := func(match func(proximite.Participant) bool) (proximite.Participant, bool) {
		for i, pt := range old {
			if !used[i] && pt.Org == "" && match(pt) {
				used[i] = true
				return pt, true
			}
		}
		return proximite.Participant{}, false
	}
	var out []proximite.Participant
	for _, item := range parseList(v, true) {
		if len(item) < 2 {
			return fmt.Errorf("%q has no role: write it as organisation:ROLE (1 funding, 2 accountable, 3 extending, 4 implementing)", item[0])
		}
		who, role := strings.Join(item[:len(item)-1], ":"), strings.ToLower(item[len(item)-1])
		if code, ok := roles[role]; ok {
			role = code
		}
		var pt proximite.Participant
		switch {
		case strings.HasPrefix(who, "ref="):
			refName := strings.TrimSpace(strings.TrimPrefix(who, "ref="))
			r, name, _ := strings.Cut(refName, " ")
			name = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(name), "("), ")")
			var ok bool
			if pt, ok = reuse(func(o proximite.Participant) bool { return o.Ref == r }); !ok {
				pt = proximite.Participant{Ref: r, Name: proximite.T("fr", name)}
			}
		case strings.HasPrefix(who, "name="):
			name := strings.TrimSpace(strings.TrimPrefix(who, "name="))
			var ok bool
			if pt, ok = reuse(func(o proximite.Participant) bool { return hasName(o.Name, name) }); !ok {
				pt = proximite.Participant{Name: proximite.T("fr", name)}
			}
		default:
			pt = proximite.Participant{Org: who}
		}
		pt.Role = role
		pt.OrgName, pt.OrgKind = nil, ""
		out = append(out, pt)
	}
	p.Participants = out
	return nil
}

// hasName reports whether a text has name in some language, the way
// search compares names: without case or accents.
func hasName(t proximite.Text, name string) bool {
	for _, v := range t {
		if proximite.Fold(v) == proximite.Fold(name) {
			return true
		}
	}
	return false
}

// share is a code with an optional vocabulary and percentage, the shape
// of countries, regions and sectors.
type share struct {
	vocab, code string
	pct         *float64
}

// formatShares writes "[VOCAB/]CODE[:PERCENT]" items. The vocabulary is
// written only when it is not the default one ("1").
func formatShares(shares []share) string {
	items := make([][]string, len(shares))
	for i, s := range shares {
		code := s.code
		if s.vocab != "" && s.vocab != "1" {
			code = s.vocab + "/" + code
		}
		items[i] = []string{code}
		if s.pct != nil {
			items[i] = append(items[i], formatNumber(*s.pct))
		}
	}
	return formatList(items, true)
}

func parseShares(v string, vocabs bool) ([]share, error) {
	var out []share
	for _, item := range parseList(v, true) {
		s := share{code: item[0]}
		if vocab, code, ok := strings.Cut(s.code, "/"); ok && vocabs {
			s.vocab, s.code = vocab, code
		}
		if len(item) > 2 {
			return nil, fmt.Errorf("%q: write CODE or CODE:PERCENT", strings.Join(item, ":"))
		}
		if p := part(item, 1); p != "" {
			f, err := parseNumber(p)
			if err != nil {
				return nil, fmt.Errorf("percentage of %s: %v", s.code, err)
			}
			s.pct = &f
		}
		out = append(out, s)
	}
	return out, nil
}

func getCountries(p *proximite.Project) string {
	shares := make([]share, len(p.Countries))
	for i, c := range p.Countries {
		shares[i] = share{code: c.Code, pct: c.Percentage}
	}
	return formatShares(shares)
}

func setCountries(p *proximite.Project, v string) error {
	shares, err := parseShares(v, false)
	if err != nil {
		return err
	}
	p.Countries = nil
	for _, s := range shares {
		p.Countries = append(p.Countries, proximite.CountryShare{Code: strings.ToUpper(s.code), Percentage: s.pct})
	}
	return nil
}

func getRegions(p *proximite.Project) string {
	shares := make([]share, len(p.Regions))
	for i, r := range p.Regions {
		shares[i] = share{vocab: r.Vocabulary, code: r.Code, pct: r.Percentage}
	}
	return formatShares(shares)
}

func setRegions(p *proximite.Project, v string) error {
	shares, err := parseShares(v, true)
	if err != nil {
		return err
	}
	p.Regions = nil
	for _, s := range shares {
		p.Regions = append(p.Regions, proximite.RegionShare{Vocabulary: s.vocab, Code: s.code, Percentage: s.pct})
	}
	return nil
}

func getSectors(p *proximite.Project) string {
	shares := make([]share, len(p.Sectors))
	for i, s := range p.Sectors {
		shares[i] = share{vocab: s.Vocabulary, code: s.Code, pct: s.Percentage}
	}
	return formatShares(shares)
}

// setSectors reads sectors; without a vocabulary a code is a DAC 5-digit
// sector (vocabulary "1"), written out as the IATI import writes it.
func setSectors(p *proximite.Project, v string) error {
	shares, err := parseShares(v, true)
	if err != nil {
		return err
	}
	p.Sectors = nil
	for _, s := range shares {
		if s.vocab == "" {
			s.vocab = "1"
		}
		p.Sectors = append(p.Sectors, proximite.SectorShare{Vocabulary: s.vocab, Code: s.code, Percentage: s.pct})
	}
	return nil
}

// budgetTotal sums the budgets per currency: "15000 CAD;2000 EUR". Budget
// lines of a revised budget (type 2) replace nothing here: the sum is of
// every line, as the registry holds them, for reading only.
func budgetTotal(p *proximite.Project) string {
	sums := map[string]float64{}
	for _, b := range p.Budgets {
		sums[b.Value.Currency] += b.Value.Amount
	}
	currencies := make([]string, 0, len(sums))
	for c := range sums {
		currencies = append(currencies, c)
	}
	sort.Strings(currencies)
	items := make([][]string, len(currencies))
	for i, c := range currencies {
		items[i] = []string{formatNumber(sums[c]) + " " + c}
	}
	return formatList(items, false)
}

func checkBudgetTotal(p *proximite.Project, cell string, _ bool) string {
	if same(cell, budgetTotal(p)) {
		return ""
	}
	return "budget_total is the sum of the budgets, which the CSV does not carry: the edited cell is ignored; change budgets in the registry"
}
