package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/demo"
	"github.com/proximite/proximite/internal/mail"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// formSite is a site with the members' area over its own database,
// loaded with the demonstration registry, since form tests write.
type formSite struct {
	h  *Handler
	db *sqlstore.DB
	// The people the tests act as: an editor of Buckingham, an editor of
	// Sanankoroba, a coordinator. Sessions belong to the workspace; the
	// tests put the user in the request's context, as the session does.
	editor, other, coord *proximite.User
}

func newFormSite(t *testing.T, db *sqlstore.DB) *formSite {
	t.Helper()
	if _, err := demo.Load(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	if err := addFixtures(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	h, err := New(db, slog.New(slog.NewTextHandler(testWriter{t}, nil)))
	if err != nil {
		t.Fatal(err)
	}
	h.WithWorkspace(Workspace{Accounts: db, Audit: db, Mail: &mail.Outbox{Dir: t.TempDir()}})
	s := &formSite{h: h, db: db}
	for _, p := range []struct {
		to   **proximite.User
		user proximite.User
	}{
		{&s.editor, proximite.User{Name: "Éditrice de Buckingham", Email: "b@exemple.org", Role: proximite.RoleEditor, Orgs: []string{"buckingham"}}},
		{&s.other, proximite.User{Name: "Éditeur de Sanankoroba", Email: "s@exemple.org", Role: proximite.RoleEditor, Orgs: []string{"sanankoroba"}}},
		{&s.coord, proximite.User{Name: "Coordination", Email: "c@exemple.org", Role: proximite.RoleCoordinator}},
	} {
		u := p.user
		if err := db.CreateUser(context.Background(), &u); err != nil {
			t.Fatal(err)
		}
		*p.to = &u
	}
	return s
}

// openFormSite is newFormSite on a SQLite file, for the tests that are
// about the forms rather than the storage.
func openFormSite(t *testing.T) *formSite {
	t.Helper()
	return newFormSite(t, sqltest.Open(t, "sqlite"))
}

// do sends a request as u (nil for a visitor), with a form body for POST.
func (s *formSite) do(t *testing.T, u *proximite.User, method, target string, form url.Values) response {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req := httptest.NewRequest(method, target, body)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if u != nil {
		req = req.WithContext(proximite.NewContextWithUser(req.Context(), u))
	}
	rec := httptest.NewRecorder()
	s.h.ServeHTTP(rec, req)
	return response{Status: rec.Code, Header: rec.Header(), Body: rec.Body.String()}
}

// vals builds form values from pairs.
func vals(pairs ...string) url.Values {
	v := url.Values{}
	for i := 0; i+1 < len(pairs); i += 2 {
		v.Add(pairs[i], pairs[i+1])
	}
	return v
}

// wantStatus fails the test when the answer has another status.
func wantStatus(t *testing.T, r response, status int) {
	t.Helper()
	if r.Status != status {
		t.Fatalf("status %d, want %d; body:\n%s", r.Status, status, excerptBody(r.Body))
	}
}

// excerptBody keeps a failing page's main part readable in the log.
func excerptBody(b string) string {
	if i := strings.Index(b, "<main"); i >= 0 {
		b = b[i:]
	}
	if len(b) > 4000 {
		b = b[:4000] + "…"
	}
	return b
}

// errorNear reports whether the page shows msg in the error paragraph
// of the input or group with this id.
func errorNear(body, id, msg string) bool {
	i := strings.Index(body, `id="`+id+`-err"`)
	if i < 0 {
		return false
	}
	end := strings.Index(body[i:], "</p>")
	return end > 0 && strings.Contains(body[i:i+end], msg)
}

func TestFormsVisitorSignsInFirst(t *testing.T) {
	s := openFormSite(t)
	for _, target := range []string{"/fr/missions/nouvelle", "/en/visits/new", "/fr/missions/delegation-buckingham-nioro-du-rip-1/modifier"} {
		r := s.do(t, nil, http.MethodGet, target, nil)
		wantStatus(t, r, http.StatusSeeOther)
		if loc := r.Header.Get("Location"); !strings.HasSuffix(loc, "?next="+url.QueryEscape(target)) ||
			!(strings.HasPrefix(loc, "/fr/connexion") || strings.HasPrefix(loc, "/en/sign-in")) {
			t.Errorf("%s: redirected to %q", target, loc)
		}
	}
	r := s.do(t, nil, http.MethodPost, "/fr/missions/nouvelle", vals("title.fr", "Mission"))
	wantStatus(t, r, http.StatusSeeOther)
}

// testWriter sends the site's log to the test's, so that a 500 says why.
type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Helper()
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}
