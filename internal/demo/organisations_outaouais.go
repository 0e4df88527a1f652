package demo

import proximite "github.com/proximite/proximite"

// outaouaisOrganisations returns the regional network ROSI, the
// organisations the seed lists as represented in it, the university and
// research centres of the Observatoire, and Buckingham with its health
// institutions.
//
// The seed lists ROSI's members as the ARUC-ISDC, the CRDC, the
// Table-jeunesse, the CEGEP, the CJE-O and the Ville de Gatineau; the UQO
// went to Dakar 2005 with the regional delegation but is not in that list,
// so it has no member_of link.
//
// All of them are in the Outaouais region: ROSI is the Outaouais network
// and the seed places its members, the UQO with the Observatoire and its
// research centres, and Buckingham ("Buckingham dans l'Outaouais") there.
func outaouaisOrganisations() []*proximite.Organisation {
	return []*proximite.Organisation{
		{
			Meta:        meta("rosi", secROSI),
			Name:        proximite.T("fr", "Réseau Outaouais de solidarité internationale", "en", "Outaouais International Solidarity Network"),
			Acronym:     "ROSI",
			Kind:        proximite.Network,
			Country:     "CA",
			Subdivision: "QC",
			Region:      "outaouais",
			Description: proximite.T(
				"fr", "Regroupement volontaire qui veut améliorer le réseautage des personnes et des organisations engagées dans des actions de solidarité internationale menées en Outaouais. Espace d'échange d'informations et de débat sur les enjeux et stratégies en développement international, dispositif de promotion et de sensibilisation à la solidarité Nord-Sud et à l'économie sociale et solidaire. Né en 2002 dans la mouvance des Rencontres de globalisation des solidarités, à l'initiative de la Chaire de recherche du Canada en développement des collectivités, pour assurer la présence d'une délégation régionale à Dakar 2005. Parmi ses actions : un registre des actions menées en Outaouais en matière de solidarité internationale, un argumentaire et une politique régionale de solidarité internationale.",
				"en", "A voluntary grouping that wants to improve the networking of the people and organisations engaged in international solidarity actions in the Outaouais. A space for sharing information and debating the issues and strategies of international development, and a means of promoting and raising awareness of North–South solidarity and of the social and solidarity economy. Created in 2002 in the wake of the Meetings on the Globalisation of Solidarity, on the initiative of the Canada Research Chair in Community Development, to send a regional delegation to Dakar 2005. Among its actions: a registry of the international solidarity actions carried out in the Outaouais, and an argument and a regional policy for international solidarity."),
			Links: []proximite.OrgLink{{Kind: proximite.FoundedBy, Target: "crdc", Since: "2002"}},
		},
		{
			Meta:        meta("aruc-isdc", secROSI, secObservatoire),
			Name:        proximite.T("fr", "Alliance de recherche université-communauté Innovation sociale et développement des communautés", "en", "Community-University Research Alliance on Social Innovation and Community Development"),
			Acronym:     "ARUC-ISDC",
			Kind:        proximite.Academic,
			Country:     "CA",
			Subdivision: "QC",
			Region:      "outaouais",
			Description: proximite.T(
				"fr", "Représentée au ROSI. Partenaire de l'Observatoire en économie sociale, en développement régional et en organisation communautaire, et l'un des artisans qui ont fait du développement des communautés une priorité de formation et de recherche à l'UQO.",
				"en", "Represented in ROSI. A partner of the Observatory on the social economy, regional development and community organising, and one of those who made community development a teaching and research priority at the UQO."),
			Links: []proximite.OrgLink{memberOfROSI()},
		},
		{
			Meta:        meta("crdc", secROSI, secObservatoire),
			Name:        proximite.T("fr", "Chaire de recherche du Canada en développement des collectivités", "en", "Canada Research Chair in Community Development"),
			Acronym:     "CRDC",
			Kind:        proximite.Academic,
			Country:     "CA",
			Subdivision: "QC",
			Region:      "outaouais",
			Description: proximite.T(
				"fr", "Représentée au ROSI, qu'elle a fait naître en 2002 ; membre fondateur du GESQ ; partenaire de l'Observatoire, dont l'axe coopération et économie sociale est sous la responsabilité de Louis Favreau (CRDC et ARUC).",
				"en", "Represented in ROSI, which it started in 2002; a founding member of the GESQ; a partner of the Observatory, whose cooperation and social economy axis is led by Louis Favreau (CRDC and ARUC)."),
			Links: []proximite.OrgLink{
				memberOfROSI(),
				{Kind: proximite.MemberOf, Target: "gesq", Note: proximite.T("fr", "Membre fondateur.", "en", "Founding member.")},
			},
		},
		{
			Meta:        meta("table-jeunesse", secROSI),
			Name:        proximite.T("fr", "Table-jeunesse", "en", "Table-jeunesse (youth round table)"),
			Kind:        proximite.CommunityGroup,
			Country:     "CA",
			Subdivision: "QC",
			Region:      "outaouais",
			Description: proximite.T("fr", "Organisation représentée au ROSI.", "en", "An organisation represented in ROSI."),
			Links:       []proximite.OrgLink{memberOfROSI()},
		},
		{
			Meta:        meta("cegep-outaouais", secROSI),
			Name:        proximite.T("fr", "CEGEP de l'Outaouais", "en", "CEGEP de l'Outaouais (college)"),
			Kind:        proximite.Academic,
			Country:     "CA",
			Subdivision: "QC",
			Region:      "outaouais",
			Description: proximite.T(
				"fr", "Collège représenté au ROSI, qui s'implique directement dans la solidarité internationale ; membre de la délégation outaouaise à Dakar 2005.",
				"en", "A college represented in ROSI and directly involved in international solidarity; part of the Outaouais delegation to Dakar 2005."),
			Links: []proximite.OrgLink{memberOfROSI()},
		},
		{
			Meta:        meta("cje-outaouais", secROSI, secCivilSociety),
			Name:        proximite.T("fr", "Carrefour jeunesse emploi de l'Outaouais", "en", "Outaouais Youth Employment Centre (Carrefour jeunesse emploi)"),
			Acronym:     "CJE-O",
			Kind:        proximite.CommunityGroup,
			Country:     "CA",
			Subdivision: "QC",
			Region:      "outaouais",
			Description: proximite.T(
				"fr", "Petite organisation civile dont les actions de solidarité internationale prolongent un mandat de nature locale et se réalisent souvent sur une base volontaire. Représentée au ROSI ; membre de la délégation outaouaise à Dakar 2005.",
				"en", "A small civil organisation whose international solidarity actions extend a local mandate and are often carried out by volunteers. Represented in ROSI; part of the Outaouais delegation to Dakar 2005."),
			Links: []proximite.OrgLink{memberOfROSI()},
		},
		{
			Meta:        meta("gatineau", secROSI, secPretexts, secBuckingham),
			Name:        proximite.T("fr", "Ville de Gatineau", "en", "City of Gatineau"),
			Kind:        proximite.Municipality,
			Country:     "CA",
			Subdivision: "QC",
			Region:      "outaouais",
			Locality:    "Gatineau",
			Point:       at(45.48, -75.70),
			Description: proximite.T(
				"fr", "Représentée au ROSI et dans la délégation outaouaise à Dakar 2005. Buckingham en est un secteur depuis les fusions municipales de 2002. Son ancien maire, Yves Ducharme, a été membre du comité consultatif des pouvoirs locaux auprès des Nations Unies.",
				"en", "Represented in ROSI and in the Outaouais delegation to Dakar 2005. Buckingham has been one of its sectors since the municipal mergers of 2002. Its former mayor, Yves Ducharme, sat on the advisory committee of local authorities to the United Nations."),
			Links: []proximite.OrgLink{memberOfROSI()},
		},
		{
			Meta:        meta("uqo", secROSI, secObservatoire),
			Name:        proximite.T("fr", "Université du Québec en Outaouais", "en", "Université du Québec en Outaouais"),
			Acronym:     "UQO",
			Kind:        proximite.Academic,
			Country:     "CA",
			Subdivision: "QC",
			Region:      "outaouais",
			Description: proximite.T(
				"fr", "Abrite les locaux et le personnel de l'Observatoire. Grâce à l'ARUC-ISDC, à la CRDC, au CÉRIS et au CRDT, le développement des communautés y est devenu une priorité de formation et de recherche : maîtrise en travail social avec volet en développement local, maîtrise en développement régional, doctorat en sciences sociales appliquées. Membre de la délégation outaouaise à Dakar 2005.",
				"en", "Houses the Observatory's offices and staff. Thanks to the ARUC-ISDC, the CRDC, the CÉRIS and the CRDT, community development has become a teaching and research priority there: a master's in social work with a local development stream, a master's in regional development and a doctorate in applied social sciences. Part of the Outaouais delegation to Dakar 2005."),
		},
		{
			Meta:        meta("ceris", secObservatoire),
			Name:        proximite.T("fr", "Centre d'étude et de recherche en intervention sociale", "en", "Centre for Study and Research on Social Intervention"),
			Acronym:     "CÉRIS",
			Kind:        proximite.Academic,
			Country:     "CA",
			Subdivision: "QC",
			Region:      "outaouais",
			Description: proximite.T(
				"fr", "Centre de recherche partenaire de l'Observatoire en économie sociale, en développement régional et en organisation communautaire.",
				"en", "A research centre, partner of the Observatory on the social economy, regional development and community organising."),
		},
		{
			Meta:        meta("crdt", secObservatoire),
			Name:        proximite.T("fr", "Centre de recherche en développement territorial", "en", "Research Centre on Territorial Development"),
			Acronym:     "CRDT",
			Kind:        proximite.Academic,
			Country:     "CA",
			Subdivision: "QC",
			Region:      "outaouais",
			Description: proximite.T(
				"fr", "Centre de recherche de l'UQO, partenaire de l'Observatoire, dont l'axe développement local et régional est sous la responsabilité de Martin Robitaille (ARUC et CRDT-UQO).",
				"en", "A research centre of the UQO and a partner of the Observatory, whose local and regional development axis is led by Martin Robitaille (ARUC and CRDT-UQO)."),
			Links: []proximite.OrgLink{{Kind: proximite.PartOf, Target: "uqo"}},
		},
		{
			Meta:        meta("observatoire", secObservatoire),
			Name:        proximite.T("fr", "Observatoire en économie sociale, en développement régional et en organisation communautaire", "en", "Observatory on the Social Economy, Regional Development and Community Organising"),
			Kind:        proximite.Academic,
			Country:     "CA",
			Subdivision: "QC",
			Region:      "outaouais",
			Description: proximite.T(
				"fr", "Portail né en 2002 pour diffuser l'information sur les pratiques innovatrices des communautés locales en économie sociale et en développement régional. Son bulletin est expédié à plus de 2 300 membres, environ 4 000 internautes visitent le site chaque mois et près de 300 publications y sont offertes en téléchargement gratuit. Ses locaux et son personnel sont à l'UQO.",
				"en", "A portal created in 2002 to spread information about the innovative practices of local communities in the social economy and regional development. Its bulletin goes to more than 2,300 members, about 4,000 people visit the site each month, and nearly 300 publications can be downloaded free of charge. Its offices and staff are at the UQO."),
			Links: []proximite.OrgLink{
				observatoryPartner("aruc-isdc"), observatoryPartner("ceris"),
				observatoryPartner("crdc"), observatoryPartner("crdt"),
			},
		},
		{
			Meta:        meta("buckingham", secBuckingham),
			Name:        proximite.T("fr", "Buckingham", "en", "Buckingham"),
			Kind:        proximite.Municipality,
			Country:     "CA",
			Subdivision: "QC",
			Region:      "outaouais",
			Locality:    "Buckingham",
			Point:       at(45.59, -75.42),
			Population:  10000,
			Description: proximite.T(
				"fr", "Petite ville de l'Outaouais de quelque 10 000 habitants, devenue en 2002 un secteur de la ville de Gatineau. Jumelée de 1993 à 2000 avec la commune de Nioro du Rip, au Sénégal.",
				"en", "A small Outaouais town of some 10,000 inhabitants, which became a sector of the City of Gatineau in 2002. Twinned from 1993 to 2000 with the commune of Nioro du Rip, Senegal."),
			Links: []proximite.OrgLink{{Kind: proximite.PartOf, Target: "gatineau", Since: "2002",
				Note: proximite.T("fr", "Secteur de la ville de Gatineau depuis les fusions municipales de 2002.", "en", "A sector of the City of Gatineau since the municipal mergers of 2002.")}},
		},
		{
			Meta:        meta("clsc-buckingham", secBuckingham),
			Name:        proximite.T("fr", "CLSC de Buckingham", "en", "Buckingham CLSC (local community service centre)"),
			Acronym:     "CLSC",
			Kind:        proximite.PublicService,
			Country:     "CA",
			Subdivision: "QC",
			Region:      "outaouais",
			Locality:    "Buckingham",
			Description: proximite.T(
				"fr", "Des intervenants du CLSC se sont rendus à Nioro du Rip pour concevoir un programme en obstétrique.",
				"en", "Health workers of the CLSC went to Nioro du Rip to design an obstetrics programme."),
		},
		{
			Meta:        meta("ch-buckingham", secBuckingham),
			Name:        proximite.T("fr", "Centre hospitalier de Buckingham", "en", "Buckingham Hospital Centre"),
			Kind:        proximite.PublicService,
			Country:     "CA",
			Subdivision: "QC",
			Region:      "outaouais",
			Locality:    "Buckingham",
			Description: proximite.T(
				"fr", "Des intervenants du centre hospitalier se sont rendus à Nioro du Rip pour concevoir un programme en obstétrique.",
				"en", "Health workers of the hospital went to Nioro du Rip to design an obstetrics programme."),
		},
	}
}

// observatoryPartner links the Observatoire to one of the four centres
// whose scientific collaboration it is.
func observatoryPartner(target string) proximite.OrgLink {
	return proximite.OrgLink{Kind: proximite.FoundedBy, Target: target, Since: "2002",
		Note: proximite.T("fr", "L'Observatoire, né en 2002, est le résultat de leur collaboration scientifique.",
			"en", "The Observatory, created in 2002, is the result of their scientific collaboration.")}
}
