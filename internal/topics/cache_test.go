package topics

import (
	"fmt"
	"strings"
	"testing"

	"github.com/brief-reader/brief/internal/briefing"
)

func TestWordCache(t *testing.T) {
	c := newWordCache[int32](16)
	words := []string{"a", "the", "seven77", "eightchr", "internationalisation"}
	for i := 0; i < 300; i++ {
		words = append(words, fmt.Sprintf("w%d", i), fmt.Sprintf("longer-word-%d", i))
	}
	for i, w := range words {
		c.put(hashWord(w), w, int32(i))
	}
	// A second put of a known word changes nothing.
	c.put(hashWord("the"), "the", -5)
	for i, w := range words {
		v, ok := c.get(hashWord(w), w)
		if !ok || v != int32(i) {
			t.Fatalf("get(%q) = %d, %v; want %d", w, v, ok, i)
		}
		if len(w) <= 16 {
			if v, ok := probe(c.slots, hashWord(w), len(w), keyHead(w)); ok && v != int32(i) {
				t.Fatalf("probe(%q) = %d, want %d", w, v, i)
			}
		}
	}
	for _, w := range []string{"b", "thee", "longer-word-300", "eightchx"} {
		if _, ok := c.get(hashWord(w), w); ok {
			t.Errorf("get(%q) found a word never put", w)
		}
		if _, ok := probe(c.slots, hashWord(w), len(w), keyHead(w)); ok {
			t.Errorf("probe(%q) found a word never put", w)
		}
	}
	// Same hash, different words: get compares keys over sixteen bytes
	// in full.
	c.put(43, "abcdefghijklmnopq", 2)
	if _, ok := c.get(43, "abcdefghijklmnopr"); ok {
		t.Error("get matched a word over sixteen bytes by its hash alone")
	}
	c.reset()
	if _, ok := c.get(hashWord("the"), "the"); ok || c.n != 0 || len(c.keys) != 0 {
		t.Error("reset left entries")
	}
	var empty wordCache[int32]
	if _, ok := empty.get(1, "x"); ok {
		t.Error("empty cache found a word")
	}
	if _, ok := probe(empty.slots, 1, 1, 0); ok {
		t.Error("probe of an empty cache found a word")
	}
	empty.put(hashWord("x"), "x", 7)
	if v, ok := empty.get(hashWord("x"), "x"); !ok || v != 7 {
		t.Error("a zero cache should grow on put")
	}
}

// TestProbeLongWords checks that probe finds words of eight to sixteen
// bytes by their first eight bytes, length and hash, and leaves longer
// ones to get.
func TestProbeLongWords(t *testing.T) {
	c := newWordCache[int32](1 << 12)
	words := []string{"eightchr", "nineteen9", "administration", "sixteen-bytes-16", "seventeen-bytes17"}
	for i, w := range words {
		c.put(hashWord(w), w, int32(i))
	}
	for i, w := range words {
		v, ok := probe(c.slots, hashWord(w), len(w), keyHead(w))
		if want := len(w) <= 16; ok != want || ok && v != int32(i) {
			t.Errorf("probe(%q) = %d, %v; want %d, %v", w, v, ok, i, want)
		}
	}
	// Same first eight bytes and length, another word.
	for _, w := range []string{"eightchs", "nineteen8", "administratiom", "sixteen-bytes-17"} {
		if _, ok := probe(c.slots, hashWord(w), len(w), keyHead(w)); ok {
			t.Errorf("probe(%q) found a word never put", w)
		}
	}
}

// TestHashSpanUndone checks what probe and wordCache rely on: that the
// bytes of a key of eight to sixteen bytes after its first eight follow
// from its length, its first eight bytes and its hashSpan, by undoing
// hashSpan's last steps.
func TestHashSpanUndone(t *testing.T) {
	const k = 0x9E3779B97F4A7C15
	kinv := uint64(k) // Newton's iteration for the inverse of k modulo 2^64
	for range 6 {
		kinv *= 2 - k*kinv
	}
	if uint64(k)*kinv != 1 {
		t.Fatal("no inverse of k")
	}
	rest := func(hash uint64, n int, head uint64) uint64 {
		g := hash ^ hash>>29 ^ hash>>58 // undoes h ^ h>>29
		h := (uint64(n)*k ^ head) * k   // the state after the first group
		if n == 16 {
			return (g*kinv)*kinv ^ h
		}
		return g*kinv ^ h
	}
	text := "A-quick_brown fox: jumps over the lazy dog; administration, reconciliation, ÉTATS-UNIS, ünïcödé-wörds!"
	for start := 0; start < len(text); start++ {
		for n := 8; n <= 16 && start+n <= len(text); n++ {
			w := text[start : start+n]
			var want uint64
			for j := 8; j < n; j++ {
				want |= uint64(w[j]) << (8 * (j - 8))
			}
			if got := rest(hashSpan(text, start, start+n), n, keyHead(w)); got != want {
				t.Fatalf("%q: bytes after the first eight %x, want %x", w, got, want)
			}
		}
	}
}

// TestOldWordCache checks that a word the word cache held before it was
// emptied comes back from oldCache, and that a scratch forgets words used
// in neither of its last two generations.
func TestOldWordCache(t *testing.T) {
	c := NewClassifier(nil)
	para := func(text string) *briefing.Briefing {
		return &briefing.Briefing{Paragraphs: []briefing.Paragraph{{Text: text}}}
	}
	fill := func(prefix string) {
		var sb strings.Builder
		for i := range maxCachedWords + 1 {
			fmt.Fprintf(&sb, "%s%d ", prefix, i)
		}
		c.Apply(para(sb.String()))
	}
	c.Apply(para("Tariffs on steel"))
	fill("a")
	s := c.pool.free[0]
	if s.cache.n != 0 || s.oldCache.n == 0 {
		t.Fatalf("after a full cache: %d words in cache, %d in oldCache", s.cache.n, s.oldCache.n)
	}
	st := newState(c, para(""))
	st.tz.reset("steel")
	tok := &st.tz.toks[0]
	if _, ok := st.cache.get(tok.hash, "steel"); ok {
		t.Fatal("steel still in the emptied cache")
	}
	want, _ := st.oldCache.get(tok.hash, "steel")
	if got := st.wordInfo(tok); got != want {
		t.Errorf("wordInfo(steel) = %+v, want %+v from oldCache", got, want)
	}
	if got, ok := st.cache.get(tok.hash, "steel"); !ok || got != want {
		t.Error("steel did not move back to cache")
	}
	st.release()
	fill("b")
	fill("c")
	if _, ok := s.oldCache.get(hashWord("a1"), "a1"); ok {
		t.Error("a word of two generations ago is still cached")
	}
}
