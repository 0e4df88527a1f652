package web

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

func TestSearchFindsTheTwinnings(t *testing.T) {
	tests := []struct {
		path string
		want []string
	}{
		{"/en/search?q=nioro", []string{`href="/en/partnerships/jumelage-buckingham-nioro-du-rip"`, "Buckingham – Nioro du Rip twinning"}},
		{"/fr/recherche?q=elisabeth", []string{`href="/fr/partenariats/jumelage-sainte-elisabeth-sanankoroba"`, "Jumelage Sainte-Élisabeth – Sanankoroba"}},
		{"/fr/recherche?q=%C3%89lisabeth", []string{`href="/fr/partenariats/jumelage-sainte-elisabeth-sanankoroba"`}},
		{"/en/search?q=senegal&type=project", []string{`href="/en/projects/nioro-du-rip-collecte-ordures"`}},
		{"/fr/partenariats", []string{`href="/fr/partenariats/jumelage-buckingham-nioro-du-rip"`, "7 résultats"}},
	}
	for _, tt := range tests {
		r := get(t, tt.path)
		if r.Status != 200 {
			t.Fatalf("%s: %d", tt.path, r.Status)
		}
		mustContain(t, tt.path, r, tt.want...)
	}
}

func TestSearchFacetsChipsAndSort(t *testing.T) {
	r := get(t, "/fr/recherche?type=project&country=ML&sort=title")
	if r.Status != 200 {
		t.Fatalf("status %d", r.Status)
	}
	mustContain(t, "filtered search", r,
		// Facets carry localized names and counts, and the chosen values are ticked.
		`name="country" value="ML" checked`, `<span class="facet-label">Mali</span>`,
		`<span class="facet-label">Projets</span>`,
		// Each chip removes its own filter and keeps the other.
		`href="/fr/recherche?sort=title&amp;type=project"`, "Pays\u00a0: Mali",
		`href="/fr/recherche?country=ML&amp;sort=title"`,
		`<option value="title" selected>`, `<meta name="robots" content="noindex, follow">`)
	if strings.Contains(r.Body, `value="relevance"`) {
		t.Error("relevance is offered without a query")
	}
	en := get(t, "/en/search?sector=151&type=project")
	mustContain(t, "sector facet", en, "Government &amp; Civil Society-general", `Sector: `)
}

func TestSearchPaging(t *testing.T) {
	r := get(t, "/en/search?limit=3&page=2&sort=title")
	if r.Status != 200 {
		t.Fatalf("status %d", r.Status)
	}
	mustContain(t, "page 2", r, `rel="prev"`, `href="/en/search?limit=3&amp;sort=title"`, `rel="next"`,
		`href="/en/search?limit=3&amp;page=3&amp;sort=title"`, `aria-current="page"><span class="visually-hidden">Page </span>2</a>`,
		`<ol class="cards" start="4">`, `<input type="hidden" name="limit" value="3">`)
	last := get(t, "/en/search?page=400")
	if last.Status != 200 || !strings.Contains(last.Body, "No result matches") {
		t.Errorf("a page past the end: %d", last.Status)
	}
}

// TestBadParametersNeverFail checks that nonsense in the query string
// gives a page (200) or a clear 400 in the visitor's language, never a
// 500.
func TestBadParametersNeverFail(t *testing.T) {
	long := strings.Repeat("a", 10<<10)
	tests := []struct {
		path   string
		status int
		want   string
	}{
		{"/fr/recherche?page=-1", 400, "numéro de page"},
		{"/en/search?page=abc", 400, "page number"},
		{"/en/search?page=0", 400, "page number"},
		{"/en/search?page=99999999999999999999", 400, "page number"},
		{"/en/search?limit=1000000", 200, "results"},
		{"/en/search?limit=-5", 400, "per page"},
		{"/en/search?foo=bar&utm_source=x", 200, "results"},
		{"/en/search?type=spaceship", 400, "Unknown kind of record"},
		{"/fr/recherche?sort=random", 400, "ordre demandé"},
		{"/en/search?year=19x3", 400, "four digits"},
		{"/en/search?q=" + long, 400, "too long"},
		{"/fr/recherche?q=" + strings.Repeat("é", 300), 400, "trop longue"},
		{"/en/search?q=%ff%fe", 400, "badly encoded"},
		{"/en/search?q=%zz", 400, "badly encoded"},
		{"/en/search?country=" + strings.Repeat("x", 100), 400, "too long"},
		{"/en/search?org=Not%20A%20Slug", 400, "identifier of a record"},
		{"/en/search?org=no-such-org", 200, "No result"},
		{"/en/search?q=%22%27%3Cscript%3E", 200, "&lt;script&gt;"},
		{"/en/search?q=AND+OR+NOT+*", 200, "results"},
		{"/en/partnerships?type=project", 200, "partnership"},
		{"/fr/recherche?country=ZZ", 200, "Aucun résultat"},
	}
	for _, tt := range tests {
		name := tt.path
		if len(name) > 60 {
			name = name[:60]
		}
		t.Run(name, func(t *testing.T) {
			r := get(t, tt.path)
			if r.Status != tt.status {
				t.Fatalf("status %d, want %d", r.Status, tt.status)
			}
			if !strings.Contains(r.Body, tt.want) {
				t.Errorf("body lacks %q", tt.want)
			}
			if r.Status == 400 && !strings.Contains(r.Body, `<html lang="`+langOfPath(tt.path)+`">`) {
				t.Errorf("error page not in the path's language")
			}
		})
	}
}

func TestParseSearchCapsAndCanonicalises(t *testing.T) {
	p, err := parseSearch("country=ML,SN&country=ML&limit=500&q=+eau+", "")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(p.Filters["country"], ","); got != "ML,SN" {
		t.Errorf("country values %q, want ML,SN (comma-separated and repeated, without duplicates)", got)
	}
	if p.PerPage != maxPerPage || p.Query != "eau" {
		t.Errorf("limit %d query %q", p.PerPage, p.Query)
	}
	if got := p.values().Encode(); got != "country=ML&country=SN&limit=100&q=eau" {
		t.Errorf("canonical query %q", got)
	}
	if _, err := parseSearch("type=visit", "project"); err != nil {
		t.Errorf("a list ignores the type parameter: %v", err)
	}
	if got := (searchParams{Query: "x", Sort: ""}).sortOrder(); got != "relevance" {
		t.Errorf("default order with a query = %q", got)
	}
}

func TestPager(t *testing.T) {
	link := func(p searchParams) string { return "?page=" + strconv.Itoa(p.Page) }
	pg := newPager(searchParams{Page: 7, PerPage: 10}, 200, link)
	var got []string
	for _, l := range pg.Pages {
		if l.Gap {
			got = append(got, "…")
		} else {
			got = append(got, strconv.Itoa(l.N))
		}
	}
	if strings.Join(got, " ") != "1 … 5 6 7 8 9 … 20" {
		t.Errorf("pages %v", got)
	}
	if pg.Prev != "?page=6" || pg.Next != "?page=8" {
		t.Errorf("prev %q next %q", pg.Prev, pg.Next)
	}
	if one := newPager(searchParams{Page: 1, PerPage: 20}, 5, link); one.Prev != "" || one.Next != "" || one.Pages != nil {
		t.Errorf("a single page has no pager: %+v", one)
	}
}

func TestMethodsOtherThanGet(t *testing.T) {
	req, _ := http.NewRequest(http.MethodPost, "/en/search", nil)
	rec := httptest.NewRecorder()
	testSite.ServeHTTP(rec, req)
	if rec.Code != http.StatusMethodNotAllowed || !strings.Contains(rec.Body.String(), "Method not allowed") {
		t.Errorf("POST: %d", rec.Code)
	}
}

// TestFacetCountsSayWhatTheyCount checks that the facet panel of the
// search page says its counts span every record type unless types are
// chosen, and names the chosen ones; a list, of one type, needs neither.
func TestFacetCountsSayWhatTheyCount(t *testing.T) {
	tests := []struct {
		path, want string
	}{
		{"/fr/recherche", "Les nombres comptent les fiches de tous les types."},
		{"/en/search?q=nioro", "Counts cover records of every type."},
		{"/fr/recherche?type=project", "Les nombres ne comptent que les types choisis\u00a0: Projets."},
		{"/en/search?type=project&type=visit", "Counts cover only the chosen types: Projects, Visits."},
	}
	for _, tt := range tests {
		r := get(t, tt.path)
		mustContain(t, tt.path, r, `<p class="small muted facet-scope">`+tt.want+`</p>`)
	}
	if r := get(t, "/fr/projets"); strings.Contains(r.Body, "facet-scope") {
		t.Error("a list of one type says what its counts count")
	}
}
