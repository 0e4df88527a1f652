package api

import (
	"net/http"
	"reflect"

	"github.com/proximite/proximite"
)

// WithEvents serves the calendar's events, published ones only, and
// takes writes of them with a token, checked by the events' guard: a
// coordinator writes and publishes every event, an editor the drafts of
// the events their organisations organise (see proximite.EventGuard).
func (h *Handler) WithEvents(ev proximite.EventService) *Handler {
	h.events = ev
	h.mux.HandleFunc("GET /api/v1/events", h.listEvents)
	h.mux.HandleFunc("GET /api/v1/events/{slug}", h.event)
	h.eventGuard = proximite.NewEventGuard(ev)
	h.mux.HandleFunc("POST /api/v1/events", h.createEvent)
	h.mux.HandleFunc("PUT /api/v1/events/{slug}", h.replaceEvent)
	h.mux.HandleFunc("DELETE /api/v1/events/{slug}", h.deleteEvent)
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
	eventWritePaths(s, paths)
}

// eventWritePaths documents the writes of events, behind the bearer
// token scheme like the records'.
func eventWritePaths(s *schemaSet, paths obj) {
	security := []any{obj{"bearer": []any{}}}
	errs := func(codes ...string) obj {
		out := obj{}
		for _, c := range codes {
			out[c] = writeErrors[c]
		}
		return out
	}
	input := inputSchema(s.defs["Event"].(obj))
	input["description"] = "An event to write. start and end are instants with their offset (RFC 3339); zone is the IANA name " +
		"of the zone the event is held in, in which the site shows its times. The id and the times of the record are filled by the server. " +
		"A new event without state is a draft."
	s.defs["EventInput"] = input
	body := obj{"required": true, "content": obj{"application/json": obj{"schema": ref("EventInput")}}}
	slug := obj{"name": "slug", "in": "path", "required": true, "schema": obj{"type": "string"}, "example": "rencontres-dakar-2031"}
	stored := func(status string) obj {
		r := jsonResponse("The event as stored.", ref("Event"), nil)
		if status == "201" {
			r["headers"] = obj{"Location": obj{"description": "Path of the new event.", "schema": obj{"type": "string"}}}
		}
		return r
	}
	post := operation("create-event", "Create an event",
		"Creates an event. Coordinators and administrators create any event, published or not; an editor creates drafts "+
			"or submitted events that one of their organisations organises.", nil,
		merged(obj{"201": stored("201")}, errs("400", "401", "403", "409", "413", "415")))
	post["requestBody"], post["security"] = body, security
	paths["/api/v1/events"].(obj)["post"] = post
	put := operation("replace-event", "Replace an event",
		"Replaces the whole event with the body; a body without slug keeps the event's slug, one without state its state. "+
			"Only coordinators and administrators change the state into or out of published.", []any{slug},
		merged(obj{"200": stored("200")}, errs("400", "401", "403", "404", "409", "413", "415")))
	put["requestBody"], put["security"] = body, security
	del := operation("delete-event", "Delete an event",
		"Deletes an event. Editors delete only events of their organisations that are not published.", []any{slug},
		merged(obj{"204": obj{"description": "Deleted."}}, errs("401", "403", "404")))
	del["security"] = security
	p := paths["/api/v1/events/{slug}"].(obj)
	p["put"], p["delete"] = put, del
}
