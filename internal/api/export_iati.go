package api

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"time"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/iati"
)

// ExportFilter reads the parameters of an export: the filters of search
// (q, the facets, org, partnership, programme), with which the command
// line shares its meaning. Paging does not apply, since an export holds
// every matching record.
func ExportFilter(v url.Values) (proximite.SearchFilter, error) {
	v2 := url.Values{}
	for k, vs := range v {
		if k != "limit" && k != "offset" {
			v2[k] = vs
		}
	}
	f, err := parseFilter(v2)
	f.Limit, f.Sort = 0, ""
	return f, err
}

// exportIATI streams the matching projects as an IATI 2.03 activity
// file. The file is sent as it is written, flushed every hundred
// activities, with no limit on its size. An error before the first
// activity is answered as JSON like any other; an error later can only
// cut the response short, which the server does by aborting the
// connection so that the client cannot take a truncated file for a
// complete one.
func (h *Handler) exportIATI(w http.ResponseWriter, r *http.Request) {
	f, err := ExportFilter(r.URL.Query())
	if err != nil {
		h.error(w, r, err)
		return
	}
	for _, t := range f.Filters[proximite.FacetType] {
		if t != string(proximite.TypeProject) {
			h.error(w, r, proximite.FieldError("type", "the IATI export holds projects, not %ss", t))
			return
		}
	}
	lw := &lazyWriter{w: w, start: func() {
		hd := w.Header()
		hd.Set("Content-Type", "application/xml; charset=utf-8")
		hd.Set("Content-Disposition", `attachment; filename="proximite-iati-`+time.Now().UTC().Format("2006-01-02")+`.xml"`)
		hd.Set("X-Content-Type-Options", "nosniff")
		w.WriteHeader(http.StatusOK)
	}}
	rc := http.NewResponseController(w)
	opts := iati.Options{OrgRef: h.reporter.OrgRef, OrgName: h.reporter.OrgName, BaseURL: baseURL(r), Flush: func() error {
		if !lw.started {
			return nil
		}
		return rc.Flush()
	}}
	n, err := iati.WriteActivities(r.Context(), lw, h.reg, f, opts)
	switch {
	case err == nil:
	case !lw.started:
		h.error(w, r, err)
	case errors.Is(err, context.Canceled) || r.Context().Err() != nil:
		// The client went away; there is no one to tell.
	default:
		h.log.Error("IATI export cut short", "path", r.URL.String(), "activities", n, "err", err)
		panic(http.ErrAbortHandler)
	}
}

// lazyWriter sets the response's headers on the first write, so that a
// failure before any output can still be answered with an error status.
type lazyWriter struct {
	w       http.ResponseWriter
	start   func()
	started bool
}

func (l *lazyWriter) Write(p []byte) (int, error) {
	if !l.started {
		l.started = true
		l.start()
	}
	return l.w.Write(p)
}

// baseURL returns the address the request reached the registry at, from
// which exported files link back to its records. X-Forwarded-Proto is
// honoured for servers behind a proxy that terminates TLS.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	if p := r.Header.Get("X-Forwarded-Proto"); p == "http" || p == "https" {
		scheme = p
	}
	if r.Host == "" {
		return ""
	}
	return scheme + "://" + r.Host
}
