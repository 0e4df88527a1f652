// Package synthetic generates realistic synthetic registries, for
// benchmarks at scale and for demonstrations of a full registry:
// organisations of every kind in Québec and in partner countries of the
// South, partnerships between them, projects coded with the IATI
// codelists, delegations and funding programmes.
//
// The output depends only on the seed: the same seed and size give the
// same records, so that benchmark databases can be rebuilt identically.
// Every record says in its sources that it is synthetic, and every slug
// starts with "synth-", so that such data is never mistaken for facts.
package synthetic

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
)

// Version changes whenever the records Generate writes for a seed and a
// size change, so that stored copies of a generated registry (benchmark
// caches) can tell that they are stale.
const Version = 2

// Saver writes many records in one transaction; *sqlstore.DB is one.
type Saver interface {
	SaveMany(ctx context.Context, recs ...any) error
}

// BatchSize is the number of records written per transaction: large
// enough that commits cost little, small enough that a batch stays a
// few megabytes.
const BatchSize = 1000

// Counts says how many records of each type Generate writes for n
// projects, so that callers can check or announce them.
func Counts(n int) proximite.Counts {
	return proximite.Counts{
		proximite.TypeOrganisation: max(n/20, 50),
		proximite.TypeProgramme:    min(6+n/100_000, 16),
		proximite.TypePartnership:  n / 10,
		proximite.TypeProject:      n,
		proximite.TypeVisit:        n / 10,
	}
}

// Generate writes n projects, with organisations (about n/20, at least
// 50), partnerships (about n/10), visits (about n/10) and a few
// programmes, through store.SaveMany in batches of BatchSize records.
// Records refer only to records written before them. Progress, when not
// nil, is called after each batch with the records written so far and
// the total.
func Generate(ctx context.Context, store Saver, n int, seed uint64, progress func(done, total int)) error {
	if n <= 0 {
		return proximite.Errorf(proximite.EINVALID, "the number of synthetic projects must be positive, got %d", n)
	}
	g := newGenerator(seed)
	c := Counts(n)
	total := 0
	for _, k := range c {
		total += k
	}
	b := &batcher{ctx: ctx, store: store, total: total, progress: progress}

	g.makeTowns(c[proximite.TypeOrganisation])
	for i := range c[proximite.TypeOrganisation] {
		if err := b.add(g.organisation(i)); err != nil {
			return err
		}
	}
	for i := range c[proximite.TypeProgramme] {
		if err := b.add(g.programme(i)); err != nil {
			return err
		}
	}
	for i := range c[proximite.TypePartnership] {
		if err := b.add(g.partnership(i)); err != nil {
			return err
		}
	}
	// Visits are interleaved with projects, as they come in a living
	// registry, so that "most recently changed" lists show both.
	visits := 0
	for i := range n {
		if err := b.add(g.project(i)); err != nil {
			return err
		}
		for visits < c[proximite.TypeVisit] && visits*n < (i+1)*c[proximite.TypeVisit] {
			if err := b.add(g.visit(visits)); err != nil {
				return err
			}
			visits++
		}
	}
	return b.flush()
}

// generator holds the random source and what earlier records are needed
// by later ones.
type generator struct {
	r      *rand.Rand
	seed   uint64
	source string

	themes    weighted[*theme]
	countries weighted[*country]
	countryOf map[string]*country
	sectors   []string // DAC 5-digit codes in use

	northTowns, southTowns []*town
	orgs                   []org
	north, south           []int // indexes in orgs
	support, funders       []int
	programmes             []string
	partnerships           []partnership
}

func newGenerator(seed uint64) *generator {
	g := &generator{
		// The second PCG word is fixed so that the seed alone decides.
		r:         rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15)),
		seed:      seed,
		source:    fmt.Sprintf("Données synthétiques (graine %d)", seed),
		countryOf: map[string]*country{},
	}
	for i := range themes {
		g.themes = append(g.themes, choice[*theme]{&themes[i], themes[i].weight})
	}
	for i := range southCountries {
		c := &southCountries[i]
		g.countries = append(g.countries, choice[*country]{c, c.weight})
		g.countryOf[c.code] = c
	}
	for _, c := range codelist.Sector.Codes {
		if !c.Withdrawn {
			g.sectors = append(g.sectors, c.Code)
		}
	}
	return g
}

// meta returns the shared fields of a record: mostly published, some
// drafts and submissions, some confirmed by the partner.
func (g *generator) meta(slug string) proximite.Meta {
	m := proximite.Meta{Slug: slug, State: proximite.Published, Sources: []string{g.source}}
	switch x := g.r.IntN(100); {
	case x < 3:
		m.State = proximite.Draft
	case x < 5:
		m.State = proximite.Submitted
	}
	if chance(g.r, 0.3) {
		m.ConfirmedByPartner = true
		t := time.Date(2015+g.r.IntN(11), time.Month(1+g.r.IntN(12)), 1+g.r.IntN(28), 0, 0, 0, 0, time.UTC)
		m.LastConfirmed = &t
	}
	return m
}

// batcher gathers records and saves them BatchSize at a time.
type batcher struct {
	ctx         context.Context
	store       Saver
	recs        []any
	done, total int
	progress    func(done, total int)
}

func (b *batcher) add(rec any) error {
	b.recs = append(b.recs, rec)
	if len(b.recs) >= BatchSize {
		return b.flush()
	}
	return nil
}

func (b *batcher) flush() error {
	if len(b.recs) == 0 {
		return nil
	}
	if err := b.ctx.Err(); err != nil {
		return err
	}
	if err := b.store.SaveMany(b.ctx, b.recs...); err != nil {
		return fmt.Errorf("synthetic records %d–%d: %w", b.done, b.done+len(b.recs)-1, err)
	}
	b.done += len(b.recs)
	b.recs = b.recs[:0]
	if b.progress != nil {
		b.progress(b.done, b.total)
	}
	return nil
}

// choice is a value with its relative weight.
type choice[T any] struct {
	v T
	w int
}

// weighted draws values in proportion to their weights.
type weighted[T any] []choice[T]

func (ws weighted[T]) pick(r *rand.Rand) T {
	sum := 0
	for _, c := range ws {
		sum += c.w
	}
	x := r.IntN(sum)
	for _, c := range ws {
		if x < c.w {
			return c.v
		}
		x -= c.w
	}
	return ws[len(ws)-1].v
}

// distinct draws k different indexes below n in random order.
func distinct(r *rand.Rand, n, k int) []int {
	out := make([]int, 0, k)
	for len(out) < min(k, n) {
		i := r.IntN(n)
		if !slices.Contains(out, i) {
			out = append(out, i)
		}
	}
	return out
}

// capitalize upper-cases the first letter of a title built from a
// lower-case theme.
func capitalize(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}
