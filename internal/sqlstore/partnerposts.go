package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"slices"
	"strconv"

	"github.com/proximite/proximite"
)

// The partner board: posts in their own table (migration 0013), audited
// under type "partner_post". Lists are small (a network has tens of open
// posts), so the filters on list fields (sectors, countries…) are applied
// to the decoded posts, after the indexed filters on state and date.

// CreatePost stores a new post in one transaction with its audit entry.
func (d *DB) CreatePost(ctx context.Context, p *proximite.PartnerPost) error {
	now := fromMicros(micros(d.Now()))
	if err := p.Validate(now); err != nil {
		return err
	}
	if err := d.orgExists(ctx, p.Org); err != nil {
		return err
	}
	p.ID, p.CreatedAt, p.UpdatedAt = 0, now, now
	data, err := postJSON(p)
	if err != nil {
		return err
	}
	return d.write(ctx, func(tx *wtx) error {
		if err := tx.row(`INSERT INTO partner_posts (org, kind, expires, closed, data, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id`,
			p.Org, string(p.Kind), string(p.Expires), p.Closed, data, micros(now)).Scan(&p.ID); err != nil {
			return err
		}
		return d.audit(tx, proximite.AuditCreate, proximite.TypePartnerPost, p.ID, p.AuditSlug(), sql.NullString{}, valid(data))
	})
}

// UpdatePost replaces a post, found by its ID; closing is an update.
func (d *DB) UpdatePost(ctx context.Context, p *proximite.PartnerPost) error {
	now := fromMicros(micros(d.Now()))
	if p.ID == 0 {
		return proximite.FieldError("id", "is required to update")
	}
	if err := p.Validate(now); err != nil {
		return err
	}
	if err := d.orgExists(ctx, p.Org); err != nil {
		return err
	}
	p.UpdatedAt = now
	return d.write(ctx, func(tx *wtx) error {
		var before string
		var created int64
		err := tx.row(`SELECT data, created_at FROM partner_posts WHERE id = $1`, p.ID).Scan(&before, &created)
		if errors.Is(err, sql.ErrNoRows) {
			return proximite.Errorf(proximite.ENOTFOUND, "aucune annonce n°%d / no post %d", p.ID, p.ID)
		} else if err != nil {
			return err
		}
		p.CreatedAt = fromMicros(created)
		data, err := postJSON(p)
		if err != nil {
			return err
		}
		if err := tx.exec(`UPDATE partner_posts SET org = $2, kind = $3, expires = $4, closed = $5, data = $6, updated_at = $7
			WHERE id = $1`, p.ID, p.Org, string(p.Kind), string(p.Expires), p.Closed, data, micros(now)); err != nil {
			return err
		}
		return d.audit(tx, proximite.AuditUpdate, proximite.TypePartnerPost, p.ID, p.AuditSlug(), valid(before), valid(data))
	})
}

// FindPost returns a post by ID, open or not.
func (d *DB) FindPost(ctx context.Context, id int64) (*proximite.PartnerPost, error) {
	var data string
	err := d.db.QueryRowContext(ctx, `SELECT data FROM partner_posts WHERE id = $1`, id).Scan(&data)
	if err != nil {
		return nil, notFound(err, "aucune annonce n°%d / no post %d", id, id)
	}
	return decodePost(id, data)
}

// ListPosts lists posts, newest first.
func (d *DB) ListPosts(ctx context.Context, f proximite.PostFilter) ([]*proximite.PartnerPost, error) {
	q := `SELECT id, data FROM partner_posts WHERE 1 = 1`
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	if f.Open {
		day := f.OpenOn
		if day.IsZero() {
			day = d.Now()
		}
		q += ` AND closed = ` + arg(false) + ` AND expires >= ` + arg(day.Format("2006-01-02"))
	}
	if f.Kind != "" {
		q += ` AND kind = ` + arg(string(f.Kind))
	}
	if f.Org != "" {
		q += ` AND org = ` + arg(f.Org)
	}
	q += ` ORDER BY created_at DESC, id DESC`
	rows, err := d.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*proximite.PartnerPost
	for rows.Next() {
		var id int64
		var data string
		if err := rows.Scan(&id, &data); err != nil {
			return nil, err
		}
		p, err := decodePost(id, data)
		if err != nil {
			return nil, err
		}
		if !postMatches(p, f) {
			continue
		}
		out = append(out, p)
		if f.Limit > 0 && len(out) == f.Limit {
			break
		}
	}
	return out, rows.Err()
}

// postMatches applies the filters on the post's lists. A post that
// leaves a criterion open (no kinds, no languages) passes its filter: it
// accepts any.
func postMatches(p *proximite.PartnerPost, f proximite.PostFilter) bool {
	open := func(list []string, v string) bool { return v == "" || len(list) == 0 || slices.Contains(list, v) }
	kinds := make([]string, len(p.PartnerKinds))
	for i, k := range p.PartnerKinds {
		kinds[i] = string(k)
	}
	return (f.Sector == "" || slices.Contains(p.Sectors, f.Sector)) &&
		open(p.Countries, f.Country) && open(kinds, string(f.PartnerKind)) && open(p.Languages, f.Language)
}

// orgExists checks that a post names an organisation of the registry.
func (d *DB) orgExists(ctx context.Context, slug string) error {
	var n int
	if err := d.db.QueryRowContext(ctx, `SELECT count(*) FROM records WHERE type = $1 AND slug = $2`,
		string(proximite.TypeOrganisation), slug).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return proximite.FieldError("org", "aucune organisation %q / no organisation %q", slug, slug)
	}
	return nil
}

func postJSON(p *proximite.PartnerPost) (string, error) {
	c := *p
	c.ID = 0
	b, err := json.Marshal(&c)
	return string(b), err
}

func decodePost(id int64, data string) (*proximite.PartnerPost, error) {
	p := &proximite.PartnerPost{}
	if err := json.Unmarshal([]byte(data), p); err != nil {
		return nil, errorf(err, "partner post %d", id)
	}
	p.ID = id
	return p, nil
}

var _ proximite.PartnerPostService = (*DB)(nil)
