package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// testMain returns a program on the database dsn, serving on a free port,
// with its output captured.
func testMain(t *testing.T, dsn string) (*Main, *bytes.Buffer) {
	t.Helper()
	out := &bytes.Buffer{}
	return &Main{Config: Config{Database: dsn, Addr: "127.0.0.1:0"}, Stdout: out, Stderr: out,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}, out
}

// serve starts the program and stops it when the test ends.
func serve(t *testing.T, dsn string) *Server {
	t.Helper()
	m, _ := testMain(t, dsn)
	s, err := m.Open(context.Background())
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
	})
	return s
}

func getJSON(t *testing.T, url string, out any) int {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("%s: content type %q", url, ct)
	}
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	return resp.StatusCode
}

type searchBody struct {
	Items []struct {
		Type, Slug, URL string
		Title           map[string]string
	}
	Total  int
	Facets map[string][]struct {
		Value string
		Count int
	}
}

func TestServeFreshDatabaseShowsTheDemonstration(t *testing.T) {
	s := serve(t, sqltest.DSN(t, "sqlite"))

	var health map[string]string
	if code := getJSON(t, s.URL()+"/healthz", &health); code != 200 || health["status"] != "ok" {
		t.Fatalf("healthz: %d %v", code, health)
	}

	var r searchBody
	getJSON(t, s.URL()+"/api/v1/search?q=elisabeth", &r)
	twinning := ""
	for _, it := range r.Items {
		if it.Type == "partnership" && strings.Contains(it.Title["fr"], "Sanankoroba") {
			twinning = it.URL
		}
	}
	if twinning == "" {
		t.Fatalf("q=elisabeth does not find the Sainte-Élisabeth–Sanankoroba twinning: %+v", r.Items)
	}

	getJSON(t, s.URL()+"/api/v1/search?q=nioro&type=partnership", &r)
	if r.Total < 1 || !strings.Contains(r.Items[0].Title["fr"], "Buckingham") {
		t.Fatalf("q=nioro&type=partnership: %+v", r)
	}
	var rec struct {
		Record struct {
			Parties []struct {
				Org     string
				OrgName map[string]string `json:"org_name"`
			}
			Timeline []struct{ Date string }
		}
		Links map[string][]struct{ Slug string }
	}
	if code := getJSON(t, s.URL()+r.Items[0].URL, &rec); code != 200 {
		t.Fatalf("partnership: %d", code)
	}
	if len(rec.Record.Parties) < 2 || rec.Record.Parties[0].OrgName["fr"] == "" || len(rec.Record.Timeline) == 0 {
		t.Fatalf("Buckingham–Nioro du Rip without parties or timeline: %+v", rec)
	}
	if len(rec.Links["projects"]) != 3 {
		t.Fatalf("Buckingham–Nioro du Rip should list its three projects: %+v", rec.Links)
	}

	// The home page says what the registry holds.
	resp, err := http.Get(s.URL() + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !bytes.Contains(body, []byte("/api/v1/partnerships")) {
		t.Fatalf("home page: %d %s", resp.StatusCode, body)
	}
}

// TestSameRegistryOnBothDatabases loads the demonstration registry with
// migrate and demo on each database and compares counts and searches.
func TestSameRegistryOnBothDatabases(t *testing.T) {
	queries := []string{"", "q=elisabeth", "q=nioro&type=partnership", "q=senegal", "q=eau", "country=ML",
		"type=project&sector=151", "q=municipal&type=organisation", "org_kind=municipality&type=partnership",
		"type=publication&language=fr&pub_type=report", "q=proximite&type=publication"}
	results := map[string][]searchBody{}
	for _, dialect := range sqltest.Dialects {
		dsn := sqltest.DSN(t, dialect)
		for _, cmd := range [][]string{{"migrate"}, {"demo"}, {"demo"}} {
			m, out := testMain(t, dsn)
			if err := m.Run(context.Background(), cmd); err != nil {
				t.Fatalf("%s %v: %v\n%s", dialect, cmd, err, out)
			}
		}
		s := serve(t, dsn)
		for _, q := range queries {
			var r searchBody
			getJSON(t, s.URL()+"/api/v1/search?limit=200&sort=title&"+q, &r)
			results[dialect] = append(results[dialect], r)
		}
	}
	for i, q := range queries {
		lite, pg := results["sqlite"][i], results["postgres"][i]
		if lite.Total == 0 && q != "q=eau" {
			t.Errorf("%q finds nothing", q)
		}
		if !reflect.DeepEqual(lite, pg) {
			t.Errorf("%q differs:\nsqlite:   %+v\npostgres: %+v", q, lite, pg)
		}
	}
}

func TestBadInputFailsClearlyAndTouchesNothing(t *testing.T) {
	dir := t.TempDir()
	garbage := filepath.Join(dir, "garbage.db")
	os.WriteFile(garbage, bytes.Repeat([]byte("not a database "), 512), 0o644)
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte("hello"), 0o644)
	good := filepath.Join(dir, "good.db")
	if m, out := testMain(t, "sqlite:"+good); m.Run(context.Background(), []string{"migrate"}) != nil {
		t.Fatal(out)
	}
	goodBytes, _ := os.ReadFile(good)

	tests := []struct {
		name string
		dsn  string
		args []string
		want string
	}{
		{"unknown scheme", "mysql://localhost/x", []string{"migrate"}, `unknown database "mysql"`},
		{"unreachable PostgreSQL", "postgres://postgres@127.0.0.1:1/none?connect_timeout=2", []string{"migrate"}, "cannot reach PostgreSQL"},
		{"corrupt SQLite file", "sqlite:" + garbage, []string{"migrate"}, "not a SQLite database"},
		{"corrupt SQLite file, serve", "sqlite:" + garbage, []string{"serve"}, "not a SQLite database"},
		{"restore from a text file", "sqlite:" + good, []string{"restore", text}, "not a registry backup"},
		{"restore from a missing file", "sqlite:" + good, []string{"restore", filepath.Join(dir, "nope.db")}, "cannot read"},
		{"restore from a database that is not a registry", "sqlite:" + good, []string{"restore", garbage}, "not a registry backup"},
		{"unknown command", "sqlite:" + good, []string{"frobnicate"}, "unknown command"},
		{"backup onto an existing file", "sqlite:" + good, []string{"backup", text}, "already exists"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := os.ReadFile(garbage)
			m, _ := testMain(t, tt.dsn)
			err := m.Run(context.Background(), tt.args)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want an error containing %q", err, tt.want)
			}
			if after, _ := os.ReadFile(garbage); !bytes.Equal(before, after) {
				t.Fatal("the corrupt file was modified")
			}
			if after, _ := os.ReadFile(good); !bytes.Equal(goodBytes, after) {
				t.Fatal("the registry was modified")
			}
			if txt, _ := os.ReadFile(text); string(txt) != "hello" {
				t.Fatal("the text file was modified")
			}
		})
	}
}

func TestBackupAndRestore(t *testing.T) {
	dir := t.TempDir()
	dsn := "sqlite:" + filepath.Join(dir, "registry.db")
	backup := filepath.Join(dir, "backup.db")
	run := func(args ...string) string {
		t.Helper()
		m, out := testMain(t, dsn)
		if err := m.Run(context.Background(), args); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
		return out.String()
	}
	run("demo")
	s := serve(t, dsn) // the backup is taken while the registry is served
	if out := run("backup", backup); !strings.Contains(out, "backup written") {
		t.Fatal(out)
	}
	var before searchBody
	getJSON(t, s.URL()+"/api/v1/search", &before)
	org := before.Items[0]
	if err := s.DB.DeleteProject(context.Background(), 0); err == nil {
		t.Fatal("deleting a missing project should fail")
	}
	s.Close()

	// Empty the registry, then restore it.
	os.Remove(filepath.Join(dir, "registry.db"))
	os.Remove(filepath.Join(dir, "registry.db-wal"))
	run("migrate")
	run("restore", backup)
	s2 := serve(t, dsn)
	var after searchBody
	getJSON(t, s2.URL()+"/api/v1/search", &after)
	if after.Total != before.Total || after.Items[0].Slug != org.Slug {
		t.Fatalf("restored registry differs: %d records, was %d", after.Total, before.Total)
	}
}

func TestDemoSynthetic(t *testing.T) {
	m, out := testMain(t, sqltest.DSN(t, "sqlite"))
	if err := m.Run(context.Background(), []string{"demo", "-synthetic", "200"}); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if !strings.Contains(out.String(), "synthetic registry of 200 projects") {
		t.Fatalf("output: %s", out)
	}
	var r searchBody
	s := serve(t, m.Config.Database)
	getJSON(t, s.URL()+"/api/v1/search?type=project", &r)
	if r.Total < 150 { // about 95% of synthetic records are published
		t.Fatalf("%d synthetic projects published", r.Total)
	}
}
