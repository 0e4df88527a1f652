package iati_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/demo"
	"github.com/proximite/proximite/internal/iati"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// schemaPath is the official IATI 2.03 activity schema, in the project's
// shared material beside the repository.
const schemaPath = "../../../shared/iati/schemas/2.03/iati-activities-schema.xsd"

// validate checks an IATI file against the official schema with xmllint
// and fails the test with xmllint's own messages when it is not valid.
// Without the schema (a clone without ../shared) or without xmllint the
// test is skipped, except under CI, where xmllint is required.
func xmllintValidate(t *testing.T, path string) {
	t.Helper()
	if _, err := os.Stat(schemaPath); err != nil {
		t.Skipf("skipping schema validation: %s is absent (the project's shared material is expected at ../shared)", schemaPath)
	}
	bin, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("xmllint is required under CI to validate IATI exports (apt-get install libxml2-utils)")
		}
		t.Skip("skipping schema validation: xmllint is not installed (apt-get install libxml2-utils)")
	}
	out, err := exec.Command(bin, "--noout", "--nonet", "--schema", schemaPath, path).CombinedOutput()
	if err != nil {
		msg := string(out)
		if len(msg) > 8000 {
			msg = msg[:8000] + "\n…"
		}
		t.Fatalf("%s is not valid IATI 2.03 (%v):\n%s", filepath.Base(path), err, msg)
	}
}

// export writes the projects matching f to a temp file, checks it against
// the schema when it holds activities, and returns its content and the
// count WriteActivities gave.
func exportFile(t *testing.T, src iati.Source, f proximite.SearchFilter) ([]byte, int) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "export.xml")
	file, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	n, err := iati.WriteActivities(context.Background(), file, src, f, iati.Options{Generated: fixtureTime})
	if cerr := file.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	if n > 0 {
		xmllintValidate(t, path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data, n
}

// loadDemoRegistry writes the demonstration registry.
func loadDemoRegistry(t *testing.T, db *sqlstore.DB) {
	t.Helper()
	if _, err := demo.Load(context.Background(), db); err != nil {
		t.Fatalf("load the demonstration registry: %v", err)
	}
}

// saveFixture writes the fixture registry with the given projects.
func saveExportFixture(t *testing.T, db *sqlstore.DB, projects ...*proximite.Project) {
	t.Helper()
	db.Now = func() time.Time { return fixtureTime }
	var recs []any
	for _, o := range fixtureOrganisations() {
		recs = append(recs, o)
	}
	recs = append(recs, fixtureProgramme(), fixturePartnership())
	for _, p := range projects {
		recs = append(recs, p)
	}
	if err := db.SaveMany(context.Background(), recs...); err != nil {
		t.Fatalf("save the fixture: %v", err)
	}
}

// decode reads an export back for assertions.
func decodeExport(t *testing.T, data []byte) *xActivities {
	t.Helper()
	var doc xActivities
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("the export is not readable XML: %v", err)
	}
	return &doc
}

func TestExportDemoValidates(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		loadDemoRegistry(t, db)
		data, n := exportFile(t, db, proximite.SearchFilter{})
		want := 0
		for _, p := range demo.Records().Projects {
			if p.State == proximite.Published {
				want++
			}
		}
		doc := decodeExport(t, data)
		if n != want || len(doc.Activities) != want {
			t.Fatalf("exported %d activities (%d in the file), want the %d published demonstration projects", n, len(doc.Activities), want)
		}
		for _, a := range doc.Activities {
			if a.Reporting.Ref != iati.DefaultOrgRef || a.Reporting.Secondary != "1" {
				t.Errorf("%s: reported by %q (secondary %q), want the network as secondary reporter", a.ID, a.Reporting.Ref, a.Reporting.Secondary)
			}
			if len(a.Title) < 2 {
				t.Errorf("%s: title in %d languages, want French and English", a.ID, len(a.Title))
			}
		}
	})
}

func TestExportFilters(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		loadDemoRegistry(t, db)
		draft := &proximite.Project{Meta: proximite.Meta{Slug: "brouillon-mali", State: proximite.Draft},
			Title: proximite.T("fr", "Brouillon au Mali"), Countries: []proximite.CountryShare{{Code: "ML"}}}
		if err := db.CreateProject(context.Background(), draft); err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			name string
			f    proximite.SearchFilter
			min  int
		}{
			{"country", proximite.SearchFilter{Filters: map[string][]string{"country": {"ML"}}}, 3},
			{"words", proximite.SearchFilter{Query: "ordures"}, 1},
			{"partnership", proximite.SearchFilter{Partnership: "jumelage-sainte-elisabeth-sanankoroba"}, 2},
			{"two countries", proximite.SearchFilter{Filters: map[string][]string{"country": {"ML", "SN"}}}, 4},
		} {
			t.Run(tc.name, func(t *testing.T) {
				data, n := exportFile(t, db, tc.f)
				res, err := db.Search(context.Background(), projectSearch(tc.f))
				if err != nil {
					t.Fatal(err)
				}
				want := map[string]bool{}
				for _, h := range res.Hits {
					want[iati.DefaultOrgRef+"-"+h.Slug] = true
				}
				got := map[string]bool{}
				for _, a := range decodeExport(t, data).Activities {
					got[a.ID] = true
				}
				if n < tc.min || n != len(want) || len(got) != len(want) {
					t.Fatalf("exported %d activities %v, want the %d (at least %d) that search finds %v", n, got, len(want), tc.min, want)
				}
				for id := range want {
					if !got[id] {
						t.Errorf("%s is found by search but not exported", id)
					}
				}
				if got[iati.DefaultOrgRef+"-brouillon-mali"] {
					t.Error("a draft project was exported")
				}
			})
		}
	})
}

// withProjects returns the search for the projects an export filter
// selects, on one page.
func projectSearch(f proximite.SearchFilter) proximite.SearchFilter {
	filters := map[string][]string{"type": {"project"}}
	for k, v := range f.Filters {
		filters[k] = v
	}
	f.Filters, f.Limit = filters, proximite.MaxLimit
	return f
}

func TestExportNothingMatches(t *testing.T) {
	db := sqltest.Open(t, "sqlite")
	loadDemoRegistry(t, db)
	data, n := exportFile(t, db, proximite.SearchFilter{Query: "aucunmotpareil"})
	if n != 0 || len(decodeExport(t, data).Activities) != 0 || !bytes.Contains(data, []byte(`<iati-activities version="2.03"`)) {
		t.Fatalf("export of nothing: %d activities:\n%s", n, data)
	}
}

// TestExportFailureWritesNothing checks that an export failing before its
// first flush leaves its writer untouched, so that the API can still
// answer with an error.
func TestExportFailureWritesNothing(t *testing.T) {
	src := &failingSource{memSource: newMemSource(fullProject(), bareProject()), after: 1}
	var buf bytes.Buffer
	n, err := iati.WriteActivities(context.Background(), &buf, src, proximite.SearchFilter{}, iati.Options{})
	if err == nil || n != 1 {
		t.Fatalf("WriteActivities = %d, %v; want 1 activity and the source's error", n, err)
	}
	if buf.Len() != 0 {
		t.Fatalf("%d bytes written before the failure", buf.Len())
	}
}

// failingSource fails after streaming a number of projects.
type failingSource struct {
	*memSource
	after int
}

func (f *failingSource) EachProject(ctx context.Context, filter proximite.SearchFilter, fn func(*proximite.Project) error) error {
	n := 0
	return f.memSource.EachProject(ctx, filter, func(p *proximite.Project) error {
		if n == f.after {
			return proximite.Errorf(proximite.EINTERNAL, "the database went away")
		}
		n++
		return fn(p)
	})
}

func TestExportBadOrgRef(t *testing.T) {
	var buf bytes.Buffer
	_, err := iati.WriteActivities(context.Background(), &buf, newMemSource(bareProject()), proximite.SearchFilter{},
		iati.Options{OrgRef: "ROSI Outaouais"})
	if proximite.ErrorCode(err) != proximite.EINVALID || !strings.Contains(err.Error(), "org_ref") || buf.Len() != 0 {
		t.Fatalf("a reference with a space: %v, %d bytes written; want an invalid org_ref and nothing written", err, buf.Len())
	}
}

func TestExportCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := iati.WriteActivities(ctx, &bytes.Buffer{}, newMemSource(bareProject()), proximite.SearchFilter{}, iati.Options{Generated: time.Now()})
	if err == nil {
		t.Fatal("a cancelled export succeeded")
	}
}
