package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// TestCSVCommands exports the demonstration's projects, edits the file as
// a person would, previews the import, imports it, and exports JSON and
// GeoJSON with filters.
func TestCSVCommands(t *testing.T) {
	ctx := context.Background()
	dsn := sqltest.DSN(t, "sqlite")
	m, out := testMain(t, dsn)
	if err := m.Run(ctx, []string{"demo"}); err != nil {
		t.Fatal(err)
	}

	out.Reset()
	if err := m.Run(ctx, []string{"export", "csv", "-country", "SN", "-status", "4"}); err != nil {
		t.Fatal(err)
	}
	file := out.String()
	if n := strings.Count(file, "\n"); !strings.HasPrefix(file, "\ufeffslug,") || n != 4 {
		t.Fatalf("CSV export: %d lines\n%.300s", n, file)
	}
	old := "Refuse collection system in Nioro du Rip"
	if !strings.Contains(file, old) {
		t.Fatalf("no %q in the export", old)
	}
	path := filepath.Join(t.TempDir(), "projets.csv")
	os.WriteFile(path, []byte(strings.Replace(file, old, "Waste collection in Nioro du Rip", 1)), 0o644)

	out.Reset()
	if err := m.Run(ctx, []string{"import", "csv", "-preview", path}); err != nil {
		t.Fatalf("preview: %v\n%s", err, out)
	}
	for _, want := range []string{"row 4: nioro-du-rip-collecte-ordures: updated title_en",
		"0 created, 1 updated, 2 unchanged; preview: nothing written"} {
		if !strings.Contains(out.String(), want) {
			t.Fatalf("preview output lacks %q:\n%s", want, out)
		}
	}
	out.Reset()
	if err := m.Run(ctx, []string{"import", "csv", path}); err != nil || !strings.Contains(out.String(), "1 updated, 2 unchanged; written") {
		t.Fatalf("import: %v\n%s", err, out)
	}
	out.Reset()
	if err := m.Run(ctx, []string{"import", "csv", path}); err != nil || !strings.Contains(out.String(), "nothing to write") {
		t.Fatalf("import again: %v\n%s", err, out)
	}

	// A bad file: each error on its own line, and an error for the shell.
	bad := filepath.Join(t.TempDir(), "bad.csv")
	os.WriteFile(bad, []byte("slug,countries,colour\nnioro-du-rip-obstetrique,XX,red\n"), 0o644)
	out.Reset()
	err := m.Run(ctx, []string{"import", "csv", bad})
	for _, want := range []string{"row 1, column colour: warning: unknown column", `row 2, column countries: error: countries[0].code: unknown country code "XX"`, "nothing written"} {
		if err == nil || !strings.Contains(out.String(), want) {
			t.Fatalf("bad file: %v, output lacks %q:\n%s", err, want, out)
		}
	}

	out.Reset()
	if err := m.Run(ctx, []string{"export", "json", "-lines", "-country", "SN"}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	var p struct{ Slug string }
	if len(lines) != 3 || json.Unmarshal([]byte(lines[2]), &p) != nil || p.Slug != "nioro-du-rip-collecte-ordures" {
		t.Fatalf("JSON Lines: %d lines, last %q", len(lines), p.Slug)
	}
	out.Reset()
	if err := m.Run(ctx, []string{"export", "geojson", "-base", "https://proximite.example/", "-org", "benkadi"}); err != nil {
		t.Fatal(err)
	}
	var fc struct {
		Features []struct{ Properties map[string]string }
	}
	if err := json.Unmarshal(out.Bytes(), &fc); err != nil || len(fc.Features) != 3 ||
		fc.Features[0].Properties["url"] != "https://proximite.example/api/v1/projects/sanankoroba-equipement-agricole" {
		t.Fatalf("GeoJSON: %v %+v", err, fc)
	}

	for _, args := range [][]string{
		{"export", "csv", "-type", "visits"},
		{"export", "json", "-type", "organisations"},
		{"export", "csv", "ML"},
		{"import", "csv"},
		{"import", "csv", "-type", "planets", path},
		{"import", "csv", filepath.Join(t.TempDir(), "none.csv")},
	} {
		if err := m.Run(ctx, args); err == nil {
			t.Errorf("%v: no error", args)
		}
	}
}
