package iati_test

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/iati"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
	"github.com/proximite/proximite/internal/synthetic"
)

// BenchmarkExportIATI exports a synthetic registry of
// PROXIMITE_BENCH_PROJECTS projects (20,000 by default) from
// PROXIMITE_BENCH_DB (sqlite, the default, or postgres) and reports the
// rate in activities per second, the bytes written per second, the
// allocations, and the peak heap in use, which stays flat whatever the
// number of projects since the export streams. Run it with
//
//	go test -run '^$' -bench ExportIATI -benchtime 3x ./internal/iati/
//
// The registry is generated on first use and kept for later runs: a
// SQLite file in PROXIMITE_BENCH_DIR (the temp folder by default), or the
// PostgreSQL database proximite_export_bench_<n>.
func BenchmarkExportIATI(b *testing.B) {
	db, _ := openExportBench(b)
	ctx := context.Background()
	counts, err := db.Counts(ctx)
	if err != nil {
		b.Fatal(err)
	}
	n := counts[proximite.TypeProject] // the published ones, which the export holds
	// "read" is the store's stream alone, the floor under the export.
	b.Run("read", func(b *testing.B) {
		measure(b, func() (int, int64) {
			k := 0
			err := db.EachProject(ctx, proximite.SearchFilter{}, func(*proximite.Project) error { k++; return nil })
			if err != nil {
				b.Fatal(err)
			}
			return k, 0
		})
	})
	b.Run("export", func(b *testing.B) {
		measure(b, func() (int, int64) {
			w := &countingWriter{}
			k, err := iati.WriteActivities(ctx, w, db, proximite.SearchFilter{}, iati.Options{})
			if err != nil {
				b.Fatal(err)
			}
			if k != n {
				b.Fatalf("exported %d activities, want %d", k, n)
			}
			return k, w.n
		})
	})
}

// measure runs one export per iteration and reports the rate in
// activities per second of the clock and per CPU-second of the process
// (on a shared machine the first depends on the other processes, the
// second does not, but it does not show the two cores working at once),
// the megabytes written per second, and the peak heap.
func measure(b *testing.B, run func() (int, int64)) {
	runtime.GC()
	peak := peakHeap(b)
	var activities int
	var written int64
	start, cpu := time.Now(), cpuTime()
	b.ReportAllocs()
	for b.Loop() {
		k, n := run()
		activities += k
		written += n
	}
	elapsed, cpuUsed := time.Since(start), cpuTime()-cpu
	b.ReportMetric(float64(activities)/elapsed.Seconds(), "activities/s")
	b.ReportMetric(float64(activities)/cpuUsed.Seconds(), "activities/cpu-s")
	if written > 0 {
		b.ReportMetric(float64(written)/elapsed.Seconds()/1e6, "MB/s")
	}
	b.ReportMetric(float64(peak())/(1<<20), "peak-live-heap-MB")
}

// BenchmarkEncodeIATI measures the encoder alone, without the database:
// the project that fills every part, written again and again.
func BenchmarkEncodeIATI(b *testing.B) {
	src := newMemSource()
	p := fullProject()
	w := &countingWriter{}
	enc := iati.NewEncoder(w, src, iati.Options{})
	ctx := context.Background()
	b.ReportAllocs()
	start, cpu := time.Now(), cpuTime()
	for b.Loop() {
		if err := enc.Encode(ctx, p); err != nil {
			b.Fatal(err)
		}
	}
	if err := enc.Close(); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(w.n / int64(b.N))
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "activities/s")
	b.ReportMetric(float64(b.N)/(cpuTime()-cpu).Seconds(), "activities/cpu-s")
}

// cpuTime returns the user and system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// countingWriter discards what it is given and counts it.
type countingWriter struct{ n int64 }

func (c *countingWriter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return len(p), nil
}

var _ io.Writer = (*countingWriter)(nil)

// openExportBench opens the benchmark registry, generating it on first
// use under a temporary name that is renamed only when complete.
func openExportBench(b *testing.B) (*sqlstore.DB, int) {
	b.Helper()
	n := 20_000
	if s := os.Getenv("PROXIMITE_BENCH_PROJECTS"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v <= 0 {
			b.Fatalf("PROXIMITE_BENCH_PROJECTS=%q: want a positive number", s)
		}
		n = v
	}
	dialect := os.Getenv("PROXIMITE_BENCH_DB")
	if dialect == "" {
		dialect = "sqlite"
	}
	ctx := context.Background()
	switch dialect {
	case "sqlite":
		dir := os.Getenv("PROXIMITE_BENCH_DIR")
		if dir == "" {
			dir = filepath.Join(os.TempDir(), "proximite-bench")
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			b.Fatal(err)
		}
		path := filepath.Join(dir, fmt.Sprintf("proximite-export-bench-sqlite-%d.db", n))
		if _, err := os.Stat(path); err != nil {
			partial := path + ".partial"
			for _, f := range []string{partial, partial + "-wal", partial + "-shm"} {
				os.Remove(f)
			}
			db := openBenchDSN(b, "sqlite:"+partial)
			generateExportBench(b, db, n)
			db.SQL().ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
			db.Close()
			if err := os.Rename(partial, path); err != nil {
				b.Fatal(err)
			}
		}
		return openBenchDSN(b, "sqlite:"+path), n
	case "postgres":
		server := os.Getenv("PROXIMITE_TEST_POSTGRES")
		if server == "" {
			server = sqltest.DefaultPostgres
		}
		admin, err := sql.Open("pgx", server)
		if err != nil {
			b.Fatal(err)
		}
		defer admin.Close()
		name := fmt.Sprintf("proximite_export_bench_%d", n)
		u, err := url.Parse(server)
		if err != nil {
			b.Fatal(err)
		}
		var exists bool
		if err := admin.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&exists); err != nil {
			b.Fatalf("PostgreSQL at %s: %v", server, err)
		}
		if !exists {
			partial := name + "_partial"
			for _, q := range []string{`DROP DATABASE IF EXISTS ` + partial + ` WITH (FORCE)`, `CREATE DATABASE ` + partial} {
				if _, err := admin.ExecContext(ctx, q); err != nil {
					b.Fatal(err)
				}
			}
			u.Path = "/" + partial
			db := openBenchDSN(b, u.String())
			generateExportBench(b, db, n)
			db.SQL().ExecContext(ctx, `VACUUM ANALYZE`)
			db.Close()
			if _, err := admin.ExecContext(ctx, `ALTER DATABASE `+partial+` RENAME TO `+name); err != nil {
				b.Fatal(err)
			}
		}
		u.Path = "/" + name
		return openBenchDSN(b, u.String()), n
	}
	b.Fatalf("PROXIMITE_BENCH_DB=%q: want sqlite or postgres", dialect)
	return nil, 0
}

func openBenchDSN(b *testing.B, dsn string) *sqlstore.DB {
	b.Helper()
	db, err := sqlstore.Open(context.Background(), dsn)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	if err := db.Migrate(context.Background()); err != nil {
		b.Fatal(err)
	}
	return db
}

func generateExportBench(b *testing.B, db *sqlstore.DB, n int) {
	b.Helper()
	start := time.Now()
	fmt.Fprintf(os.Stderr, "generating %d synthetic projects in %s (cached for later runs)\n", n, db.Dialect())
	if err := synthetic.Generate(context.Background(), db, n, 1, nil); err != nil {
		b.Fatalf("generate: %v", err)
	}
	fmt.Fprintf(os.Stderr, "generated in %s\n", time.Since(start).Round(time.Second))
}

// peakHeap samples the heap every millisecond until the benchmark ends,
// and returns a function that stops the sampling and gives the peak of
// the live heap, as the last garbage collection measured it: what the
// export holds, without the garbage that waits for the next collection.
// It reads runtime/metrics, which does not stop the world as
// runtime.ReadMemStats would, so the sampling does not slow the export.
func peakHeap(b *testing.B) func() uint64 {
	var peak atomic.Uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	var once sync.Once
	stop := func() uint64 {
		once.Do(func() { close(done); wg.Wait() })
		return peak.Load()
	}
	b.Cleanup(func() { stop() })
	return stop
}
