package demo

import (
	"fmt"

	proximite "github.com/proximite/proximite"
)

// visits returns the delegations the seed describes.
//
// Buckingham and Nioro du Rip each made four stays in the other community
// between 1993 and 2000; the seed dates none of them. Eight records keep
// the count true — a report of delegations per direction must show four
// and four — and each one's Start and End are the bounds of the period
// within which it took place, which the title and purpose say in words.
// Collapsing them into one record per direction would have dated nothing
// more precisely and lost the count.
//
// The seed names no delegation between Sainte-Élisabeth and Sanankoroba:
// their twinning began as an exchange of young people that was "mostly
// correspondence", so no visit is recorded for it.
func visits() []*proximite.Visit {
	var vs []*proximite.Visit
	for i := 1; i <= 4; i++ {
		vs = append(vs, twinningStay(i, "buckingham", "nioro-du-rip", proximite.NorthToSouth,
			"Buckingham", "Nioro du Rip",
			" Au cours de l'un de ces séjours, non précisé, des intervenants du CLSC et du Centre hospitalier de Buckingham se sont rendus sur place pour concevoir un programme en obstétrique.",
			" During one of these stays, not specified, health workers of the Buckingham CLSC and hospital went there to design an obstetrics programme."))
	}
	for i := 1; i <= 4; i++ {
		vs = append(vs, twinningStay(i, "nioro-du-rip", "buckingham", proximite.SouthToNorth,
			"Nioro du Rip", "Buckingham", "", ""))
	}
	return append(vs, dakar2005())
}

// twinningStay returns the nth of the four stays a delegation of one town
// of the twinning made in the other.
func twinningStay(n int, from, to string, dir proximite.Direction, fromName, toName, extraFR, extraEN string) *proximite.Visit {
	return &proximite.Visit{
		Meta: meta(fmt.Sprintf("delegation-%s-%s-%d", from, to, n), secBuckingham),
		Title: proximite.T(
			"fr", fmt.Sprintf("Séjour de la délégation de %s à %s (%d sur 4, entre 1993 et 2000)", fromName, toName, n),
			"en", fmt.Sprintf("%s delegation's stay in %s (%d of 4, between 1993 and 2000)", fromName, toName, n)),
		Direction:   dir,
		Partnership: "jumelage-buckingham-nioro-du-rip",
		From:        from,
		To:          to,
		Start:       "1993",
		End:         "2000",
		Purpose: proximite.T(
			"fr", fmt.Sprintf("L'un des quatre séjours que la délégation de %s a effectués à %s entre 1993 et 2000, pour l'échange interculturel et les échanges techniques du jumelage. La date exacte de chaque séjour n'est pas consignée : les dates indiquées bornent la période.%s", fromName, toName, extraFR),
			"en", fmt.Sprintf("One of the four stays the %s delegation made in %s between 1993 and 2000, for the twinning's intercultural and technical exchanges. The exact date of each stay is not recorded: the dates given bound the period.%s", fromName, toName, extraEN)),
	}
}

// dakar2005 returns the Outaouais delegation to the Meetings on the
// Globalisation of Solidarity in Dakar, for which ROSI was created. The
// seed names the organisations represented but not how many people went
// nor in what capacity.
func dakar2005() *proximite.Visit {
	return &proximite.Visit{
		Meta: meta("delegation-outaouaise-dakar-2005", secROSI),
		Title: proximite.T(
			"fr", "Délégation outaouaise aux Rencontres de globalisation des solidarités, Dakar 2005",
			"en", "Outaouais delegation to the Meetings on the Globalisation of Solidarity, Dakar 2005"),
		Direction: proximite.NorthToSouth,
		From:      "rosi",
		With:      []string{"gatineau", "cegep-outaouais", "cje-outaouais", "uqo"},
		Start:     "2005",
		People: []proximite.Travellers{{
			Kind: proximite.OtherPeople,
			Note: proximite.T(
				"fr", "Représentants de la Ville de Gatineau, du CEGEP de l'Outaouais, du Carrefour jeunesse emploi de l'Outaouais et de l'UQO.",
				"en", "Representatives of the City of Gatineau, the CEGEP de l'Outaouais, the Outaouais Youth Employment Centre and the UQO."),
		}},
		Purpose: proximite.T(
			"fr", "Assurer à Dakar la présence d'une délégation régionale représentative des différents acteurs de développement de l'économie sociale et solidaire de l'Outaouais, aux Rencontres de globalisation des solidarités qui se tiennent depuis 1997 tous les quatre ans, en alternance dans un pays du Sud et du Nord.",
			"en", "To ensure the presence in Dakar of a regional delegation representing the various social and solidarity economy development actors of the Outaouais, at the Meetings on the Globalisation of Solidarity, held every four years since 1997, alternately in a country of the South and of the North."),
		Report: proximite.T(
			"fr", "La participation à cet événement, par la démonstration de sa pertinence, a motivé les membres du ROSI à poursuivre leurs activités en Outaouais tout en définissant plus globalement son mandat.",
			"en", "Taking part in this event, by showing its relevance, encouraged ROSI's members to continue their activities in the Outaouais while defining its mandate more broadly."),
	}
}
