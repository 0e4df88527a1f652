package worldmap

import (
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"math"
	"strings"
	"testing"
)

var sample = flag.String("sample", "", "write the sample map to this SVG file, to look at it")

// sampleMap is a map shaped like the registry's home page: projects in West
// Africa, Haiti and a few other places, with localities.
func sampleMap() *Map {
	return &Map{
		Counts: map[string]int{
			"ML": 12, "BF": 9, "SN": 7, "HT": 5, "NE": 3, "BJ": 4, "TG": 2, "CI": 3, "GN": 2,
			"CM": 2, "MG": 2, "CV": 1, "RW": 1, "BO": 2, "PE": 1, "NI": 3, "VN": 1, "MA": 1,
			"CD": 1, "BI": 1, "CL": 1, "GT": 1, "XX": 4,
		},
		CountryURL:  func(code string) string { return "/recherche?pays=" + code },
		CountryName: func(code string) string { return map[string]string{"ML": "Mali", "SN": "Sénégal"}[code] },
		Caption: func(name string, n int) string {
			return fmt.Sprintf("%s — %d projet%s", name, n, map[bool]string{true: "s"}[n > 1])
		},
		Points: []Point{
			{Lat: 12.40, Lon: -7.93, Label: "Sanankoroba", URL: "/recherche?lieu=sanankoroba", Count: 4},
			{Lat: 13.75, Lon: -15.78, Label: "Nioro du Rip", URL: "/recherche?lieu=nioro", Count: 3},
			{Lat: 12.37, Lon: -1.52, Label: "Ouagadougou", URL: "/recherche?lieu=ouaga", Count: 6},
			{Lat: 18.54, Lon: -72.34, Label: "Port-au-Prince", URL: "/recherche?lieu=pap", Count: 2},
			{Lat: 14.69, Lon: -17.44, Label: "Dakar", URL: "/recherche?lieu=dakar", Count: 1},
			{Lat: 46.81, Lon: -71.21, Label: "Québec", Count: 0},
			{Lat: 45.48, Lon: -75.65, Label: "Gatineau", Count: 0},
		},
		Title:        "Projets par pays",
		Desc:         "Carte du monde : 23 pays ont des projets, le Mali en tête avec 12 projets.",
		Legend:       "Projets par pays",
		NoData:       "Aucun projet",
		PointsLegend: "Localités",
	}
}

func render(t *testing.T, m *Map) string {
	t.Helper()
	var b bytes.Buffer
	if err := m.Render(&b); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return b.String()
}

func TestProject(t *testing.T) {
	x, y := Project(0, 0)
	if x != Width/2 {
		t.Errorf("Project(0, 0) x = %v, want the centre %v", x, Width/2)
	}
	if y < Height*0.45 || y > Height*0.65 {
		t.Errorf("Project(0, 0) y = %v, want near the middle of %v", y, Height)
	}
	dakarX, dakarY := Project(14.69, -17.44)
	bamakoX, bamakoY := Project(12.64, -8.00)
	quebecX, quebecY := Project(46.81, -71.21)
	if dakarX >= bamakoX {
		t.Errorf("Dakar x %v is not west of Bamako x %v", dakarX, bamakoX)
	}
	if quebecY >= bamakoY || quebecY >= dakarY {
		t.Errorf("Québec y %v is not north of Bamako y %v", quebecY, bamakoY)
	}
	if quebecX >= dakarX {
		t.Errorf("Québec x %v is not west of Dakar x %v", quebecX, dakarX)
	}
	for _, p := range []struct{ lat, lon float64 }{{84, -180}, {84, 180}, {-57, 0}, {83.6, -30}} {
		if x, y := Project(p.lat, p.lon); x < 0 || x > Width || y < 0 || y > Height {
			t.Errorf("Project(%v, %v) = %v, %v: off the viewBox", p.lat, p.lon, x, y)
		}
	}
	// Equal Earth keeps areas: a small cell covers four times less map at
	// 60° than at the equator once its cos(latitude) = 0.5 narrower width
	// on the globe is accounted for.
	cell := func(lat float64) float64 {
		const h = 0.01
		x0, y0 := Project(lat, 10)
		xe, ye := Project(lat, 10+h) // a step east
		xn, yn := Project(lat+h, 10) // a step north
		return math.Abs((xe-x0)*(yn-y0) - (ye-y0)*(xn-x0))
	}
	if r := cell(60) / cell(0); math.Abs(r-0.5) > 0.005 {
		t.Errorf("map area of a cell at 60° / at 0° = %v, want cos 60° = 0.5", r)
	}
}

func TestShapes(t *testing.T) {
	have := map[string]bool{}
	for _, s := range shapes {
		if have[s.code] {
			t.Errorf("shape %s appears twice", s.code)
		}
		have[s.code] = true
		if !strings.HasPrefix(s.d, "M") || !strings.HasSuffix(s.d, "z") {
			t.Errorf("shape %s: path %.20q… is not a closed path", s.code, s.d)
		}
	}
	for _, code := range []string{"CA", "ML", "SN", "FR", "BF", "HT", "SO", "CY", "XK"} {
		if !have[code] {
			t.Errorf("no shape for %s", code)
		}
	}
	if have["AQ"] {
		t.Error("Antarctica is drawn; the map stops at 57° S")
	}
	if len(shapes) < 170 {
		t.Errorf("%d shapes, want the 1:110m file's ~175 countries", len(shapes))
	}
	for _, d := range dots {
		if have[d.code] {
			t.Errorf("%s has both a shape and a dot", d.code)
		}
	}
	if !dotted("CV") || !dotted("KM") || !dotted("MU") {
		t.Error("Cabo Verde, Comoros and Mauritius should be dots")
	}
}

func dotted(code string) bool {
	for _, d := range dots {
		if d.code == code {
			return true
		}
	}
	return false
}

// element is a parsed SVG element, enough to query the rendered map.
type element struct {
	XMLName  xml.Name
	Attrs    []xml.Attr `xml:",any,attr"`
	Text     string     `xml:",chardata"`
	Children []element  `xml:",any"`
}

func (e *element) attr(name string) string {
	for _, a := range e.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// walk calls fn on e and its descendants with their parent.
func (e *element) walk(parent *element, fn func(e, parent *element)) {
	fn(e, parent)
	for i := range e.Children {
		e.Children[i].walk(e, fn)
	}
}

func parse(t *testing.T, svg string) *element {
	t.Helper()
	var root element
	if err := xml.Unmarshal([]byte(svg), &root); err != nil {
		t.Fatalf("the map is not well-formed XML: %v", err)
	}
	return &root
}

// countryPath returns the path element holding a country's outline, and its
// parent, found by the outline's data.
func countryPath(t *testing.T, root *element, code string) (path, parent *element) {
	t.Helper()
	d := ""
	for _, s := range shapes {
		if s.code == code {
			d = s.d
		}
	}
	root.walk(nil, func(e, p *element) {
		if e.XMLName.Local == "path" && e.attr("d") == d {
			path, parent = e, p
		}
	})
	if path == nil {
		t.Fatalf("no path for %s", code)
	}
	return path, parent
}
