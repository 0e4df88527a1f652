package main

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

func TestUserAddAndToken(t *testing.T) {
	ctx := context.Background()
	dsn := sqltest.DSN(t, "sqlite")
	m, out := testMain(t, dsn)
	m.Config.Outbox, m.Config.BaseURL = filepath.Join(t.TempDir(), "outbox"), "https://proximite.example"
	if err := m.Run(ctx, []string{"demo"}); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := m.Run(ctx, []string{"user", "add", "Relations@Buckingham.example", "--name", "Relations internationales",
		"--role", "editor", "--org", "buckingham", "--lang", "fr"}); err != nil {
		t.Fatalf("user add: %v\n%s", err, out)
	}
	if !strings.Contains(out.String(), "https://proximite.example/compte/invitation?jeton=") {
		t.Fatalf("no link printed:\n%s", out)
	}
	mails, _ := filepath.Glob(filepath.Join(m.Config.Outbox, "*.eml"))
	if len(mails) != 1 {
		t.Fatalf("outbox: %v", mails)
	}
	if b, _ := os.ReadFile(mails[0]); !strings.Contains(string(b), "relations@buckingham.example") {
		t.Fatalf("invitation not addressed: %.400s", b)
	}

	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"user", "add", "x@exemple.org", "--name", "X", "--role", "owner"}, "role"},
		{[]string{"user", "add", "x@exemple.org", "--name", "X", "--role", "editor", "--org", "atlantis"}, "atlantis"},
		{[]string{"user", "add", "relations@buckingham.example", "--name", "X", "--role", "admin"}, "already exists"},
		{[]string{"user", "add", "pas-une-adresse", "--name", "X", "--role", "admin"}, "not an e-mail address"},
		{[]string{"user", "add", "--name", "X", "--role", "admin"}, "usage"},
		{[]string{"token", "create", "nobody@exemple.org"}, "no account"},
	} {
		err := m.Run(ctx, tt.args)
		if err == nil || !strings.Contains(proximite.ErrorMessage(err), tt.want) || proximite.ErrorCode(err) == proximite.EINTERNAL {
			t.Errorf("%v: %v, want a clear error about %q", tt.args, err, tt.want)
		}
	}

	out.Reset()
	if err := m.Run(ctx, []string{"token", "create", "relations@buckingham.example", "--name", "script"}); err != nil {
		t.Fatal(err)
	}
	var token string
	for _, line := range strings.Split(out.String(), "\n") {
		if strings.HasPrefix(line, "prx_") {
			token = line
		}
	}
	if token == "" {
		t.Fatalf("no token printed:\n%s", out)
	}

	// The served API accepts the token, within the editor's rights.
	s := serve(t, dsn)
	req, _ := http.NewRequest("POST", s.URL()+"/api/v1/visits", strings.NewReader(`{"slug":"mission-2025","state":"draft",
		"title":{"fr":"Mission 2025","en":"2025 mission"},"direction":"north_south","from":"buckingham","to":"nioro-du-rip","start":"2025"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 201 {
		t.Fatalf("create visit with the token: %d", resp.StatusCode)
	}
	h, err := s.DB.History(ctx, proximite.TypeVisit, mustID(t, s, "mission-2025"))
	if err != nil || len(h) != 1 || h[0].Actor != "relations@buckingham.example" {
		t.Fatalf("history: %v %v", h, err)
	}
}

func mustID(t *testing.T, s *Server, slug string) int64 {
	t.Helper()
	id, err := s.DB.RecordID(context.Background(), proximite.TypeVisit, slug)
	if err != nil {
		t.Fatal(err)
	}
	return id
}
