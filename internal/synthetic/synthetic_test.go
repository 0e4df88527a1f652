package synthetic_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
	"github.com/proximite/proximite/internal/synthetic"
)

// recorder is a Saver that keeps the JSON of every record it is given.
type recorder struct {
	docs    map[string]string // slug → JSON
	order   []string
	batches int
}

func (r *recorder) SaveMany(ctx context.Context, recs ...any) error {
	r.batches++
	for _, rec := range recs {
		b, err := json.Marshal(rec)
		if err != nil {
			return err
		}
		var m struct{ Slug string }
		json.Unmarshal(b, &m)
		if _, dup := r.docs[m.Slug]; dup {
			return fmt.Errorf("slug %s written twice", m.Slug)
		}
		r.docs[m.Slug] = string(b)
		r.order = append(r.order, m.Slug)
	}
	return nil
}

func record(t *testing.T, n int, seed uint64) *recorder {
	t.Helper()
	r := &recorder{docs: map[string]string{}}
	if err := synthetic.Generate(context.Background(), r, n, seed, nil); err != nil {
		t.Fatal(err)
	}
	return r
}

func TestGenerate(t *testing.T) {
	ctx := context.Background()
	db := sqltest.Open(t, "sqlite")
	const n = 300
	last, calls := 0, 0
	err := synthetic.Generate(ctx, db, n, 42, func(done, total int) {
		if done <= last || done > total {
			t.Errorf("progress %d of %d after %d", done, total, last)
		}
		last, calls = done, calls+1
	})
	if err != nil {
		t.Fatal(err)
	}
	want := synthetic.Counts(n)
	wantTotal := 0
	for _, k := range want {
		wantTotal += k
	}
	if last != wantTotal || calls == 0 {
		t.Errorf("progress ended at %d in %d calls, want %d", last, calls, wantTotal)
	}
	if want[proximite.TypeOrganisation] != 50 || want[proximite.TypePartnership] != 30 || want[proximite.TypeVisit] != 30 {
		t.Errorf("counts for %d projects: %v", n, want)
	}
	// About 95% of each type is published; the counts are of published
	// records.
	got, err := db.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for typ, k := range want {
		if got[typ] > k || float64(got[typ]) < 0.85*float64(k) {
			t.Errorf("%d published %ss of %d", got[typ], typ, k)
		}
	}

	// Text queries and facets find realistic fractions of the projects.
	for _, q := range []struct {
		query    string
		min, max float64
	}{{"eau", 0.05, 0.5}, {"alphabétisation", 0.02, 0.3}, {"microcredit", 0.01, 0.2}} {
		r, err := db.Search(ctx, proximite.SearchFilter{Query: q.query,
			Filters: map[string][]string{"type": {"project"}}, WithFacets: true})
		if err != nil {
			t.Fatal(err)
		}
		frac := float64(r.Total) / float64(got[proximite.TypeProject])
		t.Logf("%q: %d projects (%.1f%%)", q.query, r.Total, 100*frac)
		if frac < q.min || frac > q.max {
			t.Errorf("%q finds %.1f%% of projects, want %.0f–%.0f%%", q.query, 100*frac, 100*q.min, 100*q.max)
		}
	}
	r, err := db.Search(ctx, proximite.SearchFilter{Filters: map[string][]string{"type": {"project"}, "country": {"ML"}}, WithFacets: true})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total == 0 || len(r.Facets["sector"]) < 5 || len(r.Facets["org_kind"]) < 3 {
		t.Errorf("projects in Mali: %d, facets %v", r.Total, r.Facets)
	}

	// A stored project reads back as generated.
	rec := record(t, n, 42)
	for _, slug := range []string{"synth-project-000000", "synth-project-000123", "synth-project-000299"} {
		p, err := db.FindProject(ctx, slug)
		if err != nil {
			t.Fatal(err)
		}
		p.ID, p.CreatedAt, p.UpdatedAt = 0, time.Time{}, time.Time{} // set by the store
		var fresh proximite.Project
		if err := json.Unmarshal([]byte(rec.docs[slug]), &fresh); err != nil {
			t.Fatal(err)
		}
		for i := range p.Participants {
			p.Participants[i].OrgName, p.Participants[i].OrgKind = nil, ""
		}
		a, _ := json.Marshal(p)
		b, _ := json.Marshal(&fresh)
		if string(a) != string(b) {
			t.Errorf("%s stored differs from generated:\n%s\n%s", slug, a, b)
		}
	}
}

func TestSameSeedSameRecords(t *testing.T) {
	a, b, c := record(t, 2500, 7), record(t, 2500, 7), record(t, 2500, 8)
	if len(a.order) != len(b.order) || a.batches < 3 {
		t.Fatalf("%d and %d records in %d batches", len(a.order), len(b.order), a.batches)
	}
	for i, slug := range a.order {
		if b.order[i] != slug || a.docs[slug] != b.docs[slug] {
			t.Fatalf("record %d differs between two runs with the same seed:\n%s\n%s", i, a.docs[slug], b.docs[b.order[i]])
		}
	}
	same := 0
	for slug, doc := range a.docs {
		if c.docs[slug] == doc {
			same++
		}
	}
	if same > len(a.docs)/100 {
		t.Errorf("%d of %d records are the same with another seed", same, len(a.docs))
	}
	// Records stay about a kilobyte, so that a million of them make a
	// database of a few gigabytes.
	size, projects := 0, 0
	for slug, doc := range a.docs {
		if len(slug) > 14 && slug[:14] == "synth-project-" {
			size += len(doc)
			projects++
		}
	}
	if avg := size / projects; avg < 600 || avg > 2000 {
		t.Errorf("projects average %d bytes of JSON", avg)
	}
	t.Logf("projects average %d bytes of JSON; example:\n%s", size/projects, a.docs["synth-project-000042"])
}

// outputHash is the digest of the records Generate writes for 2,500
// projects with seed 7, as of synthetic.Version.
const outputHash = "a27739d29b22bf1e08413a04be811517ea15fa5326cfd073289dd1c8f7ea723a"

func TestVersion(t *testing.T) {
	// Caches of generated registries are named after Version; a change of
	// output without a new Version would let benchmarks run on a stale one.
	r := record(t, 2500, 7)
	h := sha256.New()
	for _, slug := range r.order {
		io.WriteString(h, r.docs[slug])
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != outputHash {
		t.Fatalf("the output of Generate changed (digest %s): increase synthetic.Version and update outputHash", got)
	}
}

func TestThemeSectorsAreCurrent(t *testing.T) {
	// Generate draws only codes that are valid and not withdrawn; a change
	// of codelist that retires one shows here rather than as a bad record.
	r := record(t, 2000, 1)
	for slug, doc := range r.docs {
		var p proximite.Project
		json.Unmarshal([]byte(doc), &p)
		for _, s := range p.Sectors {
			if c, ok := codelist.Sector.Lookup(s.Code); !ok || c.Withdrawn {
				t.Errorf("%s: sector %s is unknown or withdrawn", slug, s.Code)
			}
		}
	}
}

func TestGenerateRejectsNothing(t *testing.T) {
	if err := synthetic.Generate(context.Background(), &recorder{docs: map[string]string{}}, 0, 1, nil); proximite.ErrorCode(err) != proximite.EINVALID {
		t.Fatalf("n = 0: %v", err)
	}
}
