package demo

import proximite "github.com/proximite/proximite"

// southOrganisations returns the partners in the South: Sanankoroba, its
// village association and the four neighbouring villages, Nioro du Rip,
// the partners of the UMQ and the Oaxaca coffee cooperative.
//
// The seed gives no population for the Malian villages beyond the
// selection criterion "more than 500 inhabitants", so none is recorded,
// and no coordinates for the four neighbouring villages, whose exact
// places we could not vouch for.
func southOrganisations() []*proximite.Organisation {
	return []*proximite.Organisation{
		{
			Meta:     meta("sanankoroba", secSanankoroba),
			Name:     proximite.T("fr", "Sanankoroba", "en", "Sanankoroba"),
			Kind:     proximite.Municipality,
			Country:  "ML",
			Locality: "Sanankoroba",
			Point:    at(12.40, -7.93),
			Description: proximite.T(
				"fr", "Village du Mali, en Afrique de l'Ouest, jumelé depuis 1984-1985 avec Sainte-Élisabeth (Québec) et partenaire de SUCO depuis 1993. Le succès de ses projets s'est répandu comme une traînée de poudre, et les villages voisins ont décidé de tenter l'expérience à leur tour.",
				"en", "A village of Mali, West Africa, twinned since 1984–85 with Sainte-Élisabeth (Québec) and a partner of SUCO since 1993. The success of its projects spread like wildfire, and the neighbouring villages decided to try the experience in their turn."),
		},
		{
			Meta:     meta("benkadi", secSanankoroba),
			Name:     proximite.T("fr", "Benkadi", "en", "Benkadi"),
			Kind:     proximite.CommunityGroup,
			Country:  "ML",
			Locality: "Sanankoroba",
			Description: proximite.T(
				"fr", "Association villageoise de Sanankoroba regroupant plus de 70 membres qui représentent les 15 clans du village ; elle se charge, du côté malien, du jumelage avec Sainte-Élisabeth. C'est elle qui a choisi, selon six critères, les villages voisins associés aux projets menés avec SUCO.",
				"en", "The village association of Sanankoroba, with more than 70 members representing the village's 15 clans; it runs the twinning with Sainte-Élisabeth on the Malian side. It chose, on six criteria, the neighbouring villages that joined the projects carried out with SUCO."),
		},
		neighbourOfSanankoroba("douban", "Douban"),
		neighbourOfSanankoroba("koniobla", "Koniobla"),
		neighbourOfSanankoroba("digato", "Digato"),
		neighbourOfSanankoroba("fareintoumou", "Fareintoumou"),
		{
			Meta:       meta("nioro-du-rip", secBuckingham),
			Name:       proximite.T("fr", "Nioro du Rip", "en", "Nioro du Rip"),
			Kind:       proximite.Municipality,
			Country:    "SN",
			Locality:   "Nioro du Rip",
			Point:      at(13.75, -15.80),
			Population: 20000,
			Description: proximite.T(
				"fr", "Commune sénégalaise de 20 000 habitants, jumelée de 1993 à 2000 avec Buckingham (Québec) : informatisation des services municipaux, programme en obstétrique et collecte des ordures par charrettes tirées par des ânes.",
				"en", "A Senegalese commune of 20,000 inhabitants, twinned from 1993 to 2000 with Buckingham (Québec): computerisation of the municipal services, an obstetrics programme, and refuse collection with donkey-drawn carts."),
		},
		{
			Meta:    meta("union-elus-locaux-senegal", secProvincial),
			Name:    proximite.T("fr", "Union des associations des élus locaux du Sénégal", "en", "Union of Associations of Local Elected Officials of Senegal"),
			Kind:    proximite.MunicipalFederation,
			Country: "SN",
			Description: proximite.T(
				"fr", "Partenaire de l'Union des municipalités du Québec depuis 2005.",
				"en", "A partner of the Union of Québec Municipalities since 2005."),
		},
		{
			Meta:    meta("association-chilienne-municipalites", secProvincial),
			Name:    proximite.T("fr", "Association chilienne des municipalités", "en", "Chilean Association of Municipalities"),
			Kind:    proximite.MunicipalFederation,
			Country: "CL",
			Description: proximite.T(
				"fr", "Partenaire de l'Union des municipalités du Québec depuis 1995 : le premier engagement de solidarité internationale de l'UMQ.",
				"en", "A partner of the Union of Québec Municipalities since 1995: the UMQ's first international solidarity commitment."),
		},
		{
			Meta:    meta("pdm", secProvincial),
			Name:    proximite.T("fr", "Association régionale africaine pour le développement municipal", "en", "African regional association for municipal development"),
			Acronym: "PDM",
			Kind:    proximite.Network,
			Description: proximite.T(
				"fr", "Association régionale africaine qui a signé un protocole avec l'Union des municipalités du Québec en 2006.",
				"en", "An African regional association that signed a protocol with the Union of Québec Municipalities in 2006."),
		},
		{
			Meta:        meta("cooperative-istmo-oaxaca", secEquiterre),
			Name:        proximite.T("fr", "Union des communautés autochtones de la région de l'Istmo", "en", "Union of Indigenous Communities of the Isthmus Region"),
			Kind:        proximite.Cooperative,
			Country:     "MX",
			Subdivision: "OAX",
			Description: proximite.T(
				"fr", "Coopérative de production de café créée en 1983 dans la région de l'Istmo, à Oaxaca (Mexique), soutenue par le commerce équitable. Elle réunit 2 076 familles, qui cultivent chacune en moyenne de 2 à 5 hectares de café et de 10 à 12 hectares pour l'agriculture de subsistance.",
				"en", "A coffee-producing cooperative created in 1983 in the Isthmus region of Oaxaca (Mexico), supported by fair trade. It brings together 2,076 families, each growing on average 2 to 5 hectares of coffee and 10 to 12 hectares of subsistence crops."),
		},
	}
}

// neighbourOfSanankoroba returns one of the four villages that the
// Benkadi chose to join the projects carried out with SUCO.
func neighbourOfSanankoroba(slug, name string) *proximite.Organisation {
	return &proximite.Organisation{
		Meta:     meta(slug, secSanankoroba),
		Name:     proximite.T("fr", name, "en", name),
		Kind:     proximite.Municipality,
		Country:  "ML",
		Locality: name,
		Description: proximite.T(
			"fr", "Village voisin de Sanankoroba, au Mali, choisi par le Benkadi selon six critères pour participer aux projets menés avec SUCO à la suite de la demande de partenariat faite par Sanankoroba en 1993.",
			"en", "A village near Sanankoroba, Mali, chosen by the Benkadi on six criteria to take part in the projects carried out with SUCO after Sanankoroba's request for a partnership in 1993."),
		Links: []proximite.OrgLink{{Kind: proximite.NearTo, Target: "sanankoroba"}},
	}
}
