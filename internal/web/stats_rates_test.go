package web

import (
	"context"
	"html"
	"net/url"
	"testing"

	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// A coordinator loads the rate table in the workspace; a bad file is
// refused with its line named and nothing stored; editors and visitors
// cannot reach the page; the dashboard then converts with the rates.
func TestWorkspaceRates(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		s := newWSSite(t, db)
		if r := s.do("editor", "GET", "/fr/mon-espace/taux", nil); r.Status != 403 {
			t.Errorf("an editor reaches the rates: %d", r.Status)
		}
		if r := s.do("anonymous", "GET", "/fr/mon-espace/taux", nil); r.Status != 303 {
			t.Errorf("a visitor is not sent to sign in: %d", r.Status)
		}
		page := s.do("coordinator", "GET", "/fr/mon-espace/taux", nil)
		mustContain(t, "rates page", page, "Table des taux de change", "Aucun taux n&#39;est chargé.", `enctype="multipart/form-data"`)

		bad := s.do("coordinator", "POST", "/fr/mon-espace/taux", url.Values{"rates": {"year,currency,rate_to_cad\n2019,XOF,0.0023\n,EUR,1.5\n"}})
		if bad.Status != 400 {
			t.Errorf("a file with a missing year: %d", bad.Status)
		}
		mustContain(t, "refusal", bad, html.EscapeString("Le fichier n'a pas été chargé"), "ligne 3 : l’année manque")
		// In each language, each problem with its line.
		en := s.do("coordinator", "POST", "/en/my-workspace/rates", url.Values{"rates": {"year,currency,rate_to_cad\n2019,XOF,0\n2019,XYZ,1\n"}})
		mustContain(t, "refusal in English", en, "line 2: the rate 0 must be greater than zero; line 3: unknown currency “XYZ”")
		for _, body := range []string{"year,currency,rate_to_cad\n2019,XOF,-1\n", "year,currency,rate_to_cad\n2019,XYZ,1\n", ""} {
			if r := s.do("coordinator", "POST", "/fr/mon-espace/taux", url.Values{"rates": {body}}); r.Status != 400 {
				t.Errorf("%q: %d, want 400", body, r.Status)
			}
		}
		if rates, _ := db.Rates(context.Background()); len(rates) != 0 {
			t.Fatalf("refused files stored %v", rates)
		}

		ok := s.do("coordinator", "POST", "/en/my-workspace/rates", url.Values{"rates": {"year,currency,rate_to_cad\n2019,XOF,0.0023\n"}})
		if ok.Status != 303 || ok.Header.Get("Location") != "/en/my-workspace/rates?n=1" {
			t.Fatalf("load: %d %s", ok.Status, ok.Header.Get("Location"))
		}
		mustContain(t, "after the load", s.do("coordinator", "GET", "/en/my-workspace/rates?n=1", nil), "1 rate loaded.", "<td>XOF</td>", "<td>0.0023</td>")
		if r := s.do("editor", "POST", "/fr/mon-espace/taux", url.Values{"rates": {"year,currency,rate_to_cad\n2019,EUR,1.5\n"}}); r.Status != 403 {
			t.Errorf("an editor loads rates: %d", r.Status)
		}
	})
}
