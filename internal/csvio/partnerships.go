package csvio

import (
	"context"
	"fmt"
	"strings"

	"github.com/proximite/proximite"
)

// partnershipFormat is the CSV format of partnerships. Parties are
// "ORGANISATION:SIDE[:ROLE[:SINCE[:UNTIL]]]" items. The timeline is too
// nested for cells: it is not in the file, and an import leaves it alone.
var partnershipFormat = &format[*proximite.Partnership]{
	typ: proximite.TypePartnership,
	fields: []field[*proximite.Partnership]{
		slugField[*proximite.Partnership](),
		stateField[*proximite.Partnership](),
		textField("title", func(p *proximite.Partnership) *proximite.Text { return &p.Title }),
		{name: "kind",
			get: func(p *proximite.Partnership) string { return string(p.Kind) },
			set: func(p *proximite.Partnership, v string) error { p.Kind = proximite.PartnershipKind(v); return nil }},
		{name: "form",
			get: func(p *proximite.Partnership) string { return string(p.Form) },
			set: func(p *proximite.Partnership, v string) error { p.Form = proximite.Form(v); return nil }},
		{name: "local_people",
			get: func(p *proximite.Partnership) string { return string(p.LocalPeople) },
			set: func(p *proximite.Partnership, v string) error { p.LocalPeople = proximite.LocalPeople(v); return nil }},
		dateField("start", func(p *proximite.Partnership) *proximite.Date { return &p.Start }),
		dateField("end", func(p *proximite.Partnership) *proximite.Date { return &p.End }),
		{name: "parties", get: getParties, set: setParties},
		textField("objectives", func(p *proximite.Partnership) *proximite.Text { return &p.Objectives }),
		textField("description", func(p *proximite.Partnership) *proximite.Text { return &p.Description }),
		textField("lessons", func(p *proximite.Partnership) *proximite.Text { return &p.Lessons }),
		sourcesField[*proximite.Partnership](),
		updatedField[*proximite.Partnership](),
	},
	create: func(slug string) *proximite.Partnership {
		return &proximite.Partnership{Meta: proximite.Meta{Slug: slug}}
	},
	find: func(ctx context.Context, st Store, id string) (*proximite.Partnership, error) {
		return st.FindPartnership(ctx, id)
	},
	refs: func(p *proximite.Partnership) []ref {
		var out []ref
		for _, pt := range p.Parties {
			if pt.Org != "" {
				out = append(out, ref{"parties", proximite.TypeOrganisation, pt.Org})
			}
		}
		return out
	},
}

func getParties(p *proximite.Partnership) string {
	items := make([][]string, len(p.Parties))
	for i, pt := range p.Parties {
		role, _ := pt.Role.In("fr")
		items[i] = []string{pt.Org, string(pt.Side), role, string(pt.Since), string(pt.Until)}
	}
	return formatList(items, true)
}

func setParties(p *proximite.Partnership, v string) error {
	var out []proximite.Party
	for _, item := range parseList(v, true) {
		if len(item) < 2 || len(item) > 5 {
			return fmt.Errorf("%q: write ORGANISATION:SIDE, with :ROLE, :SINCE and :UNTIL when known", strings.Join(item, ":"))
		}
		out = append(out, proximite.Party{Org: item[0], Side: proximite.Side(strings.ToLower(item[1])),
			Role: partyRole(p, item[0], part(item, 2)), Since: proximite.Date(part(item, 3)), Until: proximite.Date(part(item, 4))})
	}
	p.Parties = out
	return nil
}

// partyRole is the role of a party as a cell gives it: the cell holds one
// wording (the French one, or the only one there is), so a party already
// in the partnership keeps its role in every language when the cell says
// the same, and its other languages when the cell changes the French.
func partyRole(p *proximite.Partnership, org, cell string) proximite.Text {
	for _, pt := range p.Parties {
		if pt.Org != org {
			continue
		}
		if shown, _ := pt.Role.In("fr"); shown == cell {
			return pt.Role
		}
		role := proximite.Text{}
		for lang, v := range pt.Role {
			if lang != "fr" {
				role[lang] = v
			}
		}
		if cell != "" {
			role["fr"] = cell
		}
		return role
	}
	if cell == "" {
		return nil
	}
	return proximite.Text{"fr": cell}
}
