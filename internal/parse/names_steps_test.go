package parse

import (
	"strings"
	"testing"
)

// TestPartSteps checks each step of parsePart on its own: where the name
// starts, whether the part names an organisation, the gender an honorific
// gives and the role before the name.
func TestPartSteps(t *testing.T) {
	words := func(s string) []token { return appendPartWords(nil, dropDeterminer(tokenize(s))) }
	for _, tc := range []struct {
		part   string
		name   string // the words from nameStart on, or "" for none
		org    bool
		gender gender
		role   string
	}{
		{part: "Foreign Secretary Vikram Misri", name: "Vikram Misri", role: "Foreign Secretary"},
		{part: "the Secretary of State Marco Rubio", name: "Marco Rubio", role: "Secretary of State"},
		{part: "President of Finland", name: "", role: "President of Finland"},
		{part: "Ms. Dana Osei", name: "Dana Osei", gender: female},
		{part: "Mr. Okafor", name: "Okafor", gender: male},
		{part: "Acme’s Jo Bright", name: "Jo Bright"},
		{part: "Rep. August Pfeil", name: "August Pfeil", role: "Rep."},
		{part: "the Ministry of Coastal Affairs", name: "", role: "Ministry of Coastal Affairs"},
		{part: "Northwind Shipping Company", name: "Northwind Shipping Company", org: true},
		{part: "Honoring Veterans", name: "Veterans"},
		{part: "Defence Minister (Ret.) Lena Varga", name: "Lena Varga", role: "Defence Minister (Ret.)"},
	} {
		t.Run(tc.part, func(t *testing.T) {
			toks := dropDeterminer(tokenize(tc.part))
			w := words(tc.part)
			start := nameStart(w)
			var got []string
			for _, x := range w[start:] {
				got = append(got, x.s)
			}
			if g := strings.Join(got, " "); g != tc.name {
				t.Errorf("name words = %q, want %q", g, tc.name)
			}
			if g := namesOrg(w[start:]); g != tc.org {
				t.Errorf("namesOrg = %v, want %v", g, tc.org)
			}
			if g := honorificGender(w[:start]); g != tc.gender {
				t.Errorf("honorificGender = %v, want %v", g, tc.gender)
			}
			if g := roleOf(toks, endOf(w, start), start == len(w)); g != tc.role {
				t.Errorf("roleOf = %q, want %q", g, tc.role)
			}
		})
	}
}
