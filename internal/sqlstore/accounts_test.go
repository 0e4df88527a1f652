package sqlstore_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

func TestAccounts(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		fixture(t, db)
		u := &proximite.User{Email: "Marie@Exemple.org", Name: "Marie Diop", Role: proximite.RoleEditor, Orgs: []string{"nioro-du-rip"}}
		if err := db.CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
		for _, tt := range []struct {
			u     proximite.User
			code  string
			field string
		}{
			{proximite.User{Email: "MARIE@exemple.org", Name: "Autre", Role: proximite.RoleAdmin}, proximite.ECONFLICT, "email"},
			{proximite.User{Email: "marie.exemple.org", Name: "Autre", Role: proximite.RoleAdmin}, proximite.EINVALID, "email"},
			{proximite.User{Email: "paul@exemple.org", Name: "Paul", Role: "owner"}, proximite.EINVALID, "role"},
			{proximite.User{Email: "paul@exemple.org", Name: "Paul", Role: proximite.RoleEditor, Orgs: []string{"atlantis"}}, proximite.EINVALID, "orgs"},
		} {
			err := db.CreateUser(ctx, &tt.u)
			if proximite.ErrorCode(err) != tt.code || !strings.Contains(err.Error(), tt.field) {
				t.Errorf("%+v: %v, want %s on %s", tt.u, err, tt.code, tt.field)
			}
		}
		if _, err := db.FindUser(ctx, "paul@exemple.org"); proximite.ErrorCode(err) != proximite.ENOTFOUND {
			t.Fatalf("a refused account was stored: %v", err)
		}
		got, err := db.FindUser(ctx, "marie@exemple.org")
		if err != nil || got.ID != u.ID || len(got.Orgs) != 1 || got.Orgs[0] != "nioro-du-rip" || got.HasPassword || got.Lang != "fr" {
			t.Fatalf("find: %+v %v", got, err)
		}

		// The invitation sets the password once; a replay is refused.
		link, err := db.CreateLink(ctx, u.ID, proximite.LinkInvitation, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.RedeemLink(ctx, link, proximite.LinkInvitation, "court"); proximite.ErrorCode(err) != proximite.EINVALID {
			t.Fatalf("short password: %v", err)
		}
		if _, err := db.RedeemLink(ctx, link, proximite.LinkReset, "un mot de passe solide"); err == nil {
			t.Fatal("an invitation served as a reset")
		}
		if _, err := db.RedeemLink(ctx, link, proximite.LinkInvitation, "un mot de passe solide"); err != nil {
			t.Fatalf("redeem: %v", err)
		}
		if _, err := db.Authenticate(ctx, "MARIE@exemple.org", "un mot de passe solide"); err != nil {
			t.Fatalf("sign in: %v", err)
		}
		for _, pw := range []string{"un autre mot de passe", "", strings.Repeat("x", 5000)} {
			if _, err := db.Authenticate(ctx, "marie@exemple.org", pw); proximite.ErrorCode(err) != proximite.EUNAUTHORIZED {
				t.Fatalf("wrong password %.10q: %v", pw, err)
			}
		}
		if _, err := db.Authenticate(ctx, "nobody@exemple.org", "un mot de passe solide"); proximite.ErrorCode(err) != proximite.EUNAUTHORIZED {
			t.Fatalf("unknown address: %v", err)
		}

		// Sessions: created, found, touched, ended one by one or all at once.
		s1, _ := db.CreateSession(ctx, u.ID, time.Hour)
		s2, _ := db.CreateSession(ctx, u.ID, time.Hour)
		if s, err := db.FindSession(ctx, s1); err != nil || s.User.Email != "marie@exemple.org" {
			t.Fatalf("find session: %+v %v", s, err)
		}
		var stored int
		db.SQL().QueryRow(`SELECT count(*) FROM sessions WHERE token_hash = $1`, s1).Scan(&stored)
		if stored != 0 {
			t.Fatal("a session token is stored in clear")
		}
		if err := db.DeleteSession(ctx, s1); err != nil {
			t.Fatal(err)
		}
		if _, err := db.FindSession(ctx, s1); proximite.ErrorCode(err) != proximite.EUNAUTHORIZED {
			t.Fatalf("deleted session: %v", err)
		}
		if err := db.TouchSession(ctx, s2, 2*time.Hour); err != nil {
			t.Fatal(err)
		}

		// A password reset signs out everywhere, and its link works once.
		reset, _ := db.CreateLink(ctx, u.ID, proximite.LinkReset, time.Hour)
		if _, err := db.RedeemLink(ctx, reset, proximite.LinkReset, "encore un autre secret"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.FindSession(ctx, s2); err == nil {
			t.Fatal("a session outlived the password reset")
		}
		_, err = db.RedeemLink(ctx, reset, proximite.LinkReset, "un troisième secret")
		if proximite.ErrorCode(err) != proximite.EINVALID || !strings.Contains(err.Error(), "already been used") {
			t.Fatalf("replayed reset link: %v", err)
		}
		if _, err := db.Authenticate(ctx, "marie@exemple.org", "un troisième secret"); err == nil {
			t.Fatal("the replayed link changed the password")
		}

		// Links and sessions expire.
		old, _ := db.CreateLink(ctx, u.ID, proximite.LinkReset, time.Hour)
		s3, _ := db.CreateSession(ctx, u.ID, time.Hour)
		s4, _ := db.CreateSession(ctx, u.ID, time.Hour)
		db.Now = func() time.Time { return time.Now().Add(2 * time.Hour) }
		if _, err := db.RedeemLink(ctx, old, proximite.LinkReset, "un mot de passe tardif"); err == nil || !strings.Contains(err.Error(), "expired") {
			t.Fatalf("expired link: %v", err)
		}
		if _, err := db.FindSession(ctx, s3); err == nil {
			t.Fatal("expired session found")
		}
		db.Now = time.Now
		if err := db.DeleteUserSessions(ctx, u.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := db.FindSession(ctx, s4); err == nil {
			t.Fatal("signing out everywhere left a session")
		}

		// Personal access tokens.
		tok, err := db.CreateAccessToken(ctx, u.ID, "script")
		if err != nil || !strings.HasPrefix(tok, sqlstore.AccessTokenPrefix) {
			t.Fatalf("token %q: %v", tok, err)
		}
		if owner, err := db.UserByAccessToken(ctx, tok); err != nil || owner.ID != u.ID {
			t.Fatalf("token owner: %+v %v", owner, err)
		}
		for _, bad := range []string{"", "prx_nope", tok + "x", strings.TrimPrefix(tok, "prx_")} {
			if _, err := db.UserByAccessToken(ctx, bad); proximite.ErrorCode(err) != proximite.EUNAUTHORIZED {
				t.Errorf("token %q: %v", bad, err)
			}
		}

		// Memberships follow the organisation: deleting it removes them.
		u.Orgs = []string{"sanankoroba", "benkadi"}
		if err := db.UpdateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
		if got, _ := db.FindUser(ctx, u.Email); strings.Join(got.Orgs, ",") != "benkadi,sanankoroba" {
			t.Fatalf("memberships: %v", got.Orgs)
		}
	})
}

func TestAudit(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		marie := &proximite.User{Email: "marie@exemple.org", Name: "Marie", Role: proximite.RoleCoordinator}
		if err := db.CreateUser(ctx, marie); err != nil {
			t.Fatal(err)
		}
		as := proximite.NewContextWithUser(ctx, marie)
		o := &proximite.Organisation{Meta: proximite.Meta{Slug: "granby"}, Name: proximite.T("fr", "Granby"), Kind: proximite.Municipality}
		if err := db.CreateOrganisation(ctx, o); err != nil { // the system
			t.Fatal(err)
		}
		o.Population = 70000
		if err := db.UpdateOrganisation(as, o); err != nil {
			t.Fatal(err)
		}
		o.State = proximite.Published
		if err := db.UpdateOrganisation(as, o); err != nil {
			t.Fatal(err)
		}
		// A write that fails leaves no entry.
		o.Kind = "planet"
		if err := db.UpdateOrganisation(as, o); err == nil {
			t.Fatal("invalid kind stored")
		}
		dup := &proximite.Organisation{Meta: proximite.Meta{Slug: "granby"}, Name: proximite.T("fr", "Autre"), Kind: proximite.NGO}
		if err := db.CreateOrganisation(as, dup); proximite.ErrorCode(err) != proximite.ECONFLICT {
			t.Fatalf("duplicate slug: %v", err)
		}
		if err := db.DeleteOrganisation(as, o.ID); err != nil {
			t.Fatal(err)
		}
		h, err := db.History(ctx, proximite.TypeOrganisation, o.ID)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range h {
			got = append(got, e.Actor+" "+e.Action)
		}
		want := "system create, marie@exemple.org update, marie@exemple.org state, marie@exemple.org delete"
		if strings.Join(got, ", ") != want {
			t.Fatalf("history:\n got %s\nwant %s", strings.Join(got, ", "), want)
		}
		if h[0].Before != nil || !strings.Contains(string(h[0].After), `"granby"`) || h[1].UserID != marie.ID {
			t.Fatalf("create entry: %+v", h[0])
		}
		if strings.Contains(string(h[1].Before), "70000") || !strings.Contains(string(h[1].After), `"population":70000`) {
			t.Fatalf("update entry: before %s after %s", h[1].Before, h[1].After)
		}
		if !strings.Contains(string(h[2].After), `"state":"published"`) || h[3].After != nil || !strings.Contains(string(h[3].Before), "70000") {
			t.Fatalf("state and delete entries: %+v %+v", h[2], h[3])
		}
	})
}
