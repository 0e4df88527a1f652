package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/iati"
)

const importUsage = `Usage: proximite import iati [-all-or-nothing] [-v] FILE|DIR…
       proximite import csv [flags] FILE   (see proximite import csv -h)
       proximite import log [-n N] [ID]    the last imports, or one with its rejections

import iati reads IATI activity files (versions 1.01 to 2.03), and every .xml
file under each DIR. Each activity becomes a published project; importing the
same or a newer file again updates those projects, and keeps what the registry
adds to them (partnership, programme, in-kind contributions, publication state).
Participating organisations are matched to the registry's by IATI reference,
then by name, or else created. Activities that cannot be
imported are listed with their file, line, identifier and reason, and the
others are imported, unless -all-or-nothing is given: then nothing is written
unless every activity of every file can be.
`

func (m *Main) runImport(ctx context.Context, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(m.Stderr, importUsage)
		return proximite.Errorf(proximite.EINVALID, "import needs a format: iati or csv (or log)")
	}
	switch args[0] {
	case "iati":
		return m.runImportIATI(ctx, args[1:])
	case "csv":
		return m.runImportCSV(ctx, args[1:])
	case "log":
		return m.runImportLog(ctx, args[1:])
	}
	fmt.Fprint(m.Stderr, importUsage)
	return proximite.Errorf(proximite.EINVALID, "unknown import format %q: use iati or csv", args[0])
}

func (m *Main) runImportIATI(ctx context.Context, args []string) error {
	fs := m.flags("import iati")
	allOrNothing := fs.Bool("all-or-nothing", false, "write nothing unless every activity can be imported")
	verbose := fs.Bool("v", false, "list the warnings too: what was changed or left out of the activities kept")
	fs.Usage = func() { fmt.Fprint(m.Stderr, importUsage); fs.PrintDefaults() }
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return proximite.Errorf(proximite.EINVALID, "import iati needs at least one file or folder")
	}
	db, _, err := m.openDBWith(ctx, iati.StoreOptions)
	if err != nil {
		return err
	}
	defer db.Close()
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(iati.MemoryLimit(db.Dialect()))
		if os.Getenv("GOGC") == "" {
			debug.SetGCPercent(iati.GCPercent)
		}
	}
	im := &iati.Importer{DB: db, AllOrNothing: *allOrNothing, Out: m.Stdout, Verbose: *verbose, Progress: m.Stderr}
	reports, err := im.Run(ctx, fs.Args()...)
	printImportReports(m.Stdout, reports)
	if err != nil {
		return err
	}
	var rejected, failed int
	for _, r := range reports {
		rejected += r.Rejected
		if r.Error != "" {
			failed++
		}
	}
	if rejected > 0 || failed > 0 {
		return proximite.Errorf(proximite.EINVALID, "%d activities rejected, %d files with problems (see above)", rejected, failed)
	}
	return nil
}

// printImportReports writes one line per file, and the totals.
func printImportReports(w io.Writer, reports []*iati.Report) {
	var t iati.Report
	for _, r := range reports {
		fmt.Fprintf(w, "%s: %d activities: %d created, %d updated, %d unchanged, %d rejected; %d organisations created",
			r.File, r.Read, r.Created, r.Updated, r.Unchanged, r.Rejected, r.OrgsCreated)
		if r.Warnings > 0 {
			fmt.Fprintf(w, "; %d warnings", r.Warnings)
		}
		if r.Error != "" {
			fmt.Fprintf(w, "\n  %s", r.Error)
		}
		fmt.Fprintln(w)
		t.Read += r.Read
		t.Created += r.Created
		t.Updated += r.Updated
		t.Unchanged += r.Unchanged
		t.Rejected += r.Rejected
		t.OrgsCreated += r.OrgsCreated
	}
	if len(reports) > 1 {
		fmt.Fprintf(w, "total: %d files, %d activities: %d created, %d updated, %d unchanged, %d rejected; %d organisations created\n",
			len(reports), t.Read, t.Created, t.Updated, t.Unchanged, t.Rejected, t.OrgsCreated)
	}
}
