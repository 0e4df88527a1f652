// Package web serves the public site of the registry: every page in
// French under /fr/ and in English under /en/, server-rendered with
// html/template, usable without JavaScript, small enough for a slow
// connection. Pages are built in three steps, each handler in its own
// file: read the request, ask the registry, render a typed page.
package web

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"sort"
	"sync"
	"time"

	"github.com/proximite/proximite"
)

// Handler serves the HTML pages and their static files.
type Handler struct {
	reg    proximite.Registry
	log    *slog.Logger
	loc    map[string]*localizer
	pages  map[string]map[string]*template.Template // lang → page name → template set
	assets *assets
	// build changes whenever templates, messages or static files do, so
	// that validators of record pages change with the site's code.
	build       string
	mux         *http.ServeMux
	handler     http.Handler
	maps        *ttlCache[string, mapView]
	nearbyCache *ttlCache[string, *proximite.SynergyResult]
	// networks keeps the network drawn for each filter a minute.
	networks *ttlCache[string, *proximite.NetworkGraph]
	// now is the clock of the timeline's "today"; tests fix it.
	now func() time.Time
	// ws and guard are set when the members' area is on (WithWorkspace).
	ws    *Workspace
	guard *proximite.Guard
	// bulletin is set when the bulletin is on (WithBulletin).
	bulletin *Bulletin
	// maxUpload bounds the files of the library (WithMaxUpload); zero
	// means proximite.MaxFileSize.
	maxUpload int64
	// background counts the work a page starts after answering (the mail
	// of a password reset), so that tests can wait for it.
	background sync.WaitGroup
}

// New loads the messages, the static files and the templates, and
// checks them, so that a missing translation or a broken template fails
// the start and not a visitor.
func New(reg proximite.Registry, log *slog.Logger) (*Handler, error) {
	cat, err := loadCatalog()
	if err != nil {
		return nil, err
	}
	h := &Handler{reg: reg, log: log, loc: map[string]*localizer{}, mux: http.NewServeMux(),
		maps: newTTLCache[string, mapView](time.Minute, 16), nearbyCache: newTTLCache[string, *proximite.SynergyResult](time.Minute, 2000),
		networks: newTTLCache[string, *proximite.NetworkGraph](time.Minute, 64),
		now:      time.Now}
	for lang, msg := range cat {
		h.loc[lang] = &localizer{lang: lang, msg: msg}
	}
	if h.assets, err = loadAssets(); err != nil {
		return nil, err
	}
	if h.pages, err = h.parseTemplates(cat); err != nil {
		return nil, err
	}
	h.build = buildID(cat, h.assets)
	h.routes()
	h.wrap()
	return h, nil
}

// ServeHTTP implements http.Handler.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.handler.ServeHTTP(w, r) }

// buildID hashes what the pages are made of besides the data.
func buildID(cat catalog, a *assets) string {
	sum := sha256.New()
	for _, lang := range proximite.Languages {
		keys := make([]string, 0, len(cat[lang]))
		for k := range cat[lang] {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(sum, "%s=%s\n", k, cat[lang][k])
		}
	}
	names := make([]string, 0, len(a.byHashed))
	for n := range a.byHashed {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintln(sum, n)
	}
	templateSums(sum)
	return hex.EncodeToString(sum.Sum(nil))[:12]
}
