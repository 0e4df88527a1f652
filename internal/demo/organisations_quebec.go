package demo

import proximite "github.com/proximite/proximite"

// quebecOrganisations returns the Québec towns the seed names outside the
// Outaouais, the municipal federations of Canada and Québec, and the two
// governments' agencies.
//
// Websites are those the seed gives (2007); some have since moved.
func quebecOrganisations() []*proximite.Organisation {
	return []*proximite.Organisation{
		{
			Meta:        meta("sainte-elisabeth", secSanankoroba),
			Name:        proximite.T("fr", "Sainte-Élisabeth", "en", "Sainte-Élisabeth"),
			Kind:        proximite.Municipality,
			Country:     "CA",
			Subdivision: "QC",
			Locality:    "Sainte-Élisabeth",
			Point:       at(46.09, -73.35),
			Description: proximite.T(
				"fr", "Village de Lanaudière (écrit aussi Sainte-Élizabeth), jumelé depuis 1984-1985 avec le village de Sanankoroba, au Mali. La communauté finance ses projets grâce à l'appui de la Fédération canadienne des municipalités, et un champ collectif à Sainte-Élisabeth rapporte chaque année des revenus qui servent à développer d'autres projets.",
				"en", "A village in Lanaudière (also spelt Sainte-Élizabeth), twinned since 1984–85 with the village of Sanankoroba, Mali. The community funds its projects with the support of the Federation of Canadian Municipalities, and a collective field in Sainte-Élisabeth brings in a yearly income that is used to develop further projects."),
		},
		{
			Meta:        meta("des-mains-pour-demain", secSanankoroba),
			Name:        proximite.T("fr", "Comité Des mains pour demain", "en", "Des mains pour demain committee (Hands for Tomorrow)"),
			Kind:        proximite.CommunityGroup,
			Country:     "CA",
			Subdivision: "QC",
			Locality:    "Sainte-Élisabeth",
			Description: proximite.T(
				"fr", "Comité qui se charge, du côté québécois, du jumelage de Sainte-Élisabeth avec Sanankoroba.",
				"en", "The committee that runs, on the Québec side, the twinning of Sainte-Élisabeth with Sanankoroba."),
		},
		{
			Meta:        meta("ville-de-quebec", secPretexts),
			Name:        proximite.T("fr", "Ville de Québec", "en", "Québec City"),
			Kind:        proximite.Municipality,
			Country:     "CA",
			Subdivision: "QC",
			Locality:    "Québec",
			Point:       at(46.81, -71.21),
			Website:     "http://www.ville.quebec.qc.ca",
			Description: proximite.T(
				"fr", "Parmi les grandes villes promptes à se doter de lignes de conduite claires, elle s'est empressée de mettre sur pied, sous la gouverne du maire Lallier, un commissariat international, et a choisi de maintenir des partenariats Nord-Sud avec le Burkina Faso et le Vietnam en y impliquant les arrondissements. La mairesse Boucher accordait une importance stratégique aux engagements qui liaient la ville aux associations internationales. Membre fondateur de l'Association internationale des maires francophones (AIMF).",
				"en", "One of the large cities that were quick to adopt clear guidelines: under Mayor Lallier it promptly set up an international office, and chose to keep North–South partnerships with Burkina Faso and Vietnam, involving its boroughs. Mayor Boucher gave strategic importance to the city's commitments to international associations. A founding member of the International Association of Francophone Mayors (AIMF)."),
			Links: []proximite.OrgLink{{Kind: proximite.MemberOf, Target: "aimf", Note: proximite.T("fr", "Membre fondateur.", "en", "Founding member.")}},
		},
		{
			Meta:        meta("granby", secGranby),
			Name:        proximite.T("fr", "Ville de Granby", "en", "City of Granby"),
			Kind:        proximite.Municipality,
			Country:     "CA",
			Subdivision: "QC",
			Locality:    "Granby",
			Point:       at(45.40, -72.73),
			Description: proximite.T(
				"fr", "Au Québec, c'est à la Ville de Granby que revient l'honneur d'avoir signé la première entente de jumelage, en 1957.",
				"en", "In Québec, the honour of signing the first twinning agreement goes to the City of Granby, in 1957."),
		},
		{
			Meta:        meta("montreal", secPretexts),
			Name:        proximite.T("fr", "Ville de Montréal", "en", "City of Montréal"),
			Kind:        proximite.Municipality,
			Country:     "CA",
			Subdivision: "QC",
			Locality:    "Montréal",
			Point:       at(45.50, -73.57),
			Description: proximite.T(
				"fr", "Au décès de la mairesse Boucher de Québec, le maire Tremblay a fait état de l'importance stratégique que son propre conseil accordait aux engagements qui liaient Montréal aux associations internationales.",
				"en", "On the death of Mayor Boucher of Québec City, Mayor Tremblay spoke of the strategic importance his own council gave to Montréal's commitments to international associations."),
		},
		{
			Meta:    meta("fcm", secLocal, secState),
			Name:    proximite.T("fr", "Fédération canadienne des municipalités", "en", "Federation of Canadian Municipalities"),
			Acronym: "FCM",
			Kind:    proximite.MunicipalFederation,
			Country: "CA",
			Website: "http://www.fcm.ca",
			Description: proximite.T(
				"fr", "Voix nationale des gouvernements municipaux depuis 1901 : plus de 1 600 membres, grandes villes et petites collectivités urbaines et rurales, ainsi que 18 associations provinciales et territoriales de municipalités. Mandatée par ses membres en 1987 pour les représenter à l'échelle internationale, interlocutrice privilégiée de l'ACDI pour la coopération municipale et maître d'œuvre de son programme de partenariats municipaux, elle est devenue la clé de voûte de la solidarité Nord-Sud pour le monde municipal canadien.",
				"en", "The national voice of municipal governments since 1901: more than 1,600 members, large cities and small urban and rural communities, and 18 provincial and territorial associations of municipalities. Mandated by its members in 1987 to represent them internationally, CIDA's preferred partner for municipal cooperation and the agent of its municipal partnership programme, it has become the keystone of North–South solidarity for Canadian municipalities."),
		},
		{
			Meta:        meta("umq", secProvincial),
			Name:        proximite.T("fr", "Union des municipalités du Québec", "en", "Union of Québec Municipalities"),
			Acronym:     "UMQ",
			Kind:        proximite.MunicipalFederation,
			Country:     "CA",
			Subdivision: "QC",
			Website:     "http://www.umq.qc.ca",
			Description: proximite.T(
				"fr", "Mise sur pied en 1919, engagée dans la solidarité internationale depuis 1995. Ses partenariats, en partie financés par la FCM, partagent une expertise de 88 ans de pratique pour consolider et améliorer la prestation de services aux populations ; elle veille à y impliquer les municipalités et les élus québécois.",
				"en", "Founded in 1919, engaged in international solidarity since 1995. Its partnerships, partly funded by the FCM, share 88 years of experience in order to consolidate and improve services to the population; it makes a point of involving Québec municipalities and elected officials in them."),
		},
		{
			Meta:        meta("fqm", secProvincial),
			Name:        proximite.T("fr", "Fédération québécoise des municipalités", "en", "Québec Federation of Municipalities"),
			Acronym:     "FQM",
			Kind:        proximite.MunicipalFederation,
			Country:     "CA",
			Subdivision: "QC",
			Website:     "http://www.fqm.ca",
			Description: proximite.T(
				"fr", "Créée en 1944. Selon les documents disponibles, elle n'a pour l'instant aucun programme défini ni ressources dévouées à la solidarité internationale.",
				"en", "Founded in 1944. According to the available documents, it has so far no defined programme and no resources devoted to international solidarity."),
		},
		{
			Meta:    meta("acdi", secState),
			Name:    proximite.T("fr", "Agence canadienne de développement international", "en", "Canadian International Development Agency (CIDA)"),
			Acronym: "ACDI",
			Kind:    proximite.GovernmentAgency,
			Country: "CA",
			Website: "http://www.acdi-cida.gc.ca",
			Description: proximite.T(
				"fr", "Organisme responsable de l'aide internationale au développement pour le Canada, à qui le gouvernement fédéral confie le mandat de la solidarité internationale. Elle agit par des programmes géographiques (aide bilatérale), des programmes multilatéraux et des programmes de partenariat canadien ; c'est dans le cadre de ces derniers qu'elle travaille avec la FCM, son relais auprès du monde municipal.",
				"en", "The body responsible for Canada's international development assistance, to which the federal government entrusts international solidarity. It works through geographic programmes (bilateral aid), multilateral programmes and Canadian partnership programmes; it is within the latter that it works with the FCM, its relay to the municipal world."),
		},
		{
			Meta:        meta("mri", secState),
			Name:        proximite.T("fr", "Ministère des Relations internationales du Québec", "en", "Québec Ministry of International Relations"),
			Acronym:     "MRI",
			Kind:        proximite.GovernmentAgency,
			Country:     "CA",
			Subdivision: "QC",
			Website:     "http://www.mri.gouv.qc.ca",
			Description: proximite.T(
				"fr", "Le Québec est la seule province canadienne dotée d'un ministère dédié exclusivement à ses relations avec l'étranger. Le MRI n'a pas de programme particulier pour la coopération intermunicipale, sinon par le biais de l'AIMF à laquelle il adhère ; depuis 1997, il appuie les organisations de coopération internationale, pour la plupart représentées à l'AQOCI, un partenaire important, à travers quatre programmes.",
				"en", "Québec is the only Canadian province with a ministry devoted solely to its relations abroad. The MRI has no particular programme for inter-municipal cooperation other than through the AIMF, of which it is a member; since 1997 it has supported international cooperation organisations, most of them represented in the AQOCI, an important partner, through four programmes."),
			Links: []proximite.OrgLink{memberOf("aimf")},
		},
	}
}
