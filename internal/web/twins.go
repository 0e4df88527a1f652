package web

import (
	"bytes"
	"context"
	"html/template"
	"strconv"
	"strings"
	"time"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
	"github.com/proximite/proximite/internal/twins"
	"github.com/proximite/proximite/internal/worldmap"
)

// Known twinnings on a town's page. The reference layer (proximite twins
// load) lists the twin towns Wikipedia's contributors wrote down; a
// municipality's page names those the registry lacks, matched by the
// town's folded name and country, and draws them on a map of its own,
// apart from the partnerships the registry records: a ring and a dashed
// line for a known twinning, the registry's filled circle for a recorded
// partner. The site's main map is left as it is: it counts the
// registry's projects, and mixing a copied list into it would blur what
// the registry itself says.

// twinsView is the section of the town's page; nil draws nothing.
type twinsView struct {
	// Suggested are the known twin towns with no partnership recorded;
	// Recorded counts those the registry already has.
	Suggested []twinTownView
	Recorded  int
	Map       template.HTML
	Credit    string
}

// twinTownView is one twin town.
type twinTownView struct {
	City, Country string
	// Org is the registry's organisation of that town, when it has one.
	Org *recordLink
}

// Colours of the town map: the registry's accent for what it records,
// a violet for the reference layer, both legible on the grey countries.
const (
	twinColor     = "#6a3d9a"
	recordedColor = "#e4572e"
)

// townTwins builds the section for a municipality, or nil when the page
// is not a town's, the layer is not loaded, or the layer knows no twin.
// Which twinnings are known and which recorded is the twins package's
// answer, the same that the API gives.
func (h *Handler) townTwins(ctx context.Context, l *localizer, o *proximite.Organisation) (*twinsView, error) {
	tw, ok := h.reg.(proximite.TwinService)
	if !ok {
		return nil, nil
	}
	town, err := twins.OfTown(ctx, h.reg, tw, o)
	if err != nil || town == nil {
		return nil, err
	}
	v := &twinsView{Credit: proximite.TwinCredit}
	var drawn []proximite.TwinTown
	for _, t := range town.Known {
		if t.Recorded {
			v.Recorded++
			continue
		}
		tv := twinTownView{City: t.City, Country: codelist.Country.Label(t.Country, l.lang)}
		if t.Org != nil {
			tv.Org = &recordLink{Name: t.Org.Name, URL: path(l.lang, secOrganisation, t.Org.Slug)}
		}
		v.Suggested = append(v.Suggested, tv)
		drawn = append(drawn, t.TwinTown)
	}
	if len(v.Suggested) == 0 {
		return v, nil
	}
	v.Map = townMap(l, o, drawn, town.Partners)
	return v, nil
}

// townMap draws the town, its recorded partners (filled circles) and
// its known twins (rings joined by dashed lines), apart from the main
// map; the page's legend and list say the same in words.
func townMap(l *localizer, o *proximite.Organisation, twins []proximite.TwinTown, partners map[string]*proximite.Organisation) template.HTML {
	if o.Point == nil {
		return ""
	}
	m := worldmap.Map{ID: "twinmap", Title: l.T("twins.map.title", "town", l.plain(o.Name)), Desc: l.T("twins.map.desc"),
		Points: []worldmap.Point{{Lat: o.Point.Lat, Lon: o.Point.Lon, Label: l.plain(o.Name)}}}
	seen := map[string]bool{}
	for _, p := range partners {
		if p.Point != nil && !seen[p.Slug] {
			seen[p.Slug] = true
			m.Points = append(m.Points, worldmap.Point{Lat: p.Point.Lat, Lon: p.Point.Lon, Label: l.plain(p.Name)})
		}
	}
	var buf bytes.Buffer
	if err := m.Render(&buf); err != nil {
		return ""
	}
	x0, y0 := worldmap.Project(o.Point.Lat, o.Point.Lon)
	var b strings.Builder
	b.WriteString(`<g class="twin-layer" fill="none" stroke="` + twinColor + `" stroke-width="1.6">`)
	for _, t := range twins {
		x, y := worldmap.Project(t.Lat, t.Lng)
		b.WriteString(`<line x1="` + fnum(x0) + `" y1="` + fnum(y0) + `" x2="` + fnum(x) + `" y2="` + fnum(y) + `" stroke-dasharray="4 3" stroke-opacity=".7"/>`)
		b.WriteString(`<circle cx="` + fnum(x) + `" cy="` + fnum(y) + `" r="7" fill="#fff" stroke-width="2.4"><title>`)
		b.WriteString(template.HTMLEscapeString(l.T("twins.map.twin", "city", t.City, "country", codelist.Country.Label(t.Country, l.lang))))
		b.WriteString(`</title></circle>`)
	}
	b.WriteString(`</g>`)
	svg := buf.String()
	i := strings.LastIndex(svg, "</svg>")
	if i < 0 {
		return ""
	}
	return template.HTML(svg[:i] + b.String() + svg[i:])
}

func fnum(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

// twinsStamp stands for the reference layer in a town page's validator:
// a load of another list changes the number of rows, and so the page's
// ETag; loading the same list again changes nothing, and neither does
// the page. Other pages do not show the layer and get zero.
func (h *Handler) twinsStamp(ctx context.Context, o *proximite.Organisation) time.Time {
	tw, ok := h.reg.(proximite.TwinService)
	if !ok || o.Kind != proximite.Municipality {
		return time.Time{}
	}
	n, err := tw.CountTwins(ctx)
	if err != nil || n == 0 {
		return time.Time{}
	}
	return time.Unix(int64(n), 0)
}
