package iati

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"strconv"
	"strings"

	"github.com/proximite/proximite"
)

// normalise makes safe corrections so that an activity whose file is
// slightly inconsistent still fits the registry's rules, and says what it
// changed through warn:
//   - percentages that add up to within half a point of 100 (33.33 × 3)
//     are scaled to add up to 100;
//   - percentages that do not add up (some missing, or a total of 80 or
//     120) are dropped, and the sectors, countries and regions kept;
//   - a planned end before the actual start is dropped: the plan was
//     overtaken, and the actual dates are the facts.
func normalise(p *proximite.Project, warn func(string, ...any)) {
	byVocab := map[string][]*float64{}
	var vocabs []string
	for i := range p.Sectors {
		v := p.Sectors[i].Vocab()
		if _, ok := byVocab[v]; !ok {
			vocabs = append(vocabs, v)
		}
		byVocab[v] = append(byVocab[v], p.Sectors[i].Percentage)
	}
	for _, v := range vocabs {
		if !fixShares(byVocab[v]) {
			warn("sector percentages in vocabulary %s add up to %s, not 100: the sectors are kept without percentages",
				v, shareTotal(byVocab[v]))
			for i := range p.Sectors {
				if p.Sectors[i].Vocab() == v {
					p.Sectors[i].Percentage = nil
				}
			}
		}
	}
	var geo []*float64
	for i := range p.Countries {
		geo = append(geo, p.Countries[i].Percentage)
	}
	for i := range p.Regions {
		geo = append(geo, p.Regions[i].Percentage)
	}
	if !fixShares(geo) {
		warn("country and region percentages add up to %s, not 100: the countries and regions are kept without percentages",
			shareTotal(geo))
		for i := range p.Countries {
			p.Countries[i].Percentage = nil
		}
		for i := range p.Regions {
			p.Regions[i].Percentage = nil
		}
	}
	if p.ActualStart != "" && p.ActualEnd == "" && p.PlannedEnd != "" && p.PlannedEnd < p.ActualStart {
		warn("the planned end %s comes before the actual start %s: the planned end is left out", p.PlannedEnd, p.ActualStart)
		p.PlannedEnd = ""
	}
}

// fixShares checks a group of percentages that must add up to 100 when
// any is given. It scales them in place when they are off by a rounding
// error, and returns false when they cannot be kept.
func fixShares(pcts []*float64) bool {
	var sum float64
	given := 0
	for _, p := range pcts {
		if p != nil {
			if *p < 0 || *p > 100 {
				return false
			}
			sum += *p
			given++
		}
	}
	switch {
	case given == 0 || (given == len(pcts) && math.Abs(sum-100) <= 0.01):
		return true
	case given < len(pcts) || math.Abs(sum-100) > 0.5 || sum == 0:
		return false
	}
	for _, p := range pcts {
		*p = math.Round(*p*100/sum*1e6) / 1e6
	}
	return true
}

// shareTotal writes the sum of the given percentages for a warning, or says
// that some are missing.
func shareTotal(pcts []*float64) string {
	var sum float64
	missing := 0
	for _, p := range pcts {
		if p == nil {
			missing++
		} else {
			sum += *p
		}
	}
	s := strings.TrimRight(strings.TrimRight(strconv.FormatFloat(sum, 'f', 2, 64), "0"), ".")
	if missing > 0 {
		s += " with " + strconv.Itoa(missing) + " missing"
	}
	return s
}

// ProjectSlug returns the slug of the project imported from an IATI
// identifier: the identifier itself made URL-safe, so that the same
// identifier always gives the same slug. Identifiers that are too long,
// or that lose everything to slugging, get a short hash of the identifier
// instead of their tail; the importer takes the hashed form too when the
// plain one belongs to another project.
func ProjectSlug(identifier string) string {
	s := proximite.Slugify(identifier)
	if s == "" || len(s) > maxSlug {
		return hashedSlug(s, identifier)
	}
	return s
}

// maxSlug is the longest slug the domain accepts.
const maxSlug = 120

// hashedSlug returns base cut to leave room for "-" and 10 hex digits of
// the hash of key.
func hashedSlug(base, key string) string {
	sum := sha256.Sum256([]byte(key))
	h := hex.EncodeToString(sum[:5])
	if len(base) > maxSlug-11 {
		base = strings.TrimRight(base[:maxSlug-11], "-")
	}
	if base == "" {
		return "iati-" + h
	}
	return base + "-" + h
}
