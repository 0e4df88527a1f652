package web

import (
	"context"
	"slices"
	"sort"
	"strings"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
)

// The lists the forms choose from: the domain's own (kinds, directions),
// the IATI codelists with their French names, countries sorted in the
// page's language, and records of the registry by name.

// codes returns the choices of a domain list whose labels are messages
// (prefix "orgkind", values "municipality"…), with an empty first choice
// when the input is optional.
func codes[T ~string](prefix string, optional bool, values ...T) func(l *localizer) []choiceGroup {
	return func(l *localizer) []choiceGroup {
		g := choiceGroup{}
		if optional {
			g.Options = append(g.Options, choice{Value: "", Label: l.T("edit.choose")})
		}
		for _, v := range values {
			g.Options = append(g.Options, choice{Value: string(v), Label: l.Label(prefix, string(v))})
		}
		return []choiceGroup{g}
	}
}

// iati returns the choices of an IATI codelist, "code — name", leaving out
// withdrawn codes (a record that holds one keeps it: see selectOptions).
func iati(list *codelist.List, optional bool) func(l *localizer) []choiceGroup {
	return func(l *localizer) []choiceGroup {
		g := choiceGroup{}
		if optional {
			g.Options = append(g.Options, choice{Value: "", Label: l.T("edit.choose")})
		}
		for _, c := range list.Codes {
			if !c.Withdrawn {
				g.Options = append(g.Options, choice{Value: c.Code, Label: c.Code + " — " + list.Label(c.Code, l.lang)})
			}
		}
		return []choiceGroup{g}
	}
}

// countryChoices lists the countries by their name in the page's
// language, so that "Sénégal" is found under S in French.
func countryChoices(l *localizer) []choiceGroup {
	g := choiceGroup{Options: []choice{{Value: "", Label: l.T("edit.choose")}}}
	var cs []choice
	for _, c := range codelist.Country.Codes {
		if !c.Withdrawn {
			cs = append(cs, choice{Value: c.Code, Label: codelist.Country.Label(c.Code, l.lang)})
		}
	}
	sort.Slice(cs, func(i, j int) bool { return proximite.Fold(cs[i].Label) < proximite.Fold(cs[j].Label) })
	g.Options = append(g.Options, cs...)
	return []choiceGroup{g}
}

// currencyChoices puts the currencies of the registry's partnerships
// first (Canadian dollar, CFA francs, euro, US dollar), then all.
func currencyChoices(l *localizer) []choiceGroup {
	frequent := []string{"CAD", "XOF", "XAF", "EUR", "USD"}
	top := choiceGroup{Label: l.T("edit.currency.frequent")}
	for _, c := range frequent {
		top.Options = append(top.Options, choice{Value: c, Label: c + " — " + codelist.Currency.Label(c, l.lang)})
	}
	all := choiceGroup{Label: l.T("edit.currency.all")}
	for _, c := range codelist.Currency.Codes {
		if !c.Withdrawn && !slices.Contains(frequent, c.Code) {
			all.Options = append(all.Options, choice{Value: c.Code, Label: c.Code + " — " + codelist.Currency.Label(c.Code, l.lang)})
		}
	}
	return []choiceGroup{top, all}
}

// sectorChoices groups the DAC 5-digit sectors under their 3-digit
// category, and adds the Sustainable Development Goals. A goal is written
// "7:3" (vocabulary 7, goal 3), a DAC sector by its code alone, as the
// domain's default vocabulary.
func sectorChoices(l *localizer) []choiceGroup {
	groups := []choiceGroup{{Options: []choice{{Value: "", Label: l.T("edit.choose")}}}}
	byCat := map[string][]choice{}
	for _, c := range codelist.Sector.Codes {
		if !c.Withdrawn {
			byCat[c.Category] = append(byCat[c.Category], choice{Value: c.Code, Label: c.Code + " — " + codelist.Sector.Label(c.Code, l.lang)})
		}
	}
	for _, cat := range codelist.SectorCategory.Codes {
		if opts := byCat[cat.Code]; len(opts) > 0 {
			groups = append(groups, choiceGroup{Label: cat.Code + " — " + codelist.SectorCategory.Label(cat.Code, l.lang), Options: opts})
		}
	}
	sdg := choiceGroup{Label: l.T("edit.sector.sdg")}
	for _, c := range codelist.UNSDGGoals.Codes {
		sdg.Options = append(sdg.Options, choice{Value: "7:" + c.Code, Label: l.T("edit.sector.goal", "n", c.Code) + " — " + codelist.UNSDGGoals.Label(c.Code, l.lang)})
	}
	return append(groups, sdg)
}

// dacChoices is sectorChoices without the goals, for programmes, whose
// sectors are DAC codes of 3 or 5 digits.
func dacChoices(l *localizer) []choiceGroup {
	g := sectorChoices(l)
	return g[:len(g)-1]
}

// sectorValue writes a sector share as the select's value.
func sectorValue(s proximite.SectorShare) string {
	if s.Vocab() == "1" {
		return s.Code
	}
	return s.Vocab() + ":" + s.Code
}

// parseSector reads a select's value back into vocabulary and code.
func parseSector(v string) (vocab, code string) {
	if voc, c, ok := strings.Cut(v, ":"); ok {
		return voc, c
	}
	return "", v
}

// recordName returns the name of a record of the registry, or "" when the
// slug names none.
func (h *Handler) recordName(ctx context.Context, l *localizer, t proximite.RecordType, slug string) string {
	var name proximite.Text
	switch t {
	case proximite.TypeOrganisation:
		if o, err := h.reg.FindOrganisation(ctx, slug); err == nil && o.Slug == slug {
			name = o.Name
			if o.Acronym != "" {
				name = proximite.Text{l.lang: l.plain(o.Name) + " (" + o.Acronym + ")"}
			}
		}
	case proximite.TypePartnership:
		if p, err := h.reg.FindPartnership(ctx, slug); err == nil && p.Slug == slug {
			name = p.Title
		}
	case proximite.TypeProgramme:
		if p, err := h.reg.FindProgramme(ctx, slug); err == nil && p.Slug == slug {
			name = p.Name
		}
	case proximite.TypeProject:
		if p, err := h.reg.FindProject(ctx, slug); err == nil && p.Slug == slug {
			name = p.Title
		}
	}
	return l.plain(name)
}

// pickResult is what a picker's text turned out to mean.
type pickResult struct {
	slug    string   // the record chosen, or ""
	choices []choice // the candidates when the text named none or several
}

// resolve reads a picker's text: a slug of the registry, or a name that
// one record bears exactly (accents and case aside). Anything else
// returns the records the search finds for it, for the user to choose.
// Records in every state count: an editor links drafts too.
func (h *Handler) resolve(ctx context.Context, l *localizer, t proximite.RecordType, text string) (pickResult, error) {
	text = strings.TrimSpace(text)
	if slugParamRE.MatchString(text) && h.recordName(ctx, l, t, text) != "" {
		return pickResult{slug: text}, nil
	}
	res, err := h.reg.Search(ctx, proximite.SearchFilter{Query: text, IncludeUnpublished: true, Lang: l.lang,
		Filters: map[string][]string{proximite.FacetType: {string(t)}}, Limit: 8})
	if err != nil {
		return pickResult{}, err
	}
	var exact []string
	var out pickResult
	for _, hit := range res.Hits {
		for _, name := range hit.Title {
			if proximite.Fold(name) == proximite.Fold(text) && !slices.Contains(exact, hit.Slug) {
				exact = append(exact, hit.Slug)
			}
		}
		out.choices = append(out.choices, choice{Value: hit.Slug, Label: l.plain(hit.Title)})
	}
	if len(exact) == 1 {
		return pickResult{slug: exact[0]}, nil
	}
	return out, nil
}
