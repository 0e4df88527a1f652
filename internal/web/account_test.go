package web

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// sessionFrom returns the session cookie a response sets last, or nil.
func sessionFrom(r response) *http.Cookie {
	var last *http.Cookie
	for _, c := range (&http.Response{Header: r.Header}).Cookies() {
		if c.Name == sessionCookie {
			last = c
		}
	}
	return last
}

func TestSignIn(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		s := newWSSite(t, db)
		mustContain(t, "sign-in page", s.do("anonymous", "GET", "/fr/connexion", nil), "Mot de passe oublié ?", `autocomplete="current-password"`)
		mustContain(t, "English sign-in page", s.do("anonymous", "GET", "/en/sign-in", nil), "Forgot your password?")

		// The right password opens a session: a cookie that script cannot
		// read, sent on same-site requests, and a way back to where the
		// person was going.
		r := s.do("anonymous", "POST", "/fr/connexion", url.Values{"email": {"Editor@Buckingham.test"}, "password": {testPassword},
			"next": {"/fr/missions"}})
		c := sessionFrom(r)
		if r.Status != http.StatusSeeOther || r.Header.Get("Location") != "/fr/missions" || c == nil {
			t.Fatalf("sign-in: %d to %q, cookie %v", r.Status, r.Header.Get("Location"), c)
		}
		if !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Secure || c.Path != "/" {
			t.Errorf("cookie %+v: want HttpOnly, SameSite=Lax, not Secure over plain HTTP", c)
		}
		if sess, err := db.FindSession(context.Background(), c.Value); err != nil || sess.User.Email != "editor@buckingham.test" {
			t.Fatalf("stored session: %v, %v", sess, err)
		}
		// A way back to another site is not followed.
		r = s.do("anonymous", "POST", "/fr/connexion", url.Values{"email": {"editor@buckingham.test"}, "password": {testPassword},
			"next": {"//evil.example/x"}})
		if loc := r.Header.Get("Location"); loc != "/fr/mon-espace" {
			t.Errorf("next=//evil.example: redirected to %q", loc)
		}

		// An unknown address and a wrong password read the same.
		unknown := s.do("anonymous", "POST", "/fr/connexion", url.Values{"email": {"personne@nulle.part"}, "password": {"nimporte quoi"}})
		wrong := s.do("anonymous", "POST", "/fr/connexion", url.Values{"email": {"coord@rosi.test"}, "password": {"pas le bon mot"}})
		for _, r := range []response{unknown, wrong} {
			if r.Status != http.StatusUnauthorized || sessionFrom(r) != nil {
				t.Fatalf("failed sign-in: %d, cookie %v", r.Status, sessionFrom(r))
			}
			mustContain(t, "failed sign-in", r, "Adresse ou mot de passe incorrect.")
		}
		if strip(unknown.Body, "personne@nulle.part") != strip(wrong.Body, "coord@rosi.test") {
			t.Errorf("the pages of an unknown address and a wrong password differ")
		}
	})
}

// strip removes the address a form echoes, to compare two pages.
func strip(body, email string) string { return strings.ReplaceAll(body, email, "") }

// TestSignInThrottle checks that the limit holds for a known and an
// unknown address alike, even with the right password once reached, and
// across two instances of the site on one database.
func TestSignInThrottle(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		s := newWSSite(t, db)
		other, err := New(db, s.h.log)
		if err != nil {
			t.Fatal(err)
		}
		other.WithWorkspace(*s.h.ws)
		for _, email := range []string{"editor@nioro.test", "inconnu@nulle.part"} {
			for i := 0; i < maxPerAddress; i++ {
				r := s.do("anonymous", "POST", "/fr/connexion", url.Values{"email": {email}, "password": {"mauvais mot de passe"}})
				if r.Status != http.StatusUnauthorized {
					t.Fatalf("%s attempt %d: %d", email, i, r.Status)
				}
			}
			// The second instance sees the count of the first.
			prev := s.all
			s.all = other
			r := s.do("anonymous", "POST", "/fr/connexion", url.Values{"email": {email}, "password": {testPassword}})
			s.all = prev
			if r.Status != http.StatusTooManyRequests || sessionFrom(r) != nil {
				t.Fatalf("%s over the limit: %d, cookie %v", email, r.Status, sessionFrom(r))
			}
			mustContain(t, email+" over the limit", r, "Trop de tentatives")
		}
		// Another address from the same client is still welcome.
		r := s.do("anonymous", "POST", "/fr/connexion", url.Values{"email": {"editor@buckingham.test"}, "password": {testPassword}})
		if r.Status != http.StatusSeeOther {
			t.Fatalf("another address: %d", r.Status)
		}
	})
}

func TestSignOut(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		s := newWSSite(t, db)
		ctx := context.Background()
		second, err := db.CreateSession(ctx, s.users["editor"].ID, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		r := s.do("editor", "POST", "/fr/deconnexion", url.Values{})
		if c := sessionFrom(r); r.Status != http.StatusSeeOther || c == nil || c.MaxAge >= 0 {
			t.Fatalf("sign out: %d, cookie %v", r.Status, c)
		}
		if _, err := db.FindSession(ctx, s.cookie["editor"]); err == nil {
			t.Errorf("the session lives on after signing out")
		}
		if _, err := db.FindSession(ctx, second); err != nil {
			t.Errorf("signing out here ended the other browser's session: %v", err)
		}
		s.cookie["editor"] = second
		if r := s.do("editor", "POST", "/en/sign-out", url.Values{"everywhere": {"1"}}); r.Status != http.StatusSeeOther {
			t.Fatalf("sign out everywhere: %d", r.Status)
		}
		if _, err := db.FindSession(ctx, second); err == nil {
			t.Errorf("signing out everywhere left a session")
		}
		mustContain(t, "after signing out", s.do("anonymous", "GET", "/fr/connexion?sortie=1", nil), "Vous êtes déconnecté.")
	})
}

// TestBadInput: a forged cross-site post, a replayed reset link, a
// stolen-looking (random) and an expired session cookie are each refused
// with a clear message, and nothing is stored.
func TestBadInput(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		s := newWSSite(t, db)
		ctx := context.Background()
		s.visit("mission-a-soumettre", proximite.Draft)
		submit := actionPath("fr", proximite.TypeVisit, "mission-a-soumettre", "submit")

		t.Run("forged cross-site post", func(t *testing.T) {
			r := s.do("editor", "POST", submit, url.Values{}, "Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example")
			if r.Status != http.StatusForbidden {
				t.Fatalf("status %d", r.Status)
			}
			mustContain(t, "forged post", r, "Envoi refusé", "rien n&#39;a été enregistré")
			r = s.do("anonymous", "POST", "/fr/connexion", url.Values{"email": {"editor@buckingham.test"}, "password": {testPassword}},
				"Origin", "https://evil.example")
			if r.Status != http.StatusForbidden || sessionFrom(r) != nil {
				t.Fatalf("forged sign-in: %d, cookie %v", r.Status, sessionFrom(r))
			}
			if st := s.state("mission-a-soumettre"); st != proximite.Draft {
				t.Errorf("state %s after a forged post", st)
			}
			// The same post from the site itself passes.
			if r := s.do("editor", "POST", submit, url.Values{}, "Sec-Fetch-Site", "same-origin"); r.Status != http.StatusSeeOther {
				t.Fatalf("same-origin post: %d", r.Status)
			}
		})

		t.Run("stolen-looking or expired cookie", func(t *testing.T) {
			s.visit("mission-b", proximite.Draft)
			expired, err := db.CreateSession(ctx, s.users["editor"].ID, -time.Minute)
			if err != nil {
				t.Fatal(err)
			}
			for name, value := range map[string]string{"random": "Zm9yZ2VkLXNlc3Npb24tdG9rZW4tdGhhdC1pcy1ub3QtcmVhbA", "expired": expired} {
				s.cookie["intruder"] = value
				r := s.do("intruder", "POST", actionPath("fr", proximite.TypeVisit, "mission-b", "submit"), url.Values{})
				if r.Status != http.StatusUnauthorized {
					t.Fatalf("%s cookie: post answered %d", name, r.Status)
				}
				mustContain(t, name+" cookie", r, "Session terminée", "rien n&#39;a été enregistré")
				if c := sessionFrom(r); c == nil || c.MaxAge >= 0 {
					t.Errorf("%s cookie not cleared: %v", name, c)
				}
				r = s.do("intruder", "GET", "/fr/mon-espace", nil)
				if loc := r.Header.Get("Location"); r.Status != http.StatusSeeOther || !strings.Contains(loc, "fin=1") {
					t.Errorf("%s cookie: workspace answered %d to %q", name, r.Status, loc)
				}
			}
			if st := s.state("mission-b"); st != proximite.Draft {
				t.Errorf("state %s after posts without a session", st)
			}
			mustContain(t, "sign-in after an ended session", s.do("anonymous", "GET", "/fr/connexion?fin=1", nil), "Votre session a pris fin")
		})

		t.Run("replayed reset link", func(t *testing.T) {
			r := s.do("anonymous", "POST", "/fr/mot-de-passe-oublie", url.Values{"email": {"editor@nioro.test"}})
			mustContain(t, "reset asked", r, "Si un compte existe pour editor@nioro.test")
			msgs := s.mail()
			if len(msgs) != 1 {
				t.Fatalf("%d messages, want 1", len(msgs))
			}
			link := regexp.MustCompile(`http://registre\.test/compte/nouveau-mot-de-passe\?jeton=[A-Za-z0-9_=\-]+`).FindString(unfold(msgs[0]))
			if link == "" {
				t.Fatalf("no reset link in:\n%s", msgs[0])
			}
			token := strings.SplitN(link, "jeton=", 2)[1]
			page := s.do("anonymous", "GET", strings.TrimPrefix(link, "http://registre.test"), nil)
			mustContain(t, "reset page", page, "Choisir un nouveau mot de passe", `name="token" value="`+token+`"`)
			first := url.Values{"token": {token}, "password": {"premier nouveau mot"}, "confirm": {"premier nouveau mot"}}
			if r := s.do("anonymous", "POST", "/compte/nouveau-mot-de-passe", first); r.Status != http.StatusSeeOther || sessionFrom(r) == nil {
				t.Fatalf("reset: %d\n%s", r.Status, r.Body)
			}
			second := url.Values{"token": {token}, "password": {"second nouveau mot"}, "confirm": {"second nouveau mot"}}
			r = s.do("anonymous", "POST", "/compte/nouveau-mot-de-passe", second)
			if r.Status != http.StatusBadRequest || sessionFrom(r) != nil {
				t.Fatalf("replay: %d, cookie %v", r.Status, sessionFrom(r))
			}
			mustContain(t, "replayed link", r, "Ce lien a déjà servi")
			if _, err := db.Authenticate(ctx, "editor@nioro.test", "second nouveau mot"); err == nil {
				t.Errorf("the replayed link changed the password")
			}
			if _, err := db.Authenticate(ctx, "editor@nioro.test", "premier nouveau mot"); err != nil {
				t.Errorf("the first reset did not hold: %v", err)
			}
		})
	})
}

// unfold undoes the quoted-printable soft line breaks of a message.
func unfold(msg string) string {
	return strings.NewReplacer("=\r\n", "", "=3D", "=").Replace(msg)
}

// TestForgotPasswordSaysNothing: the answer is the same for an address
// with an account and one without, and only the first gets mail.
func TestForgotPasswordSaysNothing(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		s := newWSSite(t, db)
		known := s.do("anonymous", "POST", "/en/forgot-password", url.Values{"email": {"coord@rosi.test"}})
		unknown := s.do("anonymous", "POST", "/en/forgot-password", url.Values{"email": {"nobody@nowhere.test"}})
		if known.Status != 200 || unknown.Status != 200 || strip(known.Body, "coord@rosi.test") != strip(unknown.Body, "nobody@nowhere.test") {
			t.Fatalf("answers differ: %d, %d", known.Status, unknown.Status)
		}
		msgs := s.mail()
		if len(msgs) != 1 || !strings.Contains(msgs[0], "To: coord@rosi.test") {
			t.Fatalf("messages: %d, want one to coord@rosi.test", len(msgs))
		}
		// More than a few requests an hour send nothing more, and say the same.
		// Each request's mail is sent after the answer; waiting for it
		// before the next keeps the requests in turn (requests at the same
		// moment may send fewer, never more).
		for i := 0; i < maxResetsPerHour+1; i++ {
			s.do("anonymous", "POST", "/en/forgot-password", url.Values{"email": {"coord@rosi.test"}})
			s.h.background.Wait()
		}
		if n := len(s.mail()); n != maxResetsPerHour {
			t.Errorf("%d messages after many requests, want %d", n, maxResetsPerHour)
		}
	})
}

func TestInvitation(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		s := newWSSite(t, db)
		ctx := context.Background()
		u := &proximite.User{Email: "nouvelle@granby.test", Name: "Nouvelle", Role: proximite.RoleEditor, Orgs: []string{"buckingham"}}
		if err := db.CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
		token, err := db.CreateLink(ctx, u.ID, proximite.LinkInvitation, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		mustContain(t, "invitation", s.do("anonymous", "GET", "/compte/invitation?jeton="+token, nil), "Bienvenue")
		mustContain(t, "English invitation", s.do("anonymous", "GET", "/account/invitation?token="+token, nil), "Welcome")
		if r := s.do("anonymous", "GET", "/compte/invitation", nil); r.Status != http.StatusBadRequest {
			t.Errorf("invitation without a token: %d", r.Status)
		}
		for _, tc := range []struct{ pw, confirm, want string }{
			{"court", "court", "au moins 10 caractères"},
			{"une longue phrase", "une autre phrase", "ne sont pas identiques"},
		} {
			r := s.do("anonymous", "POST", "/compte/invitation", url.Values{"jeton": {token}, "password": {tc.pw}, "confirm": {tc.confirm}})
			if r.Status != http.StatusBadRequest {
				t.Fatalf("%q: %d", tc.pw, r.Status)
			}
			mustContain(t, tc.want, r, tc.want, `aria-invalid="true"`)
		}
		r := s.do("anonymous", "POST", "/compte/invitation", url.Values{"jeton": {token}, "password": {testPassword}, "confirm": {testPassword}})
		if r.Status != http.StatusSeeOther || sessionFrom(r) == nil || !strings.HasPrefix(r.Header.Get("Location"), "/fr/mon-espace") {
			t.Fatalf("accept invitation: %d to %q", r.Status, r.Header.Get("Location"))
		}
		if got, err := db.FindUser(ctx, u.Email); err != nil || !got.HasPassword {
			t.Fatalf("account after the invitation: %+v, %v", got, err)
		}
		s.cookie["new"] = sessionFrom(r).Value
		mustContain(t, "workspace after the invitation", s.do("new", "GET", "/fr/mon-espace?fait=password", nil),
			"Votre mot de passe est enregistré", "Bonjour Nouvelle.")
	})
}

// TestSecurityHeaders: every answer of the site carries them, pages,
// redirects, static files and errors alike.
func TestSecurityHeaders(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		s := newWSSite(t, db)
		for _, p := range []string{"/fr/", "/", "/fr/recherche?q=puits", "/fr/connexion", "/fr/nulle-part", s.h.assets.url("app.js")} {
			r := s.do("anonymous", "GET", p, nil)
			csp := r.Header.Get("Content-Security-Policy")
			if !strings.Contains(csp, "frame-ancestors 'none'") || !strings.Contains(csp, "; script-src 'self';") {
				t.Errorf("%s: CSP %q", p, csp)
			}
			if r.Header.Get("Referrer-Policy") == "" || r.Header.Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("%s: headers %v", p, r.Header)
			}
		}
		// Cookies are Secure when the site's address is https.
		s.h.ws.BaseURL = "https://registre.test"
		r := s.do("anonymous", "POST", "/fr/connexion", url.Values{"email": {"editor@buckingham.test"}, "password": {testPassword}})
		if c := sessionFrom(r); c == nil || !c.Secure {
			t.Errorf("cookie behind https: %v", c)
		}
	})
}
