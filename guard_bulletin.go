package proximite

import "context"

// BulletinGuard is the bulletin as people use it: anyone subscribes,
// confirms and unsubscribes with the tokens of their messages and reads
// the sent issues, and only coordinators and administrators (the user
// the context carries) see the subscribers, import them, and write and
// send issues, whatever page or command asks.
type BulletinGuard struct {
	BulletinService
}

// NewBulletinGuard returns the guarded bulletin.
func NewBulletinGuard(s BulletinService) *BulletinGuard { return &BulletinGuard{BulletinService: s} }

// CanKeepBulletin reports whether u may see the subscribers and write and
// send issues.
func CanKeepBulletin(u *User) error {
	switch {
	case u == nil:
		return Errorf(EUNAUTHORIZED, "connectez-vous / sign in first")
	case u.Role != RoleCoordinator && u.Role != RoleAdmin:
		return Errorf(EFORBIDDEN, "le bulletin est tenu par les coordinations du réseau / the bulletin is kept by the network's coordinators")
	}
	return nil
}

func keeper(ctx context.Context) error { return CanKeepBulletin(UserFromContext(ctx)) }

// CountSubscribers implements BulletinService.
func (g *BulletinGuard) CountSubscribers(ctx context.Context) ([]SubscriberCount, error) {
	if err := keeper(ctx); err != nil {
		return nil, err
	}
	return g.BulletinService.CountSubscribers(ctx)
}

// ListSubscribers implements BulletinService.
func (g *BulletinGuard) ListSubscribers(ctx context.Context, limit int) ([]*Subscriber, error) {
	if err := keeper(ctx); err != nil {
		return nil, err
	}
	return g.BulletinService.ListSubscribers(ctx, limit)
}

// ImportSubscribers implements BulletinService.
func (g *BulletinGuard) ImportSubscribers(ctx context.Context, rows []SubscriberImport) (ImportResult, error) {
	if err := keeper(ctx); err != nil {
		return ImportResult{}, err
	}
	return g.BulletinService.ImportSubscribers(ctx, rows)
}

// CreateIssue implements BulletinService.
func (g *BulletinGuard) CreateIssue(ctx context.Context, i *Issue) error {
	if err := keeper(ctx); err != nil {
		return err
	}
	return g.BulletinService.CreateIssue(ctx, i)
}

// UpdateIssue implements BulletinService.
func (g *BulletinGuard) UpdateIssue(ctx context.Context, i *Issue) error {
	if err := keeper(ctx); err != nil {
		return err
	}
	return g.BulletinService.UpdateIssue(ctx, i)
}

// ListIssues implements BulletinService: the drafts are the keepers'.
func (g *BulletinGuard) ListIssues(ctx context.Context, drafts bool) ([]*Issue, error) {
	if drafts {
		if err := keeper(ctx); err != nil {
			return nil, err
		}
	}
	return g.BulletinService.ListIssues(ctx, drafts)
}

// QueueIssue implements BulletinService.
func (g *BulletinGuard) QueueIssue(ctx context.Context, number int) (int, error) {
	if err := keeper(ctx); err != nil {
		return 0, err
	}
	return g.BulletinService.QueueIssue(ctx, number)
}

// CountQueue implements BulletinService.
func (g *BulletinGuard) CountQueue(ctx context.Context, issueID int64) (map[DeliveryState]int, error) {
	if err := keeper(ctx); err != nil {
		return nil, err
	}
	return g.BulletinService.CountQueue(ctx, issueID)
}
