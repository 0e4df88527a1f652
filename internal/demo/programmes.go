package demo

import proximite "github.com/proximite/proximite"

// programmes returns the funding channels the seed describes: the FCM's
// municipal partnerships, the federal agency's programmes and the four
// programmes of the Québec ministry.
func programmes() []*proximite.Programme {
	return []*proximite.Programme{
		{
			Meta:   meta("fcm-partenariats-municipaux", secOrigins, secLocal),
			Name:   proximite.T("fr", "Programme de partenariats municipaux de la FCM", "en", "FCM Municipal Partnership Program"),
			Funder: "fcm",
			Description: proximite.T(
				"fr", "Forme de coopération internationale à l'échelle municipale créée en 1987 par la FCM, maître d'œuvre de l'ACDI. Le programme établit des relations de longue durée entre des municipalités canadiennes et des administrations locales à l'étranger ayant des mandats et des objectifs semblables, pour partager entre homologues des connaissances et des expertises techniques sur des aspects précis des responsabilités municipales : renforcement des capacités, lutte contre les problèmes de développement social (notamment l'égalité entre les hommes et les femmes, l'environnement et le bien-être économique), amélioration des cadres juridiques et réglementaires. Contrairement au jumelage axé sur les liens culturels, il met l'accent sur l'aide technique dans des secteurs précis. Depuis 1987, la FCM a mobilisé plus de 200 municipalités et 1 500 experts municipaux dans des projets de développement international dans une vingtaine de pays d'Asie, d'Afrique, d'Amérique latine et du Moyen-Orient ; en 2006-2007, 100 municipalités canadiennes ont travaillé avec plus de 140 gouvernements municipaux partenaires et plus de 40 associations nationales et régionales de municipalités.",
				"en", "A form of international cooperation at the municipal level created in 1987 by the FCM, acting for CIDA. The programme builds long-term relationships between Canadian municipalities and local administrations abroad with similar mandates and objectives, so that peers share knowledge and technical expertise on specific municipal responsibilities: capacity building, tackling social development problems (notably gender equality, the environment and economic well-being), and better legal and regulatory frameworks. Unlike town twinning focused on cultural ties, it puts the emphasis on technical assistance in specific sectors. Since 1987 the FCM has mobilised more than 200 municipalities and 1,500 municipal experts in international development projects in some twenty countries of Asia, Africa, Latin America and the Middle East; in 2006–07, 100 Canadian municipalities worked with more than 140 partner municipal governments and more than 40 national and regional associations of municipalities."),
			Covers:   []string{"transport", "lodging", "per_diem"},
			Eligible: []proximite.OrgKind{proximite.Municipality, proximite.MunicipalFederation},
			Eligibility: proximite.T(
				"fr", "Municipalités et associations de municipalités canadiennes. La FCM couvre les coûts directs (transport, hébergement, per diem) ; la municipalité ou l'association contribue le temps de travail des employés qui participent aux missions, la participation étant d'ordre bénévole.",
				"en", "Canadian municipalities and associations of municipalities. The FCM covers the direct costs (transport, lodging, per diem); the municipality or association contributes the working time of the employees who take part in the missions, participation being voluntary."),
			Duration:          proximite.T("fr", "De deux à trois ans, renouvelable.", "en", "Two to three years, renewable."),
			DurationMonthsMin: 24,
			DurationMonthsMax: 36,
			Start:             "1987",
			Envelopes: []proximite.Envelope{{
				Period: "2006-2007",
				Value:  proximite.Money{Amount: 11500000, Currency: "CAD"},
				Note: proximite.T(
					"fr", "Près de 11 500 000 $ dont la FCM disposait pour l'ensemble de ses projets internationaux (Rapport d'activités 2007 de la FCM, p. 31).",
					"en", "Nearly $11,500,000 available to the FCM for all its international projects (FCM 2007 activity report, p. 31)."),
			}},
		},
		{
			Meta:   meta("acdi-partenariat-canadien", secState),
			Name:   proximite.T("fr", "Programmes de partenariat canadien de l'ACDI", "en", "CIDA Canadian Partnership programmes"),
			Funder: "acdi",
			Description: proximite.T(
				"fr", "Contribuent aux initiatives de coopération internationale conçues et mises en œuvre par les organismes canadiens des secteurs privé et bénévole, avant tout pour soutenir les partenariats Nord-Sud et promouvoir le renforcement des capacités de la société civile. Ils représentent près de 10 % du budget total de l'agence. C'est dans ce cadre que l'ACDI travaille avec la FCM, son relais auprès du monde municipal, pour la coopération municipale à l'échelle internationale.",
				"en", "Contribute to international cooperation initiatives designed and carried out by Canadian private and voluntary-sector organisations, above all to support North–South partnerships and to strengthen the capacity of civil society. They account for nearly 10% of the agency's total budget. It is within them that CIDA works with the FCM, its relay to the municipal world, on international municipal cooperation."),
			Eligible: []proximite.OrgKind{proximite.NGO, proximite.Academic, proximite.Union,
				proximite.Cooperative, proximite.CommunityGroup, proximite.Enterprise},
			Eligibility: proximite.T(
				"fr", "Organismes canadiens des secteurs privé et bénévole : organismes non gouvernementaux, établissements d'enseignement, associations professionnelles, coopératives, organisations de jeunes et entreprises. Les actions doivent s'inscrire dans les secteurs prioritaires de l'ACDI : santé, gouvernance, secours d'urgence, développement du secteur privé, éducation et environnement.",
				"en", "Canadian private and voluntary-sector organisations: non-governmental organisations, educational institutions, professional associations, cooperatives, youth organisations and businesses. Actions must fall within CIDA's priority sectors: health, governance, emergency relief, private sector development, education and the environment."),
			// CIDA's priority sectors as DAC categories: health (121),
			// governance (151), emergency relief (720), private sector
			// development (250), education (111), environment (410).
			Sectors: []string{"121", "151", "720", "250", "111", "410"},
			Website: "http://www.acdi-cida.gc.ca",
		},
		{
			Meta:   meta("acdi-programmes-geographiques", secState),
			Name:   proximite.T("fr", "Programmes géographiques de l'ACDI", "en", "CIDA geographic programmes"),
			Funder: "acdi",
			Description: proximite.T(
				"fr", "Financent de nombreux programmes et projets dans plusieurs pays et appuient directement certains gouvernements de pays en développement (aide bilatérale).",
				"en", "Fund many programmes and projects in several countries and directly support some governments of developing countries (bilateral aid)."),
		},
		{
			Meta:   meta("acdi-programmes-multilateraux", secState),
			Name:   proximite.T("fr", "Programmes multilatéraux de l'ACDI", "en", "CIDA multilateral programmes"),
			Funder: "acdi",
			Description: proximite.T(
				"fr", "Renforcent la capacité et l'efficacité des organisations multilatérales, par exemple diverses organisations des Nations Unies, dans leurs missions de réduction de la pauvreté et d'atteinte des Objectifs du millénaire.",
				"en", "Strengthen the capacity and effectiveness of multilateral organisations, for example various United Nations organisations, in their work to reduce poverty and reach the Millennium Development Goals."),
			Eligible: []proximite.OrgKind{proximite.Multilateral},
		},
		mriProgramme("mri-pqdi",
			"Programme québécois de développement international", "Québec International Development Program", nil, nil),
		mriProgramme("mri-quebec-sans-frontieres",
			"Programme Québec sans frontières", "Québec Without Borders Program", nil, nil),
		mriProgramme("mri-sensibilisation",
			"Programme de sensibilisation au public", "Public Awareness Program",
			[]string{"awareness"}, []string{"99820"}),
		mriProgramme("mri-mission-education",
			"Programme d'appui à la mission d'éducation des organisations de coopération internationale",
			"Program in Support of the Educational Mission of International Cooperation Organisations",
			[]string{"education"}, []string{"99820"}),
	}
}

// mriProgramme returns one of the four programmes of the Québec ministry.
// The seed gives their total funding over 1996–2005 but not its split, so
// the total is stated in each description rather than divided into
// envelopes.
func mriProgramme(slug, nameFR, nameEN string, covers, sectors []string) *proximite.Programme {
	return &proximite.Programme{
		Meta:   meta(slug, secState),
		Name:   proximite.T("fr", nameFR, "en", nameEN),
		Funder: "mri",
		Description: proximite.T(
			"fr", "L'un des quatre programmes par lesquels le ministère des Relations internationales du Québec réalise, depuis 1997, son mandat d'appui aux organisations de coopération internationale (OCI), pour la plupart représentées à l'AQOCI. Ensemble, les quatre programmes (Programme québécois de développement international, Québec sans frontières, sensibilisation au public, appui à la mission d'éducation des OCI) ont bénéficié d'un financement total de 45 673 761 $ durant la période 1996-2005 (Le Québec au cœur du monde, 2005) ; la source n'en donne pas la répartition.",
			"en", "One of the four programmes through which the Québec Ministry of International Relations has carried out, since 1997, its mandate to support international cooperation organisations, most of them represented in the AQOCI. Together, the four programmes (Québec International Development Program, Québec Without Borders, public awareness, support to the educational mission of the organisations) received a total of $45,673,761 over 1996–2005 (Le Québec au cœur du monde, 2005); the source does not say how it was split between them."),
		Covers:   covers,
		Eligible: []proximite.OrgKind{proximite.NGO},
		Sectors:  sectors,
		Website:  "http://www.mri.gouv.qc.ca",
	}
}
