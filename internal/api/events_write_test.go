package api_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/api"
	"github.com/proximite/proximite/internal/demo"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// Writes of events with a token: the events' guard decides, a bad event
// is refused field by field, and nothing is stored on a refusal.
func TestEventWrites(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		if _, err := demo.Load(ctx, db); err != nil {
			t.Fatal(err)
		}
		tokens := map[string]string{}
		for name, u := range map[string]*proximite.User{
			"editor":      {Email: "relations@buckingham.example", Name: "Éditeur", Role: proximite.RoleEditor, Orgs: []string{"buckingham"}},
			"coordinator": {Email: "coordination@rosi.example", Name: "Coordination", Role: proximite.RoleCoordinator},
		} {
			if err := db.CreateUser(ctx, u); err != nil {
				t.Fatal(err)
			}
			tok, err := db.CreateAccessToken(ctx, u.ID, "tests")
			if err != nil {
				t.Fatal(err)
			}
			tokens[name] = tok
		}
		srv := httptest.NewServer(api.New(db, slog.New(slog.NewTextHandler(io.Discard, nil))).WithTokens(db).WithEvents(db))
		t.Cleanup(srv.Close)
		count := func() int {
			list, err := db.ListEvents(ctx, proximite.EventFilter{IncludeUnpublished: true})
			if err != nil {
				t.Fatal(err)
			}
			return len(list)
		}
		base := count()
		// 09:00 in Dakar (UTC+0) on 2031-10-03, written with its offset.
		event := map[string]any{"slug": "forum-dakar-2031", "title": map[string]string{"fr": "Forum de Dakar"},
			"start": "2031-10-03T09:00:00Z", "end": "2031-10-03T17:00:00+00:00", "zone": "Africa/Dakar",
			"place": map[string]string{"fr": "Dakar"}, "organisers": []string{"buckingham"}}
		with := func(k string, v any) map[string]any {
			c := map[string]any{}
			for a, b := range event {
				c[a] = b
			}
			c[k] = v
			return c
		}
		for _, c := range []struct {
			name, token string
			body        map[string]any
			status      int
			field       string
		}{
			{"no token", "", event, 401, ""},
			{"editor publishes", tokens["editor"], with("state", "published"), 403, ""},
			{"editor of other organisers", tokens["editor"], with("organisers", []string{"granby"}), 403, ""},
			{"unknown zone", tokens["coordinator"], with("zone", "Mars/Olympus"), 400, "zone"},
			{"end before start", tokens["coordinator"], with("end", "2031-10-03T08:00:00Z"), 400, "end"},
			{"not a date", tokens["coordinator"], with("start", "3 octobre"), 400, ""},
			{"unknown field", tokens["coordinator"], with("lieu", "Dakar"), 400, "lieu"},
		} {
			_, resp, out := send(t, http.MethodPost, srv.URL+"/api/v1/events", c.token, "application/json", mustJSON(c.body))
			if resp.StatusCode != c.status {
				t.Errorf("%s: %d %v, want %d", c.name, resp.StatusCode, out, c.status)
			}
			if c.field != "" {
				fields, _ := out["error"].(map[string]any)["fields"].([]any)
				found := false
				for _, f := range fields {
					found = found || f.(map[string]any)["field"] == c.field
				}
				if !found {
					t.Errorf("%s: the answer does not name the field %q: %v", c.name, c.field, out)
				}
			}
			if n := count(); n != base {
				t.Fatalf("%s: %d events stored, want %d", c.name, n, base)
			}
		}

		_, resp, out := send(t, http.MethodPost, srv.URL+"/api/v1/events", tokens["editor"], "application/json", mustJSON(event))
		if resp.StatusCode != http.StatusCreated || resp.Header.Get("Location") != "/api/v1/events/forum-dakar-2031" || out["state"] != "draft" {
			t.Fatalf("editor creates a draft: %d %v", resp.StatusCode, out)
		}
		// A draft is not public.
		if _, resp, _ := send(t, http.MethodGet, srv.URL+"/api/v1/events/forum-dakar-2031", "", "", nil); resp.StatusCode != 404 {
			t.Errorf("GET a draft: %d", resp.StatusCode)
		}
		_, resp, out = send(t, http.MethodPut, srv.URL+"/api/v1/events/forum-dakar-2031", tokens["coordinator"], "application/json",
			mustJSON(with("state", "published")))
		if resp.StatusCode != http.StatusOK || out["state"] != "published" {
			t.Fatalf("coordinator publishes: %d %v", resp.StatusCode, out)
		}
		e, err := db.FindEvent(ctx, "forum-dakar-2031")
		if err != nil || !e.Start.Equal(time.Date(2031, 10, 3, 9, 0, 0, 0, time.UTC)) || e.Zone != "Africa/Dakar" {
			t.Errorf("stored %+v, %v", e, err)
		}
		if _, resp, _ := send(t, http.MethodGet, srv.URL+"/api/v1/events/forum-dakar-2031", "", "", nil); resp.StatusCode != 200 {
			t.Errorf("GET the published event: %d", resp.StatusCode)
		}
		if _, resp, _ := send(t, http.MethodDelete, srv.URL+"/api/v1/events/forum-dakar-2031", tokens["editor"], "", nil); resp.StatusCode != 403 {
			t.Errorf("editor withdraws a published event: %d", resp.StatusCode)
		}
		if _, resp, _ := send(t, http.MethodDelete, srv.URL+"/api/v1/events/forum-dakar-2031", tokens["coordinator"], "", nil); resp.StatusCode != 204 {
			t.Errorf("coordinator deletes: %d", resp.StatusCode)
		}
		if n := count(); n != base {
			t.Errorf("%d events after deletion, want %d", n, base)
		}
		if _, resp, _ := send(t, http.MethodDelete, srv.URL+"/api/v1/events/forum-dakar-2031", tokens["coordinator"], "", nil); resp.StatusCode != 404 {
			t.Errorf("delete again: %d", resp.StatusCode)
		}
	})
}
