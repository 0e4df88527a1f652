package sqlstore

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/proximite/proximite"
)

// The coordinators' side of the subscribers: counts, the list, imports
// and exports.

// CountSubscribers counts subscribers by state and language.
func (d *DB) CountSubscribers(ctx context.Context) ([]proximite.SubscriberCount, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT state, lang, count(*) FROM bulletin_subscribers GROUP BY state, lang ORDER BY state, lang`)
	if err != nil {
		return nil, fmt.Errorf("count subscribers: %w", err)
	}
	defer rows.Close()
	var out []proximite.SubscriberCount
	for rows.Next() {
		var c proximite.SubscriberCount
		var state string
		if err := rows.Scan(&state, &c.Lang, &c.N); err != nil {
			return nil, err
		}
		c.State = proximite.SubscriberState(state)
		out = append(out, c)
	}
	return out, rows.Err()
}

// ListSubscribers lists subscribers by address, at most limit (all when
// limit is 0).
func (d *DB) ListSubscribers(ctx context.Context, limit int) ([]*proximite.Subscriber, error) {
	q := `SELECT ` + subscriberCols + ` FROM bulletin_subscribers ORDER BY email`
	args := []any{}
	if limit > 0 {
		q += ` LIMIT $1`
		args = append(args, limit)
	}
	rows, err := d.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list subscribers: %w", err)
	}
	defer rows.Close()
	var out []*proximite.Subscriber
	for rows.Next() {
		s, err := scanSubscriber(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// ImportSubscribers adds the rows as confirmed subscribers, all or
// none: the caller has checked them (see csv parsing in the web
// package), and the store checks them again.
func (d *DB) ImportSubscribers(ctx context.Context, rows []proximite.SubscriberImport) (proximite.ImportResult, error) {
	var res proximite.ImportResult
	var errs proximite.ValidationErrors
	for i := range rows {
		r := &rows[i]
		e, err := proximite.CheckEmail(r.Email)
		if err != nil {
			errs.Add(fmt.Sprintf("line %d", r.Line), "%v", err)
			continue
		}
		r.Email = e
		if err := proximite.CheckLang(r.Lang); err != nil {
			errs.Add(fmt.Sprintf("line %d", r.Line), "%v", err)
		}
		if r.ConsentAt.IsZero() {
			errs.Add(fmt.Sprintf("line %d", r.Line), "date de consentement requise / consent date required")
		}
	}
	if err := errs.Err(); err != nil {
		return res, err
	}
	now := micros(d.Now())
	err := d.accountTx(ctx, func(tx *sql.Tx) error {
		res = proximite.ImportResult{}
		for _, r := range rows {
			out, err := tx.ExecContext(ctx, `INSERT INTO bulletin_subscribers (email, lang, state, source, consent_at, confirmed_at, created_at)
				VALUES ($1, $2, 'confirmed', 'import', $3, $4, $4) ON CONFLICT (email) DO NOTHING`, r.Email, r.Lang, micros(r.ConsentAt), now)
			if err != nil {
				return fmt.Errorf("line %d: %w", r.Line, err)
			}
			if n, _ := out.RowsAffected(); n == 1 {
				res.Added++
			} else {
				res.Kept++
			}
		}
		return nil
	})
	return res, err
}
