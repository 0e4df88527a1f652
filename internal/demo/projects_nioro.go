package demo

import proximite "github.com/proximite/proximite"

// nioroProjects returns the three achievements of the Buckingham–Nioro du
// Rip twinning. The seed places them between 1993 and 2000 without dating
// each one, so their own dates stay empty and the period is in the
// description; they are closed because the twinning project ended in 2000.
// The seed gives no amounts for them.
func nioroProjects() []*proximite.Project {
	return []*proximite.Project{
		nioroProject("nioro-du-rip-informatisation",
			proximite.T("fr", "Informatisation des services municipaux de Nioro du Rip", "en", "Computerising the municipal services of Nioro du Rip"),
			proximite.T(
				"fr", "Réalisation du jumelage de Buckingham et de Nioro du Rip, entre 1993 et 2000 : l'informatisation des services municipaux de la commune. Parmi les priorités retenues par les délégués figurait la formation des fonctionnaires municipaux.",
				"en", "An achievement of the Buckingham–Nioro du Rip twinning between 1993 and 2000: the computerisation of the commune's municipal services. The priorities chosen by the delegates included training municipal officials."),
			[]proximite.SectorShare{sector("15112"), sector("22040")},
			[]proximite.Participant{participant("buckingham", roleAccountable), participant("nioro-du-rip", roleImplementing)},
			[]proximite.Result{output("Services municipaux de Nioro du Rip informatisés", "Municipal services of Nioro du Rip computerised")},
			nil),
		nioroProject("nioro-du-rip-obstetrique",
			proximite.T("fr", "Programme en obstétrique à Nioro du Rip", "en", "Obstetrics programme in Nioro du Rip"),
			proximite.T(
				"fr", "Réalisation du jumelage de Buckingham et de Nioro du Rip, entre 1993 et 2000, répondant à la priorité donnée à l'amélioration des soins de santé : des intervenants du CLSC et du Centre hospitalier de Buckingham se sont engagés en se rendant sur place pour concevoir un programme en obstétrique.",
				"en", "An achievement of the Buckingham–Nioro du Rip twinning between 1993 and 2000, answering the priority given to better health care: health workers of the Buckingham CLSC and hospital went there to design an obstetrics programme."),
			[]proximite.SectorShare{sector("13020")},
			[]proximite.Participant{
				participant("buckingham", roleAccountable),
				participant("clsc-buckingham", roleImplementing),
				participant("ch-buckingham", roleImplementing),
				participant("nioro-du-rip", roleImplementing),
			},
			[]proximite.Result{output("Programme en obstétrique conçu sur place", "An obstetrics programme designed on site")},
			[]proximite.InKind{healthWorkers("clsc-buckingham", "du CLSC de Buckingham", "of the Buckingham CLSC"),
				healthWorkers("ch-buckingham", "du Centre hospitalier de Buckingham", "of the Buckingham Hospital Centre")}),
		nioroProject("nioro-du-rip-collecte-ordures",
			proximite.T("fr", "Système de collecte des ordures à Nioro du Rip", "en", "Refuse collection system in Nioro du Rip"),
			proximite.T(
				"fr", "Réalisation du jumelage de Buckingham et de Nioro du Rip, entre 1993 et 2000, répondant à la priorité donnée à la planification d'un programme de gestion des déchets : la mise sur pied d'un système de collecte des ordures par lequel dix charrettes hippomobiles tirées par des ânes ont été construites afin de recueillir les déchets, deux fois par semaine, dans l'ensemble de la commune. Ce projet emploie plus de 40 personnes.",
				"en", "An achievement of the Buckingham–Nioro du Rip twinning between 1993 and 2000, answering the priority given to planning waste management: a refuse collection system for which ten donkey-drawn carts were built to collect waste twice a week throughout the commune. The project employs more than 40 people."),
			[]proximite.SectorShare{sector("14050")},
			[]proximite.Participant{participant("buckingham", roleAccountable), participant("nioro-du-rip", roleImplementing)},
			[]proximite.Result{
				{Type: "1", Title: proximite.T("fr", "Dix charrettes tirées par des ânes construites", "en", "Ten donkey-drawn carts built"),
					Indicators: []proximite.Indicator{{Title: proximite.T("fr", "Charrettes construites", "en", "Carts built"), Measure: "1", Actual: "10"}}},
				outcome("Collecte des déchets deux fois par semaine dans l'ensemble de la commune", "Waste collected twice a week throughout the commune"),
				{Type: "2", Title: proximite.T("fr", "Plus de 40 personnes employées", "en", "More than 40 people employed"),
					Indicators: []proximite.Indicator{{Title: proximite.T("fr", "Personnes employées", "en", "People employed"), Actual: "plus de 40"}}},
			},
			nil),
	}
}

// nioroProject returns one project of the twinning with what the three
// share: CIDA's funding through the FCM's municipal partnerships, the
// place, the partnership and the status.
func nioroProject(slug string, title, desc proximite.Text, sectors []proximite.SectorShare,
	parts []proximite.Participant, results []proximite.Result, inKind []proximite.InKind) *proximite.Project {
	return &proximite.Project{
		Meta:        meta(slug, secBuckingham),
		Title:       title,
		Description: desc,
		Status:      "4",
		Participants: append([]proximite.Participant{
			participant("acdi", roleFunding),
			participant("fcm", roleExtending),
		}, parts...),
		Sectors:   sectors,
		Countries: []proximite.CountryShare{country("SN")},
		Locations: []proximite.Location{{
			Name: proximite.T("fr", "Nioro du Rip", "en", "Nioro du Rip"), Country: "SN", Point: at(13.75, -15.80),
		}},
		Results:     results,
		InKind:      inKind,
		Partnership: "jumelage-buckingham-nioro-du-rip",
		Programme:   "fcm-partenariats-municipaux",
	}
}

// healthWorkers records the time of the health workers who went to Nioro
// du Rip; the seed says neither how many nor for how long.
func healthWorkers(org, fr, en string) proximite.InKind {
	return proximite.InKind{Org: org, Kind: "expert_days",
		Description: proximite.T(
			"fr", "Des intervenants "+fr+" se sont rendus sur place pour concevoir le programme ; leur nombre et la durée de leur séjour ne sont pas consignés.",
			"en", "Health workers "+en+" went on site to design the programme; their number and the length of their stay are not recorded.")}
}
