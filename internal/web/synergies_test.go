package web

import (
	"context"
	"math"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

func TestSynergiesPages(t *testing.T) {
	fr := get(t, "/fr/acteurs/buckingham/synergies")
	mustContain(t, "Buckingham's synergies", fr,
		"<h1>Synergies\u00a0: Buckingham</h1>", `href="/fr/acteurs/buckingham">Retour à la fiche</a>`,
		`href="/en/organisations/buckingham/synergies"`, `<link rel="canonical" href="http://`,
		"Même pays", "Même secteur", `href="/fr/acteurs/benkadi"`, `href="/fr/reseau?country=SN"`)
	if strings.Contains(fr.Body, `href="/fr/acteurs/nioro-du-rip">`) {
		t.Error("Buckingham's twin is listed among its synergies: it is its partner")
	}
	en := get(t, "/en/partnerships/jumelage-buckingham-nioro-du-rip/synergies")
	// Senegal only: a publication about this twinning and others, in Mali,
	// does not make it active there.
	mustContain(t, "the twinning's synergies", en, "Synergies: ", "in the same country (Senegal)", "Same country",
		`href="/en/partnerships/jumelage-buckingham-nioro-du-rip">Back to the record</a>`)
	// Tiers come in order: a group of a better tier is never after one of
	// a lesser tier.
	order := []string{"Same country and same sector", "Same country", "Same sector"}
	last := -1
	for i, h := range order {
		if at := strings.Index(en.Body, ">"+h+" <span"); at >= 0 {
			if at < last {
				t.Errorf("group %q comes before a better tier", h)
			}
			last = at
			_ = i
		}
	}
	for _, p := range []string{"/fr/acteurs/nexiste-pas/synergies", "/en/partnerships/none/synergies", "/fr/acteurs/brouillon-test/synergies"} {
		if r := get(t, p); r.Status != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", p, r.Status)
		}
	}
	// The partnership's page has its short list, with the link to all.
	p := get(t, "/fr/partenariats/jumelage-buckingham-nioro-du-rip")
	mustContain(t, "the twinning's page", p, `id="p-synergies"`, `href="/fr/partenariats/jumelage-buckingham-nioro-du-rip/synergies"`)
}

var svgLink = regexp.MustCompile(`<a href="(/fr/acteurs/[a-z0-9-]+)" aria-label="([^"]+)">`)

func TestNetworkPage(t *testing.T) {
	r := get(t, "/fr/reseau")
	mustContain(t, "the network", r, `<svg class="network-svg"`, `<title id="network-svg-title">`,
		`id="network-links-title"`, `<input type="checkbox" name="kind" value="municipality">`, `<option value="SN">Sénégal</option>`)
	links := svgLink.FindAllStringSubmatch(r.Body, -1)
	if len(links) < 5 {
		t.Fatalf("%d organisations drawn, want the demonstration's network", len(links))
	}
	if again := get(t, "/fr/reseau"); again.Body != r.Body {
		t.Error("the same network is drawn twice differently: the layout is not deterministic")
	}
	// Filtered on municipalities: every link of the table has one at an end.
	m := get(t, "/fr/reseau?kind=municipality")
	mustContain(t, "municipalities", m, `value="municipality" checked`)
	rows := regexp.MustCompile(`(?s)<tr><td>(.*?)</tr>`).FindAllStringSubmatch(m.Body, -1)
	if len(rows) == 0 {
		t.Fatal("no link between municipalities and others")
	}
	for _, row := range rows {
		if !strings.Contains(row[1], "· Municipalité") {
			t.Errorf("a link without a municipality: %s", row[1])
		}
	}
	small := get(t, "/en/network?size=3")
	mustContain(t, "three nodes", small, "less connected organisations are not drawn")
	if n := len(regexp.MustCompile(`<a href="/en/organisations/[a-z0-9-]+" aria-label=`).FindAllString(small.Body, -1)); n != 3 {
		t.Errorf("%d nodes drawn, want 3", n)
	}
	bad := get(t, "/fr/reseau?kind=martians&country=XX&size=many")
	if bad.Status != http.StatusOK {
		t.Fatalf("bad filters: %d, want the page with notices", bad.Status)
	}
	mustContain(t, "bad filters", bad, "Type d&#39;acteur inconnu, ignoré", "martians", "Pays inconnu, ignoré", "Nombre d&#39;acteurs à dessiner invalide")
	none := get(t, "/fr/reseau?country=AQ")
	mustContain(t, "nothing matches", none, "Aucun lien entre acteurs publiés ne répond à ces filtres.")
}

func TestFundingPages(t *testing.T) {
	ask := get(t, "/fr/financement")
	mustContain(t, "the empty search", ask, "Choisissez au moins un critère", `<select id="funding-kind" name="kind">`)
	r := get(t, "/fr/financement?kind=municipality&country=SN&sector=151")
	mustContain(t, "a municipality in Senegal", r, "Programmes ouverts", "Conditions remplies\u00a0: 3 sur 3",
		"peut être demandé par\u00a0: Municipalité", "Ne convient pas\u00a0:", `<option value="municipality" selected>`)
	first := strings.Index(r.Body, `href="/fr/programmes/fcm-partenariats-municipaux"`)
	cida := strings.Index(r.Body, `href="/fr/programmes/acdi-partenariat-canadien"`)
	if first < 0 || cida < 0 || first > cida {
		t.Errorf("the FCM's programme should come before CIDA's partnership programmes for a municipality")
	}
	en := get(t, "/en/funding?kind=ngo&sector=99820")
	mustContain(t, "an NGO raising awareness", en, "eligible sector: Promotion of development awareness", "Conditions met: 2 of 2")
	bad := get(t, "/fr/financement?sector=12&country=ZZZ&kind=x")
	mustContain(t, "bad input", bad, "Secteur inconnu, ignoré", "Pays inconnu, ignoré", "Type d&#39;acteur inconnu, ignoré", "Choisissez au moins un critère")
	// A project's page: Nioro du Rip's computers, funded by the FCM.
	p := get(t, "/fr/projets/nioro-du-rip-informatisation")
	mustContain(t, "a project's page", p, "Programmes qui pourraient financer ce projet",
		`href="/fr/programmes/fcm-partenariats-municipaux"`, "Chercher d&#39;autres programmes", `href="/fr/financement?`)
	// Sainte-Élisabeth funds the Sanankoroba projects, and as a
	// municipality it is the one that would apply to the FCM.
	se := get(t, "/fr/projets/sanankoroba-projets-communautaires")
	section := se.Body[strings.Index(se.Body, `id="pr-funding"`):]
	if !strings.Contains(section, `href="/fr/programmes/fcm-partenariats-municipaux"`) {
		t.Error("the Sanankoroba projects' page does not suggest the FCM's programme")
	}
}

func TestLayoutIsDeterministicAndInside(t *testing.T) {
	edges := [][2]int{{0, 1}, {1, 2}, {2, 0}, {3, 4}, {5, 0}}
	a := layoutGraph(7, edges, networkW, networkH)
	b := layoutGraph(7, edges, networkW, networkH)
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("node %d at %v then %v", i, a[i], b[i])
		}
		if a[i].X < layoutMargin-0.01 || a[i].X > networkW-layoutMargin+0.01 || a[i].Y < layoutMargin-0.01 || a[i].Y > networkH-layoutMargin+0.01 {
			t.Errorf("node %d at %v, outside the box", i, a[i])
		}
		if math.IsNaN(a[i].X) || math.IsNaN(a[i].Y) {
			t.Errorf("node %d at %v", i, a[i])
		}
	}
	// Linked nodes end up closer than the unlinked 6 is to them.
	d := func(i, j int) float64 { return math.Hypot(a[i].X-a[j].X, a[i].Y-a[j].Y) }
	if d(0, 1) > d(6, 1) {
		t.Errorf("linked nodes 0 and 1 are %.0f apart, the unlinked 6 only %.0f from 1", d(0, 1), d(6, 1))
	}
	if p := layoutGraph(1, nil, networkW, networkH); p[0] != (point{networkW / 2, networkH / 2}) {
		t.Errorf("a single node at %v, want the centre", p[0])
	}
}

func TestLabelsDoNotOverlap(t *testing.T) {
	var taken []box
	placed := 0
	for i := range 6 {
		// Six nodes on top of each other: at most four sides are free.
		if at, ok := placeLabel(point{400, 300}, 6, "Organisation numéro "+string(rune('A'+i)), taken, networkW, networkH); ok {
			for _, b := range taken {
				if at.b.overlaps(b) {
					t.Fatalf("label %d overlaps another", i)
				}
			}
			taken = append(taken, at.b)
			placed++
		}
	}
	if placed != 4 {
		t.Errorf("%d labels placed around one point, want 4", placed)
	}
}

// A project page's validators change with the programmes, since its
// funding section lists them.
func TestProjectPageChangesWithProgrammes(t *testing.T) {
	const page = "/fr/projets/nioro-du-rip-informatisation"
	first := get(t, page)
	etag := first.Header.Get("ETag")
	if etag == "" {
		t.Fatal("no ETag")
	}
	if r := get(t, page, "If-None-Match", etag); r.Status != http.StatusNotModified {
		t.Fatalf("unchanged: %d, want 304", r.Status)
	}
	ctx := context.Background()
	p, err := testDB.FindProgramme(ctx, "mri-sensibilisation")
	if err != nil {
		t.Fatal(err)
	}
	if err := testDB.UpdateProgramme(ctx, p); err != nil {
		t.Fatal(err)
	}
	if r := get(t, page, "If-None-Match", etag); r.Status != http.StatusOK {
		t.Errorf("after a programme changed: %d, want the page anew", r.Status)
	}
}
