package codegen

import (
	"strings"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// The namers are built once: display.Regions does a table search each time.
var (
	englishRegions = display.Regions(language.English)
	frenchRegions  = display.Regions(language.French)
)

// nameCountries replaces the CSV's English country names, which follow ISO's
// register ("Congo (the Democratic Republic of the)"), by the common English
// and French names of CLDR. The Country CSV has no French names, and this is
// the only place the project gets them, at generation time, so that the
// runtime package does not depend on golang.org/x/text.
func nameCountries(codes []code) {
	for i := range codes {
		c := &codes[i]
		fallback := titleCase(c.en)
		c.en, c.fr = fallback, fallback
		r, err := language.ParseRegion(c.code)
		if err != nil || r.String() != c.code {
			continue // Not a region CLDR knows under this code (e.g. a withdrawn one).
		}
		c.en = regionName(englishRegions, r, fallback)
		c.fr = regionName(frenchRegions, r, fallback)
		if n, ok := renamed[c.code]; ok {
			c.en, c.fr = n[0], n[1]
		}
	}
}

// renamed holds the English and French names, as in current CLDR, of
// countries renamed after CLDR 32, the release whose data golang.org/x/text
// still carries: without it they would show as "Macedonia" and "Swaziland".
var renamed = map[string][2]string{
	"MK": {"North Macedonia", "Macédoine du Nord"},
	"SZ": {"Eswatini", "Eswatini"},
	"TR": {"Türkiye", "Turquie"},
}

// regionName returns the namer's name for r, or fallback when it has none;
// display returns the code itself or an empty string for regions it cannot name.
func regionName(n display.Namer, r language.Region, fallback string) string {
	name := n.Name(r)
	if name == "" || name == r.String() {
		return fallback
	}
	return name
}

// smallWords stay in lower case inside a title-cased name.
var smallWords = map[string]bool{"and": true, "of": true, "the": true, "da": true, "de": true, "du": true}

// titleCase turns a name written all in capitals ("NETHERLAND ANTILLES") into
// title case ("Netherland Antilles"). Names that already have lower-case
// letters are returned unchanged, since their case is deliberate.
func titleCase(s string) string {
	if strings.ToUpper(s) != s {
		return s
	}
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		if i > 0 && smallWords[w] {
			continue
		}
		rs := []rune(w)
		for j, r := range rs {
			if unicode.IsLetter(r) { // Skip a leading parenthesis or quote.
				rs[j] = unicode.ToUpper(r)
				break
			}
		}
		words[i] = string(rs)
	}
	return strings.Join(words, " ")
}
