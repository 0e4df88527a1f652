package sqlstore

import (
	"context"
	"database/sql"
	"sync"
)

// The change log (migration 0014) lists the records of the dashboard's
// types that each transaction wrote, under the registry version it set,
// for the statistics' index of every instance (statsindex.go).

// changesKept is how many versions of the log are kept. An index further
// behind than that is rebuilt from the records, which costs seconds at a
// million projects; an instance refreshes its index at each dashboard
// request, so only an idle one falls that far behind.
const changesKept = 4096

// changesPruneEvery is how often, in versions, a writer prunes the log.
const changesPruneEvery = 256

// changed notes that the transaction writes or deletes a record the
// statistics count.
func (t *wtx) changed(id int64) {
	t.changes = append(t.changes, id)
}

// bumpVersion moves the registry's version on, logs the records the
// transaction changed under the new version, and now and then prunes the
// log. On PostgreSQL the version's row stays locked until the commit, so
// versions become visible in order: whoever reads version n can read
// every change up to n.
func (t *wtx) bumpVersion(logged bool) error {
	if !logged {
		return t.exec(`UPDATE registry_version SET n = n + 1`)
	}
	var version int64
	if err := t.row(`UPDATE registry_version SET n = n + 1 RETURNING n`).Scan(&version); err != nil {
		return err
	}
	seen := make(map[int64]bool, len(t.changes))
	rows := make([][]any, 0, len(t.changes))
	for _, id := range t.changes {
		if !seen[id] {
			seen[id] = true
			rows = append(rows, []any{version, id})
		}
	}
	t.changes = t.changes[:0]
	if err := t.insertRows(`record_changes (version, record_id)`, rows); err != nil {
		return err
	}
	if version%changesPruneEvery != 0 || version <= changesKept {
		return nil
	}
	from := version - changesKept
	if err := t.exec(`DELETE FROM record_changes WHERE version <= $1`, from); err != nil {
		return err
	}
	return t.exec(`UPDATE registry_version SET changes_from = $1 WHERE changes_from < $1`, from)
}

// changesReady says whether the change log exists (migration 0014),
// which a registry migrated only part of the way lacks. Once seen, it is
// known to stay.
func (d *DB) changesReady(ctx context.Context, tx *sql.Tx) bool {
	if _, ok := changeLogs.Load(d); ok {
		return true
	}
	if !tableExists(ctx, tx, "record_changes") {
		return false
	}
	changeLogs.Store(d, true)
	return true
}

// changeLogs holds the stores whose change log exists.
var changeLogs sync.Map

// invalidateChanges marks the whole log as incomplete, after a rebuild of
// the derived data that did not log its records: every index rebuilds.
func invalidateChanges(ctx context.Context, tx *sql.Tx) error {
	if !tableExists(ctx, tx, "record_changes") {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM record_changes`); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `UPDATE registry_version SET n = n + 1, changes_from = n + 1`)
	return err
}
