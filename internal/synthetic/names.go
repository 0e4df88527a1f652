package synthetic

import (
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"
)

// syllables makes place names that sound like a region's: a few
// syllables joined, and now and then a pattern such as "X du Y".
type syllables struct {
	first, middle, last []string
	patterns            []string // %s stands for a generated word
}

var sahel = syllables{
	first:    []string{"Sa", "Ba", "Ko", "Ni", "Dou", "Ma", "Fa", "Ka", "Ta", "Bou", "Sé", "Ya", "Ndi", "Mbo", "Ti", "Ga", "Dia", "Kou", "Zi", "Ou"},
	middle:   []string{"nan", "ko", "ro", "ba", "ma", "ri", "lé", "gou", "na", "di", "ka", "ssa", "lo", "mé", "ya"},
	last:     []string{"ba", "ro", "ko", "ra", "dougou", "bougou", "né", "kro", "ga", "lé", "ni", "go", "da", "ye", "rip"},
	patterns: []string{"%s", "%s", "%s", "%s", "%s du Rip", "Ngor %s", "%s-Sud", "Keur %s"},
}

var bantu = syllables{
	first:    []string{"Ki", "Ma", "Lu", "Bu", "Nya", "Ru", "Ka", "Mbe", "Ga", "Ba", "Yo", "Ngo", "Bi"},
	middle:   []string{"sa", "nga", "lu", "mba", "ka", "ru", "bu", "ta", "ko", "ye", "wa"},
	last:     []string{"la", "ngo", "ra", "mbi", "ni", "ke", "ba", "sha", "lo", "de", "ndé"},
	patterns: []string{"%s", "%s", "%s", "%s-Centre", "Mont-%s"},
}

var malagasy = syllables{
	first:    []string{"Ambo", "Anta", "Ma", "Fia", "Ampa", "Ando", "Tsia", "Ara", "Vohi"},
	middle:   []string{"hi", "tsi", "mana", "dra", "no", "fa", "ra", "vo", "tra", "la"},
	last:     []string{"na", "vy", "tra", "ko", "ny", "rivo", "hely", "be"},
	patterns: []string{"%s", "%s", "%s", "%s-Atsimo", "%s-Avaratra"},
}

var andes = syllables{
	first:    []string{"Hua", "Chu", "Pa", "Qui", "Ya", "Co", "Ma", "Ta", "Ayo", "Cha", "Po"},
	middle:   []string{"ca", "pa", "chi", "ta", "ma", "yu", "ran", "lla", "qui", "cu", "ri"},
	last:     []string{"pata", "marca", "bamba", "cocha", "tambo", "llo", "ya", "na", "rí", "guá"},
	patterns: []string{"%s", "%s", "San Juan de %s", "Santa Rosa de %s", "Villa %s", "San Pedro de %s", "%s Alto"},
}

var haiti = syllables{
	first:    []string{"Ja", "Mi", "Li", "Ca", "Gona", "Léo", "Ma", "Ba", "Da", "Thio"},
	middle:   []string{"cmel", "ra", "ma", "bo", "ga", "ni", "lo"},
	last:     []string{"gâne", "rade", "ve", "mont", "zin", "hac", "rel", "ton"},
	patterns: []string{"%s", "%s", "Petit-%s", "Anse-à-%s", "Fond-des-%s", "Morne-%s", "Grand-%s", "Cap-%s"},
}

// Québec towns follow the patterns of the province's map: saints,
// lakes, rivers, "Notre-Dame-des-…", and compounds such as "Beaumont".
var (
	saints = []string{"Élisabeth", "Anne", "Jean", "Pierre", "Paul", "Michel", "Joseph", "Louis", "Rémi",
		"Hyacinthe", "Jérôme", "Césaire", "Damase", "Zotique", "Agathe", "Adèle", "Julie", "Marthe",
		"Sophie", "Pacôme", "Gédéon", "Clet", "Ubalde", "Narcisse", "Eustache", "Flavien", "Séverin",
		"Cyprien", "Hélène", "Geneviève", "Angèle", "Lucie", "Ours", "Fabien", "Aimé", "Éloi", "Urbain"}
	qcRoots    = []string{"Beau", "Bel", "Clair", "Grand", "Mont", "Val", "Bois", "Fleur", "Haut", "Roche", "Chêne", "Pierre", "Riche", "Franc", "Lac", "Saint-Bon"}
	qcEnds     = []string{"mont", "ville", "val", "bourg", "lieu", "fort", "court", "pré", "champ", "ham", "roche", "rive"}
	qcPlaces   = []string{"Lac", "Rivière", "Pointe", "Mont", "Val", "Notre-Dame", "Port", "Saint-Louis", "Cap", "Baie", "Anse"}
	qcLinks    = []string{"-du-", "-des-", "-aux-", "-de-la-", "-au-"}
	qcNouns    = []string{"Loup", "Bois", "Sables", "Cèdres", "Prairies", "Érables", "Monts", "Neiges", "Pins", "Roches", "Saules", "Outardes", "Castors", "Îles", "Cascades", "Ours", "Plaines", "Lièvres", "Rapides", "Chutes"}
	qcPatterns = []string{"Saint", "Sainte", "Saint", "Sainte", "compound", "place", "place"}
)

// word builds one word of two to four syllables.
func (s *syllables) word(r *rand.Rand) string {
	var b strings.Builder
	b.WriteString(pick(r, s.first))
	for range r.IntN(2) {
		b.WriteString(pick(r, s.middle))
	}
	b.WriteString(pick(r, s.last))
	return b.String()
}

// place builds a place name in one of the syllable set's patterns.
func (s *syllables) place(r *rand.Rand) string {
	p := pick(r, s.patterns)
	return strings.Replace(p, "%s", s.word(r), 1)
}

// quebecTown builds a name in one of Québec's toponymic patterns.
func quebecTown(r *rand.Rand) string {
	switch pick(r, qcPatterns) {
	case "Saint":
		return "Saint-" + pick(r, saints) + suffix(r)
	case "Sainte":
		return "Sainte-" + pick(r, saints) + suffix(r)
	case "compound":
		return pick(r, qcRoots) + pick(r, qcEnds)
	default:
		return pick(r, qcPlaces) + pick(r, qcLinks) + pick(r, qcNouns)
	}
}

// suffix now and then lengthens a saint's name as Québec often does:
// "Sainte-Anne-des-Plaines", "Saint-Jean-sur-Richelieu".
func suffix(r *rand.Rand) string {
	if r.IntN(4) != 0 {
		return ""
	}
	if r.IntN(2) == 0 {
		return pick(r, qcLinks) + pick(r, qcNouns)
	}
	return "-sur-" + pick(r, []string{"Richelieu", "Mer", "le-Lac", "Rivière", "Mauricie"})
}

// acronym returns the capitals of a name's significant words ("Carrefour
// de solidarité internationale" → "CSI"), or "" for a one-word name.
func acronym(name string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' || r == '\'' }) {
		switch strings.ToLower(w) {
		case "de", "du", "des", "la", "le", "les", "et", "à", "au", "aux", "d", "l", "en", "pour", "sur":
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		b.WriteRune(unicode.ToUpper(r))
	}
	if b.Len() < 2 {
		return ""
	}
	return b.String()
}

// pick returns a random element of a list.
func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

// chance reports true with probability p.
func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }
