package web

import (
	"html/template"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/proximite/proximite"
)

// TestMessagesComplete checks that both languages have the same keys,
// that every label the domain's lists need exists, and that every key
// the Go code asks for by name exists.
func TestMessagesComplete(t *testing.T) {
	cat, err := loadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	for prefix, codes := range enumLabels() {
		for _, c := range codes {
			for _, lang := range proximite.Languages {
				if _, ok := cat[lang][prefix+"."+c]; !ok {
					t.Errorf("%s.json lacks %s.%s", lang, prefix, c)
				}
			}
		}
	}
	files, _ := filepath.Glob("*.go")
	call := regexp.MustCompile(`\.(T|N)\("([a-z0-9_.]+)"`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range call.FindAllStringSubmatch(string(src), -1) {
			keys := []string{m[2]}
			if m[1] == "N" {
				keys = []string{m[2] + ".one", m[2] + ".other"}
			}
			for _, k := range keys {
				if _, ok := cat["fr"][k]; !ok && !strings.HasSuffix(m[2], ".") {
					t.Errorf("%s asks for unknown message %q", f, k)
				}
			}
		}
	}
}

func TestCatalogCheckNamesTheMissingKey(t *testing.T) {
	c := catalog{"fr": {"a": "A", "b": "B"}, "en": {"a": "A"}}
	err := c.check()
	if err == nil || !strings.Contains(err.Error(), `"b" is in fr.json but not in en.json`) {
		t.Errorf("check = %v", err)
	}
}

func TestTemplatesWithUnknownKeysFail(t *testing.T) {
	l := testSite.loc["fr"]
	tmpl := template.Must(template.New("x").Funcs(testSite.funcs(l)).Parse(
		`{{define "main"}}{{t "nav.home"}}{{if true}}{{n "no.such.plural" 2}}{{end}}{{range .}}{{t "no.such.key"}}{{end}}{{end}}`))
	err := checkKeys(tmpl, testSite.loc["fr"].msg)
	if err == nil || !strings.Contains(err.Error(), "no.such.key") || !strings.Contains(err.Error(), "no.such.plural.one") ||
		strings.Contains(err.Error(), "nav.home") {
		t.Errorf("checkKeys = %v", err)
	}
}

func TestFormats(t *testing.T) {
	fr, en := testSite.loc["fr"], testSite.loc["en"]
	tests := []struct{ got, want string }{
		{fr.Date("1993"), "1993"},
		{fr.Date("1993-05"), "mai 1993"},
		{fr.Date("2002-01-01"), "1er janvier 2002"},
		{en.Date("2002-01-01"), "1 January 2002"},
		{en.Date("1993-05-12"), "12 May 1993"},
		{fr.Period("1993", "2000"), "1993 – 2000"},
		{fr.Period("2002", ""), "depuis 2002"},
		{fr.Period("", "2000-06"), "jusqu'en juin 2000"},
		{fr.Period("", "2000-06-30"), "jusqu'au 30 juin 2000"},
		{en.Period("2002", ""), "since 2002"},
		{fr.Number(11500000, 0), "11\u202f500\u202f000"},
		{en.Number(11500000.5, 1), "11,500,000.5"},
		{en.Number(-1234, 0), "-1,234"},
		{fr.Money(proximite.Money{Amount: 11500000, Currency: "CAD"}), "11\u202f500\u202f000\u00a0$\u00a0CA"},
		{en.Money(proximite.Money{Amount: 11500000, Currency: "CAD"}), "CA$11,500,000"},
		{en.Money(proximite.Money{Amount: 1234.5, Currency: "EUR"}), "€1,234.50"},
		{fr.Money(proximite.Money{Amount: 250000, Currency: "XOF"}), "250\u202f000\u00a0F\u00a0CFA"},
		{en.Money(proximite.Money{Amount: 12, Currency: "NOK"}), "NOK\u00a012"},
		{fr.N("search.count", 0), "0 résultat"},
		{en.N("search.count", 0), "0 results"},
		{en.N("search.count", 1), "1 result"},
		{fr.Day(time.Date(2024, 3, 12, 23, 0, 0, 0, time.UTC)), "12 mars 2024"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

// TestFallbackIsVisible checks that text missing in the visitor's
// language shows in another with its lang attribute and a marker.
func TestFallbackIsVisible(t *testing.T) {
	en := testSite.loc["en"]
	onlyFR := proximite.T("fr", "Comité de jumelage")
	if got := string(en.inline(onlyFR)); got != `<span lang="fr">Comité de jumelage</span> <span class="fallback">(in French)</span>` {
		t.Errorf("inline: %s", got)
	}
	if got := string(en.inline(proximite.T("fr", "A", "en", "B"))); got != "B" {
		t.Errorf("inline in the visitor's language: %s", got)
	}
	got := string(en.prose(proximite.T("fr", "Un.\nDeux <b>.")))
	if !strings.Contains(got, `<div class="prose" lang="fr"><p>Un.</p><p>Deux &lt;b&gt;.</p></div>`) ||
		!strings.Contains(got, "only available in French") {
		t.Errorf("prose: %s", got)
	}
	if got := string(testSite.loc["fr"].inline(proximite.T("bm", "Benkadi"))); !strings.Contains(got, `lang="bm"`) || !strings.Contains(got, "en bambara") {
		t.Errorf("inline in Bambara: %s", got)
	}
}
