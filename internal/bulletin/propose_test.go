package bulletin

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/proximite/proximite"
)

type fakeSource struct {
	since  time.Time
	types  []proximite.RecordType
	hits   []proximite.Hit
	events []*proximite.Event
}

func (f *fakeSource) PublishedSince(_ context.Context, since time.Time, types []proximite.RecordType, _ int) ([]proximite.Hit, error) {
	f.since, f.types = since, types
	return f.hits, nil
}

func (f *fakeSource) ListEvents(_ context.Context, ef proximite.EventFilter) ([]*proximite.Event, error) {
	if ef.Span != proximite.Upcoming {
		return nil, nil
	}
	return f.events, nil
}

func TestPropose(t *testing.T) {
	since := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	src := &fakeSource{
		hits: []proximite.Hit{
			{Type: proximite.TypeProject, Slug: "puits", Title: proximite.T("fr", "Un puits à Kayes", "en", "A well in Kayes")},
			{Type: proximite.TypePartnership, Slug: "jumelage", Title: proximite.T("fr", "Jumelage Rimouski–Kayes")},
		},
		events: []*proximite.Event{{Meta: proximite.Meta{Slug: "rencontres"}, Title: proximite.T("fr", "Rencontres 2030", "en", "Meetings 2030"),
			Start: time.Date(2030, 5, 4, 9, 0, 0, 0, time.UTC), Zone: "Africa/Dakar"}},
	}
	links := Links{
		Record: func(lang string, t proximite.RecordType, slug string) string {
			return "https://x.org/" + lang + "/" + string(t) + "/" + slug
		},
		Event: func(lang, slug string) string { return "https://x.org/" + lang + "/events/" + slug },
	}
	subject, body, err := Propose(context.Background(), src, links, since, since)
	if err != nil {
		t.Fatal(err)
	}
	if !src.since.Equal(since) {
		t.Errorf("proposals since %v, want %v", src.since, since)
	}
	want := []proximite.RecordType{proximite.TypePartnership, proximite.TypeProject, proximite.TypeVisit}
	for i, ty := range want {
		if i >= len(src.types) || src.types[i] != ty {
			t.Fatalf("types %v, want %v first", src.types, want)
		}
	}
	if proximite.RecordType("publication").Valid() && (len(src.types) != 4 || src.types[3] != "publication") {
		t.Errorf("the registry knows publications; types %v", src.types)
	}
	en := body["en"]
	for _, s := range []string{"## New partnerships", "- Jumelage Rimouski–Kayes\n  https://x.org/en/partnership/jumelage",
		"## New projects", "- A well in Kayes\n  https://x.org/en/project/puits", "## Upcoming events", "- Meetings 2030, 2030-05-04\n  https://x.org/en/events/rencontres"} {
		if !strings.Contains(en, s) {
			t.Errorf("English body lacks %q:\n%s", s, en)
		}
	}
	if strings.Index(en, "partnerships") > strings.Index(en, "projects") {
		t.Error("partnerships should come before projects")
	}
	if !strings.Contains(body["fr"], "## Nouveaux projets\n\n- Un puits à Kayes") || subject["fr"] == "" || subject["en"] == "" {
		t.Errorf("French proposal:\n%s", body["fr"])
	}
	empty := &fakeSource{}
	_, body, _ = Propose(context.Background(), empty, links, since, since)
	if !strings.Contains(body["en"], "Nothing new has been published") {
		t.Errorf("empty proposal:\n%s", body["en"])
	}
}
