package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// TestTwinsLoadCommand loads a small file with a bad row, then the real
// list twice: the counts are said, and the second load changes nothing.
func TestTwinsLoadCommand(t *testing.T) {
	ctx := context.Background()
	dsn := sqltest.DSN(t, "sqlite")
	small := filepath.Join(t.TempDir(), "twins.csv")
	os.WriteFile(small, []byte("city1,country1,lat1,lng1,city2,country2,lat2,lng2\n"+
		"Gatineau,Canada,45.48,-75.65,Edmonton,Canada,53.53,-113.49\n"+
		"Nowhere,Atlantis,1,2,Bamako,Mali,12.6,-8\n"), 0o644)
	m, out := testMain(t, dsn)
	if err := m.Run(ctx, []string{"twins", "load", small}); err != nil {
		t.Fatalf("load: %v\n%s", err, out)
	}
	for _, want := range []string{`line 3: country1 "Atlantis" is not a known country`, "1 twinnings loaded, 1 rows skipped (Wikipedia contributors, CC BY-SA)"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output %q lacks %q", out, want)
		}
	}
	m, out = testMain(t, dsn)
	if err := m.Run(ctx, []string{"twins", "load"}); err == nil || !strings.Contains(err.Error(), "usage") {
		t.Errorf("no file: %v", err)
	}
	if err := m.Run(ctx, []string{"twins", "load", filepath.Join(t.TempDir(), "none.csv")}); err == nil {
		t.Error("a missing file loaded")
	}

	real := filepath.Join("..", "..", "..", "shared", "twinning", "twin_cities.csv")
	if _, err := os.Stat(real); err != nil {
		t.Skipf("skipping the real list: %v", err)
	}
	var first string
	for i := range 2 {
		m, out := testMain(t, dsn)
		if err := m.Run(ctx, []string{"twins", "load", real}); err != nil {
			t.Fatalf("load %d: %v", i, err)
		}
		lines := strings.Split(strings.TrimSpace(out.String()), "\n")
		last := lines[len(lines)-1]
		if i == 0 {
			first = last
		} else if last != first {
			t.Errorf("second load said %q, first %q", last, first)
		}
	}
	if !strings.Contains(first, "twinnings loaded") || strings.HasPrefix(first, "0 ") {
		t.Errorf("real list: %q", first)
	}
}
