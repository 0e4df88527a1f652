package iati

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"testing"
	"time"

	"github.com/proximite/proximite"
)

func TestExportEscape(t *testing.T) {
	for _, tc := range []struct {
		in, text, attr string
	}{
		{"plain", "plain", "plain"},
		{`a & b < c > d "e"`, `a &amp; b &lt; c &gt; d "e"`, `a &amp; b &lt; c &gt; d &quot;e&quot;`},
		{"l1\nl2\tx\r", "l1\nl2\tx&#xD;", "l1&#xA;l2&#x9;x&#xD;"},
		{"ctl\x00\x01\x1f", "ctl\uFFFD\uFFFD\uFFFD", "ctl\uFFFD\uFFFD\uFFFD"},
		{"bad utf8 \xff\xfe", "bad utf8 \uFFFD\uFFFD", "bad utf8 \uFFFD\uFFFD"},
		{"Sénégal – ߒ 🌍 \uFFFE", "Sénégal – ߒ 🌍 \uFFFD", "Sénégal – ߒ 🌍 \uFFFD"},
		{"]]>", "]]&gt;", "]]&gt;"},
	} {
		for _, attr := range []bool{false, true} {
			var buf bytes.Buffer
			w := bufio.NewWriter(&buf)
			escape(w, tc.in, attr)
			w.Flush()
			want := tc.text
			if attr {
				want = tc.attr
			}
			if buf.String() != want {
				t.Errorf("escape(%q, attr=%v) = %q, want %q", tc.in, attr, buf.String(), want)
			}
			// Whatever the input, the output reads back as XML.
			doc := `<a>` + buf.String() + `</a>`
			if attr {
				doc = `<a x="` + buf.String() + `"/>`
			}
			if err := xml.Unmarshal([]byte(doc), new(struct{})); err != nil {
				t.Errorf("escape(%q, attr=%v) does not read back: %v", tc.in, attr, err)
			}
		}
	}
}

func TestExportDates(t *testing.T) {
	for _, tc := range []struct {
		d          proximite.Date
		start, end string
	}{
		{"1993", "1993-01-01", "1993-12-31"},
		{"1993-05", "1993-05-01", "1993-05-31"},
		{"1996-02", "1996-02-01", "1996-02-29"},
		{"1900-02", "1900-02-01", "1900-02-28"},
		{"2000-02", "2000-02-01", "2000-02-29"},
		{"1993-04", "1993-04-01", "1993-04-30"},
		{"1993-05-12", "1993-05-12", "1993-05-12"},
		{"", "", ""},
		{"1993-13", "", ""},
		{"93", "", ""},
		{"1993-02-30", "", ""},
		{"1993-00", "", ""},
		{"1993/05", "", ""},
		{"199a", "", ""},
		{"0000", "", ""},
		{"1993-05-1x", "", ""},
	} {
		if startDate(tc.d) != "" && !tc.d.Valid() {
			t.Errorf("%q is written though the registry does not take it as a date", tc.d)
		}
		if s, e := startDate(tc.d), endDate(tc.d); s != tc.start || e != tc.end {
			t.Errorf("%q: start %q end %q, want %q %q", tc.d, s, e, tc.start, tc.end)
		}
	}
	if got := dateTime(time.Date(2024, 3, 15, 12, 30, 45, 999, time.FixedZone("EST", -5*3600))); got != "2024-03-15T17:30:45Z" {
		t.Errorf("dateTime = %q", got)
	}
}

func TestExportSpan(t *testing.T) {
	gen := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	created := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name       string
		p          proximite.Project
		pa         *titled
		start, end string
	}{
		{"both known", proximite.Project{ActualStart: "1993", PlannedEnd: "1995-06"}, nil, "1993-01-01", "1995-06-30"},
		{"no end: up to the export", proximite.Project{ActualStart: "2001-03-04"}, nil, "2001-03-04", "2024-06-01"},
		{"future start, no end", proximite.Project{PlannedStart: "2030"}, nil, "2030-01-01", "2030-12-31"},
		{"no start: the partnership's", proximite.Project{}, &titled{slug: "p", start: "1985"}, "1985-01-01", "2024-06-01"},
		{"no start: the day of entry", proximite.Project{}, nil, "2020-01-01", "2024-06-01"},
		{"entry after the end", proximite.Project{ActualEnd: "1999"}, nil, "1999-01-01", "1999-12-31"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := NewEncoder(&bytes.Buffer{}, nil, Options{Generated: gen})
			tc.p.CreatedAt = created
			s, end := e.span(&activity{p: &tc.p, partnership: tc.pa})
			if s != tc.start || end != tc.end {
				t.Errorf("span = %s … %s, want %s … %s", s, end, tc.start, tc.end)
			}
		})
	}
}

func TestExportSmallRules(t *testing.T) {
	formats := map[string]string{
		"https://x.org/a/rapport.PDF":     "application/pdf",
		"https://x.org/r.docx?download=1": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
		"https://x.org/projet":            "text/html",
		"https://x.org/":                  "text/html",
		"not a url %%":                    "text/html",
	}
	for u, want := range formats {
		if got := formatOf(u); got != want {
			t.Errorf("formatOf(%q) = %q, want %q", u, got, want)
		}
	}
	measures := []struct {
		in   proximite.Indicator
		want string
	}{
		{proximite.Indicator{Target: "10", Actual: " 12.5 "}, "1"},
		{proximite.Indicator{Baseline: "0", Actual: "3 ha"}, "5"},
		{proximite.Indicator{}, "5"},
	}
	for _, m := range measures {
		if got := inferMeasure(m.in); got != m.want {
			t.Errorf("inferMeasure(%+v) = %q, want %q", m.in, got, m.want)
		}
	}
	statuses := []struct {
		p    proximite.Project
		want string
	}{
		{proximite.Project{Status: "5", ActualEnd: "2000"}, "5"},
		{proximite.Project{ActualStart: "1990", ActualEnd: "2000"}, "4"},
		{proximite.Project{ActualStart: "1990", PlannedEnd: "2000"}, "2"},
		{proximite.Project{PlannedStart: "1990"}, "1"},
	}
	for _, s := range statuses {
		if got := status(&s.p); got != s.want {
			t.Errorf("status(%+v) = %q, want %q", s.p, got, s.want)
		}
	}
	money := func(c string) proximite.Money { return proximite.Money{Amount: 1, Currency: c} }
	currencies := []struct {
		p    proximite.Project
		want string
	}{
		{proximite.Project{Budgets: []proximite.Budget{{Value: money("cad")}}, Transactions: []proximite.Transaction{{Value: money("CAD")}}}, "CAD"},
		{proximite.Project{Budgets: []proximite.Budget{{Value: money("CAD")}}, Transactions: []proximite.Transaction{{Value: money("XOF")}}}, ""},
		{proximite.Project{}, ""},
	}
	for _, c := range currencies {
		if got := defaultCurrency(&c.p); got != c.want {
			t.Errorf("defaultCurrency = %q, want %q", got, c.want)
		}
	}
	if got := languages(nil, proximite.Text{"es": "x", "en": "y", "bm": "z", "fr": "w", "de": " "}); len(got) != 4 ||
		got[0] != "fr" || got[1] != "en" || got[2] != "bm" || got[3] != "es" {
		t.Errorf("languages = %v, want fr en bm es", got)
	}
}
