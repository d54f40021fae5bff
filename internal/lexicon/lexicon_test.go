package lexicon

import "testing"

func TestSetLookups(t *testing.T) {
	s := Words("mr minister vs")
	for _, tc := range []struct {
		w           string
		fold, title bool
	}{
		{"Mr", true, true},
		{"MR", true, false},
		{"mr", true, false},
		{"Minister", true, true},
		{"Ministers", false, false},
		{"vs", true, false},
		{"", false, false},
		{"Ménard", false, false},
		{"averyveryverylongwordthatfitsnobuffer", false, false},
	} {
		if got := s.HasFold(tc.w); got != tc.fold {
			t.Errorf("HasFold(%q) = %v, want %v", tc.w, got, tc.fold)
		}
		if got := s.HasTitle(tc.w); got != tc.title {
			t.Errorf("HasTitle(%q) = %v, want %v", tc.w, got, tc.title)
		}
	}
}

func TestUnionAndPhrases(t *testing.T) {
	u := Union(Words("a b"), Words("b c"))
	if len(u) != 3 || !u["a"] || !u["c"] {
		t.Errorf("Union = %v", u)
	}
	p := Phrases("new  york| sri lanka |")
	if len(p) != 2 || !p["new york"] || !p["sri lanka"] {
		t.Errorf("Phrases = %v", p)
	}
	if !NonNameWords["monday"] || !NonNameWords["december"] || !NonNameWords["the"] {
		t.Error("NonNameWords lacks the weekdays, months or its own words")
	}
}

// TestNameTitlesAreTitles keeps the topic classifier's narrower title list
// within the parser's vocabulary: every word of it is an honorific, a title
// word or a title's qualifier, save the few honorifics of address only it
// strips.
func TestNameTitlesAreTitles(t *testing.T) {
	extra := Words("majesty highness lord counsel")
	for w := range NameTitles {
		if !Honorifics[w] && !RoleWords[w] && !RoleQualifiers[w] && !extra[w] {
			t.Errorf("%q is in NameTitles but in no title list", w)
		}
	}
}
