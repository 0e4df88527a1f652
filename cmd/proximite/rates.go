package main

import (
	"context"
	"fmt"
	"os"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/report"
)

// runRates loads the coordinator's table of yearly exchange rates, which
// the statistics use to convert money to Canadian dollars:
//
//	proximite rates load FILE
//
// FILE is a CSV file with the header year,currency,rate_to_cad. The
// whole file is checked first: a missing year, a rate that is not a
// positive number or an unknown currency stops the load with the line
// named, and nothing is stored. Rates already loaded for the same year
// and currency are replaced; the others stay.
func (m *Main) runRates(ctx context.Context, args []string) error {
	const usage = "usage: proximite rates load FILE"
	if len(args) == 0 || args[0] != "load" {
		return proximite.Errorf(proximite.EINVALID, usage)
	}
	fs := m.flags("rates load")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return proximite.Errorf(proximite.EINVALID, usage)
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return proximite.Errorf(proximite.EINVALID, "%v", err)
	}
	defer f.Close()
	rates, err := report.ParseRates(f)
	if err != nil {
		return proximite.Errorf(proximite.EINVALID, "%s: %s", fs.Arg(0), proximite.ErrorMessage(err))
	}
	db, _, err := m.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.SaveRates(ctx, rates); err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "%d rates loaded\n", len(rates))
	return nil
}
