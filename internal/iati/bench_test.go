package iati_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"testing"
	"time"

	"github.com/proximite/proximite/internal/iati"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// BenchmarkImport imports the real publisher files (about 1,000
// activities) into a fresh database per iteration and reports the rate in
// activities per second and the peak live heap, sampled every
// millisecond while the imports run (see peakHeap). Run it with
//
//	go test -run '^$' -bench 'Import$' -benchtime 5x ./internal/iati/
//
// PROXIMITE_BENCH_DIALECT=postgres measures PostgreSQL instead of SQLite.
func BenchmarkImport(b *testing.B) {
	benchImport(b, filepath.Join(sharedDir(b), "publisher-samples", "xml"))
}

// BenchmarkImportLarge imports one synthetic file of
// PROXIMITE_BENCH_ACTIVITIES activities, made of the publisher files'
// activities repeated under new identifiers (see writeSynthetic), to
// show the rate on a large registry and that memory stays flat whatever
// the size of the file:
//
//	PROXIMITE_BENCH_ACTIVITIES=100000 go test -run '^$' -bench ImportLarge -benchtime 1x ./internal/iati/
func BenchmarkImportLarge(b *testing.B) {
	n, _ := strconv.Atoi(os.Getenv("PROXIMITE_BENCH_ACTIVITIES"))
	if n <= 0 {
		b.Skip("set PROXIMITE_BENCH_ACTIVITIES=N to import a synthetic file of N activities")
	}
	benchImport(b, writeSynthetic(b, n))
}

func benchImport(b *testing.B, paths ...string) {
	dialect := os.Getenv("PROXIMITE_BENCH_DIALECT")
	if dialect == "" {
		dialect = "sqlite"
	}
	ctx := context.Background()
	var activities int
	var elapsed time.Duration
	// As the import command does (see MemoryLimit, GCPercent).
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(iati.MemoryLimit(dialect)))
		if os.Getenv("GOGC") == "" {
			defer debug.SetGCPercent(debug.SetGCPercent(iati.GCPercent))
		}
	}
	peak := peakHeap(b)
	for b.Loop() {
		b.StopTimer()
		db := sqltest.OpenWith(b, dialect, iati.StoreOptions)
		im := &iati.Importer{DB: db}
		runtime.GC()
		b.StartTimer()
		start := time.Now()
		reports, err := im.Run(ctx, paths...)
		elapsed += time.Since(start)
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range reports {
			activities += r.Read
		}
	}
	b.ReportMetric(float64(activities)/elapsed.Seconds(), "activities/s")
	b.ReportMetric(float64(peak())/(1<<20), "peak-live-heap-MB")
}

// BenchmarkRead measures the reader alone, without the database: every
// activity of the publisher activity files (an organisation file among
// them is left out), read from memory, and reports the rate in activities
// and megabytes per second. Run it with
//
//	go test -run '^$' -bench 'Read$' ./internal/iati/
func BenchmarkRead(b *testing.B) {
	paths, err := filepath.Glob(filepath.Join(sharedDir(b), "publisher-samples", "xml", "*.xml"))
	if err != nil || len(paths) == 0 {
		b.Fatalf("no publisher files: %v", err)
	}
	var files [][]byte
	var size int64
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := readFile(data); err != nil {
			continue
		}
		files = append(files, data)
		size += int64(len(data))
	}
	var activities int
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, data := range files {
			n, err := readFile(data)
			if err != nil {
				b.Fatal(err)
			}
			activities += n
		}
	}
	b.ReportMetric(float64(activities)/b.Elapsed().Seconds(), "activities/s")
}

// readFile reads every activity of a file and returns how many there are.
func readFile(data []byte) (int, error) {
	r := iati.NewReader(bytes.NewReader(data))
	for n := 0; ; n++ {
		if _, err := r.Next(); err == io.EOF {
			return n, nil
		} else if err != nil {
			return n, err
		}
	}
}

// writeSynthetic writes a file of n activities taken in turn from the
// publisher files (every activity of every file, in name order; only
// the CAF file's, smaller and more alike, with
// PROXIMITE_BENCH_CORPUS=caf), each under a new identifier, and returns
// its path. The publisher files average 12 KB an activity, so a million
// activities make a file of about 12 GB.
func writeSynthetic(b *testing.B, n int) string {
	dir := filepath.Join(sharedDir(b), "publisher-samples", "xml")
	files, err := filepath.Glob(filepath.Join(dir, "*.xml"))
	if err != nil {
		b.Fatal(err)
	}
	if os.Getenv("PROXIMITE_BENCH_CORPUS") == "caf" {
		files = []string{filepath.Join(dir, "CAF-ActivityFile-2025-10-10.xml")}
	}
	var acts [][]byte
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			b.Fatal(err)
		}
		acts = append(acts, activitiesOf(src)...)
	}
	if len(acts) == 0 {
		b.Fatal("no activity in the publisher files")
	}
	path := filepath.Join(b.TempDir(), "synthetic.xml")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString("<iati-activities version=\"2.03\">\n")
	for i := 0; i < n; i++ {
		a := acts[i%len(acts)]
		k := bytes.Index(a, []byte("</iati-identifier>"))
		w.Write(a[:k])
		fmt.Fprintf(w, "-S%d", i/len(acts))
		w.Write(a[k:])
		w.WriteByte('\n')
	}
	w.WriteString("</iati-activities>\n")
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	return path
}

// activitiesOf cuts an activity file into its activities' elements.
func activitiesOf(src []byte) [][]byte {
	var acts [][]byte
	end := []byte("</iati-activity>")
	for rest := src; ; {
		i := bytes.Index(rest, []byte("<iati-activity"))
		for i >= 0 && i+14 < len(rest) && rest[i+14] == 'i' { // <iati-activities
			next := bytes.Index(rest[i+1:], []byte("<iati-activity"))
			if next < 0 {
				i = -1
				break
			}
			i += 1 + next
		}
		if i < 0 {
			return acts
		}
		j := bytes.Index(rest[i:], end)
		if j < 0 {
			return acts
		}
		acts = append(acts, rest[i:i+j+len(end)])
		rest = rest[i+j+len(end):]
	}
}

// sharedDir returns ../shared/iati/activities, or skips when the
// project's shared material is absent.
func sharedDir(tb testing.TB) string {
	tb.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "iati", "activities")
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("skipping: no IATI sample files at %s (the project's shared/ material): %v", dir, err)
	}
	return dir
}
