package topics

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestStemConflates(t *testing.T) {
	groups := [][]string{
		{"defence", "defences", "defense", "defenses", "defensive", "Defence", "DEFENSE"},
		{"negotiate", "negotiates", "negotiated", "negotiating", "negotiation", "negotiations", "negotiator"},
		{"organise", "organize", "organised", "organized", "organising", "organisation", "organization"},
		{"labour", "labor", "labours"},
		{"centre", "center", "centres"},
		{"programme", "program", "programmes", "programs", "programming"},
		{"dialogue", "dialog", "dialogues"},
		{"tariff", "tariffs"},
		{"policy", "policies"},
		{"tax", "taxes"},
		{"launch", "launches", "launched", "launching"},
		{"ship", "shipped"},
		{"economy", "economies"},
	}
	for _, g := range groups {
		want := stemWord(g[0])
		for _, w := range g[1:] {
			if got := stemWord(w); got != want {
				t.Errorf("stem(%q) = %q, want %q as for %q", w, got, want, g[0])
			}
		}
	}
}

func TestStemKeepsApart(t *testing.T) {
	pairs := [][2]string{
		{"university", "universe"},
		{"goods", "good"},
		{"talks", "talk"},
		{"housing", "house"},
		{"granted", "grants"},
		{"relations", "related"},
		{"securities", "security"},
		{"arms", "arm"},
		{"nation", "national"},
		{"policy", "police"},
		{"vetting", "vets"},
		{"news", "new"},
	}
	for _, p := range pairs {
		if a, b := stemWord(p[0]), stemWord(p[1]); a == b {
			t.Errorf("stem(%q) = stem(%q) = %q", p[0], p[1], a)
		}
	}
}

func TestTokenizer(t *testing.T) {
	text := "Asia’s ISRO-JAXA mission, know-how; ICBMs in Zürich. नमस्ते 東京 G7 don't"
	type tk struct {
		raw, stem            string
		caps, plural, hyphen bool
	}
	want := []tk{
		{raw: "Asia", stem: "asia"},
		{raw: "ISRO", stem: "isro", caps: true},
		{raw: "JAXA", stem: "jaxa", caps: true, hyphen: true},
		{raw: "mission", stem: "mission"},
		{raw: "know", stem: "know"},
		{raw: "how", stem: "how", hyphen: true},
		{raw: "ICBMs", stem: "icbm", plural: true},
		{raw: "in", stem: "in"},
		{raw: "Zürich", stem: "zürich"},
		{raw: "नमस्ते", stem: "नमस्ते"},
		{raw: "東京", stem: "東京"},
		{raw: "G7", stem: "g7", caps: true},
		{raw: "don", stem: "don"},
		{raw: "t", stem: "t"},
	}
	var z tokenizer
	z.reset(text)
	var tok token
	var got []tk
	for z.next(&tok) {
		raw := text[tok.start:tok.end]
		shape := shapeOf(raw)
		got = append(got, tk{raw, string(z.stemOf(&tok)), shape&shapeCaps != 0, shape&shapePluralCaps != 0, tok.hyphened})
	}
	if len(got) != len(want) {
		t.Fatalf("tokens = %+v\nwant %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("token %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestTermWordsCase(t *testing.T) {
	ws := termWords("RATS council")
	if len(ws) != 2 || ws[0].exact != "RATS" || ws[0].stem != "" || ws[1].exact != "" || ws[1].stem != stemWord("council") {
		t.Errorf("termWords = %+v", ws)
	}
	// Mixed case is no acronym.
	if ws := termWords("Covid"); ws[0].exact != "" {
		t.Errorf("Covid should match in any case: %+v", ws)
	}
	if ws := termWords("know-how"); len(ws) != 2 || !ws[1].hyphened || ws[0].hyphened {
		t.Errorf("know-how = %+v", ws)
	}
	if !strings.Contains(stemWord("Ünïcode"), "ü") {
		t.Error("non-ASCII words should fold to lower case")
	}
}

// TestWordRuneAtFastPath checks the punctuation fast path against the
// Unicode tables.
func TestWordRuneAtFastPath(t *testing.T) {
	for r := rune(0x2000); r <= 0x203f; r++ {
		s := string(r) + "x"
		word, size := wordRuneAt(s, 0)
		if word != isWordRune(r) || size != len(string(r)) {
			t.Errorf("wordRuneAt(%U) = %v, %d; want %v, %d", r, word, size, isWordRune(r), len(string(r)))
		}
	}
	// A cut sequence is no character.
	if word, size := wordRuneAt("\xe2\x80", 0); word || size != 1 {
		t.Errorf("wordRuneAt(cut) = %v, %d", word, size)
	}
}

// TestASCIIWordBytes checks the eight-bytes-at-once test against byteKind
// for every byte value at every position.
func TestASCIIWordBytes(t *testing.T) {
	for pos := 0; pos < 8; pos++ {
		for c := 0; c < 256; c++ {
			b := []byte("abcdefgh")
			b[pos] = byte(c)
			want := 0
			for want < 8 && byteKind[b[want]] == kindWord {
				want++
			}
			if got := asciiWordBytes(load64(string(b), 0)); got != want {
				t.Fatalf("asciiWordBytes(%q) = %d, want %d", b, got, want)
			}
		}
	}
}

// TestHashSpan checks that the shortcuts of hashSpan (one load for the
// last bytes, hashShort) agree with hashing the bytes one by one.
func TestHashSpan(t *testing.T) {
	slow := func(w string) uint64 {
		const k = 0x9E3779B97F4A7C15
		h := uint64(len(w)) * k
		for len(w) >= 8 {
			var v uint64
			for i := 0; i < 8; i++ {
				v |= uint64(w[i]) << (8 * i)
			}
			h = (h ^ v) * k
			w = w[8:]
		}
		var v uint64
		for i := 0; i < len(w); i++ {
			v |= uint64(w[i]) << (8 * i)
		}
		return mixHash(h, v)
	}
	text := "The quick brown fox jumps over the lazy dog: internationalisation, Ωmega, x"
	for start := 0; start < len(text); start++ {
		for end := start; end <= len(text); end++ {
			w := text[start:end]
			if got, want := hashSpan(text, start, end), slow(w); got != want {
				t.Fatalf("hashSpan(%q) = %x, want %x", w, got, want)
			}
			if n := end - start; n < 8 && start+8 <= len(text) {
				if got := hashShort(load64(text, start), n); got != slow(w) {
					t.Fatalf("hashShort(%q) = %x, want %x", w, got, slow(w))
				}
			}
		}
	}
}

// TestTokensOfOddText checks the tokenizer on text that takes its slower
// paths: words at the very end, long words, non-ASCII letters and
// separators, possessives and hyphens.
func TestTokensOfOddText(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{"a", []string{"a"}},
		{"internationalisation", []string{"internationalisation"}},
		{"  Zürich’s café—x  ", []string{"Zürich", "café", "x"}},
		{"abcdefgh ijklmnop", []string{"abcdefgh", "ijklmnop"}},
		{"it’s John's S s", []string{"it", "John", "S", "s"}},
		{"\u00a0non\u2011stop\u2014go…", []string{"non", "stop", "go"}},
		{"naïve résumé 東京都 x", []string{"naïve", "résumé", "東京都", "x"}},
	}
	for _, c := range cases {
		var got []string
		var z tokenizer
		z.reset(c.text)
		for _, tok := range z.toks {
			w := c.text[tok.start:tok.end]
			got = append(got, w)
			if tok.hash != hashWord(w) {
				t.Errorf("%q: hash of %q is not hashWord", c.text, w)
			}
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("tokens of %q = %q, want %q", c.text, got, c.want)
		}
	}
}

// referenceTokens is the tokenizer as first written, rune by rune, with
// hashes and spacing worked out the slow way. The tokenizer must agree
// with it.
func referenceTokens(s string) []token {
	var out []token
	pos, lastEnd := 0, 0
	for {
		i := pos
		for i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			if isWordRune(r) {
				break
			}
			i += size
		}
		if i >= len(s) {
			return out
		}
		start := i
		for i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			if !isWordRune(r) {
				break
			}
			i += size
		}
		pos = i
		if i-start == 1 && s[start]|0x20 == 's' && start > 0 && isApostropheBefore(s, start) {
			continue
		}
		gap := start - lastEnd
		out = append(out, token{
			start:    start,
			end:      i,
			hash:     hashWord(s[start:i]),
			hyphened: lastEnd > 0 && (gap == 1 && s[lastEnd] == '-' || gap == 3 && isHyphen(s[lastEnd:start])),
			spaced:   lastEnd == 0 || hasSpace(s[lastEnd:start]),
		})
		lastEnd = i
	}
}

// checkTokens compares the tokenizer with referenceTokens on text.
func checkTokens(t *testing.T, text string) {
	t.Helper()
	var z tokenizer
	z.reset(text)
	want := referenceTokens(text)
	if len(z.toks) != len(want) {
		t.Fatalf("%d tokens, want %d, in %q", len(z.toks), len(want), text)
	}
	for i := range want {
		if z.toks[i] != want[i] {
			t.Fatalf("token %d = %+v (%q), want %+v (%q), in %q", i, z.toks[i], text[z.toks[i].start:z.toks[i].end],
				want[i], text[want[i].start:want[i].end], text)
		}
	}
}

// TestTokensAgreeWithReference runs the tokenizer and referenceTokens over
// the fixtures, whole and cut at every length up to 200 bytes, and over
// odd text.
func TestTokensAgreeWithReference(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txt")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		checkTokens(t, text)
		for n := 0; n <= 200 && n <= len(text); n++ {
			checkTokens(t, text[:n])
			checkTokens(t, text[len(text)-n:])
		}
	}
	for _, text := range []string{
		"", "s", "'s", "’s x", "a-b", "a\u2010b", "a\u2011b", "a--b", "\xc2\xa0x\xc2\xa0y", "\xc2x\xa0",
		"\xe2\x80", "x\xe2\x80\x99s", "ÀÉÎõü\u0301x", "x\ty\nz\rw\vq\fr",
		strings.Repeat("a", 63) + " " + strings.Repeat("b", 64) + "-" + strings.Repeat("c", 65),
		strings.Repeat("é", 40) + strings.Repeat(" ", 70) + "ok",
	} {
		checkTokens(t, text)
	}
	// Multi-byte characters, word and not, around the eight-byte groups
	// the tokenizer reads at once.
	for _, c := range []string{"é", "’s", "—", "\u0301", "東", "\U0001F600", "\xe2\x80", "\xc2\xa0"} {
		for k := 0; k <= 20; k++ {
			checkTokens(t, strings.Repeat("a", k)+c+"x y")
			checkTokens(t, strings.Repeat("a ", k/2)+c+c+"b")
			checkTokens(t, strings.Repeat(".", k)+c)
		}
	}
}

func FuzzTokenizer(f *testing.F) {
	f.Add("Asia’s ISRO-JAXA mission, know-how; ICBMs in Zürich. नमस्ते 東京 G7 don't")
	f.Add("\xc2\xa0x\u2011y \xe2\x80 z's")
	f.Fuzz(func(t *testing.T, text string) {
		checkTokens(t, text)
	})
}

// BenchmarkAppendTokens tokenises the fixtures' paragraphs (blank-line
// separated), as scoreText does each paragraph.
func BenchmarkAppendTokens(b *testing.B) {
	files, _ := filepath.Glob("testdata/*.txt")
	var paras []string
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for p := range strings.SplitSeq(string(data), "\n\n") {
			paras = append(paras, p)
			size += len(p)
		}
	}
	b.SetBytes(int64(size))
	var toks []token
	for b.Loop() {
		for _, p := range paras {
			toks = appendTokens(toks[:0], p)
		}
	}
}
