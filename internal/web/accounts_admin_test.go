package web

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// accountPersonas are the personas the accounts pages answer differently.
var accountPersonas = []string{"anonymous", "editor", "coordinator", "admin"}

// TestAccountsRoutes asks every route of the accounts pages as each
// persona, and checks the answer and what was stored: a refused write
// leaves the accounts as they were.
func TestAccountsRoutes(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		s := newWSSite(t, db)
		ctx := context.Background()
		// A second administrator, whose account the first may change
		// (nobody changes their own role).
		admin2 := s.account(&proximite.User{Email: "admin2@rosi.test", Name: "Deuxième admin", Role: proximite.RoleAdmin})
		page := func(u *proximite.User) string { return "/fr/mon-espace/comptes/" + strconv.FormatInt(u.ID, 10) }
		type want struct {
			status int
			has    string // in the body, or the Location of a redirect
		}
		signIn, forbidden := want{303, "/fr/connexion"}, want{403, "Seule la coordination"}
		type route struct {
			name, method, path string
			form               func(persona string) url.Values
			want               map[string]want
			// stored checks, after each persona's request, what the
			// store holds; ok says whether the write was allowed.
			stored func(t *testing.T, persona string, ok bool)
		}
		invite := func(p string) url.Values {
			return url.Values{"email": {"nouveau-" + p + "@test.org"}, "name": {"Nouveau " + p}, "lang": {"fr"},
				"role": {"editor"}, "orgs": {"Nioro du Rip, buckingham"}}
		}
		routes := []route{
			{name: "list", method: "GET", path: "/fr/mon-espace/comptes", want: map[string]want{
				"anonymous": signIn, "editor": forbidden,
				"coordinator": {200, "editor@buckingham.test"}, "admin": {200, "Inviter une personne"}}},
			{name: "list in English", method: "GET", path: "/en/my-workspace/accounts", want: map[string]want{
				"anonymous": {303, "/en/sign-in"}, "editor": {403, "Only coordinators"},
				"coordinator": {200, "Invite someone"}, "admin": {200, "Éditrice de Buckingham"}}},
			{name: "an editor's account", method: "GET", path: page(s.users["partner"]), want: map[string]want{
				"anonymous": signIn, "editor": forbidden,
				"coordinator": {200, "Compte de Éditeur de Nioro"}, "admin": {200, "nioro-du-rip"}}},
			{name: "an administrator's account", method: "GET", path: page(admin2), want: map[string]want{
				"anonymous": signIn, "editor": forbidden,
				"coordinator": {403, "Seul un administrateur"}, "admin": {200, "admin2@rosi.test"}}},
			{name: "no such account", method: "GET", path: "/fr/mon-espace/comptes/999999", want: map[string]want{
				"anonymous": signIn, "editor": forbidden, "coordinator": {404, ""}, "admin": {404, ""}}},
			{name: "invite", method: "POST", path: "/fr/mon-espace/comptes", form: invite, want: map[string]want{
				"anonymous": {401, "Session"}, "editor": forbidden,
				"coordinator": {303, "fait=invited"}, "admin": {303, "fait=invited"}},
				stored: func(t *testing.T, p string, ok bool) {
					u, err := db.FindUser(ctx, "nouveau-"+p+"@test.org")
					if !ok {
						if err == nil {
							t.Errorf("%s: a refused invitation stored %+v", p, u)
						}
						return
					}
					if err != nil || u.Role != proximite.RoleEditor || !slices.Equal(u.Orgs, []string{"buckingham", "nioro-du-rip"}) || u.HasPassword {
						t.Errorf("%s: invited %+v %v", p, u, err)
					}
				}},
			{name: "change an editor's organisations", method: "POST", path: page(s.users["partner"]),
				form: func(string) url.Values { return url.Values{"role": {"editor"}, "orgs": {"nioro-du-rip, sanankoroba"}} },
				want: map[string]want{"anonymous": {401, ""}, "editor": forbidden,
					"coordinator": {303, "fait=changed"}, "admin": {303, "fait=changed"}},
				stored: func(t *testing.T, p string, ok bool) {
					u, _ := db.FindUserByID(ctx, s.users["partner"].ID)
					if want := []string{"nioro-du-rip", "sanankoroba"}; ok != slices.Equal(u.Orgs, want) {
						t.Errorf("%s: orgs %v after an answer that said %v", p, u.Orgs, ok)
					}
					if err := db.UpdateUser(ctx, s.users["partner"]); err != nil { // back as it was
						t.Fatal(err)
					}
				}},
			{name: "demote an administrator", method: "POST", path: page(admin2),
				form: func(string) url.Values { return url.Values{"role": {"coordinator"}} },
				want: map[string]want{"anonymous": {401, ""}, "editor": forbidden,
					"coordinator": {403, "Seul un administrateur"}, "admin": {303, "fait=changed"}},
				stored: func(t *testing.T, p string, ok bool) {
					u, _ := db.FindUserByID(ctx, admin2.ID)
					if (u.Role == proximite.RoleCoordinator) != ok {
						t.Errorf("%s: role %s after an answer that said %v", p, u.Role, ok)
					}
				}},
		}
		for _, rt := range routes {
			for _, p := range accountPersonas {
				t.Run(rt.name+"/"+p, func(t *testing.T) {
					var form url.Values
					if rt.form != nil {
						form = rt.form(p)
					}
					r := s.do(p, rt.method, rt.path, form)
					w := rt.want[p]
					got := r.Body
					if r.Status == http.StatusSeeOther {
						got = r.Header.Get("Location")
					}
					if r.Status != w.status || !strings.Contains(got, w.has) {
						t.Fatalf("%s %s: %d, want %d with %q; got %.300q", rt.method, rt.path, r.Status, w.status, w.has, got)
					}
					if rt.stored != nil {
						rt.stored(t, p, r.Status == http.StatusSeeOther)
					}
				})
			}
		}
	})
}

// TestAccountsInvite invites a person as a coordinator: bad input is
// refused next to its field with nothing stored or sent, and a good one
// lands in the outbox with a link that works.
func TestAccountsInvite(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		s := newWSSite(t, db)
		ctx := context.Background()
		good := url.Values{"email": {"Awa.Ndiaye@Nioro.test"}, "name": {"Awa Ndiaye"}, "lang": {"en"}, "role": {"editor"}, "orgs": {"nioro-du-rip"}}
		with := func(k, v string) url.Values {
			f := url.Values{}
			for key, vs := range good {
				f[key] = vs
			}
			f.Set(k, v)
			return f
		}
		before, err := db.ListUsers(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			name   string
			form   url.Values
			status int
			field  string // the input whose message the page shows
			has    string
		}{
			{"malformed email", with("email", "awa.nioro.test"), 400, "email", "nom@exemple.org"},
			{"taken email", with("email", "EDITOR@buckingham.test"), 409, "email", "existe déjà"},
			{"no name", with("name", "  "), 400, "name", "nom de la personne"},
			{"unknown organisation", with("orgs", "nioro-du-rip, Atlantis"), 400, "orgs", "« Atlantis »"},
			{"editor without organisation", with("orgs", ""), 400, "orgs", "au moins une organisation"},
			{"coordinator making an admin", with("role", "admin"), 403, "role", "Seul un administrateur"},
			{"unknown role", with("role", "owner"), 400, "role", "rôle de la liste"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				r := s.do("coordinator", "POST", "/fr/mon-espace/comptes", tc.form)
				if r.Status != tc.status {
					t.Fatalf("status %d, want %d: %.400q", r.Status, tc.status, r.Body)
				}
				next := regexp.MustCompile(`(?s)<p class="field-error" id="` + tc.field + `-error">([^<]*)</p>`).FindStringSubmatch(r.Body)
				if next == nil || !strings.Contains(next[1], tc.has) {
					t.Fatalf("no message %q next to %s: %v", tc.has, tc.field, next)
				}
				if !strings.Contains(r.Body, `id="`+tc.field+`" name="`+tc.field+`"`) || !strings.Contains(r.Body, `aria-invalid="true"`) {
					t.Error("the field is not marked invalid")
				}
				if !strings.Contains(r.Body, `value="Awa Ndiaye"`) && tc.field != "name" {
					t.Error("the form lost what was typed")
				}
			})
		}
		after, err := db.ListUsers(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(after) != len(before) {
			t.Fatalf("refused invitations stored accounts: %d then %d", len(before), len(after))
		}
		if m := s.mail(); len(m) != 0 {
			t.Fatalf("refused invitations sent mail: %d", len(m))
		}

		// A cross-site form is refused before it reaches the page.
		if r := s.do("coordinator", "POST", "/fr/mon-espace/comptes", good, "Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"); r.Status != http.StatusForbidden {
			t.Fatalf("cross-site invitation: %d", r.Status)
		}
		if _, err := db.FindUser(ctx, "awa.ndiaye@nioro.test"); proximite.ErrorCode(err) != proximite.ENOTFOUND {
			t.Fatalf("a cross-site invitation was stored: %v", err)
		}

		r := s.do("coordinator", "POST", "/fr/mon-espace/comptes", good)
		if r.Status != http.StatusSeeOther {
			t.Fatalf("invite: %d %.400q", r.Status, r.Body)
		}
		list := s.do("coordinator", "GET", r.Header.Get("Location"), nil)
		mustContain(t, "list after the invitation", list, "Le compte est créé et l&#39;invitation envoyée.", "awa.ndiaye@nioro.test", "En attente",
			"Renvoyer l&#39;invitation")
		msgs := s.mail()
		for i, m := range msgs { // quoted-printable, as sent
			msgs[i] = strings.NewReplacer("=\r\n", "", "=\n", "", "=3D", "=").Replace(m)
		}
		if len(msgs) != 1 || !strings.Contains(msgs[0], "awa.ndiaye@nioro.test") {
			t.Fatalf("outbox: %d messages %q", len(msgs), msgs)
		}
		// The message is the command line's: in the person's language
		// first, with the link to the invitation page.
		if !strings.Contains(msgs[0], "Subject: =?utf-8?q?Your_account_on") {
			t.Errorf("not the invitation in English: %.600s", msgs[0])
		}
		link := regexp.MustCompile(`http://registre\.test(/compte/invitation\?jeton=[A-Za-z0-9_-]+)`).FindStringSubmatch(msgs[0])
		if link == nil {
			t.Fatalf("no invitation link in %s", msgs[0])
		}
		token := strings.TrimPrefix(link[1], "/compte/invitation?jeton=")
		if r := s.do("anonymous", "POST", "/compte/invitation", url.Values{"jeton": {token}, "password": {testPassword}, "confirm": {testPassword}}); r.Status != http.StatusSeeOther {
			t.Fatalf("follow the invitation: %d", r.Status)
		}
		u, err := db.FindUser(ctx, "awa.ndiaye@nioro.test")
		if err != nil || !u.HasPassword || u.Lang != "en" {
			t.Fatalf("after the invitation: %+v %v", u, err)
		}
		mustContain(t, "list once followed", s.do("admin", "GET", "/en/my-workspace/accounts", nil), "Followed")

		// Sending again is for an invitation not yet followed.
		resend := "/fr/mon-espace/comptes/" + strconv.FormatInt(u.ID, 10) + "/invitation"
		if r := s.do("coordinator", "POST", resend, url.Values{}); r.Status != http.StatusConflict {
			t.Fatalf("resend after it was followed: %d", r.Status)
		}
	})
}

// TestAccountsResend sends an invitation again, to the account's own
// address, and the home page leads coordinators, not editors, to the
// accounts.
func TestAccountsResend(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		s := newWSSite(t, db)
		u := &proximite.User{Email: "pending@test.org", Name: "En attente", Role: proximite.RoleCoordinator}
		if err := db.CreateUser(context.Background(), u); err != nil {
			t.Fatal(err)
		}
		resend := "/fr/mon-espace/comptes/" + strconv.FormatInt(u.ID, 10) + "/invitation"
		if r := s.do("editor", "POST", resend, url.Values{}); r.Status != http.StatusForbidden {
			t.Fatalf("an editor resent: %d", r.Status)
		}
		r := s.do("coordinator", "POST", resend, url.Values{})
		if r.Status != http.StatusSeeOther || !strings.Contains(r.Header.Get("Location"), "fait=resent") {
			t.Fatalf("resend: %d %s", r.Status, r.Header.Get("Location"))
		}
		if m := s.mail(); len(m) != 1 || !strings.Contains(m[0], "pending@test.org") || !strings.Contains(m[0], "/compte/invitation?jeton=") {
			t.Fatalf("outbox: %q", m)
		}
		for _, tc := range []struct {
			persona, home, link string
			want                bool
		}{
			{"editor", "/fr/mon-espace", `href="/fr/mon-espace/comptes"`, false},
			{"coordinator", "/fr/mon-espace", `href="/fr/mon-espace/comptes"`, true},
			{"admin", "/en/my-workspace", `href="/en/my-workspace/accounts"`, true},
		} {
			if got := strings.Contains(s.do(tc.persona, "GET", tc.home, nil).Body, tc.link); got != tc.want {
				t.Errorf("%s: link to the accounts %v, want %v", tc.persona, got, tc.want)
			}
		}
	})
}
