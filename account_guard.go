package proximite

import (
	"context"
	"time"
)

// AccountAdmin is how accounts are managed: listed, read, created and
// changed (role, organisations). The SQL store implements it; pages reach
// it only through AccountGuard.
type AccountAdmin interface {
	// ListUsers returns every account, by name, with its organisations.
	ListUsers(ctx context.Context) ([]*User, error)
	// FindUserByID returns an account, or ENOTFOUND.
	FindUserByID(ctx context.Context, id int64) (*User, error)
	// CreateUser stores a new account; a taken address is ECONFLICT.
	CreateUser(ctx context.Context, u *User) error
	// UpdateUser changes an account's name, language, role and
	// organisations; its address and password stay.
	UpdateUser(ctx context.Context, u *User) error
	// CreateLink returns a one-time link token for the account.
	CreateLink(ctx context.Context, userID int64, purpose string, ttl time.Duration) (string, error)
}

// AccountGuard is AccountAdmin as people use it: every call is checked
// against CanManage for the user that the context carries, so that a
// coordinator can neither make an administrator nor change one, whatever
// page or form asks. The command line acts as System, which may all.
type AccountGuard struct {
	AccountAdmin
}

// NewAccountGuard returns the guarded account administration.
func NewAccountGuard(a AccountAdmin) *AccountGuard { return &AccountGuard{AccountAdmin: a} }

// ListUsers implements AccountAdmin: the list of accounts, with their
// addresses, is for those who manage them.
func (g *AccountGuard) ListUsers(ctx context.Context) ([]*User, error) {
	if err := CanManage(UserFromContext(ctx), RoleEditor); err != nil {
		return nil, err
	}
	return g.AccountAdmin.ListUsers(ctx)
}

// FindUserByID implements AccountAdmin, for those who manage accounts.
func (g *AccountGuard) FindUserByID(ctx context.Context, id int64) (*User, error) {
	if err := CanManage(UserFromContext(ctx), RoleEditor); err != nil {
		return nil, err
	}
	return g.AccountAdmin.FindUserByID(ctx, id)
}

// CreateUser implements AccountAdmin: the acting user must be allowed to
// grant the new account's role.
func (g *AccountGuard) CreateUser(ctx context.Context, u *User) error {
	if err := CanManage(UserFromContext(ctx), u.Role); err != nil {
		return err
	}
	return g.AccountAdmin.CreateUser(ctx, u)
}

// UpdateUser implements AccountAdmin: the acting user must be allowed to
// manage the account's role both as it is and as it will be, so that a
// coordinator can neither demote an administrator nor promote anyone to
// one. Nobody changes their own role, which would let the last
// administrator lock everyone out by mistake.
func (g *AccountGuard) UpdateUser(ctx context.Context, u *User) error {
	actor := UserFromContext(ctx)
	if err := CanManage(actor, RoleEditor); err != nil {
		return err
	}
	old, err := g.AccountAdmin.FindUserByID(ctx, u.ID)
	if err != nil {
		return err
	}
	if err := CanManage(actor, old.Role); err != nil {
		return err
	}
	if err := CanManage(actor, u.Role); err != nil {
		return err
	}
	if !actor.IsSystem() && actor.ID == u.ID && old.Role != u.Role {
		return Errorf(EFORBIDDEN, "Un autre responsable doit changer votre rôle. / Someone else must change your own role.")
	}
	return g.AccountAdmin.UpdateUser(ctx, u)
}

// CreateLink implements AccountAdmin: an invitation sent again goes to
// the account's own address, so it is for anyone who manages accounts.
func (g *AccountGuard) CreateLink(ctx context.Context, userID int64, purpose string, ttl time.Duration) (string, error) {
	if err := CanManage(UserFromContext(ctx), RoleEditor); err != nil {
		return "", err
	}
	return g.AccountAdmin.CreateLink(ctx, userID, purpose, ttl)
}
