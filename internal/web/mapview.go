package web

import (
	"bytes"
	"context"
	"html/template"
	"net/url"
	"strconv"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
	"github.com/proximite/proximite/internal/worldmap"
)

// mapView is a world map drawn by the server with its text alternative:
// the same counts as a list of countries, and the places shown.
type mapView struct {
	SVG     template.HTML
	Caption string
	Rows    []worldmap.Entry
	Places  []place
	// Legend repeats the map's legend in the page, for phones: drawn in
	// the SVG, it shrinks with the map to a few pixels, so the stylesheet
	// shows this one instead below a certain width.
	Legend []legendRow
}

// legendRow is one swatch of the legend: the shade's class (c1 to c5,
// as the map's countries have them, "none" or "place") and its label.
type legendRow struct {
	Class, Label string
}

// place is a locality of the map, linking to its organisation.
type place struct {
	Name, URL, Country string
}

// maxMapPlaces bounds the organisations read to put points on the home
// map; they are read once a minute at most (see Handler.maps).
const maxMapPlaces = proximite.MaxLimit

// homeMap draws the countries shaded by their number of published
// projects, each linking to the search of that country's projects, and
// the organisations that have coordinates as points linking to their
// pages. It reads many records, so it is kept for a minute.
func (h *Handler) homeMap(ctx context.Context, l *localizer) (mapView, error) {
	if m, ok := h.maps.get(l.lang); ok {
		return m, nil
	}
	projects, err := h.reg.Search(ctx, proximite.SearchFilter{Limit: 1, WithFacets: true,
		Filters: map[string][]string{proximite.FacetType: {string(proximite.TypeProject)}}})
	if err != nil {
		return mapView{}, err
	}
	counts := map[string]int{}
	for _, c := range projects.Facets[proximite.FacetCountry] {
		counts[c.Value] = c.Count
	}
	points, places, err := h.places(ctx, l)
	if err != nil {
		return mapView{}, err
	}
	search := path(l.lang, secSearch, "")
	m := h.drawMap(l, "home-map", counts, points, func(code string) string {
		return search + "?" + url.Values{"country": {code}, "type": {string(proximite.TypeProject)}}.Encode()
	}, l.T("map.legend.projects"))
	m.Places = places
	h.maps.put(l.lang, m)
	return m, nil
}

// places returns the organisations that have coordinates, as points.
func (h *Handler) places(ctx context.Context, l *localizer) ([]worldmap.Point, []place, error) {
	orgs, err := h.reg.Search(ctx, proximite.SearchFilter{Limit: maxMapPlaces, Sort: proximite.SortTitle,
		Filters: map[string][]string{proximite.FacetType: {string(proximite.TypeOrganisation)}}})
	if err != nil {
		return nil, nil, err
	}
	var points []worldmap.Point
	var places []place
	for _, hit := range orgs.Hits {
		o, err := h.reg.FindOrganisation(ctx, hit.Slug)
		if err != nil {
			return nil, nil, err
		}
		if o.Point == nil {
			continue
		}
		name, u := l.plain(o.Name), path(l.lang, secOrganisation, o.Slug)
		points = append(points, worldmap.Point{Lat: o.Point.Lat, Lon: o.Point.Lon, Label: name, URL: u})
		places = append(places, place{Name: name, URL: u, Country: codelist.Country.Label(o.Country, l.lang)})
	}
	return points, places, nil
}

// resultsMap draws the countries of a search's results, each linking to
// the same search narrowed to it. The shades count the matching records
// of every type the search includes, as its country facet does; asking
// the registry for projects alone would cost every search page a second
// query.
func (h *Handler) resultsMap(l *localizer, p searchParams, res *proximite.SearchResult) *mapView {
	counts := map[string]int{}
	for _, c := range res.Facets[proximite.FacetCountry] {
		counts[c.Value] = c.Count
	}
	action := path(l.lang, secSearch, "")
	m := h.drawMap(l, "results-map", counts, nil, func(code string) string {
		if p.has(proximite.FacetCountry, code) {
			return ""
		}
		return urlOf(action, p.with(func(q *searchParams) { q.Filters[proximite.FacetCountry] = []string{code} }))
	}, l.T("map.legend.results"))
	return &m
}

// drawMap renders a map with the site's words; a rendering error (a
// point off the globe) leaves the text alternative alone on the page.
func (h *Handler) drawMap(l *localizer, id string, counts map[string]int, points []worldmap.Point,
	link func(string) string, legend string) mapView {
	unit := "map.count.projects"
	if id == "results-map" {
		unit = "map.count.results"
	}
	wm := &worldmap.Map{
		Counts:       counts,
		CountryURL:   link,
		CountryName:  func(code string) string { return codelist.Country.Label(code, l.lang) },
		Caption:      func(name string, n int) string { return name + " — " + l.N(unit, n) },
		Number:       func(n int) string { return l.Number(float64(n), 0) },
		Points:       points,
		Title:        l.T("map.title"),
		Desc:         l.T("map.desc"),
		Legend:       legend,
		NoData:       l.T("map.nodata"),
		PointsLegend: l.T("map.places"),
		ID:           id,
	}
	var b bytes.Buffer
	m := mapView{Caption: legend, Rows: wm.Entries()}
	m.Legend = legendRows(l, m.Rows, len(points) > 0)
	if err := wm.Render(&b); err != nil {
		h.log.Error("draw map", "err", err)
		return m
	}
	m.SVG = template.HTML(b.String())
	return m
}

// legendRows lists the shades the map uses, each with the range of counts
// of its countries, then the countries without any and the localities.
func legendRows(l *localizer, rows []worldmap.Entry, withPoints bool) []legendRow {
	lo, hi := map[int]int{}, map[int]int{}
	for _, e := range rows {
		if n, ok := lo[e.Class]; !ok || e.Count < n {
			lo[e.Class] = e.Count
		}
		hi[e.Class] = max(hi[e.Class], e.Count)
	}
	var out []legendRow
	for c := 1; c <= 5; c++ {
		if _, ok := lo[c]; !ok {
			continue
		}
		label := l.Number(float64(lo[c]), 0)
		if hi[c] > lo[c] {
			label += "–" + l.Number(float64(hi[c]), 0)
		}
		out = append(out, legendRow{Class: "c" + strconv.Itoa(c), Label: label})
	}
	out = append(out, legendRow{Class: "none", Label: l.T("map.nodata")})
	if withPoints {
		out = append(out, legendRow{Class: "place", Label: l.T("map.places")})
	}
	return out
}
