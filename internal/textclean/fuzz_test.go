package textclean

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzNormalize(f *testing.F) {
	for _, tc := range normalizeCases {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := Normalize(in)
		checkClean(t, out)
		if i, want := firstChange(in), refFirstChange(in); i != want || firstChange([]byte(in)) != want {
			t.Fatalf("firstChange(%q) = %d (%d as bytes), want %d", in, i, firstChange([]byte(in)), want)
		}
		checkAgainstReference(t, in)
		if again := Normalize(out); again != out {
			t.Fatalf("not idempotent: Normalize(%q) = %q, then %q", in, out, again)
		}
		checkSubsequence(t, in, out)
		line := Line(in)
		if strings.Contains(line, "\n") {
			t.Fatalf("Line(%q) = %q holds a newline", in, line)
		}
		if want := strings.ReplaceAll(out, "\n", " "); line != want {
			t.Fatalf("Line(%q) = %q, want %q", in, line, want)
		}
	})
}

func FuzzDecode(f *testing.F) {
	for _, tc := range normalizeCases {
		f.Add([]byte(tc.in))
	}
	f.Add([]byte("\xef\xbb\xbfMS. LEAVITT: hi\r\n"))
	f.Add(utf16Bytes("MS. LEAVITT: “hi” 👍🏽\r\n", false))
	f.Add(utf16Bytes("記者会見\t😀\x1b[2J", true))
	f.Add([]byte{0xFF, 0xFE, 0x3D, 0xD8})
	f.Add([]byte(strings.Repeat("\x01", 9)))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkAgainstReference(t, string(data))
		out, err := Decode(data)
		if err != nil {
			if !errors.Is(err, ErrBinary) && !errors.Is(err, ErrInvalidUTF8) && !errors.Is(err, ErrInvalidUTF16) {
				t.Fatalf("Decode(%q) error %v wraps no sentinel", data, err)
			}
			if out != "" {
				t.Fatalf("Decode(%q) returned %q with error %v", data, out, err)
			}
			return
		}
		checkClean(t, out)
		if again := Normalize(out); again != out {
			t.Fatalf("Decode(%q) = %q is not normal: %q", data, out, again)
		}
		utf16 := len(data) >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF))
		if utf16 {
			return
		}
		if !utf8.Valid(data) {
			t.Fatalf("Decode accepted invalid UTF-8 %q", data)
		}
		if strings.IndexByte(string(data), 0) >= 0 {
			t.Fatalf("Decode accepted %q, which holds a NUL", data)
		}
		if want := Normalize(strings.TrimPrefix(string(data), "\uFEFF")); out != want {
			t.Fatalf("Decode(%q) = %q, want Normalize of it, %q", data, out, want)
		}
	})
}

// checkSubsequence fails t unless out could have come from in by deleting
// code points and replacing some with a space, a newline or U+FFFD: every
// other code point of out must appear in in, in the same order.
func checkSubsequence(t *testing.T, in, out string) {
	t.Helper()
	rest := in
	for _, r := range out {
		if r == ' ' || r == '\n' || r == utf8.RuneError {
			continue
		}
		i := strings.IndexRune(rest, r)
		if i < 0 {
			t.Fatalf("Normalize(%q) = %q invented %U", in, out, r)
		}
		rest = rest[i+utf8.RuneLen(r):]
	}
}
