package sqlstore

import (
	"context"
	"database/sql"
	"math"
	"sync"

	"github.com/proximite/proximite"
)

// amount is one sum a record contributes to the statistics: a measure
// (money planned or spent, in-kind days, travellers) for a year and, for
// money, a currency. Value is in hundredths (see 0011_statistics.sql).
type amount struct {
	measure  string
	year     int
	currency string
	value    int64
}

type amountKey struct {
	typ, measure string
	year         int
	currency     string
}

// hundredths turns a quantity into the integer the tables keep.
func hundredths(x float64) int64 { return int64(math.Round(x * 100)) }

// addAmount sums amounts of the same measure, year and currency, which
// the table keeps as one row per record.
func addAmount(out []amount, a amount) []amount {
	if a.value == 0 {
		return out
	}
	for i := range out {
		if out[i].measure == a.measure && out[i].year == a.year && out[i].currency == a.currency {
			out[i].value += a.value
			return out
		}
	}
	return append(out, a)
}

// projectAmounts are a project's budgets (by the year their period
// starts), the money it disbursed or spent (IATI transaction types 3
// and 4, by the transaction's year) and its in-kind days (by its start
// year). Commitments and incoming funds are left out: counted beside
// disbursements they would count the same money twice.
func projectAmounts(p *proximite.Project) []amount {
	var out []amount
	for _, b := range p.Budgets {
		year := b.PeriodStart.Year()
		if year == 0 {
			year = b.Value.ValueDate.Year()
		}
		out = addAmount(out, amount{proximite.MeasureBudget, year, b.Value.Currency, hundredths(b.Value.Amount)})
	}
	for _, t := range p.Transactions {
		if t.Type != "3" && t.Type != "4" {
			continue
		}
		year := t.Date.Year()
		if year == 0 {
			year = t.Value.ValueDate.Year()
		}
		out = addAmount(out, amount{proximite.MeasureSpent, year, t.Value.Currency, hundredths(t.Value.Amount)})
	}
	for _, k := range p.InKind {
		out = addAmount(out, amount{proximite.MeasureInKindDays, p.Start().Year(), "", hundredths(k.Days)})
	}
	return out
}

// visitAmounts is the number of people who went, by the visit's year.
func visitAmounts(v *proximite.Visit) []amount {
	return addAmount(nil, amount{proximite.MeasurePeople, v.Start.Year(), "", hundredths(float64(v.Headcount()))})
}

// replaceAmounts rewrites a record's amounts and keeps the totals of
// published records in step, as replaceTerms does for facet counts.
func replaceAmounts(tx *wtx, typ proximite.RecordType, id int64, existed, wasPublished, isPublished bool, amounts []amount) error {
	if tx.noAmounts {
		return nil
	}
	if existed {
		if wasPublished {
			rows, err := tx.rows(`SELECT measure, year, currency, value FROM record_amounts WHERE record_id = $1`, id)
			if err != nil {
				return err
			}
			for rows.Next() {
				var a amount
				if err := rows.Scan(&a.measure, &a.year, &a.currency, &a.value); err != nil {
					rows.Close()
					return err
				}
				tx.addTotal(string(typ), a, -1)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
		}
		if err := tx.exec(`DELETE FROM record_amounts WHERE record_id = $1`, id); err != nil {
			return err
		}
	}
	return tx.insertRows(`record_amounts (record_id, measure, year, currency, value)`, amountRows(tx, typ, id, isPublished, amounts))
}

// amountRows are the rows of record_amounts of a record; a published
// record's are added to the totals.
func amountRows(tx *wtx, typ proximite.RecordType, id int64, isPublished bool, amounts []amount) [][]any {
	var rows [][]any
	for _, a := range amounts {
		rows = append(rows, []any{id, a.measure, a.year, a.currency, a.value})
		if isPublished {
			tx.addTotal(string(typ), a, 1)
		}
	}
	return rows
}

// addTotal gathers a change to amount_totals, applied once at commit.
func (t *wtx) addTotal(typ string, a amount, sign int64) {
	if t.totals == nil {
		t.totals = map[amountKey]int64{}
	}
	t.totals[amountKey{typ, a.measure, a.year, a.currency}] += sign * a.value
}

// flushTotals applies the gathered changes to amount_totals.
func (t *wtx) flushTotals() error {
	var rows [][]any
	for k, v := range t.totals {
		if v != 0 {
			rows = append(rows, []any{k.typ, k.measure, k.year, k.currency, v})
		}
	}
	sortRows(rows)
	if _, err := t.insertMany(`INSERT INTO amount_totals (type, measure, year, currency, value)`, `(?, ?, ?, ?, ?)`,
		` ON CONFLICT (type, measure, year, currency) DO UPDATE SET value = amount_totals.value + excluded.value`, rows); err != nil {
		return err
	}
	clear(t.totals)
	return t.flushCube()
}

// tableExists reports whether a table can be read in the transaction. It
// asks inside a savepoint, which both databases roll back to without
// aborting the transaction when the table is missing.
func tableExists(ctx context.Context, tx *sql.Tx, table string) bool {
	if _, err := tx.ExecContext(ctx, `SAVEPOINT probe_table`); err != nil {
		return false
	}
	_, err := tx.ExecContext(ctx, `SELECT 1 FROM `+table+` LIMIT 1`)
	if err != nil {
		tx.ExecContext(ctx, `ROLLBACK TO SAVEPOINT probe_table`)
	}
	tx.ExecContext(ctx, `RELEASE SAVEPOINT probe_table`)
	return err == nil
}

// statsReady says whether the statistics' tables exist (migration 0011),
// which a registry migrated only part of the way, as some tests make,
// lacks. Once seen, they are known to stay, so the answer is kept.
func (d *DB) statsReady(ctx context.Context, tx *sql.Tx) bool {
	if _, ok := statsTables.Load(d); ok {
		return true
	}
	if !tableExists(ctx, tx, "stats_cube") {
		return false
	}
	statsTables.Store(d, true)
	return true
}

// statsTables holds the stores whose statistics' tables exist.
var statsTables sync.Map
