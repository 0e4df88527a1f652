package sqlstore

import (
	"context"
	"database/sql"
	"sync"

	"github.com/proximite/proximite"
)

// statsIndexState is a store's statistics' index and its upkeep. The
// index is built on the first combined filter, in the background, so
// that neither start-up nor that request waits for a read of every
// record; until it is ready the dashboard counts in the database as
// before.
type statsIndexState struct {
	mu       sync.Mutex // guards idx, building, disabled
	idx      *statsIndex
	building bool
	disabled bool // the vocabularies outgrew the index: never again
	// rw lets counts run together and a refresh apply its changes alone.
	rw     sync.RWMutex
	wg     sync.WaitGroup
	ctx    context.Context
	cancel context.CancelFunc
}

// refreshMax is how many changed records a request applies itself;
// beyond, as after a large import, the index is rebuilt in the
// background.
const refreshMax = 20_000

func (st *statsIndexState) init() {
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.ctx == nil {
		st.ctx, st.cancel = context.WithCancel(context.Background())
	}
}

// stop cancels a build under way and waits for it, before the pool
// closes.
func (st *statsIndexState) stop() {
	st.init()
	st.cancel()
	st.wg.Wait()
}

// indexedStats answers a filter from the index, brought up to date with
// the change log first. ok is false when the index is not ready (a build
// is then under way), and the caller counts in the database. wait builds
// the index in the request, for the tests.
func (d *DB) indexedStats(ctx context.Context, f proximite.StatsFilter, wait bool) (*proximite.Stats, bool, error) {
	idx, ok, err := d.freshStatsIndex(ctx, wait)
	if !ok || err != nil {
		return nil, ok, err
	}
	var records []int64
	if f.Territory != "" {
		orgs, err := d.territoryIDs(ctx, f.Territory)
		if err != nil {
			return nil, false, err
		}
		if len(orgs) == 0 {
			return &proximite.Stats{}, true, nil
		}
		q := &query{}
		if records, err = d.ids(ctx, `SELECT DISTINCT from_id FROM links WHERE to_id IN (`+q.in64(orgs)+`)`, q.args...); err != nil {
			return nil, false, err
		}
	}
	st := &d.statsIndex
	st.rw.RLock()
	defer st.rw.RUnlock()
	plan := idx.plan(f)
	plan.records, plan.byTerrit = records, f.Territory != ""
	return idx.count(plan), true, nil
}

// freshStatsIndex returns the index at the registry's current version.
func (d *DB) freshStatsIndex(ctx context.Context, wait bool) (*statsIndex, bool, error) {
	st := &d.statsIndex
	st.init()
	var version, from int64
	if err := d.db.QueryRowContext(ctx, `SELECT n, changes_from FROM registry_version`).Scan(&version, &from); err != nil {
		return nil, false, err
	}
	st.mu.Lock()
	idx, disabled := st.idx, st.disabled
	st.mu.Unlock()
	if disabled {
		return nil, false, nil
	}
	current := int64(-1)
	if idx != nil {
		st.rw.RLock()
		current = idx.version
		st.rw.RUnlock()
	}
	if idx == nil || current < from {
		if !wait {
			d.buildStatsIndex()
			return nil, false, nil
		}
		built, err := d.loadStatsIndex(ctx)
		if err != nil || built == nil {
			return nil, false, err
		}
		st.mu.Lock()
		st.idx, idx, current = built, built, built.version
		st.mu.Unlock()
	}
	if current >= version {
		return idx, true, nil
	}
	ids, err := d.ids(ctx, `SELECT DISTINCT record_id FROM record_changes WHERE version > $1 AND version <= $2`, current, version)
	if err != nil {
		return nil, false, err
	}
	if len(ids) > refreshMax && !wait {
		d.buildStatsIndex()
		return nil, false, nil
	}
	var recs []indexedRecord
	for start := 0; start < len(ids); start += 500 {
		chunk, err := d.indexedRecords(ctx, ids[start:min(start+500, len(ids))])
		if err != nil {
			return nil, false, err
		}
		recs = append(recs, chunk...)
	}
	st.rw.Lock()
	defer st.rw.Unlock()
	if idx.version < version {
		for _, id := range ids {
			idx.remove(id)
		}
		for _, r := range recs {
			if !idx.add(r, false) {
				st.mu.Lock()
				st.idx, st.disabled = nil, true
				st.mu.Unlock()
				return nil, false, nil
			}
		}
		idx.version = version
		idx.compact()
	}
	return idx, true, nil
}

// buildStatsIndex starts a build in the background, unless one runs.
func (d *DB) buildStatsIndex() {
	st := &d.statsIndex
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.building || st.disabled || st.ctx.Err() != nil {
		return
	}
	st.building = true
	st.wg.Add(1)
	go func() {
		defer st.wg.Done()
		idx, err := d.loadStatsIndex(st.ctx)
		st.mu.Lock()
		defer st.mu.Unlock()
		st.building = false
		switch {
		case err != nil:
			// The dashboard keeps counting in the database; the next
			// combined filter tries again.
		case idx == nil:
			st.idx, st.disabled = nil, true
		default:
			st.idx = idx
		}
	}()
}

// loadStatsIndex reads every published record of the dashboard's types
// and their amounts, in one snapshot of the database. It returns nil
// when the vocabularies outgrow the index.
func (d *DB) loadStatsIndex(ctx context.Context) (*statsIndex, error) {
	opts := &sql.TxOptions{ReadOnly: true} // SQLite: a reader, not the writer's lock
	if d.dialect.name() == "postgres" {
		opts.Isolation = sql.LevelRepeatableRead
	}
	tx, err := d.db.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	x := newStatsIndex()
	if err := tx.QueryRowContext(ctx, `SELECT n FROM registry_version`).Scan(&x.version); err != nil {
		return nil, err
	}
	q := &query{}
	rows, err := tx.QueryContext(ctx, `SELECT id, type, year, facets FROM records WHERE state = `+
		q.arg(string(proximite.Published))+` AND type IN (`+q.in(statsTypes)+`) ORDER BY id`, q.args...)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var r indexedRecord
		if err := rows.Scan(&r.id, &r.typ, &r.year, &r.facets); err != nil {
			rows.Close()
			return nil, err
		}
		if !x.add(r, true) {
			rows.Close()
			return nil, nil
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// The amounts come in the order of their records, as the rows do:
	// each record's amounts join its row as they pass.
	rows, err = tx.QueryContext(ctx, `SELECT record_id, measure, year, currency, value FROM record_amounts ORDER BY record_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	i := 0
	for rows.Next() {
		var id int64
		var a amount
		if err := rows.Scan(&id, &a.measure, &a.year, &a.currency, &a.value); err != nil {
			return nil, err
		}
		for i < len(x.rows) && x.rows[i].id < id {
			i++
		}
		if i == len(x.rows) || x.rows[i].id != id {
			continue // a record the dashboard does not count
		}
		r := &x.rows[i]
		if r.nAmounts == 0 {
			r.amountOff = uint32(len(x.amounts))
		}
		x.amounts = append(x.amounts, x.amountKey(proximite.Amount{Measure: a.measure, Year: a.year, Currency: a.currency}))
		x.values = append(x.values, a.value)
		r.nAmounts++
	}
	return x, rows.Err()
}

// indexedRecords reads the records among ids that the index holds
// (published, of the dashboard's types), with their amounts.
func (d *DB) indexedRecords(ctx context.Context, ids []int64) ([]indexedRecord, error) {
	q := &query{}
	in := q.in64(ids)
	rows, err := d.db.QueryContext(ctx, `SELECT id, type, year, facets FROM records WHERE id IN (`+in+`) AND state = `+
		q.arg(string(proximite.Published))+` AND type IN (`+q.in(statsTypes)+`)`, q.args...)
	if err != nil {
		return nil, err
	}
	var out []indexedRecord
	pos := map[int64]int{}
	for rows.Next() {
		var r indexedRecord
		if err := rows.Scan(&r.id, &r.typ, &r.year, &r.facets); err != nil {
			rows.Close()
			return nil, err
		}
		pos[r.id] = len(out)
		out = append(out, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	aq := &query{}
	rows, err = d.db.QueryContext(ctx, `SELECT record_id, measure, year, currency, value FROM record_amounts
		WHERE record_id IN (`+aq.in64(ids)+`)`, aq.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var a amount
		if err := rows.Scan(&id, &a.measure, &a.year, &a.currency, &a.value); err != nil {
			return nil, err
		}
		if i, ok := pos[id]; ok {
			out[i].amounts = append(out[i].amounts, a)
		}
	}
	return out, rows.Err()
}
