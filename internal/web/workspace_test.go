package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// TestWorkspaceRoutes asks every page and button of the workspace as
// each persona and checks the answer and, for the buttons, what was
// stored: the page's promise and the guard's decision agree.
func TestWorkspaceRoutes(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		s := newWSSite(t, db)
		s.visit("brouillon-commun", proximite.Draft)
		s.visit("soumise-commune", proximite.Submitted)
		type want struct {
			status int
			has    string // in the body, or the Location of a redirect
			state  proximite.State
		}
		type route struct {
			name   string
			method string
			path   func(persona string) string // may set up a record per persona
			want   map[string]want
		}
		// fresh makes a visit for one row and persona, so that each button
		// is pressed on a record in the state the row describes.
		fresh := func(state proximite.State, prefix string) func(string) string {
			return func(p string) string {
				slug := prefix + "-" + p
				s.visit(slug, state)
				return slug
			}
		}
		rows := 0
		button := func(action string, state proximite.State) func(string) string {
			rows++
			mk := fresh(state, fmt.Sprintf("%s-%d", action, rows))
			return func(p string) string { return actionPath("fr", proximite.TypeVisit, mk(p), action) }
		}
		fixed := func(p string) func(string) string { return func(string) string { return p } }
		signIn, queue := "/fr/connexion", "/fr/mon-espace/a-publier"
		routes := []route{
			{"workspace", "GET", fixed("/fr/mon-espace"), map[string]want{
				"anonymous": {303, signIn, ""}, "other": {200, "Sainte-Élisabeth", ""}, "editor": {200, "Délégation brouillon-commun", ""},
				"partner": {200, "Délégation soumise-commune", ""}, "coordinator": {200, "Délégation soumise-commune", ""},
				"admin": {200, "Délégation soumise-commune", ""}}},
			{"queue", "GET", fixed(queue), map[string]want{
				"anonymous": {303, signIn, ""}, "other": {403, "Seule la coordination", ""}, "editor": {403, "Seule la coordination", ""},
				"partner": {403, "", ""}, "coordinator": {200, "Délégation soumise-commune", ""}, "admin": {200, "Délégation soumise-commune", ""}}},
			{"history of a draft", "GET", fixed("/fr/missions/brouillon-commun/historique"), map[string]want{
				"anonymous": {404, "", ""}, "other": {404, "", ""}, "editor": {200, "editor@buckingham.test", ""},
				"partner": {200, "Création", ""}, "coordinator": {200, "Création", ""}, "admin": {200, "Création", ""}}},
			{"history of a published record", "GET", fixed("/en/partnerships/jumelage-buckingham-nioro-du-rip/history"), map[string]want{
				"anonymous": {303, "/en/sign-in", ""}, "other": {403, "editors", ""}, "editor": {200, "No change recorded", ""},
				"partner": {200, "No change recorded", ""}, "coordinator": {200, "No change recorded", ""}, "admin": {200, "No change recorded", ""}}},
			{"submit a draft", "POST", button("submit", proximite.Draft), map[string]want{
				"anonymous": {401, "Session", proximite.Draft}, "other": {404, "", proximite.Draft},
				"editor": {303, "fait=submit", proximite.Submitted}, "partner": {303, "", proximite.Submitted},
				"coordinator": {303, "", proximite.Submitted}, "admin": {303, "", proximite.Submitted}}},
			{"publish a submitted record", "POST", button("publish", proximite.Submitted), map[string]want{
				"anonymous": {401, "", proximite.Submitted}, "other": {404, "", proximite.Submitted},
				"editor": {403, "Seule la coordination publie", proximite.Submitted}, "partner": {403, "", proximite.Submitted},
				"coordinator": {303, "fait=publish", proximite.Published}, "admin": {303, "", proximite.Published}}},
			{"unpublish", "POST", button("unpublish", proximite.Published), map[string]want{
				"anonymous": {401, "", proximite.Published}, "other": {403, "Aucune de vos organisations", proximite.Published},
				"editor": {403, "", proximite.Published}, "partner": {403, "", proximite.Published},
				"coordinator": {303, "", proximite.Draft}, "admin": {303, "", proximite.Draft}}},
			{"return to draft", "POST", button("draft", proximite.Submitted), map[string]want{
				"anonymous": {401, "", proximite.Submitted}, "other": {404, "", proximite.Submitted},
				"editor": {303, "", proximite.Draft}, "partner": {303, "", proximite.Draft},
				"coordinator": {303, "", proximite.Draft}, "admin": {303, "", proximite.Draft}}},
			{"submit twice", "POST", button("submit", proximite.Submitted), map[string]want{
				"anonymous": {401, "", proximite.Submitted}, "other": {404, "", proximite.Submitted},
				"editor": {409, "soumise", proximite.Submitted}, "partner": {409, "", proximite.Submitted},
				"coordinator": {409, "", proximite.Submitted}, "admin": {409, "", proximite.Submitted}}},
			{"confirm as the partner", "POST", button("confirm", proximite.Published), map[string]want{
				"anonymous": {401, "", proximite.Published}, "other": {403, "partenaire", proximite.Published},
				"editor": {403, "pas ses auteurs", proximite.Published}, "partner": {303, "fait=confirm", proximite.Published},
				"coordinator": {403, "", proximite.Published}, "admin": {403, "", proximite.Published}}},
		}
		for _, rt := range routes {
			for _, p := range personas {
				w := rt.want[p]
				target := rt.path(p)
				t.Run(rt.name+"/"+p, func(t *testing.T) {
					var form url.Values
					if rt.method == "POST" {
						form = url.Values{}
					}
					r := s.do(p, rt.method, target, form)
					if r.Status != w.status {
						t.Fatalf("%s %s as %s: status %d, want %d\n%s", rt.method, target, p, r.Status, w.status, r.Body)
					}
					got := r.Body
					if r.Status == http.StatusSeeOther {
						got = r.Header.Get("Location")
					}
					if w.has != "" && !strings.Contains(got, w.has) {
						t.Errorf("%s %s as %s: answer lacks %q:\n%.2000s", rt.method, target, p, w.has, got)
					}
					if w.state != "" {
						slug := strings.Split(strings.TrimPrefix(target, "/fr/mon-espace/visit/"), "/")[0]
						if st := s.state(slug); st != w.state {
							t.Errorf("%s as %s: state %s, want %s", target, p, st, w.state)
						}
					}
				})
			}
		}
		// The editor of another organisation does not see Buckingham's
		// draft in their workspace.
		if r := s.do("other", "GET", "/fr/mon-espace", nil); strings.Contains(r.Body, "brouillon-commun") {
			t.Errorf("another organisation's editor sees Buckingham's draft")
		}
	})
}

// TestConfirmSetsTheBadge follows a confirmation to the public page and
// the history: the badge, the date, and the change with its author.
func TestConfirmSetsTheBadge(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		s := newWSSite(t, db)
		s.visit("mission-confirmee", proximite.Published)
		if r := s.do("partner", "POST", actionPath("fr", proximite.TypeVisit, "mission-confirmee", "confirm"), url.Values{}); r.Status != 303 {
			t.Fatalf("confirm: %d\n%s", r.Status, r.Body)
		}
		v, err := db.FindVisit(t.Context(), "mission-confirmee")
		if err != nil {
			t.Fatal(err)
		}
		if !v.ConfirmedByPartner || v.LastConfirmed == nil {
			t.Fatalf("stored: confirmed %v, last %v", v.ConfirmedByPartner, v.LastConfirmed)
		}
		mustContain(t, "public page", s.do("anonymous", "GET", "/fr/missions/mission-confirmee", nil), "badge-confirmed")
		mustContain(t, "history", s.do("coordinator", "GET", "/fr/missions/mission-confirmee/historique", nil),
			"editor@nioro.test", "Confirmée par le partenaire", "Dernière confirmation", "publiée", "Changement d&#39;état", "Modification")
	})
}
