package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/proximite/proximite"
)

// allPages lists every public page of the demonstration registry in both
// languages: home, search, the lists, and every published record.
func allPages(t *testing.T) []string {
	t.Helper()
	pages := []string{"/fr/", "/en/", "/fr/recherche", "/en/search", "/fr/recherche?q=jumelage", "/en/search?q=nioro"}
	// The synergies, network and funding pages, in both languages.
	pages = append(pages, "/fr/acteurs/buckingham/synergies", "/en/partnerships/jumelage-buckingham-nioro-du-rip/synergies",
		"/fr/reseau", "/en/network?kind=municipality&country=ML", "/fr/financement?kind=ngo&country=ML&sector=111", "/en/funding")
	// The partner board, in both languages.
	pages = append(pages, "/fr/partenaires-recherches", "/en/partner-search?kind=offer")
	for _, lang := range proximite.Languages {
		for _, s := range recordSections {
			pages = append(pages, path(lang, s, ""))
			res, err := testDB.Search(context.Background(), proximite.SearchFilter{Limit: proximite.MaxLimit,
				Filters: map[string][]string{proximite.FacetType: {string(s.recordType())}}})
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range res.Hits {
				pages = append(pages, path(lang, s, h.Slug))
			}
		}
	}
	return pages
}

// TestEveryPageRenders renders every page of the demonstration registry
// in both languages: each answers 200, in its language, with one h1, a
// title, a description and a canonical link, and nothing is logged as an
// error.
func TestEveryPageRenders(t *testing.T) {
	testLog.Reset()
	pages := allPages(t)
	if len(pages) < 150 {
		t.Fatalf("only %d pages: is the demonstration registry loaded?", len(pages))
	}
	for _, p := range pages {
		r := get(t, p)
		if r.Status != 200 {
			t.Errorf("%s: %d", p, r.Status)
			continue
		}
		lang := langOfPath(p)
		mustContain(t, p, r, `<html lang="`+lang+`">`, "<title>", `<meta name="description" content="`,
			`<link rel="canonical" href="http://example.com`, `<main id="main"`, `<nav class="site-nav"`, "</footer>")
		if n := strings.Count(r.Body, "<h1"); n != 1 {
			t.Errorf("%s: %d h1 elements", p, n)
		}
		if strings.Contains(r.Body, `content=""`) {
			t.Errorf("%s: an empty meta content", p)
		}
		for _, leak := range []string{"orgkind.", "pkind.", "event.", "<no value>", "%!"} {
			if strings.Contains(r.Body, leak) {
				t.Errorf("%s: shows %q", p, leak)
			}
		}
	}
	if testLog.Len() > 0 {
		t.Errorf("errors logged:\n%s", testLog.String())
	}
}

// TestPagesAreSmall checks that every page transfers under 100 KB
// compressed, for slow connections.
func TestPagesAreSmall(t *testing.T) {
	const budget = 100 << 10
	biggest, which := 0, ""
	for _, p := range allPages(t) {
		req := httptest.NewRequest(http.MethodGet, p, nil)
		req.Header.Set("Accept-Encoding", "gzip, deflate, br")
		rec := httptest.NewRecorder()
		testSite.ServeHTTP(rec, req)
		if rec.Header().Get("Content-Encoding") != "gzip" {
			t.Fatalf("%s: not compressed", p)
		}
		if n := rec.Body.Len(); n > budget {
			t.Errorf("%s: %d bytes compressed, over %d", p, n, budget)
		} else if n > biggest {
			biggest, which = n, p
		}
		zr, err := gzip.NewReader(bytes.NewReader(rec.Body.Bytes()))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		var plain bytes.Buffer
		if _, err := plain.ReadFrom(zr); err != nil || !strings.HasSuffix(strings.TrimSpace(plain.String()), "</html>") {
			t.Errorf("%s: bad gzip stream (%v)", p, err)
		}
	}
	t.Logf("largest page: %s, %d bytes compressed", which, biggest)
}

func TestNotFoundIsLocalized(t *testing.T) {
	tests := []struct {
		path, accept, lang, want string
	}{
		{"/fr/partenariats/nexiste-pas", "", "fr", "Page introuvable"},
		{"/en/partnerships/no-such-thing", "", "en", "Page not found"},
		{"/en/projects/Bad%20Slug!", "", "en", "Page not found"},
		{"/fr/nimporte/quoi", "en", "fr", "Page introuvable"},
		{"/en/organisations/buckingham/extra", "", "en", "Page not found"},
		{"/nowhere", "en-GB", "en", "Page not found"},
		{"/nowhere", "fr", "fr", "Page introuvable"},
		{"/static/app.0000000000.css", "", "fr", "Page introuvable"},
	}
	for _, tt := range tests {
		r := get(t, tt.path, "Accept-Language", tt.accept)
		if r.Status != http.StatusNotFound {
			t.Errorf("%s: %d", tt.path, r.Status)
			continue
		}
		mustContain(t, tt.path, r, `<html lang="`+tt.lang+`">`, tt.want, `<meta name="robots" content="noindex, follow">`)
	}
}

func TestUnpublishedRecordsAreNotFound(t *testing.T) {
	ctx := context.Background()
	o := &proximite.Organisation{Meta: proximite.Meta{Slug: "brouillon-test", State: proximite.Draft},
		Name: proximite.T("fr", "Brouillon"), Kind: proximite.NGO}
	if err := testDB.CreateOrganisation(ctx, o); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { testDB.DeleteOrganisation(ctx, o.ID) })
	if r := get(t, "/fr/acteurs/brouillon-test"); r.Status != http.StatusNotFound {
		t.Errorf("a draft is shown: %d", r.Status)
	}
}

func TestRecordByIDRedirectsToItsSlug(t *testing.T) {
	id, err := testDB.RecordID(context.Background(), proximite.TypeOrganisation, "buckingham")
	if err != nil {
		t.Fatal(err)
	}
	r := get(t, "/en/organisations/"+itoa64(id))
	if r.Status != http.StatusMovedPermanently || r.Header.Get("Location") != "/en/organisations/buckingham" {
		t.Errorf("%d %q", r.Status, r.Header.Get("Location"))
	}
}

func itoa64(n int64) string {
	var b []byte
	for n > 0 || len(b) == 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

// TestProjectMoneyAndResults reads the fixture project, which has what
// the demonstration lacks: amounts per locale, tables, shares, documents,
// the partner's confirmation.
func TestProjectMoneyAndResults(t *testing.T) {
	fr := get(t, "/fr/projets/projet-test-complet")
	mustContain(t, "fr project", fr,
		"48\u202f500\u00a0$\u00a0CA", "15\u202f000\u202f000\u00a0F\u00a0CFA", "9\u202f600\u00a0$\u00a0CA",
		"<caption>Budgets prévus</caption>", "<caption>Transactions</caption>", " (60\u202f%)",
		"Confirmé par le partenaire", "Dernière confirmation\u00a0: 12 mars 2024",
		`<time datetime="2019-04-15">15 avril 2019</time>`, "Coopérative des maraîchères",
		`href="/fr/acteurs/benkadi"`, `href="https://example.org/rapport.pdf"`, "120 jours", "8 personnes",
		`<span lang="en">A foundation outside the registry</span> <span class="fallback">(en anglais)</span>`,
		`href="/fr/recherche?sector=140&amp;type=project"`, `href="/fr/partenariats/jumelage-sainte-elisabeth-sanankoroba"`)
	en := get(t, "/en/projects/projet-test-complet")
	mustContain(t, "en project", en, "CA$48,500", "CFA\u00a0F\u00a015,000,000", " (60%)", "Last confirmed: 12 March 2024",
		"Wells dug", "<td>4</td>", "Implementing", "Funding")
}

// TestFallbackOnARecordPage checks a record written only in French, on
// the English site.
func TestFallbackOnARecordPage(t *testing.T) {
	r := get(t, "/en/organisations/comite-test-francophone")
	mustContain(t, "French-only organisation", r,
		`<h1><span lang="fr">Comité de test francophone</span> <span class="fallback">(in French)</span></h1>`,
		`<p class="fallback">This text is only available in French for now.</p><div class="prose" lang="fr">`,
		"Part of", `href="/en/organisations/benkadi"`, "since April 2019")
	benkadi := get(t, "/en/organisations/benkadi")
	mustContain(t, "reverse link", benkadi, "Parts of it", `href="/en/organisations/comite-test-francophone"`)
	gatineau := get(t, "/fr/acteurs/gatineau")
	mustContain(t, "Gatineau", gatineau, "En font partie", `href="/fr/acteurs/buckingham"`, "depuis 2002")
}

func TestPartnershipExchanges(t *testing.T) {
	r := get(t, "/en/partnerships/jumelage-buckingham-nioro-du-rip")
	mustContain(t, "exchanges", r, "Reciprocity: 4 delegations each way.", `class="direction direction-north_south"`,
		`class="direction direction-south_north"`, "number of people not recorded", "The partners", "North", "South", "In support")
	se := get(t, "/fr/partenariats/jumelage-sainte-elisabeth-sanankoroba")
	mustContain(t, "one-way exchanges", se, "Du Nord vers le Sud\u00a0: 1 délégation\u202f; du Sud vers le Nord\u00a0: 0 délégation.",
		"7 personnes", "Mission de suivi à Sanankoroba", "Début de projet")
}
