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

// loadDemo writes the demonstration registry (see demo.Load).
func loadDemo(ctx context.Context, db *sqlstore.DB) (int, error) { return demo.Load(ctx, db) }
