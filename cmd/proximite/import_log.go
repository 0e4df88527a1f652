package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/sqlstore"
)

// runImportLog shows the import log: the last imports, newest first, or
// one import with every record it rejected and every warning, so that a
// coordinator can see long after a run what came of a file.
func (m *Main) runImportLog(ctx context.Context, args []string) error {
	fs := m.flags("import log")
	limit := fs.Int("n", 20, "how many imports to list")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return proximite.Errorf(proximite.EINVALID, "usage: proximite import log [-n N] [ID]")
	}
	db, _, err := m.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	if fs.NArg() == 0 {
		imports, err := db.ListImports(ctx, *limit)
		if err != nil {
			return err
		}
		if len(imports) == 0 {
			fmt.Fprintln(m.Stdout, "no import yet")
			return nil
		}
		w := tabwriter.NewWriter(m.Stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(w, "ID\tSTARTED\tFORMAT\tFILE\tREAD\tCREATED\tUPDATED\tUNCHANGED\tREJECTED\tSTATUS")
		for _, im := range imports {
			fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%s\n", im.ID, im.StartedAt.Local().Format("2006-01-02 15:04"),
				im.Format, im.File, im.Read, im.Created, im.Updated, im.Unchanged, im.Rejected, importStatus(im))
		}
		return w.Flush()
	}
	id, err := strconv.ParseInt(fs.Arg(0), 10, 64)
	if err != nil {
		return proximite.Errorf(proximite.EINVALID, "%q is not an import ID (see proximite import log)", fs.Arg(0))
	}
	im, err := db.FindImport(ctx, id)
	if err != nil {
		return err
	}
	msgs, err := db.ImportMessages(ctx, id)
	if err != nil {
		return err
	}
	printImport(m.Stdout, im, msgs)
	return nil
}

// importStatus says how an import ended.
func importStatus(im *sqlstore.Import) string {
	switch {
	case im.FinishedAt == nil:
		return "interrupted (or running)"
	case im.Error != "":
		return "failed: " + im.Error
	}
	return "done"
}

func printImport(w io.Writer, im *sqlstore.Import, msgs []sqlstore.ImportMessage) {
	fmt.Fprintf(w, "import %d: %s %s\n", im.ID, im.Format, im.File)
	fmt.Fprintf(w, "  checksum  %s\n", im.Checksum)
	fmt.Fprintf(w, "  started   %s\n", im.StartedAt.Local().Format(time.RFC3339))
	if im.FinishedAt != nil {
		fmt.Fprintf(w, "  finished  %s (%s)\n", im.FinishedAt.Local().Format(time.RFC3339), im.FinishedAt.Sub(im.StartedAt).Round(time.Millisecond))
	}
	mode := "import what is valid"
	if im.AllOrNothing {
		mode = "all or nothing"
	}
	fmt.Fprintf(w, "  mode      %s\n", mode)
	fmt.Fprintf(w, "  records   %d read: %d created, %d updated, %d unchanged, %d rejected; %d organisations created\n",
		im.Read, im.Created, im.Updated, im.Unchanged, im.Rejected, im.OrgsCreated)
	fmt.Fprintf(w, "  status    %s\n", importStatus(im))
	for _, m := range msgs {
		fmt.Fprintf(w, "  %s", m.Level)
		if m.Line > 0 {
			fmt.Fprintf(w, " line %d", m.Line)
		}
		if m.Identifier != "" {
			fmt.Fprintf(w, " %s", m.Identifier)
		}
		fmt.Fprintf(w, ": %s\n", m.Message)
	}
}
