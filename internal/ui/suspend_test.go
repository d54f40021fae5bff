package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// TestCtrlZSuspends checks that ctrl+z asks Bubble Tea to suspend brief,
// as less does, from the reader and while typing a search.
func TestCtrlZSuspends(t *testing.T) {
	m := seedModel(t)
	ctrlZ := tea.KeyMsg{Type: tea.KeyCtrlZ}
	for _, where := range []string{"reader", "search input"} {
		if where == "search input" {
			press(t, m, "/", "type:japan")
		}
		_, cmd := m.Update(ctrlZ)
		if cmd == nil {
			t.Fatalf("%s: ctrl+z does nothing", where)
		}
		if _, ok := cmd().(tea.SuspendMsg); !ok {
			t.Fatalf("%s: ctrl+z does not suspend", where)
		}
	}
	if m.in == nil || m.in.ti.Value() != "japan" {
		t.Fatalf("ctrl+z changed the search input: %+v", m.in)
	}
}
