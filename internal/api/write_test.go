package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/api"
	"github.com/proximite/proximite/internal/demo"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// The actors of the write tests, in the order of the expected statuses.
const (
	anonymous = iota
	otherEditor
	editor
	coordinator
	admin
)

var actorNames = []string{"anonymous", "editor of another organisation", "editor of Buckingham", "coordinator", "admin"}

// writeServer serves the demonstration registry with one account per
// actor, and returns each actor's token ("" for the anonymous).
func writeServer(t *testing.T, db *sqlstore.DB) (*httptest.Server, []string) {
	t.Helper()
	ctx := context.Background()
	if _, err := demo.Load(ctx, db); err != nil {
		t.Fatal(err)
	}
	users := []*proximite.User{
		{Email: "autre@granby.example", Name: "Éditrice de Granby", Role: proximite.RoleEditor, Orgs: []string{"granby"}},
		{Email: "relations@buckingham.example", Name: "Éditeur de Buckingham", Role: proximite.RoleEditor, Orgs: []string{"buckingham"}},
		{Email: "coordination@rosi.example", Name: "Coordination", Role: proximite.RoleCoordinator},
		{Email: "admin@rosi.example", Name: "Administration", Role: proximite.RoleAdmin, Lang: "en"},
	}
	tokens := []string{""}
	for _, u := range users {
		if err := db.CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
		tok, err := db.CreateAccessToken(ctx, u.ID, "tests")
		if err != nil {
			t.Fatal(err)
		}
		tokens = append(tokens, tok)
	}
	srv := httptest.NewServer(api.New(db, slog.New(slog.NewTextHandler(io.Discard, nil))).WithTokens(db))
	t.Cleanup(srv.Close)
	return srv, tokens
}

func send(t *testing.T, method, url, token, contentType string, body []byte) (*http.Request, *http.Response, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest(method, url, bytes.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(b))
	req.Body = io.NopCloser(bytes.NewReader(body))
	var out map[string]any
	json.Unmarshal(b, &out)
	return req, resp, out
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

// Fixtures: records in which Buckingham takes part, as drafts, that the
// system writes before each call which changes or deletes one.
func ourPartnership(slug string) *proximite.Partnership {
	return &proximite.Partnership{Meta: proximite.Meta{Slug: slug, State: proximite.Draft}, Title: proximite.T("fr", "Échange de pompiers", "en", "Firefighters' exchange"),
		Kind: proximite.MunicipalPartnership, Start: "2024",
		Parties: []proximite.Party{{Org: "buckingham", Side: proximite.North}, {Org: "nioro-du-rip", Side: proximite.South}}}
}

func ourProject(slug string) *proximite.Project {
	return &proximite.Project{Meta: proximite.Meta{Slug: slug, State: proximite.Draft}, Title: proximite.T("fr", "Bibliothèque de Nioro", "en", "Nioro library"),
		Status: "2", PlannedStart: "2024", Countries: []proximite.CountryShare{{Code: "SN"}},
		Participants: []proximite.Participant{{Org: "buckingham", Role: "4"}, {Org: "nioro-du-rip", Role: "4"}}}
}

// ourVisit names only the twinning: Buckingham takes part through it.
func ourVisit(slug string) *proximite.Visit {
	return &proximite.Visit{Meta: proximite.Meta{Slug: slug, State: proximite.Draft}, Title: proximite.T("fr", "Mission 2024", "en", "2024 mission"),
		Direction: proximite.NorthToSouth, Partnership: "jumelage-buckingham-nioro-du-rip", Start: "2024-11"}
}

func aProgramme(slug string) *proximite.Programme {
	return &proximite.Programme{Meta: proximite.Meta{Slug: slug, State: proximite.Draft}, Name: proximite.T("fr", "Fonds des jumelages", "en", "Twinning fund"), Funder: "fcm"}
}

// TestWriteAPIPermissions sends every mutating call as each actor and
// checks the status, that a refused call stores nothing, and that every
// answer is what the OpenAPI document says.
func TestWriteAPIPermissions(t *testing.T) {
	v := openAPIValidator(t, api.OpenAPI())
	type call struct {
		name, method, collection string
		// fixture, when set, is written by the system before the call,
		// and the call is made on it.
		fixture func(slug string) any
		target  string // the record called on, when there is no fixture
		body    func(slug string) any
		want    [5]int
	}
	patch := func(fields map[string]any) func(string) any { return func(string) any { return fields } }
	calls := []call{
		{"create organisation", "POST", "organisations", nil, "", func(s string) any {
			return &proximite.Organisation{Meta: proximite.Meta{Slug: s, State: proximite.Draft}, Name: proximite.T("fr", "Comité de Ndiba"), Kind: proximite.CommunityGroup, Country: "SN"}
		}, [5]int{401, 403, 403, 201, 201}},
		{"replace organisation", "PUT", "organisations", nil, "buckingham", func(string) any {
			return &proximite.Organisation{Meta: proximite.Meta{State: proximite.Published}, Name: proximite.T("fr", "Buckingham", "en", "Buckingham"),
				Kind: proximite.Municipality, Country: "CA", Subdivision: "QC", Population: 10000}
		}, [5]int{401, 403, 200, 200, 200}},
		{"patch organisation", "PATCH", "organisations", nil, "buckingham", patch(map[string]any{"population_year": 2001}), [5]int{401, 403, 200, 200, 200}},
		{"delete referenced organisation", "DELETE", "organisations", nil, "buckingham", nil, [5]int{401, 403, 403, 409, 409}},
		{"delete organisation", "DELETE", "organisations", func(s string) any {
			return &proximite.Organisation{Meta: proximite.Meta{Slug: s, State: proximite.Draft}, Name: proximite.T("fr", "Doublon"), Kind: proximite.NGO}
		}, "", nil, [5]int{401, 403, 403, 204, 204}},

		{"create partnership", "POST", "partnerships", nil, "", func(s string) any { return ourPartnership(s) }, [5]int{401, 403, 201, 201, 201}},
		{"replace partnership", "PUT", "partnerships", func(s string) any { return ourPartnership(s) }, "", func(s string) any {
			p := ourPartnership(s)
			p.State, p.End = proximite.Submitted, "2026"
			return p
		}, [5]int{401, 403, 200, 200, 200}},
		{"patch partnership", "PATCH", "partnerships", func(s string) any { return ourPartnership(s) }, "",
			patch(map[string]any{"objectives": map[string]string{"fr": "Former", "en": "Train"}}), [5]int{401, 403, 200, 200, 200}},
		{"delete partnership", "DELETE", "partnerships", func(s string) any { return ourPartnership(s) }, "", nil, [5]int{401, 403, 204, 204, 204}},

		{"create project", "POST", "projects", nil, "", func(s string) any { return ourProject(s) }, [5]int{401, 403, 201, 201, 201}},
		{"create published project", "POST", "projects", nil, "", func(s string) any {
			p := ourProject(s)
			p.State = proximite.Published
			return p
		}, [5]int{401, 403, 403, 201, 201}},
		{"replace project", "PUT", "projects", func(s string) any { return ourProject(s) }, "", func(s string) any {
			p := ourProject(s)
			p.Status = "3"
			return p
		}, [5]int{401, 403, 200, 200, 200}},
		{"patch project", "PATCH", "projects", func(s string) any { return ourProject(s) }, "", patch(map[string]any{"status": "4"}), [5]int{401, 403, 200, 200, 200}},
		{"publish project", "PATCH", "projects", func(s string) any { return ourProject(s) }, "", patch(map[string]any{"state": "published"}), [5]int{401, 403, 403, 200, 200}},
		{"take over a project", "PATCH", "projects", nil, "sanankoroba-equipement-agricole",
			patch(map[string]any{"participants": []any{map[string]any{"org": "buckingham", "role": "4"}}}), [5]int{401, 403, 403, 200, 200}},
		{"delete project", "DELETE", "projects", func(s string) any { return ourProject(s) }, "", nil, [5]int{401, 403, 204, 204, 204}},

		{"create visit to Nioro du Rip", "POST", "visits", nil, "", func(s string) any {
			return &proximite.Visit{Meta: proximite.Meta{Slug: s, State: proximite.Draft}, Title: proximite.T("fr", "Délégation de 2025", "en", "2025 delegation"),
				Direction: proximite.NorthToSouth, From: "buckingham", To: "nioro-du-rip", Start: "2025-02", End: "2025-03"}
		}, [5]int{401, 403, 201, 201, 201}},
		{"replace visit", "PUT", "visits", func(s string) any { return ourVisit(s) }, "", func(s string) any {
			v := ourVisit(s)
			v.End = "2024-12"
			return v
		}, [5]int{401, 403, 200, 200, 200}},
		{"patch visit", "PATCH", "visits", func(s string) any { return ourVisit(s) }, "", patch(map[string]any{"report": map[string]string{"fr": "Bon séjour"}}), [5]int{401, 403, 200, 200, 200}},
		{"withdraw published visit", "PATCH", "visits", nil, "delegation-buckingham-nioro-du-rip-1", patch(map[string]any{"state": "draft"}), [5]int{401, 403, 403, 200, 200}},
		{"delete visit", "DELETE", "visits", func(s string) any { return ourVisit(s) }, "", nil, [5]int{401, 403, 204, 204, 204}},
		{"delete published visit", "DELETE", "visits", nil, "delegation-nioro-du-rip-buckingham-4", nil, [5]int{401, 403, 403, 204, 404}},

		{"create programme", "POST", "programmes", nil, "", func(s string) any { return aProgramme(s) }, [5]int{401, 403, 403, 201, 201}},
		{"replace programme", "PUT", "programmes", func(s string) any { return aProgramme(s) }, "", func(s string) any {
			p := aProgramme(s)
			p.Start = "2024"
			return p
		}, [5]int{401, 403, 403, 200, 200}},
		{"patch programme", "PATCH", "programmes", func(s string) any { return aProgramme(s) }, "", patch(map[string]any{"website": "https://fcm.ca"}), [5]int{401, 403, 403, 200, 200}},
		{"delete programme", "DELETE", "programmes", func(s string) any { return aProgramme(s) }, "", nil, [5]int{401, 403, 403, 204, 204}},
	}
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		srv, tokens := writeServer(t, db)
		ctx := context.Background()
		n := 0
		for _, c := range calls {
			for actor, want := range c.want {
				t.Run(c.name+"/"+actorNames[actor], func(t *testing.T) {
					n++
					slug := fmt.Sprintf("essai-%d", n)
					target := c.target
					if c.fixture != nil {
						if err := db.SaveMany(ctx, c.fixture(slug)); err != nil {
							t.Fatal(err)
						}
						target = slug
					}
					url := srv.URL + "/api/v1/" + c.collection
					if c.method != "POST" {
						url += "/" + target
					}
					var body []byte
					ct := ""
					if c.body != nil {
						body, ct = mustJSON(c.body(slug)), "application/json"
						if c.method == "PATCH" {
							ct = "application/merge-patch+json"
						}
					}
					var before int
					db.SQL().QueryRow(`SELECT count(*) FROM audit_log`).Scan(&before)
					req, resp, out := send(t, c.method, url, tokens[actor], ct, body)
					if resp.StatusCode != want {
						t.Fatalf("%s %s as %s: %d, want %d: %v", c.method, url, actorNames[actor], resp.StatusCode, want, out)
					}
					var after int
					db.SQL().QueryRow(`SELECT count(*) FROM audit_log`).Scan(&after)
					if ok := want < 300; ok != (after == before+1) {
						t.Fatalf("%d audit entries for a call answered %d", after-before, want)
					}
					if want == 401 && resp.Header.Get("WWW-Authenticate") == "" {
						t.Error("401 without WWW-Authenticate")
					}
					if want >= 400 && out["error"].(map[string]any)["message"] == "" {
						t.Errorf("error without a message: %v", out)
					}
					if tokens[actor] != "" {
						if ok, errs := v.ValidateHttpRequest(req); !ok {
							for _, e := range errs {
								t.Errorf("request: %s: %s", e.Message, e.Reason)
								for _, f := range e.SchemaValidationErrors {
									t.Errorf("  %s at %s (%s)", f.Reason, f.KeywordLocation, f.InstancePath)
								}
							}
						}
					}
					if ok, errs := v.ValidateHttpResponse(req, resp); !ok {
						for _, e := range errs {
							t.Errorf("response: %s: %s", e.Message, e.Reason)
							for _, f := range e.SchemaValidationErrors {
								t.Errorf("  %s at %s (%s)", f.Reason, f.KeywordLocation, f.InstancePath)
							}
						}
					}
				})
			}
		}
	})
}

// TestWriteAPIRefusesBadInput checks that invalid records are refused
// with the field named, and that nothing is stored.
func TestWriteAPIRefusesBadInput(t *testing.T) {
	pct := func(f float64) *float64 { return &f }
	tests := []struct {
		name        string
		collection  string
		contentType string
		body        []byte
		status      int
		field       string
	}{
		{"no title in French nor English", "visits", "application/json", mustJSON(map[string]any{
			"slug": "sans-titre", "title": map[string]string{"fr": " ", "en": ""}, "direction": "north_south",
			"from": "buckingham", "to": "nioro-du-rip", "start": "2025"}), 400, "title"},
		{"sectors summing to 130 %", "projects", "application/json", mustJSON(func() any {
			p := ourProject("cent-trente")
			p.Sectors = []proximite.SectorShare{{Code: "14030", Percentage: pct(70)}, {Code: "12220", Percentage: pct(60)}}
			return p
		}()), 400, "sectors"},
		{"an end before the start", "visits", "application/json", mustJSON(&proximite.Visit{Meta: proximite.Meta{Slug: "a-rebours"},
			Title: proximite.T("fr", "À rebours"), Direction: proximite.NorthToSouth, From: "buckingham", To: "nioro-du-rip",
			Start: "2025-03", End: "2025-01"}), 400, "end"},
		{"a project ending before it starts", "projects", "application/json", mustJSON(func() any {
			p := ourProject("projet-a-rebours")
			p.PlannedEnd = "2020"
			return p
		}()), 400, "planned_end"},
		{"a 5 MB text field", "projects", "application/json", mustJSON(func() any {
			p := ourProject("trop-long")
			p.Description = proximite.T("fr", strings.Repeat("Nioro ", 5<<20/6))
			return p
		}()), 413, ""},
		{"not JSON", "projects", "text/plain", []byte("titre: Nioro"), 415, ""},
		{"a misspelt field", "visits", "application/json", []byte(`{"slug":"faute","titel":{"fr":"Faute"}}`), 400, "titel"},
		{"a number for a text", "visits", "application/json", []byte(`{"slug":"nombre","title":12}`), 400, "title"},
		{"broken JSON", "visits", "application/json", []byte(`{"slug":`), 400, ""},
		{"a taken slug", "organisations", "application/json", mustJSON(&proximite.Organisation{Meta: proximite.Meta{Slug: "buckingham"},
			Name: proximite.T("fr", "Autre Buckingham"), Kind: proximite.NGO}), 409, "slug"},
		{"an unknown partner", "visits", "application/json", mustJSON(&proximite.Visit{Meta: proximite.Meta{Slug: "vers-atlantis"},
			Title: proximite.T("fr", "Vers l'Atlantide"), Direction: proximite.NorthToSouth, From: "buckingham", To: "atlantis", Start: "2025"}), 400, "to"},
	}
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		srv, tokens := writeServer(t, db)
		var before int
		db.SQL().QueryRow(`SELECT count(*) FROM records`).Scan(&before)
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				for _, actor := range []int{editor, admin} {
					_, resp, out := send(t, "POST", srv.URL+"/api/v1/"+tt.collection, tokens[actor], tt.contentType, tt.body)
					if resp.StatusCode != tt.status {
						t.Fatalf("as %s: %d, want %d: %.300v", actorNames[actor], resp.StatusCode, tt.status, out)
					}
					e := out["error"].(map[string]any)
					if tt.field != "" {
						fields, _ := e["fields"].([]any)
						if len(fields) == 0 || fields[0].(map[string]any)["field"] != tt.field {
							t.Fatalf("field %q not named: %v", tt.field, e)
						}
					}
				}
			})
		}
		var after, audit int
		db.SQL().QueryRow(`SELECT count(*) FROM records`).Scan(&after)
		db.SQL().QueryRow(`SELECT count(*) FROM audit_log`).Scan(&audit)
		if after != before || audit != 0 {
			t.Fatalf("refused writes stored something: %d records (was %d), %d audit entries", after, before, audit)
		}
		// A bad token is refused like none.
		if _, resp, _ := send(t, "DELETE", srv.URL+"/api/v1/visits/delegation-buckingham-nioro-du-rip-1", "prx_forged", "", nil); resp.StatusCode != 401 {
			t.Fatalf("forged token: %d", resp.StatusCode)
		}
	})
}
