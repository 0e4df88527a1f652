package web

import (
	"context"
	"time"

	"github.com/proximite/proximite"
)

// findRecord reads a record of any type and state by slug. Reads pass
// the guard untouched; the pages decide who sees what.
func (h *Handler) findRecord(ctx context.Context, t proximite.RecordType, slug string) (proximite.Record, error) {
	return proximite.Find(ctx, h.reg, t, slug)
}

// saveRecord writes a changed record through the guard, which checks the
// policy for the user the context carries.
func (h *Handler) saveRecord(ctx context.Context, rec proximite.Record) error {
	return h.guard.Save(ctx, rec)
}

// recordTitle is the name or title of a record.
func recordTitle(rec proximite.Record) proximite.Text {
	switch r := rec.(type) {
	case *proximite.Organisation:
		return r.Name
	case *proximite.Partnership:
		return r.Title
	case *proximite.Project:
		return r.Title
	case *proximite.Visit:
		return r.Title
	case *proximite.Programme:
		return r.Name
	case *proximite.Publication:
		return r.Title
	}
	return nil
}

// targetOf is what the policy sees of a record, as the guard sees it: a
// visit made within a twinning concerns both towns whoever went.
func (h *Handler) targetOf(ctx context.Context, rec proximite.Record) proximite.Target {
	t := proximite.TargetOf(rec)
	if v, ok := rec.(*proximite.Visit); ok && v.Partnership != "" {
		if p, err := h.reg.FindPartnership(ctx, v.Partnership); err == nil {
			for _, pt := range p.Parties {
				t.Orgs = append(t.Orgs, pt.Org)
			}
		}
	}
	return t
}

// canSee reports whether u may see a record that is not published, and
// its history: its editors, coordinators and administrators — those who
// may change it.
func (h *Handler) canSee(ctx context.Context, u *proximite.User, rec proximite.Record) bool {
	return u != nil && proximite.Can(u, proximite.ActionUpdate, h.targetOf(ctx, rec)) == nil
}

// authorsOf returns the organisations on whose behalf a record was
// written: those of the account that created it, as the audit log
// remembers, among the record's own; for a record the system wrote (an
// import, the demonstration) and a visit, its sender; otherwise none, and
// any party may confirm.
func (h *Handler) authorsOf(ctx context.Context, rec proximite.Record) ([]string, error) {
	entries, err := h.ws.Audit.History(ctx, rec.RecordType(), rec.Base().ID)
	if err != nil {
		return nil, err
	}
	var authors []string
	if len(entries) > 0 && entries[0].Action == proximite.AuditCreate && entries[0].UserID != 0 {
		u, err := h.ws.Accounts.FindUser(ctx, entries[0].Actor)
		if err != nil && proximite.ErrorCode(err) != proximite.ENOTFOUND {
			return nil, err
		}
		if u != nil {
			for _, o := range proximite.TargetOf(rec).Orgs {
				if u.Member(o) {
					authors = append(authors, o)
				}
			}
		}
	}
	if v, ok := rec.(*proximite.Visit); ok && len(authors) == 0 {
		authors = []string{v.From}
	}
	return authors, nil
}

// confirmable reports whether u may confirm the record as its partner.
func (h *Handler) confirmable(ctx context.Context, u *proximite.User, rec proximite.Record) (bool, error) {
	t := proximite.TargetOf(rec)
	if t.Type != proximite.TypePartnership && t.Type != proximite.TypeProject && t.Type != proximite.TypeVisit {
		return false, nil
	}
	member := false
	for _, o := range t.Orgs {
		member = member || u.Member(o)
	}
	if !member {
		return false, nil
	}
	authors, err := h.authorsOf(ctx, rec)
	if err != nil {
		return false, err
	}
	return proximite.CanConfirm(u, t, authors) == nil, nil
}

// transition applies a workflow action to a record and reports whether
// the action applies to its state: submit a draft; return a submitted
// record to draft; publish a draft or a submitted record; unpublish a
// published one (back to draft); confirm in any state.
func transition(rec proximite.Record, action string, now time.Time) bool {
	m := rec.Base()
	switch {
	case action == "submit" && m.State == proximite.Draft:
		m.State = proximite.Submitted
	case action == "draft" && m.State == proximite.Submitted:
		m.State = proximite.Draft
	case action == "publish" && (m.State == proximite.Draft || m.State == proximite.Submitted):
		m.State = proximite.Published
	case action == "unpublish" && m.State == proximite.Published:
		m.State = proximite.Draft
	case action == "confirm":
		t := now.UTC().Truncate(time.Second)
		m.ConfirmedByPartner, m.LastConfirmed = true, &t
	default:
		return false
	}
	return true
}
