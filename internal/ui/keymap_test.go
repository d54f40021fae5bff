package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// shownKeys is every binding the hint line and help show for the focused
// pane, by focus.
func shownKeys(m *Model) []key.Binding {
	now, tail := m.hints()
	out := append(append([]key.Binding(nil), now...), tail...)
	groups, _ := m.helpGroups()
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

// snapshot is what a key can change: the screen, the status, focus,
// modes and where the reader is.
func snapshot(m *Model) string {
	t := m.tab()
	var b strings.Builder
	b.WriteString(plainView(m))
	b.WriteString(m.status)
	b.WriteString(m.focus.String())
	if m.help || m.picker != nil || m.list != nil || m.in != nil {
		b.WriteString("mode")
	}
	if t != nil {
		b.WriteString(t.filterSummary())
	}
	return b.String()
}

// TestShownKeysWork presses every key the hint line and help show, in
// every pane, from a place where it can act (the reader mid-text, lists
// off their first row), and checks that it does something: the screen,
// status, focus or mode changes, or the program quits or suspends. A binding shown
// that does nothing fails.
func TestShownKeysWork(t *testing.T) {
	for _, focus := range []paneID{paneReader, paneSpeakers, paneTopics, paneQuotes} {
		probe := newTestModel(t, 200, 60, []string{vancePath})
		probe.focus = focus
		probe.syncPanes()
		seen := map[string]bool{}
		for _, b := range shownKeys(probe) {
			if !b.Enabled() || len(b.Keys()) == 0 || seen[b.Help().Key] {
				continue
			}
			seen[b.Help().Key] = true
			m := newTestModel(t, 200, 60, []string{vancePath})
			m.focus = focus
			m.syncPanes()
			if focus == paneReader {
				press(t, m, "d", "d", "]")
			} else {
				press(t, m, "j")
			}
			k := b.Keys()[0]
			if km := keyMsg(k); len([]rune(k)) > 1 && km.Type == tea.KeyRunes {
				t.Fatalf("the test cannot press %q: add it to keyTypes", k)
			}
			before := snapshot(m)
			_, cmd := m.Update(keyMsg(k))
			quit := false
			if cmd != nil {
				switch cmd().(type) {
				case tea.QuitMsg, tea.SuspendMsg:
					quit = true
				}
			}
			drain(t, m, cmd)
			if !quit && snapshot(m) == before {
				t.Errorf("%v: %q (%s) shown but did nothing", focus, k, b.Help().Desc)
			}
		}
	}
}

// vancePath has seven speakers and six topics: room for every list key.
const vancePath = "../../briefings/wh-vance-ohio-steelworkers-2025-07-29.txt"
