package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strconv"
	"strings"

	"github.com/proximite/proximite"
)

// Events live in their own table, outside the records, the text index and
// the audit of records: the calendar lists them by date and never
// searches them.

// CreateEvent stores a new event; its slug must be free.
func (d *DB) CreateEvent(ctx context.Context, e *proximite.Event) error {
	if err := e.Validate(); err != nil {
		return err
	}
	now := fromMicros(micros(d.Now()))
	e.CreatedAt, e.UpdatedAt = now, now
	data, err := eventJSON(e)
	if err != nil {
		return err
	}
	err = d.db.QueryRowContext(ctx, `INSERT INTO events (slug, state, data, start_utc, end_utc, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (slug) DO NOTHING RETURNING id`,
		e.Slug, string(e.State), data, micros(e.Start), micros(e.End), micros(now)).Scan(&e.ID)
	if errors.Is(err, sql.ErrNoRows) {
		return &proximite.Error{Code: proximite.ECONFLICT, Field: "slug",
			Message: "un événement porte déjà l'identifiant " + e.Slug + " / an event already has the slug " + e.Slug}
	}
	return err
}

// UpdateEvent replaces an event, found by its ID.
func (d *DB) UpdateEvent(ctx context.Context, e *proximite.Event) error {
	if err := e.Validate(); err != nil {
		return err
	}
	e.UpdatedAt = fromMicros(micros(d.Now()))
	data, err := eventJSON(e)
	if err != nil {
		return err
	}
	res, err := d.db.ExecContext(ctx, `UPDATE events SET slug = $2, state = $3, data = $4, start_utc = $5, end_utc = $6, updated_at = $7
		WHERE id = $1`, e.ID, e.Slug, string(e.State), data, micros(e.Start), micros(e.End), micros(e.UpdatedAt))
	if err != nil {
		if strings.Contains(strings.ToLower(err.Error()), "unique") {
			return &proximite.Error{Code: proximite.ECONFLICT, Field: "slug",
				Message: "un événement porte déjà l'identifiant " + e.Slug + " / an event already has the slug " + e.Slug}
		}
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return proximite.Errorf(proximite.ENOTFOUND, "no event with id %d", e.ID)
	}
	return nil
}

// FindEvent returns an event by slug, whatever its state: the caller
// decides who may see a draft.
func (d *DB) FindEvent(ctx context.Context, slug string) (*proximite.Event, error) {
	var id, created int64
	var data string
	err := d.db.QueryRowContext(ctx, `SELECT id, data, created_at FROM events WHERE slug = $1`, slug).Scan(&id, &data, &created)
	if err != nil {
		return nil, notFound(err, "aucun événement %s / no event %s", slug, slug)
	}
	return decodeEvent(id, data, created)
}

// ListEvents lists events: upcoming ones (not yet ended) soonest first,
// past ones latest first, all of them by start.
func (d *DB) ListEvents(ctx context.Context, f proximite.EventFilter) ([]*proximite.Event, error) {
	now := f.Now
	if now.IsZero() {
		now = d.Now()
	}
	q := `SELECT id, data, created_at FROM events WHERE 1 = 1`
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	if !f.IncludeUnpublished {
		q += ` AND state = ` + arg(string(proximite.Published))
	}
	switch f.Span {
	case proximite.Upcoming:
		q += ` AND end_utc >= ` + arg(micros(now)) + ` ORDER BY start_utc, slug`
	case proximite.Past:
		q += ` AND end_utc < ` + arg(micros(now)) + ` ORDER BY start_utc DESC, slug`
	default:
		q += ` ORDER BY start_utc, slug`
	}
	if f.Limit > 0 {
		q += ` LIMIT ` + arg(f.Limit)
	}
	rows, err := d.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*proximite.Event
	for rows.Next() {
		var id, created int64
		var data string
		if err := rows.Scan(&id, &data, &created); err != nil {
			return nil, err
		}
		e, err := decodeEvent(id, data, created)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// eventJSON encodes an event without its ID, which is a column.
func eventJSON(e *proximite.Event) (string, error) {
	c := *e
	c.ID = 0
	b, err := json.Marshal(&c)
	return string(b), err
}

func decodeEvent(id int64, data string, created int64) (*proximite.Event, error) {
	e := &proximite.Event{}
	if err := json.Unmarshal([]byte(data), e); err != nil {
		return nil, errorf(err, "event %d", id)
	}
	e.ID = id
	e.CreatedAt = fromMicros(created)
	return e, nil
}

var _ proximite.EventService = (*DB)(nil)
