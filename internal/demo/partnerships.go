package demo

import proximite "github.com/proximite/proximite"

// partnerships returns the partnerships the seed describes with named
// partners on both sides. DID, UPA DI and SOCODEVI work with many
// partners that the seed does not name, and Québec City's and Granby's
// partners are not named either, so none of them has a partnership here.
//
// Form and LocalPeople follow the seed's Table 1, which gives town
// twinning and fair trade as its examples of solidarity, where local
// people are partners; they are left empty where the seed says nothing
// about the partnership's nature (the UMQ's).
func partnerships() []*proximite.Partnership {
	return []*proximite.Partnership{
		{
			Meta:        meta("jumelage-sainte-elisabeth-sanankoroba", secSanankoroba, secTable1),
			Title:       proximite.T("fr", "Jumelage Sainte-Élisabeth – Sanankoroba", "en", "Sainte-Élisabeth – Sanankoroba twinning"),
			Kind:        proximite.CooperationTwinning,
			Form:        proximite.Solidarity,
			LocalPeople: proximite.Partners,
			Parties: []proximite.Party{
				{Org: "sainte-elisabeth", Side: proximite.North, Role: proximite.T("fr", "village jumelé"), Since: "1984"},
				{Org: "des-mains-pour-demain", Side: proximite.North, Role: proximite.T("fr", "comité de jumelage")},
				{Org: "sanankoroba", Side: proximite.South, Role: proximite.T("fr", "village jumelé"), Since: "1984"},
				{Org: "benkadi", Side: proximite.South, Role: proximite.T("fr", "comité de jumelage (association villageoise)")},
				{Org: "jeunesse-canada-monde", Side: proximite.Support, Role: proximite.T("fr", "cadre de l'échange de jeunes à l'origine du jumelage"), Since: "1984"},
				{Org: "suco", Side: proximite.Support, Role: proximite.T("fr", "OCI partenaire de Sanankoroba"), Since: "1993"},
				{Org: "fcm", Side: proximite.Support, Role: proximite.T("fr", "appui financier à Sainte-Élisabeth")},
			},
			Objectives: proximite.T(
				"fr", "Faciliter l'appui aux organisations locales, favoriser des activités à caractère économique afin d'améliorer les conditions de vie à long terme, et prendre en considération la communication, pour une meilleure concertation et une ouverture sur le monde.",
				"en", "Make it easier to support local organisations, encourage economic activities that improve living conditions in the long term, and take communication into account, for better concerted action and openness to the world."),
			Description: proximite.T(
				"fr", "En 1984-1985, le village de Sainte-Élisabeth, dans Lanaudière, s'est jumelé à celui de Sanankoroba, au Mali, pour un échange entre jeunes Québécois et jeunes Maliens dans le cadre du projet Jeunesse Canada Monde. Au début, il s'agissait surtout de correspondance ; très vite, deux comités se chargèrent du jumelage : Des mains pour demain au Québec et, au Mali, le Benkadi. Le premier projet fut l'achat d'équipement agricole, que les villageois décidèrent de capitaliser ; depuis 1988, plusieurs projets ont fait circuler dans le village plus de 32 000 $ CAN. Sainte-Élisabeth finance ses projets grâce à l'appui de la FCM et aux revenus annuels d'un champ collectif. En 1993, fort de ce succès, Sanankoroba a demandé à SUCO un partenariat pour des projets dans les villages voisins.",
				"en", "In 1984–85 the village of Sainte-Élisabeth, in Lanaudière, twinned with the village of Sanankoroba, Mali, for an exchange between young Quebecers and young Malians within the Canada World Youth project. At first it was mostly correspondence; soon two committees took charge of the twinning: Des mains pour demain in Québec and the Benkadi in Mali. The first project was the purchase of farm equipment, which the villagers decided to turn into capital; since 1988 several projects have put more than CAD 32,000 into circulation in the village. Sainte-Élisabeth funds its projects with the support of the FCM and the yearly income of a collective field. In 1993, on the strength of this success, Sanankoroba asked SUCO for a partnership to carry out projects in the neighbouring villages."),
			Start: "1984",
			Timeline: []proximite.TimelineEvent{
				{Date: "1984", Kind: proximite.FirstContact,
					Title: proximite.T("fr", "Jumelage des deux villages (1984-1985)", "en", "The two villages twin (1984–85)"),
					Description: proximite.T(
						"fr", "Échange entre jeunes Québécois et jeunes Maliens dans le cadre du projet Jeunesse Canada Monde ; au début, surtout de la correspondance. La source date le jumelage de 1984-1985.",
						"en", "An exchange between young Quebecers and young Malians within the Canada World Youth project; at first mostly correspondence. The source dates the twinning to 1984–85.")},
				{Date: "1988", Kind: proximite.Milestone,
					Title: proximite.T("fr", "Début d'une série de projets communautaires à Sanankoroba", "en", "A series of community projects begins in Sanankoroba"),
					Description: proximite.T(
						"fr", "Condition féminine, champ collectif de 15 hectares, secrétariat de l'association villageoise, équipement de culture attelée, trois moulins, activités pour les jeunes, case de passage.",
						"en", "Women's condition, a 15-hectare collective field, a secretariat for the village association, animal-drawn farming equipment, three mills, youth activities, a guest house.")},
				{Date: "1993", Kind: proximite.Milestone,
					Title: proximite.T("fr", "Sanankoroba demande un partenariat à SUCO pour les villages voisins", "en", "Sanankoroba asks SUCO for a partnership for the neighbouring villages"),
					Description: proximite.T(
						"fr", "SUCO devient partenaire du village ; le Benkadi choisit selon six critères les villages de Douban, Koniobla, Digato et Fareintoumou.",
						"en", "SUCO becomes the village's partner; the Benkadi chooses, on six criteria, the villages of Douban, Koniobla, Digato and Fareintoumou.")},
			},
		},
		{
			Meta:        meta("suco-sanankoroba-villages-voisins", secSanankoroba, secTable1),
			Title:       proximite.T("fr", "SUCO – Sanankoroba et villages voisins", "en", "SUCO – Sanankoroba and neighbouring villages"),
			Kind:        proximite.InstitutionalPartnership,
			Form:        proximite.Solidarity,
			LocalPeople: proximite.Partners,
			Parties: []proximite.Party{
				{Org: "suco", Side: proximite.North, Role: proximite.T("fr", "OCI partenaire"), Since: "1993"},
				{Org: "sanankoroba", Side: proximite.South, Role: proximite.T("fr", "village à l'origine de la demande"), Since: "1993"},
				{Org: "benkadi", Side: proximite.South, Role: proximite.T("fr", "choix des villages partenaires")},
				{Org: "douban", Side: proximite.South, Role: proximite.T("fr", "village partenaire")},
				{Org: "koniobla", Side: proximite.South, Role: proximite.T("fr", "village partenaire")},
				{Org: "digato", Side: proximite.South, Role: proximite.T("fr", "village partenaire")},
				{Org: "fareintoumou", Side: proximite.South, Role: proximite.T("fr", "village partenaire")},
			},
			Objectives: proximite.T(
				"fr", "Faciliter l'appui aux organisations locales, favoriser des activités à caractère économique afin d'améliorer les conditions de vie à long terme, et prendre en considération la communication, pour une meilleure concertation et une ouverture sur le monde.",
				"en", "Make it easier to support local organisations, encourage economic activities that improve living conditions in the long term, and take communication into account, for better concerted action and openness to the world."),
			Description: proximite.T(
				"fr", "En 1993, Sanankoroba a demandé à SUCO un partenariat pour réaliser des projets dans les villages situés à proximité. Le Benkadi a choisi les villages selon six critères : 1) la cohésion sociale au sein du village ; 2) la volonté d'alphabétiser ; 3) la connaissance des projets menés à Sanankoroba ; 4) l'existence d'instances de prise de décisions ; 5) une population de plus de 500 habitants ; 6) l'accord de la collectivité avec l'esprit des projets. Ce qui a été réalisé à Sanankoroba, à Fareintoumou et dans les trois autres villages est en train de se répandre : depuis peu, SUCO étudie la possibilité de réaliser des projets semblables dans des communes urbaines.",
				"en", "In 1993 Sanankoroba asked SUCO for a partnership to carry out projects in the nearby villages. The Benkadi chose the villages on six criteria: 1) social cohesion within the village; 2) the will to promote literacy; 3) knowledge of the projects carried out in Sanankoroba; 4) the existence of decision-making bodies; 5) a population of more than 500; 6) the community's agreement with the spirit of the projects. What was achieved in Sanankoroba, Fareintoumou and the three other villages is spreading: SUCO has recently begun to study similar projects in urban communes."),
			Start: "1993",
			Timeline: []proximite.TimelineEvent{
				{Date: "1993", Kind: proximite.Agreement,
					Title: proximite.T("fr", "SUCO devient partenaire de Sanankoroba", "en", "SUCO becomes Sanankoroba's partner"),
					Description: proximite.T(
						"fr", "À la demande du village, pour des projets dans les villages voisins choisis par le Benkadi.",
						"en", "At the village's request, for projects in the neighbouring villages chosen by the Benkadi.")},
			},
		},
		buckinghamNioro(),
		umqPartnership("umq-association-chilienne-municipalites", "association-chilienne-municipalites",
			"UMQ – Association chilienne des municipalités", "UMQ – Chilean Association of Municipalities",
			proximite.TimelineEvent{Date: "1995", Kind: proximite.Milestone,
				Title: proximite.T("fr", "L'UMQ entreprend un partenariat avec l'association chilienne des municipalités, son premier engagement de solidarité internationale",
					"en", "The UMQ starts a partnership with the Chilean association of municipalities, its first international solidarity commitment")}),
		umqPartnership("umq-elus-locaux-senegal", "union-elus-locaux-senegal",
			"UMQ – Union des associations des élus locaux du Sénégal", "UMQ – Union of Associations of Local Elected Officials of Senegal",
			proximite.TimelineEvent{Date: "2005", Kind: proximite.Milestone,
				Title: proximite.T("fr", "Début du partenariat", "en", "The partnership begins")}),
		umqPartnership("umq-pdm", "pdm",
			"UMQ – Association régionale africaine pour le développement municipal (PDM)", "UMQ – African regional association for municipal development (PDM)",
			proximite.TimelineEvent{Date: "2006", Kind: proximite.Agreement,
				Title: proximite.T("fr", "Signature d'un protocole", "en", "A protocol is signed")}),
		equiterreIstmo(),
	}
}

// umqPartnership returns one of the three partnerships of the Union des
// municipalités du Québec, which the seed describes together.
func umqPartnership(slug, partner, titleFR, titleEN string, start proximite.TimelineEvent) *proximite.Partnership {
	return &proximite.Partnership{
		Meta:  meta(slug, secProvincial),
		Title: proximite.T("fr", titleFR, "en", titleEN),
		Kind:  proximite.MunicipalPartnership,
		Parties: []proximite.Party{
			{Org: "umq", Side: proximite.North, Role: proximite.T("fr", "partage d'expertise"), Since: start.Date},
			{Org: partner, Side: proximite.South, Role: proximite.T("fr", "partenaire"), Since: start.Date},
			{Org: "fcm", Side: proximite.Support, Role: proximite.T("fr", "financement partiel")},
		},
		Objectives: proximite.T(
			"fr", "Partager l'expertise de l'UMQ, qui cumule 88 ans de pratique, dans un objectif de consolidation et d'amélioration de la prestation de services aux populations.",
			"en", "Share the expertise of the UMQ, built over 88 years of practice, in order to consolidate and improve services to the population."),
		Description: proximite.T(
			"fr", "Partenariat en partie financé par la Fédération canadienne des municipalités. L'UMQ veille à y impliquer les municipalités et les élus québécois.",
			"en", "A partnership partly funded by the Federation of Canadian Municipalities. The UMQ makes a point of involving Québec municipalities and elected officials."),
		Start:    start.Date,
		Timeline: []proximite.TimelineEvent{start},
	}
}

// equiterreIstmo returns Équiterre's fair-trade link with the Oaxaca
// coffee cooperative. The seed does not say when it began, so Start is
// empty; the timeline holds the one date it gives, the cooperative's
// creation.
func equiterreIstmo() *proximite.Partnership {
	return &proximite.Partnership{
		Meta:        meta("equiterre-cooperative-istmo", secEquiterre, secTable1),
		Title:       proximite.T("fr", "Équiterre – coopérative de café de l'Istmo (Oaxaca)", "en", "Équiterre – Isthmus coffee cooperative (Oaxaca)"),
		Kind:        proximite.InstitutionalPartnership,
		Form:        proximite.Solidarity,
		LocalPeople: proximite.Partners,
		Parties: []proximite.Party{
			{Org: "equiterre", Side: proximite.North, Role: proximite.T("fr", "promotion du commerce équitable")},
			{Org: "cooperative-istmo-oaxaca", Side: proximite.South, Role: proximite.T("fr", "coopérative de production de café")},
		},
		Objectives: proximite.T(
			"fr", "Soutenir directement, par le commerce équitable, le développement durable de communautés qui s'organisent pour améliorer leur situation.",
			"en", "Directly support, through fair trade, the sustainable development of communities that organise to improve their situation."),
		Description: proximite.T(
			"fr", "Le café certifié équitable « Transfair » est payé un juste prix aux coopératives, ce qui leur permet de développer leurs propres projets communautaires en santé, en éducation et en protection de l'environnement. La coopérative de l'Istmo, à Oaxaca, est l'un des exemples de coopératives soutenues.",
			"en", "Coffee certified fair-trade by Transfair is paid a fair price to the cooperatives, which lets them develop their own community projects in health, education and environmental protection. The Isthmus cooperative in Oaxaca is one example of the cooperatives supported."),
		Timeline: []proximite.TimelineEvent{
			{Date: "1983", Kind: proximite.Milestone,
				Title: proximite.T("fr", "Création de la coopérative de l'Istmo", "en", "The Isthmus cooperative is created")},
		},
	}
}

// buckinghamNioro returns the twinning of Buckingham and Nioro du Rip.
// The seed bounds it to 1993–2000. It says that after the 2002 mergers
// most twinnings inherited from the former towns await an evaluation, but
// not what became of this one, so the timeline records the merger as a
// milestone rather than putting the twinning on hold.
func buckinghamNioro() *proximite.Partnership {
	return &proximite.Partnership{
		Meta:        meta("jumelage-buckingham-nioro-du-rip", secBuckingham, secTable1, secPretexts),
		Title:       proximite.T("fr", "Jumelage Buckingham – Nioro du Rip", "en", "Buckingham – Nioro du Rip twinning"),
		Kind:        proximite.CooperationTwinning,
		Form:        proximite.Solidarity,
		LocalPeople: proximite.Partners,
		Parties: []proximite.Party{
			{Org: "buckingham", Side: proximite.North, Role: proximite.T("fr", "ville jumelée"), Since: "1993"},
			{Org: "clsc-buckingham", Side: proximite.North, Role: proximite.T("fr", "programme en obstétrique")},
			{Org: "ch-buckingham", Side: proximite.North, Role: proximite.T("fr", "programme en obstétrique")},
			{Org: "nioro-du-rip", Side: proximite.South, Role: proximite.T("fr", "commune jumelée"), Since: "1993"},
			{Org: "acdi", Side: proximite.Support, Role: proximite.T("fr", "bailleur de fonds")},
			{Org: "fcm", Side: proximite.Support, Role: proximite.T("fr", "intermédiaire du financement de l'ACDI")},
		},
		Objectives: proximite.T("fr", "L'échange interculturel et des échanges techniques.", "en", "Intercultural exchange and technical exchanges."),
		Description: proximite.T(
			"fr", "Jumelage entre deux petites villes : Buckingham, dans l'Outaouais (quelque 10 000 habitants, depuis 2002 secteur de la ville de Gatineau), et la commune de Nioro du Rip, au Sénégal (20 000 habitants). Après des consultations pour clarifier les besoins de la commune sénégalaise, les délégués ont donné la priorité à la formation des fonctionnaires municipaux, à l'amélioration des soins de santé et à la planification d'un programme de gestion des déchets. Entre 1993 et 2000, chaque délégation a effectué quatre séjours dans l'autre communauté. Le jumelage a été financé par l'ACDI, par l'entremise de la Fédération canadienne des municipalités, qui a pour mission de jumeler des villes canadiennes avec des municipalités des pays du Sud.",
			"en", "A twinning of two small towns: Buckingham, in the Outaouais (some 10,000 inhabitants, a sector of the City of Gatineau since 2002), and the commune of Nioro du Rip, Senegal (20,000 inhabitants). After consultations to clarify the Senegalese commune's needs, the delegates gave priority to training municipal officials, improving health care and planning a waste management programme. Between 1993 and 2000 each delegation made four stays in the other community. The twinning was funded by CIDA through the Federation of Canadian Municipalities, whose mission is to twin Canadian towns with municipalities in the South."),
		Start: "1993",
		End:   "2000",
		Timeline: []proximite.TimelineEvent{
			{Date: "1993", Kind: proximite.FirstContact,
				Title: proximite.T("fr", "Buckingham établit ses premiers liens de partenariat avec Nioro du Rip", "en", "Buckingham forms its first partnership ties with Nioro du Rip")},
			{Date: "2000", Kind: proximite.Ended,
				Title: proximite.T("fr", "Fin du projet de jumelage", "en", "The twinning project ends"),
				Description: proximite.T(
					"fr", "Entrepris sur deux ans, le projet aura duré près de sept ans (1993-2000).",
					"en", "Planned over two years, the project lasted nearly seven (1993–2000).")},
			{Date: "2002", Kind: proximite.Milestone,
				Title: proximite.T("fr", "Buckingham devient un secteur de la ville de Gatineau", "en", "Buckingham becomes a sector of the City of Gatineau"),
				Description: proximite.T(
					"fr", "Fusions municipales de 2002. La source note que la plupart des jumelages hérités des anciennes villes sont depuis en attente d'une évaluation, sans dire ce qu'il est advenu de celui-ci.",
					"en", "The 2002 municipal mergers. The source notes that most twinnings inherited from the former towns have since been awaiting an evaluation, without saying what became of this one.")},
		},
	}
}
