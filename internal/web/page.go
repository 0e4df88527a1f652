package web

import (
	"bytes"
	"net/http"
	"sync"
)

// page is what the layout needs of every page: its language, title and
// description, its URL in each language, where it sits in the site.
type page struct {
	Lang        string
	Title       string // for <title>; pages write their own h1
	Description string // for <meta name="description">, one or two sentences
	Canonical   string // absolute URL of this page in this language
	Alternate   alternate
	Section     section
	Crumbs      []crumb
	Query       string // fills the search box of the header
	NoIndex     bool   // error pages and filtered searches stay out of indexes
	Nav         []navItem
	// Account is the header's link to the members' area: "sign in" for a
	// visitor, "my workspace" for a member; nil when the area is off.
	Account *navItem
	// Members loads the area's stylesheet, which public pages do without.
	Members bool
	// Bulletin is the path of the bulletin's page when the bulletin is on;
	// its Atom feed is there with ".atom".
	Bulletin string
}

// alternate is the same page in the other language, for the switch and
// for <link rel="alternate" hreflang>.
type alternate struct {
	Lang, Href, Canonical, Name string
}

// crumb is one step of the breadcrumbs; the last has no link.
type crumb struct {
	Name, Href string
}

// navItem is one entry of the main navigation.
type navItem struct {
	Name, Href string
	Current    bool
}

// base fills the layout's data for a page of a section (and of a record,
// when slug is set); query is the canonical query string of a search or
// list page, kept by the language switch.
func (h *Handler) base(r *http.Request, l *localizer, sec section, slug, query, title, desc string) page {
	other := otherLang(l.lang)
	suffix := ""
	if query != "" {
		suffix = "?" + query
	}
	origin := origin(r)
	p := page{
		Lang: l.lang, Title: title, Description: desc, Section: sec,
		Canonical: origin + path(l.lang, sec, slug) + suffix,
		Alternate: alternate{Lang: other, Href: path(other, sec, slug) + suffix,
			Canonical: origin + path(other, sec, slug) + suffix, Name: l.T("lang.switch." + other)},
		Query: r.URL.Query().Get("q"),
	}
	if len(p.Query) > maxQuery {
		p.Query = ""
	}
	for _, s := range append(append([]section{secHome, secSearch}, recordSections...), secEvents, secBoard) {
		p.Nav = append(p.Nav, navItem{Name: l.T("nav." + string(s)), Href: path(l.lang, s, ""), Current: s == sec})
	}
	p.Account = h.accountLink(r, l)
	if h.bulletin != nil {
		p.Bulletin = path(l.lang, secBulletin, "")
	}
	if sec != secHome {
		p.Crumbs = []crumb{{Name: l.T("nav.home"), Href: path(l.lang, secHome, "")}}
		if slug != "" {
			p.Crumbs = append(p.Crumbs, crumb{Name: l.T("nav." + string(sec)), Href: path(l.lang, sec, "")})
		}
		p.Crumbs = append(p.Crumbs, crumb{Name: title})
	}
	return p
}

// origin returns scheme and host of the request, for canonical links.
// The scheme a proxy reports is trusted only for that purpose.
func origin(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// render executes a page into a buffer first, so that a template error
// becomes a proper error page rather than half a page, then writes it
// with the site's headers.
func (h *Handler) render(w http.ResponseWriter, r *http.Request, l *localizer, status int, name string, data any) {
	buf := buffers.Get().(*bytes.Buffer)
	buf.Reset()
	defer buffers.Put(buf)
	if err := h.pages[l.lang][name].ExecuteTemplate(buf, "layout", data); err != nil {
		h.log.Error("render page", "page", name, "path", r.URL.Path, "err", err)
		if name == "error" {
			http.Error(w, l.T("error.internal.text"), http.StatusInternalServerError)
			return
		}
		h.errorPage(w, r, l, http.StatusInternalServerError, "error.internal", "")
		return
	}
	hd := w.Header()
	hd.Set("Content-Type", "text/html; charset=utf-8")
	hd.Set("Content-Language", l.lang)
	// The security headers are set for every response by secure().
	if hd.Get("Cache-Control") == "" {
		hd.Set("Cache-Control", "no-cache")
	}
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(buf.Bytes())
	}
}
