package web

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/mail"
)

// accountData is the data of the account pages: sign-in, forgotten
// password, and the two pages where a one-time link sets a password.
type accountData struct {
	page
	Heading string
	Intro   string
	Action  string // where the form posts
	Email   string
	Next    string // where sign-in leads back to
	Token   string // the one-time link's token, carried by the form
	// Error is a message about the whole form, Fields those next to an
	// input (by its name), Notice a status (signed out, link sent).
	Error  string
	Fields map[string]string
	Notice string
	// Done hides the form: the reset request was answered, or the link
	// cannot be used.
	Done   bool
	Forgot string // link to the forgotten-password page
}

// wsBase fills the layout's data of a page of the area: out of search
// indexes, its own paths in both languages, its own stylesheet.
func (h *Handler) wsBase(r *http.Request, l *localizer, p wsPage, title string) page {
	pg := h.base(r, l, secHome, "", "", title, "")
	pg.Section, pg.NoIndex, pg.Members = "", true, true
	for i := range pg.Nav {
		pg.Nav[i].Current = false
	}
	pg.Canonical = origin(r) + wsPath(l.lang, p)
	pg.Alternate.Href, pg.Alternate.Canonical = wsPath(pg.Alternate.Lang, p), ""
	pg.Crumbs = []crumb{{Name: l.T("nav.home"), Href: path(l.lang, secHome, "")}, {Name: title}}
	if p == wsHome && pg.Account != nil {
		pg.Account.Current = true
	}
	return pg
}

// accountLink is the header's link to the area, when it is on.
func (h *Handler) accountLink(r *http.Request, l *localizer) *navItem {
	switch {
	case h.ws == nil:
		return nil
	case h.user(r) != nil:
		return &navItem{Name: l.T("ws.nav.mine"), Href: wsPath(l.lang, wsHome)}
	}
	return &navItem{Name: l.T("ws.nav.signin"), Href: wsPath(l.lang, wsSignIn)}
}

// maxFormBytes bounds the body of the area's small forms.
const maxFormBytes = 64 << 10

// parseForm reads a small posted form; a body too large or malformed is
// the sender's problem, answered with a 400.
func (h *Handler) parseForm(w http.ResponseWriter, r *http.Request, l *localizer) bool {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	if err := r.ParseForm(); err != nil {
		h.errorPage(w, r, l, http.StatusBadRequest, "error.badrequest", l.T("ws.error.form"))
		return false
	}
	return true
}

func (h *Handler) signInData(r *http.Request, l *localizer) accountData {
	d := accountData{page: h.wsBase(r, l, wsSignIn, l.T("account.signin.title")), Heading: l.T("account.signin.title"),
		Intro: l.T("account.signin.intro"), Action: wsPath(l.lang, wsSignIn), Forgot: wsPath(l.lang, wsForgot)}
	d.Next = localTarget(r.FormValue("next"), "")
	return d
}

// signInPage shows the sign-in form, with why the person is here: their
// session ended, or they just signed out.
func (h *Handler) signInPage(w http.ResponseWriter, r *http.Request, l *localizer) {
	d := h.signInData(r, l)
	switch {
	case r.URL.Query().Get("fin") != "" || sessionOf(r).ended:
		d.Notice = l.T("account.signin.ended")
	case r.URL.Query().Get("sortie") != "":
		d.Notice = l.T("account.signout.done")
	}
	h.render(w, r, l, http.StatusOK, "account_signin", d)
}

// signInPost checks an address and password. Whatever is wrong, the
// answer is the same: an unknown address, a wrong password and an account
// without a password yet all read "wrong address or password" and take
// as long (the store hashes a dummy password), and the throttle counts
// unknown addresses as it counts known ones.
func (h *Handler) signInPost(w http.ResponseWriter, r *http.Request, l *localizer) {
	if !h.parseForm(w, r, l) {
		return
	}
	ctx := r.Context()
	d := h.signInData(r, l)
	d.Email = strings.TrimSpace(r.PostFormValue("email"))
	keys := signInKeys(d.Email, r)
	if over, err := h.tooMany(ctx, keys); err != nil {
		h.fail(w, r, l, err)
		return
	} else if over {
		d.Error = l.T("account.signin.throttled")
		w.Header().Set("Retry-After", "900")
		h.render(w, r, l, http.StatusTooManyRequests, "account_signin", d)
		return
	}
	u, err := h.ws.Accounts.Authenticate(ctx, d.Email, r.PostFormValue("password"))
	if proximite.ErrorCode(err) == proximite.EUNAUTHORIZED {
		h.failed(ctx, keys...)
		d.Error = l.T("account.signin.wrong")
		h.render(w, r, l, http.StatusUnauthorized, "account_signin", d)
		return
	} else if err != nil {
		h.fail(w, r, l, err)
		return
	}
	if h.ws.Throttle != nil {
		if err := h.ws.Throttle.ClearFailures(ctx, keys[0]); err != nil {
			h.log.Warn("clear sign-in failures", "err", err)
		}
	}
	// A session that the browser already had is ended, so a token planted
	// before sign-in (session fixation) is worth nothing after it.
	if old := sessionOf(r).token; old != "" {
		h.ws.Accounts.DeleteSession(ctx, old)
	}
	if err := h.signIn(w, r, u); err != nil {
		h.fail(w, r, l, err)
		return
	}
	h.log.Info("signed in", "user", u.ID)
	http.Redirect(w, r, localTarget(d.Next, wsPath(u.Lang, wsHome)), http.StatusSeeOther)
}

// signOut ends this browser's session, or with "everywhere" every
// session of the account (a lost phone, a shared computer).
func (h *Handler) signOut(w http.ResponseWriter, r *http.Request, l *localizer) {
	if !h.parseForm(w, r, l) {
		return
	}
	ctx := r.Context()
	var err error
	if u := h.user(r); u != nil && r.PostFormValue("everywhere") != "" {
		err = h.ws.Accounts.DeleteUserSessions(ctx, u.ID)
	} else if tok := sessionOf(r).token; tok != "" {
		err = h.ws.Accounts.DeleteSession(ctx, tok)
	}
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	h.clearCookie(w, r)
	http.Redirect(w, r, wsPath(l.lang, wsSignIn)+"?sortie=1", http.StatusSeeOther)
}

func (h *Handler) forgotData(r *http.Request, l *localizer) accountData {
	return accountData{page: h.wsBase(r, l, wsForgot, l.T("account.forgot.title")), Heading: l.T("account.forgot.title"),
		Intro: l.T("account.forgot.intro"), Action: wsPath(l.lang, wsForgot)}
}

func (h *Handler) forgotPage(w http.ResponseWriter, r *http.Request, l *localizer) {
	h.render(w, r, l, http.StatusOK, "account_forgot", h.forgotData(r, l))
}

// resetTTL is how long a password reset link works.
const resetTTL = time.Hour

// forgotPost sends a reset link to an address that has an account, and
// answers the same whatever the address: the page never says whether an
// account exists. The mail is sent after the answer, so that the time it
// takes says nothing either; a few requests an hour per address are
// honoured, the rest ignored alike.
func (h *Handler) forgotPost(w http.ResponseWriter, r *http.Request, l *localizer) {
	if !h.parseForm(w, r, l) {
		return
	}
	d := h.forgotData(r, l)
	d.Email = proximite.NormalizeEmail(r.PostFormValue("email"))
	if d.Email == "" || !strings.Contains(d.Email, "@") {
		d.Fields = map[string]string{"email": l.T("account.email.missing")}
		h.render(w, r, l, http.StatusBadRequest, "account_forgot", d)
		return
	}
	h.background.Add(1)
	go func(ctx context.Context, email, lang string) {
		defer h.background.Done()
		if err := h.sendReset(ctx, email, lang); err != nil {
			h.log.Error("send password reset", "err", err)
		}
	}(context.WithoutCancel(r.Context()), d.Email, l.lang)
	d.Done, d.Notice = true, l.T("account.forgot.sent", "email", d.Email)
	h.render(w, r, l, http.StatusOK, "account_forgot", d)
}

// sendReset mails a one-time link to the account of an address, if there
// is one and it has not asked too often.
func (h *Handler) sendReset(ctx context.Context, email, lang string) error {
	// The request is counted before the count is read, so that requests
	// at the same moment cannot all slip under the limit: the k-th sees
	// at least k.
	key := "reset:" + email
	if h.ws.Throttle != nil {
		if err := h.ws.Throttle.RecordFailure(ctx, key); err != nil {
			return err
		}
		n, err := h.ws.Throttle.CountFailures(ctx, []string{key}, resetWindow)
		if err != nil {
			return err
		}
		if n[key] > maxResetsPerHour {
			h.log.Warn("password reset requests over the limit")
			return nil
		}
	}
	u, err := h.ws.Accounts.FindUser(ctx, email)
	if proximite.ErrorCode(err) == proximite.ENOTFOUND {
		return nil
	} else if err != nil {
		return err
	}
	token, err := h.ws.Accounts.CreateLink(ctx, u.ID, proximite.LinkReset, resetTTL)
	if err != nil {
		return err
	}
	if u.Lang != "en" {
		u.Lang = "fr"
	}
	return h.ws.Mail.Send(ctx, mail.PasswordReset(u, h.linkURL(u.Lang, wsReset, token)))
}

// linkURL is the absolute address of a one-time link, in the person's
// language: /compte/…?jeton= or /account/…?token=.
func (h *Handler) linkURL(lang string, p wsPage, token string) string {
	param := "jeton"
	if lang == "en" {
		param = "token"
	}
	return strings.TrimSuffix(h.ws.BaseURL, "/") + wsPath(lang, p) + "?" + param + "=" + token
}
