package sqlstore

import (
	"context"
	"fmt"

	"github.com/proximite/proximite"
)

// SaveRates stores the coordinator's yearly rates in one transaction,
// replacing the rate of a year and currency already there. The caller
// has checked them (report.ParseRates); the table refuses a rate that is
// not positive all the same.
func (d *DB) SaveRates(ctx context.Context, rates []proximite.Rate) error {
	for i, r := range rates {
		if r.Year < proximite.MinStatsYear || r.Year > proximite.MaxStatsYear || r.Currency == "" || !(r.RateToCAD > 0) {
			return proximite.FieldError(fmt.Sprintf("rates[%d]", i), "needs a year, a currency and a positive rate")
		}
	}
	err := d.write(ctx, func(tx *wtx) error {
		for _, r := range rates {
			if err := tx.exec(`INSERT INTO exchange_rates (year, currency, rate_to_cad) VALUES ($1, $2, $3)
				ON CONFLICT (year, currency) DO UPDATE SET rate_to_cad = excluded.rate_to_cad`,
				r.Year, r.Currency, r.RateToCAD); err != nil {
				return err
			}
		}
		return nil
	})
	return errorf(err, "save rates")
}

// Rates returns every rate loaded, by year and currency.
func (d *DB) Rates(ctx context.Context) ([]proximite.Rate, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT year, currency, rate_to_cad FROM exchange_rates ORDER BY year, currency`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []proximite.Rate{}
	for rows.Next() {
		var r proximite.Rate
		if err := rows.Scan(&r.Year, &r.Currency, &r.RateToCAD); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
