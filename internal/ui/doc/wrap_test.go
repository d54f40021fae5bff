package doc

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/brief-reader/brief/internal/hostile"
)

func TestWrap(t *testing.T) {
	cases := []struct {
		name  string
		text  string
		width int
		want  []string
	}{
		{"empty", "", 10, []string{""}},
		{"fits", "a b c", 10, []string{"a b c"}},
		{"breaks at spaces", "aaa bbb ccc", 7, []string{"aaa bbb", "ccc"}},
		{"extra spaces", "  aaa   bbb  ", 3, []string{"aaa", "bbb"}},
		{"long word", "abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"long word then word", "abcdefghij k", 4, []string{"abcd", "efgh", "ij k"}},
		{"line breaks", "a\n\nb", 5, []string{"a", "", "b"}},
		{"wide", "日本語の文章", 5, []string{"日本", "語の", "文章"}},
		{"emoji", "👩‍👩‍👧 a", 3, []string{"👩‍👩‍👧", "a"}},
		{"quotes", "“We’re here,” she said.", 12, []string{"“We’re", "here,” she", "said."}},
		{"width 1", "ab", 0, []string{"a", "b"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, r := range Wrap(c.text, c.width) {
				got = append(got, c.text[r.Start:r.End])
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Fatalf("Wrap(%q, %d) = %q, want %q", c.text, c.width, got, c.want)
			}
			if n := Count(c.text, c.width); n != len(c.want) {
				t.Fatalf("Count = %d, want %d", n, len(c.want))
			}
		})
	}
}

// TestWrapInvariants checks, on hostile text at many widths, that every
// line fits (unless it is one cluster wider than the line), that no word
// is lost, and that the word-count shortcut agrees with the algorithm.
func TestWrapInvariants(t *testing.T) {
	for _, f := range hostile.Small() {
		text := string(f.Data)
		if len(text) > 20000 {
			text = text[:20000]
		}
		text = strings.ToValidUTF8(text, "")
		for _, w := range []int{1, 2, 3, 7, 20, 80, 200} {
			ranges := Wrap(text, w)
			var words []string
			for _, r := range ranges {
				line := text[r.Start:r.End]
				if lw := ansi.StringWidth(line); lw > w && len([]rune(line)) > 1 && ansi.StringWidth(string([]rune(line)[0])) <= w {
					// Only a single cluster may overflow.
					c, cw := ansi.FirstGraphemeCluster(line, ansi.GraphemeWidth)
					if len(c) != len(line) || cw <= w {
						t.Fatalf("%s at %d: line %q is %d wide", f.Name, w, line, lw)
					}
				}
				words = append(words, line)
			}
			if got, want := strings.Join(strings.Fields(strings.Join(words, " ")), ""), strings.Join(strings.Fields(text), ""); got != want && !strings.Contains(text, "\n") {
				t.Fatalf("%s at %d: words lost", f.Name, w)
			}
			if ws := MeasureWords(text); ws != nil {
				if n, ok := ws.CountWords(w); ok && n != len(ranges) {
					t.Fatalf("%s at %d: CountWords %d, Wrap %d lines", f.Name, w, n, len(ranges))
				}
			}
		}
	}
}

func TestCutStyled(t *testing.T) {
	text := "one two three four"
	styled := "one \x1b[3mtwo three\x1b[0m four"
	lines := CutStyled(styled, Wrap(text, 7))
	want := []string{"one \x1b[3mtwo\x1b[0m", "\x1b[3mthree\x1b[0m", "four"}
	if strings.Join(lines, "|") != strings.Join(want, "|") {
		t.Fatalf("CutStyled = %q, want %q", lines, want)
	}
	for i, l := range lines {
		if ansi.Strip(l) != text[Wrap(text, 7)[i].Start:Wrap(text, 7)[i].End] {
			t.Fatalf("line %d text %q", i, ansi.Strip(l))
		}
	}
}

func TestStyledRefusesChangedText(t *testing.T) {
	if _, ok := Styled("AT&T \x1b[3mx\x1b[0m", "AT&amp;T x"); ok {
		t.Fatal("Styled accepted a render that changed the words")
	}
	if s, ok := Styled("a \x1b]8;;http://x\x07b\x1b]8;;\x07 \x1b[1mc\x1b[0m\n", "a b c"); !ok || strings.Contains(s, "]8;") {
		t.Fatalf("Styled = %q, %v: want the OSC 8 dropped and the text kept", s, ok)
	}
}
