package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/proximite/proximite"
)

// The sending queue of the bulletin: a row per issue and recipient. A
// sender claims one row, sends its message, and records the outcome; how
// a claimed row is kept from other senders is the dialect's (see
// lockSender and claimTx).

// maxAttempts is how many temporary failures a message may meet before
// it is given up as failed.
const maxAttempts = 5

// LockSender admits the caller as a sender of the queue; ok is false
// when another process holds it (SQLite), and the caller should try
// again later. release must be called when the caller stops sending.
func (d *DB) LockSender() (release func(), ok bool, err error) { return d.dialect.lockSender(d) }

// ClaimDelivery returns the next pending message of the queue after the
// row after (0 for the first), held for the caller until its Finish, or
// nil when there is none. A sender passes the ID of the row it claimed
// last: on PostgreSQL the rows it marked sent stay in the index until the
// next vacuum, and starting after them spares scanning them again for
// every message. The caller must hold LockSender.
func (d *DB) ClaimDelivery(ctx context.Context, after int64) (*proximite.Delivery, error) {
	key, err := d.bulletinKey(ctx)
	if err != nil {
		return nil, err
	}
	tx, err := d.dialect.claimTx(ctx, d.db)
	if err != nil {
		return nil, fmt.Errorf("claim delivery: %w", err)
	}
	var q interface {
		QueryRowContext(context.Context, string, ...any) *sql.Row
		ExecContext(context.Context, string, ...any) (sql.Result, error)
	} = d.db
	if tx != nil {
		q = tx
	}
	done := func(err error) error {
		if tx == nil {
			return err
		}
		if err != nil {
			tx.Rollback()
			return err
		}
		return tx.Commit()
	}
	del := &proximite.Delivery{}
	s := &del.Subscriber
	var state string
	err = q.QueryRowContext(ctx, `SELECT q.id, q.issue_id, q.attempts, s.id, s.email, s.lang, s.state
		FROM bulletin_queue q JOIN bulletin_subscribers s ON s.id = q.subscriber_id
		WHERE q.state = 'pending' AND q.id > $1 ORDER BY q.id LIMIT 1`+d.dialect.claimLock(), after).
		Scan(&del.ID, &del.IssueID, &del.Attempts, &s.ID, &s.Email, &s.Lang, &state)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, done(nil)
	} else if err != nil {
		return nil, done(fmt.Errorf("claim delivery: %w", err))
	}
	s.State = proximite.SubscriberState(state)
	del.UnsubscribeToken = signUnsubscribe(key, s.ID)
	finished := false
	del.Finish = func(ctx context.Context, st proximite.DeliveryState, detail string) error {
		if finished {
			return fmt.Errorf("delivery %d finished twice", del.ID)
		}
		finished = true
		var err error
		switch st {
		case proximite.DeliveryPending:
			// A temporary failure: count it, and give up after a few.
			_, err = q.ExecContext(ctx, `UPDATE bulletin_queue SET attempts = attempts + 1, error = $2,
				state = CASE WHEN attempts + 1 >= $3 THEN 'failed' ELSE 'pending' END WHERE id = $1`, del.ID, detail, maxAttempts)
		default:
			_, err = q.ExecContext(ctx, `UPDATE bulletin_queue SET state = $2, error = $3, sent_at = $4, attempts = attempts + 1
				WHERE id = $1`, del.ID, string(st), detail, micros(d.Now()))
		}
		if err != nil {
			err = fmt.Errorf("record delivery %d: %w", del.ID, err)
		}
		return done(err)
	}
	return del, nil
}
