package iati_test

import (
	"strings"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// The types below read an export back, with what the tests check.

type xActivities struct {
	Version    string      `xml:"version,attr"`
	Generated  string      `xml:"generated-datetime,attr"`
	Activities []xActivity `xml:"iati-activity"`
}

type xActivity struct {
	Lang         string         `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	Currency     string         `xml:"default-currency,attr"`
	Updated      string         `xml:"last-updated-datetime,attr"`
	ID           string         `xml:"iati-identifier"`
	Reporting    xOrg           `xml:"reporting-org"`
	Title        []xNarrative   `xml:"title>narrative"`
	Descriptions []xDescription `xml:"description"`
	Participants []xOrg         `xml:"participating-org"`
	Status       xCode          `xml:"activity-status"`
	Dates        []xDate        `xml:"activity-date"`
	Countries    []xCode        `xml:"recipient-country"`
	Regions      []xCode        `xml:"recipient-region"`
	Locations    []xLocation    `xml:"location"`
	Sectors      []xCode        `xml:"sector"`
	Tags         []xTag         `xml:"tag"`
	Budgets      []xBudget      `xml:"budget"`
	Transactions []xTransaction `xml:"transaction"`
	Documents    []xDocument    `xml:"document-link"`
	Results      []xResult      `xml:"result"`
}

type xNarrative struct {
	Lang string `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	Text string `xml:",chardata"`
}

type xOrg struct {
	Ref       string       `xml:"ref,attr"`
	Type      string       `xml:"type,attr"`
	Role      string       `xml:"role,attr"`
	Secondary string       `xml:"secondary-reporter,attr"`
	Names     []xNarrative `xml:"narrative"`
}

type xDescription struct {
	Type       string       `xml:"type,attr"`
	Narratives []xNarrative `xml:"narrative"`
}

type xCode struct {
	Code       string `xml:"code,attr"`
	Vocabulary string `xml:"vocabulary,attr"`
	Percentage string `xml:"percentage,attr"`
}

type xDate struct {
	Type       string       `xml:"type,attr"`
	ISO        string       `xml:"iso-date,attr"`
	Narratives []xNarrative `xml:"narrative"`
}

type xLocation struct {
	Name    []xNarrative `xml:"name>narrative"`
	Country xCode        `xml:"administrative"`
	Pos     string       `xml:"point>pos"`
}

type xTag struct {
	Code       string       `xml:"code,attr"`
	Vocabulary string       `xml:"vocabulary,attr"`
	Narratives []xNarrative `xml:"narrative"`
}

type xDated struct {
	ISO string `xml:"iso-date,attr"`
}

type xValue struct {
	Currency  string `xml:"currency,attr"`
	ValueDate string `xml:"value-date,attr"`
	Amount    string `xml:",chardata"`
}

type xBudget struct {
	Start xDated `xml:"period-start"`
	End   xDated `xml:"period-end"`
	Value xValue `xml:"value"`
}

type xTransaction struct {
	Type     xCode  `xml:"transaction-type"`
	Date     xDated `xml:"transaction-date"`
	Value    xValue `xml:"value"`
	Provider *xOrg  `xml:"provider-org"`
	Receiver *xOrg  `xml:"receiver-org"`
}

type xDocument struct {
	URL      string       `xml:"url,attr"`
	Format   string       `xml:"format,attr"`
	Title    []xNarrative `xml:"title>narrative"`
	Category xCode        `xml:"category"`
	Language xCode        `xml:"language"`
	Date     xDated       `xml:"document-date"`
}

type xResult struct {
	Type       string       `xml:"type,attr"`
	Indicators []xIndicator `xml:"indicator"`
}

type xIndicator struct {
	Measure  string `xml:"measure,attr"`
	Baseline *struct {
		Year  string `xml:"year,attr"`
		Value string `xml:"value,attr"`
	} `xml:"baseline"`
	Start  xDated `xml:"period>period-start"`
	End    xDated `xml:"period>period-end"`
	Target struct {
		Value string `xml:"value,attr"`
	} `xml:"period>target"`
	Actual struct {
		Value string `xml:"value,attr"`
	} `xml:"period>actual"`
}

// langs returns the languages of narratives, in order.
func narrativeLangs(ns []xNarrative) string {
	var out []string
	for _, n := range ns {
		out = append(out, n.Lang)
	}
	return strings.Join(out, ",")
}

// in returns the narrative in a language.
func narrativeIn(ns []xNarrative, lang string) string {
	for _, n := range ns {
		if n.Lang == lang {
			return n.Text
		}
	}
	return ""
}

func TestExportFullProject(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		saveExportFixture(t, db, fullProject(), publishedProject(), bareProject())
		data, n := exportFile(t, db, proximite.SearchFilter{})
		doc := decodeExport(t, data)
		if n != 3 || len(doc.Activities) != 3 {
			t.Fatalf("exported %d activities, want 3", n)
		}
		if doc.Version != "2.03" || doc.Generated != "2024-03-15T10:30:00Z" {
			t.Errorf("root: version %q generated %q", doc.Version, doc.Generated)
		}
		checkFull(t, &doc.Activities[0])
		checkPublished(t, &doc.Activities[1])
		checkBare(t, &doc.Activities[2])
	})
}

func checkFull(t *testing.T, a *xActivity) {
	t.Helper()
	checks := []struct {
		what      string
		got, want string
	}{
		{"identifier", a.ID, "XX-PROXIMITE-puits-et-jardins"},
		{"language", a.Lang, "fr"},
		{"default currency", a.Currency, "CAD"},
		{"reporter", a.Reporting.Ref + " " + a.Reporting.Type + " " + a.Reporting.Secondary, "XX-PROXIMITE 21 1"},
		{"title languages", narrativeLangs(a.Title), "fr,en,es"},
		{"escaped title", narrativeIn(a.Title, "fr"), "Puits & jardins <« Sud »> \uFFFD"},
		{"descriptions", a.Descriptions[0].Type + a.Descriptions[1].Type + a.Descriptions[2].Type, "124"},
		{"description languages", narrativeLangs(a.Descriptions[0].Narratives), "fr,en,bm"},
		{"line breaks", narrativeIn(a.Descriptions[0].Narratives, "fr"), "Des puits.\nEt des jardins."},
		{"status from the dates", a.Status.Code, "2"},
		{"planned start", a.Dates[0].Type + " " + a.Dates[0].ISO + " " + a.Dates[0].Narratives[0].Text, "1 1993-01-01 1993"},
		{"actual start", a.Dates[1].ISO, "1993-05-01"},
		{"planned end, leap year", a.Dates[2].Type + " " + a.Dates[2].ISO, "3 1996-02-29"},
		{"registry participant", a.Participants[2].Ref + " " + a.Participants[2].Type + " " + a.Participants[2].Role + " " + narrativeIn(a.Participants[2].Names, "es"),
			"SN-NINEA-123 22 2 Asociación Sur"},
		{"municipality without reference", a.Participants[0].Ref + "|" + a.Participants[0].Type, "|11"},
		{"participant outside the registry", a.Participants[4].Ref + " " + a.Participants[4].Role + " " + narrativeIn(a.Participants[4].Names, "en"), "XM-DAC-41114 3 UNDP"},
		{"country", a.Countries[0].Code + " " + a.Countries[0].Percentage, "SN 75"},
		{"region", a.Regions[0].Code + " " + a.Regions[0].Percentage, "289 25"},
		{"location", a.Locations[0].Pos + " " + a.Locations[0].Country.Vocabulary + " " + a.Locations[0].Country.Code, "13.75 -15.8 A4 SN"},
		{"sector", a.Sectors[1].Vocabulary + " " + a.Sectors[1].Code + " " + a.Sectors[1].Percentage, "1 31161 40"},
		{"SDG", a.Sectors[2].Vocabulary + " " + a.Sectors[2].Code + " " + a.Sectors[2].Percentage, "7 6 "},
		{"partnership tag", a.Tags[0].Vocabulary + " " + a.Tags[0].Code + " " + narrativeIn(a.Tags[0].Narratives, "en"), "99 partnership:jumelage-test North–South twinning"},
		{"programme tag", a.Tags[1].Code, "programme:prog-test"},
		{"budget of a year", a.Budgets[0].Start.ISO + " " + a.Budgets[0].End.ISO + " " + a.Budgets[0].Value.ValueDate, "1994-01-01 1994-12-31 1994-01-01"},
		{"budget value", a.Budgets[1].Value.Amount + " " + a.Budgets[1].Value.Currency + " " + a.Budgets[1].Value.ValueDate, "8000.5 CAD 1995-01-15"},
		{"transaction", a.Transactions[0].Type.Code + " " + a.Transactions[0].Date.ISO + " " + a.Transactions[0].Value.ValueDate, "2 1993-06-01 1993-06-01"},
		{"provider", a.Transactions[0].Provider.Ref + " " + a.Transactions[0].Provider.Type, "CA-GOV-1 10"},
		{"receiver", a.Transactions[0].Receiver.Ref, "SN-NINEA-123"},
		{"provider by name", narrativeIn(a.Transactions[1].Provider.Names, "fr"), "Donateurs privés"},
		{"document format", a.Documents[0].Format + " " + a.Documents[0].Category.Code, "application/pdf A12"},
		{"document language and date", a.Documents[1].Language.Code + " " + a.Documents[1].Date.ISO, "en 2001-03-01"},
		{"untitled document", a.Documents[2].Title[0].Text, "https://example.org/sans-titre"},
		{"numeric indicator", a.Results[0].Indicators[0].Measure + " " + a.Results[0].Indicators[0].Baseline.Year + " " +
			a.Results[0].Indicators[0].Baseline.Value + " " + a.Results[0].Indicators[0].Target.Value + " " + a.Results[0].Indicators[0].Actual.Value,
			"1 1993 0 10 12"},
		{"indicator period", a.Results[0].Indicators[0].Start.ISO + " " + a.Results[0].Indicators[0].End.ISO, "1993-05-01 1996-02-29"},
		{"result without indicator", a.Results[1].Indicators[0].Measure, "5"},
		{"words as values", a.Results[2].Indicators[0].Measure + " " + a.Results[2].Indicators[0].Actual.Value, "5 3 ha"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %q, want %q", c.what, c.got, c.want)
		}
	}
	kinds := a.Descriptions[2].Narratives
	for lang, want := range map[string][]string{
		"fr": {"Ville du Nord : bénévolat, 120 jours, 8 personnes, valeur estimée à 5000 CAD. Chantier d'été.", "expertise, 1,5 jour, 1 personne."},
		"en": {"Northtown: volunteer work, 120 days, 8 people, estimated value 5000 CAD.", "expert work, 1.5 days, 1 person."},
		"es": {"Asesoría técnica."},
	} {
		for _, w := range want {
			if !strings.Contains(narrativeIn(kinds, lang), w) {
				t.Errorf("in-kind contributions in %s: %q lacks %q", lang, narrativeIn(kinds, lang), w)
			}
		}
	}
}

func checkPublished(t *testing.T, a *xActivity) {
	t.Helper()
	if a.ID != "SN-NINEA-123-P1" || a.Reporting.Ref != "SN-NINEA-123" || a.Reporting.Type != "22" ||
		a.Reporting.Secondary != "0" || narrativeIn(a.Reporting.Names, "fr") != "Association Sud" {
		t.Errorf("a member's own activity: identifier %q reported by %+v, want the member as primary reporter", a.ID, a.Reporting)
	}
	if a.Lang != "fr" || a.Status.Code != "2" || a.Currency != "" {
		t.Errorf("a member's own activity: lang %q status %q currency %q", a.Lang, a.Status.Code, a.Currency)
	}
}

// checkBare checks the fallbacks that make a project with only a title a
// valid activity.
func checkBare(t *testing.T, a *xActivity) {
	t.Helper()
	if a.Lang != "en" {
		t.Errorf("default language %q, want the title's (en)", a.Lang)
	}
	if len(a.Descriptions) != 1 || narrativeIn(a.Descriptions[0].Narratives, "en") != "A bare project" {
		t.Errorf("descriptions %+v, want the title as general description", a.Descriptions)
	}
	if len(a.Participants) != 1 || a.Participants[0].Ref != "XX-PROXIMITE" || a.Participants[0].Role != "2" {
		t.Errorf("participants %+v, want the network as accountable", a.Participants)
	}
	if a.Status.Code != "1" {
		t.Errorf("status %q, want 1 for a project without dates", a.Status.Code)
	}
	if len(a.Dates) != 1 || a.Dates[0].ISO != "2024-03-15" || !strings.Contains(narrativeIn(a.Dates[0].Narratives, "fr"), "inconnue") {
		t.Errorf("dates %+v, want the day of entry in the registry with a note", a.Dates)
	}
}
