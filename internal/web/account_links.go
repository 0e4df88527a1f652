package web

import (
	"net/http"
	"net/url"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/password"
)

// linkPurpose is what the link of a page lets its holder do.
var linkPurpose = map[wsPage]string{wsInvitation: proximite.LinkInvitation, wsReset: proximite.LinkReset}

// linkToken reads the token of a one-time link: ?jeton= as the French
// links carry it, or ?token=; a form carries it in its body.
func linkToken(r *http.Request) string {
	for _, k := range []string{"jeton", "token"} {
		if v := r.FormValue(k); v != "" {
			return v
		}
	}
	return ""
}

func (h *Handler) linkData(r *http.Request, l *localizer, p wsPage) accountData {
	title := l.T("account." + string(p) + ".title")
	d := accountData{page: h.wsBase(r, l, p, title), Heading: title, Intro: l.T("account." + string(p) + ".intro"),
		Action: wsPath(l.lang, p), Token: linkToken(r), Forgot: wsPath(l.lang, wsForgot)}
	// The language switch keeps the link's token, or the person would
	// land on a page that cannot help them.
	if d.Token != "" {
		d.Alternate.Href += "?" + url.Values{"token": {d.Token}}.Encode()
	}
	return d
}

// linkPage shows the form that sets a password from an invitation or a
// reset link. Whether the link still works is checked when the form is
// sent, where using it and setting the password are one transaction.
func (h *Handler) linkPage(p wsPage) pageHandler {
	return func(w http.ResponseWriter, r *http.Request, l *localizer) {
		d := h.linkData(r, l, p)
		status := http.StatusOK
		if d.Token == "" {
			d.Error, d.Done, status = l.T("account.link.missing"), true, http.StatusBadRequest
		}
		h.render(w, r, l, status, "account_password", d)
	}
}

// linkPost spends the link and sets the password, then signs the person
// in. A used, expired or unknown link is refused with what it was, and
// changes nothing; so is a password too short or mistyped.
func (h *Handler) linkPost(p wsPage) pageHandler {
	return func(w http.ResponseWriter, r *http.Request, l *localizer) {
		if !h.parseForm(w, r, l) {
			return
		}
		d := h.linkData(r, l, p)
		pw := r.PostFormValue("password")
		switch {
		case d.Token == "":
			d.Error, d.Done = l.T("account.link.missing"), true
		case len(pw) < password.MinLength:
			d.Fields = map[string]string{"password": l.T("account.password.short", "n", password.MinLength)}
		case pw != r.PostFormValue("confirm"):
			d.Fields = map[string]string{"confirm": l.T("account.password.mismatch")}
		}
		if d.Error != "" || d.Fields != nil {
			h.render(w, r, l, http.StatusBadRequest, "account_password", d)
			return
		}
		u, err := h.ws.Accounts.RedeemLink(r.Context(), d.Token, linkPurpose[p], pw)
		var field *proximite.Error
		switch {
		case err == nil:
		case proximite.ErrorCode(err) == proximite.EINVALID && asField(err, &field) && field.Field == "password":
			d.Fields = map[string]string{"password": localized(l, err)}
		case proximite.ErrorCode(err) == proximite.EINVALID:
			d.Error, d.Done = localized(l, err), true
		default:
			h.fail(w, r, l, err)
			return
		}
		if err != nil {
			h.render(w, r, l, http.StatusBadRequest, "account_password", d)
			return
		}
		if err := h.signIn(w, r, u); err != nil {
			h.fail(w, r, l, err)
			return
		}
		h.log.Info("password set from a link", "user", u.ID, "purpose", linkPurpose[p])
		http.Redirect(w, r, wsPath(l.lang, wsHome)+"?fait=password", http.StatusSeeOther)
	}
}
