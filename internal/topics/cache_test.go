package topics

import (
	"fmt"
	"testing"
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
		if len(w) < 8 {
			if v, ok := probe(c.slots, hashWord(w), len(w)); ok && v != int32(i) {
				t.Fatalf("probe(%q) = %d, want %d", w, v, i)
			}
		}
	}
	for _, w := range []string{"b", "thee", "longer-word-300", "eightchx"} {
		if _, ok := c.get(hashWord(w), w); ok {
			t.Errorf("get(%q) found a word never put", w)
		}
		if _, ok := probe(c.slots, hashWord(w), len(w)); ok {
			t.Errorf("probe(%q) found a word never put", w)
		}
	}
	// Same hash, different words: get compares long keys in full.
	c.put(42, "abcdefghij", 1)
	if _, ok := c.get(42, "abcdefghik"); ok {
		t.Error("get matched a long word by its hash alone")
	}
	c.put(43, "abcdefghijklmnopq", 2)
	if _, ok := c.get(43, "abcdefghijklmnopr"); ok {
		t.Error("get matched a word over sixteen bytes by its hash alone")
	}
	for _, w := range []string{"abcdefgh", "abcdefghijklmnop", "abcdefghijklmno"} {
		for i := range w {
			other := w[:i] + "#" + w[i+1:]
			if sameKey([]byte(w), other) {
				t.Errorf("sameKey(%q, %q)", w, other)
			}
		}
		if !sameKey([]byte(w), w) {
			t.Errorf("sameKey(%q, itself) is false", w)
		}
	}
	c.reset()
	if _, ok := c.get(hashWord("the"), "the"); ok || c.n != 0 || len(c.keys) != 0 {
		t.Error("reset left entries")
	}
	var empty wordCache[int32]
	if _, ok := empty.get(1, "x"); ok {
		t.Error("empty cache found a word")
	}
	if _, ok := probe(empty.slots, 1, 1); ok {
		t.Error("probe of an empty cache found a word")
	}
	empty.put(hashWord("x"), "x", 7)
	if v, ok := empty.get(hashWord("x"), "x"); !ok || v != 7 {
		t.Error("a zero cache should grow on put")
	}
}
