package demo

import proximite "github.com/proximite/proximite"

// maliProjects returns the projects of the Sainte-Élisabeth–Sanankoroba
// twinning and of SUCO's partnership with the neighbouring villages.
//
// The seed gives no dates for the first project and none for SUCO's
// projects beyond the 1993 request, so those dates stay empty. The more
// than CAD 32,000 "put into circulation" in Sanankoroba has neither a date
// nor a period, which a budget or a transaction requires, so it is
// recorded as a result indicator, as the seed words it. Status is set only
// where the seed speaks of a project as done.
func maliProjects() []*proximite.Project {
	return []*proximite.Project{
		{
			Meta:  meta("sanankoroba-equipement-agricole", secSanankoroba),
			Title: proximite.T("fr", "Équipement agricole et capitalisation à Sanankoroba", "en", "Farm equipment and capital building in Sanankoroba"),
			Description: proximite.T(
				"fr", "Premier projet du jumelage : l'achat d'équipement servant à améliorer le rendement agricole du village. Les habitants décidèrent de se servir de l'aide financière attribuée par les gens de Sainte-Élisabeth pour capitaliser : ceux qui utilisaient le matériel devaient payer des redevances annuelles, et avec ces revenus les villageois firent l'acquisition de matériel supplémentaire.",
				"en", "The twinning's first project: buying equipment to improve the village's farm yields. The inhabitants decided to use the financial aid given by the people of Sainte-Élisabeth to build capital: those who used the equipment paid yearly fees, and with this income the villagers bought more equipment."),
			Status: "4",
			Participants: []proximite.Participant{
				participant("sainte-elisabeth", roleFunding),
				participant("des-mains-pour-demain", roleAccountable),
				participant("benkadi", roleImplementing),
			},
			Sectors:   []proximite.SectorShare{sector("31120")},
			Countries: []proximite.CountryShare{country("ML")},
			Locations: []proximite.Location{sanankorobaLocation()},
			Results: []proximite.Result{{Type: "2",
				Title: proximite.T("fr", "Les redevances des usagers ont permis d'acheter du matériel supplémentaire", "en", "The users' fees paid for more equipment")}},
			Partnership: "jumelage-sainte-elisabeth-sanankoroba",
		},
		{
			Meta:  meta("sanankoroba-projets-communautaires", secSanankoroba),
			Title: proximite.T("fr", "Projets communautaires à Sanankoroba depuis 1988", "en", "Community projects in Sanankoroba since 1988"),
			Description: proximite.T(
				"fr", "Depuis 1988, plusieurs projets ont été réalisés : activités portant sur la condition féminine, champ collectif de 15 hectares, secrétariat pour l'association du village, achat d'équipement pour la culture avec attelage, construction de trois moulins, activités pour les jeunes, construction d'une case de passage pour les visiteurs et les étrangers qui séjournent au village. Ces activités ont fait circuler dans le village plus de 32 000 $ CAN. Sainte-Élisabeth finance ses projets grâce à l'appui de la FCM.",
				"en", "Since 1988 several projects have been carried out: activities on the condition of women, a 15-hectare collective field, a secretariat for the village association, animal-drawn farming equipment, three mills, youth activities, and a guest house for visitors and strangers staying in the village. These activities put more than CAD 32,000 into circulation in the village. Sainte-Élisabeth funds its projects with the support of the FCM."),
			ActualStart: "1988",
			Participants: []proximite.Participant{
				participant("sainte-elisabeth", roleFunding),
				participant("fcm", roleFunding),
				participant("des-mains-pour-demain", roleAccountable),
				participant("benkadi", roleImplementing),
			},
			Sectors: []proximite.SectorShare{sector("43040"), sector("31120"), sector("32161"),
				sector("15170"), sector("15150"), sector("16015")},
			Countries: []proximite.CountryShare{country("ML")},
			Locations: []proximite.Location{sanankorobaLocation()},
			Results: []proximite.Result{
				output("Activités portant sur la condition féminine", "Activities on the condition of women"),
				{Type: "1", Title: proximite.T("fr", "Champ collectif de 15 hectares", "en", "A 15-hectare collective field"),
					Indicators: []proximite.Indicator{{Title: proximite.T("fr", "Superficie", "en", "Area"), Actual: "15 ha"}}},
				output("Secrétariat pour l'association du village", "A secretariat for the village association"),
				output("Équipement pour la culture avec attelage", "Animal-drawn farming equipment"),
				{Type: "1", Title: proximite.T("fr", "Construction de trois moulins", "en", "Three mills built"),
					Indicators: []proximite.Indicator{{Title: proximite.T("fr", "Moulins construits", "en", "Mills built"), Measure: "1", Actual: "3"}}},
				output("Activités pour les jeunes", "Youth activities"),
				output("Case de passage pour les visiteurs et les étrangers qui séjournent au village", "A guest house for visitors and strangers staying in the village"),
				{Type: "2", Title: proximite.T("fr", "Plus de 32 000 $ CAN ont circulé dans le village", "en", "More than CAD 32,000 circulated in the village"),
					Indicators: []proximite.Indicator{{Title: proximite.T("fr", "Montant ayant circulé dans le village", "en", "Amount circulated in the village"), Actual: "plus de 32 000 $ CAN"}}},
			},
			Partnership: "jumelage-sainte-elisabeth-sanankoroba",
		},
		{
			Meta:  meta("suco-villages-voisins-sanankoroba", secSanankoroba),
			Title: proximite.T("fr", "Projets dans les villages voisins de Sanankoroba", "en", "Projects in the villages near Sanankoroba"),
			Description: proximite.T(
				"fr", "En 1993, Sanankoroba a demandé à SUCO un partenariat pour réaliser des projets dans les villages situés à proximité ; le Benkadi a choisi selon six critères Douban, Koniobla, Digato et Fareintoumou. Les expériences vécues dans les villages partenaires de SUCO ont été un tremplin vers l'autonomie ; ce qui a été réalisé est en train de se répandre.",
				"en", "In 1993 Sanankoroba asked SUCO for a partnership to carry out projects in the nearby villages; the Benkadi chose Douban, Koniobla, Digato and Fareintoumou on six criteria. What the villages lived through with SUCO was a springboard to autonomy, and what was achieved is spreading."),
			Objectives: proximite.T(
				"fr", "Faciliter l'appui aux organisations locales, favoriser des activités à caractère économique afin d'améliorer les conditions de vie à long terme, et prendre en considération la communication, pour une meilleure concertation et une ouverture sur le monde.",
				"en", "Make it easier to support local organisations, encourage economic activities that improve living conditions in the long term, and take communication into account, for better concerted action and openness to the world."),
			Participants: []proximite.Participant{
				participant("suco", roleAccountable),
				participant("benkadi", roleImplementing),
				participant("douban", roleImplementing),
				participant("koniobla", roleImplementing),
				participant("digato", roleImplementing),
				participant("fareintoumou", roleImplementing),
			},
			Sectors:   []proximite.SectorShare{sector("43040"), sector("15150"), sector("15170")},
			Countries: []proximite.CountryShare{country("ML")},
			Locations: []proximite.Location{
				sanankorobaLocation(), village("Douban"), village("Koniobla"), village("Digato"), village("Fareintoumou"),
			},
			Results: []proximite.Result{
				outcome("Un tremplin vers l'autonomie et le rêve de ne plus être dépendant de l'aide",
					"A springboard to autonomy and to the dream of no longer depending on aid"),
				outcome("De nouvelles façons de vivre la démocratie, inventées et intégrées par la population locale",
					"New ways of living democracy, invented and adopted by the local people"),
				outcome("Des changements sociaux significatifs : les femmes ont pu prendre le pouvoir qui leur revenait dans la vie communautaire",
					"Significant social change: women were able to take their rightful power in community life"),
			},
			Partnership: "suco-sanankoroba-villages-voisins",
		},
	}
}

// sanankorobaLocation returns the village of Sanankoroba as a location.
func sanankorobaLocation() proximite.Location {
	return proximite.Location{Name: proximite.T("fr", "Sanankoroba", "en", "Sanankoroba"), Country: "ML", Point: at(12.40, -7.93)}
}

// village returns one of the villages near Sanankoroba, whose position the
// seed does not give.
func village(name string) proximite.Location {
	return proximite.Location{Name: proximite.T("fr", name, "en", name), Country: "ML"}
}

// output returns a result of type output with no indicator.
func output(fr, en string) proximite.Result {
	return proximite.Result{Type: "1", Title: proximite.T("fr", fr, "en", en)}
}

// outcome returns a result of type outcome with no indicator.
func outcome(fr, en string) proximite.Result {
	return proximite.Result{Type: "2", Title: proximite.T("fr", fr, "en", en)}
}
