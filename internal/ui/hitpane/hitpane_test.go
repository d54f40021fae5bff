package hitpane

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/ui/theme"
)

func hits() []Hit {
	d := time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC)
	return []Hit{
		{BriefingID: 4, Title: "Weekly briefing", Date: d, Speaker: "Spokesperson", Kind: briefing.Direct, Text: "We will answer that next week.", QuoteIndex: 2, Paragraph: 5},
		{BriefingID: 9, Title: "日本語の題", Speaker: "大臣", Kind: briefing.Reported, Text: strings.Repeat("long reported speech ", 40), QuoteIndex: 0, Paragraph: 1, Starred: true},
	}
}

// TestOpen: j then enter asks for the second hit's briefing at its quote.
func TestOpen(t *testing.T) {
	m := New(theme.NewStyles(theme.Theme{NoColor: true}), "Starred", "No starred quotes.", hits())
	m.Focus()
	m.View(40, 9)
	move := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("j")})
	if move == nil || move() != (PreviewMsg{BriefingID: 9, QuoteIndex: 0}) {
		t.Fatal("j did not ask for a preview of the second hit")
	}
	if m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("j")}) != nil {
		t.Fatal("j on the last hit asked for a preview")
	}
	cmd := m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	if cmd == nil {
		t.Fatal("enter asked for nothing")
	}
	if got := cmd(); got != (OpenMsg{BriefingID: 9, QuoteIndex: 0, Paragraph: 1}) {
		t.Fatalf("enter asked for %#v", got)
	}
	if m.Title() != "Starred 2" {
		t.Errorf("title %q", m.Title())
	}
}

// TestView: exact size at every width, the briefing's date and title on
// the item, the star on starred quotes (and off once unstarred), the
// empty message.
func TestView(t *testing.T) {
	m := New(theme.NewStyles(theme.Theme{NoColor: true}), "Search", "", hits())
	for w := 1; w <= 70; w += 3 {
		for h := 1; h <= 8; h++ {
			lines := m.View(w, h)
			if len(lines) != h {
				t.Fatalf("%d×%d: %d rows", w, h, len(lines))
			}
			for i, l := range lines {
				if n := ansi.StringWidth(l); n != w {
					t.Fatalf("%d×%d: row %d is %d cells: %q", w, h, i, n, l)
				}
			}
		}
	}
	view := ansi.Strip(strings.Join(m.View(60, 6), "\n"))
	for _, want := range []string{"Spokesperson 2025-03-14 Weekly briefing", "“We will answer", StarMark + "大臣"} {
		if !strings.Contains(view, want) {
			t.Errorf("view lacks %q:\n%s", want, view)
		}
	}
	m.SetStarred(9, 0, false)
	if view := ansi.Strip(strings.Join(m.View(60, 6), "\n")); strings.Contains(view, StarMark) {
		t.Errorf("unstarred, still starred:\n%s", view)
	}
	e := New(theme.NewStyles(theme.Theme{NoColor: true}), "Starred", "No starred quotes.", nil)
	if view := ansi.Strip(strings.Join(e.View(30, 3), "\n")); !strings.Contains(view, "No starred quotes.") {
		t.Errorf("empty view:\n%s", view)
	}
}
