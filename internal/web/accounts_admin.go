package web

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/mail"
)

// The accounts page lets coordinators and administrators do what the
// command line's "user add" does, and more: list the accounts, invite a
// person (the same mail.Invite), change an account's role and
// organisations, and send an invitation again. Every call goes through
// proximite.AccountGuard with the signed-in user, so CanManage holds even
// for a form forged by hand; the handlers check it first only to answer
// with the right page.

// accountRow is one account in the list.
type accountRow struct {
	Name, Email string
	RoleName    string
	Orgs        []recordLink
	// Invited is false once the person has followed their invitation.
	Invited bool
	// Edit and Resend are set when the signed-in user may manage the
	// account (a coordinator does not manage administrators).
	Edit, Resend string
}

// accountForm is the invitation form, or the form that changes one
// account: its values as typed, the roles the user may grant, and the
// messages next to the fields (by the input's name).
type accountForm struct {
	Action                  string
	Email, Name, Lang, Orgs string
	Roles, Langs            []choice
	Fields                  map[string]string
	Error                   string
}

// accountsData is the data of the accounts page.
type accountsData struct {
	page
	// Notice says what was just done; Warning that the invitation of a
	// created account could not be sent.
	Notice, Warning string
	Rows            []accountRow
	Invite          accountForm
}

// accountData is the data of the page that changes one account.
type accountEditData struct {
	page
	Person   *proximite.User
	RoleName string
	Form     accountForm
	Back     string
}

// accountRoutes registers the accounts pages of a language.
func (h *Handler) accountRoutes(lang string, l *localizer) {
	if h.ws.Admin == nil {
		return
	}
	base := wsPath(lang, wsAccounts)
	h.mux.HandleFunc("GET "+base, h.page(l, h.accountsPage))
	h.mux.HandleFunc("POST "+base, h.page(l, h.accountsInvite))
	h.mux.HandleFunc("GET "+base+"/{id}", h.page(l, h.accountPage))
	h.mux.HandleFunc("POST "+base+"/{id}", h.page(l, h.accountUpdate))
	h.mux.HandleFunc("POST "+base+"/{id}/invitation", h.page(l, h.accountResend))
}

// accountPath is the page of one account.
func accountPath(lang string, id int64) string {
	return wsPath(lang, wsAccounts) + "/" + strconv.FormatInt(id, 10)
}

// accounts returns the guarded account administration.
func (h *Handler) accounts() *proximite.AccountGuard { return proximite.NewAccountGuard(h.ws.Admin) }

// manager returns the signed-in user when they manage accounts; a
// visitor is sent to sign in, anyone else is refused with the reason.
func (h *Handler) manager(w http.ResponseWriter, r *http.Request, l *localizer) *proximite.User {
	u := h.member(w, r, l)
	if u == nil {
		return nil
	}
	if err := proximite.CanManage(u, proximite.RoleEditor); err != nil {
		h.errorPage(w, r, l, http.StatusForbidden, "ws.error.forbidden", localized(l, err))
		return nil
	}
	return u
}

// roleChoices lists the roles u may grant, current selected.
func roleChoices(l *localizer, u *proximite.User, current proximite.Role) []choice {
	var out []choice
	for _, role := range proximite.Roles {
		if proximite.CanManage(u, role) == nil {
			out = append(out, choice{Value: string(role), Label: l.T("ws.role." + string(role)), Selected: role == current})
		}
	}
	return out
}

func langChoices(l *localizer, current string) []choice {
	return []choice{{Value: "fr", Label: "Français", Selected: current != "en"}, {Value: "en", Label: "English", Selected: current == "en"}}
}

// accountsData reads the list and prepares an empty invitation form.
func (h *Handler) accountsData(r *http.Request, l *localizer, u *proximite.User) (accountsData, error) {
	ctx := r.Context()
	d := accountsData{page: h.wsBase(r, l, wsAccounts, l.T("ws.accounts.title"))}
	d.Crumbs = []crumb{d.Crumbs[0], {Name: l.T("ws.home.title"), Href: wsPath(l.lang, wsHome)}, {Name: l.T("ws.accounts.title")}}
	d.Invite = accountForm{Action: wsPath(l.lang, wsAccounts), Lang: l.lang,
		Roles: roleChoices(l, u, proximite.RoleEditor), Langs: langChoices(l, l.lang)}
	users, err := h.accounts().ListUsers(ctx)
	if err != nil {
		return d, err
	}
	for _, a := range users {
		row := accountRow{Name: a.Name, Email: a.Email, RoleName: l.T("ws.role." + string(a.Role)), Invited: !a.HasPassword}
		for _, slug := range a.Orgs {
			row.Orgs = append(row.Orgs, recordLink{Name: proximite.Text{l.lang: h.orgName(ctx, l, slug)}, URL: path(l.lang, secOrganisation, slug)})
		}
		if proximite.CanManage(u, a.Role) == nil {
			row.Edit = accountPath(l.lang, a.ID)
			if row.Invited {
				row.Resend = row.Edit + "/invitation"
			}
		}
		d.Rows = append(d.Rows, row)
	}
	return d, nil
}

// orgName is an organisation's name for the list, or its slug.
func (h *Handler) orgName(ctx context.Context, l *localizer, slug string) string {
	if n := h.recordName(ctx, l, proximite.TypeOrganisation, slug); n != "" {
		return n
	}
	return slug
}

// accountsPage lists the accounts, with the invitation form.
func (h *Handler) accountsPage(w http.ResponseWriter, r *http.Request, l *localizer) {
	u := h.manager(w, r, l)
	if u == nil {
		return
	}
	d, err := h.accountsData(r, l, u)
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	switch done := r.URL.Query().Get("fait"); done {
	case "":
	case "notsent":
		d.Warning = l.T("ws.accounts.done.notsent")
	default:
		d.Notice = l.msg["ws.accounts.done."+done]
	}
	h.render(w, r, l, http.StatusOK, "workspace_accounts", d)
}

// accountsInvite creates an account and sends its invitation, as "user
// add" does. Bad input is shown next to its field, and nothing is stored.
func (h *Handler) accountsInvite(w http.ResponseWriter, r *http.Request, l *localizer) {
	u := h.manager(w, r, l)
	if u == nil || !h.parseForm(w, r, l) {
		return
	}
	ctx := r.Context()
	d, err := h.accountsData(r, l, u)
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	f := &d.Invite
	f.Email, f.Name, f.Lang = strings.TrimSpace(r.PostFormValue("email")), strings.TrimSpace(r.PostFormValue("name")), r.PostFormValue("lang")
	f.Orgs = r.PostFormValue("orgs")
	role := proximite.Role(r.PostFormValue("role"))
	f.Roles, f.Langs = roleChoices(l, u, role), langChoices(l, f.Lang)
	acc := &proximite.User{Email: f.Email, Name: f.Name, Lang: f.Lang, Role: role}
	var status int
	acc.Orgs, f.Fields, err = h.checkAccount(ctx, l, acc, f.Orgs)
	if err == nil && f.Fields == nil {
		_, err = mail.Invite(ctx, h.accounts(), h.ws.Mail, h.ws.BaseURL, acc)
		var notSent *mail.ErrNotSent
		if errors.As(err, &notSent) {
			// The account and its link exist; the list offers to send
			// the invitation again.
			h.log.Error("send invitation", "user", acc.ID, "err", err)
			http.Redirect(w, r, wsPath(l.lang, wsAccounts)+"?fait=notsent", http.StatusSeeOther)
			return
		}
		f.Fields, status, err = accountFieldErrors(l, err)
	}
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	if f.Fields != nil {
		if status == 0 {
			status = http.StatusBadRequest
		}
		h.render(w, r, l, status, "workspace_accounts", d)
		return
	}
	h.log.Info("account invited", "by", u.ID, "user", acc.ID, "role", acc.Role)
	http.Redirect(w, r, wsPath(l.lang, wsAccounts)+"?fait=invited", http.StatusSeeOther)
}

// parseOrgs reads the organisations field: slugs or exact names,
// separated by commas or lines. What names no organisation, or several,
// is a message next to the field with the candidates.
func (h *Handler) parseOrgs(ctx context.Context, l *localizer, text string) ([]string, map[string]string, error) {
	var slugs, bad []string
	for _, part := range strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == ';' || r == '\n' }) {
		if part = strings.TrimSpace(part); part == "" {
			continue
		}
		res, err := h.resolve(ctx, l, proximite.TypeOrganisation, part)
		if err != nil {
			return nil, nil, err
		}
		if res.slug == "" {
			msg := l.T("ws.accounts.orgs.unknown", "name", part)
			if len(res.choices) > 0 {
				var names []string
				for _, c := range res.choices {
					names = append(names, c.Label+" ("+c.Value+")")
				}
				msg += " " + l.T("ws.accounts.orgs.didyoumean", "names", strings.Join(names, ", "))
			}
			bad = append(bad, msg)
			continue
		}
		if !containsString(slugs, res.slug) {
			slugs = append(slugs, res.slug)
		}
	}
	if bad != nil {
		return nil, map[string]string{"orgs": strings.Join(bad, " ")}, nil
	}
	return slugs, nil, nil
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// checkAccount reads the organisations and validates the account as the
// store will, so that every field's problem shows at once; the store and
// the guard still have the last word.
func (h *Handler) checkAccount(ctx context.Context, l *localizer, acc *proximite.User, orgs string) ([]string, map[string]string, error) {
	slugs, fields, err := h.parseOrgs(ctx, l, orgs)
	if err != nil {
		return nil, nil, err
	}
	v := *acc
	v.Orgs = slugs
	if fields != nil {
		v.Orgs = []string{"-"} // already refused; say nothing more of it
	}
	if more, _, err := accountFieldErrors(l, v.Validate()); err != nil {
		return nil, nil, err
	} else if more != nil {
		if fields == nil {
			fields = map[string]string{}
		}
		for k, m := range more {
			if fields[k] == "" {
				fields[k] = m
			}
		}
	}
	return slugs, fields, nil
}

// accountFieldErrors turns what the guard and the store refused into
// messages next to the fields, with the status of the answer; an error
// that names no field of the form is returned as it is.
func accountFieldErrors(l *localizer, err error) (map[string]string, int, error) {
	if err == nil {
		return nil, 0, nil
	}
	switch proximite.ErrorCode(err) {
	case proximite.EFORBIDDEN:
		// The guard refused the role: a coordinator making or changing
		// an administrator, or anyone their own role.
		return map[string]string{"role": localized(l, err)}, http.StatusForbidden, nil
	case proximite.ECONFLICT:
		return map[string]string{"email": l.T("ws.accounts.email.taken")}, http.StatusConflict, nil
	case proximite.EINVALID:
	default:
		return nil, 0, err
	}
	fields := map[string]string{}
	var list proximite.ValidationErrors
	var one *proximite.Error
	if errors.As(err, &list) {
		for _, e := range list {
			addFieldError(l, fields, e)
		}
	} else if errors.As(err, &one) {
		addFieldError(l, fields, one)
	}
	if len(fields) == 0 {
		return nil, 0, err
	}
	return fields, http.StatusBadRequest, nil
}

// addFieldError puts one refusal next to its field: the store's own
// words when it wrote them in both languages, this page's otherwise.
func addFieldError(l *localizer, fields map[string]string, e *proximite.Error) {
	if e.Field == "" || fields[e.Field] != "" {
		return
	}
	if strings.Contains(e.Message, " / ") {
		fields[e.Field] = localized(l, e)
	} else if msg, ok := l.msg["ws.accounts.invalid."+e.Field]; ok {
		fields[e.Field] = msg
	} else {
		fields[e.Field] = e.Message
	}
}
