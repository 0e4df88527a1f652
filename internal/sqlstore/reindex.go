package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/proximite/proximite"
)

// reindexMarker on the first line of a migration asks for the derived
// data of every record to be rebuilt after it, in the same transaction:
// a migration that changes what search derives from records cannot do it
// in SQL, since the text index is built by the application.
const reindexMarker = "-- proximite:reindex"

func needsReindex(migration []byte) bool {
	return strings.HasPrefix(string(migration), reindexMarker)
}

// reindex rebuilds what the store derives from each record (search
// columns, facet values and counts, links, text index entry) from the
// record's JSON, in the caller's transaction, keeping the record's times.
// It reads in batches by id, since a connection cannot read and write at
// once on PostgreSQL.
func (d *DB) reindex(ctx context.Context, tx *sql.Tx) error {
	d.reindexes++
	w := newWtx(ctx, tx)
	w.flushText = d.dialect.flushText
	defer w.close()
	// A migration before 0011 rebuilds records before the amounts'
	// tables exist; they are filled when 0011 rebuilds them again.
	w.noAmounts = !tableExists(ctx, tx, "record_amounts")
	// Migration 0011 creates the statistics' cube empty: its rebuilding
	// adds every record and takes nothing off.
	w.cubeEmpty = !w.noAmounts && tableEmpty(ctx, tx, "stats_cube")
	type stored struct {
		id    int64
		typ   string
		state string
		data  string
	}
	var last int64
	for {
		rows, err := tx.QueryContext(ctx, `SELECT r.id, r.type, r.state, x.data FROM records r
			JOIN record_data x ON x.id = r.id WHERE r.id > $1 ORDER BY r.id LIMIT 500`, last)
		if err != nil {
			return err
		}
		var batch []stored
		for rows.Next() {
			var s stored
			if err := rows.Scan(&s.id, &s.typ, &s.state, &s.data); err != nil {
				rows.Close()
				return err
			}
			batch = append(batch, s)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(batch) == 0 {
			if err := w.flush(); err != nil {
				return err
			}
			// A rebuilt SQLite text index is left in dozens of segments,
			// which every query term looks in until it is merged.
			if d.dialect.name() == "sqlite" {
				if _, err := tx.ExecContext(ctx, `INSERT INTO records_fts (records_fts) VALUES ('optimize')`); err != nil {
					return err
				}
			}
			// The rebuilt records were not logged: every instance's
			// statistics' index rebuilds from them.
			return invalidateChanges(ctx, tx)
		}
		for _, s := range batch {
			rec, err := proximite.NewRecord(proximite.RecordType(s.typ))
			if err != nil {
				return fmt.Errorf("record %d: %w", s.id, err)
			}
			if err := decode(s.data, rec); err != nil {
				return fmt.Errorf("record %d: %w", s.id, err)
			}
			doc := docOf(rec)
			doc.meta.ID, doc.meta.State, doc.keepTimes = s.id, proximite.State(s.state), true
			if err := d.save(w, doc); err != nil {
				return fmt.Errorf("reindex %s %s: %w", s.typ, doc.meta.Slug, err)
			}
			last = s.id
		}
	}
}
