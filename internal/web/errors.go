package web

import (
	"errors"
	"net/http"

	"github.com/proximite/proximite"
)

// badInput is a request parameter the site cannot use, with the message
// key that explains it to the visitor and the message's values.
type badInput struct {
	param string
	key   string
	pairs []any
}

// Error implements error, in English, for the log.
func (e *badInput) Error() string { return "bad parameter " + e.param + ": " + e.key }

// errorData is the data of the error page.
type errorData struct {
	page
	Status  int
	Heading string
	Text    string
	Detail  string
}

// errorPage renders the friendly error page in the visitor's language:
// key names the messages key.title and key.text, detail adds a sentence
// about the problem.
func (h *Handler) errorPage(w http.ResponseWriter, r *http.Request, l *localizer, status int, key, detail string) {
	title := l.T(key + ".title")
	p := h.base(r, l, secHome, "", "", title, l.T(key+".text"))
	p.Crumbs = []crumb{{Name: l.T("nav.home"), Href: path(l.lang, secHome, "")}, {Name: title}}
	p.NoIndex = true
	p.Section = ""
	for i := range p.Nav {
		p.Nav[i].Current = false
	}
	// The switch of an error page goes to the same path in the other
	// language where that makes sense, and to its home page otherwise.
	p.Alternate.Href, p.Alternate.Canonical = path(p.Alternate.Lang, secHome, ""), ""
	w.Header().Set("Cache-Control", "no-store")
	h.render(w, r, l, status, "error", errorData{page: p, Status: status, Heading: title, Text: l.T(key + ".text"), Detail: detail})
}

// notFound answers a path or record that does not exist.
func (h *Handler) notFound(w http.ResponseWriter, r *http.Request, l *localizer) {
	h.errorPage(w, r, l, http.StatusNotFound, "error.notfound", "")
}

// fail answers an error from parsing or from the registry: a bad
// parameter is the visitor's to fix (400, with what is wrong), a missing
// record is a 404, and anything else is logged once and shown as a 500
// without its detail.
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, l *localizer, err error) {
	var bad *badInput
	switch {
	case errors.As(err, &bad):
		h.errorPage(w, r, l, http.StatusBadRequest, "error.badrequest", l.T(bad.key, bad.pairs...))
	case proximite.ErrorCode(err) == proximite.ENOTFOUND:
		h.notFound(w, r, l)
	case proximite.ErrorCode(err) == proximite.EINVALID:
		h.errorPage(w, r, l, http.StatusBadRequest, "error.badrequest", "")
	case r.Context().Err() != nil:
		// The visitor went away; there is nobody to show a page to.
		h.log.Info("request cancelled", "path", r.URL.Path)
	default:
		h.log.Error("page", "path", r.URL.Path, "err", err)
		h.errorPage(w, r, l, http.StatusInternalServerError, "error.internal", "")
	}
}
