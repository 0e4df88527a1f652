package sqlstore_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/proximite/proximite"
)

// BenchmarkFindSynergies measures the synergies of organisations and
// partnerships drawn at random across the synthetic registry: the reads
// are bounded per country, sector and town, so the figures must not grow
// with the registry (see docs/benchmarks.md).
func BenchmarkFindSynergies(b *testing.B) {
	r := openBench(b)
	ctx := context.Background()
	counts, err := r.db.Counts(ctx)
	if err != nil {
		b.Fatal(err)
	}
	orgs, partnerships := counts[proximite.TypeOrganisation], counts[proximite.TypePartnership]
	if orgs == 0 || partnerships == 0 {
		b.Fatalf("the synthetic registry has %d organisations and %d partnerships", orgs, partnerships)
	}
	rnd := rand.New(rand.NewPCG(benchSeed, 7))
	filter := func() proximite.SynergyFilter {
		if rnd.IntN(2) == 0 {
			return proximite.SynergyFilter{Org: fmt.Sprintf("synth-org-%06d", rnd.IntN(orgs))}
		}
		return proximite.SynergyFilter{Partnership: fmt.Sprintf("synth-partnership-%06d", rnd.IntN(partnerships))}
	}
	var lat latencies
	found := 0
	for b.Loop() {
		f := filter()
		t := time.Now()
		res, err := r.db.FindSynergies(ctx, f)
		lat = append(lat, time.Since(t))
		if proximite.ErrorCode(err) == proximite.ENOTFOUND {
			continue // an unpublished record of the synthetic registry
		} else if err != nil {
			b.Fatal(err)
		}
		found += len(res.Orgs)
	}
	lat.report(b)
	b.ReportMetric(float64(found)/float64(len(lat)), "orgs/op")
}

// BenchmarkNetworkGraph measures the network page's query, whole and
// filtered by a kind and a country.
func BenchmarkNetworkGraph(b *testing.B) {
	r := openBench(b)
	ctx := context.Background()
	for _, c := range []struct {
		name string
		f    proximite.NetworkFilter
	}{
		{"all", proximite.NetworkFilter{}},
		{"municipalities", proximite.NetworkFilter{Kinds: []proximite.OrgKind{proximite.Municipality}}},
		{"ngo-in-mali", proximite.NetworkFilter{Kinds: []proximite.OrgKind{proximite.NGO}, Countries: []string{"ML"}}},
	} {
		b.Run(c.name, func(b *testing.B) {
			var lat latencies
			nodes := 0
			for b.Loop() {
				t := time.Now()
				g, err := r.db.NetworkGraph(ctx, c.f)
				lat = append(lat, time.Since(t))
				if err != nil {
					b.Fatal(err)
				}
				nodes = len(g.Nodes)
			}
			lat.report(b)
			b.ReportMetric(float64(nodes), "nodes")
		})
	}
}
