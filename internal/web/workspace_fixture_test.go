package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/api"
	"github.com/proximite/proximite/internal/demo"
	"github.com/proximite/proximite/internal/mail"
	"github.com/proximite/proximite/internal/sqlstore"
)

// wsSite is the site with its members' area on one test database, the
// API beside it as the server mounts it, and accounts for each role.
type wsSite struct {
	t      *testing.T
	db     *sqlstore.DB
	h      *Handler
	all    http.Handler // the site and the API, as serve mounts them
	outbox string
	// cookies of the personas, by name; "anonymous" has none.
	cookie map[string]string
	users  map[string]*proximite.User
}

// The personas of the table tests: a visitor, an editor of an
// organisation that takes no part in the records, an editor of
// Buckingham (the author), an editor of Nioro du Rip (the partner), a
// coordinator and an administrator.
var personas = []string{"anonymous", "other", "editor", "partner", "coordinator", "admin"}

const testPassword = "une phrase assez longue"

// newWSSite loads the demonstration registry into db and builds the
// site with its workspace and signed-in sessions for each persona.
func newWSSite(t *testing.T, db *sqlstore.DB) *wsSite {
	t.Helper()
	ctx := context.Background()
	if _, err := demo.Load(ctx, db); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	h, err := New(db, log)
	if err != nil {
		t.Fatal(err)
	}
	s := &wsSite{t: t, db: db, outbox: t.TempDir(), cookie: map[string]string{}, users: map[string]*proximite.User{}}
	h.WithWorkspace(Workspace{Accounts: db, Audit: db, Mail: &mail.Outbox{Dir: s.outbox, From: "registre@test"},
		BaseURL: "http://registre.test", Throttle: db, Queue: db})
	s.h = h
	mux := http.NewServeMux()
	mux.Handle("/api/", api.New(db, log).WithTokens(db))
	mux.Handle("/", h)
	s.all = mux
	accounts := map[string]*proximite.User{
		"other":       {Email: "other@test.org", Name: "Autre", Role: proximite.RoleEditor, Orgs: []string{"sainte-elisabeth"}},
		"editor":      {Email: "editor@buckingham.test", Name: "Éditrice de Buckingham", Role: proximite.RoleEditor, Orgs: []string{"buckingham"}},
		"partner":     {Email: "editor@nioro.test", Name: "Éditeur de Nioro", Role: proximite.RoleEditor, Orgs: []string{"nioro-du-rip"}},
		"coordinator": {Email: "coord@rosi.test", Name: "Coordination", Role: proximite.RoleCoordinator},
		"admin":       {Email: "admin@rosi.test", Name: "Admin", Role: proximite.RoleAdmin, Lang: "en"},
	}
	for name, u := range accounts {
		s.users[name] = s.account(u)
		tok, err := db.CreateSession(ctx, u.ID, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		s.cookie[name] = tok
	}
	return s
}

// account creates an account with the test password.
func (s *wsSite) account(u *proximite.User) *proximite.User {
	s.t.Helper()
	ctx := context.Background()
	if err := s.db.CreateUser(ctx, u); err != nil {
		s.t.Fatal(err)
	}
	link, err := s.db.CreateLink(ctx, u.ID, proximite.LinkInvitation, time.Hour)
	if err != nil {
		s.t.Fatal(err)
	}
	got, err := s.db.RedeemLink(ctx, link, proximite.LinkInvitation, testPassword)
	if err != nil {
		s.t.Fatal(err)
	}
	return got
}

// as returns a context in which the persona acts, as a signed-in page
// would give the guard.
func (s *wsSite) as(persona string) context.Context {
	return proximite.NewContextWithUser(context.Background(), s.users[persona])
}

// visit writes a visit from Buckingham to Nioro du Rip as the editor of
// Buckingham, in a state (publishing is the coordinator's), so that the
// audit log knows its author.
func (s *wsSite) visit(slug string, state proximite.State) *proximite.Visit {
	s.t.Helper()
	v := &proximite.Visit{Meta: proximite.Meta{Slug: slug, State: proximite.Draft},
		Title:     proximite.T("fr", "Délégation "+slug, "en", "Delegation "+slug),
		Direction: proximite.NorthToSouth, From: "buckingham", To: "nioro-du-rip", Start: "2025-02"}
	g := proximite.NewGuard(s.db)
	if err := g.CreateVisit(s.as("editor"), v); err != nil {
		s.t.Fatal(err)
	}
	if state != proximite.Draft {
		v.State = state
		who := "editor"
		if state == proximite.Published {
			who = "coordinator"
		}
		if err := g.UpdateVisit(s.as(who), v); err != nil {
			s.t.Fatal(err)
		}
	}
	return v
}

// state reads a visit's stored state.
func (s *wsSite) state(slug string) proximite.State {
	s.t.Helper()
	v, err := s.db.FindVisit(context.Background(), slug)
	if err != nil {
		s.t.Fatal(err)
	}
	return v.State
}

// do sends a request as a persona; form, when not nil, is posted.
func (s *wsSite) do(persona, method, target string, form url.Values, headers ...string) response {
	s.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req := httptest.NewRequest(method, target, body)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if c := s.cookie[persona]; c != "" {
		req.AddCookie(&http.Cookie{Name: sessionCookie, Value: c})
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	rec := httptest.NewRecorder()
	s.all.ServeHTTP(rec, req)
	b := rec.Body.Bytes()
	if rec.Header().Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err == nil {
			b, err = io.ReadAll(zr)
		}
		if err != nil {
			s.t.Fatalf("%s %s: bad gzip: %v", method, target, err)
		}
	}
	return response{Status: rec.Code, Header: rec.Header(), Body: string(b)}
}

// mail returns the messages in the outbox, once the site's background
// work is done.
func (s *wsSite) mail() []string {
	s.t.Helper()
	s.h.background.Wait()
	entries, err := os.ReadDir(s.outbox)
	if err != nil {
		s.t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		b, err := os.ReadFile(s.outbox + "/" + e.Name())
		if err != nil {
			s.t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}
