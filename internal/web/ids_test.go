package web

import (
	"regexp"
	"testing"
)

// idAttr finds the id attributes of a page's elements. html/template
// always writes attributes with double quotes, and escapes quotes in
// text, so an id="…" in the markup is an attribute and never text.
var idAttr = regexp.MustCompile(`<[a-zA-Z][^<>]*?\sid="([^"]*)"`)

// TestIDsAreUnique checks every page of the demonstration registry, in
// both languages, for ids given to two elements: labels, aria-labelledby
// and links to fragments would then point at the wrong one. The world
// maps' SVG, drawn by another package, is part of the page and counts.
func TestIDsAreUnique(t *testing.T) {
	for _, p := range append(allPages(t), "/fr/recherche?q=eau&country=ML", "/en/search?type=project", "/fr/nulle-part",
		"/fr/statistiques", "/en/statistics?territory=gatineau", "/fr/territoires", "/fr/territoires/gatineau/rapport",
		"/en/territories/region-outaouais/report", "/fr/territoires/atlantide/rapport") {
		r := get(t, p)
		seen := map[string]int{}
		for _, m := range idAttr.FindAllStringSubmatch(r.Body, -1) {
			seen[m[1]]++
		}
		if len(seen) == 0 {
			t.Fatalf("%s: no id found: is the pattern wrong?", p)
		}
		for id, n := range seen {
			if n > 1 {
				t.Errorf("%s: id %q is given to %d elements", p, id, n)
			}
		}
	}
}
