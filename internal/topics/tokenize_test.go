package topics

import (
	"strings"
	"testing"
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
