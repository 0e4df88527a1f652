package iati

import (
	"strings"

	"github.com/proximite/proximite"
)

// activity writes one iati-activity with its children in the order the
// 2.03 schema's sequence requires (iati-identifier, reporting-org, title,
// description, participating-org, other-identifier, activity-status,
// activity-date, contact-info, activity-scope, recipient-country,
// recipient-region, location, sector, tag, country-budget-items,
// humanitarian-scope, policy-marker, collaboration-type, the defaults,
// budget, planned-disbursement, capital-spend, transaction, document-link,
// related-activity, legacy-data, conditions, result, crs-add, fss). The
// parts the registry has no data for are left out.
func (e *Encoder) activity(a *activity) {
	w, p := &e.w, a.p
	updated := ""
	if !p.UpdatedAt.IsZero() {
		updated = dateTime(p.UpdatedAt)
	}
	w.open("iati-activity", "last-updated-datetime", updated, "xml:lang", a.lang, "default-currency", a.currency)
	w.leaf("iati-identifier", a.id)
	secondary := "0"
	if a.secondary {
		secondary = "1"
	}
	w.open("reporting-org", "ref", a.reporter.ref, "type", a.reporter.typ, "secondary-reporter", secondary)
	e.narratives(a.reporter.name)
	w.close("reporting-org")
	e.text("title", p.Title)
	e.descriptions(a)
	e.participants(a)
	w.empty("activity-status", "code", status(p))
	e.activityDates(a)
	e.geography(p)
	e.sectors(p)
	e.tags(a)
	e.budgets(p)
	e.transactions(a)
	e.documents(p)
	e.results(a)
	w.close("iati-activity")
}

// narratives writes one narrative per language of t.
func (e *Encoder) narratives(t proximite.Text) {
	e.langs = languages(e.langs, t)
	for _, l := range e.langs {
		e.w.leaf("narrative", strings.TrimSpace(t[l]), "xml:lang", l)
	}
}

// text writes an element holding t's narratives, unless t is empty.
func (e *Encoder) text(name string, t proximite.Text, kv ...string) {
	if t.IsZero() {
		return
	}
	e.w.open(name, kv...)
	e.narratives(t)
	e.w.close(name)
}

// descriptions writes the general description (type 1), the objectives
// (type 2) and the in-kind contributions (type 4, see inKindText). The
// schema requires at least one description; a project that has none of
// these repeats its title as its general description rather than leave
// the activity invalid.
func (e *Encoder) descriptions(a *activity) {
	p := a.p
	kinds := e.inKindText(a)
	if p.Description.IsZero() && p.Objectives.IsZero() && kinds.IsZero() {
		e.text("description", p.Title, "type", "1")
		return
	}
	e.text("description", p.Description, "type", "1")
	e.text("description", p.Objectives, "type", "2")
	e.text("description", kinds, "type", "4")
}

// participants writes the participating organisations with their role,
// type and reference. The schema requires at least one; a project that
// names none is shown with its reporting organisation as accountable,
// which is what the registry can vouch for.
func (e *Encoder) participants(a *activity) {
	if len(a.participants) == 0 {
		e.orgElement("participating-org", a.reporter, "2")
		return
	}
	for _, pt := range a.participants {
		e.orgElement("participating-org", pt.org, pt.role)
	}
}

// orgElement writes an element describing an organisation: its role
// when it has one, its reference and type as attributes, its name as
// narratives.
func (e *Encoder) orgElement(name string, o org, role string) {
	if o.name.IsZero() {
		e.w.empty(name, "role", role, "ref", o.ref, "type", o.typ)
		return
	}
	e.w.open(name, "role", role, "ref", o.ref, "type", o.typ)
	e.narratives(o.name)
	e.w.close(name)
}

// status returns the project's IATI ActivityStatus. The schema requires
// one; when the registry has none it is read from the dates, the only
// evidence there is: an actual end means closed ("4"), an actual start
// means under way ("2"), anything else is still being identified ("1").
func status(p *proximite.Project) string {
	switch {
	case p.Status != "":
		return p.Status
	case p.ActualEnd != "":
		return "4"
	case p.ActualStart != "":
		return "2"
	}
	return "1"
}
