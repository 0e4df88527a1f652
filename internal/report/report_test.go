package report_test

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/report"
)

func TestParseRates(t *testing.T) {
	good := "year,currency,rate_to_cad\n2004,XOF,0.0025\n\n2005, eur ,1.5\n2005,CAD,1\n"
	rates, err := report.ParseRates(strings.NewReader(good))
	if err != nil {
		t.Fatal(err)
	}
	want := []proximite.Rate{{Year: 2004, Currency: "XOF", RateToCAD: 0.0025}, {Year: 2005, Currency: "EUR", RateToCAD: 1.5},
		{Year: 2005, Currency: "CAD", RateToCAD: 1}}
	if len(rates) != len(want) {
		t.Fatalf("rates %v, want %v", rates, want)
	}
	for i := range want {
		if rates[i] != want[i] {
			t.Errorf("rate %d: %v, want %v", i, rates[i], want[i])
		}
	}
	bad := []struct{ name, file, want string }{
		{"missing year", "year,currency,rate_to_cad\n2004,XOF,0.0025\n,EUR,1.5\n", "line 3: the year is missing"},
		{"negative rate", "year,currency,rate_to_cad\n2004,XOF,-0.0025\n", "line 2: the rate -0.0025 must be greater than zero"},
		{"zero rate", "year,currency,rate_to_cad\n2004,XOF,0\n", "line 2: the rate 0 must be greater than zero"},
		{"unknown currency", "year,currency,rate_to_cad\n2004,ABC,2\n", `line 2: unknown currency "ABC"`},
		{"not a number", "year,currency,rate_to_cad\n2004,EUR,un et demi\n", `line 2: the rate "un et demi" is not a number`},
		{"duplicate", "year,currency,rate_to_cad\n2004,EUR,1.5\n2004,EUR,1.6\n", "line 3: EUR 2004 is already given on line 2"},
		{"no header", "2004,EUR,1.5\n", `line 1: the header has no column "year"`},
		{"empty", "", "the rate file is empty"},
		{"only a header", "year,currency,rate_to_cad\n", "no rates"},
		{"CAD is one", "year,currency,rate_to_cad\n2004,CAD,1.1\n", "a Canadian dollar is worth 1 CAD"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			rates, err := report.ParseRates(strings.NewReader(tt.file))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one saying %q", err, tt.want)
			}
			if rates != nil {
				t.Errorf("returned rates %v with the error: a bad file must give nothing", rates)
			}
			if proximite.ErrorCode(err) != proximite.EINVALID {
				t.Errorf("code %q, want invalid", proximite.ErrorCode(err))
			}
		})
	}
}

// Convert uses the loaded rates only: an amount without its year's rate
// stays unconverted, whatever other years say.
func TestConvert(t *testing.T) {
	amounts := []proximite.Amount{
		{Measure: "spent", Year: 2004, Currency: "CAD", Value: 100},
		{Measure: "spent", Year: 2004, Currency: "XOF", Value: 40000},
		{Measure: "spent", Year: 2005, Currency: "XOF", Value: 10000},
		{Measure: "budget", Year: 2005, Currency: "CAD", Value: 999},
	}
	m := report.Convert(amounts, "spent", []proximite.Rate{{Year: 2004, Currency: "XOF", RateToCAD: 0.0025}})
	if m.TotalCAD != 200 {
		t.Errorf("total %v CAD, want 200 (100 CAD and 40,000 XOF at 0.0025)", m.TotalCAD)
	}
	if len(m.Unconverted) != 1 || m.Unconverted[0].Currency != "XOF" || m.Unconverted[0].Value != 10000 {
		t.Errorf("unconverted %v, want the 10,000 XOF of 2005", m.Unconverted)
	}
	if len(m.Years) != 2 || m.Years[0].Year != 2004 || m.Years[0].CAD != 200 || m.Years[1].CAD != 0 {
		t.Errorf("years %+v", m.Years)
	}
	if got := report.Total(amounts, "budget"); got != 999 {
		t.Errorf("budget total %v", got)
	}
}

// The charts are well-formed SVG with a title, whatever the labels hold.
func TestChartsAreSVG(t *testing.T) {
	bars := []report.Bar{{Label: `Mali <&> "Sénégal"`, Value: 3, Display: "3"}, {Label: "1993", Value: 0, Display: "0"}}
	for name, svg := range map[string]string{
		"hbars":   string(report.HBars("Titre & co", bars)),
		"columns": string(report.Columns("Titre", bars)),
		"lines":   string(report.Lines("Titre", []string{"2004", "2005"}, []report.Series{{Name: "XOF", Values: []float64{1, 2}}})),
	} {
		d := xml.NewDecoder(strings.NewReader(svg))
		titles := 0
		for {
			tok, err := d.Token()
			if err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("%s: not XML: %v\n%s", name, err, svg)
			}
			if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "title" {
				titles++
			}
		}
		if titles == 0 || !strings.HasPrefix(svg, "<svg") {
			t.Errorf("%s: no title or not an svg element", name)
		}
	}
	if report.HBars("x", nil) != "" || report.Lines("x", nil, nil) != "" {
		t.Error("an empty chart should be nothing")
	}
}
