// Package worldmap draws the registry's world map as an inline SVG: countries
// shaded by their number of projects, each linking to the matching search,
// and localities as circles. The server draws it, so it works without
// JavaScript and prints as it shows.
//
// The country outlines are Natural Earth's (public domain), converted from
// the npm package world-atlas by the program in ./gen into shapes_gen.go,
// which is committed. world-atlas itself stays out of the repository; to
// convert it again (after changing the generator, or for a new release):
//
//	npm install --prefix /tmp/wa world-atlas@2
//	WORLD_ATLAS=/tmp/wa/node_modules/world-atlas go generate ./internal/worldmap
//
// and with WORLD_ATLAS set, go test ./internal/worldmap/gen checks that the
// committed file matches what the generator writes.
//
// Texts are the caller's: the map takes localized names, captions and number
// formatting through the fields of Map and holds no language of its own. The
// SVG has role="img", so assistive technologies read its title and
// description rather than its links: pages should put the facts beside it
// too, as a list or table made from Entries.
package worldmap

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"

	"github.com/proximite/proximite/internal/worldmap/internal/equalearth"
)

//go:generate go run ./gen -atlas=$WORLD_ATLAS -out shapes_gen.go

// Width and Height are the size of the map's viewBox, the space Project
// returns positions in.
const (
	Width  = equalearth.Width
	Height = equalearth.Height
)

// Project returns the position of a point (in degrees) on the map's viewBox,
// with the Equal Earth projection the outlines were drawn with, so that
// callers can place their own marks on the map.
func Project(lat, lon float64) (x, y float64) { return equalearth.Project(lat, lon) }

// Point is a locality drawn as a circle whose area grows with Count.
type Point struct {
	Lat, Lon float64
	// Label names the place, e.g. "Sanankoroba"; the tooltip is
	// Map.Caption(Label, Count).
	Label string
	// URL is the circle's link, typically the search filtered to the place;
	// empty draws the circle without a link.
	URL   string
	Count int
}

// Map is one world map to draw. Only Title is required; the function fields
// are the caller's localization hooks and may be nil.
type Map struct {
	// Counts gives the number of projects per country, by ISO 3166-1
	// alpha-2 code ("ML"). Codes the map has no shape for are left out of
	// the drawing but kept in Entries, the text alternative.
	Counts map[string]int
	// CountryURL returns the link of a country with projects, the search
	// filtered to it; nil, or an empty result, leaves the country unlinked.
	CountryURL func(code string) string
	// CountryName returns a country's name in the reader's language, for
	// tooltips and the text alternative; nil uses the code.
	CountryName func(code string) string
	// Caption returns the tooltip of a country or place with its count,
	// e.g. "Mali — 3 projets", so the caller can choose words and plural;
	// nil gives "Mali: 3".
	Caption func(name string, count int) string
	// Number formats the numbers of the legend's ranges; nil uses digits.
	Number func(n int) string

	Points []Point

	// Title and Desc are the map's accessible name and description.
	Title, Desc string
	// Legend is the legend's caption, e.g. "Projets par pays".
	Legend string
	// NoData labels the legend's swatch of countries without projects, e.g.
	// "Aucun projet"; empty leaves that swatch out.
	NoData string
	// PointsLegend labels the legend's circle, e.g. "Localités"; empty, or
	// no Points, leaves it out.
	PointsLegend string
	// ID prefixes the ids of the title and description, which must be
	// unique in the page; empty uses "worldmap".
	ID string
}

// Render writes the map as an <svg> element to embed in a page. It checks
// the map first and writes nothing when the title is missing, a count is
// negative or a point is off the globe.
func (m *Map) Render(w io.Writer) error {
	if err := m.check(); err != nil {
		return err
	}
	var b bytes.Buffer
	b.Grow(48 << 10)
	sc := newScale(m.Counts)
	m.open(&b)
	m.countries(&b, sc)
	m.points(&b)
	m.legend(&b, sc)
	b.WriteString("</svg>")
	_, err := w.Write(b.Bytes())
	return err
}

// check rejects what would draw a misleading or nameless map.
func (m *Map) check() error {
	if m.Title == "" {
		return fmt.Errorf("worldmap: no Title: the map needs an accessible name")
	}
	for code, n := range m.Counts {
		if n < 0 {
			return fmt.Errorf("worldmap: country %q has a negative count %d", code, n)
		}
	}
	for i, p := range m.Points {
		if !(p.Lat >= -90 && p.Lat <= 90 && p.Lon >= -180 && p.Lon <= 180) {
			return fmt.Errorf("worldmap: point %d (%q) is off the globe: lat %v, lon %v", i, p.Label, p.Lat, p.Lon)
		}
		if p.Count < 0 {
			return fmt.Errorf("worldmap: point %d (%q) has a negative count %d", i, p.Label, p.Count)
		}
	}
	return nil
}

func (m *Map) name(code string) string {
	if m.CountryName != nil {
		if n := m.CountryName(code); n != "" {
			return n
		}
	}
	return code
}

func (m *Map) caption(name string, n int) string {
	if m.Caption != nil {
		return m.Caption(name, n)
	}
	return name + ": " + strconv.Itoa(n)
}

func (m *Map) number(n int) string {
	if m.Number != nil {
		return m.Number(n)
	}
	return strconv.Itoa(n)
}

func (m *Map) countryURL(code string) string {
	if m.CountryURL == nil {
		return ""
	}
	return m.CountryURL(code)
}

// Entry is one country of the text alternative: the same facts as the
// drawing, for a table or list beside it.
type Entry struct {
	Code, Name string
	Count      int
	// URL is the country's link, or empty.
	URL string
	// Class is the shade's rank, 1 (lightest) to 5 (darkest), as in the
	// legend.
	Class int
}

// Entries lists the countries with projects, most projects first, then by
// name.
func (m *Map) Entries() []Entry {
	sc := newScale(m.Counts)
	var es []Entry
	for code, n := range m.Counts {
		if n > 0 {
			es = append(es, Entry{Code: code, Name: m.name(code), Count: n, URL: m.countryURL(code), Class: sc.shade(sc.class(n)) + 1})
		}
	}
	slices.SortFunc(es, func(a, b Entry) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		if a.Name != b.Name {
			if a.Name < b.Name {
				return -1
			}
			return 1
		}
		return 0
	})
	return es
}

// radius sizes a locality's circle so that its area grows with the count,
// on an absolute scale, so that maps of different pages compare. The
// circles stay small: West African localities sit a few units apart.
func radius(count int) float64 {
	return math.Min(10, 2+math.Sqrt(float64(max(count, 1))))
}
