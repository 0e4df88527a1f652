package iati_test

import (
	"context"
	"io"
	"io/fs"
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

var activityTag = regexp.MustCompile(`<iati-activity[\s>/]`)

// expected counts the activities of a file the plain way, to check the
// reader against.
func expected(t *testing.T, path string) int {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return len(activityTag.FindAll(b, -1))
}

// importFiles runs an import and fails the test on a run error.
func importFiles(t *testing.T, im *iati.Importer, paths ...string) []*iati.Report {
	t.Helper()
	reports, err := im.Run(context.Background(), paths...)
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	return reports
}

// projects returns how many projects and organisations the registry holds.
func records(t *testing.T, db *sqlstore.DB) (projects, orgs int) {
	t.Helper()
	c, err := db.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c[proximite.TypeProject], c[proximite.TypeOrganisation]
}

// fileProblems are the files of ../shared/iati/activities that are not
// imported whole, with what their report must say.
var fileProblems = map[string]struct {
	rejected int
	reason   string // in the file's error, or in each rejection
}{
	"broken.xml":                    {0, "line 4: the file ends before </iati-activities>"},
	"usaid-bo.xml":                  {3, "iati_identifier: must not contain spaces or the characters / & | ?"},
	"same_orgs_different_roles.xml": {5, "iati_identifier: must not contain spaces or the characters / & | ?"},
}

// checkReports checks each file's report against a plain count of its
// activities.
func checkReports(t *testing.T, reports []*iati.Report) {
	t.Helper()
	for _, r := range reports {
		name := filepath.Base(r.File)
		want := expected(t, r.File)
		if r.Read != want {
			t.Errorf("%s: read %d activities, the file has %d", name, r.Read, want)
		}
		if n := r.Created + r.Updated + r.Unchanged + r.Rejected; n != r.Read {
			t.Errorf("%s: %d created + updated + unchanged + rejected, %d read", name, n, r.Read)
		}
		problem, known := fileProblems[name]
		switch {
		case strings.Contains(r.File, "organization-files") || name == "wri-org.xml":
			if !strings.Contains(r.Error, "an IATI organisation file, not an activity file") {
				t.Errorf("%s: error %q, want one saying it is an organisation file", name, r.Error)
			}
		case known && problem.rejected == 0:
			if !strings.Contains(r.Error, problem.reason) {
				t.Errorf("%s: error %q, want %q", name, r.Error, problem.reason)
			}
		case known:
			if r.Rejected != problem.rejected || r.Error != "" {
				t.Errorf("%s: %d rejected, error %q; want %d rejected", name, r.Rejected, r.Error, problem.rejected)
			}
			for _, m := range r.Rejections {
				if m.Line == 0 || m.Identifier == "" || !strings.Contains(m.Message, problem.reason) {
					t.Errorf("%s: rejection %+v lacks a line, identifier or reason", name, m)
				}
			}
		default:
			if r.Rejected != 0 || r.Error != "" {
				t.Errorf("%s: %d rejected (%v), error %q", name, r.Rejected, r.Rejections, r.Error)
			}
		}
	}
}

// allFiles lists every .xml file of ../shared/iati/activities.
func allFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(sharedDir(t), func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".xml") {
			files = append(files, path)
		}
		return err
	})
	if err != nil || len(files) == 0 {
		t.Fatalf("no files: %v", err)
	}
	return files
}

// TestReadEveryFile reads every real file without a database: each
// gives the expected number of activities, and only the known ones are
// rejected, with their reason. The files are read in parallel, since the
// race detector makes the XML decoder slow.
func TestReadEveryFile(t *testing.T) {
	for _, path := range allFiles(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			t.Parallel()
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			r := &iati.Report{Import: sqlstore.Import{File: path}}
			rd := iati.NewReader(f)
			for {
				a, err := rd.Next()
				if err == io.EOF {
					break
				} else if err != nil {
					r.Error = err.Error()
					break
				}
				r.Read++
				if a.Err != nil {
					r.Rejected++
					r.Rejections = append(r.Rejections, sqlstore.ImportMessage{Line: a.Line, Identifier: a.Identifier, Message: a.Err.Error()})
				} else {
					r.Created++
				}
			}
			checkReports(t, []*iati.Report{r})
		})
	}
}

func TestImportRealFiles(t *testing.T) {
	dir := sharedDir(t)
	// SQLite imports every file, PostgreSQL a subset of every kind (2.03,
	// 2.02, 1.0x, broken, rejected activities, an organisation file); both
	// take the subset under the race detector, to keep the suite quick.
	subset := []string{"publisher-samples/codeforiati-dump-acfspain", "publisher-samples/xml/usaid-bo.xml",
		"publisher-samples/xml/worldbank-679.xml", "publisher-samples/xml/wri-org.xml",
		"v1-and-edge-cases/many_activities.xml", "v1-and-edge-cases/broken.xml",
		"v1-and-edge-cases/broken_activity_01.xml", "v1-and-edge-cases/2.01-example-annotated.xml"}
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		paths := []string{dir}
		if db.Dialect() == "postgres" || raceEnabled {
			paths = nil
			for _, p := range subset {
				paths = append(paths, filepath.Join(dir, p))
			}
		}
		im := &iati.Importer{DB: db}
		reports := importFiles(t, im, paths...)
		checkReports(t, reports)
		created := 0
		for _, r := range reports {
			created += r.Created
		}
		if projects, _ := records(t, db); projects != created || created == 0 {
			t.Errorf("%d projects in the registry, %d created", projects, created)
		}

		// The same files again: nothing created, nothing duplicated.
		again := importFiles(t, im, paths...)
		checkReports(t, again)
		for _, r := range again {
			if r.Created != 0 || r.OrgsCreated != 0 {
				t.Errorf("%s imported again: %d projects and %d organisations created", r.File, r.Created, r.OrgsCreated)
			}
		}
		if projects, _ := records(t, db); projects != created {
			t.Errorf("after a second import, %d projects, want %d", projects, created)
		}
	})
}

func TestImportMapsAnActivity(t *testing.T) {
	path := filepath.Join(sharedDir(t), "publisher-samples", "codeforiati-dump-acfspain", "acfspain-ml.xml")
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		importFiles(t, &iati.Importer{DB: db}, path)
		p, err := db.FindProject(ctx, "es-cif-g81164105-r2g-acf-mali")
		if err != nil {
			t.Fatal(err)
		}
		if p.IATIIdentifier != "ES-CIF-G81164105-R2G-ACF-Mali" || p.Title["en"] != "R2G ACF Mali" || p.State != proximite.Published ||
			p.Status != "2" || p.ActualStart != "2021-01-01" || p.PlannedEnd != "2025-12-31" {
			t.Errorf("project %+v", p)
		}
		if len(p.Sectors) != 4 || len(p.Countries) != 1 || p.Countries[0].Code != "ML" || len(p.Budgets) != 4 ||
			len(p.Transactions) != 6 || len(p.Results) == 0 || !strings.Contains(p.Objectives["en"], "Right2Grow") {
			t.Errorf("project parts: %d sectors, %v, %d budgets, %d transactions, %d results",
				len(p.Sectors), p.Countries, len(p.Budgets), len(p.Transactions), len(p.Results))
		}
		if len(p.Sources) != 1 || p.Sources[0] != "IATI file acfspain-ml.xml" {
			t.Errorf("sources %v", p.Sources)
		}
		if len(p.Participants) != 3 {
			t.Fatalf("participants %+v", p.Participants)
		}
		for _, pt := range p.Participants {
			if pt.Org != p.Participants[0].Org || pt.OrgKind != proximite.NGO || pt.OrgName["es"] != "ACCIÓN CONTRA EL HAMBRE" {
				t.Errorf("participant %+v, want the one organisation ACF Spain", pt)
			}
		}
		o, err := db.FindOrganisation(ctx, p.Participants[0].Org)
		if err != nil {
			t.Fatal(err)
		}
		if o.IATIRef != "ES-CIF-G81164105" || o.Country != "ES" || o.Kind != proximite.NGO || o.State != proximite.Published {
			t.Errorf("organisation %+v", o)
		}
	})
}

func TestImportMatchesOrganisations(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		for _, o := range []*proximite.Organisation{
			{Meta: proximite.Meta{Slug: "fcm", State: proximite.Published}, Name: proximite.T("fr", "Fédération canadienne des municipalités"),
				Kind: proximite.MunicipalFederation, IATIRef: "CA-CRA_ACR-1"},
			{Meta: proximite.Meta{Slug: "benkadi", State: proximite.Published}, Name: proximite.T("fr", "Comité Benkadi"),
				Kind: proximite.CommunityGroup, Country: "ML"},
		} {
			if err := db.CreateOrganisation(ctx, o); err != nil {
				t.Fatal(err)
			}
		}
		path := writeFile(t, "orgs.xml", `<iati-activities version="2.03"><iati-activity xml:lang="fr">
<iati-identifier>CA-CRA_ACR-1-P1</iati-identifier><reporting-org ref="CA-CRA_ACR-1" type="15"><narrative>FCM</narrative></reporting-org>
<title><narrative>Projet</narrative></title>
<participating-org role="1" ref="CA-CRA_ACR-1"><narrative>Federation of Canadian Municipalities</narrative></participating-org>
<participating-org role="4"><narrative>COMITE BENKADI</narrative></participating-org>
<participating-org role="4" ref="XM-OTHER" type="22"><narrative>Fédération canadienne des municipalités</narrative></participating-org>
<participating-org role="3" ref="SN-NIN-123" type="11"><narrative>Commune de Nioro du Rip</narrative></participating-org>
</iati-activity></iati-activities>`)
		reports := importFiles(t, &iati.Importer{DB: db}, path)
		if r := reports[0]; r.Created != 1 || r.OrgsCreated != 2 {
			t.Fatalf("report %+v", r.Import)
		}
		p, err := db.FindProject(ctx, "ca-cra-acr-1-p1")
		if err != nil {
			t.Fatal(err)
		}
		got := []string{}
		for _, pt := range p.Participants {
			got = append(got, pt.Org)
		}
		// By reference, by folded name, a same name under another
		// reference created apart, and a new commune.
		want := []string{"fcm", "benkadi", "federation-canadienne-des-municipalites", "commune-de-nioro-du-rip"}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Fatalf("participants %v, want %v", got, want)
		}
		o, err := db.FindOrganisation(ctx, "commune-de-nioro-du-rip")
		if err != nil {
			t.Fatal(err)
		}
		if o.Kind != proximite.Municipality || o.Country != "SN" || o.IATIRef != "SN-NIN-123" {
			t.Errorf("created organisation %+v", o)
		}
	})
}

// writeFile writes a file into the test's temp folder and returns its path.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
