package api

import (
	"net/http"
	"reflect"

	"github.com/proximite/proximite"
)

// WithEvents serves the calendar's events, published ones only.
func (h *Handler) WithEvents(ev proximite.EventService) *Handler {
	h.events = ev
	h.mux.HandleFunc("GET /api/v1/events", h.listEvents)
	h.mux.HandleFunc("GET /api/v1/events/{slug}", h.event)
	return h
}

// listEvents lists published events: upcoming (not yet ended, soonest
// first, the default), past (latest first) or all (by start).
func (h *Handler) listEvents(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f := proximite.EventFilter{Span: proximite.Upcoming, Limit: 50}
	switch q.Get("when") {
	case "", "upcoming":
	case "past":
		f.Span = proximite.Past
	case "all":
		f.Span = proximite.AllEvents
	default:
		h.error(w, r, proximite.FieldError("when", "must be upcoming, past or all"))
		return
	}
	if s := q.Get("limit"); s != "" {
		n, err := atoi(s, "limit")
		if err == nil && (n < 1 || n > proximite.MaxLimit) {
			err = proximite.FieldError("limit", "must be between 1 and %d", proximite.MaxLimit)
		}
		if err != nil {
			h.error(w, r, err)
			return
		}
		f.Limit = n
	}
	events, err := h.events.ListEvents(r.Context(), f)
	if err != nil {
		h.error(w, r, err)
		return
	}
	if events == nil {
		events = []*proximite.Event{}
	}
	writeJSON(w, http.StatusOK, struct {
		Items []*proximite.Event `json:"items"`
	}{events})
}

// event returns one published event by slug.
func (h *Handler) event(w http.ResponseWriter, r *http.Request) {
	e, err := h.events.FindEvent(r.Context(), r.PathValue("slug"))
	if err == nil && e.State != proximite.Published {
		err = proximite.Errorf(proximite.ENOTFOUND, "no event %q", r.PathValue("slug"))
	}
	if err != nil {
		h.error(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, e)
}

// eventPaths documents the events' endpoints.
func eventPaths(s *schemaSet, paths obj) {
	ev := s.ref(reflect.TypeFor[proximite.Event]())
	s.defs["EventList"] = obj{"type": "object", "required": []string{"items"},
		"properties": obj{"items": obj{"type": "array", "items": ev}}}
	paths["/api/v1/events"] = obj{"get": operation("list-events", "List events",
		"Published events of the calendar: upcoming ones (not yet ended) soonest first, past ones latest first.",
		[]any{
			obj{"name": "when", "in": "query", "schema": obj{"type": "string", "enum": []string{"upcoming", "past", "all"}, "default": "upcoming"}},
			obj{"name": "limit", "in": "query", "schema": obj{"type": "integer", "minimum": 1, "maximum": proximite.MaxLimit, "default": 50}},
		}, obj{
			"200": jsonResponse("The events.", ref("EventList"), nil),
			"400": errorResponse,
		})}
	paths["/api/v1/events/{slug}"] = obj{"get": operation("get-event", "One event",
		"A published event by slug.",
		[]any{obj{"name": "slug", "in": "path", "required": true, "schema": obj{"type": "string"}}}, obj{
			"200": jsonResponse("The event.", ev, nil),
			"404": errorResponse,
		})}
}
