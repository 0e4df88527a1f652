package main

import (
	"context"
	"fmt"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/demo"
	"github.com/proximite/proximite/internal/sqlstore"
)

func (m *Main) runDemo(ctx context.Context, args []string) error {
	fs := m.flags("demo")
	synthetic := fs.Int("synthetic", 0, "add a synthetic registry of this many projects (for benchmarks)")
	seed := fs.Uint64("seed", 1, "seed of the synthetic registry")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return proximite.Errorf(proximite.EINVALID, "demo takes no arguments, got %q", fs.Args())
	}
	db, _, err := m.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	if *synthetic > 0 {
		return m.loadSynthetic(ctx, db, *synthetic, *seed)
	}
	n, err := loadDemo(ctx, db)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "demonstration registry loaded: %d records\n", n)
	return nil
}

// loadDemo writes the demonstration registry. Records already there (by
// slug) are replaced rather than duplicated, so running it again changes
// nothing but the update times. Organisations link to each other in
// cycles (ROSI was founded by the CRDC, which is a member of ROSI), so
// they are first written without their links; a run interrupted between
// the two transactions is completed by the next.
func loadDemo(ctx context.Context, db *sqlstore.DB) (int, error) {
	data := demo.Records()
	var bare []any
	for _, o := range data.Organisations {
		c := *o
		c.Links = nil
		bare = append(bare, &c)
	}
	if err := setExistingIDs(ctx, db, bare); err != nil {
		return 0, err
	}
	if err := db.SaveMany(ctx, bare...); err != nil {
		return 0, err
	}
	var recs []any
	for _, o := range data.Organisations {
		recs = append(recs, o)
	}
	for _, p := range data.Programmes {
		recs = append(recs, p)
	}
	for _, p := range data.Partnerships {
		recs = append(recs, p)
	}
	for _, p := range data.Projects {
		recs = append(recs, p)
	}
	for _, v := range data.Visits {
		recs = append(recs, v)
	}
	if err := setExistingIDs(ctx, db, recs); err != nil {
		return 0, err
	}
	return len(recs), db.SaveMany(ctx, recs...)
}

// setExistingIDs gives each record the ID of the stored record with the
// same type and slug, if any, so that saving it updates that record.
func setExistingIDs(ctx context.Context, db *sqlstore.DB, recs []any) error {
	for _, rec := range recs {
		m := rec.(proximite.Record)
		id, err := db.RecordID(ctx, m.RecordType(), m.Base().Slug)
		if err != nil && proximite.ErrorCode(err) != proximite.ENOTFOUND {
			return err
		}
		m.Base().ID = id
	}
	return nil
}
