package parse

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// wordCountBytewise is wordCount as it was before it read eight bytes at
// a time: the reference for TestWordCountChunks.
func wordCountBytewise(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch asciiWordClass[c] {
			case wordByte:
				if !in {
					n++
				}
				in = true
				for i++; i < len(s) && asciiWordClass[s[i]] == wordByte; i++ {
				}
				continue
			case joinByte:
			default:
				in = false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		w := isWordRune(r)
		if w && !in {
			n++
		}
		in = w || (in && isJoiner(r))
	}
	return n
}

// TestWordCountChunks checks wordCount against the byte-by-byte count on
// the bundled samples, cut at every offset for the first bytes so that
// words, joiners and runes fall across the eight-byte chunks at each
// place, and on random strings of the bytes and runes that matter.
func TestWordCountChunks(t *testing.T) {
	paths, _ := filepath.Glob("../../briefings/*")
	var texts []string
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	if len(texts) == 0 {
		t.Fatal("no samples")
	}
	for _, s := range texts {
		for cut := 0; cut < 40 && cut < len(s); cut++ {
			for _, part := range []string{s[cut:], s[cut:min(len(s), cut+200)]} {
				if got, want := wordCount(part), wordCountBytewise(part); got != want {
					t.Fatalf("wordCount(%.60q…) = %d, want %d", part, got, want)
				}
			}
		}
	}
	pieces := []string{"a", "Z", "0", "9", " ", "\n", "'", "-", ".", "&", "@", "[", "`", "{", "/", ":", "’", "‑", "é", "東", "\u0301", "\xff", "\xe2\x80", "—", "“", "\x00", "\x7f"}
	rng := rand.New(rand.NewSource(1))
	for range 50000 {
		var b strings.Builder
		for range rng.Intn(40) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		s := b.String()
		if got, want := wordCount(s), wordCountBytewise(s); got != want {
			t.Fatalf("wordCount(%q) = %d, want %d", s, got, want)
		}
	}
	// Every ASCII byte, alone and between words, against its class.
	for c := 0; c < utf8.RuneSelf; c++ {
		for _, s := range []string{strings.Repeat(string(rune(c)), 9), "abcdefg" + string(rune(c)) + "hijklmnop", "       " + string(rune(c)) + "x       "} {
			if got, want := wordCount(s), wordCountBytewise(s); got != want {
				t.Fatalf("wordCount(%q) = %d, want %d", s, got, want)
			}
		}
	}
}

// BenchmarkWordCountChunks compares wordCount with the byte-by-byte
// count it replaced, on an invented article's paragraphs one by one, as
// countWords counts blocks (curly quotes and full stops send some chunks
// to the byte-by-byte reading), and on a long transcript.
func BenchmarkWordCountChunks(b *testing.B) {
	data, err := os.ReadFile("../../briefings/wh-press-briefing-leavitt-2025-01-29.md")
	if err != nil {
		b.Fatal(err)
	}
	texts := map[string][]string{"article": memoArticle, "transcript": {string(data)}}
	for _, name := range []string{"article", "transcript"} {
		n := 0
		for _, p := range texts[name] {
			n += len(p)
		}
		for _, f := range []struct {
			name  string
			count func(string) int
		}{{"chunks", wordCount}, {"bytewise", wordCountBytewise}} {
			b.Run(name+"/"+f.name, func(b *testing.B) {
				b.SetBytes(int64(n))
				for b.Loop() {
					for _, p := range texts[name] {
						f.count(p)
					}
				}
			})
		}
	}
}

// TestGeneralPunctuation checks that no rune isWordRune answers no for
// without asking the tables is a letter, a digit or a mark.
func TestGeneralPunctuation(t *testing.T) {
	n := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !generalPunctuation(r) {
			continue
		}
		n++
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			t.Errorf("%U is a word rune", r)
		}
	}
	if n != 0x70 {
		t.Errorf("%d runes in General Punctuation, want %d", n, 0x70)
	}
}
