package web

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// TestFormRoutesPersonas posts a valid submission to every form of the
// members' area — a new record and an edit, for each type — as each
// persona, in both languages, on both databases, with real sessions and
// a browser's same-origin headers. It checks the answer and, through
// the store, that the record was created or changed exactly when the
// policy allows it, and left alone otherwise. A request from another
// site, even an administrator's, is refused before any form sees it.
func TestFormRoutesPersonas(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		s := newWSSite(t, db)
		editors := allowed("editor", "partner", "coordinator", "admin")
		coordinators := allowed("coordinator", "admin")
		type route struct {
			typ proximite.RecordType
			// slug is the demonstration record an edit changes; "" for
			// the form that creates a record.
			slug string
			// field is the text an edit changes; fresh is a valid new
			// record titled title.
			field string
			fresh func(title string) url.Values
			// allow lists the personas the policy lets save; the others
			// signed in get the form back with the refusal.
			allow map[string]bool
		}
		routes := []route{
			{typ: proximite.TypeOrganisation, allow: coordinators, fresh: func(title string) url.Values {
				return vals("name.fr", title, "kind", "ngo", "country", "CA")
			}},
			{typ: proximite.TypeOrganisation, slug: "buckingham", field: "description.fr",
				allow: allowed("editor", "coordinator", "admin")},
			{typ: proximite.TypePartnership, allow: editors, fresh: func(title string) url.Values {
				return vals("title.fr", title, "kind", "friendship", "parties[0].org", "buckingham", "parties[0].side", "north",
					"parties[1].org", "nioro-du-rip", "parties[1].side", "south")
			}},
			{typ: proximite.TypePartnership, slug: "jumelage-buckingham-nioro-du-rip", field: "description.fr", allow: editors},
			{typ: proximite.TypeProject, allow: editors, fresh: func(title string) url.Values {
				return vals("title.fr", title, "status", "2", "participants[0].org", "buckingham", "participants[0].role", "1",
					"participants[1].org", "nioro-du-rip", "participants[1].role", "4")
			}},
			{typ: proximite.TypeProject, slug: "nioro-du-rip-informatisation", field: "description.fr", allow: editors},
			{typ: proximite.TypeVisit, allow: editors, fresh: func(title string) url.Values {
				return vals("title.fr", title, "direction", "north_south", "start", "2024-05",
					"from", "buckingham", "to", "nioro-du-rip")
			}},
			{typ: proximite.TypeVisit, slug: "delegation-buckingham-nioro-du-rip-1", field: "purpose.fr", allow: editors},
			{typ: proximite.TypeProgramme, allow: coordinators, fresh: func(title string) url.Values {
				return vals("name.fr", title, "funder", "fcm", "covers", "transport",
					"envelopes[0].period", "2024-2025", "envelopes[0].value.amount", "1000000", "envelopes[0].value.currency", "CAD")
			}},
			{typ: proximite.TypeProgramme, slug: "fcm-partenariats-municipaux", field: "description.fr", allow: coordinators},
		}
		// The callers: each persona from the site's own pages, and an
		// administrator's session used by a form on another site.
		type caller struct{ name, persona, site string }
		var callers []caller
		for _, p := range personas {
			callers = append(callers, caller{p, p, "same-origin"})
		}
		callers = append(callers, caller{"admin-cross-site", "admin", "cross-site"})
		workspace := map[string]string{"fr": "/fr/mon-espace?fait=saved", "en": "/en/my-workspace?fait=saved"}
		signIn := map[string]string{"fr": "/fr/connexion?next=", "en": "/en/sign-in?next="}

		for _, rt := range routes {
			f := formOf(rt.typ)
			for _, lang := range proximite.Languages {
				name, target := string(rt.typ)+"/new/"+lang, newPath(lang, rt.typ)
				var current url.Values
				if rt.slug != "" {
					name, target = string(rt.typ)+"/"+rt.slug+"/"+lang, editPath(lang, rt.typ, rt.slug)
					// The form's own values, as a browser would send them back.
					r := s.do("coordinator", http.MethodGet, target, nil)
					if r.Status != http.StatusOK {
						t.Fatalf("GET %s: %d", target, r.Status)
					}
					current = formValues(t, r.Body)
					if !current.Has(rt.field) {
						t.Fatalf("GET %s: no field %q in %v", target, rt.field, current)
					}
				}
				for _, c := range callers {
					t.Run(name+"/"+c.name, func(t *testing.T) {
						text := "Essai " + string(rt.typ) + " " + c.name + " " + lang
						form, slug := url.Values{}, rt.slug
						if rt.slug == "" {
							form, slug = rt.fresh(text), proximite.Slugify(text)
						} else {
							for k, v := range current {
								form[k] = append([]string(nil), v...)
							}
							form.Set(rt.field, text)
						}
						form.Set("save", "1")
						before := count(t, s, rt.typ)
						var old string
						var want url.Values // the record as the form shows it, once changed
						if rt.slug != "" {
							rec := find(t, s, f, slug)
							old, want = content(t, rec), f.encode(rec, s.h.loc[lang])
							want.Set(rt.field, text)
						}

						r := s.do(c.persona, http.MethodPost, target, form, "Sec-Fetch-Site", c.site, "Origin", originOf(c.site))

						ok := c.site == "same-origin" && rt.allow[c.persona]
						loc := r.Header.Get("Location")
						switch {
						case c.site != "same-origin":
							if r.Status != http.StatusForbidden || strings.Contains(r.Body, "data-edit-form") {
								t.Errorf("cross-site POST %s: status %d, want 403 without the form", target, r.Status)
							}
						case c.persona == "anonymous":
							if to := signIn[lang] + url.QueryEscape(target); r.Status != http.StatusSeeOther || loc != to {
								t.Errorf("POST %s as a visitor: %d to %q, want 303 to %q", target, r.Status, loc, to)
							}
						case !ok:
							if r.Status != http.StatusForbidden || !strings.Contains(r.Body, `id="form-alert"`) {
								t.Errorf("POST %s as %s: status %d, want 403 with the refusal\n%.3000s", target, c.name, r.Status, r.Body)
							}
						case rt.slug == "":
							if r.Status != http.StatusSeeOther || loc != workspace[lang] {
								t.Errorf("POST %s as %s: %d to %q, want 303 to %q\n%.3000s", target, c.name, r.Status, loc, workspace[lang], r.Body)
							}
						default: // an edit of a published record goes to its page
							if to := path(lang, sectionOf(rt.typ), slug); r.Status != http.StatusSeeOther || loc != to {
								t.Errorf("POST %s as %s: %d to %q, want 303 to %q\n%.3000s", target, c.name, r.Status, loc, to, r.Body)
							}
						}

						// What the store says, whatever the answer said.
						after := count(t, s, rt.typ)
						switch {
						case rt.slug == "" && ok:
							rec := find(t, s, f, slug)
							if after != before+1 || rec.Base().State != proximite.Draft {
								t.Errorf("as %s: %d %ss then %d; stored %s in state %s", c.name, before, rt.typ, after, rec.Base().Slug, rec.Base().State)
							}
						case rt.slug == "":
							if after != before || exists(t, s, f, slug) {
								t.Errorf("as %s: a %s was created (%d then %d)", c.name, rt.typ, before, after)
							}
						case ok:
							// The field changed, and nothing else: the form sent
							// back everything it showed.
							rec := find(t, s, f, slug)
							if got := f.encode(rec, s.h.loc[lang]); got.Encode() != want.Encode() || rec.Base().State != proximite.Published {
								t.Errorf("as %s: stored in state %s\n%s\nwant published\n%s", c.name, rec.Base().State, got.Encode(), want.Encode())
							}
						default:
							if now := content(t, find(t, s, f, slug)); now != old || after != before {
								t.Errorf("as %s: %s %s changed:\nbefore %s\nafter  %s", c.name, rt.typ, slug, old, now)
							}
						}
					})
				}
			}
		}
	})
}

func allowed(personas ...string) map[string]bool {
	m := map[string]bool{}
	for _, p := range personas {
		m[p] = true
	}
	return m
}

// originOf is the Origin a browser sends with a form from that site: the
// test server's own host, or another one.
func originOf(site string) string {
	if site == "same-origin" {
		return "http://example.com"
	}
	return "https://evil.example"
}

// count returns how many records of a type the registry holds, in any
// state.
func count(t *testing.T, s *wsSite, typ proximite.RecordType) int {
	t.Helper()
	res, err := s.db.Search(context.Background(), proximite.SearchFilter{IncludeUnpublished: true, Limit: 1,
		Filters: map[string][]string{proximite.FacetType: {string(typ)}}})
	if err != nil {
		t.Fatal(err)
	}
	return res.Total
}

// find reads a record that must exist.
func find(t *testing.T, s *wsSite, f *recordForm, slug string) proximite.Record {
	t.Helper()
	rec, err := f.find(context.Background(), s.db, slug)
	if err != nil {
		t.Fatalf("find %s %s: %v", f.typ, slug, err)
	}
	return rec
}

// exists reports whether a record is stored under slug.
func exists(t *testing.T, s *wsSite, f *recordForm, slug string) bool {
	t.Helper()
	_, err := f.find(context.Background(), s.db, slug)
	if err != nil && proximite.ErrorCode(err) != proximite.ENOTFOUND {
		t.Fatalf("find %s %s: %v", f.typ, slug, err)
	}
	return err == nil
}

var (
	editFormRE = regexp.MustCompile(`(?s)<form class="edit-form"[^>]*>(.*?)</form>`)
	templateRE = regexp.MustCompile(`<template\b[^>]*>|</template>`)
	inputRE    = regexp.MustCompile(`<input\b[^>]*>`)
	textareaRE = regexp.MustCompile(`(?s)<textarea\b([^>]*)>(.*?)</textarea>`)
	selectRE   = regexp.MustCompile(`(?s)<select\b([^>]*)>(.*?)</select>`)
	optionRE   = regexp.MustCompile(`<option\b[^>]*>`)
	attrRE     = regexp.MustCompile(`([a-z-]+)(?:="([^"]*)")?`)
)

// formValues returns what a browser submits from the editing form of a
// page: its inputs, checked boxes, text areas and chosen options, but not
// the blank rows kept in <template> for the script, nor the buttons.
func formValues(t *testing.T, page string) url.Values {
	t.Helper()
	m := editFormRE.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no editing form in the page:\n%.2000s", page)
	}
	body := withoutTemplates(m[1])
	v := url.Values{}
	for _, tag := range inputRE.FindAllString(body, -1) {
		a := attrs(tag)
		typ, checked := value(a["type"]), a["checked"] != nil
		if a["name"] == nil || ((typ == "checkbox" || typ == "radio") && !checked) {
			continue
		}
		v.Add(*a["name"], value(a["value"]))
	}
	for _, m := range textareaRE.FindAllStringSubmatch(body, -1) {
		if a := attrs(m[1]); a["name"] != nil {
			v.Add(*a["name"], html.UnescapeString(m[2]))
		}
	}
	for _, m := range selectRE.FindAllStringSubmatch(body, -1) {
		a := attrs(m[1])
		if a["name"] == nil {
			continue
		}
		var chosen, first *string
		for _, o := range optionRE.FindAllString(m[2], -1) {
			oa := attrs(o)
			if first == nil {
				first = oa["value"]
			}
			if oa["selected"] != nil && chosen == nil {
				chosen = oa["value"]
			}
		}
		if chosen == nil {
			chosen = first // a browser sends the first option when none is selected
		}
		v.Add(*a["name"], value(chosen))
	}
	return v
}

// withoutTemplates drops the contents of <template> elements, which may
// nest (a result's blank row holds its indicators' blank row).
func withoutTemplates(s string) string {
	var b strings.Builder
	depth, at := 0, 0
	for _, loc := range templateRE.FindAllStringIndex(s, -1) {
		if depth == 0 {
			b.WriteString(s[at:loc[0]])
		}
		if strings.HasPrefix(s[loc[0]:], "</") {
			depth--
		} else {
			depth++
		}
		at = loc[1]
	}
	b.WriteString(s[at:])
	return b.String()
}

// attrs reads a tag's attributes; a boolean attribute maps to "".
func attrs(tag string) map[string]*string {
	m := map[string]*string{}
	for _, a := range attrRE.FindAllStringSubmatch(tag, -1) {
		val := html.UnescapeString(a[2])
		m[a[1]] = &val
	}
	return m
}

func value(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
