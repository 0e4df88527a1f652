package web

import (
	"regexp"
	"strings"
	"testing"
)

// nearbyItems returns the entries of the "who else works there" list.
var nearbyItems = regexp.MustCompile(`<li><a href="/(?:fr/acteurs|en/organisations)/([a-z0-9-]+)">.*?</li>`)

// TestNearbySaysWhatIsShared checks Buckingham's "who else works there":
// its projects are in Senegal, in health, water, governance and
// communications, and the organisations listed share a sector with them
// from Mali. The section used to say only "(Senegal)", as if they all
// worked there; each now says what it shares, and the lead names the
// countries and the sectors looked in. The list is the first of the
// organisation's synergies (synergies.go), so it also names its town.
func TestNearbySaysWhatIsShared(t *testing.T) {
	fr := get(t, "/fr/acteurs/buckingham")
	mustContain(t, "Buckingham, fr", fr,
		"D&#39;autres acteurs présents dans la même localité (Buckingham), dans le même pays (Sénégal) ou dans les mêmes secteurs (",
		"Distribution d&#39;Eau et Assainissement",
		`<a href="/fr/acteurs/benkadi">Benkadi</a> <span class="muted">· Groupe communautaire ou de jeunes</span><br><span class="small muted nearby-why">mêmes secteurs`+"\u00a0"+`: Distribution d&#39;Eau et Assainissement, Gouvernement &amp; Société Civile-général · 3`,
		`<a href="/fr/acteurs/buckingham/synergies">Toutes les synergies</a>`)
	en := get(t, "/en/organisations/buckingham")
	mustContain(t, "Buckingham, en", en,
		"Other organisations active in the same locality (Buckingham), in the same country (Senegal) or in the same sectors (",
		"same sectors: Water Supply &amp; Sanitation")
	for _, r := range []response{fr, en} {
		section := r.Body[strings.Index(r.Body, `id="org-nearby"`):]
		section = section[:strings.Index(section, "</section>")]
		items := nearbyItems.FindAllStringSubmatch(section, -1)
		if len(items) == 0 {
			t.Fatal("no organisation listed")
		}
		for _, it := range items {
			if !strings.Contains(it[0], `class="small muted nearby-why"`) {
				t.Errorf("%s is listed without saying what it shares", it[1])
			}
			if it[1] == "benkadi" && (strings.Contains(it[0], "Sénégal") || strings.Contains(it[0], "Senegal")) {
				t.Errorf("Benkadi, in Mali, is said to share Senegal: %s", it[0])
			}
		}
	}
}
