package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// TestRatesLoadCommand loads a good file, then bad ones: each error names
// its line, and a bad file leaves the rates as they were.
func TestRatesLoadCommand(t *testing.T) {
	ctx := context.Background()
	dsn := sqltest.DSN(t, "sqlite")
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.csv", "year,currency,rate_to_cad\n2004,XOF,0.0025\n2005,EUR,1.5\n")
	m, out := testMain(t, dsn)
	if err := m.Run(ctx, []string{"rates", "load", good}); err != nil {
		t.Fatalf("load: %v\n%s", err, out)
	}
	if !strings.Contains(out.String(), "2 rates loaded") {
		t.Errorf("output %q", out)
	}
	for _, tt := range []struct{ name, body, want string }{
		{"missing-year.csv", "year,currency,rate_to_cad\n2006,XOF,0.002\n,EUR,1.5\n", "line 3: the year is missing"},
		{"negative.csv", "year,currency,rate_to_cad\n2006,XOF,0.002\n2006,EUR,-1.5\n", "line 3: the rate -1.5 must be greater than zero"},
		{"unknown.csv", "year,currency,rate_to_cad\n2006,QQQ,2\n", `line 2: unknown currency "QQQ"`},
	} {
		m, _ := testMain(t, dsn)
		err := m.Run(ctx, []string{"rates", "load", write(tt.name, tt.body)})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want an error saying %q", tt.name, err, tt.want)
		}
	}
	db, err := sqlstore.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rates, err := db.Rates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(rates) != 2 {
		t.Errorf("rates after the bad files: %v, want the two of the good file", rates)
	}
	if m, _ := testMain(t, dsn); m.Run(ctx, []string{"rates"}) == nil {
		t.Error("no subcommand accepted")
	}
}
