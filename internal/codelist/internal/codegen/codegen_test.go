package codegen

import "testing"

func TestTitleCase(t *testing.T) {
	tests := map[string]string{
		"NETHERLAND ANTILLES": "Netherland Antilles",
		"ISLE OF MAN":         "Isle of Man",
		"Côte d'Ivoire":       "Côte d'Ivoire",
		"Congo (the)":         "Congo (the)",
		"":                    "",
	}
	for in, want := range tests {
		if got := titleCase(in); got != want {
			t.Errorf("titleCase(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNameCountries(t *testing.T) {
	codes := []code{
		{code: "ML", en: "Mali"},
		{code: "CD", en: "Congo (the Democratic Republic of the)"},
		{code: "SZ", en: "Eswatini"},
		{code: "AN", en: "NETHERLAND ANTILLES", withdrawn: true},
	}
	nameCountries(codes)
	want := []struct{ en, fr string }{
		{"Mali", "Mali"},
		{"Congo - Kinshasa", "Congo-Kinshasa"},
		{"Eswatini", "Eswatini"},
		{"Netherland Antilles", "Netherland Antilles"}, // CLDR has no name: the CSV's
	}
	for i, w := range want {
		if codes[i].en != w.en || codes[i].fr != w.fr {
			t.Errorf("%s: got %q / %q, want %q / %q", codes[i].code, codes[i].en, codes[i].fr, w.en, w.fr)
		}
	}
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name  string
		s     spec
		codes []code
		ok    bool
	}{
		{"fine", spec{file: "X"}, []code{{code: "1"}, {code: "2"}}, true},
		{"empty", spec{file: "X"}, []code{{code: ""}}, false},
		{"duplicate", spec{file: "X"}, []code{{code: "1"}, {code: "1"}}, false},
		{"upper", spec{file: "X", letters: upperCase}, []code{{code: "Ml"}}, false},
		{"lower", spec{file: "X", letters: lowerCase}, []code{{code: "FR"}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := check(tt.s, tt.codes); (err == nil) != tt.ok {
				t.Errorf("check = %v, want ok %v", err, tt.ok)
			}
		})
	}
}
