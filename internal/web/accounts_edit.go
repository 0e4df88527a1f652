package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/mail"
)

// managedAccount reads the account of the path for a user who manages
// accounts, and answers for them when it cannot be managed: a visitor is
// sent to sign in, an editor refused, an unknown account not found, and
// a coordinator refused an administrator's account.
func (h *Handler) managedAccount(w http.ResponseWriter, r *http.Request, l *localizer) (*proximite.User, *proximite.User) {
	u := h.manager(w, r, l)
	if u == nil {
		return nil, nil
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		h.notFound(w, r, l)
		return nil, nil
	}
	acc, err := h.accounts().FindUserByID(r.Context(), id)
	if proximite.ErrorCode(err) == proximite.ENOTFOUND {
		h.notFound(w, r, l)
		return nil, nil
	} else if err != nil {
		h.fail(w, r, l, err)
		return nil, nil
	}
	if err := proximite.CanManage(u, acc.Role); err != nil {
		h.errorPage(w, r, l, http.StatusForbidden, "ws.error.forbidden", localized(l, err))
		return nil, nil
	}
	return u, acc
}

// accountEditData fills the form that changes an account's role and
// organisations with what it holds.
func (h *Handler) accountEditData(r *http.Request, l *localizer, u, acc *proximite.User) accountEditData {
	title := l.T("ws.accounts.edit.title", "name", acc.Name)
	d := accountEditData{page: h.wsBase(r, l, wsAccounts, title), Person: acc, RoleName: l.T("ws.role." + string(acc.Role)),
		Back: wsPath(l.lang, wsAccounts)}
	d.Crumbs = []crumb{d.Crumbs[0], {Name: l.T("ws.home.title"), Href: wsPath(l.lang, wsHome)},
		{Name: l.T("ws.accounts.title"), Href: d.Back}, {Name: acc.Name}}
	self := accountPath(l.lang, acc.ID)
	d.Canonical = origin(r) + self
	d.Alternate.Href = accountPath(d.Alternate.Lang, acc.ID)
	d.Form = accountForm{Action: self, Orgs: strings.Join(acc.Orgs, ", "), Roles: roleChoices(l, u, acc.Role)}
	return d
}

// accountPage shows the form that changes one account.
func (h *Handler) accountPage(w http.ResponseWriter, r *http.Request, l *localizer) {
	u, acc := h.managedAccount(w, r, l)
	if acc == nil {
		return
	}
	h.render(w, r, l, http.StatusOK, "workspace_account", h.accountEditData(r, l, u, acc))
}

// accountUpdate changes an account's role and organisations; its
// address, name and password are the person's own.
func (h *Handler) accountUpdate(w http.ResponseWriter, r *http.Request, l *localizer) {
	u, acc := h.managedAccount(w, r, l)
	if acc == nil || !h.parseForm(w, r, l) {
		return
	}
	ctx := r.Context()
	d := h.accountEditData(r, l, u, acc)
	changed := *acc
	changed.Role = proximite.Role(r.PostFormValue("role"))
	d.Form.Orgs, d.Form.Roles = r.PostFormValue("orgs"), roleChoices(l, u, changed.Role)
	var status int
	slugs, fields, err := h.checkAccount(ctx, l, &changed, d.Form.Orgs)
	if err == nil && fields == nil {
		changed.Orgs = slugs
		fields, status, err = accountFieldErrors(l, h.accounts().UpdateUser(ctx, &changed))
	}
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	if fields != nil {
		if status == 0 {
			status = http.StatusBadRequest
		}
		d.Form.Fields = fields
		h.render(w, r, l, status, "workspace_account", d)
		return
	}
	h.log.Info("account changed", "by", u.ID, "user", acc.ID, "role", changed.Role)
	http.Redirect(w, r, wsPath(l.lang, wsAccounts)+"?fait=changed", http.StatusSeeOther)
}

// accountResend sends a new invitation to an account that has not
// followed its first; the old link keeps working until it expires.
func (h *Handler) accountResend(w http.ResponseWriter, r *http.Request, l *localizer) {
	u, acc := h.managedAccount(w, r, l)
	if acc == nil || !h.parseForm(w, r, l) {
		return
	}
	if acc.HasPassword {
		h.errorPage(w, r, l, http.StatusConflict, "ws.accounts.error.followed", "")
		return
	}
	_, err := mail.SendInvitation(r.Context(), h.accounts(), h.ws.Mail, h.ws.BaseURL, acc)
	var notSent *mail.ErrNotSent
	if errors.As(err, &notSent) {
		h.log.Error("send invitation again", "user", acc.ID, "err", err)
		http.Redirect(w, r, wsPath(l.lang, wsAccounts)+"?fait=notsent", http.StatusSeeOther)
		return
	} else if err != nil {
		h.fail(w, r, l, err)
		return
	}
	h.log.Info("invitation sent again", "by", u.ID, "user", acc.ID)
	http.Redirect(w, r, wsPath(l.lang, wsAccounts)+"?fait=resent", http.StatusSeeOther)
}
