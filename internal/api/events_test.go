package api_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/api"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// The API lists published events by when they happen and never shows a
// draft.
func TestEventsAPI(t *testing.T) {
	ctx := context.Background()
	db := sqltest.Open(t, "sqlite")
	now := time.Now().UTC().Truncate(time.Hour)
	for _, e := range []*proximite.Event{
		{Meta: proximite.Meta{Slug: "a-venir", State: proximite.Published}, Start: now.AddDate(0, 1, 0)},
		{Meta: proximite.Meta{Slug: "passe", State: proximite.Published}, Start: now.AddDate(-1, 0, 0)},
		{Meta: proximite.Meta{Slug: "brouillon", State: proximite.Draft}, Start: now.AddDate(0, 2, 0)},
	} {
		e.Title, e.End, e.Zone, e.Place = proximite.T("fr", e.Slug), e.Start.Add(2*time.Hour), "Africa/Bamako", proximite.T("fr", "Bamako")
		if err := db.CreateEvent(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(api.New(db, slog.New(slog.NewTextHandler(io.Discard, nil))).WithEvents(db))
	defer srv.Close()
	list := func(q string) []string {
		resp, err := http.Get(srv.URL + "/api/v1/events" + q)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var body struct{ Items []struct{ Slug string } }
		if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range body.Items {
			out = append(out, e.Slug)
		}
		return out
	}
	if got := list(""); len(got) != 1 || got[0] != "a-venir" {
		t.Errorf("upcoming: %v", got)
	}
	if got := list("?when=past"); len(got) != 1 || got[0] != "passe" {
		t.Errorf("past: %v", got)
	}
	if got := list("?when=all"); len(got) != 2 {
		t.Errorf("all: %v", got)
	}
	resp, err := http.Get(srv.URL + "/api/v1/events/brouillon")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("a draft event answered %d", resp.StatusCode)
	}
}
