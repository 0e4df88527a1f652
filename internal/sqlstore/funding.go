package sqlstore

import (
	"context"
	"strconv"

	"github.com/proximite/proximite"
)

var _ proximite.FundingService = (*DB)(nil)

// FundingProgrammes returns the published programmes, most recently
// changed first, at most proximite.MaxFundingProgrammes, in one read
// with their funders' names.
func (d *DB) FundingProgrammes(ctx context.Context) ([]*proximite.Programme, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT r.id, r.updated_at, x.data FROM records r JOIN record_data x ON x.id = r.id
		WHERE r.type = 'programme' AND r.state = 'published'
		ORDER BY r.updated_at DESC LIMIT `+strconv.Itoa(proximite.MaxFundingProgrammes))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*proximite.Programme
	var funders []string
	for rows.Next() {
		var id, updated int64
		var data string
		p := &proximite.Programme{}
		if err := rows.Scan(&id, &updated, &data); err != nil {
			return nil, err
		}
		if err := decode(data, p); err != nil {
			return nil, err
		}
		p.ID, p.State, p.UpdatedAt = id, proximite.Published, fromMicros(updated)
		out = append(out, p)
		funders = append(funders, p.Funder)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	names, err := d.names(ctx, proximite.TypeOrganisation, funders)
	if err != nil {
		return nil, err
	}
	for _, p := range out {
		p.FunderName = names[p.Funder].title
	}
	return out, nil
}
