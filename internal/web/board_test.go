package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// postInput is a valid seek of Buckingham as the form posts it.
func postInput(pairs ...string) url.Values {
	v := vals("org", "buckingham", "kind", "seek", "countries", "ML", "countries", "SN",
		"partner_kinds", "municipality", "languages", "fr", "pop_min", "500",
		"text.fr", "Nous cherchons une commune pour un jumelage.", "text.en", "We seek a commune to twin with.",
		"expires", time.Now().AddDate(0, 2, 0).Format("2006-01-02"))
	for i := 0; i+1 < len(pairs); i += 2 {
		v.Set(pairs[i], pairs[i+1])
	}
	return v
}

func postCount(t *testing.T, db *sqlstore.DB) int {
	t.Helper()
	list, err := db.ListPosts(context.Background(), proximite.PostFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return len(list)
}

// TestBoard: an editor posts for their organisation and sees who fits;
// another organisation's editor can neither post in its name nor change
// its post; bad input is named field by field and nothing is stored.
func TestBoard(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		s := newWSSite(t, db)

		r := s.do("anonymous", http.MethodGet, "/fr/partenaires-recherches", nil)
		wantStatus(t, r, http.StatusOK)
		mustContain(t, "empty board", r, "<h1>Trouver un partenaire</h1>", "Aucune annonce ouverte", `href="/en/partner-search"`)
		wantStatus(t, s.do("anonymous", http.MethodGet, "/fr/partenaires-recherches/nouvelle", nil), http.StatusSeeOther)
		r = s.do("editor", http.MethodGet, "/fr/partenaires-recherches/nouvelle", nil)
		wantStatus(t, r, http.StatusOK)
		mustContain(t, "new form", r, "<h1>Publier une annonce</h1>", `<option value="buckingham" selected>Buckingham</option>`,
			`name="text.fr"`, `href="/en/partner-search/new"`)
		wantStatus(t, s.do("anonymous", http.MethodPost, "/fr/partenaires-recherches/nouvelle", postInput()), http.StatusUnauthorized)

		// Bad input: each problem named, nothing stored.
		r = s.do("editor", http.MethodPost, "/fr/partenaires-recherches/nouvelle",
			postInput("pop_min", "beaucoup", "expires", "demain", "text.fr", "", "text.en", ""))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		uniqueIDs(t, "form with errors", r)
		mustContain(t, "bad post", r, "« beaucoup » n&#39;est pas un nombre entier positif", "« demain » n&#39;est pas une date AAAA-MM-JJ",
			"Écrivez l&#39;annonce dans au moins une langue", `href="#f-pop_min"`, `href="#f-expires"`)
		r = s.do("editor", http.MethodPost, "/fr/partenaires-recherches/nouvelle", postInput("pop_max", "100"))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		mustContain(t, "max below min", r, `href="#f-pop_max"`)
		if n := postCount(t, db); n != 0 {
			t.Fatalf("%d posts stored from bad input", n)
		}

		// Another organisation's editor cannot post in Buckingham's name.
		r = s.do("other", http.MethodPost, "/fr/partenaires-recherches/nouvelle", postInput())
		wantStatus(t, r, http.StatusForbidden)
		if n := postCount(t, db); n != 0 {
			t.Fatalf("%d posts stored by the wrong editor", n)
		}

		// Nioro du Rip offers; Buckingham seeks, and sees the offer and
		// the communes of the registry suggested.
		offer := postInput("org", "nioro-du-rip", "kind", "offer", "countries", "CA", "pop_min", "",
			"text.fr", "Commune sénégalaise, nous offrons un partenariat en eau.", "text.en", "")
		r = s.do("partner", http.MethodPost, "/fr/partenaires-recherches/nouvelle", offer)
		wantStatus(t, r, http.StatusSeeOther)
		r = s.do("editor", http.MethodPost, "/fr/partenaires-recherches/nouvelle", postInput())
		wantStatus(t, r, http.StatusSeeOther)
		seekPath := r.Header.Get("Location")
		if !strings.HasPrefix(seekPath, "/fr/partenaires-recherches/") {
			t.Fatalf("redirect to %q", seekPath)
		}
		r = s.do("anonymous", http.MethodGet, seekPath, nil)
		wantStatus(t, r, http.StatusOK)
		mustContain(t, "seek page", r, "Nous cherchons une commune", "Offres qui répondent à cette recherche",
			"Commune sénégalaise", "cherche un partenaire comme vous : Canada", "Organisations du registre qui correspondent",
			"Sanankoroba", "du type voulu : Municipalité")
		if strings.Contains(r.Body, "Modifier l&#39;annonce") {
			t.Error("a visitor is offered the post's form")
		}
		r = s.do("editor", http.MethodGet, seekPath, nil)
		mustContain(t, "seek page for its editor", r, "Modifier l&#39;annonce", "Fermer l&#39;annonce")
		uniqueIDs(t, "seek page", r)
		uniqueIDs(t, "edit form", s.do("editor", http.MethodGet, seekPath+"/modifier", nil))
		uniqueIDs(t, "coordinator's form", s.do("coordinator", http.MethodGet, "/en/partner-search/new", nil))

		// The other editor may neither edit nor close it.
		wantStatus(t, s.do("other", http.MethodGet, seekPath+"/modifier", nil), http.StatusForbidden)
		wantStatus(t, s.do("other", http.MethodPost, seekPath+"/fermer", url.Values{}), http.StatusForbidden)
		wantStatus(t, s.do("other", http.MethodPost, seekPath+"/modifier", postInput("org", "sainte-elisabeth")), http.StatusForbidden)

		// The list filters; a filter it does not know is a clear 400.
		r = s.do("anonymous", http.MethodGet, "/fr/partenaires-recherches?kind=offer", nil)
		mustContain(t, "offers", r, "1 annonce ouverte", "Commune sénégalaise")
		r = s.do("anonymous", http.MethodGet, "/en/partner-search?country=ZZ", nil)
		wantStatus(t, r, http.StatusBadRequest)
		mustContain(t, "bad filter", r, "The filter “country” has an unknown value.")

		// Its editor closes it: it leaves the list, and the history says who.
		wantStatus(t, s.do("editor", http.MethodPost, seekPath+"/fermer", url.Values{}), http.StatusSeeOther)
		r = s.do("anonymous", http.MethodGet, "/fr/partenaires-recherches?kind=seek", nil)
		mustContain(t, "closed", r, "Aucune annonce ouverte")
		r = s.do("anonymous", http.MethodGet, seekPath, nil)
		mustContain(t, "closed post", r, "Cette annonce est fermée")
		list, _ := db.ListPosts(context.Background(), proximite.PostFilter{Kind: proximite.Seek})
		hist, err := db.History(context.Background(), proximite.TypePartnerPost, list[0].ID)
		if err != nil || len(hist) != 2 || hist[1].Actor != "editor@buckingham.test" {
			t.Errorf("history = %+v, %v", hist, err)
		}
	})
}

// uniqueIDs fails when two elements of a page share an id (see
// TestIDsAreUnique, which covers the public pages of the fixture).
func uniqueIDs(t *testing.T, what string, r response) {
	t.Helper()
	seen := map[string]int{}
	for _, m := range idAttr.FindAllStringSubmatch(r.Body, -1) {
		seen[m[1]]++
	}
	for id, n := range seen {
		if n > 1 {
			t.Errorf("%s: id %q is given to %d elements", what, id, n)
		}
	}
}
