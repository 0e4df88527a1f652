package web

import (
	"context"
	"strings"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
)

// nearbyView is the "who else works there" part of an organisation's
// page: the first organisations of its synergies (synergies.go), each
// with what it shares, so that a reader of Buckingham's page sees that a
// Malian committee is there for a shared sector, not for Senegal.
type nearbyView = synergyView

// nearby finds the organisations active where this one is, for its page:
// the store ranks those of its town first, then those sharing a country
// and a sector, a country, a sector (proximite.RankSynergies), reading a
// bounded number of records whatever the registry's size.
func (h *Handler) nearby(ctx context.Context, l *localizer, o *proximite.Organisation) (nearbyView, error) {
	v, err := h.synergies(ctx, l, proximite.SynergyFilter{Org: o.Slug})
	if err != nil {
		return v, err
	}
	v.All = path(l.lang, secOrganisation, o.Slug) + "/synergies"
	return v, nil
}

// countryNames names countries in the visitor's language: "Mali, Sénégal".
func countryNames(l *localizer, codes []string) string {
	names := make([]string, len(codes))
	for i, c := range codes {
		names[i] = codelist.Country.Label(c, l.lang)
	}
	return strings.Join(names, ", ")
}

// sectorNames names DAC sector categories in the visitor's language.
func sectorNames(l *localizer, codes []string) string {
	names := make([]string, len(codes))
	for i, c := range codes {
		names[i] = codelist.SectorCategory.Label(c, l.lang)
	}
	return strings.Join(names, ", ")
}
