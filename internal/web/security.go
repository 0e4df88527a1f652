package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/proximite/proximite"
)

// contentSecurityPolicy allows the site's own scripts only, never inline
// ones. Styles may be inline because the world map carries its own small
// <style> and a style attribute. Forms post to the site alone, and no
// other site may frame a page (which would let it trick a click).
const contentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; " +
	"script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

// secure sets the security headers on every response of the site, pages,
// redirects and static files alike, before the handler writes, so that
// no page can forget them.
func secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", contentSecurityPolicy)
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		hd.Set("X-Frame-Options", "DENY") // for browsers that ignore frame-ancestors
		hd.Set("Cross-Origin-Opener-Policy", "same-origin")
		if r.TLS != nil {
			hd.Set("Strict-Transport-Security", "max-age=31536000")
		}
		next.ServeHTTP(w, r)
	})
}

// crossOrigin refuses a state-changing request that a browser says comes
// from another site (Sec-Fetch-Site, or Origin against Host): a form on
// an attacker's page cannot post to the workspace with the visitor's
// cookie. Requests without those headers (command-line clients) pass;
// they carry no ambient cookie of a victim. The refusal is a page in the
// language of the path, which says what happened and stores nothing.
func (h *Handler) crossOrigin(next http.Handler) http.Handler {
	p := http.NewCrossOriginProtection()
	p.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.log.Warn("cross-origin request refused", "method", r.Method, "path", r.URL.Path,
			"origin", r.Header.Get("Origin"), "sec_fetch_site", r.Header.Get("Sec-Fetch-Site"))
		h.errorPage(w, r, h.loc[pathLang(r)], http.StatusForbidden, "ws.error.crossorigin", "")
	}))
	return p.Handler(next)
}

// pathLang returns the language of a request's path: /en/… and the
// English account paths are English, everything else French first.
func pathLang(r *http.Request) string {
	if strings.HasPrefix(r.URL.Path, "/en/") || strings.HasPrefix(r.URL.Path, "/account/") {
		return "en"
	}
	return "fr"
}

// localized returns the part of a domain error's message in the page's
// language: the domain writes "French. / English." for people, and a
// page shows one. Other errors are not for visitors' eyes.
func localized(l *localizer, err error) string {
	var e *proximite.Error
	if !errors.As(err, &e) {
		return l.T("error.internal.text")
	}
	fr, en, ok := strings.Cut(e.Message, " / ")
	switch {
	case !ok:
		return e.Message
	case l.lang == "en":
		return strings.TrimSpace(en)
	}
	return strings.TrimSpace(fr)
}

// wrap builds the handler chain of the site: the security headers on
// everything, the cross-origin check before any handler that changes
// something, and, when the members' area is on, the session that puts
// the signed-in user in the context.
func (h *Handler) wrap() {
	var next http.Handler = compress(h.mux)
	if h.ws != nil {
		next = h.sessions(next)
	}
	h.handler = secure(h.crossOrigin(next))
}

// asField finds the domain error of err, to read the field it names.
func asField(err error, target **proximite.Error) bool { return errors.As(err, target) }
