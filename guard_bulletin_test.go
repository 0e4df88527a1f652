package proximite_test

import (
	"context"
	"testing"

	"github.com/proximite/proximite"
)

// bulletinStub answers every call, so that only the guard can refuse.
type bulletinStub struct{ proximite.BulletinService }

func (bulletinStub) CountSubscribers(context.Context) ([]proximite.SubscriberCount, error) {
	return nil, nil
}
func (bulletinStub) QueueIssue(context.Context, int) (int, error) { return 3, nil }
func (bulletinStub) ListIssues(context.Context, bool) ([]*proximite.Issue, error) {
	return nil, nil
}

func TestBulletinGuard(t *testing.T) {
	g := proximite.NewBulletinGuard(bulletinStub{})
	for _, c := range []struct {
		user *proximite.User
		code string
	}{
		{nil, proximite.EUNAUTHORIZED},
		{&proximite.User{Role: proximite.RoleEditor, Orgs: []string{"x"}}, proximite.EFORBIDDEN},
		{&proximite.User{Role: proximite.RoleCoordinator}, ""},
		{&proximite.User{Role: proximite.RoleAdmin}, ""},
	} {
		ctx := context.Background()
		if c.user != nil {
			ctx = proximite.NewContextWithUser(ctx, c.user)
		}
		_, err := g.QueueIssue(ctx, 1)
		_, err2 := g.CountSubscribers(ctx)
		_, err3 := g.ListIssues(ctx, true)
		for _, e := range []error{err, err2, err3} {
			if proximite.ErrorCode(e) != c.code {
				t.Errorf("%v: %v, want %q", c.user, e, c.code)
			}
		}
		// The sent issues are everyone's.
		if _, err := g.ListIssues(ctx, false); err != nil {
			t.Errorf("%v: sent issues: %v", c.user, err)
		}
	}
}
