package sqlstore_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
	"github.com/proximite/proximite/internal/synthetic"
)

// The benchmarks below measure search with facets and record reads on a
// synthetic registry of PROXIMITE_BENCH_PROJECTS projects (10,000 by
// default) in PROXIMITE_BENCH_DB (sqlite or postgres). The registry is
// generated on first use and kept for the next runs: a SQLite file in
// PROXIMITE_BENCH_DIR, or a PostgreSQL database proximite_bench_<n>.
// See docs/benchmarks.md for the commands and the last figures.

const benchSeed = 1

// benchRegistry is an open benchmark database and what the benchmarks
// draw their queries from.
type benchRegistry struct {
	db     *sqlstore.DB
	n      int
	places []string // prefixes of place names, as people type them
}

var (
	benchMu   sync.Mutex
	benchOpen = map[string]*benchRegistry{}
)

// openBench returns the registry of the configured size and database,
// generating it if it is not in the cache. It stays open for the other
// benchmarks of the process.
func openBench(b *testing.B) *benchRegistry {
	b.Helper()
	n, dialect := 10_000, "sqlite"
	if s := os.Getenv("PROXIMITE_BENCH_PROJECTS"); s != "" {
		v, err := strconv.Atoi(strings.NewReplacer("_", "", ",", "").Replace(s))
		if err != nil || v <= 0 {
			b.Fatalf("PROXIMITE_BENCH_PROJECTS=%q: want a positive number", s)
		}
		n = v
	}
	if s := os.Getenv("PROXIMITE_BENCH_DB"); s != "" {
		dialect = s
	}
	benchMu.Lock()
	defer benchMu.Unlock()
	key := fmt.Sprintf("%s-%d", dialect, n)
	if r := benchOpen[key]; r != nil {
		return r
	}
	var db *sqlstore.DB
	switch dialect {
	case "sqlite":
		db = openBenchSQLite(b, n)
	case "postgres":
		db = openBenchPostgres(b, n)
	default:
		b.Fatalf("PROXIMITE_BENCH_DB=%q: want sqlite or postgres", dialect)
	}
	r := &benchRegistry{db: db, n: n, places: placePrefixes(b, db, n)}
	benchOpen[key] = r
	return r
}

func benchDir(b *testing.B) string {
	dir := os.Getenv("PROXIMITE_BENCH_DIR")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "proximite-bench")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	return dir
}

// openBenchSQLite opens the cached file, or generates it under a
// temporary name that is renamed only when complete, so that an
// interrupted generation is never mistaken for a registry.
func openBenchSQLite(b *testing.B, n int) *sqlstore.DB {
	ctx := context.Background()
	path := filepath.Join(benchDir(b), fmt.Sprintf("proximite-bench-sqlite-%d.db", n))
	stats := strings.TrimSuffix(path, ".db") + ".json"
	if _, err := os.Stat(path); err == nil {
		checkGenerator(b, stats, path)
	} else {
		partial := path + ".partial"
		for _, f := range []string{partial, partial + "-wal", partial + "-shm"} {
			os.Remove(f)
		}
		db := mustOpen(b, "sqlite:"+partial)
		generate(b, db, n, stats, func() int64 {
			db.SQL().ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
			fi, _ := os.Stat(partial)
			return fi.Size()
		})
		db.Close()
		for _, f := range []string{partial + "-wal", partial + "-shm"} {
			os.Remove(f)
		}
		if err := os.Rename(partial, path); err != nil {
			b.Fatal(err)
		}
	}
	return mustOpen(b, "sqlite:"+path)
}

// openBenchPostgres opens proximite_bench_<n>, or generates it as
// proximite_bench_<n>_partial and renames it when complete. The database
// is vacuumed and analysed after loading, which autovacuum would do on
// its own within minutes on a live server.
func openBenchPostgres(b *testing.B, n int) *sqlstore.DB {
	ctx := context.Background()
	server := os.Getenv("PROXIMITE_TEST_POSTGRES")
	if server == "" {
		server = sqltest.DefaultPostgres
	}
	admin, err := sql.Open("pgx", server)
	if err != nil {
		b.Fatal(err)
	}
	defer admin.Close()
	name := fmt.Sprintf("proximite_bench_%d", n)
	dsn := func(db string) string {
		u, err := url.Parse(server)
		if err != nil {
			b.Fatal(err)
		}
		u.Path = "/" + db
		return u.String()
	}
	stats := filepath.Join(benchDir(b), fmt.Sprintf("proximite-bench-postgres-%d.json", n))
	var exists bool
	if err := admin.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&exists); err != nil {
		b.Fatalf("PostgreSQL at %s: %v", server, err)
	}
	if exists {
		checkGenerator(b, stats, "database "+name)
	} else {
		partial := name + "_partial"
		for _, q := range []string{`DROP DATABASE IF EXISTS ` + partial + ` WITH (FORCE)`, `CREATE DATABASE ` + partial} {
			if _, err := admin.ExecContext(ctx, q); err != nil {
				b.Fatal(err)
			}
		}
		db := mustOpen(b, dsn(partial))
		generate(b, db, n, stats, func() int64 {
			db.SQL().ExecContext(ctx, `VACUUM ANALYZE`)
			var size int64
			db.SQL().QueryRowContext(ctx, `SELECT pg_database_size(current_database())`).Scan(&size)
			return size
		})
		db.Close()
		if _, err := admin.ExecContext(ctx, `ALTER DATABASE `+partial+` RENAME TO `+name); err != nil {
			b.Fatal(err)
		}
	}
	return mustOpen(b, dsn(name))
}

func mustOpen(b *testing.B, dsn string) *sqlstore.DB {
	ctx := context.Background()
	db, err := sqlstore.Open(ctx, dsn)
	if err != nil {
		b.Fatal(err)
	}
	if err := db.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	return db
}

// generate fills db with the synthetic registry, reporting progress on
// standard error (a million projects take a while), and records how long
// it took and the size of the result in a JSON file beside the cache.
func generate(b *testing.B, db *sqlstore.DB, n int, statsFile string, finish func() int64) {
	start := time.Now()
	last := start
	fmt.Fprintf(os.Stderr, "generating %d synthetic projects in %s (cached for later runs)\n", n, db.Dialect())
	err := synthetic.Generate(context.Background(), db, n, benchSeed, func(done, total int) {
		if time.Since(last) > 30*time.Second || done == total {
			last = time.Now()
			el := time.Since(start)
			left := time.Duration(float64(el) * float64(total-done) / float64(done))
			fmt.Fprintf(os.Stderr, "  %d/%d records (%.0f%%), %s elapsed, %s left\n",
				done, total, 100*float64(done)/float64(total), el.Round(time.Second), left.Round(time.Second))
		}
	})
	if err != nil {
		b.Fatalf("generate: %v", err)
	}
	if err := db.Optimize(context.Background()); err != nil {
		b.Fatalf("optimize: %v", err)
	}
	took := time.Since(start)
	size := finish()
	total := 0
	for _, k := range synthetic.Counts(n) {
		total += k
	}
	stats, _ := json.MarshalIndent(map[string]any{"generator": synthetic.Version, "seed": benchSeed,
		"projects": n, "records": total, "seconds": math.Round(took.Seconds()),
		"finish_seconds": math.Round((time.Since(start) - took).Seconds()), "bytes": size,
		"dialect": db.Dialect(), "go": runtime.Version(), "generated": time.Now().UTC().Format(time.RFC3339)}, "", "  ")
	os.WriteFile(statsFile, stats, 0o644)
	fmt.Fprintf(os.Stderr, "generated %d records in %s (%.0f records/s), %.2f GB\n",
		total, took.Round(time.Second), float64(total)/took.Seconds(), float64(size)/1e9)
}

// checkGenerator stops the benchmark when the cached registry was made by
// another version of the generator, whose records differ: figures from it
// would not be comparable. The JSON file written after generation says
// which version made it.
func checkGenerator(b *testing.B, statsFile, what string) {
	data, err := os.ReadFile(statsFile)
	if err != nil {
		return // made before the file existed; nothing to check against
	}
	var stats struct {
		Generator int
		Seed      uint64
	}
	json.Unmarshal(data, &stats)
	if stats.Generator != synthetic.Version || stats.Seed != benchSeed {
		b.Fatalf("%s was generated by synthetic version %d with seed %d, not version %d with seed %d: "+
			"delete it (and %s) to generate it again", what, stats.Generator, stats.Seed, synthetic.Version, benchSeed, statsFile)
	}
}

// placePrefixes returns the beginnings of the localities of a sample of
// organisations, three to six letters long, as people type a place name
// into the search box.
func placePrefixes(b *testing.B, db *sqlstore.DB, n int) []string {
	r := rand.New(rand.NewPCG(benchSeed, 2))
	orgs := synthetic.Counts(n)[proximite.TypeOrganisation]
	var out []string
	for len(out) < 40 {
		o, err := db.FindOrganisation(context.Background(), fmt.Sprintf("synth-org-%06d", r.IntN(orgs)))
		if err != nil {
			b.Fatal(err)
		}
		words := strings.FieldsFunc(proximite.Fold(o.Locality), func(r rune) bool { return r == ' ' || r == '-' })
		w := slices.MaxFunc(words, func(a, b string) int { return len(a) - len(b) })
		rs := []rune(w)
		out = append(out, string(rs[:min(len(rs), 3+r.IntN(4))]))
	}
	return out
}

// Words of the vocabulary people search the registry with, in French
// and English, alone and in pairs.
var (
	benchWords = []string{"eau", "alphabétisation", "microcrédit", "santé", "gouvernance", "femmes", "jeunes",
		"coopérative", "reboisement", "pêche", "water", "literacy", "health", "solaire", "formation",
		"agriculture", "jumelage", "délégation", "mali", "haïti"}
	benchPairs = []string{"eau potable", "santé maternelle", "gouvernance locale", "sécurité alimentaire",
		"formation professionnelle", "commerce équitable", "gestion déchets", "énergie solaire",
		"radio communautaire", "agriculture familiale", "drinking water", "maternal health", "emploi jeunes",
		"coopératives agricoles", "jumelage sénégal", "burkina faso"}
	benchFacets = []map[string][]string{
		{"country": {"ML"}}, {"country": {"HN"}}, {"sector": {"140"}}, {"sector": {"151"}},
		{"type": {"project"}, "country": {"SN"}}, {"org_kind": {"municipality"}}, {"status": {"2"}},
		{"year": {"2010"}}, {"partnership_kind": {"cooperation_twinning"}}, {"type": {"visit"}, "direction": {"south_north"}},
		{"country": {"BF", "NE"}, "sector": {"311"}}, {"type": {"organisation"}, "org_kind": {"cooperative"}},
	}
	benchMixed = []struct {
		query   string
		filters map[string][]string
	}{
		{"eau", map[string][]string{"country": {"BF"}}}, {"alphabétisation", map[string][]string{"type": {"project"}}},
		{"santé", map[string][]string{"sector": {"122"}}}, {"gouvernance", map[string][]string{"org_kind": {"municipality"}}},
		{"femmes", map[string][]string{"country": {"HT"}}}, {"microcrédit", map[string][]string{"status": {"4"}}},
		{"jumelage", map[string][]string{"type": {"partnership"}}}, {"water", map[string][]string{"year": {"2015"}}},
	}
)

// searchShape is one kind of search people run, with the queries the
// benchmark cycles through.
type searchShape struct {
	name    string
	weight  int // share in the mix
	filters []proximite.SearchFilter
}

func searchShapes(r *benchRegistry) []searchShape {
	page := func(query string, filters map[string][]string) proximite.SearchFilter {
		return proximite.SearchFilter{Query: query, Filters: filters, WithFacets: true, Lang: "fr", Limit: 20}
	}
	var home, one, two, places, facets, mixed []proximite.SearchFilter
	home = append(home, page("", nil), page("", map[string][]string{"type": {"project"}}))
	for _, w := range benchWords {
		one = append(one, page(w, nil))
	}
	for _, w := range benchPairs {
		two = append(two, page(w, nil))
	}
	for _, p := range r.places {
		places = append(places, page(p, nil))
	}
	for _, f := range benchFacets {
		facets = append(facets, page("", f))
	}
	for _, m := range benchMixed {
		mixed = append(mixed, page(m.query, m.filters))
	}
	shapes := []searchShape{
		{"home", 20, home}, {"text-1word", 20, one}, {"text-2words", 15, two}, {"place-prefix", 15, places},
		{"facet", 15, facets}, {"text+facet", 15, mixed},
	}
	// The mix draws shapes in proportion to how often they are used: the
	// home page and single words most.
	rnd := rand.New(rand.NewPCG(benchSeed, 3))
	var mix []proximite.SearchFilter
	for range 400 {
		x := rnd.IntN(100)
		for _, s := range shapes {
			if x < s.weight {
				mix = append(mix, s.filters[rnd.IntN(len(s.filters))])
				break
			}
			x -= s.weight
		}
	}
	return append(shapes, searchShape{name: "mix", filters: mix})
}

// BenchmarkSearch measures searches with facets of each shape, and a
// realistic mix of them, reporting latency percentiles.
func BenchmarkSearch(b *testing.B) {
	r := openBench(b)
	ctx := context.Background()
	for _, s := range searchShapes(r) {
		b.Run(s.name, func(b *testing.B) {
			// A few searches before timing, so that the figures are those
			// of a server that has been answering for a while; a million
			// projects make each of them slow, so not too many.
			for _, f := range s.filters[:min(len(s.filters), 20)] {
				if _, err := r.db.Search(ctx, f); err != nil {
					b.Fatal(err)
				}
			}
			var lat latencies
			matches := 0
			for i := 0; b.Loop(); i++ {
				f := s.filters[i%len(s.filters)]
				t := time.Now()
				res, err := r.db.Search(ctx, f)
				lat = append(lat, time.Since(t))
				if err != nil {
					b.Fatal(err)
				}
				matches += res.Total
			}
			lat.report(b)
			b.ReportMetric(float64(matches)/float64(len(lat)), "matches/op")
		})
	}
}

// BenchmarkFindProject measures reading a project page's record by slug,
// with its participants' names, at random across the registry.
func BenchmarkFindProject(b *testing.B) {
	r := openBench(b)
	ctx := context.Background()
	rnd := rand.New(rand.NewPCG(benchSeed, 4))
	slug := func() string { return fmt.Sprintf("synth-project-%06d", rnd.IntN(r.n)) }
	for range 200 {
		if _, err := r.db.FindProject(ctx, slug()); err != nil {
			b.Fatal(err)
		}
	}
	var lat latencies
	for b.Loop() {
		s := slug()
		t := time.Now()
		_, err := r.db.FindProject(ctx, s)
		lat = append(lat, time.Since(t))
		if err != nil {
			b.Fatal(err)
		}
	}
	lat.report(b)
}

// latencies are the durations of each operation of a benchmark.
type latencies []time.Duration

// report adds the 50th, 95th and 99th percentiles, in milliseconds, to
// the benchmark's output.
func (l latencies) report(b *testing.B) {
	if len(l) == 0 {
		return
	}
	slices.Sort(l)
	for _, p := range []struct {
		q    float64
		unit string
	}{{0.50, "p50-ms"}, {0.95, "p95-ms"}, {0.99, "p99-ms"}} {
		i := min(max(int(math.Ceil(p.q*float64(len(l))))-1, 0), len(l)-1)
		b.ReportMetric(float64(l[i])/1e6, p.unit)
	}
}
