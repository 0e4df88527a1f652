package iati

import (
	"errors"
	"fmt"
	"strings"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
)

// Activity is one IATI activity mapped to a project. Participants are
// given by name and reference as the file gives them; the importer
// matches them to the registry's organisations (Orgs describes each, in
// the order of Project.Participants).
type Activity struct {
	// Line is where the activity starts in its file.
	Line       int
	Identifier string
	Project    *proximite.Project
	// ReportingOrg is the organisation that published the activity, nil
	// when the file does not say.
	ReportingOrg *Org
	Orgs         []Org
	// Warnings say what was changed or left out to make the activity fit
	// the registry (a percentage that did not add up, an unknown code).
	Warnings []string
	// Err says why the activity cannot be imported; Project is then
	// incomplete.
	Err error
}

// Org is an organisation as an activity names it.
type Org struct {
	Ref  string
	Name proximite.Text
	// Type is the IATI OrganisationType code ("21" international NGO…).
	Type string
}

// mapper turns one activity element into an Activity, collecting the
// warnings and the problems that reject it.
type mapper struct {
	lang     string // the activity's default language
	currency string // the activity's default currency
	a        *Activity
	problems []string
}

func (m *mapper) warn(format string, args ...any) {
	m.a.Warnings = append(m.a.Warnings, fmt.Sprintf(format, args...))
}

func (m *mapper) fail(format string, args ...any) {
	m.problems = append(m.problems, fmt.Sprintf(format, args...))
}

// mapActivity maps an <iati-activity> element. rootLang and rootCurrency
// are the file's defaults, used when the activity sets none.
func mapActivity(n *node, rootLang, rootCurrency string) *Activity {
	a := &Activity{Line: n.line, Identifier: n.child("iati-identifier").value()}
	m := &mapper{a: a, lang: langCode(n.attr(langAttr)), currency: strings.ToUpper(n.attr("default-currency"))}
	if m.lang == "" {
		m.lang = langCode(rootLang)
	}
	if m.lang == "" {
		m.lang = "en"
	}
	if m.currency == "" {
		m.currency = strings.ToUpper(strings.TrimSpace(rootCurrency))
	}
	if a.Identifier == "" {
		a.Err = errors.New("the activity has no <iati-identifier>")
		return a
	}
	p := &proximite.Project{IATIIdentifier: a.Identifier}
	p.Slug = ProjectSlug(a.Identifier)
	p.State = proximite.Published
	a.Project = p
	p.Title = m.texts(n.all("title"))
	if p.Title.IsZero() {
		m.fail("the activity has no title")
	}
	m.descriptions(p, n)
	m.status(p, n)
	m.dates(p, n)
	m.participants(p, n)
	if ro := n.child("reporting-org"); ro != nil {
		o := Org{Ref: ro.attr("ref"), Name: m.text(ro), Type: ro.attr("type")}
		if o.Ref != "" || !o.Name.IsZero() {
			a.ReportingOrg = &o
		}
	}
	m.sectors(p, n)
	m.geography(p, n)
	m.locations(p, n)
	m.budgets(p, n)
	m.transactions(p, n)
	m.results(p, n)
	m.documents(p, n)
	if len(m.problems) > 0 {
		a.Err = errors.New(strings.Join(m.problems, "; "))
		return a
	}
	normalise(p, m.warn)
	if err := p.Validate(); err != nil {
		a.Err = err
	}
	return a
}

// text returns the narratives of an element per language: <narrative
// xml:lang> children in 2.0x, the element's own text in 1.0x. A narrative
// without a language is in the activity's default language.
func (m *mapper) text(n *node) proximite.Text {
	if n == nil {
		return nil
	}
	return m.texts([]*node{n})
}

// texts gathers the narratives of several elements (1.0x repeats <title>
// once per language) into one Text.
func (m *mapper) texts(ns []*node) proximite.Text {
	var t proximite.Text
	add := func(x *node) {
		if x.text == "" {
			return
		}
		l := langCode(x.attr(langAttr))
		if l == "" {
			l = m.lang
		}
		if t == nil {
			t = proximite.Text{}
		}
		switch old := t[l]; {
		case old == "":
			t[l] = x.text
		case old != x.text:
			t[l] = old + "\n\n" + x.text
		}
	}
	for _, n := range ns {
		narratives := n.all("narrative")
		if len(narratives) == 0 {
			add(n)
		}
		for _, x := range narratives {
			add(x)
		}
	}
	return t
}

// descriptions keeps the general description (type 1, or none) and the
// target groups and other descriptions (3, 4) after it, and the
// objectives (2) apart.
func (m *mapper) descriptions(p *proximite.Project, n *node) {
	var general, objectives []*node
	for _, d := range n.all("description") {
		switch d.attr("type") {
		case "2":
			objectives = append(objectives, d)
		default:
			general = append(general, d)
		}
	}
	p.Description = m.texts(general)
	p.Objectives = m.texts(objectives)
}

func (m *mapper) status(p *proximite.Project, n *node) {
	s := n.child("activity-status")
	if s == nil {
		return
	}
	code := s.attr("code")
	if code == "" {
		code = v1Statuses[strings.ToLower(s.text)]
	}
	if code != "" && !codelist.ActivityStatus.Valid(code) {
		m.warn("activity-status %q is not an IATI ActivityStatus code; left out", code)
		code = ""
	}
	p.Status = code
}

func (m *mapper) dates(p *proximite.Project, n *node) {
	for _, d := range n.all("activity-date") {
		t := v2Code(d.attr("type"), v1DateTypes)
		day, ok := readDate(d)
		if !ok {
			m.warn("line %d: activity-date %q is not a date; left out", d.line, d.attr("iso-date")+d.text)
			continue
		}
		switch t {
		case "1":
			p.PlannedStart = day
		case "2":
			p.ActualStart = day
		case "3":
			p.PlannedEnd = day
		case "4":
			p.ActualEnd = day
		default:
			m.warn("line %d: activity-date of unknown type %q; left out", d.line, d.attr("type"))
		}
	}
}

func (m *mapper) participants(p *proximite.Project, n *node) {
	for _, po := range n.all("participating-org") {
		o := Org{Ref: po.attr("ref"), Name: m.text(po), Type: po.attr("type")}
		role := v2Code(po.attr("role"), v1Roles)
		if !codelist.OrganisationRole.Valid(role) {
			m.warn("line %d: participating-org with role %q, which is not funding, accountable, extending or implementing; left out",
				po.line, po.attr("role"))
			continue
		}
		if o.Ref == "" && o.Name.IsZero() {
			m.warn("line %d: participating-org with neither a name nor a ref; left out", po.line)
			continue
		}
		p.Participants = append(p.Participants, proximite.Participant{Name: o.Name, Ref: o.Ref, Role: role})
		m.a.Orgs = append(m.a.Orgs, o)
	}
}
