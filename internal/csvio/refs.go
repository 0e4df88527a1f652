package csvio

import (
	"github.com/proximite/proximite"
)

// checkRefs reports the references of the records to write that name no
// record of the registry nor of the file, so that the whole file is
// checked before the write instead of failing at its first bad record.
func (p *planner[P]) checkRefs(created, updated []P) error {
	for _, group := range [][]P{created, updated} {
		for _, rec := range group {
			for _, r := range p.fm.refs(rec) {
				ok, err := p.refExists(r)
				if err != nil {
					return err
				}
				if !ok {
					p.rep.add(p.seen[rec.Base().Slug], r.column, false, "no %s %q in the registry", r.typ, r.slug)
				}
			}
		}
	}
	return nil
}

// refExists reports whether the record a reference names is in the
// registry, or is created by a row of the file.
func (p *planner[P]) refExists(r ref) (bool, error) {
	if r.typ == p.fm.typ {
		if _, ok := p.seen[r.slug]; ok {
			return true, nil
		}
	}
	key := ref{typ: r.typ, slug: r.slug}
	if ok, cached := p.exists[key]; cached {
		return ok, nil
	}
	_, err := p.st.RecordID(p.ctx, r.typ, r.slug)
	if err != nil && proximite.ErrorCode(err) != proximite.ENOTFOUND {
		return false, err
	}
	p.exists[key] = err == nil
	return err == nil, nil
}

// orderCreated puts each new record after the new records of the same
// type it refers to (an organisation that is part_of another new one), so
// that one transaction can write them in turn. Records in a cycle keep
// their order, and the store reports the reference it cannot resolve.
func orderCreated[P recordPtr](fm *format[P], created []P) []P {
	pending := map[string]bool{}
	for _, r := range created {
		pending[r.Base().Slug] = true
	}
	out := make([]P, 0, len(created))
	done := make([]bool, len(created))
	for progress := true; progress; {
		progress = false
		for i, rec := range created {
			if done[i] || waits(fm, rec, pending) {
				continue
			}
			out = append(out, rec)
			done[i], progress = true, true
			delete(pending, rec.Base().Slug)
		}
	}
	for i, rec := range created {
		if !done[i] {
			out = append(out, rec)
		}
	}
	return out
}

// waits reports whether a record refers to another new record of its own
// type that is not yet placed.
func waits[P recordPtr](fm *format[P], rec P, pending map[string]bool) bool {
	for _, r := range fm.refs(rec) {
		if r.typ == fm.typ && r.slug != rec.Base().Slug && pending[r.slug] {
			return true
		}
	}
	return false
}
