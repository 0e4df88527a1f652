package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/csvio"
)

// runImportCSV imports a CSV file of projects, organisations or
// partnerships (docs/csv.md): it checks every row first, lists each
// row's errors and writes nothing if there is one; otherwise it writes all
// the changes in one transaction. -preview says what would change without
// writing. FILE "-" reads standard input.
//
//	proximite import csv [-preview] [-type projects|organisations|partnerships] FILE
func (m *Main) runImportCSV(ctx context.Context, args []string) error {
	fs := m.flags("import csv")
	preview := fs.Bool("preview", false, "say what would change, and write nothing")
	typ := fs.String("type", "projects", "records in the file: projects, organisations or partnerships")
	verbose := fs.Bool("v", false, "list the unchanged rows too")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return proximite.Errorf(proximite.EINVALID, "usage: proximite import csv [-preview] [-type projects|organisations|partnerships] FILE")
	}
	rt, err := csvio.TypeByName(*typ)
	if err != nil {
		return err
	}
	var in io.Reader = os.Stdin
	name := fs.Arg(0)
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return proximite.Errorf(proximite.EINVALID, "cannot read %s: %v", name, err)
		}
		defer f.Close()
		in = f
	}
	db, _, err := m.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	rep, err := csvio.Import(ctx, db, rt, in, csvio.ImportOptions{Preview: *preview})
	m.printCSVReport(name, rep, *verbose)
	return err
}

// printCSVReport lists what each row does and the problems found, then
// sums up.
func (m *Main) printCSVReport(name string, rep *csvio.Report, verbose bool) {
	for _, c := range rep.Changes {
		switch {
		case c.Action == csvio.Updated:
			fmt.Fprintf(m.Stdout, "row %d: %s: updated %s\n", c.Row, c.Slug, strings.Join(c.Columns, ", "))
		case c.Action == csvio.Created:
			fmt.Fprintf(m.Stdout, "row %d: %s: created\n", c.Row, c.Slug)
		case verbose:
			fmt.Fprintf(m.Stdout, "row %d: %s: unchanged\n", c.Row, c.Slug)
		}
	}
	for _, p := range rep.Problems {
		fmt.Fprintln(m.Stdout, p)
	}
	outcome := "written"
	switch {
	case len(rep.Errors()) > 0:
		outcome = fmt.Sprintf("%d error(s): nothing written", len(rep.Errors()))
	case !rep.Written && rep.Count(csvio.Created)+rep.Count(csvio.Updated) > 0:
		outcome = "preview: nothing written"
	case !rep.Written:
		outcome = "nothing to write"
	}
	fmt.Fprintf(m.Stdout, "%s: %d %s row(s): %d created, %d updated, %d unchanged; %s\n", name, len(rep.Changes),
		rep.Type, rep.Count(csvio.Created), rep.Count(csvio.Updated), rep.Count(csvio.Unchanged), outcome)
}
