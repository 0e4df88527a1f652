package sqlstore

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/proximite/proximite"
)

// naiveWords is indexWords written plainly: every word once, in the
// order of its first use.
func naiveWords(body string) string {
	seen := map[string]bool{}
	var out []string
	for _, w := range strings.FieldsFunc(body, func(r rune) bool { return !wordRune(r) }) {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

func TestIndexWords(t *testing.T) {
	for body, want := range map[string]string{
		"":                                 "",
		"  ,, ":                            "",
		"eau potable, eau de pluie; l'eau": "eau potable de pluie l",
		"sanankoroba sanankoroba":          "sanankoroba",
		"saint-louis 2.5 2 5 saint_louis":  "saint louis 2 5",
		"𞤀𞤣𞤤𞤢𞤥 ߒߞߏ 中文 中文 𞤀𞤣𞤤𞤢𞤥": "𞤀𞤣𞤤𞤢𞤥 ߒߞߏ 中文",
		"fin": "fin",
	} {
		if got := indexWords(body); got != want {
			t.Errorf("indexWords(%q) = %q, want %q", body, got, want)
		}
	}
	// Texts of thousands of words drawn from a small vocabulary, so that
	// the table grows and most words repeat.
	vocab := []string{"a", "b", "ab", "ba", "eau", "école", "puits", "coopération", "2026", "x1", "中文", "ߒߞߏ"}
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 200 {
		var b strings.Builder
		for range n * 20 {
			b.WriteString(vocab[r.IntN(len(vocab))])
			if r.IntN(3) == 0 {
				b.WriteString(vocab[r.IntN(len(vocab))]) // a new word, glued
			}
			b.WriteString([]string{" ", ", ", "-", "'", "\n"}[r.IntN(5)])
		}
		if got, want := indexWords(b.String()), naiveWords(b.String()); got != want {
			t.Fatalf("text %d: indexWords gives %d bytes, the plain version %d", n, len(got), len(want))
		}
	}
}

// A word longer than PostgreSQL takes is cut at a letter's boundary;
// words past the entry's bound are left out.
func TestIndexWordsBounds(t *testing.T) {
	long := strings.Repeat("é", 2000) // 4,000 bytes
	got := indexWords("puits " + long + " " + long + "x fin")
	want := "puits " + strings.Repeat("é", maxWordBytes/2) + " fin"
	if got != want {
		t.Errorf("a word of 4,000 bytes, twice: got %d bytes %q…, want %d bytes", len(got), got[:20], len(want))
	}
	var b strings.Builder
	for i := range 200_000 {
		fmt.Fprintf(&b, "mot%d ", i) // 1.5 MB of words, each once
	}
	entry := indexWords(b.String())
	if len(entry) < maxEntryBytes || len(entry) > maxEntryBytes+maxWordBytes+1 {
		t.Errorf("an entry of 1.5 MB of words holds %d bytes, want %d to %d", len(entry), maxEntryBytes, maxEntryBytes+maxWordBytes+1)
	}
	if !strings.HasPrefix(entry, "mot0 mot1 ") {
		t.Errorf("the entry does not begin with the text's first words: %q", entry[:20])
	}
}

func BenchmarkIndexWords(b *testing.B) {
	words := strings.Fields("le projet de coopération vise à améliorer l'accès à l'eau potable dans la commune de sanankoroba par la construction de puits et la formation des comités de gestion")
	var text strings.Builder
	r := rand.New(rand.NewPCG(1, 2))
	for text.Len() < 12_000 {
		text.WriteString(words[r.IntN(len(words))] + " ")
	}
	body := proximite.Fold(text.String())
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		indexWords(body)
	}
}
