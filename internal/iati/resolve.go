package iati

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/sqlstore"
)

// orgResolver matches the organisations that activities name to the
// registry's: by IATI reference, then by name, else it creates them. It
// remembers its answers, since a file names the same few organisations in
// every activity.
type orgResolver struct {
	db     *sqlstore.DB
	source string
	// byRef and byName map a reference or a folded name to a slug; ""
	// records that the registry has none.
	byRef, byName map[string]string
	// refOf holds the IATI reference of organisations met by name, to
	// refuse a name match between two different references.
	refOf map[string]string
	// taken holds the slugs of organisations created but not yet written:
	// in the batch being gathered, and in the one being written.
	taken, written map[string]bool
	// free holds slugs that prefetch found no organisation has.
	free map[string]bool
}

// maxCache bounds the resolver's memory on files that name a great many
// organisations: past it the caches start again empty.
const maxCache = 100_000

func newOrgResolver(db *sqlstore.DB, source string) *orgResolver {
	r := &orgResolver{db: db, source: source, taken: map[string]bool{}, written: map[string]bool{}, free: map[string]bool{}}
	r.reset()
	return r
}

// reset empties the caches but for the organisations created and not
// yet written, which the registry cannot answer for yet.
func (r *orgResolver) reset() {
	keep := func(m map[string]string, slugOf func(k, v string) string) map[string]string {
		out := map[string]string{}
		for k, v := range m {
			if s := slugOf(k, v); r.taken[s] || r.written[s] {
				out[k] = v
			}
		}
		return out
	}
	value := func(_, v string) string { return v }
	r.byRef, r.byName = keep(r.byRef, value), keep(r.byName, value)
	r.refOf = keep(r.refOf, func(k, _ string) string { return k })
}

// resolve returns the slug of the organisation o names, and the new
// organisation to write first when there was none.
func (r *orgResolver) resolve(ctx context.Context, o Org) (string, *proximite.Organisation, error) {
	if len(r.byRef)+len(r.byName)+len(r.refOf) > maxCache {
		r.reset()
	}
	if o.Ref != "" {
		slug, err := r.lookup(ctx, r.byRef, sqlstore.KeyIATIRef, o.Ref)
		if slug != "" || err != nil {
			return slug, nil, err
		}
	}
	for _, name := range names(o.Name) {
		slug, err := r.lookup(ctx, r.byName, sqlstore.KeyName, proximite.Fold(name))
		if err != nil {
			return "", nil, err
		}
		if slug == "" {
			continue
		}
		if o.Ref != "" {
			ref, err := r.ref(ctx, slug)
			if err != nil {
				return "", nil, err
			}
			if ref != "" && ref != o.Ref {
				continue // the same name for two organisations that IATI tells apart
			}
		}
		return slug, nil, nil
	}
	return r.create(ctx, o)
}

// lookup answers from the cache, or asks the registry and remembers.
func (r *orgResolver) lookup(ctx context.Context, cache map[string]string, key, value string) (string, error) {
	if slug, ok := cache[value]; ok {
		return slug, nil
	}
	slug, err := r.db.LookupKey(ctx, proximite.TypeOrganisation, key, value)
	if err != nil && proximite.ErrorCode(err) != proximite.ENOTFOUND {
		return "", fmt.Errorf("look up organisation %s %q: %w", key, value, err)
	}
	cache[value] = slug
	return slug, nil
}

// prefetch fills the caches for the organisations that activities read
// ahead name, by one question for their references and one for their
// names rather than one for each (see run.prefetch), and notes which of
// the slugs that new ones would take are free.
func (r *orgResolver) prefetch(ctx context.Context, orgs []Org) error {
	clear(r.free)
	var refs, folded []string
	for _, o := range orgs {
		if _, ok := r.byRef[o.Ref]; o.Ref != "" && !ok {
			refs = append(refs, o.Ref)
		}
		for _, n := range names(o.Name) {
			if _, ok := r.byName[proximite.Fold(n)]; !ok {
				folded = append(folded, proximite.Fold(n))
			}
		}
	}
	fill := func(cache map[string]string, key string, values []string) error {
		if len(values) == 0 {
			return nil
		}
		found, err := r.db.LookupKeys(ctx, proximite.TypeOrganisation, key, values)
		if err != nil {
			return fmt.Errorf("look up organisations: %w", err)
		}
		for _, v := range values {
			if _, ok := cache[v]; !ok {
				cache[v] = found[v]
			}
		}
		return nil
	}
	if err := fill(r.byRef, sqlstore.KeyIATIRef, refs); err != nil {
		return err
	}
	if err := fill(r.byName, sqlstore.KeyName, folded); err != nil {
		return err
	}
	var bases []string
	for _, o := range orgs {
		known := o.Ref != "" && r.byRef[o.Ref] != ""
		for _, n := range names(o.Name) {
			known = known || r.byName[proximite.Fold(n)] != ""
		}
		if b := baseSlug(newOrgName(o), o.Ref); !known && !r.taken[b] && !r.written[b] {
			bases = append(bases, b)
		}
	}
	if len(bases) == 0 {
		return nil
	}
	taken, err := r.db.TakenSlugs(ctx, proximite.TypeOrganisation, bases)
	if err != nil {
		return fmt.Errorf("check slugs: %w", err)
	}
	for _, b := range bases {
		if !taken[b] {
			r.free[b] = true
		}
	}
	return nil
}

// handOver notes that the batch gathered so far is being written: its
// new slugs stay taken until the next batch is handed over, by when it
// has been written.
func (r *orgResolver) handOver() {
	r.taken, r.written = r.written, r.taken
	clear(r.taken)
}

// ref returns the IATI reference of a registry organisation.
func (r *orgResolver) ref(ctx context.Context, slug string) (string, error) {
	if ref, ok := r.refOf[slug]; ok {
		return ref, nil
	}
	o, err := r.db.FindOrganisation(ctx, slug)
	if err != nil {
		return "", fmt.Errorf("read organisation %s: %w", slug, err)
	}
	r.refOf[slug] = o.IATIRef
	return o.IATIRef, nil
}

// create returns a new published organisation for o, with the kind its
// IATI type maps to and the country its reference names.
func (r *orgResolver) create(ctx context.Context, o Org) (string, *proximite.Organisation, error) {
	org := &proximite.Organisation{Name: newOrgName(o), Kind: OrgKindOf(o.Type), IATIRef: o.Ref, Country: refCountry(o.Ref)}
	org.State = proximite.Published
	org.Sources = []string{r.source}
	slug, err := r.newSlug(ctx, org.Name, o.Ref)
	if err != nil {
		return "", nil, err
	}
	org.Slug = slug
	r.taken[slug] = true
	r.refOf[slug] = o.Ref
	if o.Ref != "" {
		r.byRef[o.Ref] = slug
	}
	for _, n := range names(org.Name) {
		if r.byName[proximite.Fold(n)] == "" {
			r.byName[proximite.Fold(n)] = slug
		}
	}
	return slug, org, nil
}

// newOrgName is the name of a new organisation: its reference when the
// activity gives none.
func newOrgName(o Org) proximite.Text {
	if o.Name.IsZero() {
		return proximite.Text{"en": o.Ref}
	}
	return o.Name
}

// baseSlug is the slug a new organisation takes when it is free.
func baseSlug(name proximite.Text, ref string) string {
	base := cutSlug(proximite.Slugify(name.String()), 60)
	if base == "" {
		base = cutSlug(proximite.Slugify(ref), 60)
	}
	if base == "" {
		base = "organisation"
	}
	return base
}

// newSlug returns a free slug for a new organisation: its name, else its
// name and reference, else its name and a number.
func (r *orgResolver) newSlug(ctx context.Context, name proximite.Text, ref string) (string, error) {
	base := baseSlug(name, ref)
	candidates := []string{base}
	if s := cutSlug(proximite.Slugify(ref), 50); s != "" && s != base {
		candidates = append(candidates, base+"-"+s)
	}
	for i := 2; i < 100; i++ {
		candidates = append(candidates, fmt.Sprintf("%s-%d", base, i))
	}
	for _, c := range candidates {
		free, err := freeSlug(ctx, r.db, proximite.TypeOrganisation, c, r.free, r.taken, r.written)
		if err != nil || free {
			return c, err
		}
	}
	return "", fmt.Errorf("no free slug for organisation %q", name)
}

// freeSlug reports whether no record of the type has the slug, written or
// about to be (taken). known holds slugs that a prefetch found free: the
// registry is asked only about the others, and a slug known free is
// dropped from known once given, since it will soon be taken.
func freeSlug(ctx context.Context, db *sqlstore.DB, typ proximite.RecordType, slug string, known map[string]bool, taken ...map[string]bool) (bool, error) {
	for _, t := range taken {
		if t[slug] {
			return false, nil
		}
	}
	if known[slug] {
		delete(known, slug)
		return true, nil
	}
	_, err := db.RecordID(ctx, typ, slug)
	switch proximite.ErrorCode(err) {
	case proximite.ENOTFOUND:
		return true, nil
	case "":
		return false, nil
	}
	return false, fmt.Errorf("check slug %s: %w", slug, err)
}

// cutSlug shortens a slug to at most n bytes, at a hyphen when it can.
func cutSlug(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	if i := strings.LastIndexByte(s, '-'); i > n/2 {
		s = s[:i]
	}
	return strings.Trim(s, "-")
}

// names returns the values of a text in a stable order: French, English,
// then the other languages alphabetically.
func names(t proximite.Text) []string {
	langs := make([]string, 0, len(t))
	for l := range t {
		langs = append(langs, l)
	}
	rank := func(l string) string {
		switch l {
		case "fr":
			return "0"
		case "en":
			return "1"
		}
		return "2" + l
	}
	sort.Slice(langs, func(i, j int) bool { return rank(langs[i]) < rank(langs[j]) })
	out := make([]string, 0, len(langs))
	for _, l := range langs {
		if v := strings.TrimSpace(t[l]); v != "" {
			out = append(out, v)
		}
	}
	return out
}
