package sqlstore

import (
	"context"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"
)

// On PostgreSQL, an insert of many rows by VALUES is planned again for
// each count of rows, and its plan grows with them: a sixth of the
// server's time in an import of the publisher files went to planning.
// unnestInsert sends the rows as one array for each column instead, in a
// statement whose text, and so whose plan, does not depend on the rows:
//
//	INSERT INTO t (a, b) SELECT u.c1::bigint, u.c2::text
//	FROM unnest($1::text[], $2::text[]) AS u(c1, c2) …
//
// Every value travels as text and is cast to its column's type, read
// from the catalog once per table.

// rowsPerUnnest bounds the rows of one statement, to bound the arrays
// held at once.
const rowsPerUnnest = 5000

// unnestInsert writes rows as insertMany does. ok is false, with
// nothing written, when a value or the statement's shape is not one it
// handles; insertMany then writes them by VALUES.
func (t *wtx) unnestInsert(head, row, tail string, rows [][]any) (n int64, ok bool, err error) {
	query, width, ok, err := t.unnestQuery(head, row, tail)
	if !ok || err != nil {
		return 0, ok, err
	}
	cols := make([][]*string, width)
	for len(rows) > 0 {
		chunk := rows[:min(len(rows), rowsPerUnnest)]
		for k := range cols {
			cols[k] = make([]*string, len(chunk))
		}
		for i, r := range chunk {
			if len(r) != width {
				panic("insertMany: a row of " + strconv.Itoa(len(r)) + " values for " + row)
			}
			for k, v := range r {
				s, ok := pgText(v)
				if !ok {
					if n > 0 {
						// Some rows are written: the rest cannot go by VALUES
						// without the caller knowing. Not reached with the
						// values of this package, all handled alike.
						return n, true, fmt.Errorf("insert: value of type %T", v)
					}
					return 0, false, nil
				}
				cols[k][i] = s
			}
		}
		args := make([]any, width)
		for k := range cols {
			args[k] = cols[k]
		}
		res, err := t.tx.ExecContext(t.ctx, query, args...)
		if err != nil {
			return n, true, err
		}
		affected, err := res.RowsAffected()
		if err != nil {
			return n, true, err
		}
		n += affected
		rows = rows[len(chunk):]
	}
	return n, true, nil
}

// unnestQuery returns the statement of unnestInsert and its count of
// parameters, or ok false when head and row are not of the shape it
// reads: "INSERT INTO table (a, b, …)" and "(x, y, …)", an item for each
// column, each "?" or an expression whose "?" are text.
func (t *wtx) unnestQuery(head, row, tail string) (query string, width int, ok bool, err error) {
	rest, found := strings.CutPrefix(head, "INSERT INTO ")
	table, list, found2 := strings.Cut(rest, " (")
	if !found || !found2 || !strings.HasSuffix(list, ")") || !strings.HasPrefix(row, "(") || !strings.HasSuffix(row, ")") {
		return "", 0, false, nil
	}
	columns := strings.Split(strings.TrimSuffix(list, ")"), ",")
	items := splitTop(row[1 : len(row)-1])
	if len(items) != len(columns) || t.columnTypes == nil {
		return "", 0, false, nil
	}
	types, err := t.columnTypes(t.ctx, table)
	if err != nil {
		return "", 0, true, err
	}
	var sel, params, names []string
	for i, item := range items {
		item = strings.TrimSpace(item)
		col := strings.TrimSpace(columns[i])
		if item == "?" {
			typ, ok := types[col]
			if !ok {
				return "", 0, false, nil
			}
			width++
			sel = append(sel, fmt.Sprintf("u.c%d::%s", width, typ))
		} else {
			var b strings.Builder
			for {
				before, after, more := strings.Cut(item, "?")
				b.WriteString(before)
				if !more {
					break
				}
				width++
				fmt.Fprintf(&b, "u.c%d", width)
				item = after
			}
			sel = append(sel, b.String())
		}
	}
	for k := 1; k <= width; k++ {
		params = append(params, fmt.Sprintf("$%d::text[]", k))
		names = append(names, fmt.Sprintf("c%d", k))
	}
	return head + " SELECT " + strings.Join(sel, ", ") + " FROM unnest(" + strings.Join(params, ", ") +
		") AS u(" + strings.Join(names, ", ") + ")" + tail, width, true, nil
}

// splitTop splits s at its commas outside parentheses and quotes.
func splitTop(s string) []string {
	var out []string
	depth, quoted, start := 0, false, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\'':
			quoted = !quoted
		case quoted:
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == ',' && depth == 0:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// pgText returns a value as the text that PostgreSQL casts to its column,
// nil for NULL; ok is false for a type it does not write.
func pgText(v any) (*string, bool) {
	if v == nil {
		return nil, true
	}
	r := reflect.ValueOf(v)
	if r.Kind() == reflect.Pointer {
		if r.IsNil() {
			return nil, true
		}
		r = r.Elem()
	}
	var s string
	switch r.Kind() {
	case reflect.String:
		s = r.String()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		s = strconv.FormatInt(r.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		s = strconv.FormatUint(r.Uint(), 10)
	case reflect.Float32, reflect.Float64:
		s = strconv.FormatFloat(r.Float(), 'g', -1, 64)
	case reflect.Bool:
		s = strconv.FormatBool(r.Bool())
	default:
		return nil, false
	}
	return &s, true
}

// pgColumnTypes keeps the types of the columns of each table written by
// unnestInsert, as the catalog gives them.
type pgColumnTypes struct {
	mu sync.Mutex
	m  map[string]map[string]string
}

// get returns the types of table's columns, by name, read in tx when
// not known yet.
func (c *pgColumnTypes) get(ctx context.Context, t *wtx, table string) (map[string]string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if types, ok := c.m[table]; ok {
		return types, nil
	}
	rows, err := t.tx.QueryContext(ctx, `SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute
		WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped`, table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	types := map[string]string{}
	for rows.Next() {
		var name, typ string
		if err := rows.Scan(&name, &typ); err != nil {
			return nil, err
		}
		types[name] = typ
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if c.m == nil {
		c.m = map[string]map[string]string{}
	}
	c.m[table] = types
	return types, nil
}

// reset forgets the types read.
func (c *pgColumnTypes) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m = nil
}
