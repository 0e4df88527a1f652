package web

import (
	"context"
	"html"
	"io"
	"log/slog"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/proximite/proximite"
)

// cappedRegistry is the demonstration registry as a large one answers
// the searches for "eau" and for Buckingham's records: more than
// proximite.MaxMatches records match, so the store says the total is a
// lower bound and pages stop at the last of those it examined.
type cappedRegistry struct{ proximite.Registry }

func (c cappedRegistry) Search(ctx context.Context, f proximite.SearchFilter) (*proximite.SearchResult, error) {
	res, err := c.Registry.Search(ctx, f)
	t := proximite.TypeProject
	if ts := f.Filters[proximite.FacetType]; len(ts) == 1 {
		t = proximite.RecordType(ts[0])
	}
	// The organisations linked to Buckingham stay as they are: the page
	// reads each of them.
	if err != nil || (f.Query != "eau" && (f.Org != "buckingham" || t == proximite.TypeOrganisation)) {
		return res, err
	}
	capped := &proximite.SearchResult{Total: proximite.MaxMatches, Capped: true, Facets: res.Facets}
	for i := f.Offset; i < min(f.Offset+f.Limit, proximite.MaxMatches); i++ {
		n := strconv.Itoa(i + 1)
		capped.Hits = append(capped.Hits, proximite.Hit{Type: t, Slug: "fiche-" + n,
			Title: proximite.T("fr", "Fiche "+n, "en", "Record "+n)})
	}
	return capped, nil
}

// getCapped requests a page of the site built on cappedRegistry.
func getCapped(t *testing.T, target string) response {
	t.Helper()
	h, err := New(cappedRegistry{testDB}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
	if rec.Code != 200 {
		t.Fatalf("GET %s: %d", target, rec.Code)
	}
	// The checks read the text as shown: html/template writes "+" as &#43;.
	return response{Status: rec.Code, Header: rec.Header(), Body: html.UnescapeString(rec.Body.String())}
}

// TestCappedSearchSaysSo checks that a search that matched more records
// than the registry examines says that its total is a lower bound, in
// each language's way of writing numbers, and pages only among the
// matches examined.
func TestCappedSearchSaysSo(t *testing.T) {
	fr := getCapped(t, "/fr/recherche?q=eau")
	mustContain(t, "capped search, fr", fr,
		"1\u202f000+ résultats",
		"Plus de 1\u202f000 résultats — seuls les 1\u202f000 plus récents sont classés et comptés\u202f; précisez la recherche.",
		`href="/fr/recherche?page=50&q=eau"`)
	if strings.Contains(fr.Body, "1\u202f000 résultats <") || strings.Contains(fr.Body, "page=51") {
		t.Error("a capped search claims an exact total or offers a page beyond the matches examined")
	}

	last := getCapped(t, "/en/search?q=eau&page=50")
	mustContain(t, "last page of a capped search", last, "1,000+ results", "(981–1,000)",
		"More than 1,000 results — only the 1,000 most recent are ranked and counted; refine the search.",
		`rel="prev"`, `<ol class="cards" start="981">`)
	if strings.Contains(last.Body, `rel="next"`) {
		t.Error("the last page of a capped search links to a next page")
	}

	beyond := getCapped(t, "/en/search?q=eau&page=51")
	mustContain(t, "past the last page of a capped search", beyond,
		"Results stop at the 1,000 most recent", `href="/en/search?page=50&q=eau"`)
	if strings.Contains(beyond.Body, "No result matches") {
		t.Error("past the last page of a capped search, the page says nothing matches")
	}

	plain := get(t, "/fr/recherche?q=jumelage")
	if strings.Contains(plain.Body, "+ résultats") || strings.Contains(plain.Body, "Plus de ") {
		t.Error("an uncapped search says it is capped")
	}
}

// TestCappedRelatedLists checks the lists of a record page when the
// records linked to it are more than a search counts: no exact number.
func TestCappedRelatedLists(t *testing.T) {
	fr := getCapped(t, "/fr/acteurs/buckingham")
	mustContain(t, "capped lists, fr", fr, `<span class="count-pill">1`+"\u202f"+`000+</span>`,
		"Voir les résultats (plus de 1\u202f000)")
	if strings.Contains(fr.Body, "Voir les 1\u202f000") || strings.Contains(fr.Body, `<span class="count-pill">1`+"\u202f"+`000</span>`) {
		t.Error("a capped list claims an exact count")
	}
	en := getCapped(t, "/en/organisations/buckingham")
	mustContain(t, "capped lists, en", en, `<span class="count-pill">1,000+</span>`, "See the results (more than 1,000)")
}
