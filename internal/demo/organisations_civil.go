package demo

import proximite "github.com/proximite/proximite"

// civilSocietyOrganisations returns the Canadian and Québec civil society
// the seed names: international cooperation organisations (OCI) and their
// associations, the bridges (GESQ, INM), and the cooperative and farming
// movements' international arms.
//
// The CECI is named by its acronym only, as in the seed.
func civilSocietyOrganisations() []*proximite.Organisation {
	return []*proximite.Organisation{
		{
			Meta:        meta("aqoci", secCivilSociety, secState),
			Name:        proximite.T("fr", "Association québécoise des organismes de coopération internationale", "en", "Québec Association of International Cooperation Organisations"),
			Acronym:     "AQOCI",
			Kind:        proximite.Network,
			Country:     "CA",
			Subdivision: "QC",
			Description: proximite.T(
				"fr", "Regroupe la plupart des OCI du Québec ; interlocuteur privilégié des gouvernements provincial et fédéral, et partenaire important du MRI.",
				"en", "Brings together most of Québec's international cooperation organisations; a preferred interlocutor of the provincial and federal governments, and an important partner of the MRI."),
			Links: []proximite.OrgLink{memberOf("ccci")},
		},
		{
			Meta:    meta("ccci", secCivilSociety),
			Name:    proximite.T("fr", "Conseil canadien pour la coopération internationale", "en", "Canadian Council for International Co-operation"),
			Acronym: "CCCI",
			Kind:    proximite.Network,
			Country: "CA",
			Description: proximite.T(
				"fr", "Plusieurs OCI québécoises et l'AQOCI elle-même en font partie ; interlocuteur privilégié des gouvernements provincial et fédéral.",
				"en", "Several Québec international cooperation organisations and the AQOCI itself belong to it; a preferred interlocutor of the provincial and federal governments."),
		},
		{
			Meta:        meta("gesq", secCivilSociety, secROSI),
			Name:        proximite.T("fr", "Groupe d'économie solidaire du Québec", "en", "Québec Solidarity Economy Group"),
			Acronym:     "GESQ",
			Kind:        proximite.Network,
			Country:     "CA",
			Subdivision: "QC",
			Website:     "http://www.uqo.ca/ries2001",
			Description: proximite.T(
				"fr", "Passerelle qui, notamment par son université d'été, contribue à sensibiliser, à éduquer et à mettre en lien les personnes et organisations intéressées par la solidarité internationale et le développement de proximité ; pour plusieurs OCI, passerelle vers l'extérieur par son affiliation au RIPESS. La CRDC en est membre fondateur.",
				"en", "A bridge that, notably through its summer university, helps raise awareness, educate and connect the people and organisations interested in international solidarity and proximity development; for several international cooperation organisations, a bridge to the outside world through its affiliation with RIPESS. The CRDC is a founding member."),
			Links: []proximite.OrgLink{{Kind: proximite.MemberOf, Target: "ripess", Note: proximite.T("fr", "Affiliation.", "en", "Affiliation.")}},
		},
		{
			Meta:        meta("inm", secCivilSociety),
			Name:        proximite.T("fr", "Institut du Nouveau Monde", "en", "Institut du Nouveau Monde"),
			Acronym:     "INM",
			Kind:        proximite.NGO,
			Country:     "CA",
			Subdivision: "QC",
			Website:     "http://www.inm.qc.ca",
			Description: proximite.T(
				"fr", "Passerelle qui, notamment par son université d'été, contribue à sensibiliser, à éduquer et à mettre en lien les personnes et organisations intéressées par la solidarité internationale et le développement de proximité.",
				"en", "A bridge that, notably through its summer university, helps raise awareness, educate and connect the people and organisations interested in international solidarity and proximity development."),
		},
		{
			Meta:    meta("ceci", secCivilSociety),
			Name:    proximite.T("fr", "CECI", "en", "CECI"),
			Acronym: "CECI",
			Kind:    proximite.NGO,
			Country: "CA",
			Description: proximite.T(
				"fr", "Organisation non gouvernementale au mandat spécifique de coopération internationale (élaboration de programmes, projets à l'international, éducation du public, plaidoyer, défense des droits, volontariat), citée en exemple.",
				"en", "A non-governmental organisation with a specific international cooperation mandate (programme design, projects abroad, public education, advocacy, defence of rights, volunteering), cited as an example."),
		},
		{
			Meta:    meta("developpement-et-paix", secCivilSociety),
			Name:    proximite.T("fr", "Développement et Paix", "en", "Development and Peace"),
			Kind:    proximite.NGO,
			Country: "CA",
			Description: proximite.T(
				"fr", "Organisation non gouvernementale au mandat spécifique de coopération internationale (élaboration de programmes, projets à l'international, éducation du public, plaidoyer, défense des droits, volontariat), citée en exemple.",
				"en", "A non-governmental organisation with a specific international cooperation mandate (programme design, projects abroad, public education, advocacy, defence of rights, volunteering), cited as an example."),
		},
		{
			Meta:        meta("equiterre", secEquiterre),
			Name:        proximite.T("fr", "Équiterre", "en", "Équiterre"),
			Kind:        proximite.NGO,
			Country:     "CA",
			Subdivision: "QC",
			Description: proximite.T(
				"fr", "Organisation à but non lucratif qui promeut des choix écologiques et socialement équitables par l'action, l'éducation et la recherche, dans une perspective intégrant la justice sociale, la solidarité et la défense de l'environnement, au Québec et dans les pays du Sud avec lesquels elle est en réseau. Le commerce équitable, notamment du café, est son moyen de prédilection ; parmi les coopératives soutenues, des entreprises collectives du Mexique, de la Tanzanie et du Nicaragua.",
				"en", "A non-profit organisation that promotes ecological and socially fair choices through action, education and research, combining social justice, solidarity and environmental protection, in Québec and in the countries of the South with which it is networked. Fair trade, coffee in particular, is its favourite means; the cooperatives it supports include collective enterprises in Mexico, Tanzania and Nicaragua."),
		},
		{
			Meta:        meta("did", secCivilSociety, secCoops),
			Name:        proximite.T("fr", "Développement international Desjardins", "en", "Développement international Desjardins"),
			Acronym:     "DID",
			Kind:        proximite.Cooperative,
			Country:     "CA",
			Subdivision: "QC",
			Description: proximite.T(
				"fr", "Créé en 1970, prend en charge le volet de développement international de la finance communautaire au nom des membres, de l'ensemble des caisses et de la fédération Desjardins ; soutient le développement de mutuelles d'épargne et de crédit dans plus de 20 pays d'Amérique latine, d'Afrique et d'Asie.",
				"en", "Created in 1970, it carries the international development of community finance on behalf of the members, all the caisses and the federation of Desjardins; it supports savings and credit mutuals in more than 20 countries of Latin America, Africa and Asia."),
		},
		{
			Meta:        meta("caisse-economie-solidaire", secCoops),
			Name:        proximite.T("fr", "Caisse d'économie solidaire Desjardins", "en", "Caisse d'économie solidaire Desjardins (solidarity economy credit union)"),
			Kind:        proximite.Cooperative,
			Country:     "CA",
			Subdivision: "QC",
			Description: proximite.T(
				"fr", "Depuis les années 1990, dans la finance solidaire : initiatives d'insertion socioprofessionnelle (par exemple les jeunes de la rue du Cirque du Monde), reprises d'entreprises, filières de commerce équitable.",
				"en", "In solidarity finance since the 1990s: work-integration initiatives (for example the street youth of Cirque du Monde), business takeovers, fair-trade supply chains."),
		},
		{
			Meta:        meta("upa", secCivilSociety, secCoops),
			Name:        proximite.T("fr", "Union des producteurs agricoles", "en", "Union des producteurs agricoles (farmers' union)"),
			Acronym:     "UPA",
			Kind:        proximite.Union,
			Country:     "CA",
			Subdivision: "QC",
			Description: proximite.T(
				"fr", "Fait participer les agriculteurs du Québec aux efforts de solidarité internationale pour une autre mondialisation, par l'entremise de l'UPA Développement international, qu'elle a créée en 1993.",
				"en", "Involves Québec's farmers in international solidarity for another globalisation, through UPA Développement international, which it created in 1993."),
		},
		{
			Meta:        meta("upa-di", secCoops),
			Name:        proximite.T("fr", "UPA Développement international", "en", "UPA International Development"),
			Acronym:     "UPA DI",
			Kind:        proximite.NGO,
			Country:     "CA",
			Subdivision: "QC",
			Description: proximite.T(
				"fr", "Pratique la coopération de paysans à paysans avec une bonne trentaine d'organisations d'une quinzaine de pays d'Afrique, d'Amérique latine et d'Asie. Dans une perspective de développement durable et d'agriculture viable, elle valorise la commercialisation collective de produits agricoles par la mise sur pied de coopératives.",
				"en", "Practises farmer-to-farmer cooperation with some thirty organisations in about fifteen countries of Africa, Latin America and Asia. With sustainable development and viable agriculture in view, it promotes the collective marketing of farm products by setting up cooperatives."),
			Links: []proximite.OrgLink{{Kind: proximite.FoundedBy, Target: "upa", Since: "1993"}},
		},
		{
			Meta:        meta("socodevi", secCivilSociety, secCoops),
			Name:        proximite.T("fr", "Société de coopération pour le développement international", "en", "Society for International Cooperation and Development"),
			Acronym:     "SOCODEVI",
			Kind:        proximite.NGO,
			Country:     "CA",
			Subdivision: "QC",
			Description: proximite.T(
				"fr", "Relais international du mouvement coopératif et du Conseil de la coopération du Québec (CCQ). Depuis sa naissance en 1985, elle a accompagné quelque 325 projets, des ressources forestières au commerce équitable de produits agroalimentaires.",
				"en", "The international relay of the cooperative movement and of the Conseil de la coopération du Québec (CCQ). Since it was founded in 1985 it has supported some 325 projects, from forest resources to fair trade in agri-food products."),
		},
		{
			Meta:        meta("ccq", secCoops),
			Name:        proximite.T("fr", "Conseil de la coopération du Québec", "en", "Québec Council of Cooperation"),
			Acronym:     "CCQ",
			Kind:        proximite.Network,
			Country:     "CA",
			Subdivision: "QC",
			Description: proximite.T(
				"fr", "SOCODEVI est son relais international.",
				"en", "SOCODEVI is its international relay."),
		},
		{
			Meta:        meta("suco", secSanankoroba),
			Name:        proximite.T("fr", "SUCO (Solidarité, Union, Coopération)", "en", "SUCO (Solidarity, Union, Cooperation)"),
			Acronym:     "SUCO",
			Kind:        proximite.NGO,
			Country:     "CA",
			Subdivision: "QC",
			Description: proximite.T(
				"fr", "OCI québécoise, partenaire depuis 1993 du village de Sanankoroba, au Mali, puis des villages voisins de Douban, Koniobla, Digato et Fareintoumou. Elle étudie depuis peu la possibilité de réaliser des projets semblables dans des communes urbaines.",
				"en", "A Québec international cooperation organisation, partner since 1993 of the village of Sanankoroba, Mali, and then of the neighbouring villages of Douban, Koniobla, Digato and Fareintoumou. It has recently begun to study similar projects in urban communes."),
		},
		{
			Meta:    meta("jeunesse-canada-monde", secSanankoroba),
			Name:    proximite.T("fr", "Jeunesse Canada Monde", "en", "Canada World Youth"),
			Kind:    proximite.NGO,
			Country: "CA",
			Description: proximite.T(
				"fr", "C'est dans le cadre du projet Jeunesse Canada Monde qu'est né en 1984-1985 le jumelage de Sainte-Élisabeth et de Sanankoroba, pour un échange entre jeunes Québécois et jeunes Maliens.",
				"en", "The twinning of Sainte-Élisabeth and Sanankoroba was born in 1984–85 within the Canada World Youth project, for an exchange between young Quebecers and young Malians."),
		},
	}
}
