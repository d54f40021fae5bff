package speakerpane

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
	b := &briefing.Briefing{
		Paragraphs: []briefing.Paragraph{{Text: "a b c"}},
		Speakers: []briefing.Speaker{
			{ID: "misri", Name: "Vikram Misri", Kind: briefing.Person},
			{ID: "q", Name: "Reporters", Kind: briefing.Questioner},
		},
		Quotes: []briefing.Quote{
			{Speaker: "misri", Kind: briefing.Direct, End: 1},
			{Speaker: "misri", Kind: briefing.Reported, End: 1},
			{Speaker: "misri", Kind: briefing.Reported, End: 1},
			{Speaker: "q", Kind: briefing.Turn, End: 1},
		},
	}
	return doc.New(b)
}

func keyMsg(s string) tea.KeyMsg {
	switch s {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "space":
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

// TestNumbers holds the numbers to what export writes: quotes (direct and
// turns) and reported, labelled by a legend; a voice that is no person
// says what it is.
func TestNumbers(t *testing.T) {
	d := sample()
	m := New(theme.NewStyles(theme.Theme{NoColor: true}), d, 3)
	for si, s := range d.Speakers {
		var want briefing.Filter
		want.Speakers = []string{s.ID}
		direct, reported := 0, 0
		for _, q := range want.Quotes(d.B) {
			if q.Kind == briefing.Reported {
				reported++
			} else {
				direct++
			}
		}
		if q, r := m.Counts(si); q != direct || r != reported {
			t.Errorf("%s: pane %d +%d, export %d quotes and %d reported", s.Name, q, r, direct, reported)
		}
	}
	view := ansi.Strip(strings.Join(m.View(40, 4), "\n"))
	for _, want := range []string{legend, "1 +2", "questioner"} {
		if !strings.Contains(view, want) {
			t.Errorf("view lacks %q:\n%s", want, view)
		}
	}
}

// TestSelect: enter keeps only the speaker under the cursor, space adds.
func TestSelect(t *testing.T) {
	d := sample()
	m := New(theme.NewStyles(theme.Theme{NoColor: true}), d, 3)
	m.View(40, 5)
	for _, tc := range []struct {
		key  string
		only bool
	}{{"enter", true}, {"space", false}} {
		cmd := m.Update(keyMsg(tc.key))
		if cmd == nil {
			t.Fatalf("%s asked for nothing", tc.key)
		}
		want := SelectMsg{Owner: 3, Index: m.Cursor(), Only: tc.only}
		if got := cmd(); got != want {
			t.Errorf("%s: %#v, want %#v", tc.key, got, want)
		}
	}
	m.Update(keyMsg("j"))
	if m.Cursor() != m.Items()[1] {
		t.Error("j did not move the cursor")
	}
}

// TestAll: A does nothing (and is not shown) until the root enables it
// for a library; then it asks for the speaker under the cursor across
// briefings, by name.
func TestAll(t *testing.T) {
	m := New(theme.NewStyles(theme.Theme{NoColor: true}), sample(), 7)
	m.View(30, 5)
	if cmd := m.Update(keyMsg("A")); cmd != nil {
		t.Fatalf("A without a library asked for %#v", cmd())
	}
	for _, b := range m.ShortHelp() {
		if b.Enabled() && b.Help().Key == "A" {
			t.Fatal("A shown without a library")
		}
	}
	m.All.SetEnabled(true)
	cmd := m.Update(keyMsg("A"))
	if cmd == nil {
		t.Fatal("A asked for nothing")
	}
	name := sample().Speakers[m.Cursor()].Name
	if got := cmd(); got != (AllMsg{Name: name}) {
		t.Fatalf("A asked for %#v, want %s", got, name)
	}
}
