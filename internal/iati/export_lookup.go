package iati

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/proximite/proximite"
)

// maxCached bounds each cache of referenced records. The same
// organisations, partnerships and programmes recur across thousands of
// projects, so a cache that holds a registry's worth answers nearly every
// lookup; past the bound it is emptied and refilled, which keeps the
// export's memory bounded (an entry weighs a few hundred bytes, so a full
// cache a few tens of megabytes) whatever the size of the export. The
// bound is that high because a cache smaller than the registry's
// organisations is emptied again and again: at 100,000 projects (5,000
// organisations, 10,000 partnerships) a bound of 4,096 made the export
// four times slower than at 20,000.
const maxCached = 1 << 16

// prefetchAfter is the number of distinct partnerships (or programmes) an
// export looks up one by one before it reads all their titles at once.
// A small export never gets there; a large one, which meets most of the
// registry's partnerships, reads them in pages of a search rather than
// one record (and its parties' names) at a time, several times faster.
const prefetchAfter = 32

// searcher is what the bulk reading of titles needs; *sqlstore.DB and
// proximite.Registry have it.
type searcher interface {
	Search(ctx context.Context, f proximite.SearchFilter) (*proximite.SearchResult, error)
}

// orgInfo is what the export needs of an organisation of the registry.
type orgInfo struct {
	ref  string
	name proximite.Text
	kind proximite.OrgKind
}

// titled is what the export needs of a partnership or a programme: its
// slug, title (a programme's name) and start, which is known only when
// the whole record was read.
type titled struct {
	slug  string
	title proximite.Text
	start proximite.Date
}

// lookupCache remembers the records an export has looked up, including
// those that were not found, keeping only what the export uses of them.
type lookupCache struct {
	src          Lookup
	orgs         map[string]*orgInfo
	allOrgs      bool                // orgs holds every organisation (see readOrgs)
	orgIDs       map[string]*orgInfo // then, those looked up by ID
	partnerships map[string]*titled
	programmes   map[string]*titled
	// titles holds the titles of every published record of a type, once
	// read in bulk; a slug missing from a complete map is not published.
	titles map[proximite.RecordType]map[string]*titled
	misses map[proximite.RecordType]int
}

func newLookupCache(src Lookup) *lookupCache {
	return &lookupCache{src: src, orgs: map[string]*orgInfo{}, orgIDs: map[string]*orgInfo{},
		partnerships: map[string]*titled{}, programmes: map[string]*titled{},
		titles: map[proximite.RecordType]map[string]*titled{}, misses: map[proximite.RecordType]int{}}
}

// cached returns the value for slug from m, or finds the record with
// find, keeps what keep takes of it and remembers that. A record that
// does not exist, or that keep refuses, is remembered as nil, and is not
// an error: the export then describes the reference with what the
// project itself says.
func cached[R, V any](ctx context.Context, m *map[string]*V, slug string,
	find func(context.Context, string) (*R, error), keep func(*R) *V) (*V, error) {
	if v, ok := (*m)[slug]; ok {
		return v, nil
	}
	rec, err := find(ctx, slug)
	if err != nil && proximite.ErrorCode(err) != proximite.ENOTFOUND {
		return nil, err
	}
	var v *V
	if rec != nil {
		v = keep(rec)
	}
	if len(*m) >= maxCached {
		*m = map[string]*V{}
	}
	// A copy of the slug: a streamed project's strings may share the
	// memory of its whole record, which the key would keep alive.
	(*m)[strings.Clone(slug)] = v
	return v, nil
}

func (c *lookupCache) org(ctx context.Context, slug string) (*orgInfo, error) {
	if c.src == nil || slug == "" {
		return nil, nil
	}
	if c.allOrgs {
		if o, ok := c.orgs[slug]; ok {
			return o, nil
		}
		if _, err := strconv.ParseInt(slug, 10, 64); err != nil {
			return nil, nil // not a slug of the registry
		}
		// An ID, which FindOrganisation also accepts; kept apart so that
		// the organisations read at once stay whole.
		return cached(ctx, &c.orgIDs, slug, c.src.FindOrganisation, keepOrg)
	}
	if _, ok := c.orgs[slug]; !ok {
		if err := c.readOrgs(ctx); err != nil {
			return nil, err
		}
		if c.allOrgs {
			return c.org(ctx, slug)
		}
	}
	return cached(ctx, &c.orgs, slug, c.src.FindOrganisation, keepOrg)
}

func keepOrg(o *proximite.Organisation) *orgInfo {
	return &orgInfo{ref: o.IATIRef, name: o.Name, kind: o.Kind}
}

// orgStreamer reads every organisation of the registry; *sqlstore.DB has
// it.
type orgStreamer interface {
	EachOrganisation(ctx context.Context, fn func(*proximite.Organisation) error) error
}

// errTooMany stops the reading of organisations past maxCached.
var errTooMany = errors.New("more organisations than the cache holds")

// readOrgs reads every organisation at once, once the export has looked
// up prefetchAfter of them one by one and if the source can: a large
// export meets most of them, and one by one each cost a query or more.
// When there are more than maxCached, it leaves them to be looked up one
// by one.
func (c *lookupCache) readOrgs(ctx context.Context) error {
	src, can := c.src.(orgStreamer)
	if c.misses[proximite.TypeOrganisation]++; !can || c.misses[proximite.TypeOrganisation] != prefetchAfter+1 {
		return nil
	}
	all := map[string]*orgInfo{}
	err := src.EachOrganisation(ctx, func(o *proximite.Organisation) error {
		if len(all) == maxCached {
			return errTooMany
		}
		all[o.Slug] = keepOrg(o)
		return nil
	})
	switch {
	case errors.Is(err, errTooMany):
		return nil
	case err != nil:
		return err
	}
	c.orgs, c.allOrgs = all, true
	return nil
}

// partnership returns a published partnership: the export is public, and
// a draft partnership's title is not yet for the public to read. Unless
// full is set, the partnership may lack its start, its title having been
// read in bulk (see title).
func (c *lookupCache) partnership(ctx context.Context, slug string, full bool) (*titled, error) {
	if c.src == nil || slug == "" {
		return nil, nil
	}
	if !full {
		if t, done, err := c.title(ctx, proximite.TypePartnership, slug); err != nil || done {
			return t, err
		}
	}
	return cached(ctx, &c.partnerships, slug, c.src.FindPartnership, func(p *proximite.Partnership) *titled {
		if p.State != proximite.Published {
			return nil
		}
		return &titled{slug: p.Slug, title: p.Title, start: p.Start}
	})
}

// programme returns a published funding programme.
func (c *lookupCache) programme(ctx context.Context, slug string) (*titled, error) {
	if c.src == nil || slug == "" {
		return nil, nil
	}
	if t, done, err := c.title(ctx, proximite.TypeProgramme, slug); err != nil || done {
		return t, err
	}
	return cached(ctx, &c.programmes, slug, c.src.FindProgramme, func(p *proximite.Programme) *titled {
		if p.State != proximite.Published {
			return nil
		}
		return &titled{slug: p.Slug, title: p.Name, start: p.Start}
	})
}

// title answers from the titles read in bulk, reading them once the
// export has looked up prefetchAfter records of the type one by one. done
// is false when the caller must look the record up itself: before that
// point, when the source cannot search, or when the type has more
// published records than the cache holds.
func (c *lookupCache) title(ctx context.Context, typ proximite.RecordType, slug string) (t *titled, done bool, err error) {
	titles, ok := c.titles[typ]
	if !ok {
		src, can := c.src.(searcher)
		if c.misses[typ]++; !can || c.misses[typ] <= prefetchAfter {
			return nil, false, nil
		}
		if titles, err = readTitles(ctx, src, typ); err != nil {
			return nil, false, err
		}
		c.titles[typ] = titles // nil when there were too many: never tried again
	}
	if titles == nil {
		return nil, false, nil
	}
	return titles[slug], true, nil
}

// readTitles reads the titles of every published record of a type, in
// pages of a search ordered by title (and ID, so that pages neither
// overlap nor skip). It returns nil when there are more than maxCached.
func readTitles(ctx context.Context, src searcher, typ proximite.RecordType) (map[string]*titled, error) {
	titles := map[string]*titled{}
	f := proximite.SearchFilter{Filters: map[string][]string{proximite.FacetType: {string(typ)}},
		Sort: proximite.SortTitle, Limit: proximite.MaxLimit}
	for {
		res, err := src.Search(ctx, f)
		if err != nil {
			return nil, err
		}
		if res.Total > maxCached {
			return nil, nil
		}
		for _, h := range res.Hits {
			titles[h.Slug] = &titled{slug: h.Slug, title: h.Title}
		}
		f.Offset += len(res.Hits)
		if len(res.Hits) < f.Limit || f.Offset >= res.Total {
			return titles, nil
		}
	}
}
