package proximite

import (
	"context"
	"sort"
	"time"
)

// SynergyFilter asks who else works where a record works: the subject is
// an organisation or a partnership, by slug (one of the two).
type SynergyFilter struct {
	Org         string
	Partnership string
	// Limit bounds the organisations returned; zero means
	// DefaultSynergies, and it is capped at MaxSynergies.
	Limit int
}

// Bounds of a synergy search. The store reads a bounded number of
// records for each country, sector and locality, so that the answer
// costs the same in a registry of a hundred projects or of a million.
const (
	DefaultSynergies = 8
	MaxSynergies     = 60
)

// SynergyProfile is what the subject was compared on: the localities
// (country and locality as written), countries and DAC sector categories
// where it works.
type SynergyProfile struct {
	Localities []Locality
	Countries  []string
	Sectors    []string
}

// Locality is a town or village in a country.
type Locality struct {
	Country string `json:"country"`
	Name    string `json:"name"`
}

// Synergy is another organisation active where the subject is, with what
// it shares with it.
type Synergy struct {
	Slug    string  `json:"slug"`
	Name    Text    `json:"name"`
	Kind    OrgKind `json:"kind"`
	Country string  `json:"country,omitempty"`
	// Locality is the subject's locality the organisation is based in.
	Locality *Locality `json:"locality,omitempty"`
	// Countries and Sectors are those of the profile it shares.
	Countries []string `json:"countries,omitempty"`
	Sectors   []string `json:"sectors,omitempty"`
	// Records counts the published records found that share them, and
	// Latest is when the newest of them changed.
	Records int       `json:"records"`
	Latest  time.Time `json:"latest"`
}

// Synergy tiers, best first: a shared locality says more than a shared
// country and sector, which says more than a country alone, which says
// more than a sector alone.
const (
	TierLocality = iota
	TierCountrySector
	TierCountry
	TierSector
	TierNone
)

// Tier returns what kind of closeness the organisation has with the
// subject.
func (s *Synergy) Tier() int {
	switch {
	case s.Locality != nil:
		return TierLocality
	case len(s.Countries) > 0 && len(s.Sectors) > 0:
		return TierCountrySector
	case len(s.Countries) > 0:
		return TierCountry
	case len(s.Sectors) > 0:
		return TierSector
	}
	return TierNone
}

// RankSynergies orders organisations by tier, then by how much they share
// (countries and sectors), then by recent activity, then by the number
// of published records that share them, then by name: a stable order
// that pages and tests can rely on.
func RankSynergies(s []Synergy) {
	sort.SliceStable(s, func(i, j int) bool {
		a, b := &s[i], &s[j]
		if ta, tb := a.Tier(), b.Tier(); ta != tb {
			return ta < tb
		}
		if na, nb := len(a.Countries)+len(a.Sectors), len(b.Countries)+len(b.Sectors); na != nb {
			return na > nb
		}
		if !a.Latest.Equal(b.Latest) {
			return a.Latest.After(b.Latest)
		}
		if a.Records != b.Records {
			return a.Records > b.Records
		}
		if an, bn := Fold(a.Name.String()), Fold(b.Name.String()); an != bn {
			return an < bn
		}
		return a.Slug < b.Slug
	})
}

// SynergyResult is the answer of a synergy search.
type SynergyResult struct {
	Profile SynergyProfile
	Orgs    []Synergy
	// More says that more organisations were found than returned.
	More bool
}

// SynergyService finds who else works where a record works. Only
// published records take part.
type SynergyService interface {
	FindSynergies(ctx context.Context, f SynergyFilter) (*SynergyResult, error)
}
