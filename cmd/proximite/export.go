package main

import (
	"context"

	"github.com/proximite/proximite"
)

func (m *Main) runExport(ctx context.Context, args []string) error {
	return proximite.Errorf(proximite.EINVALID, "export is not available yet")
}
