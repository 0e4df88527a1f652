package proximite

import (
	"context"
	"fmt"
)

// Envelope is the money a programme had for a period, as published.
type Envelope struct {
	// Period is a year ("2006") or a fiscal year ("2006-2007").
	Period string `json:"period"`
	Value  Money  `json:"value"`
	Note   Text   `json:"note,omitempty"`
}

// Programme is a funding channel: the FCM's municipal partnerships, the
// partnership programmes of the federal agency, the Québec ministry's
// four programmes.
type Programme struct {
	Meta
	Name        Text   `json:"name"`
	Funder      string `json:"funder"` // slug
	Description Text   `json:"description,omitempty"`
	// Covers lists what the programme pays for: transport, lodging,
	// per_diem, project_costs, salaries, awareness, education, other.
	Covers []string `json:"covers,omitempty"`
	// Eligible lists the kinds of organisation that may apply, and
	// Eligibility says the rest in words.
	Eligible    []OrgKind `json:"eligible,omitempty"`
	Eligibility Text      `json:"eligibility,omitempty"`
	Countries   []string  `json:"countries,omitempty"`
	Sectors     []string  `json:"sectors,omitempty"` // DAC 3- or 5-digit codes
	// Duration is the typical length in words ("2 to 3 years, renewable");
	// DurationMonthsMin/Max make it searchable.
	Duration          Text       `json:"duration,omitempty"`
	DurationMonthsMin int        `json:"duration_months_min,omitempty"`
	DurationMonthsMax int        `json:"duration_months_max,omitempty"`
	Start             Date       `json:"start,omitempty"`
	End               Date       `json:"end,omitempty"`
	Envelopes         []Envelope `json:"envelopes,omitempty"`
	Website           string     `json:"website,omitempty"`
	// FunderName is filled on read.
	FunderName Text `json:"funder_name,omitempty"`
}

var programmeCovers = map[string]bool{"transport": true, "lodging": true, "per_diem": true, "project_costs": true,
	"salaries": true, "awareness": true, "education": true, "internships": true, "other": true}

// Validate checks the programme and returns field errors.
func (p *Programme) Validate() error {
	var errs ValidationErrors
	p.Meta.validate(&errs)
	if p.Name.IsZero() {
		errs.Add("name", "is required")
	}
	if p.Funder == "" {
		errs.Add("funder", "is required")
	}
	for i, c := range p.Covers {
		if !programmeCovers[c] {
			errs.Add(fmt.Sprintf("covers[%d]", i), "unknown item %q", c)
		}
	}
	for i, k := range p.Eligible {
		if !k.Valid() {
			errs.Add(fmt.Sprintf("eligible[%d]", i), "unknown kind of organisation %q", k)
		}
	}
	for i, c := range p.Countries {
		if !validCountry(c) {
			errs.Add(fmt.Sprintf("countries[%d]", i), "unknown country code %q", c)
		}
	}
	for i, s := range p.Sectors {
		if !sectorValid("1", s) && !sectorValid("2", s) {
			errs.Add(fmt.Sprintf("sectors[%d]", i), "unknown DAC sector %q", s)
		}
	}
	if p.DurationMonthsMax != 0 && p.DurationMonthsMax < p.DurationMonthsMin {
		errs.Add("duration_months_max", "is less than the minimum")
	}
	if !p.Start.Valid() {
		errs.Add("start", "must be a date")
	}
	if !p.End.Valid() {
		errs.Add("end", "must be a date")
	}
	for i, e := range p.Envelopes {
		f := fmt.Sprintf("envelopes[%d]", i)
		if e.Period == "" {
			errs.Add(f+".period", "is required")
		}
		e.Value.validate(f+".value", &errs)
	}
	return errs.Err()
}

// ProgrammeService reads and writes funding programmes.
type ProgrammeService interface {
	FindProgramme(ctx context.Context, idOrSlug string) (*Programme, error)
	CreateProgramme(ctx context.Context, p *Programme) error
	UpdateProgramme(ctx context.Context, p *Programme) error
	DeleteProgramme(ctx context.Context, id int64) error
}
