package iati_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/iati"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

func TestImportUpdatesAndKeepsTheRegistrysOwn(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(sharedDir(t), "v1-and-edge-cases", "many_activities.xml"))
	if err != nil {
		t.Fatal(err)
	}
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		path := writeFile(t, "many_activities.xml", string(src))
		importFiles(t, &iati.Importer{DB: db}, path)
		p, err := db.FindProject(ctx, "gb-chc-285908-197126")
		if err != nil {
			t.Fatal(err)
		}
		p.State = proximite.Draft
		p.Sources = append(p.Sources, "Visit report 2013")
		if err := db.UpdateProject(ctx, p); err != nil {
			t.Fatal(err)
		}
		// A newer file changes one title.
		newer := strings.Replace(string(src), "Citizen Voice and Action", "Citizen Voice and Action (phase 2)", 1)
		path = writeFile(t, "many_activities.xml", newer)
		r := importFiles(t, &iati.Importer{DB: db}, path)[0]
		if r.Created != 0 || r.Updated != 1 || r.Unchanged != 1 {
			t.Fatalf("newer file: %+v", r.Import)
		}
		p, err = db.FindProject(ctx, "gb-chc-285908-197126")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(p.Title["en"], "(phase 2)") || p.State != proximite.Draft ||
			strings.Join(p.Sources, "|") != "Visit report 2013|IATI file many_activities.xml" {
			t.Errorf("updated project: title %q, state %s, sources %v", p.Title["en"], p.State, p.Sources)
		}
	})
}

// breakActivity returns a copy of a file whose nth activity (from 0) has
// lost its identifier, and the line where that activity starts.
func breakActivity(t *testing.T, src string, n int) (string, int) {
	t.Helper()
	locs := activityTag.FindAllStringIndex(src, -1)
	if n >= len(locs) {
		t.Fatalf("the file has %d activities", len(locs))
	}
	start := locs[n][0]
	rest := src[start:]
	re := regexp.MustCompile(`<iati-identifier>[^<]*</iati-identifier>`)
	loc := re.FindStringIndex(rest)
	broken := src[:start] + rest[:loc[0]] + rest[loc[1]:]
	return broken, strings.Count(src[:start], "\n") + 1
}

func TestImportAllOrNothing(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(sharedDir(t), "v1-and-edge-cases", "missing_dates.xml"))
	if err != nil {
		t.Fatal(err)
	}
	broken, line := breakActivity(t, string(src), 30)
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		good := writeFile(t, "good.xml", string(src))
		bad := writeFile(t, "one-broken.xml", broken)
		im := &iati.Importer{DB: db, AllOrNothing: true, BatchSize: 10}
		reports := importFiles(t, im, good, bad)
		if projects, orgs := records(t, db); projects != 0 || orgs != 0 {
			t.Fatalf("all or nothing wrote %d projects and %d organisations", projects, orgs)
		}
		r := reports[1]
		if r.Rejected != 1 || len(r.Rejections) != 1 || !strings.Contains(r.Error, "nothing written") {
			t.Fatalf("report %+v", r)
		}
		if m := r.Rejections[0]; m.Line < line || m.Line > line+1 || !strings.Contains(m.Message, "no <iati-identifier>") {
			t.Errorf("rejection %+v, want line %d and the reason", m, line)
		}
		if !strings.Contains(reports[0].Error, "nothing written") {
			t.Errorf("the good file's report says %q", reports[0].Error)
		}

		// Import what is valid: all but the broken activity.
		im.AllOrNothing = false
		r = importFiles(t, im, bad)[0]
		if r.Created != 48 || r.Rejected != 1 {
			t.Fatalf("import what is valid: %+v", r.Import)
		}

		// All or nothing on files without problems writes them, with one
		// log entry per file.
		im.AllOrNothing = true
		r = importFiles(t, im, good)[0]
		if r.Created != 1 || r.Updated != 48 || r.Read != 49 || r.Error != "" { // updated: the source is another file
			t.Fatalf("all or nothing on a good file: %+v", r.Import)
		}
		log, err := db.ListImports(ctx, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(log) != 4 || log[0].File != good || log[0].Created != 1 || log[0].FinishedAt == nil {
			t.Errorf("import log %+v", log)
		}
	})
}

func TestImportLogAndResume(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(sharedDir(t), "v1-and-edge-cases", "missing_dates.xml"))
	if err != nil {
		t.Fatal(err)
	}
	broken, _ := breakActivity(t, string(src), 24)
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		path := writeFile(t, "dates.xml", broken)
		// The import is stopped when it meets the broken activity, the
		// 25th: the first two batches of ten are written, the third is not.
		im := &iati.Importer{DB: db, BatchSize: 10, Out: cancelWriter(cancel)}
		if _, err := im.Run(ctx, path); err == nil {
			t.Fatal("a cancelled import reports no error")
		}
		if projects, _ := records(t, db); projects != 20 {
			t.Fatalf("%d projects after the interruption, want the 20 of two whole batches", projects)
		}
		ctx = context.Background()
		log, err := db.ListImports(ctx, 1)
		if err != nil {
			t.Fatal(err)
		}
		if log[0].Error != "stopped: context canceled" || log[0].FinishedAt == nil || log[0].Created != 20 {
			t.Errorf("log of the interrupted import %+v", log[0])
		}

		// Running it again completes the work, and the log tells it all.
		im.Out = nil
		r := importFiles(t, im, path)[0]
		if r.Created != 28 || r.Unchanged != 20 || r.Rejected != 1 {
			t.Fatalf("second run %+v", r.Import)
		}
		sum := sha256.Sum256([]byte(broken))
		entry, err := db.FindImport(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if entry.Checksum != hex.EncodeToString(sum[:]) || entry.File != path || entry.Read != 49 || entry.Rejected != 1 {
			t.Errorf("log entry %+v", entry)
		}
		msgs, err := db.ImportMessages(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		rejected := 0
		for _, m := range msgs {
			if m.Level == sqlstore.ImportRejected {
				rejected++
				if m.Line == 0 || !strings.Contains(m.Message, "no <iati-identifier>") {
					t.Errorf("rejection %+v", m)
				}
			}
		}
		if rejected != 1 || len(msgs) != 1+r.Warnings {
			t.Errorf("%d messages (%d rejections) for %d warnings and 1 rejection", len(msgs), rejected, r.Warnings)
		}
	})
}

func TestImportFileProblems(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		notXML := writeFile(t, "data.xml", "identifier,title\nXM-1,Water\n")
		notIATI := writeFile(t, "page.xml", "<html><body>Not found</body></html>")
		reports := importFiles(t, &iati.Importer{DB: db}, notXML, notIATI)
		if !strings.Contains(reports[0].Error, "not an XML file") || !strings.Contains(reports[1].Error, "not an IATI activity file") {
			t.Errorf("errors %q and %q", reports[0].Error, reports[1].Error)
		}
		if _, err := (&iati.Importer{DB: db}).Run(context.Background(), filepath.Join(t.TempDir(), "missing.xml")); proximite.ErrorCode(err) != proximite.EINVALID {
			t.Errorf("a missing file gives %v", err)
		}
	})
}

// cancelWriter cancels the import when the first rejection is written.
type cancelWriter context.CancelFunc

func (c cancelWriter) Write(p []byte) (int, error) { c(); return len(p), nil }

func TestImportSlugsAreUniqueAndStable(t *testing.T) {
	long := "XM-LONG-" + strings.Repeat("0123456789", 14)
	path := writeFile(t, "slugs.xml", `<iati-activities>
<iati-activity><iati-identifier>XM-CASE-1</iati-identifier><title>Upper</title></iati-activity>
<iati-activity><iati-identifier>xm-case-1</iati-identifier><title>Lower</title></iati-activity>
<iati-activity><iati-identifier>`+long+`</iati-identifier><title>Long</title></iati-activity>
</iati-activities>`)
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		im := &iati.Importer{DB: db}
		if r := importFiles(t, im, path)[0]; r.Created != 3 {
			t.Fatalf("first import %+v", r.Import)
		}
		slugs := map[string]string{}
		for _, id := range []string{"XM-CASE-1", "xm-case-1", long} {
			slug, err := db.LookupKey(ctx, proximite.TypeProject, sqlstore.KeyIATIID, id)
			if err != nil {
				t.Fatalf("%s: %v", id, err)
			}
			slugs[id] = slug
		}
		if slugs["XM-CASE-1"] != "xm-case-1" || !regexp.MustCompile(`^xm-case-1-[0-9a-f]{10}$`).MatchString(slugs["xm-case-1"]) ||
			len(slugs[long]) > 120 || !strings.HasPrefix(slugs[long], "xm-long-0123") {
			t.Errorf("slugs %v", slugs)
		}
		if r := importFiles(t, im, path)[0]; r.Created != 0 || r.Unchanged != 3 {
			t.Fatalf("second import %+v", r.Import)
		}
	})
}

// The registry is asked about activities in groups (prefetch), while
// batches are written in between: an activity met again after its batch
// was written updates its project, a slug or an organisation taken by an
// earlier batch is not taken again, within a file and from one file to
// the next.
func TestImportRepeatsAcrossBatches(t *testing.T) {
	activity := func(id, title, org string) string {
		return `<iati-activity><iati-identifier>` + id + `</iati-identifier><title><narrative>` + title + `</narrative></title>
<participating-org role="4"><narrative>` + org + `</narrative></participating-org></iati-activity>`
	}
	var first, second strings.Builder
	first.WriteString(`<iati-activities version="2.03">`)
	first.WriteString(activity("XM-REP-1", "Première", "Comité de jumelage de Sanankoroba"))
	first.WriteString(strings.Replace(activity("XM-REF-A", "Réf A", "Partenaire commun"), `role="4"`, `role="4" ref="XM-ORG-A"`, 1))
	for i := range 7 {
		first.WriteString(activity(fmt.Sprintf("XM-FILL-%d", i), "Autre", fmt.Sprintf("Partenaire %d", i)))
	}
	first.WriteString(activity("XM-REP-1", "Première, revue", "Comité de jumelage de Sanankoroba"))
	first.WriteString(activity("xm-rep-1", "Même slug", "Comité de jumelage de Sanankoroba"))
	// The same name, another organisation: its slug is not the first's.
	first.WriteString(strings.Replace(activity("XM-REF-B", "Réf B", "Partenaire commun"), `role="4"`, `role="4" ref="XM-ORG-B"`, 1))
	first.WriteString(`</iati-activities>`)
	second.WriteString(`<iati-activities version="2.03">`)
	second.WriteString(activity("XM-REP-1", "Première, encore", "Comité de jumelage de Sanankoroba"))
	second.WriteString(activity("XM-FILL-3", "Autre, revue", "Partenaire 3"))
	second.WriteString(`</iati-activities>`)
	a, b := writeFile(t, "a.xml", first.String()), writeFile(t, "b.xml", second.String())
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		for round := range 5 { // the groups the reader has ready vary from run to run
			t.Run(fmt.Sprint(round), func(t *testing.T) {
				db := sqltest.Open(t, db.Dialect())
				im := &iati.Importer{DB: db, BatchSize: 2}
				reports := importFiles(t, im, a, b)
				if r := reports[0]; r.Created != 11 || r.Updated != 1 || r.Error != "" {
					t.Errorf("first file: %+v", r.Import)
				}
				if r := reports[1]; r.Created != 0 || r.Updated != 2 || r.Error != "" {
					t.Errorf("second file: %+v", r.Import)
				}
				projects, orgs := records(t, db)
				if projects != 11 || orgs != 10 {
					t.Errorf("%d projects and %d organisations, want 11 and 10", projects, orgs)
				}
				p, err := db.FindProject(context.Background(), "xm-rep-1")
				if err != nil || !strings.Contains(p.Title.String(), "encore") || p.IATIIdentifier != "XM-REP-1" {
					t.Fatalf("xm-rep-1: %v %+v", err, p)
				}
			})
		}
	})
}
