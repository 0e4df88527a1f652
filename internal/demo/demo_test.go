package demo

import (
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"

	proximite "github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
)

// record is what every demonstration record offers the tests.
type record interface {
	Validate() error
}

// each calls fn for every record with its type and slug.
func each(d *Data, fn func(typ, slug string, r record, m *proximite.Meta)) {
	for _, o := range d.Organisations {
		fn("organisation", o.Slug, o, &o.Meta)
	}
	for _, p := range d.Programmes {
		fn("programme", p.Slug, p, &p.Meta)
	}
	for _, p := range d.Partnerships {
		fn("partnership", p.Slug, p, &p.Meta)
	}
	for _, p := range d.Projects {
		fn("project", p.Slug, p, &p.Meta)
	}
	for _, v := range d.Visits {
		fn("visit", v.Slug, v, &v.Meta)
	}
	for _, p := range d.Publications {
		fn("publication", p.Slug, p, &p.Meta)
	}
}

func TestRecordsValidate(t *testing.T) {
	each(Records(), func(typ, slug string, r record, m *proximite.Meta) {
		t.Run(typ+"/"+slug, func(t *testing.T) {
			err := r.Validate()
			var ve proximite.ValidationErrors
			if errors.As(err, &ve) {
				for _, e := range ve {
					t.Errorf("%s: %s", e.Field, e.Message)
				}
			} else if err != nil {
				t.Errorf("Validate: %v", err)
			}
			if m.State != proximite.Published {
				t.Errorf("state = %q, want published", m.State)
			}
			if len(m.Sources) == 0 {
				t.Error("no source")
			}
			for _, s := range m.Sources {
				if !strings.HasPrefix(s, Source) {
					t.Errorf("source %q does not cite %q", s, Source)
				}
			}
		})
	})
}

func TestSlugsUnique(t *testing.T) {
	seen := map[string]map[string]bool{}
	each(Records(), func(typ, slug string, _ record, _ *proximite.Meta) {
		if seen[typ] == nil {
			seen[typ] = map[string]bool{}
		}
		if seen[typ][slug] {
			t.Errorf("%s slug %q is used twice", typ, slug)
		}
		seen[typ][slug] = true
	})
}

// TestTextsBilingual checks that every name and title can be shown in
// both interface languages without a fallback.
func TestTextsBilingual(t *testing.T) {
	d := Records()
	check := func(what string, txt proximite.Text) {
		t.Helper()
		for _, l := range proximite.Languages {
			if strings.TrimSpace(txt[l]) == "" {
				t.Errorf("%s has no %q text", what, l)
			}
		}
	}
	for _, o := range d.Organisations {
		check("organisation "+o.Slug+" name", o.Name)
		check("organisation "+o.Slug+" description", o.Description)
	}
	for _, p := range d.Programmes {
		check("programme "+p.Slug+" name", p.Name)
	}
	for _, p := range d.Partnerships {
		check("partnership "+p.Slug+" title", p.Title)
		for _, e := range p.Timeline {
			check("partnership "+p.Slug+" event "+string(e.Date), e.Title)
		}
	}
	for _, p := range d.Projects {
		check("project "+p.Slug+" title", p.Title)
		for _, r := range p.Results {
			check("project "+p.Slug+" result", r.Title)
		}
	}
	for _, v := range d.Visits {
		check("visit "+v.Slug+" title", v.Title)
	}
}

func TestReferencesResolve(t *testing.T) {
	d := Records()
	orgs, partnerships, programmes := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, o := range d.Organisations {
		orgs[o.Slug] = true
	}
	for _, p := range d.Partnerships {
		partnerships[p.Slug] = true
	}
	for _, p := range d.Programmes {
		programmes[p.Slug] = true
	}
	ref := func(from, field, slug string, in map[string]bool) {
		t.Helper()
		if slug != "" && !in[slug] {
			t.Errorf("%s: %s %q does not resolve", from, field, slug)
		}
	}
	for _, o := range d.Organisations {
		for _, l := range o.Links {
			ref("organisation "+o.Slug, "link target", l.Target, orgs)
		}
	}
	for _, p := range d.Programmes {
		ref("programme "+p.Slug, "funder", p.Funder, orgs)
	}
	for _, p := range d.Partnerships {
		for _, pt := range p.Parties {
			ref("partnership "+p.Slug, "party", pt.Org, orgs)
		}
	}
	for _, p := range d.Projects {
		from := "project " + p.Slug
		ref(from, "partnership", p.Partnership, partnerships)
		ref(from, "programme", p.Programme, programmes)
		for _, pt := range p.Participants {
			ref(from, "participant", pt.Org, orgs)
		}
		for _, tr := range p.Transactions {
			for _, pt := range []*proximite.Participant{tr.Provider, tr.Receiver} {
				if pt != nil {
					ref(from, "transaction party", pt.Org, orgs)
				}
			}
		}
		for _, k := range p.InKind {
			ref(from, "in-kind contributor", k.Org, orgs)
		}
	}
	for _, v := range d.Visits {
		ref("visit "+v.Slug, "from", v.From, orgs)
		ref("visit "+v.Slug, "to", v.To, orgs)
		ref("visit "+v.Slug, "partnership", v.Partnership, partnerships)
	}
}

func TestOrganisations(t *testing.T) {
	d := Records()
	if n := len(d.Organisations); n < 40 {
		t.Errorf("%d organisations, want at least 40", n)
	}
	bySlug := map[string]*proximite.Organisation{}
	for _, o := range d.Organisations {
		bySlug[o.Slug] = o
	}
	hasLink := func(slug string, kind proximite.OrgLinkKind, target string, since proximite.Date) bool {
		o := bySlug[slug]
		if o == nil {
			return false
		}
		for _, l := range o.Links {
			if l.Kind == kind && l.Target == target && (since == "" || l.Since == since) {
				return true
			}
		}
		return false
	}
	tests := []struct {
		name   string
		slug   string
		kind   proximite.OrgLinkKind
		target string
		since  proximite.Date
	}{
		{"Buckingham is part of Gatineau since 2002", "buckingham", proximite.PartOf, "gatineau", "2002"},
		{"IULA merged into UCLG in 2004", "iula", proximite.MergedInto, "cglu", "2004"},
		{"FMCU merged into UCLG in 2004", "fmcu", proximite.MergedInto, "cglu", "2004"},
		{"Metropolis merged into UCLG in 2004", "metropolis", proximite.MergedInto, "cglu", "2004"},
		{"ARUC-ISDC is in ROSI", "aruc-isdc", proximite.MemberOf, "rosi", ""},
		{"CRDC is in ROSI", "crdc", proximite.MemberOf, "rosi", ""},
		{"Table-jeunesse is in ROSI", "table-jeunesse", proximite.MemberOf, "rosi", ""},
		{"the CEGEP is in ROSI", "cegep-outaouais", proximite.MemberOf, "rosi", ""},
		{"CJE-O is in ROSI", "cje-outaouais", proximite.MemberOf, "rosi", ""},
		{"Gatineau is in ROSI", "gatineau", proximite.MemberOf, "rosi", ""},
		{"UPA DI was created by the UPA in 1993", "upa-di", proximite.FoundedBy, "upa", "1993"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !hasLink(tt.slug, tt.kind, tt.target, tt.since) {
				t.Errorf("%s has no %s link to %s since %q", tt.slug, tt.kind, tt.target, tt.since)
			}
		})
	}
	t.Run("coordinates have two decimals", func(t *testing.T) {
		for _, o := range d.Organisations {
			if p := o.Point; p != nil && (math.Round(p.Lat*100)/100 != p.Lat || math.Round(p.Lon*100)/100 != p.Lon) {
				t.Errorf("%s: point %v is more precise than two decimals", o.Slug, *p)
			}
		}
	})
}

// partnership returns the partnership with the slug, failing the test
// when there is none.
func partnership(t *testing.T, d *Data, slug string) *proximite.Partnership {
	t.Helper()
	for _, p := range d.Partnerships {
		if p.Slug == slug {
			return p
		}
	}
	t.Fatalf("no partnership %q", slug)
	return nil
}

// earliest returns the earliest date of a timeline.
func earliest(p *proximite.Partnership) proximite.Date {
	var first proximite.Date
	for _, e := range p.Timeline {
		if first == "" || e.Date < first {
			first = e.Date
		}
	}
	return first
}

func TestSainteElisabethSanankoroba(t *testing.T) {
	p := partnership(t, Records(), "jumelage-sainte-elisabeth-sanankoroba")
	if y := earliest(p).Year(); y != 1984 && y != 1985 {
		t.Errorf("timeline starts in %d, want 1984 or 1985", y)
	}
	sides := map[string]proximite.Side{}
	for _, pt := range p.Parties {
		sides[pt.Org] = pt.Side
	}
	for org, want := range map[string]proximite.Side{
		"sainte-elisabeth": proximite.North, "des-mains-pour-demain": proximite.North,
		"sanankoroba": proximite.South, "benkadi": proximite.South, "suco": proximite.Support,
	} {
		if got := sides[org]; got != want {
			t.Errorf("party %s: side %q, want %q", org, got, want)
		}
	}
}

func TestBuckinghamNioroDuRip(t *testing.T) {
	d := Records()
	const slug = "jumelage-buckingham-nioro-du-rip"
	p := partnership(t, d, slug)
	if len(p.Timeline) == 0 {
		t.Error("no timeline")
	}
	if p.Start != "1993" || p.End != "2000" {
		t.Errorf("period %s–%s, want 1993–2000", p.Start, p.End)
	}
	projects := 0
	for _, pr := range d.Projects {
		if pr.Partnership == slug {
			projects++
		}
	}
	if projects != 3 {
		t.Errorf("%d projects, want 3", projects)
	}
	count := map[proximite.Direction]int{}
	for _, v := range d.Visits {
		if v.Partnership == slug {
			count[v.Direction]++
		}
	}
	if count[proximite.NorthToSouth] != 4 || count[proximite.SouthToNorth] != 4 {
		t.Errorf("visits per direction = %v, want four each way", count)
	}
}

func TestSectorsValid(t *testing.T) {
	d := Records()
	for _, p := range d.Projects {
		t.Run(p.Slug, func(t *testing.T) {
			if len(p.Sectors) == 0 {
				t.Error("no sector")
			}
			for _, s := range p.Sectors {
				if s.Vocab() != "1" {
					t.Errorf("sector %s: vocabulary %s, want DAC 5-digit", s.Code, s.Vocab())
					continue
				}
				c, ok := codelist.Sector.Lookup(s.Code)
				if !ok || !codelist.Sector.Valid(s.Code) {
					t.Errorf("sector %s is not a DAC 5-digit code", s.Code)
				} else if c.Withdrawn {
					t.Errorf("sector %s is withdrawn", s.Code)
				}
			}
		})
	}
	for _, p := range d.Programmes {
		for _, s := range p.Sectors {
			if !codelist.Sector.Valid(s) && !codelist.SectorCategory.Valid(s) {
				t.Errorf("programme %s: sector %s is not a DAC code", p.Slug, s)
			}
		}
	}
}

// TestRecordsIndependent changes every value reachable from one call's
// records and checks that the records of another call, made before and
// after, are untouched.
func TestRecordsIndependent(t *testing.T) {
	before := Records()
	want := snapshot(t, before)
	scramble(reflect.ValueOf(Records()))
	if got := snapshot(t, before); got != want {
		t.Error("changing one call's records changed an earlier call's records")
	}
	if got := snapshot(t, Records()); got != want {
		t.Error("changing one call's records changed a later call's records")
	}
}

func snapshot(t *testing.T, d *Data) string {
	t.Helper()
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// scramble overwrites every settable string, number and map value
// reachable from v, and appends to nothing, so that any storage shared
// between two calls would show in the other call's records.
func scramble(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			scramble(v.Elem())
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				scramble(v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			scramble(v.Index(i))
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(v.MapIndex(k))
			scramble(e)
			v.SetMapIndex(k, e)
		}
	case reflect.String:
		if v.CanSet() {
			v.SetString(v.String() + " (changed)")
		}
	case reflect.Int, reflect.Int64:
		if v.CanSet() {
			v.SetInt(v.Int() + 1)
		}
	case reflect.Float64:
		if v.CanSet() {
			v.SetFloat(v.Float() + 1)
		}
	case reflect.Bool:
		if v.CanSet() {
			v.SetBool(!v.Bool())
		}
	}
}

// The seed document is the first publication of the library, described
// by its bibliographic facts only: no text of it, no invented author or
// date, and references that resolve.
func TestSeedPublication(t *testing.T) {
	d := Records()
	if len(d.Publications) == 0 || d.Publications[0].Title["fr"] != Source {
		t.Fatalf("the first publication is not the seed document: %+v", d.Publications)
	}
	p := d.Publications[0]
	if p.Language != "fr" || p.File != nil || p.Year != 0 || len(p.Authors) != 0 {
		t.Errorf("facts the seed does not give: %+v", p)
	}
	orgs, partnerships := map[string]bool{}, map[string]bool{}
	for _, o := range d.Organisations {
		orgs[o.Slug] = true
	}
	for _, x := range d.Partnerships {
		partnerships[x.Slug] = true
	}
	for _, s := range p.Organisations {
		if !orgs[s] {
			t.Errorf("organisation %q does not resolve", s)
		}
	}
	for _, s := range p.Partnerships {
		if !partnerships[s] {
			t.Errorf("partnership %q does not resolve", s)
		}
	}
}
