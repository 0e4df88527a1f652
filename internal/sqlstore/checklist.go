package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strconv"

	"github.com/proximite/proximite"
)

// The partner-selection checklist and the assessments made with it
// (migration 0013, which writes the six criteria of the seed). Both are
// audited, as "criterion" and "assessment".

// Criteria lists the checklist by position.
func (d *DB) Criteria(ctx context.Context, withRetired bool) ([]*proximite.Criterion, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT id, position, retired, data FROM checklist_criteria ORDER BY position, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*proximite.Criterion
	for rows.Next() {
		c := &proximite.Criterion{}
		var data string
		if err := rows.Scan(&c.ID, &c.Position, &c.Retired, &data); err != nil {
			return nil, err
		}
		var body proximite.Criterion
		if err := json.Unmarshal([]byte(data), &body); err != nil {
			return nil, errorf(err, "criterion %d", c.ID)
		}
		c.Text = body.Text
		if c.Retired && !withRetired {
			continue
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// SaveCriterion adds a criterion at the end (ID 0, Position 0) or
// rewords, moves or retires one.
func (d *DB) SaveCriterion(ctx context.Context, c *proximite.Criterion) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return d.write(ctx, func(tx *wtx) error {
		if c.ID == 0 {
			if c.Position == 0 {
				if err := tx.row(`SELECT COALESCE(MAX(position), 0) + 1 FROM checklist_criteria`).Scan(&c.Position); err != nil {
					return err
				}
			}
			data, err := criterionJSON(c)
			if err != nil {
				return err
			}
			if err := tx.row(`INSERT INTO checklist_criteria (position, retired, data) VALUES ($1, $2, $3) RETURNING id`,
				c.Position, c.Retired, data).Scan(&c.ID); err != nil {
				return err
			}
			return d.audit(tx, proximite.AuditCreate, proximite.TypeCriterion, c.ID, criterionSlug(c.ID), sql.NullString{}, valid(data))
		}
		var before string
		err := tx.row(`SELECT data FROM checklist_criteria WHERE id = $1`, c.ID).Scan(&before)
		if errors.Is(err, sql.ErrNoRows) {
			return proximite.Errorf(proximite.ENOTFOUND, "aucun critère n°%d / no criterion %d", c.ID, c.ID)
		} else if err != nil {
			return err
		}
		data, err := criterionJSON(c)
		if err != nil {
			return err
		}
		if err := tx.exec(`UPDATE checklist_criteria SET position = $2, retired = $3, data = $4 WHERE id = $1`,
			c.ID, c.Position, c.Retired, data); err != nil {
			return err
		}
		return d.audit(tx, proximite.AuditUpdate, proximite.TypeCriterion, c.ID, criterionSlug(c.ID), valid(before), valid(data))
	})
}

// Assessments lists a partnership's assessments, newest first.
func (d *DB) Assessments(ctx context.Context, partnership string) ([]*proximite.Assessment, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT id, data FROM assessments WHERE partnership = $1 ORDER BY at DESC, id DESC`, partnership)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*proximite.Assessment
	for rows.Next() {
		a := &proximite.Assessment{}
		var data string
		if err := rows.Scan(&a.ID, &data); err != nil {
			return nil, err
		}
		id := a.ID
		if err := json.Unmarshal([]byte(data), a); err != nil {
			return nil, errorf(err, "assessment %d", id)
		}
		a.ID = id
		out = append(out, a)
	}
	return out, rows.Err()
}

// CreateAssessment stores an assessment. Each answer takes the wording
// its criterion has now, so that the assessment reads the same after a
// criterion is reworded or retired; the author is the context's user.
func (d *DB) CreateAssessment(ctx context.Context, a *proximite.Assessment) error {
	if err := a.Validate(); err != nil {
		return err
	}
	crit, err := d.Criteria(ctx, true)
	if err != nil {
		return err
	}
	byID := map[int64]*proximite.Criterion{}
	for _, c := range crit {
		byID[c.ID] = c
	}
	for i := range a.Answers {
		c, ok := byID[a.Answers[i].Criterion]
		if !ok {
			return proximite.FieldError("answers["+strconv.Itoa(i)+"]", "aucun critère n°%d / no criterion %d", a.Answers[i].Criterion, a.Answers[i].Criterion)
		}
		a.Answers[i].Text = c.Text
	}
	if err := d.recordExists(ctx, proximite.TypePartnership, a.Partnership, "partnership"); err != nil {
		return err
	}
	if err := d.recordExists(ctx, proximite.TypeOrganisation, a.Candidate, "candidate"); err != nil {
		return err
	}
	a.At = fromMicros(micros(d.Now()))
	a.By = proximite.System.Name
	if u := proximite.UserFromContext(ctx); u != nil && !u.IsSystem() {
		a.By = u.Name + " <" + u.Email + ">"
	}
	a.ID = 0
	b, err := json.Marshal(a)
	if err != nil {
		return err
	}
	return d.write(ctx, func(tx *wtx) error {
		if err := tx.row(`INSERT INTO assessments (partnership, candidate, data, at) VALUES ($1, $2, $3, $4) RETURNING id`,
			a.Partnership, a.Candidate, string(b), micros(a.At)).Scan(&a.ID); err != nil {
			return err
		}
		return d.audit(tx, proximite.AuditCreate, proximite.TypeAssessment, a.ID, a.Partnership, sql.NullString{}, valid(string(b)))
	})
}

// recordExists checks that a slug names a record of type typ, whatever
// its state, and names field when it does not.
func (d *DB) recordExists(ctx context.Context, typ proximite.RecordType, slug, field string) error {
	var n int
	if err := d.db.QueryRowContext(ctx, `SELECT count(*) FROM records WHERE type = $1 AND slug = $2`,
		string(typ), slug).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return proximite.FieldError(field, "aucune fiche %q / no %s %q", slug, typ, slug)
	}
	return nil
}

func criterionSlug(id int64) string { return "criterion-" + strconv.FormatInt(id, 10) }

func criterionJSON(c *proximite.Criterion) (string, error) {
	b, err := json.Marshal(proximite.Criterion{Text: c.Text, Position: c.Position, Retired: c.Retired})
	return string(b), err
}

var _ proximite.ChecklistService = (*DB)(nil)
