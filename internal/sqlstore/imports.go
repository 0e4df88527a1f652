package sqlstore

import (
	"context"
	"database/sql"
	"time"

	"github.com/proximite/proximite"
)

// Import is the log entry of one file brought into the registry: its
// checksum, what came of its records, and when it ran. FinishedAt is nil
// while the import runs, and stays nil when it was interrupted.
type Import struct {
	ID     int64
	Format string // "iati", "csv"
	File   string
	// Checksum is the SHA-256 of the file, in hex.
	Checksum     string
	AllOrNothing bool
	// Read counts the records read from the file; each ends up created,
	// updated, unchanged or rejected.
	Read, Created, Updated, Unchanged, Rejected int
	// OrgsCreated counts the organisations created for the records'
	// participants.
	OrgsCreated int
	// Error says why the file stopped being read, or why nothing of it
	// was written; empty when it went through.
	Error      string
	StartedAt  time.Time
	FinishedAt *time.Time
}

// Levels of import messages.
const (
	ImportRejected = "rejected" // the record was not imported
	ImportWarning  = "warning"  // the record was imported with a change
)

// ImportMessage is a rejected record of an import, or a warning about a
// record that was kept: where it is in the file and what was wrong.
type ImportMessage struct {
	Level      string `json:"level"`
	Line       int    `json:"line,omitempty"`
	Identifier string `json:"identifier,omitempty"`
	Message    string `json:"message"`
}

// CreateImport records the start of an import and sets its ID and start
// time.
func (d *DB) CreateImport(ctx context.Context, im *Import) error {
	if im.Format == "" || im.File == "" {
		return proximite.Errorf(proximite.EINVALID, "an import needs a format and a file name")
	}
	im.StartedAt = d.Now().UTC().Truncate(time.Microsecond)
	im.FinishedAt = nil
	return d.write(ctx, func(tx *wtx) error {
		return tx.row(`INSERT INTO imports (format, file, checksum, all_or_nothing, started_at)
			VALUES ($1, $2, $3, $4, $5) RETURNING id`,
			im.Format, im.File, im.Checksum, boolInt(im.AllOrNothing), micros(im.StartedAt)).Scan(&im.ID)
	})
}

// AddImportMessages appends messages to an import's list, after those
// already there. Importers call it once per batch of records written, so
// that the list is as complete as the data after a crash.
func (d *DB) AddImportMessages(ctx context.Context, importID int64, msgs []ImportMessage) error {
	if len(msgs) == 0 {
		return nil
	}
	return d.write(ctx, func(tx *wtx) error {
		var seq int
		if err := tx.row(`SELECT COALESCE(MAX(seq), 0) FROM import_messages WHERE import_id = $1`,
			importID).Scan(&seq); err != nil {
			return err
		}
		for _, m := range msgs {
			seq++
			if err := tx.exec(`INSERT INTO import_messages (import_id, seq, level, line, identifier, message)
				VALUES ($1, $2, $3, $4, $5, $6)`, importID, seq, m.Level, m.Line, m.Identifier, m.Message); err != nil {
				return err
			}
		}
		return nil
	})
}

// FinishImport records the outcome of an import: its checksum, counts and
// error, and the time it ended. It may be called again to correct the
// outcome, as an all-or-nothing import does when another file fails.
func (d *DB) FinishImport(ctx context.Context, im *Import) error {
	now := d.Now().UTC().Truncate(time.Microsecond)
	im.FinishedAt = &now
	return d.write(ctx, func(tx *wtx) error {
		return tx.exec(`UPDATE imports SET checksum = $1, read_n = $2, created_n = $3, updated_n = $4,
			unchanged_n = $5, rejected_n = $6, orgs_created_n = $7, error = $8, finished_at = $9 WHERE id = $10`,
			im.Checksum, im.Read, im.Created, im.Updated, im.Unchanged, im.Rejected, im.OrgsCreated, im.Error,
			micros(now), im.ID)
	})
}

const importColumns = `id, format, file, checksum, all_or_nothing, read_n, created_n, updated_n,
	unchanged_n, rejected_n, orgs_created_n, error, started_at, finished_at`

// ListImports returns the most recent imports first, at most limit.
func (d *DB) ListImports(ctx context.Context, limit int) ([]*Import, error) {
	if limit <= 0 {
		limit = 50
	}
	rows, err := d.db.QueryContext(ctx, `SELECT `+importColumns+` FROM imports
		ORDER BY started_at DESC, id DESC LIMIT $1`, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*Import
	for rows.Next() {
		im, err := scanImport(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, im)
	}
	return out, rows.Err()
}

// FindImport returns one import by ID.
func (d *DB) FindImport(ctx context.Context, id int64) (*Import, error) {
	im, err := scanImport(d.db.QueryRowContext(ctx, `SELECT `+importColumns+` FROM imports WHERE id = $1`, id))
	if err != nil {
		return nil, notFound(err, "no import %d", id)
	}
	return im, nil
}

func scanImport(row interface{ Scan(...any) error }) (*Import, error) {
	im := &Import{}
	var aon int
	var started int64
	var finished sql.NullInt64
	if err := row.Scan(&im.ID, &im.Format, &im.File, &im.Checksum, &aon, &im.Read, &im.Created,
		&im.Updated, &im.Unchanged, &im.Rejected, &im.OrgsCreated, &im.Error, &started, &finished); err != nil {
		return nil, err
	}
	im.AllOrNothing, im.StartedAt = aon != 0, fromMicros(started)
	if finished.Valid {
		t := fromMicros(finished.Int64)
		im.FinishedAt = &t
	}
	return im, nil
}

// ImportMessages returns an import's rejected records and warnings in the
// order they were found.
func (d *DB) ImportMessages(ctx context.Context, importID int64) ([]ImportMessage, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT level, line, identifier, message FROM import_messages
		WHERE import_id = $1 ORDER BY seq`, importID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ImportMessage
	for rows.Next() {
		var m ImportMessage
		if err := rows.Scan(&m.Level, &m.Line, &m.Identifier, &m.Message); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
