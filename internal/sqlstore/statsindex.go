package sqlstore

import (
	"sort"
	"strings"

	"github.com/proximite/proximite"
)

// statsIndex answers the dashboard's combined filters (two facets, two
// values of one facet, a facet and a period, a territory) in
// milliseconds at a million projects, where counting the matching
// records in the database takes seconds: their B-tree look-ups are
// scattered over gigabytes. It holds, for each published partnership,
// project and visit, only what the dashboard filters on and shows — its
// type, year, the values of six facets as numbers, and its amounts — in
// flat arrays, about 60 bytes a record, and a filter is one pass over
// them. It is a cache of the database: built on first use
// (statsindex_load.go), brought up to date at each request from the
// change log that every instance's writes fill (changes.go).
type statsIndex struct {
	version int64 // the registry version the index reflects

	// The dictionary of facet values: a term is one "facet=value".
	termFacet, termValue []string
	termIDs              map[facet]uint16
	// The dictionary of amount keys (measure, year, currency).
	amountKeys []proximite.Amount
	amountIDs  map[proximite.Amount]uint32

	rows []statsRow
	// rows[:sorted] are in the order of their ids; the rows appended by
	// refreshes since the last compaction are found through extra.
	sorted int
	extra  map[int64]int32
	dead   int

	terms   []uint16 // each row's terms, rows[i].termOff on
	amounts []uint32 // each row's amount keys, rows[i].amountOff on
	values  []int64  // and their values in hundredths
}

// statsRow is one record of the index.
type statsRow struct {
	id                 int64
	termOff, amountOff uint32
	nTerms, nAmounts   uint16
	year               int16
	typ                uint8 // index in statsTypes
	alive              bool
}

// indexedFacets are the facets the dashboard filters on or shows.
var indexedFacets = map[string]bool{proximite.FacetCountry: true, proximite.FacetSectorCategory: true,
	proximite.FacetOrgKind: true, proximite.FacetForm: true, proximite.FacetYear: true, proximite.FacetDirection: true}

// maxTerms bounds the dictionary, whose ids are 16 bits: the vocabularies
// (countries, sectors, kinds, forms, years, directions) hold a few
// hundred values.
const maxTerms = 1 << 16

func newStatsIndex() *statsIndex {
	return &statsIndex{termIDs: map[facet]uint16{}, amountIDs: map[proximite.Amount]uint32{}, extra: map[int64]int32{}}
}

// term returns the id of a facet value, adding it to the dictionary; ok
// is false when the dictionary is full.
func (x *statsIndex) term(f facet) (uint16, bool) {
	if id, ok := x.termIDs[f]; ok {
		return id, true
	}
	if len(x.termFacet) >= maxTerms {
		return 0, false
	}
	id := uint16(len(x.termFacet))
	x.termIDs[f] = id
	x.termFacet = append(x.termFacet, f.name)
	x.termValue = append(x.termValue, f.value)
	return id, true
}

func (x *statsIndex) amountKey(a proximite.Amount) uint32 {
	if id, ok := x.amountIDs[a]; ok {
		return id
	}
	id := uint32(len(x.amountKeys))
	x.amountIDs[a] = id
	x.amountKeys = append(x.amountKeys, a)
	return id
}

// indexedRecord is a record as read from the database, before it joins
// the index.
type indexedRecord struct {
	id      int64
	typ     string
	year    int
	facets  string // records.facets: "facet=value" lines
	amounts []amount
}

// add appends a record; false when the dictionary is full, and the index
// must not be used. A build adds records in the order of their ids
// (inOrder), and finds them later by binary search; a refresh appends
// them, found through extra until the next compaction.
func (x *statsIndex) add(r indexedRecord, inOrder bool) bool {
	typ := -1
	for i, t := range statsTypes {
		if t == r.typ {
			typ = i
		}
	}
	if typ < 0 {
		return true
	}
	row := statsRow{id: r.id, typ: uint8(typ), year: int16(r.year), alive: true,
		termOff: uint32(len(x.terms)), amountOff: uint32(len(x.amounts))}
	for line := range strings.Lines(r.facets) {
		name, value, ok := strings.Cut(strings.TrimSuffix(line, "\n"), "=")
		if !ok || !indexedFacets[name] {
			continue
		}
		id, ok := x.term(facet{name, value})
		if !ok {
			return false
		}
		x.terms = append(x.terms, id)
		row.nTerms++
	}
	for _, a := range r.amounts {
		x.amounts = append(x.amounts, x.amountKey(proximite.Amount{Measure: a.measure, Year: a.year, Currency: a.currency}))
		x.values = append(x.values, a.value)
		row.nAmounts++
	}
	if inOrder {
		x.sorted = len(x.rows) + 1
	} else {
		x.extra[r.id] = int32(len(x.rows))
	}
	x.rows = append(x.rows, row)
	return true
}

// find returns the position of a record's live row, or -1.
func (x *statsIndex) find(id int64) int {
	if i, ok := x.extra[id]; ok {
		return int(i)
	}
	i := sort.Search(x.sorted, func(i int) bool { return x.rows[i].id >= id })
	if i < x.sorted && x.rows[i].id == id && x.rows[i].alive {
		return i
	}
	return -1
}

// remove takes a record out of the index, if it is there.
func (x *statsIndex) remove(id int64) {
	if i := x.find(id); i >= 0 {
		x.rows[i].alive = false
		delete(x.extra, id)
		x.dead++
	}
}

// compact drops the dead rows once they are a quarter of the index, and
// puts the rows back in the order of their ids.
func (x *statsIndex) compact() {
	if x.dead < 1024 || x.dead < len(x.rows)/4 {
		return
	}
	live := make([]statsRow, 0, len(x.rows)-x.dead)
	for _, r := range x.rows {
		if r.alive {
			live = append(live, r)
		}
	}
	sort.Slice(live, func(i, j int) bool { return live[i].id < live[j].id })
	terms := make([]uint16, 0, len(x.terms))
	amounts := make([]uint32, 0, len(x.amounts))
	values := make([]int64, 0, len(x.values))
	for i, r := range live {
		t, a := r.termOff, r.amountOff
		live[i].termOff, live[i].amountOff = uint32(len(terms)), uint32(len(amounts))
		terms = append(terms, x.terms[t:t+uint32(r.nTerms)]...)
		amounts = append(amounts, x.amounts[a:a+uint32(r.nAmounts)]...)
		values = append(values, x.values[a:a+uint32(r.nAmounts)]...)
	}
	x.rows, x.terms, x.amounts, x.values = live, terms, amounts, values
	x.sorted, x.dead, x.extra = len(live), 0, map[int64]int32{}
}

// statsQueryPlan is a filter turned into the index's terms.
type statsQueryPlan struct {
	accept   []uint8 // per term, the bits of the filter groups it satisfies
	need     uint8   // every group's bit
	from, to int     // years, 0 when open
	records  []int64 // the territory's records, when it is filtered on
	byTerrit bool
}

// plan turns a filter into terms. A value the registry does not know
// matches nothing, as in the database.
func (x *statsIndex) plan(f proximite.StatsFilter) statsQueryPlan {
	p := statsQueryPlan{accept: make([]uint8, len(x.termFacet)), from: f.FromYear, to: f.ToYear}
	bit := uint8(1)
	for _, g := range []struct {
		name   string
		values []string
	}{{proximite.FacetCountry, f.Country}, {proximite.FacetSectorCategory, f.Sector},
		{proximite.FacetOrgKind, f.OrgKind}, {proximite.FacetForm, f.Form}} {
		values := nonEmpty(g.values)
		if len(values) == 0 {
			continue
		}
		p.need |= bit
		for _, v := range values {
			if id, ok := x.termIDs[facet{g.name, v}]; ok {
				p.accept[id] |= bit
			}
		}
		bit <<= 1
	}
	return p
}

// count adds up the figures of the records that match the plan.
func (x *statsIndex) count(p statsQueryPlan) *proximite.Stats {
	var typeCounts [3]int
	shown := [3][]int32{}
	for t := range shown {
		shown[t] = make([]int32, len(x.termFacet))
	}
	sums := make([]int64, len(x.amountKeys))
	visit := func(r *statsRow) {
		if !r.alive || p.from > 0 && int(r.year) < p.from || p.to > 0 && (r.year < 1 || int(r.year) > p.to) {
			return
		}
		terms := x.terms[r.termOff : r.termOff+uint32(r.nTerms)]
		if p.need != 0 {
			var got uint8
			for _, t := range terms {
				got |= p.accept[t]
			}
			if got != p.need {
				return
			}
		}
		typeCounts[r.typ]++
		counts := shown[r.typ]
		for _, t := range terms {
			counts[t]++
		}
		a := r.amountOff
		for i := range uint32(r.nAmounts) {
			sums[x.amounts[a+i]] += x.values[a+i]
		}
	}
	if p.byTerrit {
		for _, id := range p.records {
			if i := x.find(id); i >= 0 {
				visit(&x.rows[i])
			}
		}
	} else {
		for i := range x.rows {
			visit(&x.rows[i])
		}
	}
	s := &proximite.Stats{}
	for t, typ := range statsTypes {
		addCount(s, typ, proximite.FacetType, typ, typeCounts[t])
		for id, n := range shown[t] {
			if n > 0 {
				addCount(s, typ, x.termFacet[id], x.termValue[id], int(n))
			}
		}
	}
	s.Amounts = []proximite.Amount{}
	for id, v := range sums {
		if v != 0 {
			a := x.amountKeys[id]
			a.Value = float64(v) / 100
			s.Amounts = append(s.Amounts, a)
		}
	}
	return s
}
