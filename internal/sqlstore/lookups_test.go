package sqlstore_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// LookupKeys and TakenSlugs answer as LookupKey and RecordID do, value by
// value, for more values than one question takes, repeated and unknown
// ones among them.
func TestLookupKeys(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		var recs []any
		for i := range 600 {
			o := &proximite.Organisation{Name: proximite.T("fr", fmt.Sprintf("Organisation %d", i)),
				Kind: proximite.NGO, Country: "CA"}
			o.Slug = fmt.Sprintf("org-%d", i)
			if i%3 != 0 {
				o.IATIRef = fmt.Sprintf("XM-REF-%d", i%200) // two organisations share most references
			}
			recs = append(recs, o)
		}
		if err := db.SaveMany(ctx, recs...); err != nil {
			t.Fatal(err)
		}
		var refs, slugs []string
		for i := range 700 {
			refs = append(refs, fmt.Sprintf("XM-REF-%d", i%250))
			slugs = append(slugs, fmt.Sprintf("org-%d", i))
		}
		got, err := db.LookupKeys(ctx, proximite.TypeOrganisation, sqlstore.KeyIATIRef, refs)
		if err != nil {
			t.Fatal(err)
		}
		for _, ref := range refs {
			want, err := db.LookupKey(ctx, proximite.TypeOrganisation, sqlstore.KeyIATIRef, ref)
			if proximite.ErrorCode(err) == proximite.ENOTFOUND {
				want = ""
			} else if err != nil {
				t.Fatal(err)
			}
			if got[ref] != want {
				t.Errorf("LookupKeys gives %q for %s, LookupKey %q", got[ref], ref, want)
			}
		}
		taken, err := db.TakenSlugs(ctx, proximite.TypeOrganisation, slugs)
		if err != nil {
			t.Fatal(err)
		}
		for _, slug := range slugs {
			_, err := db.RecordID(ctx, proximite.TypeOrganisation, slug)
			if want := err == nil; taken[slug] != want {
				t.Errorf("TakenSlugs says %s is taken: %v, RecordID: %v", slug, taken[slug], err)
			}
		}
		if len(taken) != 600 {
			t.Errorf("%d slugs taken, want 600", len(taken))
		}
		if taken, err := db.TakenSlugs(ctx, proximite.TypeProject, slugs); err != nil || len(taken) != 0 {
			t.Errorf("project slugs taken: %v, %v", taken, err)
		}
	})
}
