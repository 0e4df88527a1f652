package main

import (
	"bytes"
	"context"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// exportedIDs returns the activity identifiers of an IATI file.
func exportedIDs(t *testing.T, data []byte) []string {
	t.Helper()
	var doc struct {
		IDs []string `xml:"iati-activity>iati-identifier"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("not XML: %v\n%.300s", err, data)
	}
	return doc.IDs
}

func TestExportIATICommand(t *testing.T) {
	dsn := sqltest.DSN(t, "sqlite")
	m, _ := testMain(t, dsn)
	ctx := context.Background()
	if err := m.Run(ctx, []string{"demo"}); err != nil {
		t.Fatal(err)
	}

	var out, errs bytes.Buffer
	m.Stdout, m.Stderr = &out, &errs
	if err := m.Run(ctx, []string{"export", "iati", "-country", "SN", "-country", "ML", "-org-ref", "CA-TEST-1"}); err != nil {
		t.Fatal(err)
	}
	ids := exportedIDs(t, out.Bytes())
	if len(ids) < 4 || !strings.HasPrefix(ids[0], "CA-TEST-1-") {
		t.Fatalf("identifiers %v, want the Malian and Senegalese projects under the configured reference", ids)
	}
	if !strings.Contains(errs.String(), "activities exported") {
		t.Errorf("no count on standard error: %q", errs.String())
	}

	out.Reset()
	if err := m.Run(ctx, []string{"export", "iati", "-q", "ordures", "-country", "SN"}); err != nil {
		t.Fatal(err)
	}
	if ids := exportedIDs(t, out.Bytes()); len(ids) != 1 || !strings.Contains(ids[0], "ordures") {
		t.Fatalf("-q ordures -country SN: %v", ids)
	}

	path := filepath.Join(t.TempDir(), "mali.xml")
	out.Reset()
	if err := m.Run(ctx, []string{"export", "iati", "-country", "ML", "-o", path}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if ids := exportedIDs(t, data); len(ids) < 3 || out.Len() != 0 {
		t.Fatalf("-o: %d activities in the file, %d bytes on standard output", len(ids), out.Len())
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*partial")); len(left) != 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

func TestExportCommandErrors(t *testing.T) {
	dsn := sqltest.DSN(t, "sqlite")
	m, _ := testMain(t, dsn)
	ctx := context.Background()
	missing := "sqlite:" + filepath.Join(t.TempDir(), "none.db")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"export"}, "usage"},
		{[]string{"export", "pdf"}, `unknown export format "pdf"`},
		{[]string{"export", "iati", "ML"}, "filters are flags"},
		{[]string{"export", "iati", "-sort", "x"}, "flag provided but not defined"},
		// Last: the flag changes the program's configuration.
		{[]string{"export", "iati", "-database", missing}, "no registry at"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			err := m.Run(ctx, tc.args)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one saying %q", err, tc.want)
			}
			if !strings.Contains(tc.want, "flag") && proximite.ErrorCode(err) != proximite.EINVALID {
				t.Errorf("code %q, want invalid", proximite.ErrorCode(err))
			}
		})
	}
	if _, err := os.Stat(strings.TrimPrefix(missing, "sqlite:")); err == nil {
		t.Error("exporting from a missing registry created it")
	}
}
