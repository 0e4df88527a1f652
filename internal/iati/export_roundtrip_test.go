package iati_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/iati"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// publisherSamples returns the real 2.0x activity files of the shared
// material, or skips when it is absent.
func roundTripSamples(t *testing.T) []string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "iati", "activities", "publisher-samples")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("skipping: no IATI publisher samples at %s (the project's shared material is expected at ../shared)", dir)
	}
	var files []string
	for _, sub := range []string{"xml", "codeforiati-dump-acfspain"} {
		found, err := filepath.Glob(filepath.Join(dir, sub, "*.xml"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range found {
			if !isOrganisationFile(t, f) {
				files = append(files, f)
			}
		}
	}
	if len(files) == 0 {
		t.Fatalf("no activity file under %s", dir)
	}
	return files
}

// isOrganisationFile reports whether a file holds IATI organisations
// rather than activities, by its root element.
func isOrganisationFile(t *testing.T, path string) bool {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, _ := io.ReadFull(f, head)
	return bytes.Contains(head[:n], []byte("<iati-organisations"))
}

// roundTripSubset is one file per publisher, with every kind of part
// (qualitative indicators, several languages, transactions, results),
// for the runs that cannot take every file.
var roundTripSubset = map[string]bool{
	"acfspain-ml.xml": true, "acfspain-ph.xml": true, "usaid-bb.xml": true, "who-arg.xml": true,
	"worldbank-679.xml": true, "iati-activities-am-armenia.xml": true, "wri-521257057-strategic-plan-2023-2027.xml": true,
}

// TestRoundTrip imports each real publisher file, exports what was
// imported, checks the export against the official schema, imports the
// export over the first import, and expects every project to be exactly
// as it was: the export says everything the import keeps. SQLite takes
// every file; PostgreSQL, and both under the race detector, take one
// file per publisher, which keeps the suite quick.
func TestRoundTrip(t *testing.T) {
	files := roundTripSamples(t)
	for _, dialect := range sqltest.Dialects {
		t.Run(dialect, func(t *testing.T) {
			total := 0
			for _, file := range files {
				if (dialect == "postgres" || exportUnderRace) && !roundTripSubset[filepath.Base(file)] {
					continue
				}
				t.Run(filepath.Base(filepath.Dir(file))+"/"+filepath.Base(file), func(t *testing.T) {
					total += roundTrip(t, sqltest.Open(t, dialect), file)
				})
			}
			t.Logf("%d activities went through import → export → import unchanged", total)
		})
	}
}

// roundTrip runs one file through import, export and import again, and
// returns the number of projects compared.
func roundTrip(t *testing.T, db *sqlstore.DB, file string) int {
	t.Helper()
	ctx := context.Background()
	im := &iati.Importer{DB: db}
	reps, err := im.Run(ctx, file)
	if err != nil {
		t.Fatalf("import %s: %v", file, err)
	}
	if reps[0].Error != "" {
		t.Fatalf("import %s: %s", file, reps[0].Error)
	}
	before := projectSnapshot(t, db)
	if len(before) == 0 {
		t.Fatalf("%s: %d activities read, none imported", file, reps[0].Read)
	}
	// The export takes the original's name, in another folder, so that the
	// projects' sources ("IATI file NAME") are the same after the second
	// import.
	out := filepath.Join(t.TempDir(), filepath.Base(file))
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	n, err := iati.WriteActivities(ctx, f, db, proximite.SearchFilter{IncludeUnpublished: true},
		iati.Options{Generated: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)})
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	if n != len(before) {
		t.Fatalf("exported %d activities, want the %d imported", n, len(before))
	}
	xmllintValidate(t, out)

	reps, err = im.Run(ctx, out)
	if err != nil {
		t.Fatalf("import the export: %v", err)
	}
	if r := reps[0]; r.Error != "" || r.Rejected > 0 || r.Created > 0 {
		t.Fatalf("import the export: %d created, %d rejected, error %q, first rejections %v",
			r.Created, r.Rejected, r.Error, r.Rejections)
	}
	after := projectSnapshot(t, db)
	ids := make([]string, 0, len(before))
	for id := range before {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	bad := 0
	for _, id := range ids {
		if b, a := before[id], after[id]; a != b {
			if bad++; bad <= 3 {
				t.Errorf("%s changed in the round trip:\n%s", id, jsonDiff(b, a))
			}
		}
	}
	if bad > 3 {
		t.Errorf("… and %d more projects changed", bad-3)
	}
	return len(before)
}

// snapshot returns every project as JSON by IATI identifier, without what
// changes on each write (the update time) or is filled in on read.
//
// A participant is compared by the reference it is known by: its own, or
// else its organisation's. A file may name an organisation by name only
// in one activity and with its reference in another; the import matches
// both to one organisation, which has the reference, and the export gives
// it (the most useful identifier the registry knows), so the second
// import records as the participant's own what the first knew through
// its organisation.
func projectSnapshot(t *testing.T, db *sqlstore.DB) map[string]string {
	t.Helper()
	ctx := context.Background()
	out := map[string]string{}
	refs := map[string]string{}
	err := db.EachProject(ctx, proximite.SearchFilter{IncludeUnpublished: true}, func(p *proximite.Project) error {
		p.UpdatedAt = time.Time{}
		for i, pt := range p.Participants {
			p.Participants[i].OrgName, p.Participants[i].OrgKind = nil, ""
			if pt.Ref != "" || pt.Org == "" {
				continue
			}
			ref, ok := refs[pt.Org]
			if !ok {
				o, err := db.FindOrganisation(ctx, pt.Org)
				if err != nil {
					return err
				}
				ref, refs[pt.Org] = o.IATIRef, o.IATIRef
			}
			p.Participants[i].Ref = ref
		}
		b, err := json.MarshalIndent(p, "", " ")
		out[p.IATIIdentifier] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// jsonDiff shows the lines of two indented JSON documents that differ,
// aligned on their longest common subsequence of lines.
func jsonDiff(a, b string) string {
	x, y := strings.Split(a, "\n"), strings.Split(b, "\n")
	// lcs[i][j] is the length of the longest common subsequence of x[i:]
	// and y[j:].
	lcs := make([][]int, len(x)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(y)+1)
	}
	for i := len(x) - 1; i >= 0; i-- {
		for j := len(y) - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []string
	i, j := 0, 0
	for (i < len(x) || j < len(y)) && len(out) < 30 {
		switch {
		case i < len(x) && j < len(y) && x[i] == y[j]:
			i, j = i+1, j+1
		case j < len(y) && (i == len(x) || lcs[i][j+1] >= lcs[i+1][j]):
			out = append(out, "+ "+y[j])
			j++
		default:
			out = append(out, "- "+x[i])
			i++
		}
	}
	return strings.Join(out, "\n")
}
