package web

import (
	"net/http"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/worldmap"
)

// homeData is the home page: what the registry holds in figures, the
// map, the latest published partnerships and projects, a search box.
type homeData struct {
	page
	Figures      []figure
	Map          mapView
	Try          []worldmap.Entry // the countries with most projects, as examples
	Partnerships []hitView
	Projects     []hitView
	API          []apiLink
}

// figure is one count of the registry, linking to its list.
type figure struct {
	Count int
	Label string
	URL   string
}

// apiLink points to the open data of one record type.
type apiLink struct {
	Label, URL string
}

// latestOnHome is how many of the latest partnerships and projects show.
const latestOnHome = 5

func (h *Handler) home(w http.ResponseWriter, r *http.Request, l *localizer) {
	ctx := r.Context()
	counts, err := h.reg.Counts(ctx)
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	m, err := h.homeMap(ctx, l)
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	partnerships, err := h.related(ctx, l, proximite.SearchFilter{Sort: proximite.SortRecent, Limit: latestOnHome}, proximite.TypePartnership)
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	projects, err := h.related(ctx, l, proximite.SearchFilter{Sort: proximite.SortRecent, Limit: latestOnHome}, proximite.TypeProject)
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	d := homeData{page: h.base(r, l, secHome, "", "", l.T("home.title"), l.T("home.description")),
		Map: m, Try: m.Rows[:min(3, len(m.Rows))], Partnerships: partnerships.Hits, Projects: projects.Hits}
	for _, t := range proximite.RecordTypes {
		d.Figures = append(d.Figures, figure{Count: counts[t], Label: l.N("count."+string(t), counts[t]),
			URL: path(l.lang, sectionOf(t), "")})
		d.API = append(d.API, apiLink{Label: l.T("types." + string(t)), URL: apiPath(t)})
	}
	w.Header().Set("Cache-Control", "public, max-age=60")
	h.render(w, r, l, http.StatusOK, "home", d)
}
