package web

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

func TestRecordPagesAnswerNotModified(t *testing.T) {
	for _, p := range []string{"/fr/partenariats/jumelage-buckingham-nioro-du-rip", "/en/organisations/gatineau",
		"/en/projects/nioro-du-rip-obstetrique", "/fr/missions/delegation-outaouaise-dakar-2005", "/en/programmes/fcm-partenariats-municipaux"} {
		first := get(t, p)
		etag, modified := first.Header.Get("ETag"), first.Header.Get("Last-Modified")
		if first.Status != 200 || etag == "" || modified == "" {
			t.Fatalf("%s: %d, ETag %q, Last-Modified %q", p, first.Status, etag, modified)
		}
		if r := get(t, p, "If-None-Match", etag); r.Status != http.StatusNotModified || r.Body != "" {
			t.Errorf("%s with If-None-Match: %d, %d bytes", p, r.Status, len(r.Body))
		}
		if r := get(t, p, "If-None-Match", `"something-else"`); r.Status != 200 {
			t.Errorf("%s with another ETag: %d", p, r.Status)
		}
		if r := get(t, p, "If-Modified-Since", modified); r.Status != http.StatusNotModified {
			t.Errorf("%s with If-Modified-Since: %d", p, r.Status)
		}
		if r := get(t, p, "If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT"); r.Status != 200 {
			t.Errorf("%s modified since 2001: %d", p, r.Status)
		}
	}
	fr := get(t, "/fr/acteurs/gatineau").Header.Get("ETag")
	en := get(t, "/en/organisations/gatineau").Header.Get("ETag")
	if fr == en {
		t.Error("the French and English pages share an ETag")
	}
}

func TestStaticAssetsAreHashedAndImmutable(t *testing.T) {
	home := get(t, "/fr/")
	urls := regexp.MustCompile(`/static/[a-z]+\.[0-9a-f]{10}\.(css|js|svg)`).FindAllString(home.Body, -1)
	if len(urls) < 3 {
		t.Fatalf("home links %d hashed assets: %v", len(urls), urls)
	}
	for _, u := range urls {
		r := get(t, u, "Accept-Encoding", "gzip")
		if r.Status != 200 {
			t.Fatalf("%s: %d", u, r.Status)
		}
		if cc := r.Header.Get("Cache-Control"); cc != "public, max-age=31536000, immutable" {
			t.Errorf("%s: Cache-Control %q", u, cc)
		}
		if !strings.Contains(r.Header.Get("Vary"), "Accept-Encoding") || r.Header.Get("ETag") == "" {
			t.Errorf("%s: Vary %q, ETag %q", u, r.Header.Get("Vary"), r.Header.Get("ETag"))
		}
		if nm := get(t, u, "If-None-Match", r.Header.Get("ETag")); nm.Status != http.StatusNotModified {
			t.Errorf("%s revalidated: %d", u, nm.Status)
		}
	}
	css := get(t, urls[0], "Accept-Encoding", "gzip")
	if css.Header.Get("Content-Encoding") != "gzip" || !strings.Contains(css.Body, ":root") {
		t.Errorf("the stylesheet is not served gzipped and intact")
	}
	if r := get(t, "/favicon.ico"); r.Status != http.StatusMovedPermanently || !strings.HasPrefix(r.Header.Get("Location"), "/static/favicon.") {
		t.Errorf("favicon.ico: %d %q", r.Status, r.Header.Get("Location"))
	}
}

func TestCompressionOnlyWhenAccepted(t *testing.T) {
	plain := get(t, "/en/")
	if plain.Header.Get("Content-Encoding") != "" || !strings.Contains(plain.Header.Get("Vary"), "Accept-Encoding") {
		t.Errorf("without Accept-Encoding: encoding %q, Vary %q", plain.Header.Get("Content-Encoding"), plain.Header.Get("Vary"))
	}
	refused := get(t, "/en/", "Accept-Encoding", "gzip;q=0")
	if refused.Header.Get("Content-Encoding") != "" {
		t.Error("gzip;q=0 still gets gzip")
	}
	gz := get(t, "/en/", "Accept-Encoding", "gzip")
	if gz.Header.Get("Content-Encoding") != "gzip" || gz.Body != plain.Body {
		t.Error("gzipped home differs from the plain one")
	}
}

func TestHeadHasHeadersAndNoBody(t *testing.T) {
	req := httptest.NewRequest(http.MethodHead, "/fr/partenariats/jumelage-buckingham-nioro-du-rip", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	rec := httptest.NewRecorder()
	testSite.ServeHTTP(rec, req)
	if rec.Code != 200 || rec.Body.Len() != 0 || rec.Header().Get("ETag") == "" ||
		!strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
		t.Errorf("HEAD: %d, %d bytes, headers %v", rec.Code, rec.Body.Len(), rec.Header())
	}
}
