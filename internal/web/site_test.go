package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/proximite/proximite/internal/demo"
	"github.com/proximite/proximite/internal/sqlstore"
)

// The site under test: the demonstration registry on a SQLite file,
// loaded once for the package, since every test only reads it.
var (
	testDB   *sqlstore.DB
	testSite *Handler
	testLog  bytes.Buffer
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "proximite-web-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := func() int {
		defer os.RemoveAll(dir)
		if err := openTestSite(filepath.Join(dir, "site.db")); err != nil {
			fmt.Fprintln(os.Stderr, "web tests:", err)
			return 1
		}
		defer testDB.Close()
		return m.Run()
	}()
	os.Exit(code)
}

// openTestSite migrates a fresh database, loads the demonstration
// registry as the command's demo does, and builds the handler with a
// fixed "today" so timelines are stable.
func openTestSite(file string) error {
	ctx := context.Background()
	db, err := sqlstore.Open(ctx, "sqlite:"+file)
	if err != nil {
		return err
	}
	if err := db.Migrate(ctx); err != nil {
		return err
	}
	if err := loadDemo(ctx, db); err != nil {
		return err
	}
	if err := addFixtures(ctx, db); err != nil {
		return err
	}
	testDB = db
	testSite, err = New(db, slog.New(slog.NewTextHandler(&testLog, nil)))
	if err != nil {
		return err
	}
	testSite.now = func() time.Time { return time.Date(2025, 11, 26, 12, 0, 0, 0, time.UTC) }
	return nil
}

// loadDemo writes the demonstration registry.
func loadDemo(ctx context.Context, db *sqlstore.DB) error {
	_, err := demo.Load(ctx, db)
	return err
}

// response is what a test reads of an answer.
type response struct {
	Status int
	Header http.Header
	Body   string
}

// get requests a path from the site with headers given as pairs.
func get(t *testing.T, target string, headers ...string) response {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	rec := httptest.NewRecorder()
	testSite.ServeHTTP(rec, req)
	body := rec.Body.Bytes()
	if rec.Header().Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			t.Fatalf("GET %s: bad gzip: %v", target, err)
		}
		if body, err = io.ReadAll(zr); err != nil {
			t.Fatalf("GET %s: bad gzip: %v", target, err)
		}
	}
	return response{Status: rec.Code, Header: rec.Header(), Body: string(body)}
}

// mustContain fails when the body lacks one of the strings.
func mustContain(t *testing.T, what string, r response, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(r.Body, w) {
			t.Errorf("%s: body lacks %q", what, w)
		}
	}
}
