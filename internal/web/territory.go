package web

import (
	"net/http"
	"net/url"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/report"
)

// The territories: an index of the regions, MRCs and towns of the
// registry, and for each a printable report of its international
// engagement (report.go builds its view, the template lays it out for
// the screen and for A4 and Letter paper).

// reportSegment is the last segment of a report's path, per language.
var reportSegment = map[string]string{"fr": "rapport", "en": "report"}

// reportPath is the path of a territory's report.
func reportPath(lang, slug string) string {
	return path(lang, secTerritories, slug) + "/" + reportSegment[lang]
}

// territoriesData is the index page.
type territoriesData struct {
	page
	Groups []territoryGroup
	Stats  string // the dashboard
}

type territoryGroup struct {
	Kind  string // message key of the group's heading
	Items []territoryItem
}

type territoryItem struct {
	Name       proximite.Text
	Report     string // the report's path
	Stats      string // the dashboard filtered on the territory
	RegionName proximite.Text
}

// territoryMissingData is the 404 of an unknown territory.
type territoryMissingData struct {
	page
	Slug  string
	Index string
}

func (h *Handler) territoryRoutes(lang string, l *localizer, reg statsReg) {
	rr, ok := h.reg.(report.Reader)
	if !ok {
		return
	}
	h.mux.HandleFunc("GET "+path(lang, secTerritories, ""), h.with(l, func(w http.ResponseWriter, r *http.Request, l *localizer) {
		h.territoriesPage(w, r, l, reg)
	}))
	h.mux.HandleFunc("GET "+path(lang, secTerritories, "")+"/{slug}/"+reportSegment[lang], h.with(l, func(w http.ResponseWriter, r *http.Request, l *localizer) {
		h.territoryReport(w, r, l, rr)
	}))
	// A territory's own address leads to its report, its only page.
	h.mux.HandleFunc("GET "+path(lang, secTerritories, "")+"/{slug}", h.with(l, func(w http.ResponseWriter, r *http.Request, l *localizer) {
		http.Redirect(w, r, reportPath(l.lang, r.PathValue("slug")), http.StatusSeeOther)
	}))
}

func (h *Handler) territoriesPage(w http.ResponseWriter, r *http.Request, l *localizer, reg statsReg) {
	list, err := reg.Territories(r.Context())
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	d := territoriesData{page: h.base(r, l, secTerritories, "", "", l.T("territories.title"), l.T("territories.lead")),
		Stats: path(l.lang, secStats, "")}
	kinds := []proximite.TerritoryKind{proximite.TerritoryRegion, proximite.TerritoryMRC, proximite.TerritoryTown}
	d.Groups = make([]territoryGroup, len(kinds))
	byKind := map[proximite.TerritoryKind]*territoryGroup{}
	for i, k := range kinds {
		d.Groups[i].Kind = "territories.group." + string(k)
		byKind[k] = &d.Groups[i]
	}
	for _, t := range list {
		item := territoryItem{Name: t.Name, Report: reportPath(l.lang, t.Slug),
			Stats: path(l.lang, secStats, "") + "?" + url.Values{"territory": {t.Slug}}.Encode()}
		if rg, ok := proximite.FindRegion(t.Region); ok && t.Kind != proximite.TerritoryRegion {
			item.RegionName = rg.Name
		}
		g := byKind[t.Kind]
		g.Items = append(g.Items, item)
	}
	h.render(w, r, l, http.StatusOK, "territories", d)
}

func (h *Handler) territoryReport(w http.ResponseWriter, r *http.Request, l *localizer, reg report.Reader) {
	slug := r.PathValue("slug")
	rep, err := report.BuildTerritory(r.Context(), reg, slug)
	if proximite.ErrorCode(err) == proximite.ENOTFOUND {
		h.territoryMissing(w, r, l, slug)
		return
	} else if err != nil {
		h.fail(w, r, l, err)
		return
	}
	d, err := h.reportData(r, l, rep)
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	h.render(w, r, l, http.StatusOK, "territory_report", d)
}

// territoryMissing is a 404 that says what was asked and leads to the
// list of territories.
func (h *Handler) territoryMissing(w http.ResponseWriter, r *http.Request, l *localizer, slug string) {
	title := l.T("territories.missing.title")
	p := h.base(r, l, secTerritories, "", "", title, l.T("territories.missing.text"))
	p.NoIndex = true
	p.Crumbs = []crumb{{Name: l.T("nav.home"), Href: path(l.lang, secHome, "")},
		{Name: l.T("nav.territories"), Href: path(l.lang, secTerritories, "")}, {Name: title}}
	w.Header().Set("Cache-Control", "no-store")
	h.render(w, r, l, http.StatusNotFound, "territory_missing", territoryMissingData{page: p, Slug: slug,
		Index: path(l.lang, secTerritories, "")})
}

// regionChoices are the administrative regions an organisation may be
// in, for the organisation's form.
func regionChoices(l *localizer) []choiceGroup {
	g := choiceGroup{Options: []choice{{Value: "", Label: l.T("edit.choose")}}}
	for _, r := range proximite.Regions {
		g.Options = append(g.Options, choice{Value: r.Code, Label: l.plain(r.Name)})
	}
	return []choiceGroup{g}
}
