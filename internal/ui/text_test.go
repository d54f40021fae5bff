package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/brief-reader/brief/internal/ui/doc"
)

// TestWidthAgrees holds the fast width to ansi.StringWidth for every rune
// it counts itself, alone and next to others, and for text it hands on.
func TestWidthAgrees(t *testing.T) {
	var runes []rune
	for r := rune(0x20); r < 0x30000; r++ {
		if doc.NarrowRune(r) || r < 0x7f {
			runes = append(runes, r)
		}
	}
	for _, r := range runes {
		for _, s := range []string{string(r), "a" + string(r) + "b", string(r) + string(r), "\x1b[1m" + string(r) + "\x1b[0m"} {
			if got, want := width(s), ansi.StringWidth(s); got != want {
				t.Fatalf("width(%q) = %d, ansi.StringWidth = %d", s, got, want)
			}
		}
	}
	for _, s := range []string{
		"日本語", "👩‍👩‍👧", "e\u0301", "▶\ufe0f", "a\u00adb", "\x1b]8;;x\x07y", "tab\there", "—“quote”…", "§2 · ¶3 ⧩ ✓ ◆ ○ ● ▸ › ▏ ▌ ┆ ┃",
	} {
		if got, want := width(s), ansi.StringWidth(s); got != want {
			t.Errorf("width(%q) = %d, ansi.StringWidth = %d", s, got, want)
		}
	}
}

func TestAnchorRow(t *testing.T) {
	if got := anchorRow("plain │ text — “quoted” ▶"); got != "plain │ text — “quoted” ▶" {
		t.Fatalf("a plain row changed: %q", got)
	}
	row := "│नमस्ते ❤️ 日本│"
	got := anchorRow(row)
	if ansi.StringWidth(got) != ansi.StringWidth(row) || ansi.Strip(got) != ansi.Strip(row) {
		t.Fatalf("anchoring changed the row: %q", got)
	}
	// नमस्ते is three clusters; the conjunct ends at column 4 (after the
	// border), so the cursor goes to column 5; ❤️ ends at 7, so 8.
	for _, want := range []string{"स्ते\x1b[5G", "❤️\x1b[8G"} {
		if !strings.Contains(got, want) {
			t.Errorf("anchored row %q lacks %q", got, want)
		}
	}
	if strings.Contains(got, "日本\x1b[") {
		t.Error("CJK, which terminals agree on, was anchored")
	}
}
