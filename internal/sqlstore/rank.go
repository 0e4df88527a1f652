package sqlstore

import (
	"database/sql"
	"encoding/json"
	"slices"
	"sort"
	"strings"

	"github.com/proximite/proximite"
)

// The candidates of a search, once gathered (search.go), are ranked,
// paged and tallied here, in memory: at most proximite.MaxMatches of
// them, so this work does not grow with the registry.

// candidate is a record that matched a search, as the search reads it.
type candidate struct {
	id        int64
	typ       string
	slug      string
	title     string // JSON
	sortTitle string
	names     string // folded titles, one per line
	year      int
	facets    []byte
	updated   int64
	score     int
}

func scanCandidates(rows *sql.Rows) ([]candidate, error) {
	defer rows.Close()
	var out []candidate
	for rows.Next() {
		var c candidate
		if err := rows.Scan(&c.id, &c.typ, &c.slug, &c.title, &c.sortTitle, &c.names, &c.year, &c.facets, &c.updated); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

func (c *candidate) hit() proximite.Hit {
	h := proximite.Hit{Type: proximite.RecordType(c.typ), ID: c.id, Slug: c.slug, Year: c.year,
		Updated: fromMicros(c.updated)}
	json.Unmarshal([]byte(c.title), &h.Title)
	return h
}

// pageOf ranks the candidates in the requested order and returns the page
// asked for, with the facet counts of all of them.
func pageOf(cands []candidate, words []string, f proximite.SearchFilter, bound int) *proximite.SearchResult {
	res := &proximite.SearchResult{Hits: []proximite.Hit{}}
	if len(cands) > bound {
		// The candidates are the newest matches; the one beyond the bound
		// only says that there are more.
		sort.Slice(cands, func(i, j int) bool { return cands[i].id > cands[j].id })
		cands, res.Capped = cands[:bound], true
	}
	res.Total = len(cands)
	if f.WithFacets {
		res.Facets = tally(cands)
	}
	sortBy := f.Sort
	if sortBy == "" || sortBy == proximite.SortRelevance {
		if len(words) == 0 {
			sortBy = proximite.SortRecent
		} else {
			sortBy = proximite.SortRelevance
			for i := range cands {
				cands[i].score = relevance(&cands[i], words)
			}
		}
	}
	sort.Slice(cands, func(i, j int) bool {
		a, b := &cands[i], &cands[j]
		switch sortBy {
		case proximite.SortRelevance:
			if a.score != b.score {
				return a.score > b.score
			}
		case proximite.SortTitle:
			if a.sortTitle != b.sortTitle {
				return a.sortTitle < b.sortTitle
			}
			return a.id < b.id
		case proximite.SortYear:
			if a.year != b.year {
				return a.year > b.year
			}
			if a.sortTitle != b.sortTitle {
				return a.sortTitle < b.sortTitle
			}
			return a.id < b.id
		}
		if a.updated != b.updated {
			return a.updated > b.updated
		}
		return a.id > b.id
	})
	limit, offset := pageBounds(f)
	for i := offset; i < len(cands) && i < offset+limit; i++ {
		res.Hits = append(res.Hits, cands[i].hit())
	}
	return res
}

// relevance scores how well a record's title answers the query's words:
// the text index said that the record holds them all somewhere, the title
// says whether it is what the visitor named. A title that is the query
// ranks first, then one that starts with it, then titles holding more of
// the words; names of organisations and partnerships come before projects
// that mention them.
func relevance(c *candidate, words []string) int {
	best := 0
	for _, t := range strings.Split(strings.TrimSuffix(c.names, "\n"), "\n") {
		tw := cutWords(t)
		score := 0
		for i, w := range words {
			for _, x := range tw {
				if x == w || (i == len(words)-1 && strings.HasPrefix(x, w)) {
					score += 4
					break
				}
			}
		}
		if score == 4*len(words) {
			score += 4
			if len(tw) >= len(words) && slices.Equal(tw[:len(words)], words) {
				score += 8
				if len(tw) == len(words) {
					score += 16
				}
			}
		}
		best = max(best, score)
	}
	if best > 0 && (c.typ == string(proximite.TypeOrganisation) || c.typ == string(proximite.TypePartnership)) {
		best += 2
	}
	return best
}

// tally counts the facet values of the candidates, from their "facets"
// column: one short column per candidate counted in memory is faster on
// both databases than one GROUP BY per facet.
func tally(cands []candidate) map[string][]proximite.FacetCount {
	// Keyed by the "facet=value" line itself: looking up string(line)
	// does not allocate, so a thousand candidates cost a few dozen
	// allocations, one per distinct value.
	counts := map[string]*int{}
	for _, c := range cands {
		s := c.facets
		for len(s) > 0 {
			line := s
			if i := indexByte(s, '\n'); i >= 0 {
				line, s = s[:i], s[i+1:]
			} else {
				s = nil
			}
			if n := counts[string(line)]; n != nil {
				*n++
			} else if indexByte(line, '=') > 0 {
				one := 1
				counts[string(line)] = &one
			}
		}
	}
	out := make(map[facet]int, len(counts))
	for line, n := range counts {
		name, value, _ := strings.Cut(line, "=")
		out[facet{name, value}] = *n
	}
	return groupFacets(out)
}

func indexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}
