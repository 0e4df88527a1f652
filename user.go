package proximite

import (
	"context"
	"net/mail"
	"strings"
	"time"
)

// Role is what an account may do. A visitor, who reads published records,
// has no account: a nil *User.
type Role string

// The roles of the members' workspace, from the least to the most trusted.
const (
	// RoleEditor creates and edits the records in which one of the
	// account's organisations takes part, and submits them for review.
	RoleEditor Role = "editor"
	// RoleCoordinator reviews, publishes and edits everything, and manages
	// accounts and memberships.
	RoleCoordinator Role = "coordinator"
	// RoleAdmin may do everything, including granting the admin role.
	RoleAdmin Role = "admin"
)

// Roles lists the roles in the order forms show them.
var Roles = []Role{RoleEditor, RoleCoordinator, RoleAdmin}

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return r == RoleEditor || r == RoleCoordinator || r == RoleAdmin }

// User is a person with an account.
type User struct {
	ID    int64  `json:"id"`
	Email string `json:"email"`
	Name  string `json:"name"`
	// Lang is the language of the messages sent to the person: fr or en.
	Lang string `json:"lang"`
	Role Role   `json:"role"`
	// Orgs are the slugs of the organisations the person edits for.
	Orgs []string `json:"orgs,omitempty"`
	// HasPassword is false until the person has followed their invitation.
	HasPassword bool      `json:"has_password"`
	CreatedAt   time.Time `json:"created_at"`
}

// System is the acting user of the command line (imports, the
// demonstration, account creation): the operator of the machine.
var System = &User{Name: "system", Role: RoleAdmin}

// IsSystem reports whether u is the command line's operator.
func (u *User) IsSystem() bool { return u == System }

// Member reports whether u edits for the organisation with this slug.
func (u *User) Member(slug string) bool {
	for _, o := range u.Orgs {
		if o == slug {
			return true
		}
	}
	return false
}

// NormalizeEmail lower-cases and trims an address, so that one person
// cannot hold two accounts by changing the case of their address.
func NormalizeEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// Validate checks the account and normalises its address and language.
func (u *User) Validate() error {
	var errs ValidationErrors
	u.Email = NormalizeEmail(u.Email)
	if u.Email == "" {
		errs.Add("email", "is required")
	} else if a, err := mail.ParseAddress(u.Email); err != nil || a.Address != u.Email || !strings.Contains(u.Email[strings.LastIndex(u.Email, "@")+1:], ".") {
		errs.Add("email", "%q is not an e-mail address such as nom@exemple.org", u.Email)
	}
	u.Name = strings.TrimSpace(u.Name)
	if u.Name == "" {
		errs.Add("name", "is required")
	} else if len(u.Name) > 200 {
		errs.Add("name", "is longer than 200 characters")
	}
	if u.Lang == "" {
		u.Lang = "fr"
	} else if u.Lang != "fr" && u.Lang != "en" {
		errs.Add("lang", "must be fr or en, got %q", u.Lang)
	}
	if !u.Role.Valid() {
		errs.Add("role", "must be admin, coordinator or editor, got %q", u.Role)
	}
	if u.Role == RoleEditor && len(u.Orgs) == 0 {
		errs.Add("orgs", "an editor edits for at least one organisation")
	}
	return errs.Err()
}

// Link purposes: what a one-time link sent by e-mail lets its holder do.
const (
	LinkInvitation = "invitation"
	LinkReset      = "reset"
)

// Session is a signed-in browser, stored in the database so that any
// instance of the server can recognise it.
type Session struct {
	User      *User
	CreatedAt time.Time
	ExpiresAt time.Time
}

// AccountService keeps accounts and what proves who is acting: password
// hashes, sessions, one-time links and personal access tokens. Secrets are
// returned once, when created, and stored only as hashes.
type AccountService interface {
	// CreateUser stores a new account; a taken address is ECONFLICT.
	CreateUser(ctx context.Context, u *User) error
	FindUser(ctx context.Context, email string) (*User, error)
	// Authenticate returns the account whose password this is, or
	// EUNAUTHORIZED with the same message whatever was wrong.
	Authenticate(ctx context.Context, email, password string) (*User, error)

	// CreateLink returns a one-time link token for the account.
	CreateLink(ctx context.Context, userID int64, purpose string, ttl time.Duration) (string, error)
	// RedeemLink uses a link once to set the account's password, and
	// signs the account out everywhere.
	RedeemLink(ctx context.Context, token, purpose, password string) (*User, error)

	CreateSession(ctx context.Context, userID int64, ttl time.Duration) (string, error)
	FindSession(ctx context.Context, token string) (*Session, error)
	TouchSession(ctx context.Context, token string, ttl time.Duration) error
	DeleteSession(ctx context.Context, token string) error
	// DeleteUserSessions signs the account out everywhere.
	DeleteUserSessions(ctx context.Context, userID int64) error

	// CreateAccessToken returns a personal access token for the API.
	CreateAccessToken(ctx context.Context, userID int64, name string) (string, error)
	// UserByAccessToken returns the owner of a token, or EUNAUTHORIZED.
	UserByAccessToken(ctx context.Context, token string) (*User, error)
}

type userKey struct{}

// NewContextWithUser returns a context that carries the acting user.
func NewContextWithUser(ctx context.Context, u *User) context.Context {
	return context.WithValue(ctx, userKey{}, u)
}

// UserFromContext returns the acting user, or nil for a visitor.
func UserFromContext(ctx context.Context) *User {
	u, _ := ctx.Value(userKey{}).(*User)
	return u
}
