package ui

import (
	"context"
	"errors"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/brief-reader/brief/internal/load"
)

type panicSource struct{ in string }

func (p panicSource) Files(context.Context) ([]string, []load.Result) {
	if p.in == "files" {
		panic("boom in Files")
	}
	return []string{"a.txt"}, nil
}

func (p panicSource) Load(context.Context, []string) []load.Result {
	if p.in == "load" {
		panic("boom in Load")
	}
	return []load.Result{{Path: "a.txt", Err: errors.New("unreadable")}}
}

// TestPanicsStopCleanly: a panic in a command or in Update stops the
// program with a short report, which runReader prints after the terminal
// is restored.
func TestPanicsStopCleanly(t *testing.T) {
	for _, where := range []string{"files", "load"} {
		m := New(Options{Source: panicSource{in: where}, Theme: asciiTheme()})
		cmd := m.Init()
		for i := 0; cmd != nil && i < 10; i++ {
			msg := cmd()
			if _, ok := msg.(fatalMsg); ok {
				_, cmd = m.Update(msg)
				if cmd == nil || cmd() != tea.Quit() {
					t.Fatal("a fatal message did not quit")
				}
				break
			}
			_, cmd = m.Update(msg)
		}
		if !strings.Contains(m.Fatal(), "boom in") {
			t.Fatalf("panic in %s: report %q", where, m.Fatal())
		}
	}
	// A panic inside Update itself.
	m := seedModel(t)
	m.tabs[0].rd = nil
	_, cmd := m.Update(keyMsg("]"))
	if m.Fatal() == "" || cmd == nil {
		t.Fatal("a panic in Update was not caught")
	}
	if m.View() != "" {
		t.Fatal("View after a fatal error should be empty")
	}
}

func TestLoadErrors(t *testing.T) {
	m := New(Options{Source: panicSource{}, Theme: asciiTheme()})
	drain(t, m, m.Init())
	send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	view := plainView(m)
	if !strings.Contains(view, "No briefings could be read") || !strings.Contains(view, "a.txt: unreadable") {
		t.Fatalf("the failure is not shown:\n%s", view)
	}
	if len(m.Failed()) != 1 {
		t.Fatalf("Failed() = %v", m.Failed())
	}
	checkFrame(t, m.View(), 80, 24)
	press(t, m, "j", "]", "1", "t", "/", "esc", "tab", "enter", "J", "y")
	checkFrame(t, m.View(), 80, 24)
}

// TestLoadingFrame: the first frame comes before anything is read.
func TestLoadingFrame(t *testing.T) {
	m := New(Options{Source: DiskSource{Paths: []string{seedPath}, Opts: testLoadOptions()}, Theme: asciiTheme()})
	_ = m.Init() // not run: loading is still going on
	send(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	view := plainView(m)
	if !strings.Contains(view, "Loading briefings") || !strings.Contains(view, "loading") {
		t.Fatalf("no loading state:\n%s", view)
	}
	checkFrame(t, m.View(), 100, 30)
	press(t, m, "j", "1", "?")
	checkFrame(t, m.View(), 100, 30)
}

func TestMouse(t *testing.T) {
	m := newTestModel(t, 120, 40, []string{leavittPath})
	rd := m.tab().rd
	r := m.lay.reader
	send(t, m, tea.MouseMsg{X: r.x + 5, Y: r.y + 5, Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	if rd.Abs() != 3 {
		t.Fatalf("wheel down: top %d, want 3", rd.Abs())
	}
	sp := m.lay.speakers
	// The pane's first row is its legend.
	sp2 := m.tab().speakers.Items()[1]
	send(t, m, tea.MouseMsg{X: sp.x + 3, Y: sp.y + 3, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	if m.focus != paneSpeakers || m.tab().speakers.Cursor() != sp2 {
		t.Fatalf("click on the second speaker: focus %v cursor on %d", m.focus, m.tab().speakers.Cursor())
	}
}
