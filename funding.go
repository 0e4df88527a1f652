package proximite

import (
	"context"
	"slices"
	"sort"
	"strings"
)

// FundingQuery describes what seeks funding: the kinds of organisation
// that could apply, the countries where the work happens and its DAC
// sectors (5-digit codes or 3-digit categories). An empty list is a
// question not asked, which neither fits nor misses.
type FundingQuery struct {
	Kinds     []OrgKind
	Countries []string
	Sectors   []string
}

// IsZero reports whether the query asks nothing.
func (q FundingQuery) IsZero() bool {
	return len(q.Kinds) == 0 && len(q.Countries) == 0 && len(q.Sectors) == 0
}

// FundingCriterion names one condition of a programme's eligibility.
type FundingCriterion string

// The criteria a programme is matched on, in the order pages show them.
const (
	CritApplicant FundingCriterion = "applicant"
	CritCountry   FundingCriterion = "country"
	CritSector    FundingCriterion = "sector"
)

// CriterionFit says how a programme answers one criterion of a query.
type CriterionFit struct {
	Criterion FundingCriterion
	Fits      bool
	// Any says that the programme sets no condition on it, which fits.
	Any bool
	// Matched lists the query's values that fit; Wanted lists what the
	// programme asks for, shown when nothing fits.
	Matched []string
	Wanted  []string
}

// ProgrammeFit is a programme with how it fits a query.
type ProgrammeFit struct {
	Programme *Programme
	Criteria  []CriterionFit
	// Closed says that the programme ended before today.
	Closed bool
}

// Fits counts the criteria that fit, and Specific those that fit because
// the programme names the value, not because it is open to all.
func (f *ProgrammeFit) Fits() (fits, specific int) {
	for _, c := range f.Criteria {
		if c.Fits {
			fits++
			if !c.Any {
				specific++
			}
		}
	}
	return fits, specific
}

// Misses counts the criteria that do not fit.
func (f *ProgrammeFit) Misses() int {
	return len(f.Criteria) - func() int { n, _ := f.Fits(); return n }()
}

// SectorsMatch reports whether two DAC codes meet: equal, or one a
// 3-digit category and the other a 5-digit sector under it ("121" and
// "12110"), so that a programme for health fits a project in basic
// health care and a search for health finds a programme for one of its
// sectors.
func SectorsMatch(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) == 3 && len(b) == 5 && strings.HasPrefix(b, a)
}

// MatchProgramme says how a programme fits a query on each criterion the
// query asks about. today decides whether the programme has closed.
func MatchProgramme(p *Programme, q FundingQuery, today Date) ProgrammeFit {
	out := ProgrammeFit{Programme: p, Closed: p.End != "" && fundingEnd(p.End) < today}
	if len(q.Kinds) > 0 {
		wanted := make([]string, len(p.Eligible))
		for i, k := range p.Eligible {
			wanted[i] = string(k)
		}
		kinds := make([]string, len(q.Kinds))
		for i, k := range q.Kinds {
			kinds[i] = string(k)
		}
		out.Criteria = append(out.Criteria, fundingFit(CritApplicant, kinds, wanted, func(a, b string) bool { return a == b }))
	}
	if len(q.Countries) > 0 {
		out.Criteria = append(out.Criteria, fundingFit(CritCountry, q.Countries, p.Countries, func(a, b string) bool { return a == b }))
	}
	if len(q.Sectors) > 0 {
		out.Criteria = append(out.Criteria, fundingFit(CritSector, q.Sectors, p.Sectors, SectorsMatch))
	}
	return out
}

// fundingFit matches the values asked against the values a programme accepts;
// a programme that names none accepts any.
func fundingFit(c FundingCriterion, asked, accepted []string, match func(a, b string) bool) CriterionFit {
	if len(accepted) == 0 {
		return CriterionFit{Criterion: c, Fits: true, Any: true}
	}
	f := CriterionFit{Criterion: c}
	for _, a := range asked {
		if slices.ContainsFunc(accepted, func(b string) bool { return match(a, b) }) && !slices.Contains(f.Matched, a) {
			f.Matched = append(f.Matched, a)
		}
	}
	f.Fits = len(f.Matched) > 0
	if !f.Fits {
		f.Wanted = accepted
	}
	return f
}

// fundingEnd turns a partial end date into the last day it covers, so that a
// programme that ends in "2010" is open all of 2010.
func fundingEnd(d Date) Date {
	switch len(d) {
	case 4:
		return d + "-12-31"
	case 7:
		return d + "-31"
	}
	return d
}

// FindFunding matches programmes against a query and ranks them: most
// criteria fitting first, then most fitting by name rather than by being
// open to all, then fewest misses, then by name. Programmes that closed
// before today come apart, in the same order.
func FindFunding(programmes []*Programme, q FundingQuery, today Date) (open, closed []ProgrammeFit) {
	for _, p := range programmes {
		f := MatchProgramme(p, q, today)
		if f.Closed {
			closed = append(closed, f)
		} else {
			open = append(open, f)
		}
	}
	rankFundingFits(open)
	rankFundingFits(closed)
	return open, closed
}

func rankFundingFits(fs []ProgrammeFit) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := &fs[i], &fs[j]
		fa, sa := a.Fits()
		fb, sb := b.Fits()
		if fa != fb {
			return fa > fb
		}
		if sa != sb {
			return sa > sb
		}
		if ma, mb := a.Misses(), b.Misses(); ma != mb {
			return ma < mb
		}
		if na, nb := Fold(a.Programme.Name.String()), Fold(b.Programme.Name.String()); na != nb {
			return na < nb
		}
		return a.Programme.Slug < b.Programme.Slug
	})
}

// FundingQueryOf is what a project asks of a funder: the kinds of its
// participating organisations, its countries and its DAC sectors. Those
// that fund it count too: a town that pays for its twin's wells is the
// one that applies to the FCM.
func FundingQueryOf(p *Project) FundingQuery {
	var q FundingQuery
	for _, pt := range p.Participants {
		if pt.OrgKind != "" && !slices.Contains(q.Kinds, pt.OrgKind) {
			q.Kinds = append(q.Kinds, pt.OrgKind)
		}
	}
	add := func(list *[]string, v string) {
		if v != "" && !slices.Contains(*list, v) {
			*list = append(*list, v)
		}
	}
	for _, c := range p.Countries {
		add(&q.Countries, c.Code)
	}
	for _, l := range p.Locations {
		add(&q.Countries, l.Country)
	}
	for _, s := range p.Sectors {
		if v := s.Vocab(); v == "1" || v == "2" {
			add(&q.Sectors, s.Code)
		}
	}
	return q
}

// FundingService lists the published programmes that funding searches
// match against, at most MaxFundingProgrammes of them, most recently
// changed first.
type FundingService interface {
	FundingProgrammes(ctx context.Context) ([]*Programme, error)
}

// MaxFundingProgrammes bounds the programmes a funding search weighs: a
// registry holds dozens, and a page must not grow with a mistake.
const MaxFundingProgrammes = 500
