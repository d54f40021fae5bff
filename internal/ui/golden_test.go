package ui

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"
)

// TestGolden pins the whole screen at three sizes: the seed after 1 and n
// (Misri's second quote), with glamour's render in. Regenerate with
// go test ./internal/ui -run TestGolden -update.
func TestGolden(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			m := newTestModel(t, sz[0], sz[1], []string{seedPath}, withGlamour)
			press(t, m, "1", "n")
			view := m.View()
			checkFrame(t, view, sz[0], sz[1])
			golden.RequireEqual(t, view)
		})
	}
}

// TestGoldenStates pins the overlays and the narrow layouts.
func TestGoldenStates(t *testing.T) {
	cases := []struct {
		name string
		w, h int
		keys []string
	}{
		{"help", 120, 40, []string{"?"}},
		{"picker", 120, 40, []string{"t", "s", "s", "space"}},
		{"space-topic", 120, 40, []string{"t", "s", "s", "space", "enter"}},
		{"search", 120, 40, []string{"/", "type:Japan", "enter", "n"}},
		{"narrow-speakers", 50, 20, []string{"tab"}},
		{"too-small", 30, 8, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := newTestModel(t, c.w, c.h, []string{seedPath}, withGlamour)
			press(t, m, c.keys...)
			view := m.View()
			checkFrame(t, view, c.w, c.h)
			golden.RequireEqual(t, view)
		})
	}
}

// TestTeaFlow drives the real program loop the way a user would: open the
// seed, 1 lands on Vikram Misri's first quote, n on his next, and t with
// the space topic leaves only the section about the lunar mission.
func TestTeaFlow(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	m := New(Options{
		Source:  DiskSource{Paths: []string{seedPath}, Opts: testLoadOptions()},
		Theme:   asciiTheme(),
		Context: t.Context(),
	})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 40))
	waitFor := func(what string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
			return bytes.Contains(b, []byte(what))
		}, teatest.WithDuration(30*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
	waitFor("Tanmaya Lal")
	tm.Send(keyMsg("1"))
	waitFor("quote 1/25")
	tm.Send(keyMsg("n"))
	waitFor("quote 2/25")
	tm.Type("tss")
	tm.Send(keyMsg("space"))
	tm.Send(keyMsg("enter"))
	waitFor("#Space")
	tm.Send(keyMsg("q"))
	final, ok := tm.FinalModel(t, teatest.WithFinalTimeout(30*time.Second)).(*Model)
	if !ok {
		t.Fatal("the final model is not a *Model")
	}
	tb := final.tab()
	misri := quotesBy(tb.d, "vikram-misri")
	// After the topic filter the current quote (Misri's second) is in
	// another section, so the reader moved; the quote it was on before
	// is what 1 and n reached.
	if len(misri) < 2 {
		t.Fatal("no Misri quotes")
	}
	checkOnlyLunarSection(t, tb)
	view := final.View()
	checkFrame(t, view, 120, 40)
	if !strings.Contains(view, "Lunar Polar Exploration Mission") {
		t.Errorf("the final view does not show the lunar section:\n%s", view)
	}
	golden.RequireEqual(t, view)
}

// TestTeaFlowLanding checks 1 and n through the program loop.
func TestTeaFlowLanding(t *testing.T) {
	m := New(Options{
		Source:  DiskSource{Paths: []string{seedPath}, Opts: testLoadOptions()},
		Theme:   asciiTheme(),
		Context: t.Context(),
	})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 40))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("Tanmaya Lal")) },
		teatest.WithDuration(30*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	tm.Send(keyMsg("1"))
	tm.Send(keyMsg("n"))
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")})
	final := tm.FinalModel(t, teatest.WithFinalTimeout(30*time.Second)).(*Model)
	tb := final.tab()
	misri := quotesBy(tb.d, "vikram-misri")
	if tb.rd.cur != misri[1] {
		t.Fatalf("1 n landed on quote %d, want Misri's second %d", tb.rd.cur, misri[1])
	}
}
