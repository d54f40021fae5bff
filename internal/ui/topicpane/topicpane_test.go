package topicpane

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/ui/theme"
)

func sample() *briefing.Briefing {
	return &briefing.Briefing{
		Topics: []briefing.TopicShare{{ID: "defence", Label: "Defence", Share: 0.5}, {ID: "space", Label: "Space", Share: 0.1}},
		Quotes: []briefing.Quote{
			{Topics: []string{"defence"}}, {Topics: []string{"defence", "space"}}, {Topics: []string{"trade"}},
		},
	}
}

// TestCountsAreTheFilter holds the number beside a topic to the quotes a
// filter on it keeps.
func TestCountsAreTheFilter(t *testing.T) {
	b := sample()
	m := New(theme.NewStyles(theme.Theme{NoColor: true}), b, 7)
	for _, tp := range b.Topics {
		want := len(briefing.Filter{Topics: []string{tp.ID}}.Quotes(b))
		if got := m.Count(tp.ID); got != want {
			t.Errorf("%s: pane says %d, the filter keeps %d", tp.ID, got, want)
		}
	}
	view := ansi.Strip(strings.Join(m.View(30, 4), "\n"))
	if !strings.Contains(view, "words") || !strings.Contains(view, "quotes") {
		t.Errorf("no legend for the bar and the number:\n%s", view)
	}
}

// TestToggle: j moves to Space, enter asks for it, tagged with the owner.
func TestToggle(t *testing.T) {
	m := New(theme.NewStyles(theme.Theme{NoColor: true}), sample(), 7)
	m.View(30, 5)
	m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("j")})
	cmd := m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	if cmd == nil {
		t.Fatal("enter asked for nothing")
	}
	if got, ok := cmd().(ToggledMsg); !ok || got != (ToggledMsg{Owner: 7, ID: "space"}) {
		t.Fatalf("enter asked for %#v", got)
	}
	m.SetSelected([]string{"space"})
	if view := strings.Join(m.View(30, 5), "\n"); !strings.Contains(view, "✓") {
		t.Errorf("the selected topic has no check:\n%s", view)
	}
}

// TestAll: A does nothing until the root enables it for a library; then
// it asks for the topic under the cursor across briefings.
func TestAll(t *testing.T) {
	m := New(theme.NewStyles(theme.Theme{NoColor: true}), sample(), 7)
	m.View(30, 5)
	m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("j")})
	if cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("A")}); cmd != nil {
		t.Fatalf("A without a library asked for %#v", cmd())
	}
	m.All.SetEnabled(true)
	cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("A")})
	if cmd == nil {
		t.Fatal("A asked for nothing")
	}
	if got := cmd(); got != (AllMsg{ID: "space", Label: "Space"}) {
		t.Fatalf("A asked for %#v", got)
	}
}
