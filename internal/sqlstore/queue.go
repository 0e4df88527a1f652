package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/proximite/proximite"
)

// RecordsInState lists up to limit records in one publication state, the
// longest waiting first: the coordinators' queue of submitted records.
func (d *DB) RecordsInState(ctx context.Context, state proximite.State, limit int) ([]proximite.Hit, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT type, id, slug, title, year, updated_at FROM records
		WHERE state = $1 ORDER BY updated_at, id LIMIT $2`, string(state), limit)
	if err != nil {
		return nil, fmt.Errorf("records in state %s: %w", state, err)
	}
	defer rows.Close()
	var out []proximite.Hit
	for rows.Next() {
		var h proximite.Hit
		var title string
		var updated int64
		if err := rows.Scan(&h.Type, &h.ID, &h.Slug, &title, &h.Year, &updated); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(title), &h.Title); err != nil {
			return nil, fmt.Errorf("title of %s %s: %w", h.Type, h.Slug, err)
		}
		h.Updated = fromMicros(updated)
		out = append(out, h)
	}
	return out, rows.Err()
}

// Unconfirmed is what one person is reminded of: the published records
// of their organisations that their partner has not confirmed since a
// date, or ever.
type Unconfirmed struct {
	User    *proximite.User
	Records []UnconfirmedRecord
}

// UnconfirmedRecord is one record of a reminder.
type UnconfirmedRecord struct {
	proximite.Hit
	// LastConfirmed is nil when the record was never confirmed.
	LastConfirmed *time.Time
}

// partnerRels are the links by which an organisation takes part in a
// record with a partner: a party of a partnership, a participant of a
// project, the sender or host of a visit. A programme's funder and an
// organisation's history are not partnerships to confirm.
const partnerRels = `'party', 'participant', 'from', 'to'`

// Unconfirmed returns, for every account that has chosen its password
// and edits for an organisation, the published partnerships, projects and
// visits of its organisations last confirmed before the date or never,
// people in the order of their address and records by type and title.
func (d *DB) Unconfirmed(ctx context.Context, before time.Time) ([]*Unconfirmed, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT DISTINCT u.id, u.email, r.type, r.id, r.slug, r.title, r.sort_title, x.data
		FROM users u
		JOIN memberships m ON m.user_id = u.id
		JOIN links l ON l.to_id = m.org_id AND l.rel IN (`+partnerRels+`)
		JOIN records r ON r.id = l.from_id
		JOIN record_data x ON x.id = r.id
		WHERE u.password_hash <> '' AND r.state = $1
		ORDER BY u.email, r.type, r.sort_title, r.id`, string(proximite.Published))
	if err != nil {
		return nil, fmt.Errorf("unconfirmed records: %w", err)
	}
	defer rows.Close()
	type row struct {
		userID int64
		rec    UnconfirmedRecord
	}
	var found []row
	for rows.Next() {
		var r row
		var email, title, sortTitle, data string
		if err := rows.Scan(&r.userID, &email, &r.rec.Type, &r.rec.ID, &r.rec.Slug, &title, &sortTitle, &data); err != nil {
			return nil, err
		}
		var meta struct {
			LastConfirmed *time.Time `json:"last_confirmed"`
		}
		if err := json.Unmarshal([]byte(data), &meta); err != nil {
			return nil, fmt.Errorf("%s %s: %w", r.rec.Type, r.rec.Slug, err)
		}
		if meta.LastConfirmed != nil && !meta.LastConfirmed.Before(before) {
			continue
		}
		if err := json.Unmarshal([]byte(title), &r.rec.Title); err != nil {
			return nil, fmt.Errorf("title of %s %s: %w", r.rec.Type, r.rec.Slug, err)
		}
		r.rec.LastConfirmed = meta.LastConfirmed
		found = append(found, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	var out []*Unconfirmed
	for _, r := range found {
		if len(out) == 0 || out[len(out)-1].User.ID != r.userID {
			u, err := d.findUserByID(ctx, r.userID)
			if err != nil {
				return nil, err
			}
			out = append(out, &Unconfirmed{User: u})
		}
		last := out[len(out)-1]
		// One record linked to two of the person's organisations comes
		// twice from the join; the rows of a record are adjacent.
		if n := len(last.Records); n > 0 && last.Records[n-1].ID == r.rec.ID {
			continue
		}
		last.Records = append(last.Records, r.rec)
	}
	return out, nil
}
