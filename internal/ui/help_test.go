package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// TestHelpClean opens help at sizes from the smallest up and scrolls it
// through: the box is the only thing on the body rows (nothing of the
// panes beside it), every shown binding's key and description appear in
// full or cut with an ellipsis, and every line of the legend and notes
// appears whole somewhere.
func TestHelpClean(t *testing.T) {
	for _, size := range [][2]int{{40, 10}, {40, 24}, {60, 20}, {80, 24}, {120, 40}, {200, 60}} {
		w, h := size[0], size[1]
		m := seedModel(t)
		send(t, m, tea.WindowSizeMsg{Width: w, Height: h})
		press(t, m, "tab") // Speakers focused: its own keys are in help too
		groups, _ := m.helpGroups()
		press(t, m, "h")
		var seen strings.Builder
		prev := ""
		for i := 0; i < 100; i++ {
			v := plainView(m)
			checkFrame(t, m.View(), w, h)
			if v == prev {
				break
			}
			prev = v
			lines := strings.Split(v, "\n")
			body := lines[m.lay.header : h-m.lay.footer]
			left, right := boxColumns(t, body)
			for r, l := range body {
				outside := ansi.Cut(l, 0, left) + ansi.Cut(l, right+1, w)
				if strings.TrimSpace(outside) != "" {
					t.Fatalf("%dx%d: row %d shows %q beside the help:\n%s", w, h, r, outside, v)
				}
				inner := []rune(ansi.Cut(l, left+1, right))
				if n := len(inner); n > 0 && inner[n-1] != ' ' && inner[n-1] != '…' && !strings.ContainsRune("─━", inner[n-1]) {
					t.Fatalf("%dx%d: row %d is cut at the border without an ellipsis: %q", w, h, r, string(inner))
				}
				seen.WriteString(strings.Join(strings.Fields(string(inner)), " "))
				seen.WriteByte(' ')
			}
			press(t, m, "j")
		}
		all := seen.String()
		for _, g := range groups {
			for _, b := range g {
				if !b.Enabled() {
					continue
				}
				if !strings.Contains(all, b.Help().Key+" ") {
					t.Errorf("%dx%d: help never shows the key %q", w, h, b.Help().Key)
				}
			}
		}
		for _, l := range append(append([]string(nil), helpLegend...), helpNotes...) {
			words := strings.Fields(l)
			if !strings.Contains(all, words[len(words)-1]) {
				t.Errorf("%dx%d: help never shows the end of %q", w, h, l)
			}
		}
	}
}

// boxColumns finds the help box's left and right border columns from its
// top edge ("┏━ Keys").
func boxColumns(t *testing.T, body []string) (left, right int) {
	t.Helper()
	for _, l := range body {
		if i := strings.Index(l, "┏━ Keys"); i >= 0 {
			left = ansi.StringWidth(l[:i])
			right = left + ansi.StringWidth(strings.TrimRight(l[i:], " ")) - 1
			return left, right
		}
	}
	t.Fatalf("no help box:\n%s", strings.Join(body, "\n"))
	return 0, 0
}

// TestHelpSaysWhatKeysDo: help in a side pane does not list the Reader's
// search keys, which do something else there (/ filters the list, ? is
// help); in the Reader it does.
func TestHelpSaysWhatKeysDo(t *testing.T) {
	m := seedModel(t)
	press(t, m, "h")
	if v := plainView(m); !strings.Contains(v, "search backward") {
		t.Fatalf("help in the Reader lacks ? search backward:\n%s", v)
	}
	press(t, m, "h", "tab", "h")
	v := plainView(m)
	if !strings.Contains(v, "In Speakers") || strings.Contains(v, "search backward") || strings.Contains(v, "/             search") {
		t.Fatalf("help in Speakers lists the Reader's search:\n%s", v)
	}
}
