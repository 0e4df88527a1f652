package demo

import proximite "github.com/proximite/proximite"

// internationalOrganisations returns the world associations of local
// governments, the international networks, and the French and European
// actors of decentralised cooperation that the seed names.
//
// The seed gives no seat for the world associations, so they have no
// country. IRCOD and Resocoop are named by their acronyms only, as in the
// seed.
func internationalOrganisations() []*proximite.Organisation {
	mergedIntoUCLG := func() []proximite.OrgLink {
		return []proximite.OrgLink{{Kind: proximite.MergedInto, Target: "cglu", Since: "2004",
			Note: proximite.T("fr", "Avec l'IULA, la FMCU et Metropolis, réunies en 2004 dans CGLU.",
				"en", "With IULA, FMCU and Metropolis, joined in 2004 as UCLG.")}}
	}
	return []*proximite.Organisation{
		{
			Meta:    meta("cglu", secInternational),
			Name:    proximite.T("fr", "Cités et gouvernements locaux unis", "en", "United Cities and Local Governments"),
			Acronym: "CGLU",
			Kind:    proximite.MunicipalFederation,
			Website: "http://www.cities-localgovernments.org",
			Description: proximite.T(
				"fr", "Née en 2004 de l'union de l'IULA, de la FMCU et de Metropolis, la plus importante organisation mondiale des municipalités. Elle a pour mission d'être la voix unie et le défenseur de l'autonomie locale démocratique, défendant ses valeurs, objectifs et intérêts sur la scène internationale et par la coopération entre gouvernements locaux.",
				"en", "Born in 2004 from the union of IULA, FMCU and Metropolis, the largest world organisation of municipalities. Its mission is to be the united voice and defender of democratic local self-government, promoting its values, objectives and interests internationally and through cooperation between local governments."),
		},
		{
			Meta:    meta("iula", secInternational, secOrigins),
			Name:    proximite.T("fr", "Union internationale des autorités locales", "en", "International Union of Local Authorities"),
			Acronym: "IULA",
			Kind:    proximite.MunicipalFederation,
			Website: "http://www.iula.org",
			Description: proximite.T(
				"fr", "Fondée en 1913, la plus ancienne association internationale de gouvernements locaux, avec des membres dans plus de 100 pays (appelée aussi Union internationale des villes et pouvoirs locaux). Avec la FCM, elle parle de « coopération municipale à l'échelle internationale ».",
				"en", "Founded in 1913, the oldest international association of local governments, with members in more than 100 countries (also called, in French, Union internationale des villes et pouvoirs locaux). With the FCM, it speaks of \"international municipal cooperation\"."),
			Links: mergedIntoUCLG(),
		},
		{
			Meta:    meta("fmcu", secInternational),
			Name:    proximite.T("fr", "Fédération mondiale des Cités Unies", "en", "World Federation of United Cities"),
			Acronym: "FMCU",
			Kind:    proximite.MunicipalFederation,
			Website: "http://www.fmcu-uto.org",
			Description: proximite.T(
				"fr", "Créée quelque 45 ans avant la rédaction de la source, elle rassemble plus de 110 villes dans plus de 80 pays.",
				"en", "Created some 45 years before the source was written, it brings together more than 110 cities in more than 80 countries."),
			Links: mergedIntoUCLG(),
		},
		{
			Meta:    meta("metropolis", secInternational),
			Name:    proximite.T("fr", "Metropolis", "en", "Metropolis"),
			Kind:    proximite.MunicipalFederation,
			Website: "http://www.metropolis.org",
			Description: proximite.T(
				"fr", "Mise sur pied en 1984, l'association des grandes métropoles regroupe plus de 90 villes de plus d'un million d'habitants.",
				"en", "Set up in 1984, the association of large metropolises brings together more than 90 cities of over a million inhabitants."),
			Links: mergedIntoUCLG(),
		},
		{
			Meta:    meta("aimf", secPretexts, secState),
			Name:    proximite.T("fr", "Association internationale des maires francophones", "en", "International Association of Francophone Mayors"),
			Acronym: "AIMF",
			Kind:    proximite.MunicipalFederation,
			Description: proximite.T(
				"fr", "Très impliquée dans les opérations de coopération décentralisée. La Ville de Québec en est membre fondateur et le ministère des Relations internationales du Québec y adhère.",
				"en", "Much involved in decentralised cooperation. Québec City is a founding member and the Québec Ministry of International Relations belongs to it."),
		},
		{
			Meta:    meta("ripess", secCivilSociety),
			Name:    proximite.T("fr", "Réseau intercontinental de promotion de l'économie sociale et solidaire", "en", "Intercontinental Network for the Promotion of Social Solidarity Economy"),
			Acronym: "RIPESS",
			Kind:    proximite.Network,
			Website: "http://www.ripess.net",
			Description: proximite.T(
				"fr", "Espace de mise en réseau des organisations, institutions et regroupements nationaux des pays du Nord (Europe, Amérique) et du Sud (Amérique latine, Afrique, Asie), qui a notamment pour mission d'assurer un meilleur réseautage des expériences de solidarités de proximité.",
				"en", "A space for networking the organisations, institutions and national groupings of the countries of the North (Europe, America) and the South (Latin America, Africa, Asia), whose mission includes better networking of proximity solidarity experiences."),
		},
		{
			Meta:    meta("cites-unies-france", secOrigins),
			Name:    proximite.T("fr", "Cités Unies France", "en", "Cités Unies France"),
			Kind:    proximite.Network,
			Country: "FR",
			Description: proximite.T(
				"fr", "Association fédérative en appui à la coopération décentralisée en France, où la coopération de collectivité à collectivité est devenue une coopération de territoire à territoire.",
				"en", "A federative association supporting decentralised cooperation in France, where cooperation between local authorities has become cooperation between territories."),
		},
		{
			Meta:    meta("ircod", secOrigins),
			Name:    proximite.T("fr", "IRCOD", "en", "IRCOD"),
			Acronym: "IRCOD",
			Kind:    proximite.Network,
			Country: "FR",
			Description: proximite.T(
				"fr", "Association en appui à la coopération décentralisée en France.",
				"en", "An association supporting decentralised cooperation in France."),
		},
		{
			Meta:    meta("resocoop", secOrigins),
			Name:    proximite.T("fr", "Resocoop", "en", "Resocoop"),
			Kind:    proximite.Network,
			Country: "FR",
			Description: proximite.T(
				"fr", "Association en appui à la coopération décentralisée en France.",
				"en", "An association supporting decentralised cooperation in France."),
		},
		{
			Meta:    meta("union-europeenne", secOrigins),
			Name:    proximite.T("fr", "Union européenne", "en", "European Union"),
			Acronym: "UE",
			Kind:    proximite.Multilateral,
			Description: proximite.T(
				"fr", "Retient une définition élargie de la coopération décentralisée, qui inclut aux côtés des pouvoirs locaux les ONG, coopératives, syndicats, institutions d'enseignement et de recherche, PME et associations ; un règlement du Conseil européen la reconnaît officiellement en 1998. Trois axes prioritaires : appui à la décentralisation, appui au développement local, appui au dialogue politique et social.",
				"en", "Takes a broad view of decentralised cooperation, which includes, beside local authorities, NGOs, cooperatives, unions, teaching and research institutions, small businesses and associations; a regulation of the European Council officially recognised it in 1998. Three priorities: support to decentralisation, to local development and to political and social dialogue."),
		},
	}
}
