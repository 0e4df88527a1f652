package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// TestAssessments: a coordinator assesses Sanankoroba against the
// checklist; the assessment shows on the partnership's page to members
// who may read it and to no one else; wrong roles and bad answers are
// refused, and nothing is stored then.
func TestAssessments(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		s := newWSSite(t, db)
		ctx := context.Background()
		const page = "/fr/partenariats/jumelage-sainte-elisabeth-sanankoroba"
		form := "/fr/partenariats/jumelage-sainte-elisabeth-sanankoroba/evaluation"

		r := s.do("coordinator", http.MethodGet, form, nil)
		wantStatus(t, r, http.StatusOK)
		mustContain(t, "form", r, "La cohésion sociale au sein du village", "La volonté d&#39;alphabétiser",
			"Une population de plus de 500 habitants", `name="v1"`, `value="not_met"`, `href="/en/partnerships/jumelage-sainte-elisabeth-sanankoroba/assessment"`)
		uniqueIDs(t, "assessment form", r)
		wantStatus(t, s.do("anonymous", http.MethodGet, form, nil), http.StatusSeeOther)
		// The editor of Buckingham takes no part in this partnership.
		wantStatus(t, s.do("editor", http.MethodGet, form, nil), http.StatusForbidden)
		wantStatus(t, s.do("editor", http.MethodPost, form, url.Values{"candidate": {"sanankoroba"}, "v1": {"met"}}), http.StatusForbidden)

		r = s.do("coordinator", http.MethodPost, form, url.Values{"candidate": {"gatineau"}, "v2": {"perhaps"}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		mustContain(t, "bad answers", r, "Choisissez une organisation du partenariat.", "Réponse inconnue : « perhaps »")
		if list, _ := db.Assessments(ctx, "jumelage-sainte-elisabeth-sanankoroba"); len(list) != 0 {
			t.Fatalf("%d assessments stored from bad input", len(list))
		}

		r = s.do("coordinator", http.MethodPost, form, url.Values{"candidate": {"sanankoroba"}, "v1": {"met"}, "n1": {"Comités actifs"},
			"v5": {"met"}, "v6": {"not_met"}, "note": {"À revoir dans un an."}})
		wantStatus(t, r, http.StatusSeeOther)
		if loc := r.Header.Get("Location"); loc != page+"#assessments" {
			t.Errorf("redirect to %q", loc)
		}
		r = s.do("coordinator", http.MethodGet, page, nil)
		mustContain(t, "partnership page for a coordinator", r, "Évaluations des partenaires", "2 critères respectés sur 6",
			"Comités actifs", "Non respecté", "Conclusion : À revoir dans un an.", "Par Coordination &lt;coord@rosi.test&gt;",
			"Grille de sélection des partenaires")
		uniqueIDs(t, "partnership page with an assessment", r)
		for _, who := range []string{"anonymous", "editor"} {
			if r := s.do(who, http.MethodGet, page, nil); strings.Contains(r.Body, "Évaluations des partenaires") {
				t.Errorf("%s sees the assessments", who)
			}
		}
	})
}

// TestChecklistPage: coordinators reword, retire and add criteria;
// editors may not; a criterion without text is refused by name.
func TestChecklistPage(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		s := newWSSite(t, db)
		ctx := context.Background()
		const p = "/fr/mon-espace/grille-de-selection"
		mustContain(t, "coordinator's workspace", s.do("coordinator", http.MethodGet, "/fr/mon-espace", nil),
			`href="/fr/mon-espace/grille-de-selection"`, `href="/fr/partenaires-recherches/nouvelle"`)
		if r := s.do("editor", http.MethodGet, "/fr/mon-espace", nil); strings.Contains(r.Body, "grille-de-selection") {
			t.Error("an editor's workspace links to the checklist")
		}
		wantStatus(t, s.do("editor", http.MethodGet, p, nil), http.StatusForbidden)
		wantStatus(t, s.do("editor", http.MethodPost, p, url.Values{"id": {"0"}, "text.fr": {"x"}}), http.StatusForbidden)
		r := s.do("coordinator", http.MethodGet, p, nil)
		wantStatus(t, r, http.StatusOK)
		uniqueIDs(t, "checklist", r)
		mustContain(t, "checklist", r, "L&#39;accord de la collectivité avec l&#39;esprit des projets", "The community&#39;s agreement")

		r = s.do("coordinator", http.MethodPost, p, url.Values{"id": {"0"}, "text.fr": {" "}, "text.en": {""}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		mustContain(t, "empty criterion", r, "Écrivez le critère dans au moins une langue.")
		wantStatus(t, s.do("coordinator", http.MethodPost, p, url.Values{"id": {"0"}, "text.fr": {"Accès à l'eau potable"}}), http.StatusSeeOther)
		wantStatus(t, s.do("coordinator", http.MethodPost, p, url.Values{"id": {"5"}, "position": {"5"}, "retired": {"1"},
			"text.fr": {"Une population de plus de 500 habitants"}}), http.StatusSeeOther)
		r = s.do("coordinator", http.MethodPost, p, url.Values{"id": {"3"}, "position": {"trois"}, "text.fr": {"x"}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		mustContain(t, "bad rank", r, "Le rang « trois » n&#39;est pas un nombre entier.")

		crit, err := db.Criteria(ctx, false)
		if err != nil || len(crit) != 6 || crit[5].Text["fr"] != "Accès à l'eau potable" {
			t.Fatalf("criteria after the edits: %+v, %v", crit, err)
		}
		r = s.do("coordinator", http.MethodGet, "/fr/partenariats/jumelage-sainte-elisabeth-sanankoroba/evaluation", nil)
		mustContain(t, "form after the edits", r, "Accès à l&#39;eau potable")
		if strings.Contains(r.Body, "Une population de plus de 500 habitants") {
			t.Error("a retired criterion is still asked")
		}
	})
}
