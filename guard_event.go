package proximite

import "context"

// EventGuard is the calendar as people write to it: like Guard for the
// records, every write is checked against the policy for the user the
// context carries. An event's organisers take part in it, so the policy
// (Can) reads the same for it as for a partnership: coordinators write
// every event and publish; an editor creates and changes, as drafts or
// submitted, the events that one of their organisations organises, and
// neither publishes nor withdraws one.
type EventGuard struct {
	EventService
}

// NewEventGuard returns the guarded calendar.
func NewEventGuard(s EventService) *EventGuard { return &EventGuard{EventService: s} }

// CreateEvent implements EventService.
func (g *EventGuard) CreateEvent(ctx context.Context, e *Event) error {
	if err := Can(UserFromContext(ctx), ActionCreate, EventTarget(e)); err != nil {
		return err
	}
	return g.EventService.CreateEvent(ctx, e)
}

// UpdateEvent implements EventService. The event is checked as it is
// and as it will be, so that an editor can neither take over another's
// event by naming their organisation nor change one they do not organise.
func (g *EventGuard) UpdateEvent(ctx context.Context, e *Event) error {
	old, err := g.stored(ctx, e.ID)
	if err != nil {
		return err
	}
	u := UserFromContext(ctx)
	before, after := EventTarget(old), EventTarget(e)
	if err := Can(u, ActionUpdate, before); err != nil {
		return err
	}
	if err := Can(u, ActionUpdate, after); err != nil {
		return err
	}
	if before.State != after.State && (before.State == Published || after.State == Published) {
		if err := Can(u, ActionPublish, before); err != nil {
			return err
		}
	}
	return g.EventService.UpdateEvent(ctx, e)
}

// DeleteEvent implements EventService.
func (g *EventGuard) DeleteEvent(ctx context.Context, n int64) error {
	old, err := g.stored(ctx, n)
	if err != nil {
		return err
	}
	if err := Can(UserFromContext(ctx), ActionDelete, EventTarget(old)); err != nil {
		return err
	}
	return g.EventService.DeleteEvent(ctx, n)
}

// stored finds the stored event by ID among all of them, drafts too.
func (g *EventGuard) stored(ctx context.Context, n int64) (*Event, error) {
	if n == 0 {
		return nil, FieldError("id", "is required to update")
	}
	if f, ok := g.EventService.(interface {
		FindEventByID(context.Context, int64) (*Event, error)
	}); ok {
		return f.FindEventByID(ctx, n)
	}
	list, err := g.EventService.ListEvents(ctx, EventFilter{IncludeUnpublished: true})
	if err != nil {
		return nil, err
	}
	for _, e := range list {
		if e.ID == n {
			return e, nil
		}
	}
	return nil, Errorf(ENOTFOUND, "no event with id %d", n)
}
