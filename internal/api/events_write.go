package api

import (
	"context"
	"net/http"

	"github.com/proximite/proximite"
)

// Writes of events: the body is the event as the API reads it, its start
// and end as instants with their offset (RFC 3339) and its zone by IANA
// name, in which the site shows them.

// createEvent answers POST /api/v1/events.
func (h *Handler) createEvent(w http.ResponseWriter, r *http.Request) {
	ctx, err := h.authenticate(r)
	var body []byte
	if err == nil {
		body, err = readBody(w, r, "application/json")
	}
	e := &proximite.Event{}
	if err == nil {
		err = decode(body, e)
	}
	if err == nil {
		e.ID = 0
		if e.State == "" {
			e.State = proximite.Draft
		}
		err = h.eventGuard.CreateEvent(ctx, e)
	}
	h.eventWritten(w, r, ctx, e, http.StatusCreated, err)
}

// replaceEvent answers PUT /api/v1/events/{slug}: the body is the whole
// event; a missing slug keeps the stored one.
func (h *Handler) replaceEvent(w http.ResponseWriter, r *http.Request) {
	ctx, err := h.authenticate(r)
	var body []byte
	var old *proximite.Event
	if err == nil {
		body, err = readBody(w, r, "application/json")
	}
	if err == nil {
		old, err = h.events.FindEvent(ctx, r.PathValue("slug"))
	}
	e := &proximite.Event{}
	if err == nil {
		err = decode(body, e)
	}
	if err == nil {
		e.ID, e.CreatedAt = old.ID, old.CreatedAt
		if e.Slug == "" {
			e.Slug = old.Slug
		}
		if e.State == "" {
			e.State = old.State
		}
		err = h.eventGuard.UpdateEvent(ctx, e)
	}
	h.eventWritten(w, r, ctx, e, http.StatusOK, err)
}

// deleteEvent answers DELETE /api/v1/events/{slug}.
func (h *Handler) deleteEvent(w http.ResponseWriter, r *http.Request) {
	ctx, err := h.authenticate(r)
	var old *proximite.Event
	if err == nil {
		old, err = h.events.FindEvent(ctx, r.PathValue("slug"))
	}
	if err == nil {
		err = h.eventGuard.DeleteEvent(ctx, old.ID)
	}
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// eventWritten answers a write with the event as stored, whatever its
// state: its author may see a draft.
func (h *Handler) eventWritten(w http.ResponseWriter, r *http.Request, ctx context.Context, e *proximite.Event, status int, err error) {
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	stored, err := h.events.FindEvent(ctx, e.Slug)
	if err != nil {
		h.error(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/events/"+e.Slug)
	writeJSON(w, status, stored)
}
