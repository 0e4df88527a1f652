package proximite_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/proximite/proximite"
)

func TestTextIn(t *testing.T) {
	tests := []struct {
		text           proximite.Text
		lang, want, as string
	}{
		{proximite.T("fr", "Jumelage", "en", "Twinning"), "en", "Twinning", "en"},
		{proximite.T("fr", "Jumelage"), "en", "Jumelage", "fr"},
		{proximite.T("es", "Hermanamiento"), "fr", "Hermanamiento", "es"},
		{proximite.T("en", "Twinning", "es", "Hermanamiento"), "fr", "Twinning", "en"},
		{proximite.Text{}, "fr", "", "fr"},
	}
	for _, tt := range tests {
		got, as := tt.text.In(tt.lang)
		if got != tt.want || as != tt.as {
			t.Errorf("%v.In(%s) = %q (%s), want %q (%s)", tt.text, tt.lang, got, as, tt.want, tt.as)
		}
	}
}

func TestFoldAndSlugify(t *testing.T) {
	if got := proximite.Fold("Sainte-Élisabeth, SÉNÉGAL, Œuvre"); got != "sainte-elisabeth, senegal, oeuvre" {
		t.Errorf("Fold: %q", got)
	}
	if got := proximite.Slugify("  Jumelage Sainte-Élisabeth – Sanankoroba (1985) "); got != "jumelage-sainte-elisabeth-sanankoroba-1985" {
		t.Errorf("Slugify: %q", got)
	}
}

func TestDate(t *testing.T) {
	for d, valid := range map[proximite.Date]bool{"": true, "1993": true, "1993-05": true, "1993-05-12": true,
		"1993-13": false, "1993-02-30": false, "93": false, "1993/05/12": false, "1993-5-1": false} {
		if d.Valid() != valid {
			t.Errorf("%q.Valid() = %v", d, !valid)
		}
	}
	if proximite.Date("1984-10").Year() != 1984 {
		t.Error("Year")
	}
}

// fields returns the names of the fields that err reports.
func fields(err error) map[string]bool {
	out := map[string]bool{}
	var v proximite.ValidationErrors
	if errors.As(err, &v) {
		for _, e := range v {
			out[e.Field] = true
		}
	}
	return out
}

func TestValidationNamesFields(t *testing.T) {
	pct := func(f float64) *float64 { return &f }
	tests := []struct {
		name string
		rec  interface{ Validate() error }
		want []string
	}{
		{"organisation", &proximite.Organisation{Meta: proximite.Meta{Slug: "Bad Slug"}, Kind: "castle", Country: "XX",
			Point: &proximite.Point{Lat: 95}, Links: []proximite.OrgLink{{Kind: "cousin_of"}}},
			[]string{"slug", "name", "kind", "country", "point.lat", "links[0].kind", "links[0].target"}},
		{"partnership", &proximite.Partnership{Meta: proximite.Meta{Slug: "p", State: "lost"}, Kind: "marriage", Form: "charity",
			Parties: []proximite.Party{{Org: "a", Side: "east"}}, Start: "2000", End: "1999",
			Timeline: []proximite.TimelineEvent{{Date: "someday", Kind: "party"}}},
			[]string{"state", "title", "kind", "form", "parties", "parties[0].side", "end", "timeline[0].date", "timeline[0].kind", "timeline[0].title"}},
		{"project", &proximite.Project{Meta: proximite.Meta{Slug: "p"}, Title: proximite.T("fr", "P"), Status: "9",
			ActualStart: "2000", ActualEnd: "1999",
			Sectors:      []proximite.SectorShare{{Code: "99999", Percentage: pct(50)}, {Code: "15150", Percentage: pct(30)}},
			Countries:    []proximite.CountryShare{{Code: "ZZ"}},
			Participants: []proximite.Participant{{Role: "7"}},
			Budgets:      []proximite.Budget{{PeriodStart: "2001", PeriodEnd: "2000", Value: proximite.Money{Amount: 1, Currency: "XYZ"}}},
			Transactions: []proximite.Transaction{{Type: "99"}},
			InKind:       []proximite.InKind{{Kind: "sweat", Days: -1}}},
			[]string{"status", "planned_end", "sectors[0].code", "sectors", "countries[0].code", "participants[0].org",
				"participants[0].role", "budgets[0].period_end", "budgets[0].value.currency", "transactions[0].type",
				"transactions[0].date", "in_kind[0].kind", "in_kind[0].days"}},
		{"visit", &proximite.Visit{Meta: proximite.Meta{Slug: "v"}, Direction: "up", From: "a", To: "a",
			People: []proximite.Travellers{{Kind: "aliens", Count: -2}}},
			[]string{"title", "direction", "start", "to", "people[0].kind", "people[0].count"}},
		{"programme", &proximite.Programme{Meta: proximite.Meta{Slug: "x"}, Covers: []string{"yachts"},
			Eligible: []proximite.OrgKind{"king"}, DurationMonthsMin: 36, DurationMonthsMax: 24},
			[]string{"name", "funder", "covers[0]", "eligible[0]", "duration_months_max"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fields(tt.rec.Validate())
			for _, f := range tt.want {
				if !got[f] {
					t.Errorf("no error for %s; got %v", f, got)
				}
			}
		})
	}
	ok := &proximite.Project{Meta: proximite.Meta{Slug: "ok"}, Title: proximite.T("fr", "Bon"), Status: "2",
		Sectors: []proximite.SectorShare{{Code: "15150", Percentage: pct(60)}, {Code: "14030", Percentage: pct(40)}}}
	if err := ok.Validate(); err != nil {
		t.Errorf("a valid project: %v", err)
	}
}

// TestDateValid compares Date.Valid with time.Parse, which it replaced,
// on every day, month and year around the calendar's edges.
func TestDateValid(t *testing.T) {
	layouts := map[int]string{4: "2006", 7: "2006-01", 10: "2006-01-02"}
	check := func(s string) {
		_, err := time.Parse(layouts[len(s)], s)
		want := err == nil && layouts[len(s)] != ""
		if got := proximite.Date(s).Valid(); got != want {
			t.Errorf("Date(%q).Valid() = %v, want %v", s, got, want)
		}
	}
	for _, y := range []int{0, 1, 1600, 1899, 1900, 1999, 2000, 2023, 2024, 2100, 9999} {
		check(fmt.Sprintf("%04d", y))
		for m := 0; m <= 13; m++ {
			check(fmt.Sprintf("%04d-%02d", y, m))
			for d := 0; d <= 32; d++ {
				check(fmt.Sprintf("%04d-%02d-%02d", y, m, d))
			}
		}
	}
	for _, s := range []string{"202", "20245", "2024-1", "2024-01-1", "2024/01/01", "2024-01-01T", "abcd", "2024-0a", "２０２４"} {
		check(s)
	}
	if !proximite.Date("").Valid() {
		t.Error("the empty date is valid")
	}
}
