package main

import (
	"context"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/iati"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

func TestImportIATICommand(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "iati", "activities", "v1-and-edge-cases")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("skipping: no IATI sample files at %s (the project's shared/ material)", dir)
	}
	ctx := context.Background()
	dsn := sqltest.DSN(t, "sqlite")
	file := filepath.Join(dir, "many_activities.xml")

	m, out := testMain(t, dsn)
	if err := m.Run(ctx, []string{"import", "iati", file}); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	if want := "many_activities.xml: 2 activities: 2 created, 0 updated, 0 unchanged, 0 rejected; 3 organisations created"; !strings.Contains(out.String(), want) {
		t.Errorf("output %q, want %q", out, want)
	}

	m, out = testMain(t, dsn)
	if err := m.Run(ctx, []string{"import", "iati", "-all-or-nothing", file}); err != nil {
		t.Fatalf("import again: %v\n%s", err, out)
	}
	if want := "2 activities: 0 created, 0 updated, 2 unchanged"; !strings.Contains(out.String(), want) {
		t.Errorf("output %q, want %q", out, want)
	}

	// A broken file: the command fails, and says where and why.
	m, out = testMain(t, dsn)
	err := m.Run(ctx, []string{"import", "iati", filepath.Join(dir, "broken.xml")})
	if proximite.ErrorCode(err) != proximite.EINVALID || !strings.Contains(out.String(), "line 4: the file ends before </iati-activities>") {
		t.Errorf("broken file: error %v, output %q", err, out)
	}

	// The log lists the three runs, newest first, and tells one in full.
	m, out = testMain(t, dsn)
	if err := m.Run(ctx, []string{"import", "log"}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 4 || !strings.Contains(lines[1], "broken.xml") || !strings.Contains(lines[1], "failed: ") ||
		!strings.Contains(lines[3], "many_activities.xml") || !strings.Contains(lines[3], "done") {
		t.Fatalf("import log:\n%s", out)
	}
	id := strings.Fields(lines[1])[0]
	m, out = testMain(t, dsn)
	if err := m.Run(ctx, []string{"import", "log", id}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"broken.xml", "checksum", "status    failed", "the file ends before </iati-activities>"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("import log %s lacks %q:\n%s", id, want, out)
		}
	}
	m, _ = testMain(t, dsn)
	if err := m.Run(ctx, []string{"import", "log", "999"}); proximite.ErrorCode(err) != proximite.ENOTFOUND {
		t.Errorf("unknown import: %v", err)
	}
}

func TestImportCommandArguments(t *testing.T) {
	dsn := sqltest.DSN(t, "sqlite")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"import"}, "needs a format"},
		{[]string{"import", "xls", "f.xls"}, `unknown import format "xls"`},
		{[]string{"import", "iati"}, "at least one file"},
		{[]string{"import", "iati", "no-such-file.xml"}, "cannot read no-such-file.xml"},
	} {
		m, _ := testMain(t, dsn)
		err := m.Run(context.Background(), tt.args)
		if proximite.ErrorCode(err) != proximite.EINVALID || !strings.Contains(proximite.ErrorMessage(err), tt.want) {
			t.Errorf("%v: error %v, want one about %q", tt.args, err, tt.want)
		}
	}
}

// The import command bounds the Go heap with iati.MemoryLimit and lets
// it grow by iati.GCPercent under that bound, unless GOMEMLIMIT sets the
// limit of the process, or GOGC the collector's pace.
func TestImportIATIMemoryLimit(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "iati", "activities", "v1-and-edge-cases")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("skipping: no IATI sample files at %s (the project's shared/ material)", dir)
	}
	file := filepath.Join(dir, "many_activities.xml")
	before := debug.SetMemoryLimit(-1)
	beforeGC := debug.SetGCPercent(100)
	t.Cleanup(func() {
		debug.SetMemoryLimit(before)
		debug.SetGCPercent(beforeGC)
	})
	for _, c := range []struct {
		memLimit, gogc string
		wantLimit      int64
		wantGC         int
	}{
		{"", "", iati.MemoryLimit("sqlite"), iati.GCPercent},
		{"1GiB", "", 1 << 40, 100}, // both left as they were set
		{"", "100", iati.MemoryLimit("sqlite"), 100},
	} {
		t.Setenv("GOMEMLIMIT", c.memLimit)
		t.Setenv("GOGC", c.gogc)
		debug.SetMemoryLimit(1 << 40)
		debug.SetGCPercent(100)
		m, out := testMain(t, sqltest.DSN(t, "sqlite"))
		if err := m.Run(context.Background(), []string{"import", "iati", file}); err != nil {
			t.Fatalf("import: %v\n%s", err, out)
		}
		if got := debug.SetMemoryLimit(-1); got != c.wantLimit {
			t.Errorf("GOMEMLIMIT=%q GOGC=%q: the limit is %d after the import, want %d", c.memLimit, c.gogc, got, c.wantLimit)
		}
		if got := debug.SetGCPercent(100); got != c.wantGC {
			t.Errorf("GOMEMLIMIT=%q GOGC=%q: GOGC is %d after the import, want %d", c.memLimit, c.gogc, got, c.wantGC)
		}
	}
}
