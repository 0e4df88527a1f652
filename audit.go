package proximite

import (
	"context"
	"encoding/json"
	"time"
)

// Audit actions: what a change did to a record.
const (
	AuditCreate = "create"
	AuditUpdate = "update"
	// AuditState is an update that changed the publication state.
	AuditState  = "state"
	AuditDelete = "delete"
)

// AuditEntry is one change to a record: who, when, what, and the record
// before and after as JSON. It is written in the transaction of the
// change, so neither exists without the other.
type AuditEntry struct {
	ID int64     `json:"id"`
	At time.Time `json:"at"`
	// UserID is 0 for the system (imports, the command line) and for an
	// account since deleted; Actor keeps the address either way.
	UserID   int64           `json:"user_id,omitempty"`
	Actor    string          `json:"actor"`
	Action   string          `json:"action"`
	Type     RecordType      `json:"type"`
	RecordID int64           `json:"record_id"`
	Slug     string          `json:"slug"`
	Before   json.RawMessage `json:"before,omitempty"`
	After    json.RawMessage `json:"after,omitempty"`
}

// AuditService reads the history of records.
type AuditService interface {
	// History lists the changes to one record, oldest first.
	History(ctx context.Context, typ RecordType, id int64) ([]*AuditEntry, error)
}
