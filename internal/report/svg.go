// Package report computes what the registry's figures say to elected
// officials and the public: the statistics' conversions and tables, the
// SVG charts the server draws, and the portrait of a territory's
// international engagement. It reads the registry through the domain's
// interfaces and knows nothing of HTTP or SQL.
package report

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"strings"
)

// Charts are SVG drawn on the server: they show without JavaScript, print
// sharply, and weigh a few kilobytes. Each is an image with a title and a
// description for screen readers; the page puts the same figures in a
// table beside it, which is what assistive technologies read.

// Bar is one bar of a chart: a label, a value, and the value as the page
// writes it ("12 500 $").
type Bar struct {
	Label   string
	Value   float64
	Display string
}

// Chart geometry, in the SVG's own units; the page scales it to its width.
const (
	chartWidth = 640
	barHeight  = 22
	barGap     = 6
	labelWidth = 210
)

// HBars draws horizontal bars, one per line with its label on the left
// and its value at the end: right for categories with long names
// (sectors, countries, directions).
func HBars(title string, bars []Bar) template.HTML {
	if len(bars) == 0 {
		return ""
	}
	top := maxValue(bars)
	height := len(bars)*(barHeight+barGap) + barGap
	var b strings.Builder
	open(&b, title, chartWidth, height)
	room := float64(chartWidth - labelWidth - 90)
	for i, bar := range bars {
		y := barGap + i*(barHeight+barGap)
		w := 0.0
		if top > 0 {
			w = math.Max(bar.Value/top*room, 1)
		}
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end" class="chart-label">%s</text>`,
			labelWidth-8, y+barHeight-6, esc(clip(bar.Label, 30)))
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%.1f" height="%d" class="chart-bar"/>`, labelWidth, y, w, barHeight)
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" class="chart-value">%s</text>`,
			float64(labelWidth)+w+6, y+barHeight-6, esc(bar.Display))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// Columns draws vertical bars over a sequence (years), labelling every
// few so that the labels never overlap.
func Columns(title string, bars []Bar) template.HTML {
	if len(bars) == 0 {
		return ""
	}
	const height, base, left = 240, 200, 50
	top := maxValue(bars)
	var b strings.Builder
	open(&b, title, chartWidth, height)
	axis(&b, top, left, base, 180)
	// A few years make wide columns; beyond 48 units they stop growing.
	step := math.Min(float64(chartWidth-left-10)/float64(len(bars)), 48)
	every := int(math.Ceil(float64(len(bars)) / 12))
	for i, bar := range bars {
		x := float64(left) + float64(i)*step
		h := 0.0
		if top > 0 {
			h = bar.Value / top * 180
		}
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" class="chart-bar"><title>%s: %s</title></rect>`,
			x+step*0.1, float64(base)-h, step*0.8, h, esc(bar.Label), esc(bar.Display))
		if i%every == 0 {
			fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle" class="chart-label">%s</text>`,
				x+step/2, base+18, esc(bar.Label))
		}
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// Series is one line of a line chart: a name and a value per point.
type Series struct {
	Name   string
	Values []float64
}

// Lines draws one line per series over shared labels (years), with a
// legend under the chart. Lines are told apart by their dash pattern as
// well as their colour, so that they survive printing in grey.
func Lines(title string, labels []string, series []Series) template.HTML {
	if len(labels) == 0 || len(series) == 0 {
		return ""
	}
	const base, left, plot = 200, 70, 180
	height := base + 30 + 20*len(series)
	top := 0.0
	for _, s := range series {
		for _, v := range s.Values {
			top = math.Max(top, v)
		}
	}
	var b strings.Builder
	open(&b, title, chartWidth, height)
	axis(&b, top, left, base, plot)
	step := float64(chartWidth-left-20) / math.Max(float64(len(labels)-1), 1)
	every := int(math.Ceil(float64(len(labels)) / 12))
	for i, l := range labels {
		if i%every == 0 {
			fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle" class="chart-label">%s</text>`,
				float64(left)+float64(i)*step, base+18, esc(l))
		}
	}
	for k, s := range series {
		var pts []string
		for i, v := range s.Values {
			y := float64(base)
			if top > 0 {
				y -= v / top * plot
			}
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", float64(left)+float64(i)*step, y))
		}
		fmt.Fprintf(&b, `<polyline points="%s" class="chart-line chart-line-%d"/>`, strings.Join(pts, " "), k%4)
		ly := base + 38 + 20*k
		fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" class="chart-line chart-line-%d"/>`, left, ly-5, left+30, ly-5, k%4)
		fmt.Fprintf(&b, `<text x="%d" y="%d" class="chart-label">%s</text>`, left+38, ly, esc(s.Name))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

func open(b *strings.Builder, title string, w, h int) {
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" class="chart" role="img" aria-label="%s">`,
		w, h, esc(title))
	fmt.Fprintf(b, `<title>%s</title>`, esc(title))
}

// axis draws the baseline and the top value of a vertical scale.
func axis(b *strings.Builder, top float64, left, base, plot int) {
	fmt.Fprintf(b, `<line x1="%d" y1="%d" x2="%d" y2="%d" class="chart-axis"/>`, left, base, chartWidth-10, base)
	fmt.Fprintf(b, `<line x1="%d" y1="%d" x2="%d" y2="%d" class="chart-grid"/>`, left, base-plot, chartWidth-10, base-plot)
	fmt.Fprintf(b, `<text x="%d" y="%d" text-anchor="end" class="chart-label">%s</text>`, left-6, base-plot+4, esc(compact(top)))
	fmt.Fprintf(b, `<text x="%d" y="%d" text-anchor="end" class="chart-label">0</text>`, left-6, base+4)
}

// compact writes a scale's top value briefly: 1 200 000 as "1.2M".
func compact(v float64) string {
	switch {
	case v >= 1e6:
		return trimZero(fmt.Sprintf("%.1f", v/1e6)) + "M"
	case v >= 1e4:
		return trimZero(fmt.Sprintf("%.1f", v/1e3)) + "k"
	}
	return trimZero(fmt.Sprintf("%.1f", v))
}

func trimZero(s string) string { return strings.TrimSuffix(s, ".0") }

func maxValue(bars []Bar) float64 {
	top := 0.0
	for _, b := range bars {
		top = math.Max(top, b.Value)
	}
	return top
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func esc(s string) string { return html.EscapeString(s) }
