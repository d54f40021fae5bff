package textclean

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
)

// pieces are the bits that differential inputs are made of: printable ASCII,
// line breaks, the spaces and controls Normalize changes, non-ASCII text it
// keeps, the starts of control sequences and bytes that are not UTF-8.
var pieces = []string{
	"a", "Q", " ", ".", "~", "MS. LEAVITT:", "\n", "\n\n", "\r\n", "\r", "\t", "\v", "\f",
	"\x00", "\x01", "\x07", "\x08", "\x1a", "\x1f", "\x7f", "\x1b", "\x1b[", "\x1b]0;", "\x1b\\", "[2J",
	"\u00a0", "\u00ad", "\u0085", "\u009b", "\u009c", "\u009d", "\u061c",
	"’", "“", "”", "—", "…", "\u2009", "\u200b", "\u200d", "\u2028", "\u202e", "\u202f", "\u205f", "\u2060", "\u2066",
	"\u3000", "\ufeff", "\ufffd", "\U000e0041", "é", "e\u0301", "日本", "한국", "👍🏽",
	"\xff", "\xc2", "\xe2\x80", "\xf0\x9f", "\xed\xa0\x80", "\xc0\xaf", "\xf4\x90\x80\x80",
}

// randomText joins n pieces drawn at random, plain ASCII more often than
// not so that the eight-byte fast paths run.
func randomText(r *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		if r.IntN(3) == 0 {
			b.WriteString(pieces[r.IntN(len(pieces))])
		} else {
			b.WriteString("plain text "[:1+r.IntN(11)])
		}
	}
	return b.String()
}

// differentialInputs are the normalisation cases, every piece at every
// offset of a plain line, and random texts of many lengths, some across the
// 8 KiB that Decode sniffs for controls.
func differentialInputs() []string {
	var in []string
	for _, tc := range normalizeCases {
		in = append(in, tc.in, "x"+tc.in, "0123456"+tc.in+"abc")
	}
	plain := strings.Repeat("abcdefgh ", 3)
	for _, p := range pieces {
		for i := 0; i <= len(plain); i++ {
			in = append(in, plain[:i]+p+plain[i:])
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 3000 {
		in = append(in, randomText(r, 1+i%60))
	}
	for range 40 {
		in = append(in, randomText(r, 2000+r.IntN(2000)))
	}
	return in
}

// TestFirstChangeAgreesWithReference checks the word-at-a-time scans
// against the rune-by-rune and byte-by-byte ones: firstChange over strings
// and byte slices, and binaryControls.
func TestFirstChangeAgreesWithReference(t *testing.T) {
	for _, s := range differentialInputs() {
		want := refFirstChange(s)
		if got := firstChange(s); got != want {
			t.Fatalf("firstChange(%q) = %d, want %d", s, got, want)
		}
		if got := firstChange([]byte(s)); got != want {
			t.Fatalf("firstChange([]byte(%q)) = %d, want %d", s, got, want)
		}
		n := 0
		for _, c := range []byte(s) {
			if binaryControl(rune(c)) {
				n++
			}
		}
		if got, want := invalidOffset(s), refInvalidOffset(s); got != want || invalidOffset([]byte(s)) != want {
			t.Fatalf("invalidOffset(%q) = %d, want %d", s, got, want)
		}
		if got := binaryControls([]byte(s)); got != n {
			t.Fatalf("binaryControls(%q) = %d, want %d", s, got, n)
		}
	}
}

// TestNormalizeAgreesWithReference checks Normalize and Decode against the
// rune-by-rune forms in ref_test.go, output and errors alike.
func TestNormalizeAgreesWithReference(t *testing.T) {
	for _, s := range differentialInputs() {
		checkAgainstReference(t, s)
	}
}

// checkAgainstReference fails t unless Normalize(s) and Decode of s, with
// and without a UTF-8 byte order mark and with a few controls in front,
// give what the reference forms give.
func checkAgainstReference(t *testing.T, s string) {
	t.Helper()
	if got, want := Normalize(s), refNormalize(s); got != want {
		t.Fatalf("Normalize(%q) = %q, want %q", s, got, want)
	}
	for _, data := range []string{s, "\ufeff" + s, strings.Repeat("\x01", 8) + s} {
		if strings.HasPrefix(data, "\xff\xfe") || strings.HasPrefix(data, "\xfe\xff") {
			continue // UTF-16, which has its own path
		}
		got, err := Decode([]byte(data))
		want, wantErr := refDecode([]byte(data))
		if got != want || (err == nil) != (wantErr == nil) || (err != nil && err.Error() != wantErr.Error()) {
			t.Fatalf("Decode(%q) = %q, %v; want %q, %v", data, got, err, want, wantErr)
		}
		if err != nil && !errors.Is(err, ErrBinary) && !errors.Is(err, ErrInvalidUTF8) {
			t.Fatalf("Decode(%q) error %v wraps no sentinel", data, err)
		}
	}
}
