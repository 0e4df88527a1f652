package proximite

import (
	"context"
	"strconv"
)

// Guard is the registry as people write to it: every write is checked
// against the policy (Can) for the user that the context carries, before
// it reaches the storage. Reads pass through; the edges decide what a
// visitor sees. The command line writes to the storage directly, as the
// system.
type Guard struct {
	Registry
}

// NewGuard returns the guarded registry.
func NewGuard(r Registry) *Guard { return &Guard{Registry: r} }

// target is TargetOf plus, for a visit, the parties of its partnership:
// a visit made within a twinning concerns both towns whoever went.
func (g *Guard) target(ctx context.Context, rec Record) Target {
	t := TargetOf(rec)
	if v, ok := rec.(*Visit); ok && v.Partnership != "" {
		if p, err := g.Registry.FindPartnership(ctx, v.Partnership); err == nil {
			for _, pt := range p.Parties {
				t.Orgs = append(t.Orgs, pt.Org)
			}
		}
	}
	return t
}

// confirmKey marks a context in which a record's partner confirmation
// may change.
type confirmKey struct{}

// WithPartnerConfirmation returns a context in which the guard lets a
// write change the "confirmed by partner" mark and its date. Only the
// partner's confirmation sets it, after CanConfirm has allowed the person;
// every other write keeps the stored mark, so that neither a form nor the
// API can confirm a record on the partner's behalf.
func WithPartnerConfirmation(ctx context.Context) context.Context {
	return context.WithValue(ctx, confirmKey{}, true)
}

// keepConfirmation puts the stored mark back on a record about to be
// written outside a partner's confirmation (old is nil for a new record,
// which starts unconfirmed).
func keepConfirmation(ctx context.Context, old, new Record) {
	if ctx.Value(confirmKey{}) != nil || new == nil {
		return
	}
	m := new.Base()
	m.ConfirmedByPartner, m.LastConfirmed = false, nil
	if old != nil {
		m.ConfirmedByPartner, m.LastConfirmed = old.Base().ConfirmedByPartner, old.Base().LastConfirmed
	}
}

// allow checks a write: old is the stored record (nil on create), new the
// record to store (nil on delete).
func (g *Guard) allow(ctx context.Context, a Action, old, new Record) error {
	u := UserFromContext(ctx)
	if u != nil && !u.IsSystem() {
		keepConfirmation(ctx, old, new)
	}
	switch a {
	case ActionCreate:
		return Can(u, a, g.target(ctx, new))
	case ActionDelete:
		return Can(u, a, g.target(ctx, old))
	}
	before, after := g.target(ctx, old), g.target(ctx, new)
	if err := Can(u, ActionUpdate, before); err != nil {
		return err
	}
	if err := Can(u, ActionUpdate, after); err != nil {
		return err
	}
	if before.State != after.State && (before.State == Published || after.State == Published) {
		return Can(u, ActionPublish, before)
	}
	return nil
}

func id(n int64) string { return strconv.FormatInt(n, 10) }

// stored loads the stored version of a record that is about to change; a
// record without an ID is left for the storage to refuse.
func stored[R Record](ctx context.Context, n int64, find func(context.Context, string) (R, error)) (Record, error) {
	if n == 0 {
		return nil, FieldError("id", "is required to update")
	}
	return find(ctx, id(n))
}

// CreateOrganisation implements OrganisationService.
func (g *Guard) CreateOrganisation(ctx context.Context, o *Organisation) error {
	if err := g.allow(ctx, ActionCreate, nil, o); err != nil {
		return err
	}
	return g.Registry.CreateOrganisation(ctx, o)
}

// UpdateOrganisation implements OrganisationService.
func (g *Guard) UpdateOrganisation(ctx context.Context, o *Organisation) error {
	old, err := stored(ctx, o.ID, g.Registry.FindOrganisation)
	if err == nil {
		err = g.allow(ctx, ActionUpdate, old, o)
	}
	if err != nil {
		return err
	}
	return g.Registry.UpdateOrganisation(ctx, o)
}

// DeleteOrganisation implements OrganisationService.
func (g *Guard) DeleteOrganisation(ctx context.Context, n int64) error {
	old, err := g.Registry.FindOrganisation(ctx, id(n))
	if err == nil {
		err = g.allow(ctx, ActionDelete, old, nil)
	}
	if err != nil {
		return err
	}
	return g.Registry.DeleteOrganisation(ctx, n)
}

// CreatePartnership implements PartnershipService.
func (g *Guard) CreatePartnership(ctx context.Context, p *Partnership) error {
	if err := g.allow(ctx, ActionCreate, nil, p); err != nil {
		return err
	}
	return g.Registry.CreatePartnership(ctx, p)
}

// UpdatePartnership implements PartnershipService.
func (g *Guard) UpdatePartnership(ctx context.Context, p *Partnership) error {
	old, err := stored(ctx, p.ID, g.Registry.FindPartnership)
	if err == nil {
		err = g.allow(ctx, ActionUpdate, old, p)
	}
	if err != nil {
		return err
	}
	return g.Registry.UpdatePartnership(ctx, p)
}

// DeletePartnership implements PartnershipService.
func (g *Guard) DeletePartnership(ctx context.Context, n int64) error {
	old, err := g.Registry.FindPartnership(ctx, id(n))
	if err == nil {
		err = g.allow(ctx, ActionDelete, old, nil)
	}
	if err != nil {
		return err
	}
	return g.Registry.DeletePartnership(ctx, n)
}

// CreateProject implements ProjectService.
func (g *Guard) CreateProject(ctx context.Context, p *Project) error {
	if err := g.allow(ctx, ActionCreate, nil, p); err != nil {
		return err
	}
	return g.Registry.CreateProject(ctx, p)
}

// UpdateProject implements ProjectService.
func (g *Guard) UpdateProject(ctx context.Context, p *Project) error {
	old, err := stored(ctx, p.ID, g.Registry.FindProject)
	if err == nil {
		err = g.allow(ctx, ActionUpdate, old, p)
	}
	if err != nil {
		return err
	}
	return g.Registry.UpdateProject(ctx, p)
}

// DeleteProject implements ProjectService.
func (g *Guard) DeleteProject(ctx context.Context, n int64) error {
	old, err := g.Registry.FindProject(ctx, id(n))
	if err == nil {
		err = g.allow(ctx, ActionDelete, old, nil)
	}
	if err != nil {
		return err
	}
	return g.Registry.DeleteProject(ctx, n)
}

// CreateVisit implements VisitService.
func (g *Guard) CreateVisit(ctx context.Context, v *Visit) error {
	if err := g.allow(ctx, ActionCreate, nil, v); err != nil {
		return err
	}
	return g.Registry.CreateVisit(ctx, v)
}

// UpdateVisit implements VisitService.
func (g *Guard) UpdateVisit(ctx context.Context, v *Visit) error {
	old, err := stored(ctx, v.ID, g.Registry.FindVisit)
	if err == nil {
		err = g.allow(ctx, ActionUpdate, old, v)
	}
	if err != nil {
		return err
	}
	return g.Registry.UpdateVisit(ctx, v)
}

// DeleteVisit implements VisitService.
func (g *Guard) DeleteVisit(ctx context.Context, n int64) error {
	old, err := g.Registry.FindVisit(ctx, id(n))
	if err == nil {
		err = g.allow(ctx, ActionDelete, old, nil)
	}
	if err != nil {
		return err
	}
	return g.Registry.DeleteVisit(ctx, n)
}

// CreateProgramme implements ProgrammeService.
func (g *Guard) CreateProgramme(ctx context.Context, p *Programme) error {
	if err := g.allow(ctx, ActionCreate, nil, p); err != nil {
		return err
	}
	return g.Registry.CreateProgramme(ctx, p)
}

// UpdateProgramme implements ProgrammeService.
func (g *Guard) UpdateProgramme(ctx context.Context, p *Programme) error {
	old, err := stored(ctx, p.ID, g.Registry.FindProgramme)
	if err == nil {
		err = g.allow(ctx, ActionUpdate, old, p)
	}
	if err != nil {
		return err
	}
	return g.Registry.UpdateProgramme(ctx, p)
}

// DeleteProgramme implements ProgrammeService.
func (g *Guard) DeleteProgramme(ctx context.Context, n int64) error {
	old, err := g.Registry.FindProgramme(ctx, id(n))
	if err == nil {
		err = g.allow(ctx, ActionDelete, old, nil)
	}
	if err != nil {
		return err
	}
	return g.Registry.DeleteProgramme(ctx, n)
}

// Save writes a record of any type through the guard: a new one (no ID)
// is created, another replaced.
func (g *Guard) Save(ctx context.Context, rec Record) error {
	create := rec.Base().ID == 0
	switch r := rec.(type) {
	case *Organisation:
		if create {
			return g.CreateOrganisation(ctx, r)
		}
		return g.UpdateOrganisation(ctx, r)
	case *Partnership:
		if create {
			return g.CreatePartnership(ctx, r)
		}
		return g.UpdatePartnership(ctx, r)
	case *Project:
		if create {
			return g.CreateProject(ctx, r)
		}
		return g.UpdateProject(ctx, r)
	case *Visit:
		if create {
			return g.CreateVisit(ctx, r)
		}
		return g.UpdateVisit(ctx, r)
	case *Programme:
		if create {
			return g.CreateProgramme(ctx, r)
		}
		return g.UpdateProgramme(ctx, r)
	case *Publication:
		if create {
			return g.CreatePublication(ctx, r)
		}
		return g.UpdatePublication(ctx, r)
	}
	return Errorf(EINTERNAL, "not a record: %T", rec)
}

// Delete removes a record of any type through the guard.
func (g *Guard) Delete(ctx context.Context, t RecordType, n int64) error {
	switch t {
	case TypeOrganisation:
		return g.DeleteOrganisation(ctx, n)
	case TypePartnership:
		return g.DeletePartnership(ctx, n)
	case TypeProject:
		return g.DeleteProject(ctx, n)
	case TypeVisit:
		return g.DeleteVisit(ctx, n)
	case TypeProgramme:
		return g.DeleteProgramme(ctx, n)
	case TypePublication:
		return g.DeletePublication(ctx, n)
	}
	return Errorf(ENOTFOUND, "no record type %q", t)
}
