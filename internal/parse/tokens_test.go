package parse

import (
	"os"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestWordCount checks wordCount against its definition read rune by rune:
// a word starts at a letter or digit not already in a word, and a word goes
// on over letters, digits and joiners.
func TestWordCount(t *testing.T) {
	byRunes := func(s string) int {
		n, in := 0, false
		for _, r := range s {
			w := isWordRune(r)
			if r < utf8.RuneSelf {
				w = r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
			}
			if w && !in {
				n++
			}
			in = w || (in && isJoiner(r))
		}
		return n
	}
	data, err := os.ReadFile("../../briefings/wh-press-briefing-leavitt-2025-01-29.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		"", "one", " one two  three ", "don't stop", "U.S.-India", "AT&T's", "a - b", "--x--",
		"3.5 per cent", "’tis", "co‑op café naïve", "東京 and 大阪", "x\u0301y z", "end.", "'quoted'",
		"a.b.c. d", "\xff bad \xfe bytes", string(data),
	} {
		if got, want := wordCount(s), byRunes(s); got != want {
			t.Errorf("wordCount(%.40q) = %d, want %d", s, got, want)
		}
	}
}

func BenchmarkWordCount(b *testing.B) {
	data, err := os.ReadFile("../../briefings/wh-press-briefing-leavitt-2025-01-29.md")
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		wordCount(text)
	}
}

// TestTokenLower checks that every word's lower-case form, which
// appendTokens writes for capitalised ASCII words into one shared string,
// is foldWord of the word, also after earlier tokens in the same slice.
func TestTokenLower(t *testing.T) {
	data, err := os.ReadFile("../../briefings/wh-press-briefing-leavitt-2025-01-29.md")
	if err != nil {
		t.Fatal(err)
	}
	var toks []token
	for _, s := range []string{
		"", "Prime Minister Modi said", "U.S. and AT&T", "ÉLYSÉE Palace", "McGURK’s NATO-led Jean-Pierre",
		"all lower case", "İstanbul KELVIN", string(data),
	} {
		toks = appendTokens(toks, s)
	}
	words := 0
	for _, tk := range toks {
		if tk.word {
			words++
			if want := foldWord(tk.s); tk.low != want {
				t.Errorf("token %q: low %q, want %q", tk.s, tk.low, want)
			}
		}
	}
	if words < 1000 {
		t.Fatalf("only %d words", words)
	}
}

// TestTokensByRunes checks appendTokens, whose ASCII goes by a table,
// against the tokenizer read rune by rune with the unicode package.
func TestTokensByRunes(t *testing.T) {
	byRunes := func(s string) (toks []token) {
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			switch {
			case unicode.IsSpace(r):
				i += n
			case isWordRune(r):
				start := i
				for i += n; i < len(s); {
					r2, n2 := utf8.DecodeRuneInString(s[i:])
					if isWordRune(r2) {
						i += n2
						continue
					}
					if r3, _ := utf8.DecodeRuneInString(s[i+n2:]); isJoiner(r2) && i+n2 < len(s) && isWordRune(r3) {
						i += n2
						continue
					}
					break
				}
				toks = append(toks, token{s: s[start:i], start: start, end: i, word: true})
			default:
				toks = append(toks, token{s: s[i : i+n], start: i, end: i + n})
				i += n
			}
		}
		return toks
	}
	data, err := os.ReadFile("../../briefings/wh-press-briefing-leavitt-2025-01-29.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		"", "don't stop", "U.S.-India", "AT&T's", "a - b", "--x--", "3.5 per cent", "’tis", "co‑op café naïve",
		"東京 and 大阪", "x\u0301y z", "end.", "'quoted'", "a.b.c. d", "\xff bad \xfe bytes", "tab\there\vv\f\r\n",
		"nbsp\u00a0x\u0085y", "Jean-Pierre’s", "a’", "a-", string(data),
	} {
		got := appendTokens(nil, s)
		want := byRunes(s)
		if len(got) != len(want) {
			t.Errorf("%.40q: %d tokens, want %d", s, len(got), len(want))
			continue
		}
		for i := range got {
			g, w := got[i], want[i]
			if g.s != w.s || g.start != w.start || g.end != w.end || g.word != w.word {
				t.Errorf("%.40q: token %d = %+v, want %+v", s, i, g, w)
				break
			}
		}
	}
}
