package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// TestRemind mails each editor who has chosen a password the published
// records of their organisations not confirmed for a year, and leaves
// out what was confirmed lately, drafts, and accounts never opened.
func TestRemind(t *testing.T) {
	for _, dialect := range sqltest.Dialects {
		t.Run(dialect, func(t *testing.T) {
			ctx := context.Background()
			dsn := sqltest.DSN(t, dialect)
			m, out := testMain(t, dsn)
			m.Config.Outbox, m.Config.BaseURL = filepath.Join(t.TempDir(), "outbox"), "https://proximite.example"
			if err := m.Run(ctx, []string{"demo"}); err != nil {
				t.Fatal(err)
			}
			db := sqltest.OpenDSN(t, dsn)
			for _, u := range []*proximite.User{
				{Email: "buckingham@test.org", Name: "Éditrice", Role: proximite.RoleEditor, Orgs: []string{"buckingham"}},
				{Email: "nioro@test.org", Name: "Editor", Role: proximite.RoleEditor, Orgs: []string{"nioro-du-rip"}, Lang: "en"},
				{Email: "jamais@test.org", Name: "Jamais venu", Role: proximite.RoleEditor, Orgs: []string{"buckingham"}},
			} {
				if err := db.CreateUser(ctx, u); err != nil {
					t.Fatal(err)
				}
				if u.Email == "jamais@test.org" {
					continue // never followed the invitation
				}
				link, err := db.CreateLink(ctx, u.ID, proximite.LinkInvitation, time.Hour)
				if err == nil {
					_, err = db.RedeemLink(ctx, link, proximite.LinkInvitation, "une phrase assez longue")
				}
				if err != nil {
					t.Fatal(err)
				}
			}
			// The twinning was confirmed a month ago; a visit of Buckingham
			// is still a draft.
			p, err := db.FindPartnership(ctx, "jumelage-buckingham-nioro-du-rip")
			if err != nil {
				t.Fatal(err)
			}
			recent := time.Now().AddDate(0, -1, 0)
			p.ConfirmedByPartner, p.LastConfirmed = true, &recent
			sys := proximite.NewContextWithUser(ctx, proximite.System)
			if err := db.UpdatePartnership(sys, p); err != nil {
				t.Fatal(err)
			}
			draft := &proximite.Visit{Meta: proximite.Meta{Slug: "mission-brouillon", State: proximite.Draft},
				Title: proximite.T("fr", "Mission en brouillon"), Direction: proximite.NorthToSouth, From: "buckingham", To: "nioro-du-rip", Start: "2025"}
			if err := db.CreateVisit(sys, draft); err != nil {
				t.Fatal(err)
			}

			out.Reset()
			if err := m.Run(ctx, []string{"remind"}); err != nil {
				t.Fatalf("remind: %v\n%s", err, out)
			}
			if !strings.Contains(out.String(), "2 reminder(s) sent") {
				t.Errorf("output:\n%s", out)
			}
			mails, _ := filepath.Glob(filepath.Join(m.Config.Outbox, "*.eml"))
			if len(mails) != 2 {
				t.Fatalf("outbox holds %d messages, want 2", len(mails))
			}
			got := map[string]string{}
			for _, f := range mails {
				b, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				msg := strings.NewReplacer("=\r\n", "", "=3D", "=").Replace(string(b))
				for _, to := range []string{"buckingham@test.org", "nioro@test.org"} {
					if strings.Contains(msg, "To: "+to) {
						got[to] = msg
					}
				}
			}
			b := got["buckingham@test.org"]
			if !strings.Contains(b, "https://proximite.example/fr/missions/") || !strings.Contains(b, "jamais confirm") {
				t.Errorf("Buckingham's reminder lacks its visits:\n%.3000s", b)
			}
			for _, absent := range []string{"jumelage-buckingham-nioro-du-rip", "mission-brouillon"} {
				if strings.Contains(b, absent) {
					t.Errorf("Buckingham's reminder lists %s", absent)
				}
			}
			if n := got["nioro@test.org"]; !strings.Contains(n, "https://proximite.example/en/") || !strings.Contains(n, "never confirmed") {
				t.Errorf("Nioro's reminder is not in English first:\n%.2000s", n)
			}
		})
	}
}
