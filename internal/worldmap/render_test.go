package worldmap

import (
	"bytes"
	"compress/gzip"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
)

func TestRenderAccessible(t *testing.T) {
	m := sampleMap()
	m.ID = "home-map"
	root := parse(t, render(t, m))
	// The sample map has links, so it is a group whose links can be
	// reached; without links it is one picture.
	if root.XMLName.Local != "svg" || root.attr("role") != "group" {
		t.Fatalf("root is <%s role=%q>, want <svg role=\"group\">", root.XMLName.Local, root.attr("role"))
	}
	plain := sampleMap()
	plain.CountryURL = nil
	plain.Points = nil
	if r := parse(t, render(t, plain)); r.attr("role") != "img" {
		t.Fatalf("a map without links has role %q, want img", r.attr("role"))
	}
	if got := root.attr("aria-labelledby"); got != "home-map-title home-map-desc" {
		t.Errorf("aria-labelledby = %q", got)
	}
	ids := map[string]string{}
	root.walk(nil, func(e, _ *element) {
		if id := e.attr("id"); id != "" {
			ids[id] = e.XMLName.Local + ":" + e.Text
		}
	})
	if got := ids["home-map-title"]; got != "title:Projets par pays" {
		t.Errorf("title element = %q", got)
	}
	if got := ids["home-map-desc"]; !strings.HasPrefix(got, "desc:Carte du monde") {
		t.Errorf("desc element = %q", got)
	}
	var legend []string
	root.walk(nil, func(e, p *element) {
		if p != nil && p.attr("class") == "wm-legend" && e.XMLName.Local == "text" {
			legend = append(legend, e.Text)
		}
	})
	want := []string{"Projets par pays", "1", "2–3", "4", "5–8", "9–12", "Aucun projet", "Localités"}
	if strings.Join(legend, "|") != strings.Join(want, "|") {
		t.Errorf("legend texts = %q, want %q", legend, want)
	}
	m.Desc = ""
	if got := parse(t, render(t, m)).attr("aria-labelledby"); got != "home-map-title" {
		t.Errorf("without a description, aria-labelledby = %q", got)
	}
	if strings.Contains(render(t, m), "<script") {
		t.Error("the map holds a script")
	}
}

func TestRenderLinks(t *testing.T) {
	m := sampleMap()
	root := parse(t, render(t, m))
	path, parent := countryPath(t, root, "ML")
	if parent.XMLName.Local != "a" || parent.attr("href") != "/recherche?pays=ML" {
		t.Errorf("Mali's parent is <%s href=%q>, want a link to its search", parent.XMLName.Local, parent.attr("href"))
	}
	if len(path.Children) != 1 || path.Children[0].Text != "Mali — 12 projets" {
		t.Errorf("Mali's tooltip = %+v", path.Children)
	}
	if _, parent := countryPath(t, root, "FR"); parent.XMLName.Local == "a" {
		t.Error("France has no projects but is linked")
	}
	if p, _ := countryPath(t, root, "FR"); p.attr("fill") != "" || len(p.Children) != 0 {
		t.Errorf("France has no projects but is shaded or titled: %+v", p)
	}

	m.CountryURL = nil
	root = parse(t, render(t, m))
	if _, parent := countryPath(t, root, "ML"); parent.XMLName.Local == "a" {
		t.Error("Mali is linked although CountryURL is nil")
	}
	if p, _ := countryPath(t, root, "ML"); p.attr("fill") == "" {
		t.Error("Mali lost its shade with its link")
	}
}

func TestRenderShades(t *testing.T) {
	m := sampleMap()
	root := parse(t, render(t, m))
	class := func(code string) string {
		p, _ := countryPath(t, root, code)
		return p.attr("class")
	}
	// ML 12 > BF 9 > SN 7 > BJ 4 > TG 2 > PE 1.
	order := []string{"ML", "BF", "SN", "BJ", "TG", "PE"}
	for i := 1; i < len(order); i++ {
		if hi, lo := class(order[i-1]), class(order[i]); hi < lo {
			t.Errorf("%s (%s) is lighter than %s (%s)", order[i-1], hi, order[i], lo)
		}
	}
	if class("ML") != "wm-c5" || class("PE") != "wm-c1" {
		t.Errorf("the extremes are %s and %s, want wm-c5 and wm-c1", class("ML"), class("PE"))
	}
	// Each step darkens clearly, so the classes read by lightness alone (in
	// grey print, or without telling hues apart), the first one from the
	// grey of countries without projects too.
	steps := append([]string{noData}, palette[:]...)
	for i := 1; i < len(steps); i++ {
		if lum(steps[i]) >= lum(steps[i-1]) {
			t.Errorf("%s is not darker than %s", steps[i], steps[i-1])
		}
		if r := contrast(steps[i-1], steps[i]); r < 1.25 {
			t.Errorf("%s and %s have a contrast of %.2f: too close to tell apart", steps[i-1], steps[i], r)
		}
	}
}

func TestRenderEscapes(t *testing.T) {
	m := sampleMap()
	m.Title = `</title><script>alert("x")</script>`
	m.Legend = `A & B <i>`
	m.CountryName = func(string) string { return `"><script>` }
	m.Points = []Point{{Lat: 1, Lon: 1, Label: "x", URL: `javascript:alert(1)`, Count: 1}}
	m.CountryURL = func(c string) string { return `/s?a=1&pays=` + c + `"onmouseover="x` }
	svg := render(t, m)
	root := parse(t, svg)
	if strings.Contains(svg, "<script") || strings.Contains(svg, "javascript:") {
		t.Error("the map lets script through")
	}
	if root.Children[0].Text != m.Title {
		t.Errorf("title = %q, want the text as given", root.Children[0].Text)
	}
	_, parent := countryPath(t, root, "ML")
	if got := parent.attr("href"); got != `/s?a=1&pays=ML"onmouseover="x` {
		t.Errorf("href = %q, want the URL kept whole in its attribute", got)
	}
}

func TestRenderRejects(t *testing.T) {
	for _, tc := range []struct {
		name, culprit string
		edit          func(m *Map)
	}{
		{"no title", "Title", func(m *Map) { m.Title = "" }},
		{"latitude", "Nowhere", func(m *Map) { m.Points = []Point{{Lat: 91, Label: "Nowhere"}} }},
		{"NaN", "Nowhere", func(m *Map) { m.Points = []Point{{Lat: math.NaN(), Label: "Nowhere"}} }},
		{"longitude", "Nowhere", func(m *Map) { m.Points = []Point{{Lon: -181, Label: "Nowhere"}} }},
		{"point count", "Nowhere", func(m *Map) { m.Points = []Point{{Count: -1, Label: "Nowhere"}} }},
		{"country count", `"ML"`, func(m *Map) { m.Counts["ML"] = -2 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := sampleMap()
			tc.edit(m)
			var b bytes.Buffer
			err := m.Render(&b)
			if err == nil {
				t.Fatal("Render accepted bad input")
			}
			if b.Len() != 0 {
				t.Errorf("Render wrote %d bytes before failing", b.Len())
			}
			if !strings.Contains(err.Error(), tc.culprit) {
				t.Errorf("error %q does not name %s", err, tc.culprit)
			}
		})
	}
}

// TestRenderSize keeps the map within the home page's weight budget (the
// whole page must stay under 100 KB compressed): the sample map, and a full
// one where every country has projects and 200 localities are marked.
func TestRenderSize(t *testing.T) {
	full := sampleMap()
	full.Counts = map[string]int{}
	for i, s := range shapes {
		full.Counts[s.code] = i%40 + 1
	}
	for i, d := range dots {
		full.Counts[d.code] = i%7 + 1
	}
	full.CountryName = func(code string) string { return "Pays " + code }
	full.Points = nil
	for i := range 200 {
		full.Points = append(full.Points, Point{Lat: float64(i%120) - 50, Lon: float64(i*7%360) - 180,
			Label: "Localité " + strconv.Itoa(i), URL: "/recherche?lieu=" + strconv.Itoa(i), Count: i % 9})
	}
	for _, tc := range []struct {
		name          string
		m             *Map
		raw, gzBudget int
	}{
		{"sample", sampleMap(), 40 << 10, 14 << 10},
		{"full", full, 90 << 10, 20 << 10},
	} {
		svg := render(t, tc.m)
		var z bytes.Buffer
		w := gzip.NewWriter(&z)
		w.Write([]byte(svg))
		w.Close()
		t.Logf("%s map: %d bytes, %d gzipped", tc.name, len(svg), z.Len())
		if len(svg) > tc.raw || z.Len() > tc.gzBudget {
			t.Errorf("%s map is %d bytes (%d gzipped), over the budget of %d (%d)", tc.name, len(svg), z.Len(), tc.raw, tc.gzBudget)
		}
		if tc.name == "sample" && *sample != "" {
			if err := os.WriteFile(*sample, []byte(svg), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// BenchmarkRender measures drawing the home page's map, which is drawn on
// every request unless the page caches it.
func BenchmarkRender(b *testing.B) {
	m := sampleMap()
	b.ReportAllocs()
	for b.Loop() {
		if err := m.Render(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
