package main

import (
	"context"

	"github.com/proximite/proximite"
)

func (m *Main) runImport(ctx context.Context, args []string) error {
	return proximite.Errorf(proximite.EINVALID, "import is not available yet")
}
