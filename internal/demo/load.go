package demo

import (
	"context"

	proximite "github.com/proximite/proximite"
)

// Store is what loading the demonstration registry needs of the storage.
type Store interface {
	SaveMany(ctx context.Context, recs ...any) error
	RecordID(ctx context.Context, typ proximite.RecordType, slug string) (int64, error)
}

// Load writes the demonstration registry and returns how many records it
// holds. Records already there (by slug) are replaced rather than
// duplicated, so loading again changes nothing but the update times.
// Organisations link to each other in cycles (ROSI was founded by the
// CRDC, which is a member of ROSI), so they are first written without
// their links; a load interrupted between the two transactions is
// completed by the next.
func Load(ctx context.Context, s Store) (int, error) {
	data := Records()
	var bare []any
	for _, o := range data.Organisations {
		c := *o
		c.Links = nil
		bare = append(bare, &c)
	}
	if err := setExistingIDs(ctx, s, bare); err != nil {
		return 0, err
	}
	if err := s.SaveMany(ctx, bare...); err != nil {
		return 0, err
	}
	var recs []any
	for _, o := range data.Organisations {
		recs = append(recs, o)
	}
	for _, p := range data.Programmes {
		recs = append(recs, p)
	}
	for _, p := range data.Partnerships {
		recs = append(recs, p)
	}
	for _, p := range data.Projects {
		recs = append(recs, p)
	}
	for _, v := range data.Visits {
		recs = append(recs, v)
	}
	for _, p := range data.Publications {
		recs = append(recs, p)
	}
	if err := setExistingIDs(ctx, s, recs); err != nil {
		return 0, err
	}
	return len(recs), s.SaveMany(ctx, recs...)
}

// setExistingIDs gives each record the ID of the stored record with the
// same type and slug, if any, so that saving it updates that record.
func setExistingIDs(ctx context.Context, s Store, recs []any) error {
	for _, rec := range recs {
		r := rec.(proximite.Record)
		id, err := s.RecordID(ctx, r.RecordType(), r.Base().Slug)
		if err != nil && proximite.ErrorCode(err) != proximite.ENOTFOUND {
			return err
		}
		r.Base().ID = id
	}
	return nil
}
