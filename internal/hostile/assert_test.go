package hostile

import (
	"fmt"
	"strings"
	"testing"
)

// fakeTB records what an assertion reports. Only Helper and Errorf are
// implemented: calling anything else panics on the nil embedded TB.
type fakeTB struct {
	testing.TB
	errs []string
}

func (f *fakeTB) Helper() {}

func (f *fakeTB) Errorf(format string, args ...any) {
	f.errs = append(f.errs, fmt.Sprintf(format, args...))
}

func TestAssertSafe(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		wantMsg string // "" if the text is safe
	}{
		{"empty", "", ""},
		{"plain with newlines", "MS. LEAVITT: Hello.\n\nQ Hi.\n", ""},
		{"cjk emoji combining", "記者：“はい” 👍🏽 👨\u200d👩\u200d👧 e\u0301", ""},
		{"invisible but inert", "pass\u200bword\U000E0041\u00ad\ufeff", ""},
		{"esc", "a\x1b[2Jb", "ESC (U+001B) at byte 1"},
		{"osc bel", "a\x07", "C0 control (U+0007) at byte 1"},
		{"tab", "a\tb", "C0 control (U+0009) at byte 1"},
		{"cr", "a\r\n", "C0 control (U+000D) at byte 1"},
		{"nul", "\x00", "C0 control (U+0000) at byte 0"},
		{"del", "ab\x7f", "DEL (U+007F) at byte 2"},
		{"c1 csi", "a\u009b2J", "C1 control (U+009B) at byte 1"},
		{"c1 nel", "a\u0085", "C1 control (U+0085) at byte 1"},
		{"raw 8-bit csi byte", "a\x9b2J", "invalid UTF-8 (byte 0x9B) at byte 1"},
		{"rlo", "MS. \u202eTTIVAEL", "bidi control (U+202E) at byte 4"},
		{"lre", "\u202a", "bidi control (U+202A) at byte 0"},
		{"pdi", "x\u2069", "bidi control (U+2069) at byte 1"},
		{"lrm", "x\u200e", "bidi control (U+200E) at byte 1"},
		{"rlm", "x\u200f", "bidi control (U+200F) at byte 1"},
		{"alm", "x\u061c", "bidi control (U+061C) at byte 1"},
		{"counts all", "\x1b\x1b\x07", "3 forbidden"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var f fakeTB
			AssertSafe(&f, tc.in)
			if tc.wantMsg == "" {
				if len(f.errs) != 0 {
					t.Errorf("AssertSafe(%q) reported %q, want nothing", tc.in, f.errs)
				}
				return
			}
			if len(f.errs) != 1 {
				t.Fatalf("AssertSafe(%q) reported %d errors, want 1: %q", tc.in, len(f.errs), f.errs)
			}
			if !strings.Contains(f.errs[0], tc.wantMsg) {
				t.Errorf("AssertSafe(%q) reported %q, want it to mention %q", tc.in, f.errs[0], tc.wantMsg)
			}
		})
	}
}

func TestAssertClean(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		wantErrs int
		wantMsg  []string // Each must appear in the errors reported.
	}{
		{"clean", "MS. LEAVITT: “Hello.”\n\n記者 👍🏽\n", 0, nil},
		{"zero-width joiner", "pass\u200dword", 1, []string{"not normalised", "byte 4 (U+200D)"}},
		{"nbsp", "MS.\u00a0LEAVITT", 1, []string{"not normalised", "byte 3 (U+00A0)"}},
		{"tag", "a\U000E0041", 1, []string{"not normalised", "byte 1 (U+E0041)"}},
		{"unsafe is also not normalised", "a\x1b[2J", 2, []string{"not safe", "not normalised"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var f fakeTB
			AssertClean(&f, tc.in)
			if len(f.errs) != tc.wantErrs {
				t.Fatalf("AssertClean(%q) reported %q, want %d errors", tc.in, f.errs, tc.wantErrs)
			}
			all := strings.Join(f.errs, "\n")
			for _, want := range tc.wantMsg {
				if !strings.Contains(all, want) {
					t.Errorf("AssertClean(%q) reported %q, want it to mention %q", tc.in, all, want)
				}
			}
		})
	}
}

// TestAssertSafePasses checks that the helpers accept plain text when given
// a real testing.T.
func TestAssertSafePasses(t *testing.T) {
	AssertSafe(t, "MS. LEAVITT: Hello.\n")
	AssertClean(t, "MS. LEAVITT: Hello.\n")
}
