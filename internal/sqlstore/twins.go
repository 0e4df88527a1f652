package sqlstore

import (
	"context"

	"github.com/proximite/proximite"
)

// The reference layer of known twinnings (migration 0013): a copy of a
// public list, replaced whole by each load so that loading the same file
// twice leaves the same rows. It is not audited: it is no one's writing
// in the registry, and the load command reports what it did.

// ReplaceTwins replaces the layer in one transaction; the registry's
// version moves, so the town pages that suggest twinnings are made anew.
func (d *DB) ReplaceTwins(ctx context.Context, rows []proximite.Twin) error {
	return d.write(ctx, func(tx *wtx) error {
		if err := tx.exec(`DELETE FROM twin_cities`); err != nil {
			return err
		}
		batch := make([][]any, 0, 500)
		for _, r := range rows {
			batch = append(batch, []any{r.City1, r.Country1, proximite.Slugify(r.City1), r.Lat1, r.Lng1,
				r.City2, r.Country2, proximite.Slugify(r.City2), r.Lat2, r.Lng2})
			if len(batch) == cap(batch) {
				if err := tx.insertRows(twinColumns, batch); err != nil {
					return err
				}
				batch = batch[:0]
			}
		}
		return tx.insertRows(twinColumns, batch)
	})
}

const twinColumns = `twin_cities (city1, country1, fold1, lat1, lng1, city2, country2, fold2, lat2, lng2)`

// TwinsOf returns the towns twinned with city in country, from either
// side of the list, once each, by name.
func (d *DB) TwinsOf(ctx context.Context, city, country string) ([]proximite.TwinTown, error) {
	fold := proximite.Slugify(city)
	rows, err := d.db.QueryContext(ctx, `SELECT city2, country2, lat2, lng2 FROM twin_cities WHERE country1 = $1 AND fold1 = $2
		UNION SELECT city1, country1, lat1, lng1 FROM twin_cities WHERE country2 = $1 AND fold2 = $2
		ORDER BY 1, 2`, country, fold)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []proximite.TwinTown
	seen := map[string]bool{}
	for rows.Next() {
		var t proximite.TwinTown
		if err := rows.Scan(&t.City, &t.Country, &t.Lat, &t.Lng); err != nil {
			return nil, err
		}
		// The list names some pairs from both sides with slightly
		// different positions; one town is one suggestion.
		key := t.Country + "|" + proximite.Slugify(t.City)
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, t)
	}
	return out, rows.Err()
}

// CountTwins returns the number of rows in the layer.
func (d *DB) CountTwins(ctx context.Context) (int, error) {
	var n int
	err := d.db.QueryRowContext(ctx, `SELECT count(*) FROM twin_cities`).Scan(&n)
	return n, err
}

var _ proximite.TwinService = (*DB)(nil)
