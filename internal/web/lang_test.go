package web

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/proximite/proximite"
)

func TestRootRedirectsByAcceptLanguage(t *testing.T) {
	tests := []struct {
		header, want string
	}{
		{"fr", "/fr/"},
		{"fr-CA,fr;q=0.9,en;q=0.8", "/fr/"},
		{"en-GB", "/en/"},
		{"en-US,en;q=0.9", "/en/"},
		{"de-DE, en;q=0.5", "/en/"},
		{"en;q=0.4, fr;q=0.8", "/fr/"},
		{"es", "/fr/"},
		{"", "/fr/"},
		{"garbage;;q=x,,", "/fr/"},
	}
	for _, tt := range tests {
		t.Run(tt.header, func(t *testing.T) {
			r := get(t, "/", "Accept-Language", tt.header)
			if r.Status != http.StatusSeeOther || r.Header.Get("Location") != tt.want {
				t.Fatalf("status %d, Location %q; want 303 to %q", r.Status, r.Header.Get("Location"), tt.want)
			}
			if vary := strings.Join(r.Header.Values("Vary"), ", "); !strings.Contains(vary, "Accept-Language") {
				t.Errorf("Vary = %q, want Accept-Language", vary)
			}
		})
	}
}

func TestHomeInEachLanguage(t *testing.T) {
	for _, tt := range []struct{ path, lang, heading, api string }{
		{"/fr/", "fr", "Qui coopère avec qui", "/api/v1/partnerships"},
		{"/en/", "en", "Who cooperates with whom", "/api/v1/partnerships"},
	} {
		r := get(t, tt.path)
		if r.Status != 200 {
			t.Fatalf("%s: %d", tt.path, r.Status)
		}
		mustContain(t, tt.path, r, `<html lang="`+tt.lang+`">`, tt.heading, tt.api, `class="worldmap"`,
			`<link rel="alternate" hreflang="`+otherLang(tt.lang)+`"`)
		if r.Header.Get("Content-Language") != tt.lang {
			t.Errorf("%s: Content-Language %q", tt.path, r.Header.Get("Content-Language"))
		}
	}
}

// TestLanguageSwitchKeepsTheRecord checks that every kind of page offers
// the same page in the other language, in the switch and in the
// alternate links, both ways.
func TestLanguageSwitchKeepsTheRecord(t *testing.T) {
	pairs := [][2]string{
		{"/fr/", "/en/"},
		{"/fr/partenariats/jumelage-sainte-elisabeth-sanankoroba", "/en/partnerships/jumelage-sainte-elisabeth-sanankoroba"},
		{"/fr/acteurs/buckingham", "/en/organisations/buckingham"},
		{"/fr/projets/nioro-du-rip-obstetrique", "/en/projects/nioro-du-rip-obstetrique"},
		{"/fr/missions/delegation-outaouaise-dakar-2005", "/en/visits/delegation-outaouaise-dakar-2005"},
		{"/fr/programmes/fcm-partenariats-municipaux", "/en/programmes/fcm-partenariats-municipaux"},
		{"/fr/partenariats", "/en/partnerships"},
		{"/fr/recherche?country=ML&q=eau", "/en/search?country=ML&q=eau"},
	}
	for _, p := range pairs {
		for i, from := range p {
			to := p[1-i]
			r := get(t, from)
			if r.Status != 200 {
				t.Fatalf("%s: %d", from, r.Status)
			}
			wantLang := langOfPath(to)
			switchLink := regexp.MustCompile(`<a class="lang-switch" href="([^"]+)" hreflang="` + wantLang + `"`).FindStringSubmatch(r.Body)
			if switchLink == nil || strings.ReplaceAll(switchLink[1], "&amp;", "&") != to {
				t.Errorf("%s: switch %v, want %s", from, switchLink, to)
			}
			mustContain(t, from, r, `<link rel="alternate" hreflang="`+wantLang+`" href="http://example.com`+strings.ReplaceAll(to, "&", "&amp;")+`">`,
				`<link rel="alternate" hreflang="`+langOfPath(from)+`" href="http://example.com`+strings.ReplaceAll(from, "&", "&amp;")+`">`)
		}
	}
}

func TestNegotiate(t *testing.T) {
	for header, want := range map[string]string{"": "fr", "en": "en", "EN-gb": "en", "fr;q=0.1, en;q=0.2": "en",
		"en;q=0": "fr", "en;q=1.5, fr;q=0.9": "en", "*": "fr", "pt-BR, en;q=0.3": "en"} {
		if got := negotiate(header); got != want {
			t.Errorf("negotiate(%q) = %q, want %q", header, got, want)
		}
	}
}

// langOfPath returns the interface language a test path starts with.
func langOfPath(p string) string {
	for _, l := range proximite.Languages {
		if p == "/"+l || strings.HasPrefix(p, "/"+l+"/") {
			return l
		}
	}
	return ""
}
