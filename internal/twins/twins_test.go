package twins

import (
	"os"
	"strings"
	"testing"
)

func TestCountry(t *testing.T) {
	for name, want := range map[string]string{
		"Mali": "ML", "Canada": "CA", "England": "GB", "Scotland, United Kingdom": "GB",
		"Antigua and Barbuda": "AG", "Saint Lucia": "LC", "Ivory Coast": "CI", "Czech Republic": "CZ",
		"Turkey": "TR", "Bosnia and Herzegovina": "BA", "São Tomé and Príncipe": "ST", "in Italy": "IT",
		"Réunion, France": "FR", " senegal ": "SN",
	} {
		if got, ok := Country(name); !ok || got != want {
			t.Errorf("Country(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
	for _, name := range []string{"", "Atlantis", "Congo"} {
		if got, ok := Country(name); ok {
			t.Errorf("Country(%q) = %q, want unknown", name, got)
		}
	}
}

// TestReadBadRows reads a file with one good row and a bad row of each
// kind: each is reported with its line, and only the good one is kept.
func TestReadBadRows(t *testing.T) {
	file := strings.Join([]string{
		"city1,country1,lat1,lng1,city2,country2,lat2,lng2",
		"Gatineau,Canada,45.48,-75.65,Edmonton,Canada,53.53,-113.49",
		"Nowhere,Atlantis,1,2,Bamako,Mali,12.6,-8",
		"Bamako,Mali,north,-8,Angers,France,47.4,-0.5",
		"Bamako,Mali,12.6,-8,Angers",
		",Mali,12.6,-8,Angers,France,47.4,-0.5",
		`"Dakar,Senegal,14.7,-17.4,Angers,France,47.4,-0.5`,
	}, "\n") + "\n"
	rows, problems, err := Read(strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0].City2 != "Edmonton" || rows[0].Country1 != "CA" || rows[0].Lng2 != -113.49 {
		t.Errorf("rows = %+v", rows)
	}
	want := []struct {
		line int
		has  string
	}{{3, `country1 "Atlantis"`}, {4, `lat1 "north"`}, {5, "5 columns"}, {6, "city1 is empty"}, {7, "quote"}}
	if len(problems) != len(want) {
		t.Fatalf("problems = %v", problems)
	}
	for i, w := range want {
		if problems[i].Line != w.line || !strings.Contains(problems[i].String(), w.has) {
			t.Errorf("problem %d = %v, want line %d with %q", i, problems[i], w.line, w.has)
		}
	}
	if _, _, err := Read(strings.NewReader("name,country\nx,y\n")); err == nil || !strings.Contains(err.Error(), "header") {
		t.Errorf("wrong header: %v", err)
	}
}

// TestReadRealFile reads the list in ../shared: nearly every row is
// kept, and what is skipped is said.
func TestReadRealFile(t *testing.T) {
	f, err := os.Open("../../../shared/twinning/twin_cities.csv")
	if err != nil {
		t.Skip("../shared/twinning/twin_cities.csv is absent:", err)
	}
	defer f.Close()
	rows, problems, err := Read(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows)+len(problems) < 25000 || len(problems) > len(rows)/100 {
		t.Errorf("%d rows read, %d skipped", len(rows), len(problems))
	}
	for _, p := range problems {
		if p.Line < 2 || p.Reason == "" {
			t.Errorf("problem without line or reason: %v", p)
		}
	}
}
