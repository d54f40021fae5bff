package parse

import (
	"os"
	"testing"

	"github.com/brief-reader/brief/internal/lexicon"
)

// shapeSets are the shape sets with the sets they stand for.
var shapeSets = map[string]struct {
	q *shapeSet
	s lexicon.Set
}{
	"Honorifics": {honorifics, lexicon.Honorifics}, "RoleWords": {roleWords, lexicon.RoleWords},
	"NameParticles": {nameParticles, lexicon.NameParticles}, "NonNameWords": {nonNameWords, lexicon.NonNameWords},
	"Abbreviations": {abbreviations, lexicon.Abbreviations}, "DepartmentWords": {departmentWords, lexicon.DepartmentWords},
	"SpeechVerbs": {speechVerbs, lexicon.SpeechVerbs}, "Participles": {participles, lexicon.Participles},
	"NamingVerbs": {namingVerbs, lexicon.NamingVerbs}, "JudgingVerbs": {judgingVerbs, lexicon.JudgingVerbs},
	"RoleQualifiers": {roleQualifiers, lexicon.RoleQualifiers},
}

// TestShapeSet checks that a shape set answers as its map for every word
// of every set, for a briefing's words as written and folded, and for
// words near the set's (a letter more or less, long words).
func TestShapeSet(t *testing.T) {
	data, err := os.ReadFile("../../briefings/wh-press-briefing-leavitt-2025-01-29.md")
	if err != nil {
		t.Fatal(err)
	}
	probe := []string{"", "a", "x", "thirtytwocharacterslongwordxxxxx", "thirtyonecharacterslongwordxxxx", "É", "\xff"}
	for _, tk := range tokenize(string(data)) {
		probe = append(probe, tk.s, tk.lower())
	}
	for _, set := range shapeSets {
		for w := range set.s {
			probe = append(probe, w, w+"s", w[:len(w)-1])
		}
	}
	for name, set := range shapeSets {
		if len(set.s) == 0 {
			t.Errorf("%s is empty", name)
		}
		for _, w := range probe {
			if got, want := set.q.has(w), set.s[w]; got != want {
				t.Errorf("%s.has(%q) = %v, want %v", name, w, got, want)
			}
		}
	}
	long := newShapeSet(lexicon.Set{"a-very-long-word-of-more-than-31-bytes": true, "": true})
	for w, want := range map[string]bool{"": true, "a-very-long-word-of-more-than-31-bytes": true, "a-very-long-word-of-more-than-31-bytez": false, "a": false} {
		if got := long.has(w); got != want {
			t.Errorf("has(%q) = %v, want %v", w, got, want)
		}
	}
}

// BenchmarkShapeSet asks whether each word of a briefing is an honorific,
// by the shape set and by the map alone.
func BenchmarkShapeSet(b *testing.B) {
	data, err := os.ReadFile("../../briefings/wh-press-briefing-leavitt-2025-01-29.md")
	if err != nil {
		b.Fatal(err)
	}
	toks := tokenize(string(data))
	b.Run("shape", func(b *testing.B) {
		for b.Loop() {
			for _, t := range toks {
				honorifics.has(t.lower())
			}
		}
	})
	b.Run("map", func(b *testing.B) {
		for b.Loop() {
			for _, t := range toks {
				_ = lexicon.Honorifics[t.lower()]
			}
		}
	})
}
