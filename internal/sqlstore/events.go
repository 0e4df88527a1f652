package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strconv"

	"github.com/proximite/proximite"
)

// Events live in their own table, outside the records and the text
// index: the calendar lists them by date and never searches them. Their
// changes are in the audit log with the records', under type "event".

// CreateEvent stores a new event; its slug must be free. Like a record's,
// the write bumps the registry's version (the pages that list events are
// cached) and leaves an entry in the audit log, in one transaction.
func (d *DB) CreateEvent(ctx context.Context, e *proximite.Event) error {
	if err := e.Validate(); err != nil {
		return err
	}
	now := fromMicros(micros(d.Now()))
	e.ID, e.CreatedAt, e.UpdatedAt = 0, now, now
	data, err := eventJSON(e)
	if err != nil {
		return err
	}
	return d.write(ctx, func(tx *wtx) error {
		err := tx.row(`INSERT INTO events (slug, state, data, start_utc, end_utc, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (slug) DO NOTHING RETURNING id`,
			e.Slug, string(e.State), data, micros(e.Start), micros(e.End), micros(now)).Scan(&e.ID)
		if errors.Is(err, sql.ErrNoRows) {
			return eventSlugTaken(e.Slug)
		} else if err != nil {
			return err
		}
		return d.audit(tx, proximite.AuditCreate, proximite.TypeEvent, e.ID, e.Slug, sql.NullString{}, valid(data))
	})
}

// UpdateEvent replaces an event, found by its ID.
func (d *DB) UpdateEvent(ctx context.Context, e *proximite.Event) error {
	if err := e.Validate(); err != nil {
		return err
	}
	if e.ID == 0 {
		return proximite.FieldError("id", "is required to update")
	}
	e.UpdatedAt = fromMicros(micros(d.Now()))
	return d.write(ctx, func(tx *wtx) error {
		var before, oldState string
		var created int64
		err := tx.row(`SELECT data, state, created_at FROM events WHERE id = $1`, e.ID).Scan(&before, &oldState, &created)
		if errors.Is(err, sql.ErrNoRows) {
			return proximite.Errorf(proximite.ENOTFOUND, "no event with id %d", e.ID)
		} else if err != nil {
			return err
		}
		var taken int
		if err := tx.row(`SELECT count(*) FROM events WHERE slug = $1 AND id <> $2`, e.Slug, e.ID).Scan(&taken); err != nil {
			return err
		} else if taken > 0 {
			return eventSlugTaken(e.Slug)
		}
		e.CreatedAt = fromMicros(created)
		data, err := eventJSON(e)
		if err != nil {
			return err
		}
		if err := tx.exec(`UPDATE events SET slug = $2, state = $3, data = $4, start_utc = $5, end_utc = $6, updated_at = $7
			WHERE id = $1`, e.ID, e.Slug, string(e.State), data, micros(e.Start), micros(e.End), micros(e.UpdatedAt)); err != nil {
			return err
		}
		action := proximite.AuditUpdate
		if oldState != string(e.State) {
			action = proximite.AuditState
		}
		return d.audit(tx, action, proximite.TypeEvent, e.ID, e.Slug, valid(before), valid(data))
	})
}

// DeleteEvent removes an event. The visits that went to it keep its slug,
// and their pages stop linking to it.
func (d *DB) DeleteEvent(ctx context.Context, id int64) error {
	return d.write(ctx, func(tx *wtx) error {
		var slug, before string
		err := tx.row(`SELECT slug, data FROM events WHERE id = $1`, id).Scan(&slug, &before)
		if errors.Is(err, sql.ErrNoRows) {
			return proximite.Errorf(proximite.ENOTFOUND, "no event with id %d", id)
		} else if err != nil {
			return err
		}
		if err := d.audit(tx, proximite.AuditDelete, proximite.TypeEvent, id, slug, valid(before), sql.NullString{}); err != nil {
			return err
		}
		return tx.exec(`DELETE FROM events WHERE id = $1`, id)
	})
}

// FindEventByID returns an event by its ID, whatever its state.
func (d *DB) FindEventByID(ctx context.Context, id int64) (*proximite.Event, error) {
	var data string
	var created int64
	err := d.db.QueryRowContext(ctx, `SELECT data, created_at FROM events WHERE id = $1`, id).Scan(&data, &created)
	if err != nil {
		return nil, notFound(err, "aucun événement n°%d / no event with id %d", id, id)
	}
	return decodeEvent(id, data, created)
}

// VisitsToEvent lists the published visits that name the event. Visits
// keep the event's slug in their JSON only; a LIKE on the text of the JSON
// narrows them on both databases, and the decoded field decides.
func (d *DB) VisitsToEvent(ctx context.Context, slug string) ([]*proximite.Visit, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT r.slug FROM records r JOIN record_data x ON x.id = r.id
		WHERE r.type = $1 AND r.state = $2 AND x.data LIKE $3 ORDER BY r.slug`,
		string(proximite.TypeVisit), string(proximite.Published), `%"event":"`+slug+`"%`)
	if err != nil {
		return nil, err
	}
	var slugs []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return nil, err
		}
		slugs = append(slugs, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var out []*proximite.Visit
	for _, s := range slugs {
		v, err := d.FindVisit(ctx, s)
		if err != nil {
			return nil, err
		}
		if v.Event == slug {
			out = append(out, v)
		}
	}
	return out, nil
}

func eventSlugTaken(slug string) error {
	return &proximite.Error{Code: proximite.ECONFLICT, Field: "slug",
		Message: "un événement porte déjà l'identifiant " + slug + " / an event already has the slug " + slug}
}

func valid(s string) sql.NullString { return sql.NullString{String: s, Valid: true} }

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

var (
	_ proximite.EventService = (*DB)(nil)
	_ proximite.EventVisits  = (*DB)(nil)
)
