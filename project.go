package proximite

import (
	"context"
	"fmt"
	"math"
	"regexp"
)

// Project is an action shaped like an IATI activity, plus what IATI lacks
// for proximity cooperation: the partnership it belongs to, in-kind
// contributions and the funding programme.
type Project struct {
	Meta
	// IATIIdentifier is the activity identifier, prefixed by the reporting
	// organisation's reference when the project is published in IATI.
	IATIIdentifier string `json:"iati_identifier,omitempty"`
	Title          Text   `json:"title"`
	Description    Text   `json:"description,omitempty"`
	Objectives     Text   `json:"objectives,omitempty"`
	// Status is an IATI ActivityStatus code ("2" implementation, "3"
	// finalisation, "4" closed…).
	Status       string         `json:"status,omitempty"`
	PlannedStart Date           `json:"planned_start,omitempty"`
	ActualStart  Date           `json:"actual_start,omitempty"`
	PlannedEnd   Date           `json:"planned_end,omitempty"`
	ActualEnd    Date           `json:"actual_end,omitempty"`
	Participants []Participant  `json:"participants,omitempty"`
	Sectors      []SectorShare  `json:"sectors,omitempty"`
	Countries    []CountryShare `json:"countries,omitempty"`
	Regions      []RegionShare  `json:"regions,omitempty"`
	Locations    []Location     `json:"locations,omitempty"`
	Budgets      []Budget       `json:"budgets,omitempty"`
	Transactions []Transaction  `json:"transactions,omitempty"`
	Results      []Result       `json:"results,omitempty"`
	Documents    []Document     `json:"documents,omitempty"`
	InKind       []InKind       `json:"in_kind,omitempty"`
	Partnership  string         `json:"partnership,omitempty"` // slug
	Programme    string         `json:"programme,omitempty"`   // slug
}

// Start returns the actual start date, or else the planned one.
func (p *Project) Start() Date {
	if p.ActualStart != "" {
		return p.ActualStart
	}
	return p.PlannedStart
}

// End returns the actual end date, or else the planned one.
func (p *Project) End() Date {
	if p.ActualEnd != "" {
		return p.ActualEnd
	}
	return p.PlannedEnd
}

// Participant is an organisation taking part in a project with an IATI
// OrganisationRole: "1" funding, "2" accountable, "3" extending, "4"
// implementing. Org is set when the organisation is in the registry;
// otherwise Name (and Ref when known) describe it.
type Participant struct {
	Org  string `json:"org,omitempty"`
	Name Text   `json:"name,omitempty"`
	Ref  string `json:"ref,omitempty"`
	Role string `json:"role"`
	// OrgName and OrgKind are filled on read for organisations in the
	// registry.
	OrgName Text    `json:"org_name,omitempty"`
	OrgKind OrgKind `json:"org_kind,omitempty"`
}

// SectorShare is a sector with its vocabulary ("1" DAC 5-digit, "2" DAC
// 3-digit, "7" SDG goal, "8" SDG target…) and an optional percentage.
type SectorShare struct {
	Vocabulary string   `json:"vocabulary,omitempty"` // empty means "1"
	Code       string   `json:"code"`
	Percentage *float64 `json:"percentage,omitempty"`
}

// Vocab returns the sector vocabulary, "1" (DAC 5-digit) by default.
func (s SectorShare) Vocab() string {
	if s.Vocabulary == "" {
		return "1"
	}
	return s.Vocabulary
}

// CountryShare is a recipient country with an optional percentage.
type CountryShare struct {
	Code       string   `json:"code"`
	Percentage *float64 `json:"percentage,omitempty"`
}

// RegionShare is a recipient region (IATI Region, OECD DAC vocabulary by
// default) with an optional percentage.
type RegionShare struct {
	Code       string   `json:"code"`
	Vocabulary string   `json:"vocabulary,omitempty"`
	Percentage *float64 `json:"percentage,omitempty"`
}

// Location is a named place where the project works.
type Location struct {
	Name        Text   `json:"name"`
	Description Text   `json:"description,omitempty"`
	Country     string `json:"country,omitempty"`
	Point       *Point `json:"point,omitempty"`
}

// Money is an amount in a currency at a value date.
type Money struct {
	Amount    float64 `json:"amount"`
	Currency  string  `json:"currency"`
	ValueDate Date    `json:"value_date,omitempty"`
}

// Budget is a planned amount for a period (IATI BudgetType "1" original,
// "2" revised).
type Budget struct {
	Type        string `json:"type,omitempty"`
	PeriodStart Date   `json:"period_start"`
	PeriodEnd   Date   `json:"period_end"`
	Value       Money  `json:"value"`
}

// Transaction is money that moved (IATI TransactionType: "1" incoming
// funds, "2" commitment, "3" disbursement, "4" expenditure, "11" incoming
// commitment…), with who provided it and who received it.
type Transaction struct {
	Type        string       `json:"type"`
	Date        Date         `json:"date"`
	Value       Money        `json:"value"`
	Description Text         `json:"description,omitempty"`
	Provider    *Participant `json:"provider,omitempty"`
	Receiver    *Participant `json:"receiver,omitempty"`
}

// Result is an output, outcome or impact (IATI ResultType "1", "2", "3",
// "9" other) with its indicators.
type Result struct {
	Type        string      `json:"type"`
	Title       Text        `json:"title"`
	Description Text        `json:"description,omitempty"`
	Indicators  []Indicator `json:"indicators,omitempty"`
}

// Indicator measures a result. Values are kept as written ("500
// inhabitants", "3") because small projects report in words as often as
// in numbers.
type Indicator struct {
	Title    Text   `json:"title"`
	Measure  string `json:"measure,omitempty"` // IATI IndicatorMeasure: "1" unit, "2" percentage, "5" qualitative…
	Baseline string `json:"baseline,omitempty"`
	Target   string `json:"target,omitempty"`
	Actual   string `json:"actual,omitempty"`
	Year     int    `json:"year,omitempty"`
}

// Document is a link to a document about the project.
type Document struct {
	URL      string `json:"url"`
	Title    Text   `json:"title"`
	Format   string `json:"format,omitempty"`   // MIME type
	Category string `json:"category,omitempty"` // IATI DocumentCategory
	Language string `json:"language,omitempty"`
	Date     Date   `json:"date,omitempty"`
}

// InKind is a contribution that is not money: volunteer or expert days,
// goods, premises — the municipal staff time the FCM asks of towns.
type InKind struct {
	Org         string  `json:"org,omitempty"` // slug of the contributing organisation
	Kind        string  `json:"kind"`          // volunteer_days, expert_days, goods, premises, other
	Days        float64 `json:"days,omitempty"`
	People      int     `json:"people,omitempty"`
	Description Text    `json:"description,omitempty"`
	Value       *Money  `json:"value,omitempty"`
}

var inKindKinds = map[string]bool{"volunteer_days": true, "expert_days": true, "goods": true, "premises": true, "other": true}

var iatiIdentifierRE = regexp.MustCompile(`^[^\s/&|?]+$`)

// Validate checks the project and returns field errors. Sector
// percentages must add up to 100 within each vocabulary, and country and
// region percentages together, as the IATI Standard requires.
func (p *Project) Validate() error {
	var errs ValidationErrors
	p.Meta.validate(&errs)
	if p.Title.IsZero() {
		errs.Add("title", "is required")
	}
	p.Title.validate("title", &errs)
	p.Description.validate("description", &errs)
	if p.IATIIdentifier != "" && !iatiIdentifierRE.MatchString(p.IATIIdentifier) {
		errs.Add("iati_identifier", "must not contain spaces or the characters / & | ?")
	}
	checkCode(&errs, "status", p.Status, activityStatusValid)
	for name, d := range map[string]Date{"planned_start": p.PlannedStart, "actual_start": p.ActualStart,
		"planned_end": p.PlannedEnd, "actual_end": p.ActualEnd} {
		if !d.Valid() {
			errs.Add(name, "must be a date like 1995 or 1995-03-01")
		}
	}
	if s, e := p.Start(), p.End(); s != "" && e != "" && s.Valid() && e.Valid() && e < s {
		errs.Add("planned_end", "the end comes before the start")
	}
	for i, pt := range p.Participants {
		pt.validate(fmt.Sprintf("participants[%d]", i), true, &errs)
	}
	p.validateSectors(&errs)
	p.validateGeography(&errs)
	for i, b := range p.Budgets {
		f := fmt.Sprintf("budgets[%d]", i)
		if !b.PeriodStart.Valid() || b.PeriodStart == "" {
			errs.Add(f+".period_start", "is required, as a date")
		}
		if !b.PeriodEnd.Valid() || b.PeriodEnd == "" {
			errs.Add(f+".period_end", "is required, as a date")
		} else if b.PeriodEnd < b.PeriodStart {
			errs.Add(f+".period_end", "is before the start of the period")
		}
		b.Value.validate(f+".value", &errs)
	}
	for i, t := range p.Transactions {
		f := fmt.Sprintf("transactions[%d]", i)
		checkCode(&errs, f+".type", t.Type, transactionTypeValid)
		if t.Type == "" {
			errs.Add(f+".type", "is required")
		}
		if t.Date == "" || !t.Date.Valid() {
			errs.Add(f+".date", "is required, as a date")
		}
		t.Value.validate(f+".value", &errs)
		if t.Provider != nil {
			t.Provider.validate(f+".provider", false, &errs)
		}
		if t.Receiver != nil {
			t.Receiver.validate(f+".receiver", false, &errs)
		}
	}
	for i, r := range p.Results {
		f := fmt.Sprintf("results[%d]", i)
		checkCode(&errs, f+".type", r.Type, resultTypeValid)
		if r.Title.IsZero() {
			errs.Add(f+".title", "is required")
		}
		for j, in := range r.Indicators {
			if in.Title.IsZero() {
				errs.Add(fmt.Sprintf("%s.indicators[%d].title", f, j), "is required")
			}
		}
	}
	for i, d := range p.Documents {
		f := fmt.Sprintf("documents[%d]", i)
		if d.URL == "" {
			errs.Add(f+".url", "is required")
		}
		if !d.Date.Valid() {
			errs.Add(f+".date", "must be a date")
		}
	}
	for i, k := range p.InKind {
		f := fmt.Sprintf("in_kind[%d]", i)
		if !inKindKinds[k.Kind] {
			errs.Add(f+".kind", "must be volunteer_days, expert_days, goods, premises or other, got %q", k.Kind)
		}
		if k.Days < 0 || k.People < 0 {
			errs.Add(f+".days", "cannot be negative")
		}
		if k.Value != nil {
			k.Value.validate(f+".value", &errs)
		}
	}
	return errs.Err()
}

func (pt Participant) validate(f string, needRole bool, errs *ValidationErrors) {
	if pt.Org == "" && pt.Name.IsZero() && pt.Ref == "" {
		errs.Add(f+".org", "name an organisation of the registry, or give a name")
	}
	if needRole && pt.Role == "" {
		errs.Add(f+".role", "is required (1 funding, 2 accountable, 3 extending, 4 implementing)")
	}
	checkCode(errs, f+".role", pt.Role, organisationRoleValid)
}

func (m Money) validate(f string, errs *ValidationErrors) {
	if math.IsNaN(m.Amount) || math.IsInf(m.Amount, 0) {
		errs.Add(f+".amount", "must be a number")
	}
	if m.Currency == "" {
		errs.Add(f+".currency", "is required")
	} else if !validCurrency(m.Currency) {
		errs.Add(f+".currency", "unknown currency %q", m.Currency)
	}
	if !m.ValueDate.Valid() {
		errs.Add(f+".value_date", "must be a date")
	}
}

func (p *Project) validateSectors(errs *ValidationErrors) {
	sums := map[string]float64{}
	withPct := map[string]bool{}
	for i, s := range p.Sectors {
		f := fmt.Sprintf("sectors[%d]", i)
		if !sectorValid(s.Vocab(), s.Code) {
			errs.Add(f+".code", "unknown sector %q in vocabulary %s", s.Code, s.Vocab())
		}
		if s.Percentage != nil {
			if *s.Percentage < 0 || *s.Percentage > 100 {
				errs.Add(f+".percentage", "must be between 0 and 100")
			}
			sums[s.Vocab()] += *s.Percentage
			withPct[s.Vocab()] = true
		}
	}
	for v, sum := range sums {
		if withPct[v] && math.Abs(sum-100) > 0.01 {
			errs.Add("sectors", "percentages in vocabulary %s add up to %g, not 100", v, sum)
		}
	}
}

func (p *Project) validateGeography(errs *ValidationErrors) {
	var sum float64
	any := false
	for i, c := range p.Countries {
		if !validCountry(c.Code) {
			errs.Add(fmt.Sprintf("countries[%d].code", i), "unknown country code %q", c.Code)
		}
		if c.Percentage != nil {
			sum += *c.Percentage
			any = true
		}
	}
	for i, r := range p.Regions {
		if !regionValid(r.Code) {
			errs.Add(fmt.Sprintf("regions[%d].code", i), "unknown region code %q", r.Code)
		}
		if r.Percentage != nil {
			sum += *r.Percentage
			any = true
		}
	}
	if any && math.Abs(sum-100) > 0.01 {
		errs.Add("countries", "country and region percentages add up to %g, not 100", sum)
	}
	for i, l := range p.Locations {
		f := fmt.Sprintf("locations[%d]", i)
		if l.Name.IsZero() {
			errs.Add(f+".name", "is required")
		}
		if l.Country != "" && !validCountry(l.Country) {
			errs.Add(f+".country", "unknown country code %q", l.Country)
		}
		l.Point.validate(f+".point", errs)
	}
}

// checkCode adds an error when a non-empty code fails its list.
func checkCode(errs *ValidationErrors, field, code string, valid func(string) bool) {
	if code != "" && !valid(code) {
		errs.Add(field, "unknown code %q", code)
	}
}

// ProjectService reads and writes projects.
type ProjectService interface {
	FindProject(ctx context.Context, idOrSlug string) (*Project, error)
	CreateProject(ctx context.Context, p *Project) error
	UpdateProject(ctx context.Context, p *Project) error
	DeleteProject(ctx context.Context, id int64) error
}
