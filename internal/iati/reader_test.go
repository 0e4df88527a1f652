package iati_test

import (
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/iati"
)

// readAll reads every activity of an inline file, failing on a file
// error.
func readAll(t *testing.T, xml string) []*iati.Activity {
	t.Helper()
	acts, err := readActivities(xml)
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	return acts
}

func readActivities(xml string) ([]*iati.Activity, error) {
	r := iati.NewReader(strings.NewReader(xml))
	var out []*iati.Activity
	for {
		a, err := r.Next()
		if err == io.EOF {
			return out, nil
		} else if err != nil {
			return out, err
		}
		out = append(out, a)
	}
}

// one reads a file of one activity that must import.
func one(t *testing.T, xml string) *proximite.Project {
	t.Helper()
	acts := readAll(t, xml)
	if len(acts) != 1 {
		t.Fatalf("read %d activities, want 1", len(acts))
	}
	if acts[0].Err != nil {
		t.Fatalf("activity rejected: %v", acts[0].Err)
	}
	return acts[0].Project
}

func pct(f float64) *float64 { return &f }

func TestReaderTolerance(t *testing.T) {
	tests := []struct {
		name string
		xml  string
		want func(t *testing.T, p *proximite.Project)
	}{
		{"byte order mark and 2.0x narratives in several languages",
			"\uFEFF" + `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03"><iati-activity xml:lang="fr" default-currency="EUR">
 <iati-identifier>XM-TEST-1</iati-identifier>
 <title><narrative>Eau potable</narrative><narrative xml:lang="en">Drinking water</narrative>
  <narrative xml:lang="es">Agua potable</narrative></title>
 <description type="2"><narrative>Objectifs</narrative></description>
</iati-activity></iati-activities>`,
			func(t *testing.T, p *proximite.Project) {
				want := proximite.Text{"fr": "Eau potable", "en": "Drinking water", "es": "Agua potable"}
				if !reflect.DeepEqual(p.Title, want) {
					t.Errorf("title %v, want %v", p.Title, want)
				}
				if p.Objectives["fr"] != "Objectifs" {
					t.Errorf("objectives %v", p.Objectives)
				}
			}},
		{"upper-case XML:LANG, and English when nothing says",
			`<iati-activities version="2.02"><iati-activity XML:LANG="ES">
 <iati-identifier>XM-TEST-2</iati-identifier>
 <title><narrative XML:LANG="FR">Titre</narrative><narrative>Título</narrative></title>
</iati-activity><iati-activity><iati-identifier>XM-TEST-2b</iati-identifier>
 <title><narrative>Title</narrative></title></iati-activity></iati-activities>`,
			func(t *testing.T, p *proximite.Project) {
				if want := (proximite.Text{"fr": "Titre", "es": "Título"}); !reflect.DeepEqual(p.Title, want) {
					t.Errorf("title %v, want %v", p.Title, want)
				}
			}},
		{"1.0x text in the element, one title per language, names for codes",
			`<iati-activities version="1.03"><iati-activity xml:lang="en" default-currency="GBP">
 <iati-identifier>GB-1-1</iati-identifier>
 <title>Water</title><title xml:lang="fr">Eau</title>
 <participating-org role="Funding" ref="GB-1" type="10">DFID</participating-org>
 <participating-org role="implementing">Caritas</participating-org>
 <activity-date type="start-actual" iso-date="2009-10-07"/>
 <activity-date type="end-planned">2012-09-30</activity-date>
 <sector vocabulary="DAC" code="15160" percentage="60"/><sector vocabulary="DAC" code="15170" percentage="40"/>
 <sector vocabulary="DAC-3" code="151" percentage="100"/>
 <sector vocabulary="RO" code="PB">Peace building</sector>
 <transaction><transaction-type code="IF"/><provider-org ref="EU">EC</provider-org>
  <value value-date="2010-10-01">1,234.50</value><transaction-date iso-date="2010-10-01T00:00:00"/></transaction>
 <budget type="Revised"><period-start iso-date="2010-01-01"/><period-end iso-date="2010-12-31"/>
  <value currency="usd">100</value></budget>
 <location><name>Zomba</name><coordinates latitude="-15.38" longitude="35.32"/>
  <administrative country="mw">Zomba district</administrative></location>
 <result type="Output"><indicator measure="unit"><title>People trained</title>
  <period><target value="350"/><actual value="360"/></period></indicator></result>
</iati-activity></iati-activities>`,
			func(t *testing.T, p *proximite.Project) {
				if want := (proximite.Text{"en": "Water", "fr": "Eau"}); !reflect.DeepEqual(p.Title, want) {
					t.Errorf("title %v, want %v", p.Title, want)
				}
				wantPts := []proximite.Participant{{Name: proximite.T("en", "DFID"), Ref: "GB-1", Role: "1"},
					{Name: proximite.T("en", "Caritas"), Role: "4"}}
				if !reflect.DeepEqual(p.Participants, wantPts) {
					t.Errorf("participants %+v", p.Participants)
				}
				if p.ActualStart != "2009-10-07" || p.PlannedEnd != "2012-09-30" {
					t.Errorf("dates %s %s", p.ActualStart, p.PlannedEnd)
				}
				wantSectors := []proximite.SectorShare{{Code: "15160", Percentage: pct(60)}, {Code: "15170", Percentage: pct(40)},
					{Vocabulary: "2", Code: "151", Percentage: pct(100)}, {Vocabulary: "99", Code: "PB"}}
				if !reflect.DeepEqual(p.Sectors, wantSectors) {
					t.Errorf("sectors %+v", p.Sectors)
				}
				tr := p.Transactions[0]
				if tr.Type != "1" || tr.Date != "2010-10-01" || tr.Value != (proximite.Money{Amount: 1234.5, Currency: "GBP", ValueDate: "2010-10-01"}) ||
					tr.Provider == nil || tr.Provider.Ref != "EU" || tr.Provider.Name["en"] != "EC" {
					t.Errorf("transaction %+v", tr)
				}
				if b := p.Budgets[0]; b.Type != "2" || b.Value.Currency != "USD" {
					t.Errorf("budget %+v", b)
				}
				if l := p.Locations[0]; l.Country != "MW" || l.Point == nil || l.Point.Lat != -15.38 {
					t.Errorf("location %+v", l)
				}
				if r := p.Results[0]; r.Type != "1" || r.Title["en"] != "People trained" || r.Indicators[0].Target != "350" ||
					r.Indicators[0].Actual != "360" || r.Indicators[0].Measure != "1" {
					t.Errorf("result %+v", r)
				}
			}},
		{"extensions in other namespaces, character references, HTML entities",
			`<iati-activities version="2.03" xmlns:usg="https://explorer.usaid.gov">
<usg:header>ignored</usg:header>
<iati-activity usg:flag="1" xml:lang="fr"><iati-identifier>XM-TEST-3</iati-identifier>
 <usg:treasury-account><usg:main-account>072</usg:main-account></usg:treasury-account>
 <title><narrative>Caf&#233; &amp; th&#xE9;&nbsp;solidaires</narrative></title>
 <recipient-country code="ml" percentage="33.33"/><recipient-country code="SN" percentage="33.33"/>
 <recipient-country code="BF" percentage="33.33"/>
 <location><name><narrative>Sanankoroba</narrative></name><point><pos>12.39 -7.94</pos></point></location>
</iati-activity></iati-activities>`,
			func(t *testing.T, p *proximite.Project) {
				if got := p.Title["fr"]; got != "Café & thé\u00a0solidaires" {
					t.Errorf("title %q", got)
				}
				var sum float64
				for _, c := range p.Countries {
					sum += *c.Percentage
				}
				if p.Countries[0].Code != "ML" || sum < 99.999 || sum > 100.001 {
					t.Errorf("countries %+v add up to %g", p.Countries, sum)
				}
				if pt := p.Locations[0].Point; pt == nil || pt.Lat != 12.39 || pt.Lon != -7.94 {
					t.Errorf("point %+v", pt)
				}
			}},
		{"ISO-8859-1 file",
			"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<iati-activities><iati-activity xml:lang=\"fr\">" +
				"<iati-identifier>XM-TEST-4</iati-identifier><title>S\xe9n\xe9gal</title></iati-activity></iati-activities>",
			func(t *testing.T, p *proximite.Project) {
				if p.Title["fr"] != "Sénégal" {
					t.Errorf("title %q", p.Title["fr"])
				}
			}},
		{"an activity as the root, missing optional parts",
			`<iati-activity><iati-identifier>XM-TEST-5</iati-identifier><title>Alone</title></iati-activity>`,
			func(t *testing.T, p *proximite.Project) {
				if p.Slug != "xm-test-5" || p.State != proximite.Published || p.IATIIdentifier != "XM-TEST-5" {
					t.Errorf("meta %+v", p.Meta)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			acts := readAll(t, tt.xml)
			if len(acts) == 0 || acts[0].Err != nil {
				t.Fatalf("activities %v", acts)
			}
			tt.want(t, acts[0].Project)
		})
	}
}

func TestReaderNormalisesWithWarnings(t *testing.T) {
	p := `<iati-activities><iati-activity xml:lang="en" default-currency="EUR"><iati-identifier>XM-W-1</iati-identifier>
<title>W</title>
<sector code="11110" percentage="50"/><sector code="12220" percentage="30"/>
<sector code="99999" percentage="20"/>
<recipient-country code="ZZ"/><recipient-country code="ML" percentage="100"/>
<participating-org role="Reporting">X</participating-org>
<budget><period-start iso-date="2010-01-01"/><value>5</value></budget>
<transaction><transaction-type code="E"/><value value-date="2010-12-31">289808</value><transaction-date>2010</transaction-date></transaction>
</iati-activity></iati-activities>`
	acts := readAll(t, p)
	a := acts[0]
	if a.Err != nil {
		t.Fatal(a.Err)
	}
	for _, s := range a.Project.Sectors {
		if s.Percentage != nil {
			t.Errorf("sector %s kept a percentage though they no longer add up", s.Code)
		}
	}
	if tr := a.Project.Transactions; len(tr) != 1 || tr[0].Type != "4" || tr[0].Date != "2010" || tr[0].Value.Currency != "EUR" {
		t.Errorf("transactions %+v", tr)
	}
	if len(a.Project.Sectors) != 2 || len(a.Project.Countries) != 1 || len(a.Project.Participants) != 0 || len(a.Project.Budgets) != 0 {
		t.Errorf("project %+v", a.Project)
	}
	want := []string{`sector "99999"`, `recipient-country "ZZ"`, `role "Reporting"`, "budget without a valid period",
		"sector percentages in vocabulary 1 add up to 80", "transaction-date has no iso-date; 2010 is read from its text"}
	all := strings.Join(a.Warnings, "\n")
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("no warning about %s in:\n%s", w, all)
		}
	}
}

func TestReaderRejectsActivities(t *testing.T) {
	tests := []struct{ name, body, reason string }{
		{"no identifier", `<title>T</title>`, "no <iati-identifier>"},
		{"no title", `<iati-identifier>XM-R-2</iati-identifier>`, "no title"},
		{"unknown currency", `<iati-identifier>XM-R-3</iati-identifier><title>T</title>
<transaction><transaction-type code="3"/><transaction-date iso-date="2020-01-01"/><value currency="XXY">5</value></transaction>`,
			`unknown currency "XXY"`},
		{"no currency at all", `<iati-identifier>XM-R-4</iati-identifier><title>T</title>
<transaction><transaction-type code="3"/><transaction-date iso-date="2020-01-01"/><value>5</value></transaction>`,
			"no currency"},
		{"amount not a number", `<iati-identifier>XM-R-5</iati-identifier><title>T</title>
<budget><period-start iso-date="2010-01-01"/><period-end iso-date="2010-12-31"/><value currency="EUR">lots</value></budget>`,
			`value "lots" is not a number`},
		{"identifier with a slash", `<iati-identifier>XM-R/6</iati-identifier><title>T</title>`, "iati_identifier"},
		{"unknown transaction type", `<iati-identifier>XM-R-7</iati-identifier><title>T</title>
<transaction><transaction-type code="ZZ"/><transaction-date iso-date="2020-01-01"/><value currency="EUR">5</value></transaction>`,
			`unknown transaction-type "ZZ"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			xml := "<iati-activities>\n<iati-activity>\n<iati-identifier>XM-OK</iati-identifier><title>OK</title></iati-activity>\n" +
				"<iati-activity>" + tt.body + "</iati-activity>\n</iati-activities>"
			acts := readAll(t, xml)
			if len(acts) != 2 || acts[0].Err != nil {
				t.Fatalf("the good activity: %+v", acts)
			}
			bad := acts[1]
			if bad.Err == nil || !strings.Contains(bad.Err.Error(), tt.reason) {
				t.Fatalf("error %v, want one about %s", bad.Err, tt.reason)
			}
			if bad.Line != 4 {
				t.Errorf("line %d, want 4", bad.Line)
			}
		})
	}
}

func TestReaderFileErrors(t *testing.T) {
	tests := []struct{ name, xml, reason string }{
		{"empty", "", "holds no element"},
		{"text", "Identifier,Title\nXM-1,Water\n", "not an XML file"},
		{"JSON", `{"iati-activities": []}`, "not an XML file"},
		{"HTML", "<!DOCTYPE html>\n<html><body>Not found</body></html>", "root element is <html>"},
		{"organisation file", `<iati-organisations version="2.03"><iati-organisation/></iati-organisations>`, "organisation file"},
		{"cut short", "<iati-activities>\n<iati-activity><iati-identifier>A</iati-identifier>\n<title>T", "cut short"},
		{"tags that do not match", "<iati-activities>\n<iati-activity><title>T</titel></iati-activity></iati-activities>", "closed by </titel>"},
		{"UTF-16", "<?xml version=\"1.0\" encoding=\"UTF-16\"?><iati-activities/>", "UTF-16"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readActivities(tt.xml)
			var fe *iati.FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error %v (%T), want a *FileError", err, err)
			}
			if !strings.Contains(fe.Error(), tt.reason) {
				t.Errorf("error %q, want one about %q", fe.Error(), tt.reason)
			}
		})
	}
}

func TestReaderLinesAndHugeFiles(t *testing.T) {
	// A file of many activities streams: the reader never holds more than
	// one, and each reports its own line.
	const n = 20000
	pr, pw := io.Pipe()
	go func() {
		pw.Write([]byte("<iati-activities version=\"2.03\">\n"))
		for i := 0; i < n; i++ {
			pw.Write([]byte("<iati-activity default-currency=\"EUR\">\n<iati-identifier>XM-BIG-" + strings.Repeat("9", i%7) +
				"</iati-identifier>\n<title><narrative>T</narrative></title>\n</iati-activity>\n"))
		}
		pw.Write([]byte("</iati-activities>\n"))
		pw.Close()
	}()
	r := iati.NewReader(pr)
	count := 0
	for {
		a, err := r.Next()
		if err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		if want := 2 + count*4; a.Line != want {
			t.Fatalf("activity %d at line %d, want %d", count, a.Line, want)
		}
		count++
	}
	if count != n {
		t.Fatalf("read %d activities, want %d", count, n)
	}
}

func TestReaderRefusesHugeActivities(t *testing.T) {
	var b strings.Builder
	b.WriteString("<iati-activities>\n<iati-activity><iati-identifier>XM-HUGE</iati-identifier><title>T</title>\n")
	for i := 0; i <= iati.MaxActivityElements; i++ {
		b.WriteString("<x/>")
	}
	b.WriteString("</iati-activity>\n<iati-activity><iati-identifier>XM-NEXT</iati-identifier><title>T</title></iati-activity>\n</iati-activities>")
	acts := readAll(t, b.String())
	if len(acts) != 2 {
		t.Fatalf("read %d activities, want 2", len(acts))
	}
	if a := acts[0]; a.Err == nil || !strings.Contains(a.Err.Error(), "too large") || a.Identifier != "XM-HUGE" || a.Line != 2 {
		t.Errorf("huge activity: line %d, %q, %v", a.Line, a.Identifier, a.Err)
	}
	if a := acts[1]; a.Err != nil || a.Identifier != "XM-NEXT" {
		t.Errorf("the activity after it: %q, %v", a.Identifier, a.Err)
	}
}
