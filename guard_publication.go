package proximite

import "context"

// CreatePublication implements PublicationService.
func (g *Guard) CreatePublication(ctx context.Context, p *Publication) error {
	if err := g.allow(ctx, ActionCreate, nil, p); err != nil {
		return err
	}
	return g.Registry.CreatePublication(ctx, p)
}

// UpdatePublication implements PublicationService.
func (g *Guard) UpdatePublication(ctx context.Context, p *Publication) error {
	old, err := stored(ctx, p.ID, g.Registry.FindPublication)
	if err == nil {
		err = g.allow(ctx, ActionUpdate, old, p)
	}
	if err != nil {
		return err
	}
	return g.Registry.UpdatePublication(ctx, p)
}

// DeletePublication implements PublicationService.
func (g *Guard) DeletePublication(ctx context.Context, n int64) error {
	old, err := g.Registry.FindPublication(ctx, id(n))
	if err == nil {
		err = g.allow(ctx, ActionDelete, old, nil)
	}
	if err != nil {
		return err
	}
	return g.Registry.DeletePublication(ctx, n)
}

// AttachFile implements PublicationService: attaching a file is a change
// to the publication, allowed to whoever may change it (the policy keeps
// the library to coordinators).
func (g *Guard) AttachFile(ctx context.Context, n int64, f Upload) error {
	if err := g.allowFileChange(ctx, n); err != nil {
		return err
	}
	return g.Registry.AttachFile(ctx, n, f)
}

// RemoveFile implements PublicationService.
func (g *Guard) RemoveFile(ctx context.Context, n int64) error {
	if err := g.allowFileChange(ctx, n); err != nil {
		return err
	}
	return g.Registry.RemoveFile(ctx, n)
}

func (g *Guard) allowFileChange(ctx context.Context, n int64) error {
	old, err := g.Registry.FindPublication(ctx, id(n))
	if err != nil {
		return err
	}
	return g.allow(ctx, ActionUpdate, old, old)
}
