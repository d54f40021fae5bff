package hostile

import (
	"fmt"
	"testing"
	"unicode/utf8"

	"github.com/brief-reader/brief/internal/textclean"
)

// unsafeClass names the class of a code point that may not be printed, or
// returns "" if r is safe. Tabs are unsafe: textclean turns them into spaces,
// and a tab in output would both bypass that and break layout measured in
// cells.
func unsafeClass(r rune) string {
	switch {
	case r == 0x1B:
		return "ESC"
	case r < 0x20 && r != '\n':
		return "C0 control"
	case r == 0x7F:
		return "DEL"
	case r >= 0x80 && r <= 0x9F:
		return "C1 control"
	case r == 0x061C, r == 0x200E, r == 0x200F, r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return "bidi control"
	}
	return ""
}

// AssertSafe fails t, with Errorf, if s holds anything that could drive a
// terminal or reorder what the reader sees: bytes that are not valid UTF-8
// (a terminal in 8-bit mode reads a stray 0x9B as CSI), ESC, any other C0
// control except LF (tab included), DEL, a C1 control (U+0080–U+009F), or
// a bidi control (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069).
//
// It is the shared definition of "safe to print" for text the reader
// renders. Call it on plain output: render with an Ascii colour profile, or
// strip styling first, since styling escapes are unsafe by this definition.
// Invisible characters that cannot move the cursor or reorder text (zero
// width characters, tags) are allowed here; AssertClean forbids them too.
func AssertSafe(t testing.TB, s string) {
	t.Helper()
	count, first := 0, ""
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		class := unsafeClass(r)
		if r == utf8.RuneError && size == 1 {
			class = "invalid UTF-8"
		}
		if class != "" {
			if count == 0 {
				first = fmt.Sprintf("%s (%s) at byte %d, near %q", class, describe(s[i:i+size]), i, around(s, i, size))
			}
			count++
		}
		i += size
	}
	if count > 0 {
		t.Errorf("text is not safe to print: %d forbidden code points or bytes; the first is %s", count, first)
	}
}

// AssertClean fails t, with Errorf, if s is not safe by AssertSafe or is not
// already normalised: if textclean.Normalize would change it, for instance
// because it holds a zero-width character, a tab, a CR or a non-ASCII space.
// Use it on text that should have come through textclean, such as parser
// output.
func AssertClean(t testing.TB, s string) {
	t.Helper()
	AssertSafe(t, s)
	n := textclean.Normalize(s)
	if n == s {
		return
	}
	i := 0
	for i < len(s) && i < len(n) && s[i] == n[i] {
		i++
	}
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	t.Errorf("text is not normalised: textclean.Normalize changes it at byte %d (%s), near %q", i, describe(s[i:i+size]), around(s, i, size))
}

// describe names the code point or byte at the start of s.
func describe(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError && size <= 1 {
		if s == "" {
			return "end of text"
		}
		return fmt.Sprintf("byte 0x%02X", s[0])
	}
	return fmt.Sprintf("%U", r)
}

// around returns up to 20 bytes of s either side of s[i:i+size], cut at code
// point boundaries where the text allows.
func around(s string, i, size int) string {
	lo, hi := max(0, i-20), min(len(s), i+size+20)
	for lo > 0 && lo < i && !utf8.RuneStart(s[lo]) {
		lo++
	}
	for hi < len(s) && hi > i+size && !utf8.RuneStart(s[hi]) {
		hi--
	}
	return s[lo:hi]
}
