package main

import (
	"context"
	"fmt"
	"os"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/twins"
)

// runTwins loads the reference layer of known twinnings:
//
//	proximite twins load FILE
//
// FILE is twin_cities.csv (Wikipedia contributors, CC BY-SA). The layer
// is replaced whole, so a second load of the same file changes nothing;
// rows that cannot be read are listed with their line and skipped.
func (m *Main) runTwins(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "load" {
		return proximite.Errorf(proximite.EINVALID, "usage: proximite twins load FILE")
	}
	fs := m.flags("twins load")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	// The flags may follow the file, as other commands allow.
	var file string
	if fs.NArg() > 0 {
		file = fs.Arg(0)
		if err := fs.Parse(fs.Args()[1:]); err != nil {
			return err
		}
	}
	if file == "" || fs.NArg() != 0 {
		return proximite.Errorf(proximite.EINVALID, "usage: proximite twins load FILE")
	}
	f, err := os.Open(file)
	if err != nil {
		return proximite.Errorf(proximite.EINVALID, "%v", err)
	}
	defer f.Close()
	rows, problems, err := twins.Read(f)
	if err != nil {
		return proximite.Errorf(proximite.EINVALID, "%s: %v", file, err)
	}
	for _, p := range problems {
		fmt.Fprintf(m.Stderr, "%s: %s\n", file, p)
	}
	db, _, err := m.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.ReplaceTwins(ctx, rows); err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "%d twinnings loaded, %d rows skipped (%s)\n", len(rows), len(problems), proximite.TwinCredit)
	return nil
}
