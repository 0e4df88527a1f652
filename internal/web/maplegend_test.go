package web

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// shadeFill finds the shades of a map's countries: class and colour.
var shadeFill = regexp.MustCompile(`class="wm-(c[1-5])" fill="(#[0-9a-f]{6})"`)

// TestMapLegendInThePage checks the legend the page repeats below each
// map for phones: a swatch for every shade the map uses, of the same
// colour as the map's (the stylesheet repeats the palette), then the
// countries without any and, on the home page, the localities.
func TestMapLegendInThePage(t *testing.T) {
	css, err := os.ReadFile("static/app.css")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		path string
		want []string
	}{
		{"/fr/", []string{`<p class="map-legend-title">Projets par pays</p>`, `<span class="swatch swatch-none"></span>Aucun</li>`,
			`<span class="swatch swatch-place"></span>Localités</li>`}},
		{"/en/search", []string{`<p class="map-legend-title">Results by country</p>`, `<span class="swatch swatch-none"></span>None</li>`}},
	} {
		r := get(t, tt.path)
		mustContain(t, tt.path, r, tt.want...)
		shades := shadeFill.FindAllStringSubmatch(r.Body, -1)
		if len(shades) == 0 {
			t.Fatalf("%s: no shaded country", tt.path)
		}
		for _, s := range shades {
			if !strings.Contains(r.Body, `<span class="swatch swatch-`+s[1]+`"></span>`) {
				t.Errorf("%s: the map uses shade %s, the page's legend does not show it", tt.path, s[1])
			}
			if rule := ".swatch-" + s[1] + " { background: " + s[2] + "; }"; !strings.Contains(string(css), rule) {
				t.Errorf("app.css lacks %q: the legend's swatch and the map's shade differ", rule)
			}
		}
	}
}
