package main

import (
	"context"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/sqlstore"
)

func (m *Main) loadSynthetic(ctx context.Context, db *sqlstore.DB, n int, seed uint64) error {
	return proximite.Errorf(proximite.EINVALID, "not yet")
}
