package proximite_test

import (
	"context"
	"testing"
	"time"

	"github.com/proximite/proximite"
)

// memEvents is a calendar in memory, enough for the guard.
type memEvents struct{ list []*proximite.Event }

func (m *memEvents) FindEvent(ctx context.Context, slug string) (*proximite.Event, error) {
	for _, e := range m.list {
		if e.Slug == slug {
			c := *e
			return &c, nil
		}
	}
	return nil, proximite.Errorf(proximite.ENOTFOUND, "no event %q", slug)
}

func (m *memEvents) ListEvents(ctx context.Context, f proximite.EventFilter) ([]*proximite.Event, error) {
	return m.list, nil
}

func (m *memEvents) CreateEvent(ctx context.Context, e *proximite.Event) error {
	e.ID = int64(len(m.list) + 1)
	c := *e
	m.list = append(m.list, &c)
	return nil
}

func (m *memEvents) UpdateEvent(ctx context.Context, e *proximite.Event) error {
	for i, x := range m.list {
		if x.ID == e.ID {
			c := *e
			m.list[i] = &c
		}
	}
	return nil
}

func (m *memEvents) DeleteEvent(ctx context.Context, id int64) error {
	for i, x := range m.list {
		if x.ID == id {
			m.list = append(m.list[:i], m.list[i+1:]...)
		}
	}
	return nil
}

func TestEventGuard(t *testing.T) {
	mem := &memEvents{}
	g := proximite.NewEventGuard(mem)
	as := func(u *proximite.User) context.Context {
		return proximite.NewContextWithUser(context.Background(), u)
	}
	coord := as(&proximite.User{Email: "c@example.org", Role: proximite.RoleCoordinator})
	editor := as(&proximite.User{Email: "e@example.org", Role: proximite.RoleEditor, Orgs: []string{"buckingham"}})
	start := time.Date(2031, 10, 3, 9, 0, 0, 0, time.UTC)
	mk := func(slug string, state proximite.State, orgs ...string) *proximite.Event {
		return &proximite.Event{Meta: proximite.Meta{Slug: slug, State: state}, Title: proximite.T("fr", slug),
			Start: start, End: start.Add(time.Hour), Zone: "UTC", Online: "https://example.org", Organisers: orgs}
	}
	code := proximite.ErrorCode

	if err := g.CreateEvent(context.Background(), mk("anon", proximite.Draft)); code(err) != proximite.EUNAUTHORIZED {
		t.Errorf("visitor creates: %v", err)
	}
	if err := g.CreateEvent(editor, mk("theirs", proximite.Draft, "nioro")); code(err) != proximite.EFORBIDDEN {
		t.Errorf("editor creates another organisation's event: %v", err)
	}
	if err := g.CreateEvent(editor, mk("published", proximite.Published, "buckingham")); code(err) != proximite.EFORBIDDEN {
		t.Errorf("editor creates a published event: %v", err)
	}
	mine := mk("mine", proximite.Draft, "buckingham")
	if err := g.CreateEvent(editor, mine); err != nil {
		t.Fatalf("editor creates a draft of their organisation: %v", err)
	}
	publish := *mine
	publish.State = proximite.Published
	if err := g.UpdateEvent(editor, &publish); code(err) != proximite.EFORBIDDEN {
		t.Errorf("editor publishes: %v", err)
	}
	away := *mine
	away.Organisers = []string{"nioro"}
	if err := g.UpdateEvent(editor, &away); code(err) != proximite.EFORBIDDEN {
		t.Errorf("editor gives the event away: %v", err)
	}
	if err := g.UpdateEvent(coord, &publish); err != nil {
		t.Errorf("coordinator publishes: %v", err)
	}
	if err := g.DeleteEvent(editor, mine.ID); code(err) != proximite.EFORBIDDEN {
		t.Errorf("editor withdraws a published event: %v", err)
	}
	if err := g.DeleteEvent(coord, mine.ID); err != nil || len(mem.list) != 0 {
		t.Errorf("coordinator deletes: %v, %d left", err, len(mem.list))
	}
	if err := g.DeleteEvent(coord, 42); code(err) != proximite.ENOTFOUND {
		t.Errorf("delete a missing event: %v", err)
	}
}
