package sqlstore

import (
	"context"
	"database/sql"
	"time"
)

// failureRetention is how long a failed sign-in is remembered at most:
// longer than any window the web package counts over.
const failureRetention = 24 * time.Hour

// CountFailures returns, for each key, how many failures were recorded
// under it within the window. Keys are hashed as they are stored.
func (d *DB) CountFailures(ctx context.Context, keys []string, window time.Duration) (map[string]int, error) {
	since := micros(d.Now().Add(-window))
	out := make(map[string]int, len(keys))
	for _, k := range keys {
		var n int
		if err := d.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM sign_in_failures WHERE key_hash = $1 AND at > $2`,
			hashToken(k), since).Scan(&n); err != nil {
			return nil, err
		}
		out[k] = n
	}
	return out, nil
}

// RecordFailure records one failure under each key, and forgets those
// older than a day, so that the table stays the size of a day's attempts.
func (d *DB) RecordFailure(ctx context.Context, keys ...string) error {
	now := d.Now()
	return d.accountTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM sign_in_failures WHERE at < $1`, micros(now.Add(-failureRetention))); err != nil {
			return err
		}
		for _, k := range keys {
			if _, err := tx.ExecContext(ctx, `INSERT INTO sign_in_failures (key_hash, at) VALUES ($1, $2)`, hashToken(k), micros(now)); err != nil {
				return err
			}
		}
		return nil
	})
}

// ClearFailures forgets the failures of a key: a person who finally
// typed the right password starts afresh.
func (d *DB) ClearFailures(ctx context.Context, key string) error {
	_, err := d.db.ExecContext(ctx, `DELETE FROM sign_in_failures WHERE key_hash = $1`, hashToken(key))
	return err
}
