package codelist_test

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/proximite/proximite/internal/codelist"
	"github.com/proximite/proximite/internal/codelist/internal/codegen"
)

// csvDir is where the IATI codelist CSVs sit for every developer and for CI.
const csvDir = "../../../shared/iati/codelists/csv"

func TestLabel(t *testing.T) {
	tests := []struct {
		list       *codelist.List
		code, lang string
		want       string
	}{
		{codelist.Country, "ML", "fr", "Mali"},
		{codelist.Country, "SN", "fr", "Sénégal"},
		{codelist.Country, "SN", "en", "Senegal"},
		{codelist.Country, "CA", "en", "Canada"},
		{codelist.Country, "CI", "fr", "Côte d’Ivoire"},
		{codelist.Country, "BF", "fr", "Burkina Faso"},
		{codelist.Country, "MK", "fr", "Macédoine du Nord"},
		{codelist.Country, "XK", "en", "Kosovo"},
		{codelist.Country, "sn", "fr-CA", "Sénégal"},
		{codelist.Country, "AN", "en", "Netherland Antilles"},
		{codelist.ActivityStatus, "2", "en", "Implementation"},
		{codelist.ActivityStatus, "2", "fr", "Actif"},
		{codelist.Sector, "15150", "fr", "Participation démocratique et société civile"},
		{codelist.OrganisationType, "11", "fr", "Local Government"}, // no French name: English
		{codelist.Currency, "eur", "fr", "Euro"},
		{codelist.Language, "FR", "en", "French"},
		{codelist.Version, "2.03", "fr", "2.03"}, // no name at all: the code
		{codelist.Sector, "99999", "fr", "99999"},
		{codelist.Country, "", "en", ""},
	}
	for _, tt := range tests {
		t.Run(tt.list.Name+"/"+tt.code+"/"+tt.lang, func(t *testing.T) {
			if got := tt.list.Label(tt.code, tt.lang); got != tt.want {
				t.Errorf("Label(%q, %q) = %q, want %q", tt.code, tt.lang, got, tt.want)
			}
		})
	}
}

func TestLookup(t *testing.T) {
	c, ok := codelist.Sector.Lookup("15150")
	if !ok || c.EN != "Democratic participation and civil society" || c.FR == "" || c.Category != "151" || c.Withdrawn {
		t.Errorf("Sector 15150 = %+v, %v", c, ok)
	}
	if c, ok := codelist.Sector.Lookup("11321"); !ok || !c.Withdrawn {
		t.Errorf("Sector 11321 = %+v, %v; want a withdrawn code", c, ok)
	}
	if c, ok := codelist.Country.Lookup("ml"); !ok || c.Code != "ML" {
		t.Errorf("Country ml = %+v, %v; want ML", c, ok)
	}
	// Lists other than Country, Currency and Language match exactly.
	if codelist.LocationType.Valid("pplc") || !codelist.LocationType.Valid("PPLC") {
		t.Error("LocationType: want PPLC valid and pplc invalid")
	}
}

func TestValid(t *testing.T) {
	tests := []struct {
		list *codelist.List
		code string
		want bool
	}{
		{codelist.Sector, "31120", true},
		{codelist.Sector, "31120 ", false},
		{codelist.Sector, "99999", false},
		{codelist.SectorCategory, "311", true},
		{codelist.Currency, "XOF", true},
		{codelist.Currency, "xof", true},
		{codelist.Currency, "XXX1", false},
		{codelist.Country, "FR", true},
		{codelist.Country, "ZZ", false},
		{codelist.Language, "fr", true},
		{codelist.OrganisationRole, "4", true},
		{codelist.OrganisationRole, "5", false},
		{codelist.UNSDGGoals, "17", true},
		{codelist.UNSDGTargets, "1.1", true},
		{codelist.Region, "289", true},
		{codelist.ActivityStatus, "", false},
	}
	for _, tt := range tests {
		if got := tt.list.Valid(tt.code); got != tt.want {
			t.Errorf("%s.Valid(%q) = %v, want %v", tt.list.Name, tt.code, got, tt.want)
		}
	}
}

func TestSectorCategoryOf(t *testing.T) {
	tests := map[string]string{
		"31120": "311",
		"11110": "111",
		"15150": "151",
		"99999": "999", // not in the list: the first three digits
		"12":    "",
		"":      "",
		"1a234": "",
	}
	for code, want := range tests {
		if got := codelist.SectorCategoryOf(code); got != want {
			t.Errorf("SectorCategoryOf(%q) = %q, want %q", code, got, want)
		}
	}
}

func TestByName(t *testing.T) {
	for _, name := range []string{"Sector", "OrganisationType", "Country", "UNSDGGoals", "Version"} {
		l, ok := codelist.ByName(name)
		if !ok || l.Name != name || len(l.Codes) == 0 {
			t.Errorf("ByName(%q) = %v, %v", name, l, ok)
		}
	}
	if l, ok := codelist.ByName("UNSDG-Goals"); !ok || l != codelist.UNSDGGoals {
		t.Errorf("ByName(UNSDG-Goals) = %v, %v; want UNSDGGoals", l, ok)
	}
	if _, ok := codelist.ByName("NoSuchList"); ok {
		t.Error("ByName(NoSuchList) found a list")
	}
}

// TestConcurrentLookup lets the race detector watch the lazily built index.
func TestConcurrentLookup(t *testing.T) {
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if !codelist.FlowType.Valid("10") {
				t.Error("FlowType 10 is not valid")
			}
		})
	}
	wg.Wait()
}

// needCSV skips the test when ../shared is absent, as in a user's clone.
func needCSV(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(csvDir); err != nil {
		t.Skipf("IATI codelist CSVs not found at %s (../shared is absent outside the project's workspace and CI): %v", csvDir, err)
	}
}

// TestGeneratedUpToDate fails when codelists_gen.go differs from what the
// generator makes of the CSVs: run go generate ./internal/codelist/.
func TestGeneratedUpToDate(t *testing.T) {
	needCSV(t)
	want, err := codegen.Generate(csvDir)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("codelists_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("codelists_gen.go is out of date: run go generate ./internal/codelist/")
	}
}

// TestGeneratedHasNoDescriptions checks the licence rule: the project keeps
// the codelists' codes and short names, never their long descriptions.
func TestGeneratedHasNoDescriptions(t *testing.T) {
	needCSV(t)
	gen, err := os.ReadFile("codelists_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(csvDir, "*.csv"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no CSV in %s: %v", csvDir, err)
	}
	checked := 0
	for _, f := range files {
		for _, row := range readRows(t, f) {
			for _, d := range row[5:7] { // description_en, description_fr
				// Short descriptions that repeat the name ("abandoned airfield") may appear.
				if len(d) < 40 || d == row[1] || d == row[2] {
					continue
				}
				checked++
				if bytes.Contains(gen, []byte(strings.TrimSpace(d))) {
					t.Errorf("%s: description of %q is in codelists_gen.go", filepath.Base(f), row[0])
				}
			}
		}
	}
	if checked == 0 {
		t.Error("no description checked")
	}
}

// readRows returns a CSV file's rows without its header.
func readRows(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(rows) == 0 || len(rows[0]) < 7 || rows[0][5] != "description_en" || rows[0][6] != "description_fr" {
		t.Fatalf("%s: unexpected header", path)
	}
	return rows[1:]
}
