package parse

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
)

// coinedName spells n as a capitalised word of six syllables: distinct
// names that are not near one another by a letter or two.
func coinedName(n int) string {
	syl := [...]string{"ba", "ko", "ru", "te", "mi", "sa", "lo", "ven", "dar", "gi", "nu", "pe", "zo", "ha", "ri", "mel"}
	var b strings.Builder
	for i := 0; i < 6; i++ {
		b.WriteString(syl[n%16])
		n /= 16
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

// nameShapes are articles whose people the registry must look up without
// scanning everyone: each quote's speaker is a new person named by surname
// alone (every one a findNear lookup and, at the end, a mergePeople
// candidate), or by full name and then by surname.
var nameShapes = []struct {
	name  string
	build func(n int) string
}{
	{"surname-only", func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "“Point %d is fine,” said %s.\n\n", i, coinedName(i))
		}
		return b.String()
	}},
	{"full-then-surname", func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "“Point %d is fine,” said %s %s, director of the %s Agency. “More,” %s said.\n\n", i, coinedName(i), coinedName(i+7), coinedName(i+3), coinedName(i+7))
		}
		return b.String()
	}},
}

// TestNameLookupsScale checks that 4× the people costs about 4× the bytes
// allocated to parse — at most twice as much per byte of input, which a
// doubling table may take — where a lookup that scanned every person
// (findNear computed an edit distance to each, allocating) made it 18×.
func TestNameLookupsScale(t *testing.T) {
	for _, sh := range nameShapes {
		t.Run(sh.name, func(t *testing.T) {
			var prev float64
			for _, n := range []int{500, 2000} {
				text := sh.build(n)
				ForgetNames() // none remembered from earlier parses
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				br := ParseText("x.txt", text, DefaultOptions())
				runtime.ReadMemStats(&after)
				bytes := after.TotalAlloc - before.TotalAlloc
				t.Logf("%d people, %d B: %d speakers, %d B allocated", n, len(text), len(br.Speakers), bytes)
				if len(br.Speakers) < n/2 {
					t.Errorf("%d people: %d speakers, want most of them", n, len(br.Speakers))
				}
				perByte := float64(bytes) / float64(len(text))
				if prev > 0 && perByte/prev > 2 {
					t.Errorf("4× the people allocated %.1f× the bytes per byte of text, want at most 2×", perByte/prev)
				}
				prev = perByte
			}
		})
	}
}

// BenchmarkNameLookups parses the name shapes at 2,000 and 8,000 people:
// ns/op should grow about 4×.
func BenchmarkNameLookups(b *testing.B) {
	for _, sh := range nameShapes {
		for _, n := range []int{2000, 8000} {
			text := sh.build(n)
			b.Run(fmt.Sprintf("%s/%d", sh.name, n), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				for b.Loop() {
					ParseText("x.txt", text, DefaultOptions())
				}
			})
		}
	}
}

// BenchmarkEditDistance measures the surname comparison findNear makes for
// each candidate: short names take no allocation.
func BenchmarkEditDistance(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		editDistance("sullivan", "sullivcan", 3)
		editDistance("kishida", "kishidaa", 3)
	}
}

// TestCollapseSpaces checks collapseSpaces on runs of spaces and newlines
// at either end and inside, other spaces, and invalid UTF-8 (each invalid
// byte becomes U+FFFD, as ranging over the string gives).
func TestCollapseSpaces(t *testing.T) {
	for in, want := range map[string]string{
		"plain words":                  "plain words",
		"  two  spaces \n and\n\nnew ": "two spaces and new",
		"\t a  b\u00a0 c \t":           "a b\u00a0 c",
		"é  日本\n\nß":                   "é 日本 ß",
		"bad \xff  byte\xc3":           "bad \ufffd byte\ufffd",
		"\n\n  \n":                     "",
	} {
		if got := collapseSpaces(in); got != want {
			t.Errorf("collapseSpaces(%q) = %q, want %q", in, got, want)
		}
	}
}

// BenchmarkCollapseSpaces measures collapseSpaces on a scraped paragraph
// with doubled spaces, and on one of wrapped lines.
func BenchmarkCollapseSpaces(b *testing.B) {
	for _, c := range []struct{ name, s string }{
		{"doubled", strings.Repeat("The minister said  the talks went well.  “We agreed,” he said.\n", 50)},
		{"lines", strings.Repeat("The minister said that the talks went well and that both sides had agreed\n", 50)},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.s)))
			b.ReportAllocs()
			for b.Loop() {
				collapseSpaces(c.s)
			}
		})
	}
}

// BenchmarkFindName looks up full names, surnames and unknown names in a
// registry of 200 people, as registerMentions does for every mention: the
// folded keys are built on the stack, so a lookup allocates nothing.
func BenchmarkFindName(b *testing.B) {
	var r registry
	for i := range 200 {
		p := &person{}
		p.setName([]string{fmt.Sprintf("Given%d", i), fmt.Sprintf("Surname%d", i)})
		r.add(p)
	}
	names := [][]string{{"Given7", "Surname7"}, {"SURNAME150"}, {"Nobody", "Else"}, {"Surname3."}, {"Given9", "Surname10"}}
	b.ReportAllocs()
	for b.Loop() {
		for _, n := range names {
			r.findName(n)
		}
	}
}

// TestFindNameFolds checks that findName folds case as nameKey does.
func TestFindNameFolds(t *testing.T) {
	var r registry
	p := &person{}
	p.setName([]string{"Karine", "Jean-Pierre"})
	r.add(p)
	for _, n := range [][]string{{"KARINE", "jean-pierre"}, {"Jean-PIERRE"}, {"jean-pierre."}} {
		if got := r.findName(n); got != p {
			t.Errorf("findName(%q) = %v, want Karine Jean-Pierre", n, got)
		}
	}
	if got := r.findName([]string{"Karine", "Smith"}); got != nil {
		t.Errorf("findName(Karine Smith) = %v, want nil", got.name)
	}
}

// TestCollapseSpacesRandom checks collapseSpaces on random texts of
// letters, spaces, newlines and other white space against its definition:
// the trimmed text's words between spaces and newlines, joined by one
// space.
func TestCollapseSpacesRandom(t *testing.T) {
	alphabet := []string{"a", "b", " ", " ", "\n", "\t", "é", "\u00a0", "  ", ".\n"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var sb strings.Builder
		for range rng.IntN(24) {
			sb.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := sb.String()
		want := strings.Join(strings.FieldsFunc(strings.TrimSpace(s), func(r rune) bool { return r == ' ' || r == '\n' }), " ")
		if got := collapseSpaces(s); got != want {
			t.Fatalf("collapseSpaces(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestNameKeys checks the keys setName keeps against their definitions:
// nameKey, and the surname lower-cased without its full stop.
func TestNameKeys(t *testing.T) {
	for _, name := range [][]string{
		nil, {"Misri"}, {"Vikram", "Misri"}, {"Karine", "Jean-Pierre"}, {"J.", "Smith", "Jr."}, {"ÉMILE", "ZOLA"},
		{"İbrahim", "KALIN"}, {"x", "y", "Ö."}, {"Dr."}, {"a-very-long-given-name-of-many-letters", "and-a-surname-longer-still-than-that"},
	} {
		key, sur := nameKeys(name)
		wantSur := ""
		if len(name) > 0 {
			wantSur = strings.ToLower(strings.TrimSuffix(name[len(name)-1], "."))
		}
		if key != nameKey(name) || sur != wantSur {
			t.Errorf("nameKeys(%q) = %q, %q; want %q, %q", name, key, sur, nameKey(name), wantSur)
		}
	}
}
