package web

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/proximite/proximite"
)

// TestTimelineInDateOrder reads the timeline of the Sainte-Élisabeth–
// Sanankoroba twinning and of Buckingham–Nioro du Rip from their pages:
// events in date order, from the first contact to today.
func TestTimelineInDateOrder(t *testing.T) {
	tests := []struct {
		path  string
		first string
		want  []string
	}{
		{"/fr/partenariats/jumelage-sainte-elisabeth-sanankoroba", "1984",
			[]string{"Jumelage des deux villages", "série de projets communautaires", "Sanankoroba demande un partenariat à SUCO"}},
		{"/en/partnerships/jumelage-buckingham-nioro-du-rip", "1993",
			[]string{"Buckingham forms its first partnership ties", "4 delegations from Buckingham to Nioro du Rip (1993 – 2000)",
				"4 delegations from Nioro du Rip to Buckingham", "The twinning project ends", "Buckingham becomes a sector of the City of Gatineau"}},
	}
	for _, tt := range tests {
		r := get(t, tt.path)
		start := strings.Index(r.Body, `<ol class="timeline">`)
		end := strings.Index(r.Body[max(start, 0):], "</ol>")
		if start < 0 || end < 0 {
			t.Fatalf("%s: no timeline", tt.path)
		}
		tl := r.Body[start : start+end]
		dates := regexp.MustCompile(`<time datetime="([0-9-]+)">`).FindAllStringSubmatch(tl, -1)
		if len(dates) < len(tt.want)+1 || dates[0][1] != tt.first {
			t.Fatalf("%s: dates %v", tt.path, dates)
		}
		for i := 1; i < len(dates); i++ {
			if dates[i][1] < dates[i-1][1] {
				t.Errorf("%s: %s comes after %s", tt.path, dates[i][1], dates[i-1][1])
			}
		}
		if last := dates[len(dates)-1][1]; last != "2025-11-26" {
			t.Errorf("%s: the timeline ends on %s, not today", tt.path, last)
		}
		at := -1
		for _, w := range tt.want {
			i := strings.Index(tl, w)
			if i < 0 {
				t.Errorf("%s: timeline lacks %q", tt.path, w)
			} else if i < at {
				t.Errorf("%s: %q is out of order", tt.path, w)
			}
			at = i
		}
	}
}

func TestTimelineMergesProjectsAndVisits(t *testing.T) {
	l := testSite.loc["en"]
	p := &proximite.Partnership{Start: "1990", End: "1999", Timeline: []proximite.TimelineEvent{
		{Date: "1995-06", Kind: proximite.Renewal, Title: proximite.T("en", "Renewed")},
		{Date: "1990-03-01", Kind: proximite.Agreement, Title: proximite.T("en", "Signed")},
	}}
	projects := []*proximite.Project{{Meta: proximite.Meta{Slug: "well"}, Title: proximite.T("en", "Well"), PlannedStart: "1995", ActualEnd: "1997-10"}}
	visits := []*proximite.Visit{
		{Meta: proximite.Meta{Slug: "v1"}, Title: proximite.T("en", "First stay"), Direction: proximite.SouthToNorth, Start: "1996-04", From: "a", To: "b"},
	}
	evs := timeline(l, p, projects, visits, time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC))
	var got []string
	for _, e := range evs {
		got = append(got, string(e.Date)+" "+e.Kind)
	}
	want := "1990 start|1990-03-01 agreement|1995 project_start|1995-06 renewal|1996-04 visits|1997-10 project_end|1999 end|2020-01-02 today"
	if strings.Join(got, "|") != want {
		t.Errorf("timeline\n got %s\nwant %s", strings.Join(got, "|"), want)
	}
}
