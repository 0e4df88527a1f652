package api_test

import (
	"context"
	"encoding/xml"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/api"
)

// iatiDoc is what the tests read of an IATI export.
type iatiDoc struct {
	Version    string `xml:"version,attr"`
	Activities []struct {
		ID   string `xml:"iati-identifier"`
		Tags []struct {
			Code string `xml:"code,attr"`
			URI  string `xml:"vocabulary-uri,attr"`
		} `xml:"tag"`
	} `xml:"iati-activity"`
}

func TestExportIATI(t *testing.T) {
	srv, db := setup(t)
	more := []any{&proximite.Project{Meta: proximite.Meta{Slug: "ecole-mali", State: proximite.Published},
		Title: proximite.T("fr", "École au Mali"), Countries: []proximite.CountryShare{{Code: "ML"}}}}
	if err := db.SaveMany(context.Background(), more...); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{"", []string{"XX-PROXIMITE-eau-nioro", "XX-PROXIMITE-ecole-mali"}},
		{"?country=SN", []string{"XX-PROXIMITE-eau-nioro"}},
		{"?q=ecole&limit=1", []string{"XX-PROXIMITE-ecole-mali"}},
		{"?partnership=buckingham-nioro", []string{"XX-PROXIMITE-eau-nioro"}},
		{"?country=FR", nil},
	} {
		t.Run(tc.query, func(t *testing.T) {
			resp, err := http.Get(srv.URL + "/api/v1/export/iati.xml" + tc.query)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			if resp.StatusCode != 200 {
				t.Fatalf("status %d", resp.StatusCode)
			}
			if ct := resp.Header.Get("Content-Type"); ct != "application/xml; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
			if cd := resp.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, `attachment; filename="proximite-iati-`) {
				t.Errorf("Content-Disposition %q", cd)
			}
			var doc iatiDoc
			if err := xml.NewDecoder(resp.Body).Decode(&doc); err != nil {
				t.Fatalf("not XML: %v", err)
			}
			var got []string
			for _, a := range doc.Activities {
				got = append(got, a.ID)
			}
			if doc.Version != "2.03" || strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Fatalf("version %q, activities %v, want %v", doc.Version, got, tc.want)
			}
		})
	}

	// The partnership's tag links back to the API of the server that was
	// asked.
	resp, err := http.Get(srv.URL + "/api/v1/export/iati.xml?country=SN")
	if err != nil {
		t.Fatal(err)
	}
	var doc iatiDoc
	err = xml.NewDecoder(resp.Body).Decode(&doc)
	resp.Body.Close()
	if err != nil || len(doc.Activities) != 1 || len(doc.Activities[0].Tags) != 1 ||
		doc.Activities[0].Tags[0].URI != srv.URL+"/api/v1/partnerships" {
		t.Fatalf("tags: %+v %v", doc.Activities, err)
	}
}

func TestExportIATIBadInput(t *testing.T) {
	srv, _ := setup(t)
	for _, q := range []string{"?type=organisation", "?sort=loudest"} {
		code, body := get(t, srv.URL+"/api/v1/export/iati.xml"+q)
		e, _ := body["error"].(map[string]any)
		if code != 400 || e == nil || e["code"] != proximite.EINVALID {
			t.Errorf("%s: %d %v, want a 400 JSON error", q, code, body)
		}
	}
}

// TestExportIATIStreams checks that the export reaches the client while
// it is being written, flushed as it goes, rather than after the last
// project: the response recorder sees flushes, and the first bytes arrive
// before the source has given its last project.
func TestExportIATIStreams(t *testing.T) {
	reg := &slowRegistry{n: 450}
	h := api.New(reg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	rec := &flushRecorder{ResponseRecorder: httptest.NewRecorder(), reg: reg}
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/export/iati.xml", nil))
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	if rec.flushes < 4 {
		t.Errorf("%d flushes for 450 activities, want one every hundred at least", rec.flushes)
	}
	if rec.firstFlushAt == 0 || rec.firstFlushAt >= int64(reg.n) {
		t.Errorf("the first bytes were flushed after %d of %d projects, want before the end", rec.firstFlushAt, reg.n)
	}
	if got := strings.Count(rec.Body.String(), "<iati-activity "); got != reg.n {
		t.Errorf("%d activities in the body, want %d", got, reg.n)
	}
}

// TestExportIATIFailure checks that a failure before any output is an
// error response, and that one after output cuts the response.
func TestExportIATIFailure(t *testing.T) {
	h := api.New(&slowRegistry{n: 1000, failAt: 3}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/export/iati.xml", nil))
	if rec.Code != 500 || !strings.Contains(rec.Header().Get("Content-Type"), "json") {
		t.Errorf("failure before any output: %d %q, want a 500 JSON error", rec.Code, rec.Header().Get("Content-Type"))
	}

	h = api.New(&slowRegistry{n: 1000, failAt: 500}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	defer func() {
		if r := recover(); r != http.ErrAbortHandler {
			t.Errorf("failure after output: recovered %v, want http.ErrAbortHandler to cut the connection", r)
		}
	}()
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/api/v1/export/iati.xml", nil))
}

// slowRegistry streams n generated projects, and can fail after some.
type slowRegistry struct {
	proximite.Registry // the methods the export does not call panic
	n, failAt          int
	done               atomic.Int64 // projects streamed, read from the response's goroutine
}

func (s *slowRegistry) EachProject(ctx context.Context, f proximite.SearchFilter, fn func(*proximite.Project) error) error {
	for i := range s.n {
		if s.failAt > 0 && i == s.failAt {
			return errors.New("the database went away")
		}
		s.done.Store(int64(i))
		p := &proximite.Project{Meta: proximite.Meta{Slug: "p" + strings.Repeat("x", i%7), State: proximite.Published},
			Title: proximite.T("fr", "Projet")}
		if err := fn(p); err != nil {
			return err
		}
	}
	s.done.Store(int64(s.n))
	return nil
}

func (s *slowRegistry) FindOrganisation(context.Context, string) (*proximite.Organisation, error) {
	return nil, proximite.Errorf(proximite.ENOTFOUND, "none")
}

func (s *slowRegistry) FindPartnership(context.Context, string) (*proximite.Partnership, error) {
	return nil, proximite.Errorf(proximite.ENOTFOUND, "none")
}

func (s *slowRegistry) FindProgramme(context.Context, string) (*proximite.Programme, error) {
	return nil, proximite.Errorf(proximite.ENOTFOUND, "none")
}

// flushRecorder counts flushes and notes how far the export was at the
// first one.
type flushRecorder struct {
	*httptest.ResponseRecorder
	reg          *slowRegistry
	flushes      int
	firstFlushAt int64
}

func (f *flushRecorder) Flush() {
	if f.flushes == 0 {
		f.firstFlushAt = f.reg.done.Load()
	}
	f.flushes++
	f.ResponseRecorder.Flush()
}
