package web

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	ical "github.com/emersion/go-ical"

	"github.com/proximite/proximite"
)

var eventsOnce sync.Once

// addEvents adds three events to the test registry, once: one to come
// (the site's "today" is 2025-11-26), one past, and a draft that must
// show nowhere.
func addEvents(t *testing.T) {
	t.Helper()
	eventsOnce.Do(func() {
		ctx := context.Background()
		for _, e := range []*proximite.Event{
			{
				Meta:        proximite.Meta{Slug: "rencontres-test", State: proximite.Published},
				Title:       proximite.T("fr", "Rencontres d'essai", "en", "Test gathering"),
				Description: proximite.T("fr", "a, b; c\nd \\ et une longue phrase accentuée pour être repliée : élus, bénévoles, étudiantes, œuvres.", "en", "a, b; c\nd"),
				Start:       time.Date(2026, 10, 5, 13, 0, 0, 0, time.UTC),
				End:         time.Date(2026, 10, 7, 21, 0, 0, 0, time.UTC),
				Zone:        "America/Montreal", Place: proximite.T("fr", "Gatineau, Québec"),
				Organisers:   []string{"sainte-elisabeth", "organisme-absent"},
				Partnerships: []string{"jumelage-sainte-elisabeth-sanankoroba"},
				Projects:     []string{"projet-test-complet"},
			},
			{
				Meta:  proximite.Meta{Slug: "atelier-test", State: proximite.Published},
				Title: proximite.T("fr", "Atelier en ligne"),
				Start: time.Date(2024, 3, 12, 10, 0, 0, 0, time.UTC), End: time.Date(2024, 3, 12, 12, 0, 0, 0, time.UTC),
				Zone: "Africa/Bamako", Online: "https://example.org/atelier",
			},
			{
				Meta:  proximite.Meta{Slug: "brouillon-test", State: proximite.Draft},
				Title: proximite.T("fr", "Brouillon secret"),
				Start: time.Date(2026, 1, 5, 10, 0, 0, 0, time.UTC), End: time.Date(2026, 1, 5, 11, 0, 0, 0, time.UTC),
				Zone: "Africa/Dakar", Place: proximite.T("fr", "Dakar"),
			},
		} {
			if err := testDB.CreateEvent(ctx, e); err != nil {
				t.Fatal(err)
			}
		}
	})
}

func TestEventsPage(t *testing.T) {
	addEvents(t)
	fr := get(t, "/fr/evenements")
	if fr.Status != 200 {
		t.Fatalf("GET /fr/evenements: %d", fr.Status)
	}
	mustContain(t, "fr", fr, "<h1>Événements</h1>", "Rencontres d&#39;essai", "Atelier en ligne",
		// 13:00 UTC is 09:00 in Montreal in October (EDT), named.
		"du 5 ", "09:00", "17:00", "America/Montreal (UTC−04:00)", "Africa/Bamako (UTC&#43;00:00)",
		`href="/fr/acteurs/sainte-elisabeth"`, `href="/fr/partenariats/jumelage-sainte-elisabeth-sanankoroba"`,
		`href="/fr/projets/projet-test-complet"`, `href="https://example.org/atelier"`,
		`href="/fr/evenements.ics"`, `id="rencontres-test"`, `href="/fr/evenements/rencontres-test"`)
	if strings.Contains(fr.Body, "Brouillon secret") || strings.Contains(fr.Body, "organisme-absent") {
		t.Error("the page shows a draft event or an unknown organiser")
	}
	if up, past := strings.Index(fr.Body, "Rencontres d&#39;essai"), strings.Index(fr.Body, "Atelier en ligne"); up > past {
		t.Error("the past event is listed before the upcoming one")
	}
	en := get(t, "/en/events")
	mustContain(t, "en", en, "<h1>Events</h1>", "Test gathering", "local time: America/Montreal (UTC−04:00)", `href="/en/events.ics"`,
		`href="/fr/evenements"`)
}

// icalLines reads an iCalendar stream into content lines, checking the
// rules of RFC 5545 on the way: CRLF only, at most 75 octets a line,
// continuations start with a space and never split a UTF-8 sequence.
func icalLines(t *testing.T, body string) []string {
	t.Helper()
	if !strings.HasSuffix(body, "\r\n") {
		t.Error("the stream does not end with CRLF")
	}
	raw := strings.Split(strings.TrimSuffix(body, "\r\n"), "\r\n")
	var lines []string
	for i, l := range raw {
		if strings.ContainsAny(l, "\r\n") {
			t.Errorf("line %d has a bare CR or LF: %q", i+1, l)
		}
		if len(l) > 75 {
			t.Errorf("line %d has %d octets: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d splits a UTF-8 sequence: %q", i+1, l)
		}
		if strings.HasPrefix(l, " ") && len(lines) > 0 {
			lines[len(lines)-1] += l[1:]
		} else {
			lines = append(lines, l)
		}
	}
	return lines
}

func TestEventsFeed(t *testing.T) {
	addEvents(t)
	r := get(t, "/fr/evenements.ics")
	if r.Status != 200 || r.Header.Get("Content-Type") != "text/calendar; charset=utf-8" {
		t.Fatalf("GET /fr/evenements.ics: %d %s", r.Status, r.Header.Get("Content-Type"))
	}
	lines := icalLines(t, r.Body)
	has := map[string]bool{}
	folded := false
	for _, l := range lines {
		has[l] = true
	}
	for _, l := range strings.Split(r.Body, "\r\n") {
		folded = folded || strings.HasPrefix(l, " ")
	}
	if !folded {
		t.Error("no line was folded; the long description should have been")
	}
	for _, want := range []string{"BEGIN:VCALENDAR", "VERSION:2.0", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
		"X-WR-CALNAME:Coopération de proximité — événements", "UID:rencontres-test@example.com",
		"DTSTART:20261005T130000Z", "DTEND:20261007T210000Z", "SUMMARY:Rencontres d'essai",
		`LOCATION:Gatineau\, Québec`, "URL:http://example.com/fr/evenements/rencontres-test",
		"LOCATION:https://example.org/atelier", "END:VCALENDAR"} {
		if !has[want] {
			t.Errorf("feed lacks the line %q", want)
		}
	}
	if lines[0] != "BEGIN:VCALENDAR" || lines[len(lines)-1] != "END:VCALENDAR" {
		t.Errorf("feed is not one VCALENDAR: %q … %q", lines[0], lines[len(lines)-1])
	}
	found := false
	for _, l := range lines {
		if strings.HasPrefix(l, "DESCRIPTION:") {
			found = strings.HasPrefix(l, `DESCRIPTION:a\, b\; c\nd \\ et une longue`)
		}
		if strings.HasPrefix(l, "DTSTAMP:") && !strings.HasSuffix(l, "Z") {
			t.Errorf("DTSTAMP not in UTC: %q", l)
		}
	}
	if !found {
		t.Error("DESCRIPTION is missing or not escaped")
	}
	if strings.Contains(r.Body, "Brouillon") {
		t.Error("the feed publishes a draft")
	}

	// A calendar library reads it back: two events, the text unescaped,
	// the instants right.
	cal, err := ical.NewDecoder(strings.NewReader(r.Body)).Decode()
	if err != nil {
		t.Fatalf("go-ical cannot read the feed: %v", err)
	}
	evs := cal.Events()
	if len(evs) != 2 {
		t.Fatalf("go-ical reads %d events, want 2", len(evs))
	}
	byUID := map[string]ical.Event{}
	for _, e := range evs {
		uid, _ := e.Props.Text(ical.PropUID)
		byUID[uid] = e
	}
	e := byUID["rencontres-test@example.com"]
	if d, _ := e.Props.Text(ical.PropDescription); !strings.HasPrefix(d, "a, b; c\nd \\ et une longue phrase accentuée") {
		t.Errorf("DESCRIPTION read back as %q", d)
	}
	if start, err := e.DateTimeStart(time.UTC); err != nil || !start.Equal(time.Date(2026, 10, 5, 13, 0, 0, 0, time.UTC)) {
		t.Errorf("DTSTART read back as %v (%v)", start, err)
	}

	// The English feed speaks English, and falls back to French.
	en := icalLines(t, get(t, "/en/events.ics").Body)
	enHas := map[string]bool{}
	for _, l := range en {
		enHas[l] = true
	}
	for _, want := range []string{"SUMMARY:Test gathering", `DESCRIPTION:a\, b\; c\nd`, "SUMMARY:Atelier en ligne",
		"URL:http://example.com/en/events/rencontres-test"} {
		if !enHas[want] {
			t.Errorf("English feed lacks %q", want)
		}
	}
}

func TestICalFold(t *testing.T) {
	var w icalWriter
	long := strings.Repeat("é", 100) // two octets each: a fold must not cut one
	w.text("SUMMARY", long)
	lines := icalLines(t, w.b.String())
	if len(lines) != 1 || lines[0] != "SUMMARY:"+long {
		t.Errorf("fold and unfold lose text: %q", lines)
	}
	if got := icalEscape("a, b; c\nd\\e\r\nf"); got != `a\, b\; c\nd\\e\nf` {
		t.Errorf("icalEscape = %q", got)
	}
}

func TestVisitEventLink(t *testing.T) {
	addEvents(t)
	ctx := context.Background()
	l := testSite.loc["en"]
	link, err := testSite.eventLink(ctx, l, "rencontres-test")
	if err != nil || link == nil || link.URL != "/en/events/rencontres-test" || link.Name["en"] != "Test gathering" {
		t.Errorf("eventLink(published) = %+v, %v", link, err)
	}
	for _, slug := range []string{"brouillon-test", "absent", ""} {
		if link, err := testSite.eventLink(ctx, l, slug); link != nil || err != nil {
			t.Errorf("eventLink(%q) = %+v, %v, want nothing", slug, link, err)
		}
	}
}
