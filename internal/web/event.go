package web

import (
	"context"
	"net/http"
	"time"

	"github.com/proximite/proximite"
)

// The page of one event: what, when in its own zone, where, who
// organises it, what it is about, and the delegations that went to it.

// eventData is an event's page.
type eventData struct {
	page
	E      eventView
	Meta   recordMeta
	Visits []visitLink
	Feed   string
}

// visitLink is a delegation that went to the event.
type visitLink struct {
	recordLink
	Period string
}

func (h *Handler) eventPage(w http.ResponseWriter, r *http.Request, l *localizer, events proximite.EventService) {
	ctx := r.Context()
	slug, err := recordSlug(r)
	var e *proximite.Event
	if err == nil {
		e, err = events.FindEvent(ctx, slug)
	}
	if err == nil && e.State != proximite.Published {
		err = proximite.Errorf(proximite.ENOTFOUND, "no published event %q", slug)
	}
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	v, err := h.eventView(ctx, l, e)
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	d := eventData{E: v, Feed: path(l.lang, secEvents, "") + ".ics",
		Meta: recordMeta{Updated: l.Day(e.UpdatedAt), API: "/api/v1/events/" + e.Slug}}
	if d.Visits, err = h.eventVisits(ctx, l, e.Slug); err != nil {
		h.fail(w, r, l, err)
		return
	}
	title := l.plain(e.Title)
	desc := excerpt(l.plain(e.Description), 180)
	if desc == "" {
		desc = title + " — " + v.When
	}
	d.page = h.base(r, l, secEvents, e.Slug, "", title, desc)
	h.render(w, r, l, http.StatusOK, "event", d)
}

// eventVisits links the published delegations that went to an event.
func (h *Handler) eventVisits(ctx context.Context, l *localizer, slug string) ([]visitLink, error) {
	ev, ok := h.reg.(proximite.EventVisits)
	if !ok {
		return nil, nil
	}
	visits, err := ev.VisitsToEvent(ctx, slug)
	if err != nil {
		return nil, err
	}
	var out []visitLink
	for _, v := range visits {
		out = append(out, visitLink{recordLink: recordLink{Name: v.Title, URL: path(l.lang, secVisit, v.Slug)},
			Period: l.When(v.Start, v.End)})
	}
	return out, nil
}

// orgEvents lists the published events an organisation organises,
// upcoming ones first (soonest first), then past ones (latest first).
// The calendar is short, so its events are read whole and picked here.
// It returns when the latest of them changed too, for the page's
// validator.
func (h *Handler) orgEvents(ctx context.Context, l *localizer, org string) ([]eventLinkView, time.Time, error) {
	var newest time.Time
	events, ok := h.reg.(proximite.EventService)
	if !ok {
		return nil, newest, nil
	}
	now := h.now()
	var out []eventLinkView
	for _, span := range []proximite.EventSpan{proximite.Upcoming, proximite.Past} {
		list, err := events.ListEvents(ctx, proximite.EventFilter{Span: span, Now: now})
		if err != nil {
			return nil, newest, err
		}
		for _, e := range list {
			for _, o := range e.Organisers {
				if o == org {
					if e.UpdatedAt.After(newest) {
						newest = e.UpdatedAt
					}
					loc := e.Location()
					out = append(out, eventLinkView{recordLink: recordLink{Name: e.Title, URL: path(l.lang, secEvents, e.Slug)},
						When: l.eventWhen(e.Start.In(loc), e.End.In(loc)), Upcoming: span == proximite.Upcoming})
					break
				}
			}
		}
	}
	return out, newest, nil
}

// eventLinkView is an event in another page's list.
type eventLinkView struct {
	recordLink
	When     string
	Upcoming bool
}
