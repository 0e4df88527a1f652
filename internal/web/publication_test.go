package web

import (
	"bytes"
	"context"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/pdftext/pdftest"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// upload posts a file as a persona to a publication's file page.
func (s *wsSite) upload(persona, target, name string, data []byte) response {
	s.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(data)
	mw.Close()
	req := httptest.NewRequest(http.MethodPost, target, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return s.send(persona, req)
}

func (s *wsSite) send(persona string, req *http.Request) response {
	if c := s.cookie[persona]; c != "" {
		req.AddCookie(&http.Cookie{Name: sessionCookie, Value: c})
	}
	rec := httptest.NewRecorder()
	s.all.ServeHTTP(rec, req)
	return response{Status: rec.Code, Header: rec.Header(), Body: rec.Body.String()}
}

// countingReader fails the test if more than allowed bytes are read.
type countingReader struct {
	n, allowed int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	if c.n >= 200<<20 {
		return 0, io.EOF
	}
	n := min(int64(len(p)), 200<<20-c.n)
	c.n += n
	return int(n), nil
}

func TestLibraryUpload(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		s := newWSSite(t, db)
		ctx := context.Background()
		// A coordinator describes a document; the form leads to its file.
		r := s.do("coordinator", "POST", "/fr/bibliotheque/nouvelle", url.Values{"title.fr": {"Guide des échanges"},
			"kind": {"guide"}, "language": {"fr"}, "year": {"2020"}, "authors[0]": {"ROSI"}, "organisations[0]": {"buckingham"},
			"projects[0]": {"nioro-du-rip-collecte-ordures"}, "save": {"1"}})
		if r.Status != http.StatusSeeOther || r.Header.Get("Location") != "/fr/bibliotheque/guide-des-echanges/depot" {
			t.Fatalf("create: %d %s\n%s", r.Status, r.Header.Get("Location"), r.Body)
		}
		p, err := db.FindPublication(ctx, "guide-des-echanges")
		if err != nil || p.State != proximite.Draft {
			t.Fatalf("created: %v %+v", err, p)
		}
		page := "/fr/bibliotheque/guide-des-echanges/depot"
		// The coordinators' workspace lists the draft, leading to its file.
		if r := s.do("coordinator", "GET", "/fr/mon-espace", nil); !strings.Contains(r.Body, `href="`+page+`"`) {
			t.Errorf("workspace: %d, the draft publication is not listed", r.Status)
		}
		if r := s.do("editor", "GET", "/fr/mon-espace", nil); strings.Contains(r.Body, page) {
			t.Error("an editor's workspace lists the library's drafts")
		}
		pdf := pdftest.Make([]string{"Le mot rare est quasiquadrature."})
		stored := func() []byte {
			data, err := db.FileData(ctx, p.ID)
			if proximite.ErrorCode(err) == proximite.ENOTFOUND {
				return nil
			} else if err != nil {
				t.Fatal(err)
			}
			return data
		}

		// Editors may not create publications, nor upload.
		if r := s.do("editor", "POST", "/fr/bibliotheque/nouvelle", url.Values{"title.fr": {"X"}, "kind": {"guide"},
			"language": {"fr"}, "save": {"1"}}); r.Status != http.StatusForbidden || !strings.Contains(r.Body, "Seule la coordination") {
			t.Errorf("editor creates: %d", r.Status)
		}
		if r := s.upload("editor", page, "guide.pdf", pdf); r.Status != http.StatusForbidden || !strings.Contains(r.Body, "Seule la coordination") {
			t.Errorf("editor uploads: %d\n%s", r.Status, r.Body)
		}
		if r := s.do("editor", "GET", page, nil); r.Status != http.StatusForbidden {
			t.Errorf("editor sees the file page: %d", r.Status)
		}
		if r := s.upload("anonymous", page, "guide.pdf", pdf); r.Status != http.StatusUnauthorized {
			t.Errorf("visitor uploads: %d", r.Status)
		}
		// Not a PDF, whatever its name; a file that only starts like one.
		r = s.upload("coordinator", page, "guide.pdf", []byte("Ceci est du texte, pas un PDF.\n"))
		if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "n&#39;est pas un PDF") {
			t.Errorf("not a PDF: %d\n%s", r.Status, r.Body)
		}
		if r := s.upload("coordinator", page, "faux.pdf", []byte("%PDF-1.4\ngarbage")); r.Status != http.StatusUnprocessableEntity {
			t.Errorf("a false PDF: %d", r.Status)
		}
		if r := s.upload("coordinator", page, "vide.pdf", nil); r.Status != http.StatusUnprocessableEntity {
			t.Errorf("no file: %d", r.Status)
		}
		// 200 MB announced: refused before the body is read.
		body := &countingReader{}
		req := httptest.NewRequest(http.MethodPost, page, body)
		req.ContentLength = 200 << 20
		req.Header.Set("Content-Type", "multipart/form-data; boundary=x")
		if r := s.send("coordinator", req); r.Status != http.StatusRequestEntityTooLarge || !strings.Contains(r.Body, "50") {
			t.Errorf("200 MB: %d\n%s", r.Status, r.Body)
		}
		if body.n > 0 {
			t.Errorf("200 MB: %d bytes read before refusing", body.n)
		}
		// Without a length (chunked), refused once the limit is passed.
		s.h.WithMaxUpload(int64(len(pdf) - 1))
		if r := s.upload("coordinator", page, "guide.pdf", pdf); r.Status != http.StatusRequestEntityTooLarge {
			t.Errorf("over a small limit: %d", r.Status)
		}
		s.h.WithMaxUpload(0)
		if stored() != nil {
			t.Fatal("a refused upload was stored")
		}

		// The file, then publication; a visitor downloads it.
		if r := s.upload("coordinator", page, "Guide des échanges \"final\".pdf", pdf); r.Status != http.StatusSeeOther {
			t.Fatalf("upload: %d\n%s", r.Status, r.Body)
		}
		if !bytes.Equal(stored(), pdf) {
			t.Fatal("the stored file differs")
		}
		file := "/fr/bibliotheque/guide-des-echanges/fichier"
		if r := s.do("anonymous", "GET", file, nil); r.Status != http.StatusNotFound {
			t.Errorf("a draft's file, to a visitor: %d", r.Status)
		}
		if r := s.do("coordinator", "POST", "/fr/mon-espace/publication/guide-des-echanges/publish", url.Values{"back": {page}}); r.Status != http.StatusSeeOther {
			t.Fatalf("publish: %d %s", r.Status, r.Body)
		}
		r = s.do("anonymous", "GET", file, nil)
		h := r.Header
		if r.Status != 200 || r.Body != string(pdf) || h.Get("Content-Type") != "application/pdf" ||
			h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Content-Length") == "" ||
			h.Get("Content-Disposition") != `attachment; filename="Guide des _changes final.pdf"; filename*=UTF-8''Guide%20des%20%C3%A9changes%20final.pdf` {
			t.Errorf("download: %d %v", r.Status, h)
		}
		if r := s.do("anonymous", "GET", file, nil, "If-None-Match", h.Get("ETag")); r.Status != http.StatusNotModified {
			t.Errorf("revalidation: %d", r.Status)
		}
		// Found by a word inside the file, in the library and the search.
		for _, target := range []string{"/fr/recherche?q=quasiquadrature", "/en/library?q=quasiquadrature", "/fr/bibliotheque?pub_type=guide&language=fr"} {
			if r := s.do("anonymous", "GET", target, nil); r.Status != 200 || !strings.Contains(r.Body, "/bibliotheque/guide-des-echanges") &&
				!strings.Contains(r.Body, "/library/guide-des-echanges") {
				t.Errorf("%s: %d, publication not listed", target, r.Status)
			}
		}
		for _, target := range []string{"/fr/bibliotheque/guide-des-echanges", "/en/library/guide-des-echanges"} {
			if r := s.do("anonymous", "GET", target, nil); r.Status != 200 || !strings.Contains(r.Body, file[3:]) && !strings.Contains(r.Body, "/library/guide-des-echanges/file") {
				t.Errorf("%s: %d, no download link", target, r.Status)
			}
		}
		// The organisation's and the project's pages list it.
		for _, target := range []string{"/fr/acteurs/buckingham", "/fr/projets/nioro-du-rip-collecte-ordures"} {
			if r := s.do("anonymous", "GET", target, nil); !strings.Contains(r.Body, "/fr/bibliotheque/guide-des-echanges") {
				t.Errorf("%s: %d, publication not listed", target, r.Status)
			}
		}
		// The API reads it.
		if r := s.do("anonymous", "GET", "/api/v1/publications/guide-des-echanges", nil); r.Status != 200 || !strings.Contains(r.Body, `"sha256"`) {
			t.Errorf("API: %d %s", r.Status, r.Body)
		}
	})
}

func TestContentDisposition(t *testing.T) {
	for name, want := range map[string]string{
		"rapport.pdf":         `attachment; filename="rapport.pdf"; filename*=UTF-8''rapport.pdf`,
		"a\r\nb;c\"d.pdf":     `attachment; filename="a__b_c_d.pdf"; filename*=UTF-8''a%0D%0Ab%3Bc%22d.pdf`,
		"Ségou 2024 (v2).pdf": `attachment; filename="S_gou 2024 (v2).pdf"; filename*=UTF-8''S%C3%A9gou%202024%20%28v2%29.pdf`,
	} {
		if got := contentDisposition(name); got != want {
			t.Errorf("%q: %s, want %s", name, got, want)
		}
	}
}
