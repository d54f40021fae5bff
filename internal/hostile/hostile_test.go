package hostile

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/brief-reader/brief/internal/textclean"
)

var update = flag.Bool("update", false, "rewrite testdata/fixtures.sha256")

// TestFixturesDeterministic checks that two calls build the same bytes, and
// that those bytes match the checksums in testdata, so a fixture cannot change
// by accident. Run with -update after changing one on purpose.
func TestFixturesDeterministic(t *testing.T) {
	first, second := Fixtures(), Fixtures()
	if len(first) != len(second) {
		t.Fatalf("Fixtures returned %d, then %d fixtures", len(first), len(second))
	}
	var sums strings.Builder
	for i := range first {
		if first[i].Name != second[i].Name || !bytes.Equal(first[i].Data, second[i].Data) {
			t.Errorf("fixture %d (%s) differs between calls", i, first[i].Name)
		}
		fmt.Fprintf(&sums, "%x  %s\n", sha256.Sum256(first[i].Data), first[i].Name)
	}
	for _, f := range append(Rejected(), YAML()...) {
		fmt.Fprintf(&sums, "%x  %s\n", sha256.Sum256(f.Data), f.Name)
	}
	for _, sh := range Shapes() {
		fmt.Fprintf(&sums, "%x  %s\n", sha256.Sum256(sh.Build(64<<10)), sh.Name)
	}
	golden := filepath.Join("testdata", "fixtures.sha256")
	if *update {
		if err := os.WriteFile(golden, []byte(sums.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if sums.String() != string(want) {
		t.Errorf("fixture checksums differ from %s (run with -update if the change is meant):\ngot:\n%s\nwant:\n%s", golden, sums.String(), want)
	}
}

// TestFixturesAreFresh checks that callers get their own copies.
func TestFixturesAreFresh(t *testing.T) {
	a := Small()
	a[0].Data[0] ^= 0xFF
	if b := Small(); bytes.Equal(a[0].Data, b[0].Data) {
		t.Error("changing a fixture's Data changed the next call's Data")
	}
}

var nameRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func TestNamesAndNotes(t *testing.T) {
	seen := map[string]bool{}
	shapes := Shapes()
	all := append(Fixtures(), Rejected()...)
	all = append(all, YAML()...)
	for _, sh := range shapes {
		all = append(all, Fixture{Name: sh.Name, Note: sh.Note})
	}
	for _, f := range all {
		if !nameRE.MatchString(f.Name) {
			t.Errorf("fixture name %q is not lower-case words joined by dashes", f.Name)
		}
		if seen[f.Name] {
			t.Errorf("fixture name %q is used twice", f.Name)
		}
		seen[f.Name] = true
		if f.Note == "" {
			t.Errorf("fixture %s has no note", f.Name)
		}
	}
}

func TestSmallAndLarge(t *testing.T) {
	all, small := Fixtures(), Small()
	if len(small) == 0 || len(small) >= len(all) {
		t.Fatalf("Small returned %d of %d fixtures", len(small), len(all))
	}
	for i, f := range all {
		isSmall := i < len(small)
		if isSmall && f.Name != small[i].Name {
			t.Errorf("Fixtures()[%d] is %s, Small()[%d] is %s: Small should come first", i, f.Name, i, small[i].Name)
		}
		if isSmall != (len(f.Data) < SmallLimit) {
			t.Errorf("fixture %s is %d bytes, but small is %v", f.Name, len(f.Data), isSmall)
		}
	}
}

// byName indexes fixtures by name.
func byName(t *testing.T, fs []Fixture) map[string]string {
	t.Helper()
	m := make(map[string]string, len(fs))
	for _, f := range fs {
		m[f.Name] = string(f.Data)
	}
	return m
}

// TestFixturesHoldWhatTheyPromise checks that each fixture contains the
// hostile thing its name promises.
func TestFixturesHoldWhatTheyPromise(t *testing.T) {
	all := byName(t, Fixtures())
	contains := func(subs ...string) func(string) error {
		return func(s string) error {
			for _, sub := range subs {
				if !strings.Contains(s, sub) {
					return fmt.Errorf("missing %q", sub)
				}
			}
			return nil
		}
	}
	tests := []struct {
		name  string
		check func(string) error
	}{
		{"osc52-clipboard", contains("\x1b]52;c;", "\x1b]52;p;", "\x07", "\x1b\\")},
		{"osc0-title", contains("\x1b]0;pwned\x07", "\x1b]2;", "\x1b[21t")},
		{"osc8-links", contains("\x1b]8;;https://", "\x1b]8;;\x1b\\", "the readout")},
		{"csi-cursor-clear", contains("\x1b[2J", "\x1b[H", "\x1b[10;20H", "\x1b[A", "\x1b[?1049h", "\x1b[6n")},
		{"bracketed-paste", contains("\x1b[200~", "\x1b[201~")},
		{"control-strings", contains("\x1bP", "\x1bX", "\x1b^", "\x1b_", "\x1bPtmux;")},
		{"unterminated-sequences", func(s string) error {
			if !strings.HasSuffix(s, "\x1b") {
				return errors.New("does not end with a lone ESC")
			}
			return contains("\x1b]0;this title never ends")(s)
		}},
		{"c1-controls", func(s string) error {
			for r := rune(0x80); r <= 0x9F; r++ {
				if !strings.ContainsRune(s, r) {
					return fmt.Errorf("missing %U", r)
				}
			}
			return nil
		}},
		{"bidi-controls", contains("\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c")},
		{"zero-width", contains("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "pass\u200dword")},
		{"tag-characters", contains("\U000E0001", "\U000E0069", "\U000E007F")},
		{"speaker-label-escapes", contains("\x1b]0;pwned\x07MS. LEAVITT: hello", "MR. \x1b[31mKIRBY")},
		{"article-quote-escapes", contains("“", "”", "‘", "’", "said", "\x1b[31m“")},
		{"cjk-emoji", contains("記者", "한국어", "👍🏽", "👨\u200d👩\u200d👧\u200d👦", "🇮🇳", "e\u0301", "：")},
		{"long-word", func(s string) error {
			for _, w := range strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '“' || r == '”' }) {
				if utf8.RuneCountInString(w) == 10000 {
					return nil
				}
			}
			return errors.New("no word of exactly 10,000 characters")
		}},
		{"nested-quotes", func(s string) error {
			first := strings.IndexAny(s, "”’")
			if n := strings.Count(s[:first], "“") + strings.Count(s[:first], "‘"); n != 1000 {
				return fmt.Errorf("%d quotes open before the first close, want 1000", n)
			}
			return nil
		}},
		{"unbalanced-quotes", func(s string) error {
			para, _, _ := strings.Cut(s, "\n\n")
			if n := strings.Count(para, "“"); n != 10000 || strings.ContainsAny(para, "”’") {
				return fmt.Errorf("first paragraph has %d openers and closers %v, want 10000 and none", n, strings.ContainsAny(para, "”’"))
			}
			return nil
		}},
		{"long-line-1mib", func(s string) error {
			if len(s) != 1<<20 || strings.ContainsAny(s, "\n\r") {
				return fmt.Errorf("%d bytes, newline %v; want 1 MiB on one line", len(s), strings.ContainsAny(s, "\n\r"))
			}
			return contains("MS. LEAVITT: ", "“", "’")(s)
		}},
		{"paragraphs-100k", func(s string) error {
			if n := len(strings.Split(strings.TrimSuffix(s, "\n"), "\n\n")); n != 100000 {
				return fmt.Errorf("%d paragraphs, want 100000", n)
			}
			return nil
		}},
		{"osc-unterminated-1mib", func(s string) error {
			if len(s) != 1<<20 || strings.ContainsAny(s, "\x07\n") || strings.Contains(s, "\x1b\\") {
				return errors.New("not a 1 MiB unterminated OSC")
			}
			return nil
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, ok := all[tc.name]
			if !ok {
				t.Fatalf("no fixture named %s", tc.name)
			}
			if err := tc.check(s); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestFixturesDecodeSafely runs every fixture through textclean.Decode,
// which must accept it and return clean text.
func TestFixturesDecodeSafely(t *testing.T) {
	for _, f := range Fixtures() {
		t.Run(f.Name, func(t *testing.T) {
			text, err := textclean.Decode(f.Data)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			AssertClean(t, text)
		})
	}
}

func TestRejected(t *testing.T) {
	want := map[string]error{
		"nul-byte":                 textclean.ErrBinary,
		"png-header":               textclean.ErrBinary,
		"control-soup":             textclean.ErrBinary,
		"latin1":                   textclean.ErrInvalidUTF8,
		"raw-8bit-csi":             textclean.ErrInvalidUTF8,
		"overlong-utf8":            textclean.ErrInvalidUTF8,
		"utf16-no-bom":             textclean.ErrBinary,
		"utf16-unpaired-surrogate": textclean.ErrInvalidUTF16,
	}
	rejected := Rejected()
	if len(rejected) != len(want) {
		t.Errorf("Rejected returned %d fixtures, want %d", len(rejected), len(want))
	}
	for _, f := range rejected {
		t.Run(f.Name, func(t *testing.T) {
			wantErr, ok := want[f.Name]
			if !ok {
				t.Fatalf("no expected error for %s", f.Name)
			}
			if _, err := textclean.Decode(f.Data); !errors.Is(err, wantErr) {
				t.Errorf("Decode error = %v, want %v", err, wantErr)
			}
			AssertClean(t, textclean.Normalize(string(f.Data)))
		})
	}
}

// BenchmarkDecodeFixtures measures textclean.Decode over every fixture, to
// show that hostile input is cleaned in linear time.
func BenchmarkDecodeFixtures(b *testing.B) {
	for _, f := range Fixtures() {
		b.Run(f.Name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(f.Data)))
			for b.Loop() {
				if _, err := textclean.Decode(f.Data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkFixtures measures building every fixture.
func BenchmarkFixtures(b *testing.B) {
	b.ReportAllocs()
	var n int64
	for _, f := range Fixtures() {
		n += int64(len(f.Data))
	}
	b.SetBytes(n)
	for b.Loop() {
		Fixtures()
	}
}

// TestShapes checks that each scaling shape builds the size asked, a line
// more at most, the same bytes each time, and text that Decode accepts.
func TestShapes(t *testing.T) {
	for _, sh := range Shapes() {
		for _, size := range []int{1 << 10, 64 << 10} {
			data := sh.Build(size)
			if len(data) < size || len(data) > size+256 {
				t.Errorf("%s: Build(%d) made %d bytes", sh.Name, size, len(data))
			}
			if !bytes.Equal(data, sh.Build(size)) {
				t.Errorf("%s: Build(%d) differs between calls", sh.Name, size)
			}
			if _, err := textclean.Decode(data); err != nil {
				t.Errorf("%s: %v", sh.Name, err)
			}
		}
		if sh.Ext == "" || sh.Build == nil {
			t.Errorf("%s: no Ext or Build", sh.Name)
		}
	}
}

// TestPeopleAreDistinct checks that Person names thousands of people apart.
func TestPeopleAreDistinct(t *testing.T) {
	seen := map[string]int{}
	for i := range 100000 {
		first, last := Person(i)
		name := first + " " + last
		if j, ok := seen[name]; ok {
			t.Fatalf("Person(%d) = Person(%d) = %s", i, j, name)
		}
		seen[name] = i
	}
}
