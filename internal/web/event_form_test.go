package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// eventInput is a valid event as the form posts it: in Montreal, the day
// after the clocks go forward.
func eventInput(pairs ...string) url.Values {
	v := vals("title.fr", "Forum des jumelages", "title.en", "Twinning forum",
		"description.fr", "Une journée d'échanges.", "start", "2031-03-09T10:00", "end", "2031-03-09T16:30",
		"zone", "America/Montreal", "place.fr", "Hôtel de ville de Buckingham",
		"organisers[0]", "buckingham", "partnerships[0]", "jumelage-buckingham-nioro-du-rip", "state", "draft", "save", "1")
	for i := 0; i+1 < len(pairs); i += 2 {
		v.Set(pairs[i], pairs[i+1])
	}
	return v
}

func eventCount(t *testing.T, db *sqlstore.DB) int {
	t.Helper()
	list, err := db.ListEvents(context.Background(), proximite.EventFilter{IncludeUnpublished: true})
	if err != nil {
		t.Fatal(err)
	}
	return len(list)
}

// The form stores the instants the local times mean in the zone chosen,
// refuses what the policy or the clock does not allow with a message next
// to the input, and stores nothing then.
func TestEventForm(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		s := newWSSite(t, db)
		ctx := context.Background()
		base := eventCount(t, db)

		r := s.do("anonymous", http.MethodGet, "/fr/evenements/nouveau", nil)
		wantStatus(t, r, http.StatusSeeOther)
		r = s.do("coordinator", http.MethodGet, "/fr/evenements/nouveau", nil)
		wantStatus(t, r, http.StatusOK)
		mustContain(t, "new event form", r, "<h1>Nouvel événement</h1>", `type="datetime-local"`, `name="zone"`,
			`<option value="Africa/Dakar">`, `name="organisers[0]"`, `href="/en/events/new"`)

		for _, c := range []struct {
			name, persona string
			form          url.Values
			status        int
			want          string
		}{
			{"bad date", "coordinator", eventInput("start", "le 3 mars"), 422, "Date et heure illisibles : « le 3 mars »"},
			{"end before start", "coordinator", eventInput("end", "2031-03-09T09:00"), 422, "f-end-err"},
			{"unknown zone", "coordinator", eventInput("zone", "Mars/Olympus"), 422, "Fuseau horaire inconnu : « Mars/Olympus »"},
			{"no zone", "coordinator", eventInput("zone", ""), 422, "Choisissez le fuseau horaire du lieu."},
			{"skipped hour", "coordinator", eventInput("start", "2031-03-09T02:30"), 422, "les horloges y avancent"},
			{"nowhere", "coordinator", eventInput("place.fr", ""), 422, "Indiquez le lieu, ou l&#39;adresse en ligne."},
			{"editor publishes", "editor", eventInput("state", "published"), 403, "Seule la coordination publie"},
			{"editor of another organisation", "other", eventInput(), 403, "Aucune de vos organisations"},
			{"signed out", "anonymous", eventInput(), 401, ""},
		} {
			r := s.do(c.persona, http.MethodPost, "/fr/evenements/nouveau", c.form)
			if r.Status != c.status {
				t.Errorf("%s: status %d, want %d", c.name, r.Status, c.status)
			}
			if c.want != "" && !strings.Contains(r.Body, c.want) {
				t.Errorf("%s: the page does not say %q", c.name, c.want)
			}
			if n := eventCount(t, db); n != base {
				t.Fatalf("%s: %d events stored, want %d", c.name, n, base)
			}
		}

		// An editor of Buckingham drafts the forum; a coordinator
		// publishes it.
		r = s.do("editor", http.MethodPost, "/fr/evenements/nouveau", eventInput())
		wantStatus(t, r, http.StatusSeeOther)
		if loc := r.Header.Get("Location"); loc != "/fr/mon-espace/evenements?fait=event-saved" {
			t.Errorf("a draft goes to %q", loc)
		}
		e, err := db.FindEvent(ctx, "forum-des-jumelages")
		if err != nil {
			t.Fatal(err)
		}
		// 10:00 EDT (UTC−4) is 14:00 UTC; the day before it would be 15:00.
		if want := time.Date(2031, 3, 9, 14, 0, 0, 0, time.UTC); !e.Start.Equal(want) || e.State != proximite.Draft ||
			e.Zone != "America/Montreal" || len(e.Organisers) != 1 || e.Organisers[0] != "buckingham" {
			t.Errorf("stored %+v, start %v", e, e.Start.UTC())
		}
		if r := get(t, "/fr/evenements/forum-des-jumelages"); r.Status == http.StatusOK {
			t.Error("a draft has a public page")
		}
		r = s.do("coordinator", http.MethodGet, "/fr/evenements/forum-des-jumelages/modifier", nil)
		wantStatus(t, r, http.StatusOK)
		mustContain(t, "edit form", r, `value="2031-03-09T10:00"`, `value="2031-03-09T16:30"`,
			`<option value="America/Montreal" selected>`, `value="buckingham"`)
		r = s.do("coordinator", http.MethodPost, "/fr/evenements/forum-des-jumelages/modifier", eventInput("state", "published"))
		wantStatus(t, r, http.StatusSeeOther)
		if loc := r.Header.Get("Location"); loc != "/fr/evenements/forum-des-jumelages" {
			t.Errorf("a published event goes to %q", loc)
		}
		page := s.do("anonymous", http.MethodGet, "/fr/evenements/forum-des-jumelages", nil)
		wantStatus(t, page, http.StatusOK)
		mustContain(t, "event page", page, "<h1>Forum des jumelages</h1>", "10:00", "16:30", "America/Montreal (UTC−04:00)",
			`href="/fr/acteurs/buckingham"`, `href="/fr/partenariats/jumelage-buckingham-nioro-du-rip"`, `href="/en/events/forum-des-jumelages"`)
		// A delegation that went to it: each page links to the other.
		v := s.visit("delegation-au-forum", proximite.Published)
		v.Event = "forum-des-jumelages"
		if err := db.UpdateVisit(ctx, v); err != nil {
			t.Fatal(err)
		}
		page = s.do("anonymous", http.MethodGet, "/fr/evenements/forum-des-jumelages", nil)
		mustContain(t, "event page with its delegation", page, `href="/fr/missions/delegation-au-forum"`, "Délégations venues")
		mustContain(t, "visit page", s.do("anonymous", http.MethodGet, "/fr/missions/delegation-au-forum", nil),
			`href="/fr/evenements/forum-des-jumelages"`)
		org := s.do("anonymous", http.MethodGet, "/fr/acteurs/buckingham", nil)
		mustContain(t, "organiser's page", org, `href="/fr/evenements/forum-des-jumelages"`)
		h, err := db.History(ctx, proximite.TypeEvent, e.ID)
		if err != nil || len(h) != 2 || h[0].Actor != "editor@buckingham.test" || h[1].Action != "state" || h[1].Actor != "coord@rosi.test" {
			t.Errorf("audit = %+v, %v", h, err)
		}

		// The editor may no longer delete it (it is published); the
		// coordinator may.
		r = s.do("editor", http.MethodPost, "/fr/evenements/forum-des-jumelages/supprimer", url.Values{})
		wantStatus(t, r, http.StatusForbidden)
		r = s.do("coordinator", http.MethodGet, "/fr/mon-espace/evenements", nil)
		mustContain(t, "area's list", r, "Forum des jumelages", `action="/fr/evenements/forum-des-jumelages/supprimer"`)
		r = s.do("coordinator", http.MethodPost, "/fr/evenements/forum-des-jumelages/supprimer", url.Values{})
		wantStatus(t, r, http.StatusSeeOther)
		if n := eventCount(t, db); n != base {
			t.Errorf("%d events after deletion, want %d", n, base)
		}
	})
}

// The visit form names the event a delegation went to, by its title or
// its slug; a name that matches no event is refused next to the input.
func TestVisitFormNamesItsEvent(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		s := newWSSite(t, db)
		ctx := context.Background()
		start := time.Date(2031, 10, 3, 9, 0, 0, 0, time.UTC)
		if err := db.CreateEvent(ctx, &proximite.Event{Meta: proximite.Meta{Slug: "rencontres-dakar-2031", State: proximite.Published},
			Title: proximite.T("fr", "Rencontres de Dakar 2031"), Start: start, End: start.Add(8 * time.Hour),
			Zone: "Africa/Dakar", Place: proximite.T("fr", "Dakar")}); err != nil {
			t.Fatal(err)
		}
		visit := func(title, event string) url.Values {
			return vals("title.fr", title, "direction", "north_south", "start", "2031-10",
				"from", "buckingham", "to", "nioro-du-rip", "event", event, "save", "1")
		}
		r := s.do("editor", http.MethodPost, "/fr/missions/nouvelle", visit("Délégation aux Rencontres", "rencontres de DAKAR 2031"))
		wantStatus(t, r, http.StatusSeeOther)
		v, err := db.FindVisit(ctx, "delegation-aux-rencontres")
		if err != nil || v.Event != "rencontres-dakar-2031" {
			t.Fatalf("stored visit %+v, %v", v, err)
		}
		r = s.do("editor", http.MethodGet, "/fr/missions/delegation-aux-rencontres/modifier", nil)
		mustContain(t, "visit edit form", r, `value="rencontres-dakar-2031"`)

		r = s.do("editor", http.MethodPost, "/fr/missions/nouvelle", visit("Délégation perdue", "Rencontres d'Atlantis"))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		mustContain(t, "unknown event", r, "Aucun événement du calendrier ne s&#39;appelle")
		if _, err := db.FindVisit(ctx, "delegation-perdue"); proximite.ErrorCode(err) != proximite.ENOTFOUND {
			t.Errorf("a visit to an unknown event was stored: %v", err)
		}
	})
}
