package proximite

import (
	"slices"
	"sort"
	"strconv"
)

// Matching on the partner board. A post says what partner it wants; a
// candidate (another post with its organisation, or an organisation of
// the registry) fits by what it is. Each criterion the post sets and the
// candidate meets adds to the score and gives a reason; a criterion the
// post sets and the candidate plainly fails (a known kind, country or
// population outside what is asked) rules the candidate out, since a
// town of 200,000 asked for "villages of 500 to 5,000" is no suggestion.
// An unknown fact neither counts nor rules out: the registry is
// incomplete, and a human reads the reasons.

// MatchReason is why a candidate fits, as a code the pages translate and the
// value that matched (a sector, a country, a kind, a language, a
// population).
type MatchReason struct {
	Code  string `json:"code"`
	Value string `json:"value"`
}

// The reasons of a match. Those ending in "_both" mean the fit holds in
// both directions: each post wants what the other is.
const (
	ReasonSector     = "sector"
	ReasonCountry    = "country"
	ReasonKind       = "kind"
	ReasonLanguage   = "language"
	ReasonPopulation = "population"
	// ReasonWantsUs says the other post wants an organisation like the
	// one that posts this one (its kind or country).
	ReasonWantsUs = "wants_us"
)

// PartnerCandidate is what the board knows of a possible partner: its
// organisation, and when it posted, its post.
type PartnerCandidate struct {
	Org  *Organisation
	Post *PartnerPost
	// Sectors are the DAC categories it works in: those of its post, or
	// of its projects in the registry.
	Sectors []string
}

// PartnerMatch is a ranked suggestion.
type PartnerMatch struct {
	PartnerCandidate
	Score   int
	Reasons []MatchReason
}

// Scores of each fit: the sector is what a partnership is about, place
// and kind come next, language and size last.
const (
	scoreSector     = 4
	scoreCountry    = 3
	scoreKind       = 3
	scoreLanguage   = 1
	scorePopulation = 1
	scoreWantsUs    = 2
)

// MatchPost ranks the candidates that fit post p, whose own organisation
// is self (it may be nil when unknown): best first, then by name for a
// stable order. Candidates of p's own organisation, closed posts and
// posts of the same kind are left out; at most limit are returned.
func MatchPost(p *PartnerPost, self *Organisation, cands []PartnerCandidate, limit int) []PartnerMatch {
	var out []PartnerMatch
	for _, c := range cands {
		if c.Org == nil || c.Org.Slug == p.Org {
			continue
		}
		if c.Post != nil && (c.Post.Kind == p.Kind || c.Post.Closed) {
			continue
		}
		m, ok := fit(p, c)
		if !ok {
			continue
		}
		if c.Post != nil && self != nil {
			// The other post's criteria judge us in turn: a post that
			// rules our organisation out is no match either.
			back, ok := fit(c.Post, PartnerCandidate{Org: self, Sectors: p.Sectors})
			if !ok {
				continue
			}
			for _, r := range back.Reasons {
				if r.Code == ReasonKind || r.Code == ReasonCountry {
					m.Score += scoreWantsUs
					m.Reasons = append(m.Reasons, MatchReason{Code: ReasonWantsUs, Value: r.Value})
				}
			}
		}
		if m.Score > 0 {
			out = append(out, m)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].Org.Name.String() < out[j].Org.Name.String()
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// fit scores one candidate against what p asks, and reports false when
// the candidate plainly fails a criterion p sets.
func fit(p *PartnerPost, c PartnerCandidate) (PartnerMatch, bool) {
	m := PartnerMatch{PartnerCandidate: c}
	o := c.Org
	for _, s := range p.Sectors {
		if slices.Contains(c.Sectors, s) {
			m.Score += scoreSector
			m.Reasons = append(m.Reasons, MatchReason{Code: ReasonSector, Value: s})
		}
	}
	if len(p.Countries) > 0 && o.Country != "" {
		if !slices.Contains(p.Countries, o.Country) {
			return m, false
		}
		m.Score += scoreCountry
		m.Reasons = append(m.Reasons, MatchReason{Code: ReasonCountry, Value: o.Country})
	}
	if len(p.PartnerKinds) > 0 {
		if !slices.Contains(p.PartnerKinds, o.Kind) {
			return m, false
		}
		m.Score += scoreKind
		m.Reasons = append(m.Reasons, MatchReason{Code: ReasonKind, Value: string(o.Kind)})
	}
	if c.Post != nil {
		for _, l := range p.Languages {
			if slices.Contains(c.Post.Languages, l) {
				m.Score += scoreLanguage
				m.Reasons = append(m.Reasons, MatchReason{Code: ReasonLanguage, Value: l})
			}
		}
	}
	if (p.PopMin > 0 || p.PopMax > 0) && o.Population > 0 {
		if o.Population < p.PopMin || (p.PopMax > 0 && o.Population > p.PopMax) {
			return m, false
		}
		m.Score += scorePopulation
		m.Reasons = append(m.Reasons, MatchReason{Code: ReasonPopulation, Value: strconv.Itoa(o.Population)})
	}
	return m, true
}
