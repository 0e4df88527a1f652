package sqlstore

import "context"

// UnnestRoundTrip makes a temporary table in a write transaction, writes
// rows to it by unnestInsert with head, row and tail, and returns whether
// unnestInsert took them, the count it wrote, and the table's rows read
// back with read (PostgreSQL).
func (d *DB) UnnestRoundTrip(ctx context.Context, create, head, row, tail string, rows [][]any, read string) (ok bool, n int64, out []string, err error) {
	err = d.write(ctx, func(t *wtx) error {
		if err := t.exec(create); err != nil {
			return err
		}
		var err error
		if n, ok, err = t.unnestInsert(head, row, tail, rows); err != nil || !ok {
			return err
		}
		rs, err := t.rows(read)
		if err != nil {
			return err
		}
		defer rs.Close()
		for rs.Next() {
			var s string
			if err := rs.Scan(&s); err != nil {
				return err
			}
			out = append(out, s)
		}
		return rs.Err()
	})
	return ok, n, out, err
}
