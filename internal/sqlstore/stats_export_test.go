package sqlstore

import (
	"context"
	"fmt"

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

// IndexedStats answers a filter from the statistics' index, building it
// in the call if need be, so that tests can compare it with the records.
func (d *DB) IndexedStats(ctx context.Context, f proximite.StatsFilter) (*proximite.Stats, error) {
	s, ok, err := d.indexedStats(ctx, f, true)
	if err == nil && !ok {
		return nil, fmt.Errorf("the statistics' index is not available")
	}
	if err == nil {
		sortStats(s)
	}
	return s, err
}

// StatsIndexRows is how many live records the statistics' index holds,
// and the registry version it reflects; -1 when it is not built.
func (d *DB) StatsIndexRows() (rows int, version int64) {
	st := &d.statsIndex
	st.mu.Lock()
	idx := st.idx
	st.mu.Unlock()
	if idx == nil {
		return -1, 0
	}
	st.rw.RLock()
	defer st.rw.RUnlock()
	return len(idx.rows) - idx.dead, idx.version
}

// BuildStatsIndex builds the statistics' index from the records, as the
// first combined filter does in the background, and installs it.
func (d *DB) BuildStatsIndex(ctx context.Context) error {
	d.statsIndex.init()
	idx, err := d.loadStatsIndex(ctx)
	if err != nil {
		return err
	}
	if idx == nil {
		return fmt.Errorf("the vocabularies outgrow the statistics' index")
	}
	d.statsIndex.mu.Lock()
	d.statsIndex.idx = idx
	d.statsIndex.mu.Unlock()
	return nil
}

// DropStatsIndex forgets the statistics' index, for a measure of its size.
func (d *DB) DropStatsIndex() {
	d.statsIndex.mu.Lock()
	d.statsIndex.idx = nil
	d.statsIndex.mu.Unlock()
}
