package quotepane

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/ui/doc"
	"github.com/brief-reader/brief/internal/ui/theme"
)

func sample() *doc.Doc {
	text := "“We will build it,” said Jane. “Trade grows,” said Ravi."
	b := &briefing.Briefing{
		Paragraphs: []briefing.Paragraph{{Text: text}},
		Speakers:   []briefing.Speaker{{ID: "jane", Name: "Jane Doe"}, {ID: "ravi", Name: "Ravi Rao"}},
		Quotes: []briefing.Quote{
			{Speaker: "jane", Kind: briefing.Direct, Text: "We will build it", Start: 3, End: 19},
			{Speaker: "ravi", Kind: briefing.Direct, Text: "Trade grows", Start: 36, End: 47},
		},
	}
	return doc.New(b)
}

// TestFilterAndShow: the query narrows the list and the title says so;
// enter asks for the quote under the cursor, tagged with the owner.
func TestFilterAndShow(t *testing.T) {
	d := sample()
	m := New(theme.NewStyles(theme.Theme{NoColor: true}), d, 4)
	m.SetBase([]int{0, 1}, false)
	m.View(40, 9)
	m.SetQuery("ravi")
	if got := m.Items(); len(got) != 1 || got[0] != 1 {
		t.Fatalf("ravi: %v", got)
	}
	if !strings.Contains(m.Title(), "Quotes 1 ~ravi") {
		t.Errorf("title %q", m.Title())
	}
	cmd := m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	if cmd == nil {
		t.Fatal("enter asked for nothing")
	}
	if got := cmd(); got != (ShowMsg{Owner: 4, Quote: 1}) {
		t.Fatalf("enter: %#v", got)
	}
	// Moving previews: the new quote, without taking focus.
	m.SetQuery("")
	m.Show(0)
	cmd = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("j")})
	if cmd == nil || cmd() != (ShowMsg{Owner: 4, Quote: 1, Preview: true}) {
		t.Fatal("j did not preview the next quote")
	}
	m.SetQuery("nobody")
	if v := ansi.Strip(strings.Join(m.View(40, 3), "\n")); !strings.Contains(v, "No quote matches") {
		t.Errorf("empty list:\n%s", v)
	}
}

// TestSectionTitleOnce: quotes under one section name it once.
func TestSectionTitleOnce(t *testing.T) {
	d := sample()
	d.B.Sections = []briefing.Section{{Title: "Trade and building", FirstParagraph: 0, LastParagraph: 0}}
	d.Sections = d.B.Sections
	d.Implicit = false
	m := New(theme.NewStyles(theme.Theme{NoColor: true}), d, 4)
	m.SetBase([]int{0, 1}, false)
	v := ansi.Strip(strings.Join(m.View(60, 6), "\n"))
	if n := strings.Count(v, "Trade and building"); n != 1 {
		t.Fatalf("the section title shows %d times:\n%s", n, v)
	}
}
