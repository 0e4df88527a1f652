package web

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// formState is a form being drawn: the user's input as typed, the
// messages of its errors by input name, and what the pickers found.
type formState struct {
	l    *localizer
	v    url.Values
	errs map[string]string
	// choices are the records a picker's text may mean, offered as
	// radio buttons when it named none or several.
	choices map[string][]choice
	// names are the names of the records the pickers hold, shown next
	// to the slug so that the user sees what they chose.
	names map[string]string
	// extra asks for blank rows after the present ones, by part name.
	extra map[string]int
	// rendered maps every name drawn to the id to link an error to.
	rendered map[string]string
	summary  []summaryItem
	used     map[string]bool
	// focus is the row just added without the script, whose first input
	// takes the focus when the page comes back.
	focus string
	// alert is the policy's refusal, said above the form.
	alert string
}

// summaryItem is one error in the list at the top of the form.
type summaryItem struct{ Href, Text string }

// fieldView is one input, or one group of inputs per language.
type fieldView struct {
	Kind                         string
	Name, ID, Label, Hint, Value string
	Error, Described             string
	Required, Wide               bool
	Groups                       []choiceGroup
	Inputs                       []langInput
	List, Resolved               string
	Choices                      []choice
	PickName, PickType           string
	Focus                        bool
}

// langInput is the input of one language in a per-language group.
type langInput struct {
	Name, ID, Lang, Label, Value, Error, Described string
}

// repeatView is a repeated part: its rows, a blank row for the script to
// copy, and the button that adds a row without the script.
type repeatView struct {
	Base, ID, Legend, Hint, Error, Add, Described string
	Rows                                          []rowView
	Blank                                         *rowView
	Placeholder                                   string
}

// rowView is one row of a repeated part.
type rowView struct {
	Prefix, ID, Legend, Remove string
	Fields                     []fieldView
	Repeats                    []repeatView
}

// sectionView is a part of the form under its heading.
type sectionView struct {
	ID, Title, Intro string
	Fields           []fieldView
	Repeats          []repeatView
}

// build draws the sections. It runs twice: once to learn where each name
// is drawn, so that an error about a name the form does not show (the
// sum of the "sectors") finds the nearest part that is shown, and once
// to draw with the errors in place.
func (st *formState) build(sections []sectionSpec) []sectionView {
	st.rendered, st.used = map[string]string{}, map[string]bool{}
	st.draw(sections)
	moved := map[string]string{}
	for name, msg := range st.errs {
		if _, ok := st.rendered[name]; ok {
			continue
		}
		to := name
		for to != "" {
			if _, ok := st.rendered[to]; ok {
				break
			}
			to = parentName(to)
		}
		if to == "" {
			to = "form"
		}
		if moved[to] != "" {
			msg = moved[to] + " " + msg
		} else if old := st.errs[to]; old != "" && to != name {
			msg = old + " " + msg
		}
		moved[to] = msg
	}
	for k, m := range moved {
		st.errs[k] = m
	}
	st.summary = nil
	st.rendered, st.used = map[string]string{}, map[string]bool{}
	views := st.draw(sections)
	if m := st.errs["form"]; m != "" {
		st.summary = append([]summaryItem{{Href: "#form-errors", Text: m}}, st.summary...)
	}
	return views
}

// parentName strips the last step of a name: sectors[1].code →
// sectors[1] → sectors.
func parentName(n string) string {
	if i := strings.LastIndexAny(n, ".["); i > 0 {
		return n[:i]
	}
	return ""
}

func (st *formState) draw(sections []sectionSpec) []sectionView {
	var out []sectionView
	for _, s := range sections {
		sv := sectionView{ID: "s-" + s.id, Title: st.l.T(s.title)}
		if s.intro != "" {
			sv.Intro = st.l.T(s.intro)
		}
		for _, f := range s.fields {
			sv.Fields = append(sv.Fields, st.field("", f, "", false))
		}
		for _, r := range s.repeats {
			sv.Repeats = append(sv.Repeats, st.repeat("", r, "", 0, false))
		}
		out = append(out, sv)
	}
	return out
}

// errorFor takes the message of a name once, and lists it in the summary.
func (st *formState) errorFor(name, id, label string) string {
	st.rendered[name] = id
	m := st.errs[name]
	if m == "" || st.used[name] {
		return ""
	}
	st.used[name] = true
	st.summary = append(st.summary, summaryItem{Href: "#" + id, Text: label + " : " + m})
	return m
}

// describe joins the ids of a hint and an error for aria-describedby.
func describe(id string, hint, err bool) string {
	var ids []string
	if err {
		ids = append(ids, id+"-err")
	}
	if hint {
		ids = append(ids, id+"-hint")
	}
	return strings.Join(ids, " ")
}

// field draws one input. rowLabel names the row in the summary ("Sector
// 2"); the inputs of blank rows (tmpl) show defaults and no error.
func (st *formState) field(prefix string, s spec, rowLabel string, tmpl bool) fieldView {
	name := join(prefix, s.name)
	id := inputID(name)
	label := st.l.T(s.label)
	sumLabel := label
	if rowLabel != "" {
		sumLabel = rowLabel + " — " + label
	}
	f := fieldView{Name: name, ID: id, Label: label, Required: s.required, Wide: s.wide}
	if s.hint != "" {
		f.Hint = st.l.T(s.hint)
	}
	if (s.kind == kTexts || s.kind == kAreas) && st.errs[name] == st.l.T("edit.err.required") {
		// The domain says a text "is required"; for a group of inputs
		// the page says what will do: one language.
		st.errs[name] = st.l.T("edit.err.required.text")
	}
	if !tmpl {
		f.Error = st.errorFor(name, id, sumLabel)
	}
	switch s.kind {
	case kTexts, kAreas:
		f.Kind = "texts"
		if s.kind == kAreas {
			f.Kind = "areas"
		}
		f.ID = id + "-group"
		if !tmpl {
			st.rendered[name] = f.ID
		}
		for _, lang := range langsOf(st.v, name) {
			in := langInput{Name: name + "." + lang, ID: inputID(name + "." + lang), Lang: lang,
				Label: st.l.LangName(lang), Value: st.v.Get(name + "." + lang)}
			if n := "edit.lang." + lang; st.l.msg[n] != "" {
				in.Label = st.l.T(n)
			}
			if tmpl {
				in.Value = ""
			} else {
				in.Error = st.errorFor(in.Name, in.ID, sumLabel+" ("+in.Label+")")
			}
			in.Described = describe(in.ID, false, in.Error != "")
			if f.Error != "" {
				in.Described = strings.TrimSpace(f.ID + "-err " + in.Described)
			}
			f.Inputs = append(f.Inputs, in)
		}
		if f.Error != "" && len(f.Inputs) > 0 {
			// The summary's link goes to the first input, which a
			// fieldset's id cannot take focus for.
			st.summary[len(st.summary)-1].Href = "#" + f.Inputs[0].ID
		}
		return f
	case kNumber:
		f.Kind = "number"
	case kDate:
		f.Kind = "date"
	case kURL:
		f.Kind = "url"
	case kDateTime:
		f.Kind = "datetime"
	case kSelect, kChecks:
		f.Kind = "select"
		if s.kind == kChecks {
			f.Kind = "checks"
		}
		chosen := st.v[name]
		if _, ok := st.v[name]; !ok || tmpl {
			chosen = []string{s.def}
		}
		f.Groups = selectOptions(s.opts(st.l), chosen)
	case kPick:
		f.Kind = "pick"
		f.List = "dl-" + string(s.pick)
		f.PickName, f.PickType = name+".pick", string(s.pick)
		if !tmpl {
			f.Resolved = st.names[name]
			f.Choices = st.choices[name]
		}
	default:
		f.Kind = "text"
	}
	f.Value = st.v.Get(name)
	if _, ok := st.v[name]; !ok || tmpl {
		f.Value = s.def
	}
	f.Described = describe(id, f.Hint != "", f.Error != "")
	return f
}

// selectOptions marks the chosen values, and keeps a value the lists do
// not have (an old code, a vocabulary the form does not offer) as a
// choice of its own, so that saving does not silently change it.
func selectOptions(groups []choiceGroup, chosen []string) []choiceGroup {
	out := make([]choiceGroup, len(groups))
	found := map[string]bool{}
	for i, g := range groups {
		out[i] = choiceGroup{Label: g.Label, Options: make([]choice, len(g.Options))}
		for j, o := range g.Options {
			o.Selected = slices.Contains(chosen, o.Value)
			found[o.Value] = found[o.Value] || o.Selected
			out[i].Options[j] = o
		}
	}
	for _, c := range chosen {
		if c != "" && !found[c] {
			out = append(out, choiceGroup{Options: []choice{{Value: c, Label: c, Selected: true}}})
			found[c] = true
		}
	}
	return out
}

// repeat draws a repeated part with its rows. level is how deep the
// part is nested (the placeholder of its blank row is __level__), tmpl
// says that it sits in a blank row, which shows no input and no error.
func (st *formState) repeat(prefix string, r repeatSpec, rowLabel string, level int, tmpl bool) repeatView {
	base := join(prefix, r.name)
	legend := st.l.T(r.legend)
	rv := repeatView{Base: base, ID: inputID(base), Legend: legend, Add: st.l.T(r.add),
		Placeholder: "__" + strconv.Itoa(level) + "__"}
	if r.hint != "" {
		rv.Hint = st.l.T(r.hint)
	}
	n := r.min
	if !tmpl {
		if rowLabel != "" {
			legend = rowLabel + " — " + legend
		}
		rv.Error = st.errorFor(base, rv.ID, legend)
		n = max(len(rowIndices(st.v, base)), r.min) + st.extra[base]
	}
	rv.Described = describe(rv.ID, rv.Hint != "", rv.Error != "")
	for i := range n {
		rv.Rows = append(rv.Rows, st.row(prefix, r, strconv.Itoa(i), strconv.Itoa(i+1), level, tmpl))
	}
	blank := st.row(prefix, r, rv.Placeholder, "__N"+strconv.Itoa(level)+"__", level, true)
	rv.Blank = &blank
	return rv
}

// row draws row i of a repeated part; num is its number as shown.
func (st *formState) row(prefix string, r repeatSpec, i, num string, level int, tmpl bool) rowView {
	p := rowName(prefix, r, i)
	legend := st.l.T(r.item, "n", num)
	rw := rowView{Prefix: p, ID: inputID(p), Legend: legend, Remove: st.l.T("edit.row.remove", "item", legend)}
	if !tmpl {
		st.rendered[p] = rw.ID
	}
	for _, f := range r.fields {
		rw.Fields = append(rw.Fields, st.field(p, f, legend, tmpl))
	}
	if !tmpl && p == st.focus && len(rw.Fields) > 0 {
		rw.Fields[0].Focus = true
	}
	for _, n := range r.nested {
		rw.Repeats = append(rw.Repeats, st.repeat(p, n, legend, level+1, tmpl))
	}
	return rw
}
