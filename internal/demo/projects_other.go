package demo

import proximite "github.com/proximite/proximite"

// otherProjects returns Équiterre's fair trade with the Oaxaca coffee
// cooperative and ROSI's own plan of action, which includes the registry
// this application is.
//
// The seed describes Équiterre's fair trade in the present tense of 2007
// without dates, so its status is left empty; ROSI's actions are ones the
// network "préconise" (advocates), hence pipeline.
func otherProjects() []*proximite.Project {
	return []*proximite.Project{
		{
			Meta:  meta("equiterre-cafe-equitable-istmo", secEquiterre),
			Title: proximite.T("fr", "Café équitable de la coopérative de l'Istmo", "en", "Fair-trade coffee from the Isthmus cooperative"),
			Description: proximite.T(
				"fr", "Le commerce équitable, notamment du café, est le moyen de prédilection d'Équiterre pour soutenir directement le développement durable de communautés qui s'organisent. Les produits certifiés « Transfair » sont payés un juste prix aux coopératives, comme la coopérative de l'Istmo, à Oaxaca, qui réunit 2 076 familles cultivant chacune en moyenne de 2 à 5 hectares de café et de 10 à 12 hectares pour l'agriculture de subsistance.",
				"en", "Fair trade, coffee in particular, is Équiterre's favourite means of directly supporting the sustainable development of communities that organise themselves. Products certified by Transfair are paid a fair price to cooperatives such as the Isthmus cooperative in Oaxaca, which brings together 2,076 families each growing on average 2 to 5 hectares of coffee and 10 to 12 hectares of subsistence crops."),
			Participants: []proximite.Participant{
				participant("equiterre", roleAccountable),
				participant("cooperative-istmo-oaxaca", roleImplementing),
			},
			Sectors:   []proximite.SectorShare{sector("31162")},
			Countries: []proximite.CountryShare{country("MX")},
			Locations: []proximite.Location{{
				Name:    proximite.T("fr", "Région de l'Istmo, Oaxaca", "en", "Isthmus region, Oaxaca"),
				Country: "MX",
			}},
			Results: []proximite.Result{{
				Type: "2",
				Title: proximite.T(
					"fr", "Les familles ont mis sur pied une école d'agriculture biologique, un centre de médecine naturelle, un système de transport collectif, des magasins alimentaires, une quincaillerie, des moulins pour le maïs, l'amélioration des habitations et un système de prêts",
					"en", "The families set up an organic farming school, a natural medicine centre, a collective transport system, food shops, a hardware store, maize mills, housing improvements and a loan system"),
				Description: proximite.T("fr", "Selon Nez (2006).", "en", "According to Nez (2006)."),
				Indicators: []proximite.Indicator{{
					Title: proximite.T("fr", "Familles membres de la coopérative", "en", "Member families of the cooperative"), Measure: "1", Actual: "2076",
				}},
			}},
			Partnership: "equiterre-cooperative-istmo",
		},
		{
			Meta:  meta("rosi-registre-politique-regionale", secROSI),
			Title: proximite.T("fr", "Registre, argumentaire et politique régionale de solidarité internationale en Outaouais", "en", "Registry, argument and regional policy for international solidarity in the Outaouais"),
			Description: proximite.T(
				"fr", "Actions préconisées par le ROSI : mieux articuler et structurer les actions de solidarité internationale au sein des organisations ; mettre sur pied un registre des actions menées en Outaouais en matière de solidarité internationale ; élaborer un argumentaire et une politique régionale de solidarité internationale ; préparer une délégation pour la rencontre sur la globalisation des solidarités prévue pour 2009 en Europe ; mieux intégrer les actions de solidarité internationale dans les organisations et faire émerger des synergies entre elles.",
				"en", "Actions advocated by ROSI: better link and structure international solidarity actions within the organisations; set up a registry of the international solidarity actions carried out in the Outaouais; draw up an argument and a regional policy for international solidarity; prepare a delegation for the meeting on the globalisation of solidarity planned for 2009 in Europe; better integrate international solidarity into the organisations and foster synergies between them."),
			Status:       "1",
			Participants: []proximite.Participant{participant("rosi", roleAccountable)},
			Sectors:      []proximite.SectorShare{sector("99820")},
			Locations: []proximite.Location{{
				Name: proximite.T("fr", "Outaouais", "en", "Outaouais"), Country: "CA",
			}},
		},
	}
}
