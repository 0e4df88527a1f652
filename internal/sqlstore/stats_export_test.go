package sqlstore

import (
	"context"

	"github.com/proximite/proximite"
)

// ComputedStats answers a filter from the matching records, never from
// the cube, so that tests can check that both agree.
func (d *DB) ComputedStats(ctx context.Context, f proximite.StatsFilter) (*proximite.Stats, error) {
	if f.Empty() {
		f.FromYear = 0
	}
	s, err := d.filteredStats(ctx, f)
	if err == nil {
		sortStats(s)
	}
	return s, err
}
