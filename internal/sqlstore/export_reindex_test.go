package sqlstore

import "context"

// Reindex rebuilds the derived data of every record, as a migration that
// asks for it does.
func (d *DB) Reindex(ctx context.Context) error {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := d.reindex(ctx, tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}
