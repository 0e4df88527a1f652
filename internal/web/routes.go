package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/proximite/proximite"
)

// section is a part of the site. Each has one path per language, so that
// a French visitor reads /fr/partenariats and an English one
// /en/partnerships, and the same record has one URL in each.
type section string

// The sections of the public site.
const (
	secHome         section = "home"
	secSearch       section = "search"
	secOrganisation section = "organisation"
	secPartnership  section = "partnership"
	secProject      section = "project"
	secVisit        section = "visit"
	secProgramme    section = "programme"
	secPublication  section = "publication"
	secEvents       section = "events"
	secBulletin     section = "bulletin"
	secNetwork      section = "network"
	secFunding      section = "funding"
	secStats        section = "stats"
	secTerritories  section = "territories"
)

// segments are the path segments of the sections, per language.
var segments = map[section]map[string]string{
	secHome:         {"fr": "", "en": ""},
	secSearch:       {"fr": "recherche", "en": "search"},
	secOrganisation: {"fr": "acteurs", "en": "organisations"},
	secPartnership:  {"fr": "partenariats", "en": "partnerships"},
	secProject:      {"fr": "projets", "en": "projects"},
	secVisit:        {"fr": "missions", "en": "visits"},
	secProgramme:    {"fr": "programmes", "en": "programmes"},
	secPublication:  {"fr": "bibliotheque", "en": "library"},
	secEvents:       {"fr": "evenements", "en": "events"},
	secBulletin:     {"fr": "bulletin", "en": "bulletin"},
	secNetwork:      {"fr": "reseau", "en": "network"},
	secFunding:      {"fr": "financement", "en": "funding"},
	secStats:        {"fr": "statistiques", "en": "statistics"},
	secTerritories:  {"fr": "territoires", "en": "territories"},
}

// recordSections lists the sections of record types in display order.
var recordSections = []section{secOrganisation, secPartnership, secProject, secVisit, secProgramme, secPublication}

// sectionOf returns the section of a record type.
func sectionOf(t proximite.RecordType) section { return section(t) }

// recordType returns the record type of a section, or "" for home and
// search.
func (s section) recordType() proximite.RecordType {
	if t := proximite.RecordType(s); t.Valid() {
		return t
	}
	return ""
}

// path returns the path of a section in a language, with a record's slug
// when one is given: path("fr", secPartnership, "x") is
// /fr/partenariats/x.
func path(lang string, s section, slug string) string {
	p := "/" + lang + "/" + segments[s][lang]
	if slug != "" {
		p += "/" + url.PathEscape(slug)
	}
	return p
}

// otherLang returns the interface language that is not lang.
func otherLang(lang string) string {
	if lang == "fr" {
		return "en"
	}
	return "fr"
}

// negotiate picks the interface language from an Accept-Language header:
// the first of French or English in the visitor's order of preference,
// French when they name neither. It reads "en-GB;q=0.8" as English with
// weight 0.8 and ignores what it cannot parse.
func negotiate(header string) string {
	best, bestQ := "fr", 0.0
	for _, part := range strings.Split(header, ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		base, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(tag)), "-")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			q = parseQ(v)
		}
		for _, l := range proximite.Languages {
			if base == l && q > bestQ {
				best, bestQ = l, q
			}
		}
	}
	return best
}

// parseQ reads a quality value between 0 and 1, and 0 when malformed.
func parseQ(s string) float64 {
	var q float64
	var frac float64 = 1
	seenPoint := false
	for _, r := range s {
		switch {
		case r == '.' && !seenPoint:
			seenPoint = true
		case r >= '0' && r <= '9' && !seenPoint:
			q = q*10 + float64(r-'0')
		case r >= '0' && r <= '9':
			frac /= 10
			q += float64(r-'0') * frac
		default:
			return 0
		}
	}
	return min(q, 1)
}

// routes registers every page of the site in both languages.
func (h *Handler) routes() {
	for _, lang := range proximite.Languages {
		l := h.loc[lang]
		h.mux.HandleFunc("GET /"+lang+"/{$}", h.with(l, h.home))
		h.mux.HandleFunc("GET "+path(lang, secSearch, ""), h.with(l, h.search))
		for _, s := range recordSections {
			h.mux.HandleFunc("GET "+path(lang, s, ""), h.with(l, h.list(s.recordType())))
			h.mux.HandleFunc("GET "+path(lang, s, "")+"/{slug}", h.with(l, h.detail(s.recordType())))
		}
		h.eventRoutes(lang, l)
		h.libraryRoutes(lang, l)
		h.synergyRoutes(lang, l)
		h.statsRoutes(lang, l)
		h.boardRoutes(lang, l)
		h.mux.HandleFunc("GET /"+lang, func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/"+lang+"/", http.StatusMovedPermanently)
		})
		h.mux.HandleFunc("/"+lang+"/", h.with(l, h.notFound))
	}
	h.mux.HandleFunc("GET /{$}", h.root)
	h.mux.HandleFunc("GET /static/{file}", h.static)
	h.mux.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, h.assets.url("favicon.svg"), http.StatusMovedPermanently)
	})
	h.mux.HandleFunc("GET /robots.txt", h.robots)
	h.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		h.notFound(w, r, h.loc[negotiate(r.Header.Get("Accept-Language"))])
	})
}

// pageHandler is a page of the site in one language.
type pageHandler func(w http.ResponseWriter, r *http.Request, l *localizer)

// with binds a page to the language of its path, and answers methods
// other than GET and HEAD with a localized 405.
func (h *Handler) with(l *localizer, page pageHandler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			h.errorPage(w, r, l, http.StatusMethodNotAllowed, "error.method", "")
			return
		}
		page(w, r, l)
	}
}

// root sends a visitor to the home page in their language. The answer
// depends on Accept-Language, which Vary tells caches.
func (h *Handler) root(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Vary", "Accept-Language")
	w.Header().Set("Cache-Control", "private, max-age=0")
	http.Redirect(w, r, "/"+negotiate(r.Header.Get("Accept-Language"))+"/", http.StatusSeeOther)
}

// robots lets crawlers in everywhere but the API's exports, which are
// large and are offered for download, not for indexing.
func (h *Handler) robots(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=86400")
	w.Write([]byte("User-agent: *\nDisallow: /api/v1/export/\n"))
}
