package web

import (
	"net/http"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/mail"
)

// Workspace is what the members' area needs besides the public registry:
// accounts and sessions, the audit log, a mail sender, and the site's
// public address for the links that messages carry. Every write of the
// area goes through proximite.Guard, so the policy holds whatever page or
// form asks.
type Workspace struct {
	Accounts proximite.AccountService
	Audit    proximite.AuditService
	Mail     mail.Sender
	BaseURL  string
	// Throttle counts failed sign-ins where every instance sees them, and
	// Queue lists records by state; when nil, Accounts provides them if
	// it can (the SQL store does).
	Throttle Throttle
	Queue    Queue
	// Admin lists and changes accounts for the accounts page, always
	// through proximite.AccountGuard; when nil, Accounts provides it if
	// it can (the SQL store does), and the page is off otherwise.
	Admin proximite.AccountAdmin
}

// WithWorkspace turns on the members' area: sign-in and accounts
// (workspace_routes.go), the editing forms (form_routes.go), and the
// session that puts the signed-in user in each request's context.
func (h *Handler) WithWorkspace(ws Workspace) *Handler {
	if ws.Throttle == nil {
		ws.Throttle, _ = ws.Accounts.(Throttle)
	}
	if ws.Queue == nil {
		ws.Queue, _ = ws.Accounts.(Queue)
	}
	if ws.Admin == nil {
		ws.Admin, _ = ws.Accounts.(proximite.AccountAdmin)
	}
	h.ws = &ws
	h.guard = proximite.NewGuard(h.reg)
	h.workspaceRoutes()
	h.formRoutes()
	h.wrap()
	return h
}

// user returns the signed-in user of a request, or nil for a visitor.
func (h *Handler) user(r *http.Request) *proximite.User {
	return proximite.UserFromContext(r.Context())
}
