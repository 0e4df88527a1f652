package api_test

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/api"
)

// fetchExport returns the response of a GET with its body read.
func fetchExport(t *testing.T, url, accept string) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	return resp, b
}

func TestJSONExport(t *testing.T) {
	srv := demoServer(t)
	resp, body := fetchExport(t, srv.URL+"/api/v1/export/projects.json?country=SN", "")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Disposition") != `attachment; filename="projects.json"` {
		t.Fatalf("%d %v", resp.StatusCode, resp.Header)
	}
	var projects []proximite.Project
	if err := json.Unmarshal(body, &projects); err != nil {
		t.Fatalf("not a JSON array: %v\n%.300s", err, body)
	}
	var slugs []string
	for _, p := range projects {
		slugs = append(slugs, p.Slug)
	}
	want := []string{"nioro-du-rip-informatisation", "nioro-du-rip-obstetrique", "nioro-du-rip-collecte-ordures"}
	if !reflect.DeepEqual(slugs, want) {
		t.Fatalf("projects %v, want %v", slugs, want)
	}
	if p := projects[2]; len(p.Transactions) != 1 || p.Participants[0].OrgName["fr"] == "" {
		t.Fatalf("not the full record: %+v", p)
	}

	// JSON Lines: by parameter or by Accept, one full record per line.
	for _, tt := range []struct{ query, accept string }{{"?lines=1&country=SN", ""}, {"?country=SN", "application/x-ndjson"}} {
		resp, body := fetchExport(t, srv.URL+"/api/v1/export/projects.json"+tt.query, tt.accept)
		if !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/x-ndjson") {
			t.Fatalf("%s: %s", tt.query, resp.Header.Get("Content-Type"))
		}
		lines := strings.Split(strings.TrimSuffix(string(body), "\n"), "\n")
		if len(lines) != 3 {
			t.Fatalf("%d lines: %s", len(lines), body)
		}
		for i, l := range lines {
			var p proximite.Project
			if err := json.Unmarshal([]byte(l), &p); err != nil || p.Slug != want[i] {
				t.Fatalf("line %d: %v %q", i, err, p.Slug)
			}
		}
	}

	// Nothing matches: an empty array, still valid JSON.
	if _, body := fetchExport(t, srv.URL+"/api/v1/export/projects.json?country=FR", ""); string(body) != "[]\n" {
		t.Fatalf("empty export: %q", body)
	}
}

func TestGeoJSONExport(t *testing.T) {
	srv := demoServer(t)
	resp, body := fetchExport(t, srv.URL+"/api/v1/export/projects.geojson?status=4", "")
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/geo+json") {
		t.Fatalf("%d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	var fc struct {
		Type     string
		Features []struct {
			Type     string
			Geometry struct {
				Type        string
				Coordinates []float64
			}
			Properties map[string]string
		}
	}
	if err := json.Unmarshal(body, &fc); err != nil || fc.Type != "FeatureCollection" {
		t.Fatalf("not GeoJSON: %v %.300s", err, body)
	}
	byProject := map[string][]float64{}
	for _, f := range fc.Features {
		if f.Type != "Feature" || f.Geometry.Type != "Point" || len(f.Geometry.Coordinates) != 2 {
			t.Fatalf("feature: %+v", f)
		}
		byProject[f.Properties["project"]] = f.Geometry.Coordinates
	}
	// Closed projects with a located place: Sanankoroba's first project and
	// the three of Nioro du Rip, longitude first.
	if len(byProject) != 4 || !reflect.DeepEqual(byProject["nioro-du-rip-obstetrique"], []float64{-15.80, 13.75}) {
		t.Fatalf("features by project: %v", byProject)
	}
	p := fc.Features[0].Properties
	if p["project"] != "sanankoroba-equipement-agricole" || p["title_fr"] == "" || p["title_en"] == "" ||
		p["location"] != "Sanankoroba" || p["country"] != "ML" || p["url"] != srv.URL+"/api/v1/projects/sanankoroba-equipement-agricole" {
		t.Fatalf("properties: %v", p)
	}
}

func TestCSVExport(t *testing.T) {
	srv := demoServer(t)
	resp, body := fetchExport(t, srv.URL+"/api/v1/export/projects.csv?country=ML&langs=fr", "")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/csv; charset=utf-8; header=present" ||
		resp.Header.Get("Content-Disposition") != `attachment; filename="projects.csv"` {
		t.Fatalf("%d %v", resp.StatusCode, resp.Header)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(body), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || rows[0][3] != "title_fr" || strings.Contains(strings.Join(rows[0], ","), "title_en") {
		t.Fatalf("header %v, %d rows", rows[0], len(rows))
	}
	for _, bad := range []string{"?langs=EN!", "?type=planet", "?sort=sideways"} {
		if resp, body := fetchExport(t, srv.URL+"/api/v1/export/projects.csv"+bad, ""); resp.StatusCode != 400 || !strings.Contains(string(body), `"error"`) {
			t.Errorf("%s: %d %s", bad, resp.StatusCode, body)
		}
	}
}

// failingRegistry is a registry whose project stream fails after some projects,
// as a database that goes away during an export.
type failingRegistry struct {
	proximite.Registry
	after int
}

func (f failingRegistry) EachProject(ctx context.Context, _ proximite.SearchFilter, fn func(*proximite.Project) error) error {
	for i := range f.after {
		long := strings.Repeat("long ", 20000)
		p := &proximite.Project{Meta: proximite.Meta{Slug: "p" + strings.Repeat("x", i)}, Title: proximite.T("fr", long),
			Locations: []proximite.Location{{Name: proximite.T("fr", long), Point: &proximite.Point{Lat: 1, Lon: 2}}}}
		if err := fn(p); err != nil {
			return err
		}
	}
	return errors.New("connection lost")
}

// TestExportFailure checks that an export that fails before its first
// byte answers a JSON error, and one that fails later cuts the
// connection rather than end a file that looks complete.
func TestExportFailure(t *testing.T) {
	for _, path := range []string{"projects.csv", "projects.json", "projects.json?lines=1", "projects.geojson"} {
		t.Run(path, func(t *testing.T) {
			srv := httptest.NewServer(api.New(failingRegistry{after: 0}, slog.New(slog.NewTextHandler(io.Discard, nil))))
			defer srv.Close()
			resp, body := fetchExport(t, srv.URL+"/api/v1/export/"+path, "")
			if resp.StatusCode != 500 || !strings.Contains(string(body), `"internal"`) {
				t.Fatalf("before any output: %d %s", resp.StatusCode, body)
			}

			srv2 := httptest.NewServer(api.New(failingRegistry{after: 2}, slog.New(slog.NewTextHandler(io.Discard, nil))))
			defer srv2.Close()
			resp, err := http.Get(srv2.URL + "/api/v1/export/" + path)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			_, err = io.Copy(io.Discard, bufio.NewReader(resp.Body))
			if resp.StatusCode != 200 || err == nil {
				t.Fatalf("a failed export ended cleanly: %d %v", resp.StatusCode, err)
			}
		})
	}
}
