package sqlstore

import (
	"context"
	"encoding/json"
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
	b, err := d.PrepareBatch(recs...)
	if err != nil {
		return err
	}
	return d.SaveBatch(ctx, b)
}

// Batch is records validated and made ready to write, by PrepareBatch. A
// bulk load prepares a batch in one goroutine while the database writes
// the one before in another, so that checking records and writing them
// use both of a machine's cores. The records must not change between the
// two steps.
type Batch struct{ docs []*doc }

// Len returns the number of records in the batch.
func (b *Batch) Len() int { return len(b.docs) }

// PrepareBatch validates records for SaveBatch, and does ahead of the
// transaction what does not need it: the folding of their text, and for
// new records their JSON, with their times of creation set now. A large
// batch is prepared in two halves at once: while the batch before it is
// written the other core is mostly busy, but a batch that the writer
// waits for (an import's first, a large file's after a small one) is
// ready in half the time.
func (d *DB) PrepareBatch(recs ...any) (*Batch, error) {
	docs := make([]*doc, len(recs))
	now := d.Now().UTC().Truncate(1e3)
	prepare := func(from, to int) error {
		for i := from; i < to; i++ {
			doc, err := validated(recs[i])
			if err != nil {
				return fmt.Errorf("record %d: %w", i, err)
			}
			doc.fold()
			doc.words = indexWords(doc.folded)
			if m := doc.meta; m.ID == 0 && !doc.keepTimes && doc.prepare == nil {
				if m.State == "" {
					m.State = proximite.Draft
				}
				m.CreatedAt, m.UpdatedAt = now, now
				if doc.data, err = json.Marshal(doc.record); err != nil {
					return fmt.Errorf("record %d: %w", i, err)
				}
			}
			docs[i] = doc
		}
		return nil
	}
	if len(recs) < 64 {
		if err := prepare(0, len(recs)); err != nil {
			return nil, err
		}
		return &Batch{docs: docs}, nil
	}
	half := len(recs) / 2
	second := make(chan error, 1)
	go func() { second <- prepare(half, len(recs)) }()
	// The first bad record is the one reported, as when one goroutine
	// prepared them all.
	err := prepare(0, half)
	if err2 := <-second; err == nil {
		err = err2
	}
	if err != nil {
		return nil, err
	}
	return &Batch{docs: docs}, nil
}

// SaveBatch writes a prepared batch in one transaction, as SaveMany.
// Each run of new records between the others is written together
// (saveNew); the others, replacing stored records, one by one.
func (d *DB) SaveBatch(ctx context.Context, b *Batch) error {
	added := 0 // records the write adds, for grew
	for _, doc := range b.docs {
		if doc.meta.ID == 0 {
			added++
		}
	}
	err := d.write(ctx, func(tx *wtx) error {
		run := 0 // the first new record not written yet
		writeRun := func(end int) error {
			if run == end {
				return nil
			}
			k, err := d.saveNew(tx, b.docs[run:end])
			if err != nil && k >= 0 {
				doc := b.docs[run+k]
				return fmt.Errorf("record %d (%s %s): %w", run+k, doc.typ, doc.meta.Slug, err)
			} else if err != nil {
				return fmt.Errorf("records %d to %d: %w", run, end-1, err)
			}
			run = end
			return nil
		}
		for i, doc := range b.docs {
			if doc.isNew() {
				continue
			}
			if err := writeRun(i); err != nil {
				return err
			}
			if err := d.save(tx, doc); err != nil {
				return fmt.Errorf("record %d (%s %s): %w", i, doc.typ, doc.meta.Slug, err)
			}
			run = i + 1
		}
		return writeRun(len(b.docs))
	})
	if err == nil {
		d.grew(ctx, added)
	}
	return err
}
