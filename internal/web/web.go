// Package web serves the registry's HTML pages. For now it is the home
// page, which says what the registry holds and where its API is; the
// public site in French and English grows here.
package web

import (
	"embed"
	"html/template"
	"log/slog"
	"net/http"
	"strings"

	"github.com/proximite/proximite"
)

//go:embed templates/*.html
var templates embed.FS

// Handler serves the HTML pages.
type Handler struct {
	reg  proximite.Registry
	log  *slog.Logger
	tmpl *template.Template
	mux  *http.ServeMux
}

// New parses the templates, so that a broken one fails the start and not
// a visitor, and returns the handler.
func New(reg proximite.Registry, log *slog.Logger) (*Handler, error) {
	tmpl, err := template.ParseFS(templates, "templates/*.html")
	if err != nil {
		return nil, err
	}
	h := &Handler{reg: reg, log: log, tmpl: tmpl, mux: http.NewServeMux()}
	h.mux.HandleFunc("GET /{$}", h.home)
	h.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	return h, nil
}

// ServeHTTP implements http.Handler.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.mux.ServeHTTP(w, r) }

// homePage is the data of the home page.
type homePage struct {
	Lang   string
	Counts []typeCount
	Latest []proximite.Hit
}

type typeCount struct {
	Type       proximite.RecordType
	Collection string
	Count      int
}

func (h *Handler) home(w http.ResponseWriter, r *http.Request) {
	counts, err := h.reg.Counts(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	latest, err := h.reg.Search(r.Context(), proximite.SearchFilter{Sort: proximite.SortRecent, Limit: 10,
		Filters: map[string][]string{proximite.FacetType: {string(proximite.TypePartnership), string(proximite.TypeProject)}}})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	page := homePage{Lang: "fr", Latest: latest.Hits}
	if strings.HasPrefix(r.Header.Get("Accept-Language"), "en") {
		page.Lang = "en"
	}
	for _, t := range proximite.RecordTypes {
		page.Counts = append(page.Counts, typeCount{t, string(t) + "s", counts[t]})
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := h.tmpl.ExecuteTemplate(w, "home.html", page); err != nil {
		h.log.Error("render home", "err", err)
	}
}

func (h *Handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	h.log.Error("page", "path", r.URL.Path, "err", err)
	http.Error(w, "Erreur interne / Internal error", http.StatusInternalServerError)
}
