package mail

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/proximite/proximite"
)

// InvitationTTL is how long an invitation link works: long enough for a
// volunteer who reads their mail once a week. The message says so.
const InvitationTTL = 7 * 24 * time.Hour

// InvitationPath is where an invitation's link leads on the site. The
// link carries no language: the page answers in French, and in English
// under /account/invitation.
const InvitationPath = "/compte/invitation"

// Inviter is what an invitation needs of the accounts: the store itself
// on the command line, its guard on the site.
type Inviter interface {
	CreateUser(ctx context.Context, u *proximite.User) error
	CreateLink(ctx context.Context, userID int64, purpose string, ttl time.Duration) (string, error)
}

// ErrNotSent wraps the failure to send an invitation whose account and
// link exist: the one who invited can pass the link on by hand, or send
// the invitation again.
type ErrNotSent struct{ Err error }

func (e *ErrNotSent) Error() string { return "the invitation could not be sent: " + e.Err.Error() }
func (e *ErrNotSent) Unwrap() error { return e.Err }

// Invite creates the account u and sends it the one-time link that sets
// its password, valid InvitationTTL. The command line and the accounts
// page both invite through it, so an invitation reads and works the same
// whoever sent it. It returns the link once the account exists, even when
// sending fails (an *ErrNotSent).
func Invite(ctx context.Context, accounts Inviter, s Sender, baseURL string, u *proximite.User) (string, error) {
	if err := accounts.CreateUser(ctx, u); err != nil {
		return "", err
	}
	return SendInvitation(ctx, accounts, s, baseURL, u)
}

// SendInvitation sends an existing account a new invitation link, for a
// person whose first one expired or went astray.
func SendInvitation(ctx context.Context, accounts Inviter, s Sender, baseURL string, u *proximite.User) (string, error) {
	token, err := accounts.CreateLink(ctx, u.ID, proximite.LinkInvitation, InvitationTTL)
	if err != nil {
		return "", fmt.Errorf("invitation link for %s: %w", u.Email, err)
	}
	link := strings.TrimSuffix(baseURL, "/") + InvitationPath + "?jeton=" + token
	if err := s.Send(ctx, Invitation(u, link)); err != nil {
		return link, &ErrNotSent{Err: err}
	}
	return link, nil
}
