package demo

import proximite "github.com/proximite/proximite"

// publications is the library of the demonstration registry: the seed
// document itself, described by what it says of itself. It names neither
// its authors nor its date, so neither is given; it is in French; no
// file is attached (the registry does not carry a copy of it) and it
// gives no address where it can be read.
func publications() []*proximite.Publication {
	return []*proximite.Publication{{
		Meta:  meta("cooperation-de-proximite-en-question"),
		Title: proximite.T("fr", Source, "en", "Proximity cooperation in question"),
		Abstract: proximite.T(
			"fr", "Document sur la coopération de proximité entre collectivités et société civile du Nord et du Sud : "+
				"d'où viennent les jumelages, ce que la coopération change de part et d'autre, qui en sont les acteurs "+
				"et comment ils sont financés, avec deux jumelages en exemple ; suivi de la présentation du ROSI et de l'Observatoire.",
			"en", "A document on proximity cooperation between local governments and civil society of the North and the South: "+
				"where twinnings come from, what cooperation changes on both sides, who takes part and how it is funded, "+
				"with two twinnings as examples; followed by presentations of ROSI and of the Observatoire."),
		Kind:          proximite.PubReport,
		Language:      "fr",
		Countries:     []string{"CA", "ML", "SN"},
		Organisations: []string{"rosi", "observatoire"},
		Partnerships:  []string{"jumelage-sainte-elisabeth-sanankoroba", "jumelage-buckingham-nioro-du-rip"},
	}}
}
