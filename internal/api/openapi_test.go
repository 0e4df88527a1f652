package api_test

import (
	"context"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pb33f/libopenapi"
	validator "github.com/pb33f/libopenapi-validator"
	"github.com/pb33f/libopenapi-validator/config"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/api"
	"github.com/proximite/proximite/internal/demo"
	"github.com/proximite/proximite/internal/pdftext/pdftest"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// demoServer serves the demonstration registry, with money on one project
// so that budgets and transactions appear in responses too.
func demoServer(t *testing.T) *httptest.Server {
	t.Helper()
	db := sqltest.Open(t, "sqlite")
	ctx := context.Background()
	data := demo.Records()
	var bare, recs []any
	for _, o := range data.Organisations {
		c := *o
		c.Links = nil
		bare = append(bare, &c)
	}
	if err := db.SaveMany(ctx, bare...); err != nil {
		t.Fatal(err)
	}
	for _, o := range data.Organisations {
		o.ID, _ = db.RecordID(ctx, proximite.TypeOrganisation, o.Slug)
		recs = append(recs, o)
	}
	for _, p := range data.Programmes {
		recs = append(recs, p)
	}
	for _, p := range data.Partnerships {
		recs = append(recs, p)
	}
	for _, p := range data.Projects {
		if p.Slug == "nioro-du-rip-collecte-ordures" {
			p.Budgets = []proximite.Budget{{Type: "1", PeriodStart: "1994", PeriodEnd: "1995", Value: proximite.Money{Amount: 15000, Currency: "CAD"}}}
			p.Transactions = []proximite.Transaction{{Type: "3", Date: "1994-06-01", Value: proximite.Money{Amount: 5000, Currency: "CAD"},
				Provider: &proximite.Participant{Org: "fcm"}, Receiver: &proximite.Participant{Name: proximite.T("fr", "Commune de Nioro")}}}
			p.Documents = []proximite.Document{{URL: "https://example.org/rapport.pdf", Title: proximite.T("fr", "Rapport"), Format: "application/pdf"}}
		}
		recs = append(recs, p)
	}
	for _, v := range data.Visits {
		recs = append(recs, v)
	}
	for _, p := range data.Publications {
		recs = append(recs, p)
	}
	// A publication with a file, so that the file's description is
	// checked against the document too.
	withFile := &proximite.Publication{Meta: proximite.Meta{Slug: "guide-avec-fichier", State: proximite.Published},
		Title: proximite.T("fr", "Guide avec fichier"), Kind: proximite.PubGuide, Language: "fr", Year: 2020}
	recs = append(recs, withFile)
	if err := db.SaveMany(ctx, recs...); err != nil {
		t.Fatal(err)
	}
	if err := db.AttachFile(ctx, withFile.ID, proximite.Upload{Name: "guide.pdf", Data: pdftest.Make([]string{"Guide"})}); err != nil {
		t.Fatal(err)
	}
	// An event a year ahead, so that the calendar has one upcoming.
	start := time.Now().UTC().AddDate(1, 0, 0).Truncate(time.Hour)
	if err := db.CreateEvent(ctx, &proximite.Event{Meta: proximite.Meta{Slug: "forum-rosi", State: proximite.Published},
		Title: proximite.T("fr", "Forum du ROSI"), Start: start, End: start.Add(3 * time.Hour), Zone: "America/Montreal",
		Place: proximite.T("fr", "Gatineau"), Organisers: []string{"rosi"}}); err != nil {
		t.Fatal(err)
	}
	addDecisionData(t, db)
	srv := httptest.NewServer(api.New(db, slog.New(slog.NewTextHandler(io.Discard, nil))).WithEvents(db))
	t.Cleanup(srv.Close)
	return srv
}

// openAPIValidator loads the served document into the validator, strict:
// a property or a header that the document does not declare is an error.
func openAPIValidator(t *testing.T, body []byte) validator.Validator {
	t.Helper()
	doc, err := libopenapi.NewDocument(body)
	if err != nil {
		t.Fatalf("the document does not load: %v", err)
	}
	v, errs := validator.NewValidator(doc, config.WithStrictMode())
	if len(errs) > 0 {
		t.Fatalf("validator: %v", errs)
	}
	return v
}

func TestOpenAPIDocumentIsValid(t *testing.T) {
	v := openAPIValidator(t, api.OpenAPI())
	if ok, errs := v.ValidateDocument(); !ok {
		for _, e := range errs {
			t.Errorf("%s: %s", e.Message, e.Reason)
			for _, f := range e.SchemaValidationErrors {
				t.Errorf("  %s at %s", f.Reason, f.KeywordLocation)
			}
		}
	}
	var doc struct {
		OpenAPI string `json:"openapi"`
	}
	if err := json.Unmarshal(api.OpenAPI(), &doc); err != nil || doc.OpenAPI != "3.1.0" {
		t.Fatalf("openapi %q %v", doc.OpenAPI, err)
	}
}

type probe struct {
	path, accept string
	status       int
	contentType  string
}

// probes are the requests TestResponsesMatchDocument checks, with the
// status and content type each must answer.
var probes = []probe{
	{"/healthz", "", 200, "application/json"},
	{"/api/v1/openapi.json", "", 200, "application/json"},
	{"/api/v1/search?q=nioro", "", 200, "application/json"},
	{"/api/v1/search?type=project&country=SN&sort=title&limit=2&offset=1", "", 200, "application/json"},
	{"/api/v1/search?limit=5000", "", 400, "application/json"},
	{"/api/v1/search?type=planet", "", 400, "application/json"},
	{"/api/v1/organisations?limit=200", "", 200, "application/json"},
	{"/api/v1/partnerships", "", 200, "application/json"},
	{"/api/v1/projects?limit=200", "", 200, "application/json"},
	{"/api/v1/visits", "", 200, "application/json"},
	{"/api/v1/programmes", "", 200, "application/json"},
	{"/api/v1/publications", "", 200, "application/json"},
	{"/api/v1/search?type=publication&pub_type=report&language=fr", "", 200, "application/json"},
	{"/api/v1/organisations/nioro-du-rip", "", 200, "application/json"},
	{"/api/v1/organisations/rosi", "", 200, "application/json"},
	{"/api/v1/partnerships/jumelage-buckingham-nioro-du-rip", "", 200, "application/json"},
	{"/api/v1/projects/nioro-du-rip-collecte-ordures", "", 200, "application/json"},
	{"/api/v1/projects/nioro-du-rip-obstetrique", "", 200, "application/json"},
	{"/api/v1/visits/delegation-outaouaise-dakar-2005", "", 200, "application/json"},
	{"/api/v1/programmes/fcm-partenariats-municipaux", "", 200, "application/json"},
	{"/api/v1/publications/cooperation-de-proximite-en-question", "", 200, "application/json"},
	{"/api/v1/publications/guide-avec-fichier", "", 200, "application/json"},
	{"/api/v1/organisations/atlantis", "", 404, "application/json"},
	{"/api/v1/export/projects.csv?country=SN", "", 200, "text/csv"},
	{"/api/v1/export/projects.json", "", 200, "application/json"},
	{"/api/v1/export/projects.json?lines=1", "", 200, "application/x-ndjson"},
	{"/api/v1/export/projects.json", "application/x-ndjson", 200, "application/x-ndjson"},
	{"/api/v1/export/projects.json?lines=maybe", "", 400, "application/json"},
	{"/api/v1/export/projects.geojson?country=ML", "", 200, "application/geo+json"},
	{"/api/v1/export/projects.csv?langs=fr,EN!", "", 400, "application/json"},
	{"/api/v1/events", "", 200, "application/json"},
	{"/api/v1/events?when=past&limit=5", "", 200, "application/json"},
	{"/api/v1/events?when=someday", "", 400, "application/json"},
	{"/api/v1/events/forum-rosi", "", 200, "application/json"},
	{"/api/v1/events/atlantis", "", 404, "application/json"},
	{"/api/v1/statistics", "", 200, "application/json"},
	{"/api/v1/statistics?territory=gatineau&from=1990&to=2010&country=SN&org_kind=municipality", "", 200, "application/json"},
	{"/api/v1/statistics?country=ZW", "", 200, "application/json"},
	{"/api/v1/statistics?from=2010&to=2000", "", 400, "application/json"},
	{"/api/v1/territories", "", 200, "application/json"},
	{"/api/v1/territories/gatineau", "", 200, "application/json"},
	{"/api/v1/territories/region-outaouais", "", 200, "application/json"},
	{"/api/v1/territories/atlantis", "", 404, "application/json"},
	{"/api/v1/organisations/buckingham/synergies", "", 200, "application/json"},
	{"/api/v1/organisations/buckingham/synergies?limit=0", "", 400, "application/json"},
	{"/api/v1/partnerships/jumelage-buckingham-nioro-du-rip/synergies?limit=5", "", 200, "application/json"},
	{"/api/v1/partnerships/atlantis/synergies", "", 404, "application/json"},
	{"/api/v1/organisations/buckingham/twins", "", 200, "application/json"},
	{"/api/v1/organisations/nioro-du-rip/twins", "", 200, "application/json"},
	{"/api/v1/organisations/rosi/twins", "", 404, "application/json"},
	{"/api/v1/network", "", 200, "application/json"},
	{"/api/v1/network?kind=municipality&country=SN&size=10", "", 200, "application/json"},
	{"/api/v1/network?kind=planet", "", 400, "application/json"},
	{"/api/v1/funding?kind=municipality&country=SN&sector=140", "", 200, "application/json"},
	{"/api/v1/funding", "", 400, "application/json"},
	{"/api/v1/projects/nioro-du-rip-collecte-ordures/funding", "", 200, "application/json"},
	{"/api/v1/projects/atlantis/funding", "", 404, "application/json"},
	{"/api/v1/board", "", 200, "application/json"},
	{"/api/v1/board?kind=offer", "", 200, "application/json"},
	{"/api/v1/board?kind=sell", "", 400, "application/json"},
	{"/api/v1/board/1", "", 200, "application/json"},
	{"/api/v1/board/2", "", 200, "application/json"},
	{"/api/v1/board/9999", "", 404, "application/json"},
}

// iatiProbe is the IATI export, whose answer depends on another part of
// the program.
const iatiProbe = "/api/v1/export/iati.xml?country=SN"

// TestResponsesMatchDocument sends a request to every endpoint and checks
// the status, content type and body of the real response against the
// document the server itself serves.
func TestResponsesMatchDocument(t *testing.T) {
	srv := demoServer(t)
	resp, err := http.Get(srv.URL + "/api/v1/openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		t.Fatalf("openapi.json: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	v := openAPIValidator(t, body)

	for _, tt := range probes {
		t.Run(tt.path, func(t *testing.T) {
			req, _ := http.NewRequest("GET", srv.URL+tt.path, nil)
			if tt.accept != "" {
				req.Header.Set("Accept", tt.accept)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			if resp.StatusCode != tt.status || !strings.HasPrefix(resp.Header.Get("Content-Type"), tt.contentType) {
				b, _ := io.ReadAll(resp.Body)
				t.Fatalf("%d %s, want %d %s: %.300s", resp.StatusCode, resp.Header.Get("Content-Type"), tt.status, tt.contentType, b)
			}
			if ok, errs := v.ValidateHttpResponse(req, resp); !ok {
				for _, e := range errs {
					t.Errorf("%s: %s", e.Message, e.Reason)
					for _, f := range e.SchemaValidationErrors {
						t.Errorf("  %s at %s (%s)", f.Reason, f.KeywordLocation, f.InstancePath)
					}
				}
			}
		})
	}

	// The IATI export belongs to another part of the program; whatever it
	// answers must be what the document says.
	req, _ := http.NewRequest("GET", srv.URL+iatiProbe, nil)
	if resp, err := http.DefaultClient.Do(req); err != nil {
		t.Fatal(err)
	} else if ok, errs := v.ValidateHttpResponse(req, resp); !ok {
		t.Errorf("iati.xml %d %s: %v", resp.StatusCode, resp.Header.Get("Content-Type"), errs)
	}
}

// TestEveryRouteIsDocumented reads the routes that api.New registers from
// its source and checks that the document has each, with its method.
func TestEveryRouteIsDocumented(t *testing.T) {
	var doc struct {
		Paths map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal(api.OpenAPI(), &doc); err != nil {
		t.Fatal(err)
	}
	routes := registeredRoutes(t)
	if len(routes) < 9 {
		t.Fatalf("found only %d routes in api.go: %v", len(routes), routes)
	}
	for _, route := range routes {
		method, path, ok := strings.Cut(route, " ")
		if !ok {
			continue // the catch-all that answers unknown paths with a 404
		}
		paths := []string{path}
		if strings.Contains(path, "{collection}") {
			paths = nil
			for _, c := range []string{"organisations", "partnerships", "projects", "visits", "programmes", "publications"} {
				paths = append(paths, strings.Replace(path, "{collection}", c, 1))
			}
		}
		for _, p := range paths {
			if _, ok := doc.Paths[p][strings.ToLower(method)]; !ok {
				t.Errorf("route %s %s is not in the OpenAPI document", method, p)
			}
		}
	}
	// And every documented path is checked against a real response.
	for p := range doc.Paths {
		re := regexp.MustCompile("^" + regexp.MustCompile(`\\\{[a-z]+\\\}`).ReplaceAllString(regexp.QuoteMeta(p), "[^/]+") + "$")
		found := false
		for _, probe := range append(probes, probe{path: iatiProbe}) {
			path, _, _ := strings.Cut(probe.path, "?")
			found = found || re.MatchString(path)
		}
		if !found {
			t.Errorf("%s is documented but TestResponsesMatchDocument does not check it", p)
		}
	}
}

// registeredRoutes returns the patterns of the HandleFunc calls in api.go.
func registeredRoutes(t *testing.T) []string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(".", "api.go"), nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) != 2 {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok || (sel.Sel.Name != "HandleFunc" && sel.Sel.Name != "Handle") {
			return true
		}
		if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
			s, _ := strconv.Unquote(lit.Value)
			out = append(out, s)
		}
		return true
	})
	return out
}
