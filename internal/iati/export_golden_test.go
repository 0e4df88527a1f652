package iati_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/iati"
)

// The golden files are regenerated with `go test ./internal/iati -run
// Golden -update`. The flag is registered here unless another test file
// of the package registered it first, so that both can use it.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files with the current output")
	}
}

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// TestExportGolden compares the export of the fixture projects with the
// file kept in testdata, byte for byte, so that any change to the output
// is seen and reviewed. The generation time is fixed for stable output.
func TestExportGolden(t *testing.T) {
	src := newMemSource(fullProject(), publishedProject(), bareProject())
	var buf bytes.Buffer
	n, err := iati.WriteActivities(context.Background(), &buf, src, proximite.SearchFilter{},
		iati.Options{Generated: fixtureTime, BaseURL: "https://rosi.example/"})
	if err != nil || n != 3 {
		t.Fatalf("WriteActivities = %d, %v", n, err)
	}
	golden := filepath.Join("testdata", "export.golden")
	if updating() {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("the export differs from %s (run with -update if the change is intended):\n%s",
			golden, jsonDiff(string(want), buf.String()))
	}
	path := filepath.Join(t.TempDir(), "golden.xml")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	xmllintValidate(t, path)
}
