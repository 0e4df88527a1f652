package sqlstore_test

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/proximite/proximite"
)

// BenchmarkStatistics measures the dashboard's query for the filters
// visitors use, on the synthetic registry of openBench (see bench_test.go
// and docs/benchmarks.md): PROXIMITE_BENCH_PROJECTS=1000000 for the
// target of 200 ms at a million projects. Each case reports its p95 and
// the number of projects it counted beside ns/op.
func BenchmarkStatistics(b *testing.B) {
	r := openBench(b)
	ctx := context.Background()
	town := benchTown(b, r)
	cases := []struct {
		name string
		f    proximite.StatsFilter
	}{
		{"all", proximite.StatsFilter{}},
		{"period", proximite.StatsFilter{FromYear: 2010, ToYear: 2015}},
		{"country", proximite.StatsFilter{Country: []string{"ML"}}},
		{"sector", proximite.StatsFilter{Sector: []string{"140"}}},
		{"kind-form", proximite.StatsFilter{OrgKind: []string{"municipality"}, Form: []string{"solidarity"}}},
		{"country-period", proximite.StatsFilter{Country: []string{"SN"}, FromYear: 2020, ToYear: 2025}},
		{"territory", proximite.StatsFilter{Territory: town}},
	}
	// The index that answers combined filters is built on the first one,
	// in the background; here before the timings, which it would
	// otherwise cross. Its cost is reported apart.
	b.Run("index-build", func(b *testing.B) {
		var before, after runtime.MemStats
		for b.Loop() {
			r.db.DropStatsIndex()
			runtime.GC()
			runtime.ReadMemStats(&before)
			if err := r.db.BuildStatsIndex(ctx); err != nil {
				b.Fatal(err)
			}
			runtime.GC()
			runtime.ReadMemStats(&after)
		}
		rows, _ := r.db.StatsIndexRows()
		b.ReportMetric(float64(rows), "records")
		b.ReportMetric(float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/(1<<20), "heap-MB")
	})
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var times []time.Duration
			var projects int
			for b.Loop() {
				start := time.Now()
				s, err := r.db.Statistics(ctx, c.f)
				if err != nil {
					b.Fatal(err)
				}
				times = append(times, time.Since(start))
				projects = s.Projects
			}
			slices.Sort(times)
			p95 := times[min(len(times)-1, len(times)*95/100)]
			b.ReportMetric(float64(p95.Microseconds())/1000, "p95-ms")
			b.ReportMetric(float64(projects), "projects")
			if os.Getenv("PROXIMITE_BENCH_VERBOSE") != "" {
				fmt.Fprintf(os.Stderr, "%s: %d projects, p95 %s\n", c.name, projects, p95)
			}
		})
	}
}

// benchTown is the town of the synthetic registry with the most
// partnerships among the first listed, for the territory filter.
func benchTown(b *testing.B, r *benchRegistry) string {
	b.Helper()
	ts, err := r.db.Territories(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	for _, t := range ts {
		if t.Kind == proximite.TerritoryTown {
			return t.Slug
		}
	}
	b.Fatal("the synthetic registry has no town")
	return ""
}
