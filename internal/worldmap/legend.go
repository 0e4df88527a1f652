package worldmap

import (
	"bytes"
	"strconv"
)

// Legend geometry, in viewBox units. The legend sits in the lower left
// corner, over the empty South Pacific, so the map needs no extra margin.
const (
	legendX    = 14
	legendRow  = 19
	swatchW    = 20
	swatchH    = 13
	legendFont = 13
)

// legend draws the caption, one swatch per class with its range of counts,
// then the no-data swatch and the localities' circle when they have a label.
func (m *Map) legend(b *bytes.Buffer, sc scale) {
	rows := len(sc.lower)
	if m.NoData != "" {
		rows++
	}
	withPoints := m.PointsLegend != "" && len(m.Points) > 0
	if withPoints {
		rows++
	}
	if rows == 0 && m.Legend == "" {
		return
	}
	y := Height - 12 - rows*legendRow // top of the first row
	b.WriteString(`<g class="wm-legend" font-size="` + strconv.Itoa(legendFont) + `" fill="` + legendColor + `">`)
	if m.Legend != "" {
		b.WriteString(`<text x="` + strconv.Itoa(legendX) + `" y="` + strconv.Itoa(y-8) + `" font-weight="600" font-size="14">`)
		escape(b, m.Legend)
		b.WriteString(`</text>`)
	}
	for c := range sc.lower {
		lo, hi := sc.bounds(c)
		label := m.number(lo)
		if hi > lo {
			label += "–" + m.number(hi)
		}
		m.swatch(b, y, `<rect x="`+strconv.Itoa(legendX)+`" y="`+strconv.Itoa(y)+`" width="`+strconv.Itoa(swatchW)+
			`" height="`+strconv.Itoa(swatchH)+`" rx="2" fill="`+sc.color(c)+`"/>`, label)
		y += legendRow
	}
	if m.NoData != "" {
		m.swatch(b, y, `<rect x="`+strconv.Itoa(legendX)+`" y="`+strconv.Itoa(y)+`" width="`+strconv.Itoa(swatchW)+
			`" height="`+strconv.Itoa(swatchH)+`" rx="2" fill="`+noData+`"/>`, m.NoData)
		y += legendRow
	}
	if withPoints {
		m.swatch(b, y, `<circle cx="`+strconv.Itoa(legendX+swatchW/2)+`" cy="`+num(float64(y)+swatchH/2.0)+
			`" r="5" fill="`+pointFill+`" stroke="#fff" stroke-width=".8"/>`, m.PointsLegend)
	}
	b.WriteString(`</g>`)
}

// swatch writes one legend row: its mark, then its label beside it.
func (m *Map) swatch(b *bytes.Buffer, y int, mark, label string) {
	b.WriteString(mark)
	b.WriteString(`<text x="` + strconv.Itoa(legendX+swatchW+7) + `" y="` + strconv.Itoa(y+swatchH-1) + `">`)
	escape(b, label)
	b.WriteString(`</text>`)
}
