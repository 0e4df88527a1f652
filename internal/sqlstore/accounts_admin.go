package sqlstore

import (
	"context"

	"github.com/proximite/proximite"
)

var _ proximite.AccountAdmin = (*DB)(nil)

// maxAccounts bounds the accounts listed at once: a network's members
// are counted in hundreds, and a page of them is read in one sitting.
const maxAccounts = 5000

// ListUsers returns every account, by name then address, with the slugs
// of its organisations. Memberships are read in a second query rather
// than one per account.
func (d *DB) ListUsers(ctx context.Context) ([]*proximite.User, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT u.id, u.email, u.name, u.lang, u.role, u.password_hash <> '', u.created_at
		FROM users u ORDER BY lower(u.name), u.email LIMIT $1`, maxAccounts)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*proximite.User
	byID := map[int64]*proximite.User{}
	for rows.Next() {
		var u proximite.User
		var created int64
		if err := rows.Scan(&u.ID, &u.Email, &u.Name, &u.Lang, &u.Role, &u.HasPassword, &created); err != nil {
			return nil, err
		}
		u.CreatedAt = fromMicros(created)
		out = append(out, &u)
		byID[u.ID] = &u
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	mrows, err := d.db.QueryContext(ctx, `SELECT m.user_id, r.slug FROM memberships m JOIN records r ON r.id = m.org_id
		ORDER BY m.user_id, r.slug`)
	if err != nil {
		return nil, err
	}
	defer mrows.Close()
	for mrows.Next() {
		var id int64
		var slug string
		if err := mrows.Scan(&id, &slug); err != nil {
			return nil, err
		}
		if u := byID[id]; u != nil {
			u.Orgs = append(u.Orgs, slug)
		}
	}
	return out, mrows.Err()
}

// FindUserByID returns the account with an ID, or ENOTFOUND.
func (d *DB) FindUserByID(ctx context.Context, id int64) (*proximite.User, error) {
	return d.findUserByID(ctx, id)
}
