package proximite

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// foldMap covers the letters that Unicode decomposition would strip to a
// base letter in the languages the registry meets (French, Spanish,
// Portuguese, German, Wolof, Bambara transcriptions), plus the ligatures
// that decomposition leaves alone. A table keeps the runtime free of the
// normalisation tables for a few dozen letters.
var foldMap = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a",
	'ç': "c", 'č': "c", 'ć': "c",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ɛ': "e",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ī': "i",
	'ñ': "n", 'ŋ': "n", 'ń': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'ō': "o", 'ɔ': "o",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ū': "u",
	'ý': "y", 'ÿ': "y",
	'š': "s", 'ž': "z", 'ß': "ss",
	'æ': "ae", 'œ': "oe",
	'’': "'", 'ʼ': "'",
}

// Fold lower-cases s and strips its accents, the way search compares
// words: Fold("Sainte-Élisabeth") == "sainte-elisabeth".
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		// Most text is ASCII: lower it without the tables, which imports
		// and indexing would otherwise consult for every letter.
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
			continue
		}
		r = unicode.ToLower(r)
		if f, ok := foldMap[r]; ok {
			b.WriteString(f)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}
