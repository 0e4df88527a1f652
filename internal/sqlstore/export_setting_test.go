package sqlstore

import "context"

// Setting returns a PostgreSQL setting as a connection of the store
// sees it.
func (d *DB) Setting(ctx context.Context, name string) (string, error) {
	var v string
	err := d.db.QueryRowContext(ctx, `SELECT current_setting($1)`, name).Scan(&v)
	return v, err
}
