package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"

	"github.com/proximite/proximite"
)

var _ proximite.AuditService = (*DB)(nil)

// saveAudited is save with its entry in the audit log, in the same
// transaction: the record as stored before, and as stored after.
func (d *DB) saveAudited(tx *wtx, doc *doc) error {
	var before sql.NullString
	var oldState string
	if doc.meta.ID != 0 {
		err := tx.row(`SELECT r.state, x.data FROM records r JOIN record_data x ON x.id = r.id
			WHERE r.id = $1 AND r.type = $2`, doc.meta.ID, doc.typ).Scan(&oldState, &before)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
	}
	if err := d.save(tx, doc); err != nil {
		return err
	}
	after, err := json.Marshal(doc.record)
	if err != nil {
		return err
	}
	action := proximite.AuditCreate
	if before.Valid {
		action = proximite.AuditUpdate
		if oldState != string(doc.meta.State) {
			action = proximite.AuditState
		}
	}
	return d.audit(tx, action, doc.typ, doc.meta.ID, doc.meta.Slug, before, sql.NullString{String: string(after), Valid: true})
}

// auditDelete records the deletion of a record, before it goes.
func (d *DB) auditDelete(tx *wtx, typ proximite.RecordType, id int64) error {
	var slug string
	var before sql.NullString
	err := tx.row(`SELECT r.slug, x.data FROM records r JOIN record_data x ON x.id = r.id WHERE r.id = $1`, id).Scan(&slug, &before)
	if err != nil {
		return err
	}
	return d.audit(tx, proximite.AuditDelete, typ, id, slug, before, sql.NullString{})
}

// audit writes one entry for the user the transaction's context carries;
// none is the system.
func (d *DB) audit(tx *wtx, action string, typ proximite.RecordType, id int64, slug string, before, after sql.NullString) error {
	var userID sql.NullInt64
	actor := proximite.System.Name
	if u := proximite.UserFromContext(tx.ctx); u != nil && !u.IsSystem() {
		userID = sql.NullInt64{Int64: u.ID, Valid: u.ID != 0}
		actor = u.Email
	}
	return tx.exec(`INSERT INTO audit_log (at, user_id, actor, action, record_type, record_id, slug, before, after)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
		micros(d.Now()), userID, actor, action, string(typ), id, slug, before, after)
}

// History lists the changes to one record, oldest first.
func (d *DB) History(ctx context.Context, typ proximite.RecordType, id int64) ([]*proximite.AuditEntry, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT id, at, user_id, actor, action, record_type, record_id, slug, before, after
		FROM audit_log WHERE record_id = $1 AND record_type = $2 ORDER BY id`, id, string(typ))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*proximite.AuditEntry
	for rows.Next() {
		var e proximite.AuditEntry
		var at int64
		var userID sql.NullInt64
		var before, after sql.NullString
		if err := rows.Scan(&e.ID, &at, &userID, &e.Actor, &e.Action, &e.Type, &e.RecordID, &e.Slug, &before, &after); err != nil {
			return nil, err
		}
		e.At, e.UserID = fromMicros(at), userID.Int64
		if before.Valid {
			e.Before = json.RawMessage(before.String)
		}
		if after.Valid {
			e.After = json.RawMessage(after.String)
		}
		out = append(out, &e)
	}
	return out, rows.Err()
}
