package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/proximite/proximite"
)

// The session cookie. It holds a random token whose hash is the key of
// the session in the database, so any instance recognises it and a copy
// of the database signs no one in.
const (
	sessionCookie = "proximite_session"
	// sessionTTL is how long a session lives without use; each use moves
	// its end (see touchEvery), so a person at work is not signed out.
	sessionTTL = 14 * 24 * time.Hour
	// touchEvery spares the database a write on every request: the end of
	// a session moves when it is more than this out of date.
	touchEvery = time.Hour
)

type sessionKey struct{}

// sessionInfo is what the middleware learnt of the request's cookie.
type sessionInfo struct {
	token string
	// ended is set when the request carried a cookie that names no live
	// session (expired, signed out, or made up): the page says so.
	ended bool
}

// sessionOf returns what the middleware learnt of the request's cookie.
func sessionOf(r *http.Request) sessionInfo {
	s, _ := r.Context().Value(sessionKey{}).(sessionInfo)
	return s
}

// sessions reads the session cookie: a live session puts its user in the
// request's context, where the guard and the pages find it, and is
// touched; a dead one is cleared from the browser. A request without the
// cookie costs nothing, so the public site pays nothing for the area.
func (h *Handler) sessions(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie(sessionCookie)
		if err != nil || c.Value == "" || strings.HasPrefix(r.URL.Path, "/static/") {
			next.ServeHTTP(w, r)
			return
		}
		ctx := r.Context()
		s, err := h.ws.Accounts.FindSession(ctx, c.Value)
		switch {
		case proximite.ErrorCode(err) == proximite.EUNAUTHORIZED || proximite.ErrorCode(err) == proximite.ENOTFOUND:
			h.clearCookie(w, r)
			ctx = context.WithValue(ctx, sessionKey{}, sessionInfo{ended: true})
		case err != nil:
			// The database is unwell; the page will say so if it needs it.
			h.log.Error("find session", "err", err)
		default:
			if time.Until(s.ExpiresAt) < sessionTTL-touchEvery {
				if err := h.ws.Accounts.TouchSession(ctx, c.Value, sessionTTL); err != nil {
					h.log.Warn("touch session", "err", err)
				} else {
					h.setCookie(w, r, c.Value)
				}
			}
			ctx = proximite.NewContextWithUser(ctx, s.User)
			ctx = context.WithValue(ctx, sessionKey{}, sessionInfo{token: c.Value})
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// secureCookies reports whether the site is served over TLS, directly
// or, as its public address says, behind a proxy that terminates it.
func (h *Handler) secureCookies(r *http.Request) bool {
	return r.TLS != nil || strings.HasPrefix(h.ws.BaseURL, "https://")
}

// setCookie gives the browser its session token: never readable by
// script (HttpOnly), sent on same-site requests and top-level links only
// (SameSite=Lax, so a link from a message keeps the person signed in),
// and only over TLS when the site has it.
func (h *Handler) setCookie(w http.ResponseWriter, r *http.Request, token string) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: token, Path: "/", MaxAge: int(sessionTTL / time.Second),
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: h.secureCookies(r)})
}

func (h *Handler) clearCookie(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: h.secureCookies(r)})
}

// signIn opens a session for u and gives the browser its cookie.
func (h *Handler) signIn(w http.ResponseWriter, r *http.Request, u *proximite.User) error {
	token, err := h.ws.Accounts.CreateSession(r.Context(), u.ID, sessionTTL)
	if err != nil {
		return err
	}
	h.setCookie(w, r, token)
	return nil
}

// member returns the signed-in user, or sends a visitor to the sign-in
// page (with the way back) and returns nil. A form posted without a live
// session is not replayed: the page says the session ended.
func (h *Handler) member(w http.ResponseWriter, r *http.Request, l *localizer) *proximite.User {
	if u := h.user(r); u != nil {
		return u
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Cache-Control", "no-store")
		h.errorPage(w, r, l, http.StatusUnauthorized, "ws.error.signedout", "")
		return nil
	}
	q := url.Values{"next": {r.URL.RequestURI()}}
	if sessionOf(r).ended {
		q.Set("fin", "1")
	}
	http.Redirect(w, r, wsPath(l.lang, wsSignIn)+"?"+q.Encode(), http.StatusSeeOther)
	return nil
}

// localTarget returns next when it is a path of this site, and fallback
// otherwise, so that a sign-in link cannot send a person elsewhere.
func localTarget(next, fallback string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.ContainsAny(next, "\\\r\n") || len(next) > 1000 {
		return fallback
	}
	return next
}
