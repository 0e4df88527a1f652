package api_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/api"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

func setup(t *testing.T) (*httptest.Server, *sqlstore.DB) {
	t.Helper()
	db := sqltest.Open(t, "sqlite")
	ctx := context.Background()
	pub := func(slug string) proximite.Meta { return proximite.Meta{Slug: slug, State: proximite.Published} }
	recs := []any{
		&proximite.Organisation{Meta: pub("buckingham"), Name: proximite.T("fr", "Buckingham"), Kind: proximite.Municipality, Country: "CA"},
		&proximite.Organisation{Meta: pub("nioro-du-rip"), Name: proximite.T("fr", "Nioro du Rip"), Kind: proximite.Municipality, Country: "SN"},
		&proximite.Organisation{Meta: proximite.Meta{Slug: "brouillon", State: proximite.Draft}, Name: proximite.T("fr", "Brouillon"), Kind: proximite.NGO},
		&proximite.Partnership{Meta: pub("buckingham-nioro"), Title: proximite.T("fr", "Buckingham–Nioro du Rip"),
			Kind: proximite.MunicipalPartnership, Start: "1993", End: "2000",
			Parties:  []proximite.Party{{Org: "buckingham", Side: proximite.North}, {Org: "nioro-du-rip", Side: proximite.South}},
			Timeline: []proximite.TimelineEvent{{Date: "1993", Kind: proximite.Agreement, Title: proximite.T("fr", "Entente")}}},
		&proximite.Project{Meta: pub("eau-nioro"), Title: proximite.T("fr", "Eau potable à Nioro"), Status: "4",
			Partnership: "buckingham-nioro", Countries: []proximite.CountryShare{{Code: "SN"}}},
	}
	if err := db.SaveMany(ctx, recs...); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(api.New(db, slog.New(slog.NewTextHandler(io.Discard, nil))))
	t.Cleanup(srv.Close)
	return srv, db
}

func get(t *testing.T, url string) (int, map[string]any) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatalf("%s: not JSON: %v", url, err)
	}
	return resp.StatusCode, body
}

func TestReadAPI(t *testing.T) {
	srv, _ := setup(t)

	code, body := get(t, srv.URL+"/api/v1/partnerships/buckingham-nioro")
	if code != 200 {
		t.Fatalf("partnership: %d %v", code, body)
	}
	rec := body["record"].(map[string]any)
	parties := rec["parties"].([]any)
	if len(parties) != 2 || parties[1].(map[string]any)["org_country"] != "SN" {
		t.Fatalf("parties: %v", parties)
	}
	projects := body["links"].(map[string]any)["projects"].([]any)
	if len(projects) != 1 || projects[0].(map[string]any)["url"] != "/api/v1/projects/eau-nioro" {
		t.Fatalf("links: %v", body["links"])
	}

	code, body = get(t, srv.URL+"/api/v1/organisations?country=SN")
	if code != 200 || body["total"].(float64) != 1 || body["items"].([]any)[0].(map[string]any)["slug"] != "nioro-du-rip" {
		t.Fatalf("list: %d %v", code, body)
	}

	code, body = get(t, srv.URL+"/api/v1/search?q=NIORO&type=partnership")
	if code != 200 || body["total"].(float64) != 1 {
		t.Fatalf("search: %d %v", code, body)
	}
	if _, ok := body["facets"].(map[string]any)["type"]; !ok {
		t.Fatalf("search without facets: %v", body)
	}

	// A record is reachable by its numeric id as well as its slug.
	id := body["items"].([]any)[0].(map[string]any)["id"].(float64)
	if code, _ := get(t, srv.URL+"/api/v1/partnerships/"+itoa(int(id))); code != 200 {
		t.Fatalf("by id: %d", code)
	}
}

func TestAPIErrors(t *testing.T) {
	srv, _ := setup(t)
	tests := []struct {
		path  string
		code  int
		field string
	}{
		{"/api/v1/search?limit=abc", 400, "limit"},
		{"/api/v1/search?limit=5000", 400, "limit"},
		{"/api/v1/search?type=planet", 400, "type"},
		{"/api/v1/search?sort=sideways", 400, "sort"},
		{"/api/v1/organisations/brouillon", 404, ""}, // drafts are not public
		{"/api/v1/organisations/atlantis", 404, ""},
		{"/api/v1/planets", 404, ""},
		{"/api/v2/search", 404, ""},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			code, body := get(t, srv.URL+tt.path)
			if code != tt.code {
				t.Fatalf("status %d, want %d: %v", code, tt.code, body)
			}
			e := body["error"].(map[string]any)
			if e["message"] == "" {
				t.Fatalf("no message: %v", body)
			}
			if tt.field != "" {
				fields, _ := e["fields"].([]any)
				if len(fields) == 0 || fields[0].(map[string]any)["field"] != tt.field {
					t.Fatalf("field not named: %v", e)
				}
			}
		})
	}
	// Drafts are not found by search either.
	if _, body := get(t, srv.URL+"/api/v1/search?q=brouillon"); body["total"].(float64) != 0 {
		t.Fatalf("draft found: %v", body)
	}
}

func itoa(n int) string {
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}
