package sqlstore

import (
	"strings"
	"unicode/utf8"

	"github.com/proximite/proximite"
)

// indexWords gives the words of a folded text, each once, separated by
// spaces. They are cut where the text is not a letter or a digit, as a
// query is cut into words (cutWords), so that the SQLite index's ascii
// tokenizer, which splits at ASCII punctuation and spaces only, makes of
// each word one token (migration 0015).
//
// Each word is written once because the index keeps neither positions
// nor counts that a search reads (detail=none; searches rank on names,
// never on the index): a word written again is only work, and a
// project's description repeats most of its words. Tokenizing and
// hashing every word was two fifths of the writing of an IATI import;
// the words are cut ahead of the transaction (PrepareBatch).
func indexWords(body string) string {
	out := make([]byte, 0, len(body)/2)
	var seen wordSet
	start, h := -1, uint32(0)
	for i := 0; i < len(body); {
		c, size, isWord := body[i], 1, false
		if c < utf8.RuneSelf {
			isWord = asciiWord[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(body[i:])
			isWord = wordRune(r)
		}
		if isWord {
			if start < 0 {
				start, h = i, fnvOffset
			}
			for _, b := range []byte(body[i : i+size]) {
				h = (h ^ uint32(b)) * fnvPrime
			}
		} else if start >= 0 {
			out = seen.addCut(out, body[start:i], h)
			start = -1
		}
		i += size
	}
	if start >= 0 {
		out = seen.addCut(out, body[start:], h)
	}
	return string(out)
}

// asciiWord says which ASCII characters wordRune takes for letters.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = wordRune(rune(c))
	}
	return t
}()

// PostgreSQL refuses a word of more than 2,047 bytes and an entry of
// more than 1 MB, where its parser used to drop what was too long: a
// longer word is cut to maxWordBytes, which no query reads past (it
// keeps 40 bytes of a word, splitWords), and the words after the first
// maxEntryBytes are left out. Both databases index the same words.
const (
	maxWordBytes  = 255
	maxEntryBytes = 512 << 10
)

// addCut is add, for a word cut to maxWordBytes and within
// maxEntryBytes.
func (s *wordSet) addCut(out []byte, w string, h uint32) []byte {
	if len(out) >= maxEntryBytes {
		return out
	}
	if len(w) > maxWordBytes {
		n := maxWordBytes
		for !utf8.RuneStart(w[n]) {
			n--
		}
		w, h = w[:n], fnvOffset
		for i := 0; i < len(w); i++ {
			h = (h ^ uint32(w[i])) * fnvPrime
		}
	}
	return s.add(out, w, h)
}

// FNV-1a, computed as the words are cut.
const fnvOffset, fnvPrime = 2166136261, 16777619

// wordSet is the set of the words already written to out, as an open
// addressing table of their hashes and places in out: cheaper than a
// map, which would be most of indexWords' time.
type wordSet struct {
	slots []wordSlot
	n     int
}

type wordSlot struct {
	hash     uint32
	off, end int32 // the word is out[off:end]; end 0 for an empty slot
}

// add appends w, whose hash is h (fnv), to out, after a space, unless
// out has it already.
func (s *wordSet) add(out []byte, w string, h uint32) []byte {
	if 2*(s.n+1) > len(s.slots) {
		s.grow(out)
	}
	mask := uint32(len(s.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		sl := &s.slots[i]
		if sl.end == 0 {
			if len(out) > 0 {
				out = append(out, ' ')
			}
			off := len(out)
			out = append(out, w...)
			*sl = wordSlot{hash: h, off: int32(off), end: int32(len(out))}
			s.n++
			return out
		}
		if sl.hash == h && string(out[sl.off:sl.end]) == w {
			return out
		}
	}
}

// grow doubles the table (64 slots at first) and places its words again
// by their hashes.
func (s *wordSet) grow(out []byte) {
	old := s.slots
	s.slots = make([]wordSlot, max(64, 2*len(old)))
	mask := uint32(len(s.slots) - 1)
	for _, sl := range old {
		if sl.end == 0 {
			continue
		}
		i := sl.hash & mask
		for s.slots[i].end != 0 {
			i = (i + 1) & mask
		}
		s.slots[i] = sl
	}
}

// indexBody returns the words of a record's text index entry, each once
// (indexWords). The words of the record's own text were cut by
// PrepareBatch; those of the parts added since (the names of the records
// it refers to) are cut here. A word in both is written twice, which
// costs a little and matches the same.
func indexBody(doc *doc) string {
	if doc.words == "" {
		return indexWords(searchText(doc))
	}
	if doc.own == len(doc.body) {
		return doc.words
	}
	var b strings.Builder
	b.WriteString(doc.words)
	for _, s := range doc.body[doc.own:] {
		if w := indexWords(proximite.Fold(s)); w != "" {
			b.WriteByte(' ')
			b.WriteString(w)
		}
	}
	return b.String()
}

// indexEntry is the text index entry of words (indexBody) and tokens,
// separated by single spaces: PostgreSQL takes each piece between two
// spaces as a word, and refuses an empty one.
func indexEntry(words string, tokens []string) string {
	var b strings.Builder
	b.WriteString(words)
	for _, t := range tokens {
		if t == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t)
	}
	return b.String()
}
