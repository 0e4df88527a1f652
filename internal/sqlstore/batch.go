package sqlstore

import (
	"context"
	"fmt"

	"github.com/proximite/proximite"
)

// validated returns the doc of a record after validating it.
func validated(rec any) (*doc, error) {
	r, ok := rec.(interface {
		proximite.Record
		Validate() error
	})
	if !ok {
		return nil, fmt.Errorf("not a record: %T", rec)
	}
	if err := r.Validate(); err != nil {
		return nil, err
	}
	return docOf(r), nil
}

// docOf returns the doc of a record, clearing the names that reads fill
// in.
func docOf(rec proximite.Record) *doc {
	switch r := rec.(type) {
	case *proximite.Organisation:
		return organisationDoc(r)
	case *proximite.Partnership:
		return partnershipDoc(r)
	case *proximite.Project:
		return projectDoc(r)
	case *proximite.Visit:
		return visitDoc(r)
	case *proximite.Programme:
		return programmeDoc(r)
	case *proximite.Publication:
		return publicationDoc(r)
	}
	panic(fmt.Sprintf("not a record type: %T", rec))
}

// SaveMany validates and writes many records of any type in one
// transaction: all or none. A record with an ID replaces the stored one;
// one without is created. Records may refer to those earlier in the list.
// Bulk loads (the synthetic registry, imports) use it because one
// transaction per record would spend its time on commits.
func (d *DB) SaveMany(ctx context.Context, recs ...any) error {
	docs := make([]*doc, len(recs))
	for i, rec := range recs {
		doc, err := validated(rec)
		if err != nil {
			return fmt.Errorf("record %d: %w", i, err)
		}
		docs[i] = doc
	}
	return d.write(ctx, func(tx *wtx) error {
		for i, doc := range docs {
			if err := d.save(tx, doc); err != nil {
				return fmt.Errorf("record %d (%s %s): %w", i, doc.typ, doc.meta.Slug, err)
			}
		}
		return nil
	})
}
