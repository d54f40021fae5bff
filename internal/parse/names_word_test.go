package parse

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/brief-reader/brief/internal/lexicon"
)

// TestHyphenAdjective checks hyphenAdjective against the lookup it
// replaced, on hand-picked words and on random strings of the bytes that
// matter.
func TestHyphenAdjective(t *testing.T) {
	old := func(s string) bool {
		i := strings.LastIndexAny(s, "-‑")
		return i > 0 && lexicon.AdjectiveEndings[strings.ToLower(s[i+1:])]
	}
	words := []string{
		"", "-", "-based", "Springs-based", "Springs-Based", "Democrat-run", "Jean-Pierre", "Co-op",
		"Springs‑based", "‑based", "a‑b-based", "a-based‑x", "a-b-led", "Ohio-", "x--run", "é-based", "Épée-made",
		"\xe2\x80\x91", "a\x80\x91-run", "a\xe2\x80-run", "\x91-led",
	}
	for _, w := range words {
		if got, want := hyphenAdjective(w), old(w); got != want {
			t.Errorf("hyphenAdjective(%q) = %v, want %v", w, got, want)
		}
	}
	pieces := []string{"-", "‑", "based", "Run", "led", "a", "É", "\xe2", "\x80", "\x91", "x"}
	rng := rand.New(rand.NewSource(1))
	yes := 0
	for range 20000 {
		var b strings.Builder
		for range rng.Intn(6) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		w := b.String()
		got, want := hyphenAdjective(w), old(w)
		if got != want {
			t.Fatalf("hyphenAdjective(%q) = %v, want %v", w, got, want)
		}
		if want {
			yes++
		}
	}
	if yes == 0 {
		t.Fatal("no random word was a hyphenated adjective: the test reads nothing")
	}
}

// BenchmarkIsNameWord asks isNameWord about the capitalised words of an
// invented article, as nameStart does for each run of them.
func BenchmarkIsNameWord(b *testing.B) {
	var words []token
	for _, p := range memoArticle {
		for _, t := range tokenize(p) {
			if t.capitalised() {
				words = append(words, t)
			}
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			isNameWord(w)
		}
	}
}
