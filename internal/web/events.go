package web

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/proximite/proximite"
)

// The calendar of the network's events: a page of upcoming and past
// events, and the same events as an iCalendar feed that calendar
// programs subscribe to. Times are shown in the zone the event is held
// in, named, because a meeting in Dakar is at 10:00 in Dakar whoever
// reads the page.

// eventsData is the calendar page.
type eventsData struct {
	page
	Upcoming, Past []eventView
	Feed           string // path of the iCalendar feed
}

// eventView is one event as the page shows it.
type eventView struct {
	Slug         string
	URL          string // the event's page
	Title        proximite.Text
	Description  proximite.Text
	When         string // date and times in the event's zone
	Datetime     string // start, RFC 3339 with the zone's offset
	Zone         string // "America/Montreal (UTC−04:00)"
	Place        proximite.Text
	Online       string
	Organisers   []recordLink
	Partnerships []recordLink
	Projects     []recordLink
}

// pastOnPage bounds the past events the page lists; the feed has all.
const pastOnPage = 50

// eventRoutes registers the calendar of one language when the registry
// keeps events.
func (h *Handler) eventRoutes(lang string, l *localizer) {
	events, ok := h.reg.(proximite.EventService)
	if !ok {
		return
	}
	h.mux.HandleFunc("GET "+path(lang, secEvents, ""), h.with(l, func(w http.ResponseWriter, r *http.Request, l *localizer) {
		h.eventsPage(w, r, l, events)
	}))
	h.mux.HandleFunc("GET "+path(lang, secEvents, "")+".ics", h.with(l, func(w http.ResponseWriter, r *http.Request, l *localizer) {
		h.eventsFeed(w, r, l, events)
	}))
	h.mux.HandleFunc("GET "+path(lang, secEvents, "")+"/{slug}", h.with(l, func(w http.ResponseWriter, r *http.Request, l *localizer) {
		h.eventPage(w, r, l, events)
	}))
}

func (h *Handler) eventsPage(w http.ResponseWriter, r *http.Request, l *localizer, events proximite.EventService) {
	ctx := r.Context()
	now := h.now()
	upcoming, err := events.ListEvents(ctx, proximite.EventFilter{Span: proximite.Upcoming, Now: now})
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	past, err := events.ListEvents(ctx, proximite.EventFilter{Span: proximite.Past, Now: now, Limit: pastOnPage})
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	d := eventsData{page: h.base(r, l, secEvents, "", "", l.T("events.title"), l.T("events.lead")),
		Feed: path(l.lang, secEvents, "") + ".ics"}
	for _, list := range []struct {
		from []*proximite.Event
		to   *[]eventView
	}{{upcoming, &d.Upcoming}, {past, &d.Past}} {
		for _, e := range list.from {
			v, err := h.eventView(ctx, l, e)
			if err != nil {
				h.fail(w, r, l, err)
				return
			}
			*list.to = append(*list.to, v)
		}
	}
	h.render(w, r, l, http.StatusOK, "events", d)
}

// eventView formats an event's times in its zone and links what it
// names; a record that is not published is left out.
func (h *Handler) eventView(ctx context.Context, l *localizer, e *proximite.Event) (eventView, error) {
	loc := e.Location()
	start, end := e.Start.In(loc), e.End.In(loc)
	v := eventView{Slug: e.Slug, URL: path(l.lang, secEvents, e.Slug), Title: e.Title, Description: e.Description, Place: e.Place, Online: e.Online,
		Datetime: start.Format(time.RFC3339), When: l.eventWhen(start, end),
		Zone: loc.String() + " (" + utcOffset(start) + ")"}
	for _, slug := range e.Organisers {
		link, err := h.linkTo(ctx, l, proximite.TypeOrganisation, slug)
		if err != nil {
			return v, err
		}
		if link != nil {
			v.Organisers = append(v.Organisers, *link)
		}
	}
	for _, slug := range e.Partnerships {
		link, err := h.linkTo(ctx, l, proximite.TypePartnership, slug)
		if err != nil {
			return v, err
		}
		if link != nil {
			v.Partnerships = append(v.Partnerships, *link)
		}
	}
	for _, slug := range e.Projects {
		p, err := h.reg.FindProject(ctx, slug)
		if proximite.ErrorCode(err) == proximite.ENOTFOUND {
			continue
		} else if err != nil {
			return v, err
		}
		if p.State == proximite.Published {
			v.Projects = append(v.Projects, recordLink{Name: p.Title, URL: path(l.lang, secProject, slug)})
		}
	}
	return v, nil
}

// eventWhen says when an event happens in its own zone: "3 octobre 2031,
// 09:00 – 17:00", or with both days when it spans several.
func (l *localizer) eventWhen(start, end time.Time) string {
	day := func(t time.Time) string { return l.Date(proximite.Date(t.Format("2006-01-02"))) }
	clock := func(t time.Time) string { return t.Format("15:04") }
	if start.Format("2006-01-02") == end.Format("2006-01-02") {
		if start.Equal(end) {
			return l.T("events.when.moment", "day", day(start), "time", clock(start))
		}
		return l.T("events.when.day", "day", day(start), "start", clock(start), "end", clock(end))
	}
	return l.T("events.when.days", "startday", day(start), "start", clock(start), "endday", day(end), "end", clock(end))
}

// utcOffset writes a moment's offset from UTC as "UTC+01:00", with a
// true minus sign.
func utcOffset(t time.Time) string {
	_, off := t.Zone()
	sign := "+"
	if off < 0 {
		sign, off = "−", -off
	}
	return "UTC" + sign + time.Date(0, 1, 1, 0, 0, off, 0, time.UTC).Format("15:04")
}

// eventsFeed answers the iCalendar feed of published events, in the
// language of its path (with the other as fallback).
func (h *Handler) eventsFeed(w http.ResponseWriter, r *http.Request, l *localizer, events proximite.EventService) {
	ctx := r.Context()
	list, err := events.ListEvents(ctx, proximite.EventFilter{})
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	host := r.Host
	if i := strings.LastIndexByte(host, ':'); i > 0 && !strings.HasSuffix(host, "]") {
		host = host[:i]
	}
	site := origin(r)
	var c icalWriter
	c.prop("BEGIN", "VCALENDAR")
	c.prop("VERSION", "2.0")
	c.text("PRODID", "-//Proximite//Registre de la cooperation de proximite//"+strings.ToUpper(l.lang))
	c.prop("CALSCALE", "GREGORIAN")
	c.prop("METHOD", "PUBLISH")
	c.text("X-WR-CALNAME", l.T("events.feed.name"))
	for _, e := range list {
		c.prop("BEGIN", "VEVENT")
		// The UID is the slug at the host: stable across edits, so a
		// calendar updates the event instead of adding a copy.
		c.text("UID", e.Slug+"@"+host)
		c.utc("DTSTAMP", h.now())
		if !e.UpdatedAt.IsZero() {
			c.utc("LAST-MODIFIED", e.UpdatedAt)
		}
		c.utc("DTSTART", e.Start)
		c.utc("DTEND", e.End)
		c.text("SUMMARY", l.plain(e.Title))
		if d := l.plain(e.Description); d != "" {
			c.text("DESCRIPTION", d)
		}
		loc := l.plain(e.Place)
		if e.Online != "" {
			loc = strings.TrimPrefix(strings.Join([]string{loc, e.Online}, " · "), " · ")
		}
		if loc != "" {
			c.text("LOCATION", loc)
		}
		c.prop("URL", site+path(l.lang, secEvents, e.Slug))
		c.prop("END", "VEVENT")
	}
	c.prop("END", "VCALENDAR")
	hd := w.Header()
	hd.Set("Content-Type", "text/calendar; charset=utf-8")
	hd.Set("Content-Language", l.lang)
	hd.Set("Cache-Control", "public, max-age=900")
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(c.b.Bytes())
	}
}

// eventLink links to a published event's page, or returns
// nil when there is none to show.
func (h *Handler) eventLink(ctx context.Context, l *localizer, slug string) (*recordLink, error) {
	events, ok := h.reg.(proximite.EventService)
	if slug == "" || !ok {
		return nil, nil
	}
	e, err := events.FindEvent(ctx, slug)
	if proximite.ErrorCode(err) == proximite.ENOTFOUND {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	if e.State != proximite.Published {
		return nil, nil
	}
	return &recordLink{Name: e.Title, URL: path(l.lang, secEvents, e.Slug)}, nil
}
