package worldmap

import (
	"bytes"
	"encoding/xml"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/proximite/proximite/internal/worldmap/internal/equalearth"
)

// style highlights the linked country or place under the pointer or the
// keyboard focus. It is scoped to the map's class because a <style> inside
// inline SVG applies to the whole page. Fills are attributes, not CSS, so
// that the map prints and shows without it.
const style = `<style>.worldmap a:hover>path,.worldmap a:focus>path{fill:#f2b134}` +
	`.worldmap a:hover>circle,.worldmap a:focus>circle{stroke:#1b1f24;stroke-width:1.5}</style>`

// sphere is the outline of the globe in Equal Earth, drawn behind the
// countries as the sea; the viewBox crops it south of 57° S.
var sphere = func() string {
	var b strings.Builder
	for lat := 90.0; lat >= -90; lat -= 5 { // down the east edge
		x, y := equalearth.Project(lat, 180)
		b.WriteString("L" + num(x) + " " + num(y))
	}
	for lat := -90.0; lat <= 90; lat += 5 { // up the west edge
		x, y := equalearth.Project(lat, -180)
		b.WriteString("L" + num(x) + " " + num(y))
	}
	return "M" + b.String()[1:] + "z"
}()

func (m *Map) open(b *bytes.Buffer) {
	id := m.ID
	if id == "" {
		id = "worldmap"
	}
	labelled := id + "-title"
	if m.Desc != "" {
		labelled += " " + id + "-desc"
	}
	size := strconv.Itoa(Width) + " " + strconv.Itoa(Height)
	// A map whose countries and places are links must let assistive
	// technology reach them: role="img" would hide its content, so a map
	// with links is a named group and only a map without is one picture.
	role := "img"
	if m.hasLinks() {
		role = "group"
	}
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ` + size + `" width="` + strconv.Itoa(Width) +
		`" height="` + strconv.Itoa(Height) + `" class="worldmap" role="` + role + `" aria-labelledby="`)
	escape(b, labelled)
	b.WriteString(`" style="max-width:100%;height:auto" font-family="system-ui,-apple-system,'Segoe UI',sans-serif">`)
	b.WriteString(`<title id="`)
	escape(b, id+"-title")
	b.WriteString(`">`)
	escape(b, m.Title)
	b.WriteString(`</title>`)
	if m.Desc != "" {
		b.WriteString(`<desc id="`)
		escape(b, id+"-desc")
		b.WriteString(`">`)
		escape(b, m.Desc)
		b.WriteString(`</desc>`)
	}
	b.WriteString(style)
	b.WriteString(`<path fill="` + ocean + `" d="` + sphere + `"/>`)
}

// countries draws every outline: those without projects plain, inheriting
// the group's grey; the others shaded, titled and linked. The small states
// with projects follow as dots.
func (m *Map) countries(b *bytes.Buffer, sc scale) {
	b.WriteString(`<g fill="` + noData + `" stroke="` + border + `" stroke-width=".5" stroke-linejoin="round" fill-rule="evenodd">`)
	for _, s := range shapes {
		n := m.Counts[s.code]
		if n <= 0 {
			b.WriteString(`<path d="` + s.d + `"/>`)
			continue
		}
		m.linked(b, m.countryURL(s.code), func() {
			shade := sc.shade(sc.class(n))
			b.WriteString(`<path class="wm-c` + strconv.Itoa(shade+1) + `" fill="` + palette[shade] + `" d="` + s.d + `">`)
			m.title(b, m.caption(m.name(s.code), n))
			b.WriteString(`</path>`)
		})
	}
	for _, d := range dots {
		n := m.Counts[d.code]
		if n <= 0 {
			continue
		}
		m.linked(b, m.countryURL(d.code), func() {
			shade := sc.shade(sc.class(n))
			b.WriteString(`<circle class="wm-c` + strconv.Itoa(shade+1) + `" fill="` + palette[shade] +
				`" cx="` + num(d.x) + `" cy="` + num(d.y) + `" r="3">`)
			m.title(b, m.caption(m.name(d.code), n))
			b.WriteString(`</circle>`)
		})
	}
	b.WriteString(`</g>`)
}

// points draws the localities, largest first so that small circles stay on
// top and reachable.
func (m *Map) points(b *bytes.Buffer) {
	if len(m.Points) == 0 {
		return
	}
	ps := slices.Clone(m.Points)
	slices.SortStableFunc(ps, func(p, q Point) int { return q.Count - p.Count })
	b.WriteString(`<g class="wm-points" fill="` + pointFill + `" fill-opacity=".9" stroke="#fff" stroke-width=".8">`)
	for _, p := range ps {
		x, y := Project(p.Lat, p.Lon)
		m.linked(b, p.URL, func() {
			b.WriteString(`<circle cx="` + num(x) + `" cy="` + num(y) + `" r="` + num(radius(p.Count)) + `">`)
			if p.Count > 0 {
				m.title(b, m.caption(p.Label, p.Count))
			} else {
				m.title(b, p.Label)
			}
			b.WriteString(`</circle>`)
		})
	}
	b.WriteString(`</g>`)
}

// linked wraps what draw writes in a link to u, unless u is empty or not a
// web link: a "javascript:" URL would run script in the page.
func (m *Map) linked(b *bytes.Buffer, u string, draw func()) {
	if !safeURL(u) {
		draw()
		return
	}
	b.WriteString(`<a href="`)
	escape(b, u)
	b.WriteString(`">`)
	draw()
	b.WriteString(`</a>`)
}

// safeURL accepts relative URLs and http, https and mailto ones.
func safeURL(u string) bool {
	if u == "" {
		return false
	}
	p, err := url.Parse(u)
	if err != nil {
		return false
	}
	switch strings.ToLower(p.Scheme) {
	case "", "http", "https", "mailto":
		return true
	}
	return false
}

func (m *Map) title(b *bytes.Buffer, s string) {
	if s == "" {
		return
	}
	b.WriteString(`<title>`)
	escape(b, s)
	b.WriteString(`</title>`)
}

// escape writes s escaped for XML text and attribute values alike.
func escape(b *bytes.Buffer, s string) {
	_ = xml.EscapeText(b, []byte(s)) // a bytes.Buffer does not fail
}

// num formats a viewBox coordinate with one decimal at most.
func num(v float64) string {
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
}

// hasLinks reports whether the map draws any link.
func (m *Map) hasLinks() bool {
	if m.CountryURL != nil {
		for code, n := range m.Counts {
			if n > 0 && safeURL(m.CountryURL(code)) {
				return true
			}
		}
	}
	for _, p := range m.Points {
		if safeURL(p.URL) {
			return true
		}
	}
	return false
}
