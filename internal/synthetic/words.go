package synthetic

// The vocabularies below give synthetic records the words real ones use,
// so that text queries match realistic fractions of the registry: "eau"
// a good tenth of the projects, "pêche" a few in a thousand. Weights are
// relative frequencies among projects' main themes.

// theme is a field of cooperation with its words in French and English
// and the DAC 5-digit sectors a project about it is coded with.
type theme struct {
	fr, en  string
	sectors []string
	weight  int
}

var themes = []theme{
	{"eau potable", "drinking water", []string{"14030", "14031"}, 8},
	{"assainissement", "sanitation", []string{"14032", "14022"}, 4},
	{"alphabétisation", "literacy", []string{"11230", "11231"}, 8},
	{"éducation primaire", "primary education", []string{"11220"}, 6},
	{"petite enfance", "early childhood", []string{"11240"}, 2},
	{"formation professionnelle", "vocational training", []string{"11330"}, 5},
	{"microcrédit", "microcredit", []string{"24040"}, 5},
	{"santé maternelle", "maternal health", []string{"13020", "12220"}, 6},
	{"soins de santé de base", "basic health care", []string{"12220", "12191"}, 4},
	{"nutrition des enfants", "child nutrition", []string{"12240"}, 3},
	{"santé communautaire", "community health", []string{"12261", "12220"}, 3},
	{"gouvernance locale", "local governance", []string{"15112", "15150"}, 7},
	{"état civil", "civil registration", []string{"15110"}, 2},
	{"droits de la personne", "human rights", []string{"15160"}, 2},
	{"égalité entre les femmes et les hommes", "gender equality", []string{"15170"}, 4},
	{"sécurité alimentaire", "food security", []string{"43072", "31161"}, 6},
	{"agriculture familiale", "family farming", []string{"31120", "31161"}, 6},
	{"coopératives agricoles", "agricultural cooperatives", []string{"31194"}, 4},
	{"irrigation maraîchère", "market-garden irrigation", []string{"31140"}, 3},
	{"commerce équitable", "fair trade", []string{"32130", "33130"}, 2},
	{"gestion des déchets", "waste management", []string{"14050"}, 3},
	{"énergie solaire", "solar energy", []string{"23230"}, 2},
	{"reboisement", "reforestation", []string{"31220", "41030"}, 3},
	{"protection de l'environnement", "environmental protection", []string{"41010"}, 3},
	{"emploi des jeunes", "youth employment", []string{"16020"}, 4},
	{"culture et patrimoine", "culture and heritage", []string{"16061"}, 2},
	{"développement urbain", "urban development", []string{"43030"}, 2},
	{"développement rural", "rural development", []string{"43040"}, 4},
	{"logement", "housing", []string{"16030"}, 1},
	{"reconstruction", "reconstruction", []string{"73010"}, 1},
	{"pêche artisanale", "small-scale fisheries", []string{"31320"}, 1},
	{"radio communautaire", "community radio", []string{"22030"}, 1},
}

// projectForms are how titles name the work on a theme at a place, in
// French and English; %[1]s is the theme, %[2]s the place.
var projectForms = [][2]string{
	{"Projet %[1]s à %[2]s", "%[1]s project in %[2]s"},
	{"Appui à %[1]s à %[2]s", "Support for %[1]s in %[2]s"},
	{"%[1]s : renforcement des capacités à %[2]s", "%[1]s: capacity building in %[2]s"},
	{"Programme %[1]s dans la commune de %[2]s", "%[1]s programme in the commune of %[2]s"},
	{"%[1]s pour les femmes de %[2]s", "%[1]s for the women of %[2]s"},
	{"%[1]s et jeunesse à %[2]s", "%[1]s and youth in %[2]s"},
	{"Initiative %[1]s — %[2]s", "%[1]s initiative — %[2]s"},
}

// objectives finish a description's sentence in both languages.
var objectives = [][2]string{
	{"renforcer les capacités des comités locaux", "strengthen the capacity of local committees"},
	{"améliorer l'accès des familles aux services de base", "improve families' access to basic services"},
	{"former des animatrices et des animateurs villageois", "train village facilitators"},
	{"soutenir l'autonomie économique des femmes", "support women's economic autonomy"},
	{"associer les élus et les services municipaux", "involve elected officials and municipal services"},
	{"outiller les associations de jeunes", "equip youth associations"},
	{"partager l'expertise des employés municipaux", "share the expertise of municipal staff"},
	{"consolider l'amitié entre les deux communautés", "strengthen the friendship between both communities"},
	{"mettre en place une gestion transparente des fonds", "set up transparent management of funds"},
	{"sensibiliser la population d'ici à la solidarité internationale", "raise awareness of international solidarity at home"},
}

// southCountries are the partner countries, weighted the way Québec's
// proximity cooperation leans: francophone West Africa first, then Haiti,
// Central Africa, Madagascar and Latin America. Each has a bounding box
// for coordinates and the syllable set its place names are made from.
type country struct {
	code           string
	weight         int
	latMin, latMax float64
	lonMin, lonMax float64
	names          *syllables
	communeFR      string // how a local government is called
}

var southCountries = []country{
	{"ML", 16, 11, 16, -11, -1, &sahel, "Commune de"},
	{"SN", 12, 12.5, 16.5, -17, -12, &sahel, "Commune de"},
	{"BF", 12, 10, 14.5, -5, 2, &sahel, "Commune de"},
	{"HT", 9, 18, 20, -74, -72, &haiti, "Commune de"},
	{"BJ", 6, 6.5, 11.5, 1, 3.5, &sahel, "Commune de"},
	{"CM", 5, 2.5, 12, 9, 16, &bantu, "Commune de"},
	{"NE", 4, 13, 17, 1, 12, &sahel, "Commune de"},
	{"TG", 3, 6.2, 11, 0, 1.7, &sahel, "Commune de"},
	{"GN", 3, 7.5, 12.5, -15, -8, &sahel, "Commune de"},
	{"CI", 3, 5, 10, -8, -3, &sahel, "Commune de"},
	{"CD", 4, -12, 4, 13, 30, &bantu, "Commune de"},
	{"RW", 2, -2.8, -1.1, 29, 30.8, &bantu, "District de"},
	{"BI", 2, -4.4, -2.4, 29, 30.8, &bantu, "Commune de"},
	{"MG", 4, -25, -12, 43, 50, &malagasy, "Commune de"},
	{"PE", 4, -17, -4, -80, -70, &andes, "Municipalité de"},
	{"BO", 3, -22, -10, -68, -58, &andes, "Municipalité de"},
	{"NI", 3, 11, 14.5, -87, -84, &andes, "Municipalité de"},
	{"HN", 2, 13, 16, -89, -84, &andes, "Municipalité de"},
	{"GT", 2, 14, 17.5, -92, -88.5, &andes, "Municipalité de"},
	{"EC", 1, -4, 1, -80, -75.5, &andes, "Municipalité de"},
}

// surnames are common Québec family names, for foundations and firms.
var surnames = []string{"Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie",
	"Fortin", "Gagné", "Ouellet", "Pelletier", "Bélanger", "Lévesque", "Bergeron", "Leblanc", "Paquette",
	"Girard", "Simard", "Boucher", "Caron", "Beaulieu", "Cloutier", "Dubé", "Poirier", "Fournier", "Lapointe"}

// groupWords are names village associations give themselves: "harmony",
// "hope", "unity" in Bambara, Wolof, Mooré, Fon, Malagasy, Quechua.
var groupWords = []string{"Benkadi", "Jigiya", "Teriya", "Sabati", "Dimbaya", "Jamm", "Liggéey", "Kawral",
	"Nongtaaba", "Wend-Panga", "Nabonswendé", "Mahoussi", "Fifamè", "Fanantenana", "Firaisana", "Ayni",
	"Minka", "Konbit", "Lespwa", "Tèt Ansanm", "Umoja", "Twiyubake"}

// quebecRegions name federations, networks and agencies.
var quebecRegions = []string{"Outaouais", "Estrie", "Mauricie", "Montérégie", "Laurentides", "Lanaudière",
	"Bas-Saint-Laurent", "Saguenay–Lac-Saint-Jean", "Abitibi-Témiscamingue", "Gaspésie", "Côte-Nord",
	"Chaudière-Appalaches", "Centre-du-Québec", "Capitale-Nationale", "Laval"}

// visitPurposes say why a delegation travelled, in both languages.
var visitPurposes = [][2]string{
	{"Signature de l'entente de jumelage", "Signing of the twinning agreement"},
	{"Suivi des projets en cours", "Follow-up of ongoing projects"},
	{"Échange d'expertise municipale", "Exchange of municipal expertise"},
	{"Stage d'initiation à la coopération internationale", "Introductory internship in international cooperation"},
	{"Évaluation à mi-parcours", "Mid-term evaluation"},
	{"Participation aux fêtes de l'amitié", "Taking part in the friendship festival"},
	{"Formation des élus locaux", "Training of local elected officials"},
	{"Visite des réalisations", "Visit of the achievements"},
}

// resultWords name the outputs projects report.
var resultWords = [][2]string{
	{"Personnes formées", "People trained"},
	{"Ménages desservis", "Households served"},
	{"Comités mis en place", "Committees set up"},
	{"Femmes bénéficiaires de crédit", "Women receiving credit"},
	{"Classes construites ou rénovées", "Classrooms built or renovated"},
}
