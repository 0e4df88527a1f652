package csvio

import (
	"reflect"
	"strings"
	"testing"

	"github.com/proximite/proximite"
)

func TestListCells(t *testing.T) {
	tests := []struct {
		cell  string
		parts bool
		want  [][]string
	}{
		{"", true, nil},
		{"ML", true, [][]string{{"ML"}}},
		{"15150:60; 14030:40 ;", true, [][]string{{"15150", "60"}, {"14030", "40"}}},
		{`name=Comité a\;b\:c:4`, true, [][]string{{"name=Comité a;b:c", "4"}}},
		{"Source, encadré : évolution;autre", false, [][]string{{"Source, encadré : évolution"}, {"autre"}}},
		{`fin\`, false, [][]string{{`fin\`}}},
	}
	for _, tt := range tests {
		t.Run(tt.cell, func(t *testing.T) {
			got := parseList(tt.cell, tt.parts)
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("parseList(%q) = %q, want %q", tt.cell, got, tt.want)
			}
			if back := parseList(formatList(got, tt.parts), tt.parts); !reflect.DeepEqual(back, got) {
				t.Fatalf("formatList does not read back: %q gives %q", formatList(got, tt.parts), back)
			}
		})
	}
}

func TestNumbersAndGuard(t *testing.T) {
	for in, want := range map[string]float64{"60": 60, "33,5": 33.5, "12.25%": 12.25, "-7.93": -7.93} {
		if got, err := parseNumber(in); err != nil || got != want {
			t.Errorf("parseNumber(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"soixante", "NaN", "1e999", ""} {
		if _, err := parseNumber(bad); err == nil {
			t.Errorf("parseNumber(%q) accepted", bad)
		}
	}
	for _, s := range []string{"=HYPERLINK(\"x\")", "+1 tel", "@cmd", "- a list", "-7.93", "plain", "'=already"} {
		g := guard(s)
		if strings.ContainsRune("=+@", rune(g[0])) || (g[0] == '-' && g != "-7.93") {
			t.Errorf("guard(%q) = %q still starts like a formula", s, g)
		}
		if got := unguard(g); got != s {
			t.Errorf("unguard(guard(%q)) = %q", s, got)
		}
	}
}

func TestParticipantsKeepWhatTheCellDoesNotCarry(t *testing.T) {
	p := &proximite.Project{Participants: []proximite.Participant{
		{Org: "fcm", Role: "1"},
		{Ref: "XM-DAC-41114", Name: proximite.T("en", "UNDP", "fr", "PNUD"), Role: "1"},
		{Name: proximite.T("es", "Comité de Douban"), Role: "4"},
	}}
	cell := getParticipants(p)
	if cell != "fcm:1;ref=XM-DAC-41114 (PNUD):1;name=Comité de Douban:4" {
		t.Fatalf("cell: %q", cell)
	}
	// Roles change, the participants outside the registry keep their names
	// in every language, and a new one is added.
	if err := setParticipants(p, "fcm:funding;ref=XM-DAC-41114 (PNUD):2;name=comite de douban:4;name=Nouveau:4"); err != nil {
		t.Fatal(err)
	}
	want := []proximite.Participant{
		{Org: "fcm", Role: "1"},
		{Ref: "XM-DAC-41114", Name: proximite.T("en", "UNDP", "fr", "PNUD"), Role: "2"},
		{Name: proximite.T("es", "Comité de Douban"), Role: "4"},
		{Name: proximite.T("fr", "Nouveau"), Role: "4"},
	}
	if !reflect.DeepEqual(p.Participants, want) {
		t.Fatalf("participants:\n got %+v\nwant %+v", p.Participants, want)
	}
	if err := setParticipants(p, "fcm"); err == nil || !strings.Contains(err.Error(), "no role") {
		t.Fatalf("missing role: %v", err)
	}
}

func TestReadTableSpreadsheetVariants(t *testing.T) {
	// A French spreadsheet's CSV: semicolons, a byte-order mark, a
	// multi-line cell, and a guarded formula-like cell.
	in := BOM + "Slug ; Title_FR\r\nun;\"deux\r\nlignes\"\r\ntrois;'=quatre\r\n"
	rep := &Report{}
	tb, ok := readTable(strings.NewReader(in), rep)
	if !ok {
		t.Fatalf("not read: %v", rep.Problems)
	}
	if !reflect.DeepEqual(tb.header, []string{"slug", "title_fr"}) {
		t.Fatalf("header %q", tb.header)
	}
	want := [][]string{{"un", "deux\nlignes"}, {"trois", "=quatre"}}
	if !reflect.DeepEqual(tb.rows, want) {
		t.Fatalf("rows %q", tb.rows)
	}
	for _, bad := range []string{"", "slug\n\"open", "slug\n\xff\xfe\n"} {
		rep := &Report{}
		if _, ok := readTable(strings.NewReader(bad), rep); ok || rep.Err() == nil {
			t.Errorf("%q: read without error", bad)
		}
	}
}
