package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/proximite/proximite"
)

const issueCols = `id, number, subject, body, since, queued_at, created_at, updated_at`

func scanIssue(row interface{ Scan(...any) error }) (*proximite.Issue, error) {
	i := &proximite.Issue{}
	var subject, body string
	var since, queued, created, updated int64
	if err := row.Scan(&i.ID, &i.Number, &subject, &body, &since, &queued, &created, &updated); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(subject), &i.Subject); err != nil {
		return nil, fmt.Errorf("issue %d subject: %w", i.Number, err)
	}
	if err := json.Unmarshal([]byte(body), &i.Body); err != nil {
		return nil, fmt.Errorf("issue %d body: %w", i.Number, err)
	}
	i.Since, i.QueuedAt = optMicros(since), optMicros(queued)
	i.CreatedAt, i.UpdatedAt = fromMicros(created), fromMicros(updated)
	return i, nil
}

// CreateIssue stores a draft with the next number. Its Since is the
// sending of the latest sent issue (or the zero time for the first).
func (d *DB) CreateIssue(ctx context.Context, i *proximite.Issue) error {
	subject, _ := json.Marshal(i.Subject)
	body, _ := json.Marshal(i.Body)
	now := d.Now()
	return d.accountTx(ctx, func(tx *sql.Tx) error {
		var next int
		var since int64
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(number), 0) + 1, COALESCE(MAX(queued_at), 0) FROM bulletin_issues`).
			Scan(&next, &since); err != nil {
			return err
		}
		if !i.Since.IsZero() {
			since = micros(i.Since)
		}
		err := tx.QueryRowContext(ctx, `INSERT INTO bulletin_issues (number, subject, body, since, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $5) RETURNING id`, next, string(subject), string(body), since, micros(now)).Scan(&i.ID)
		if err != nil {
			return fmt.Errorf("create issue: %w", err)
		}
		i.Number, i.Since, i.CreatedAt, i.UpdatedAt = next, optMicros(since), fromMicros(micros(now)), fromMicros(micros(now))
		return nil
	})
}

// LastSent returns when the latest issue was sent, zero when none was.
func (d *DB) LastSent(ctx context.Context) (time.Time, error) {
	var at int64
	err := d.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(queued_at), 0) FROM bulletin_issues`).Scan(&at)
	return optMicros(at), err
}

var errIssueSent = &proximite.Error{Code: proximite.ECONFLICT,
	Message: "ce numéro est déjà envoyé ; il ne change plus / this issue has already been sent; it no longer changes"}

// UpdateIssue replaces a draft's subject and body; a sent issue is
// history and is refused.
func (d *DB) UpdateIssue(ctx context.Context, i *proximite.Issue) error {
	subject, _ := json.Marshal(i.Subject)
	body, _ := json.Marshal(i.Body)
	res, err := d.db.ExecContext(ctx, `UPDATE bulletin_issues SET subject = $2, body = $3, updated_at = $4 WHERE id = $1 AND queued_at = 0`,
		i.ID, string(subject), string(body), micros(d.Now()))
	if err != nil {
		return fmt.Errorf("update issue: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		if _, err := d.FindIssue(ctx, i.Number); err != nil {
			return err
		}
		return errIssueSent
	}
	return nil
}

// FindIssue returns an issue by number.
func (d *DB) FindIssue(ctx context.Context, number int) (*proximite.Issue, error) {
	i, err := scanIssue(d.db.QueryRowContext(ctx, `SELECT `+issueCols+` FROM bulletin_issues WHERE number = $1`, number))
	if err != nil {
		return nil, notFound(err, "aucun numéro %d / no issue %d", number, number)
	}
	return i, nil
}

// FindIssueByID returns an issue by id, for the sender.
func (d *DB) FindIssueByID(ctx context.Context, id int64) (*proximite.Issue, error) {
	i, err := scanIssue(d.db.QueryRowContext(ctx, `SELECT `+issueCols+` FROM bulletin_issues WHERE id = $1`, id))
	if err != nil {
		return nil, notFound(err, "aucun numéro %d / no issue %d", id, id)
	}
	return i, nil
}

// ListIssues lists issues, the latest first; sent only unless drafts.
func (d *DB) ListIssues(ctx context.Context, drafts bool) ([]*proximite.Issue, error) {
	q := `SELECT ` + issueCols + ` FROM bulletin_issues`
	if !drafts {
		q += ` WHERE queued_at <> 0`
	}
	rows, err := d.db.QueryContext(ctx, q+` ORDER BY number DESC`)
	if err != nil {
		return nil, fmt.Errorf("list issues: %w", err)
	}
	defer rows.Close()
	var out []*proximite.Issue
	for rows.Next() {
		i, err := scanIssue(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, i)
	}
	return out, rows.Err()
}

// QueueIssue sends a draft: one queue row for each confirmed subscriber,
// and the issue becomes history, all in one transaction. Queueing an
// issue twice is refused, and the unique (issue, subscriber) pair would
// keep anyone from being queued twice anyway. It returns the number of
// messages queued.
func (d *DB) QueueIssue(ctx context.Context, number int) (int, error) {
	i, err := d.FindIssue(ctx, number)
	if err != nil {
		return 0, err
	}
	if i.Sent() {
		return 0, errIssueSent
	}
	if err := i.Validate(); err != nil {
		return 0, err
	}
	var n int64
	err = d.accountTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE bulletin_issues SET queued_at = $2 WHERE id = $1 AND queued_at = 0`, i.ID, micros(d.Now()))
		if err != nil {
			return err
		}
		if k, _ := res.RowsAffected(); k == 0 {
			return errIssueSent
		}
		res, err = tx.ExecContext(ctx, `INSERT INTO bulletin_queue (issue_id, subscriber_id)
			SELECT $1, id FROM bulletin_subscribers WHERE state = 'confirmed' ORDER BY id
			ON CONFLICT (issue_id, subscriber_id) DO NOTHING`, i.ID)
		if err != nil {
			return err
		}
		n, _ = res.RowsAffected()
		return nil
	})
	if err != nil && !errors.Is(err, errIssueSent) {
		err = fmt.Errorf("queue issue %d: %w", number, err)
	}
	return int(n), err
}

// CountQueue counts the messages of an issue by state.
func (d *DB) CountQueue(ctx context.Context, issueID int64) (map[proximite.DeliveryState]int, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT state, count(*) FROM bulletin_queue WHERE issue_id = $1 GROUP BY state`, issueID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[proximite.DeliveryState]int{}
	for rows.Next() {
		var s string
		var n int
		if err := rows.Scan(&s, &n); err != nil {
			return nil, err
		}
		out[proximite.DeliveryState(s)] = n
	}
	return out, rows.Err()
}

// PublishedSince lists the published records of the given types that
// appeared after a moment: created after it, or published after it
// through the workflow (the audit's state changes), by type and title.
// The bulletin proposes them as what is new since the previous issue.
func (d *DB) PublishedSince(ctx context.Context, since time.Time, types []proximite.RecordType, limit int) ([]proximite.Hit, error) {
	var out []proximite.Hit
	for _, t := range types {
		rows, err := d.db.QueryContext(ctx, `SELECT r.type, r.id, r.slug, r.title, r.year, r.updated_at FROM records r
			WHERE r.type = $1 AND r.state = $2 AND (r.created_at > $3 OR EXISTS (
				SELECT 1 FROM audit_log a WHERE a.record_id = r.id AND a.action = 'state' AND a.at > $3))
			ORDER BY r.sort_title, r.id LIMIT $4`, string(t), string(proximite.Published), micros(since), limit)
		if err != nil {
			return nil, fmt.Errorf("published since: %w", err)
		}
		for rows.Next() {
			var h proximite.Hit
			var title string
			var updated int64
			if err := rows.Scan(&h.Type, &h.ID, &h.Slug, &title, &h.Year, &updated); err != nil {
				rows.Close()
				return nil, err
			}
			if err := json.Unmarshal([]byte(title), &h.Title); err != nil {
				rows.Close()
				return nil, fmt.Errorf("title of %s %s: %w", h.Type, h.Slug, err)
			}
			h.Updated = fromMicros(updated)
			out = append(out, h)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

var _ proximite.BulletinService = (*DB)(nil)
