package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/proximite/proximite"
)

// recordForm is the editing form of one type of record: its description
// as data, and the functions that turn a record into the form's input and
// back. Everything else (signing in, limits, rows, pickers, errors,
// saving through the guard) is shared by every form.
type recordForm struct {
	typ      proximite.RecordType
	sections []sectionSpec
	// pickers names the record types the form's pickers look up, for
	// the lists the script fills.
	pickers []proximite.RecordType
	find    func(ctx context.Context, r proximite.Registry, slug string) (proximite.Record, error)
	encode  func(rec proximite.Record, l *localizer) url.Values
	decode  func(d *decoder) proximite.Record
	// keep copies from the stored record what the form does not edit.
	keep func(old, rec proximite.Record)
	// title is the text a new record's slug is made from.
	title  func(rec proximite.Record) proximite.Text
	create func(ctx context.Context, g *proximite.Guard, rec proximite.Record) error
	update func(ctx context.Context, g *proximite.Guard, rec proximite.Record) error
	// next is where a saved record leads, when not to its page or the
	// workspace: a publication to the page of its file.
	next func(lang, slug string) string
}

// maxFormBody bounds what a form may post. A text field has its own,
// smaller limit (maxProse), refused next to it; a body over this one is
// refused whole, with a page that says so.
const maxFormBody = 16 << 20

// newSegment and editSegment end the paths of the forms: a new visit is
// /fr/missions/nouvelle, /en/visits/new; an edit is
// /fr/missions/{slug}/modifier, /en/visits/{slug}/edit.
var editSegment = map[string]string{"fr": "modifier", "en": "edit"}

func newSegment(lang string, t proximite.RecordType) string {
	switch {
	case lang == "en":
		return "new"
	case t == proximite.TypeVisit || t == proximite.TypePublication:
		return "nouvelle"
	}
	return "nouveau"
}

// newPath returns the path of the form that creates a record of type t.
func newPath(lang string, t proximite.RecordType) string {
	return path(lang, sectionOf(t), "") + "/" + newSegment(lang, t)
}

// editPath returns the path of a record's editing form.
func editPath(lang string, t proximite.RecordType, slug string) string {
	return path(lang, sectionOf(t), slug) + "/" + editSegment[lang]
}

// signInPath is where a visitor signs in (the workspace's sign-in page),
// with ?next= the form to come back to.
var signInPath = map[string]string{"fr": "/fr/connexion", "en": "/en/sign-in"}

// policyMessage returns the half of a domain message in the page's
// language: the policy writes "Français. / English." for people.
func policyMessage(l *localizer, err error) string {
	var e *proximite.Error
	if !errors.As(err, &e) {
		return l.T("error.internal.text")
	}
	fr, en, ok := strings.Cut(e.Message, " / ")
	switch {
	case !ok:
		return e.Message
	case l.lang == "en":
		return strings.TrimSpace(en)
	}
	return strings.TrimSpace(fr)
}

// formPage is the data of an editing form.
type formPage struct {
	page
	Heading, Intro string
	Action, Cancel string
	Submit         string
	Alert          string
	Notice         string
	Summary        []summaryItem
	Sections       []sectionView
	Pickers        []string
	RecordTitle    string
	IsNew          bool
}

// editForm serves a form: GET draws it, POST adds or removes a row, or
// saves. A visitor is sent to sign in and comes back here.
func (h *Handler) editForm(f *recordForm, create bool) pageHandler {
	return func(w http.ResponseWriter, r *http.Request, l *localizer) {
		w.Header().Set("Cache-Control", "no-store")
		if h.user(r) == nil {
			http.Redirect(w, r, signInPath[l.lang]+"?next="+url.QueryEscape(r.URL.Path), http.StatusSeeOther)
			return
		}
		ctx := r.Context()
		var old proximite.Record
		if !create {
			slug, err := recordSlug(r)
			if err == nil {
				old, err = f.find(ctx, h.reg, slug)
			}
			if err != nil {
				h.fail(w, r, l, err)
				return
			}
		}
		st := &formState{l: l, errs: map[string]string{}, choices: map[string][]choice{}, names: map[string]string{},
			extra: map[string]int{}}
		if r.Method != http.MethodPost {
			st.v = url.Values{}
			if old != nil {
				st.v = f.encode(old, l)
			}
			h.pickNames(ctx, l, f, st)
			h.drawForm(w, r, l, f, old, st, http.StatusOK)
			return
		}
		v, ok := h.postedForm(w, r, l)
		if !ok {
			return
		}
		if add, rm := r.PostForm.Get("add"), r.PostForm.Get("remove"); add != "" || rm != "" {
			h.changeRows(w, r, l, f, old, st, v, add, rm)
			return
		}
		h.save(w, r, l, f, old, st, v)
	}
}

// changeRows answers the buttons that add or remove a row when the
// script does not: the same form, one row more or less, input kept.
func (h *Handler) changeRows(w http.ResponseWriter, r *http.Request, l *localizer, f *recordForm, old proximite.Record,
	st *formState, v url.Values, add, rm string) {
	if rm != "" {
		removeRow(v, rm)
	}
	st.v = compact(v, f.sections, false)
	checkLengths(st.v, f.sections, st.errs, l)
	if add != "" {
		st.extra[add]++
		st.focus = add + "[" + strconv.Itoa(len(rowIndices(st.v, add))) + "]"
	}
	h.pickNames(r.Context(), l, f, st)
	h.drawForm(w, r, l, f, old, st, http.StatusOK)
}

// save reads, checks and stores the record, or draws the form again with
// the input and the messages.
func (h *Handler) save(w http.ResponseWriter, r *http.Request, l *localizer, f *recordForm, old proximite.Record,
	st *formState, v url.Values) {
	ctx := r.Context()
	st.v = compact(v, f.sections, true)
	checkLengths(st.v, f.sections, st.errs, l)
	d := &decoder{ctx: ctx, h: h, l: l, v: st.v, errs: st.errs, choices: st.choices, names: st.names}
	rec := f.decode(d)
	if d.err != nil {
		h.fail(w, r, l, d.err)
		return
	}
	m := rec.Base()
	if old != nil {
		*m = *old.Base()
		if f.keep != nil {
			f.keep(old, rec)
		}
	} else {
		m.State = proximite.Draft
		m.Slug = newSlug(f.typ, f.title(rec))
	}
	if err := rec.(interface{ Validate() error }).Validate(); err != nil {
		domainErrors(l, err, st.errs)
	}
	if len(st.errs) > 0 {
		h.pickNames(ctx, l, f, st)
		h.drawForm(w, r, l, f, old, st, http.StatusUnprocessableEntity)
		return
	}
	err := h.store(ctx, f, rec, old == nil)
	switch code := proximite.ErrorCode(err); {
	case err == nil && f.next != nil:
		http.Redirect(w, r, f.next(l.lang, m.Slug), http.StatusSeeOther)
	case err == nil && m.State == proximite.Published:
		http.Redirect(w, r, path(l.lang, sectionOf(f.typ), m.Slug), http.StatusSeeOther)
	case err == nil:
		// A draft has no public page yet: back to the workspace, which
		// lists it with the button to submit it.
		http.Redirect(w, r, wsPath(l.lang, wsHome)+"?fait=saved", http.StatusSeeOther)
	case code == proximite.EFORBIDDEN || code == proximite.EUNAUTHORIZED:
		st.alert = policyMessage(l, err)
		h.pickNames(ctx, l, f, st)
		h.drawForm(w, r, l, f, old, st, http.StatusForbidden)
	case code == proximite.EINVALID || code == proximite.ECONFLICT:
		if !domainErrors(l, err, st.errs) {
			st.errs["form"] = policyMessage(l, err)
		}
		h.pickNames(ctx, l, f, st)
		h.drawForm(w, r, l, f, old, st, http.StatusUnprocessableEntity)
	default:
		h.fail(w, r, l, err)
	}
}

// store writes the record through the guard. A new record whose slug is
// taken gets the next free one ("…-2"), as two visits may share a title.
func (h *Handler) store(ctx context.Context, f *recordForm, rec proximite.Record, create bool) error {
	if !create {
		return f.update(ctx, h.guard, rec)
	}
	m := rec.Base()
	base := m.Slug
	for i := 2; ; i++ {
		err := f.create(ctx, h.guard, rec)
		var e *proximite.Error
		if err == nil || i > 20 || !errors.As(err, &e) || e.Code != proximite.ECONFLICT || e.Field != "slug" {
			return err
		}
		m.Slug = base + "-" + strconv.Itoa(i)
	}
}

// newSlug makes a new record's address from its title, French first,
// short enough to read, and never one of the forms' own path segments.
func newSlug(t proximite.RecordType, title proximite.Text) string {
	s := proximite.Slugify(title["fr"])
	if s == "" {
		s = proximite.Slugify(title.String())
	}
	for len(s) > 80 {
		i := strings.LastIndexByte(s[:80], '-')
		if i < 20 {
			s = strings.TrimSuffix(s[:80], "-")
			break
		}
		s = s[:i]
	}
	switch s {
	case "":
		s = string(t)
	case "nouveau", "nouvelle", "new":
		s += "-" + string(t)
	}
	return s
}

// pickNames finds the names of the records the pickers hold, to show
// next to their slugs.
func (h *Handler) pickNames(ctx context.Context, l *localizer, f *recordForm, st *formState) {
	var walk func(prefix string, fields []spec, repeats []repeatSpec)
	walk = func(prefix string, fields []spec, repeats []repeatSpec) {
		for _, s := range fields {
			name := join(prefix, s.name)
			if s.kind == kPick && st.names[name] == "" && st.choices[name] == nil {
				if v := strings.TrimSpace(st.v.Get(name)); v != "" {
					st.names[name] = h.recordName(ctx, l, s.pick, v)
				}
			}
		}
		for _, r := range repeats {
			for _, i := range rowIndices(st.v, join(prefix, r.name)) {
				walk(rowName(prefix, r, strconv.Itoa(i)), r.fields, r.nested)
			}
		}
	}
	for _, sec := range f.sections {
		walk("", sec.fields, sec.repeats)
	}
}

// drawForm renders the form with its input, errors and alert.
func (h *Handler) drawForm(w http.ResponseWriter, r *http.Request, l *localizer, f *recordForm, old proximite.Record,
	st *formState, status int) {
	sec := sectionOf(f.typ)
	fp := formPage{IsNew: old == nil, Submit: l.T("edit.save"), Alert: st.alert}
	var heading string
	if old == nil {
		heading = l.T("edit.new." + string(f.typ))
		fp.Action, fp.Cancel = newPath(l.lang, f.typ), path(l.lang, sec, "")
		fp.Intro = l.T("edit.new.intro")
	} else {
		fp.RecordTitle = l.plain(f.title(old))
		heading = l.T("edit.edit", "title", fp.RecordTitle)
		fp.Action, fp.Cancel = editPath(l.lang, f.typ, old.Base().Slug), path(l.lang, sec, old.Base().Slug)
		fp.Intro = l.T("edit.edit.intro", "state", l.T("edit.state."+string(old.Base().State)))
	}
	fp.Heading = heading
	fp.page = h.base(r, l, sec, "", "", heading, heading)
	fp.NoIndex = true
	other := otherLang(l.lang)
	fp.Alternate.Href, fp.Alternate.Canonical = newPath(other, f.typ), ""
	if old != nil {
		fp.Alternate.Href = editPath(other, f.typ, old.Base().Slug)
	}
	fp.Crumbs = []crumb{{Name: l.T("nav.home"), Href: path(l.lang, secHome, "")},
		{Name: l.T("nav." + string(sec)), Href: path(l.lang, sec, "")}}
	if old != nil {
		fp.Crumbs = append(fp.Crumbs, crumb{Name: fp.RecordTitle, Href: fp.Cancel})
	}
	fp.Crumbs = append(fp.Crumbs, crumb{Name: heading})
	fp.Sections = st.build(f.sections)
	fp.Summary = st.summary
	for _, t := range f.pickers {
		fp.Pickers = append(fp.Pickers, string(t))
	}
	if status == http.StatusUnprocessableEntity {
		fp.page.Title = l.T("edit.title.errors", "title", heading)
	}
	h.render(w, r, l, status, "edit", fp)
}

// postedForm reads a posted form, bounded in size, and returns its
// values without the buttons (add, remove, save); on a bad or too large
// body it answers with an error page and returns false.
func (h *Handler) postedForm(w http.ResponseWriter, r *http.Request, l *localizer) (url.Values, bool) {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBody)
	if err := r.ParseForm(); err != nil {
		var big *http.MaxBytesError
		if errors.As(err, &big) {
			h.errorPage(w, r, l, http.StatusRequestEntityTooLarge, "edit.toolarge", "")
			return nil, false
		}
		h.errorPage(w, r, l, http.StatusBadRequest, "error.badrequest", "")
		return nil, false
	}
	v := url.Values{}
	for k, x := range r.PostForm {
		if k != "add" && k != "remove" && k != "save" {
			v[k] = x
		}
	}
	return v, true
}
