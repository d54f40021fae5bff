package ui

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/parse"
)

// seedSnapshot is the seed as parsed and classified when the goldens were
// made, kept in testdata/seed.json, so that the goldens change when the
// reader does and not when the parser or the topic classifier is tuned.
// -update rewrites it from the live parse.
func seedSnapshot(t *testing.T) []*briefing.Briefing {
	t.Helper()
	const path = "testdata/seed.json"
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		data, err := os.ReadFile(seedPath)
		if err != nil {
			t.Fatal(err)
		}
		b, err := parse.Parse("briefings/india-japan-defence-misri-ani.txt", data, parse.DefaultOptions())
		if err != nil {
			t.Fatal(err)
		}
		classifier.Apply(b)
		out, err := json.MarshalIndent(b, "", " ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, append(out, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var b briefing.Briefing
	if err := json.Unmarshal(data, &b); err != nil {
		t.Fatal(err)
	}
	if err := b.Validate(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return []*briefing.Briefing{&b}
}

// TestGolden pins the whole screen at three sizes: the seed after 1 and n
// (Misri's second quote), with glamour's render in. Regenerate with
// go test ./internal/ui -run 'TestGolden' -update.
func TestGolden(t *testing.T) {
	seed := seedSnapshot(t)
	for _, sz := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			m := newModelFor(t, sz[0], sz[1], seed, withGlamour)
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
		{"help", 120, 40, []string{"h"}},
		{"help-80x24", 80, 24, []string{"h"}},
		{"help-200x60", 200, 60, []string{"h"}},
		{"search-backward", 120, 40, []string{"G", "ctrl+r", "type:Japan", "enter", "n"}},
		{"picker", 120, 40, []string{"t", "s", "s", "space"}},
		{"space-topic", 120, 40, []string{"t", "s", "s", "space", "enter"}},
		{"search", 120, 40, []string{"/", "type:Japan", "enter", "n"}},
		{"narrow-speakers", 50, 20, []string{"tab"}},
		{"too-small", 30, 8, nil},
	}
	seed := seedSnapshot(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := newModelFor(t, c.w, c.h, seed, withGlamour)
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
	waitFor := outputWaiter(t, tm)
	waitFor("Tanmaya Lal")
	tm.Send(keyMsg("1"))
	waitFor("quote 2/")
	tm.Send(keyMsg("n"))
	waitFor("quote 3/")
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
	checkTopicFilter(t, tb, "space")
	view := final.View()
	checkFrame(t, view, 120, 40)
	// The screen itself is pinned by TestGoldenStates/space-topic, on a
	// snapshot of the seed; here the seed is parsed live, so the check is
	// on what matters, not on every cell.
	if !strings.Contains(view, "Lunar Polar Exploration Mission") || strings.Contains(view, "UNICORN") {
		t.Errorf("the final view does not show the lunar section alone:\n%s", view)
	}
}

// TestTeaFlowLanding checks 1 and n through the program loop.
func TestTeaFlowLanding(t *testing.T) {
	m := New(Options{
		Source:  DiskSource{Paths: []string{seedPath}, Opts: testLoadOptions()},
		Theme:   asciiTheme(),
		Context: t.Context(),
	})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 40))
	outputWaiter(t, tm)("Tanmaya Lal")
	tm.Send(keyMsg("1"))
	tm.Send(keyMsg("n"))
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")})
	final := tm.FinalModel(t, teatest.WithFinalTimeout(30*time.Second)).(*Model)
	tb := final.tab()
	misri := quotesBy(tb.d, "vikram-misri")
	if tb.rd.Current() != misri[2] {
		t.Fatalf("1 n landed on quote %d, want Misri's third %d (the first is current at the start)", tb.rd.Current(), misri[2])
	}
}

// TestTeaFlowSearchBackward searches backward through the program loop,
// where the Reader's notes arrive as messages: ctrl+r from the top wraps to
// the last match, n goes up, N back down and, past the last, wraps with a
// note; h opens help and closes it.
func TestTeaFlowSearchBackward(t *testing.T) {
	m := New(Options{
		Source:  DiskSource{Paths: []string{seedPath}, Opts: testLoadOptions()},
		Theme:   asciiTheme(),
		Context: t.Context(),
	})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 40))
	waitFor := outputWaiter(t, tm)
	waitFor("Tanmaya Lal")
	tm.Send(keyMsg("ctrl+r"))
	tm.Type("Japan")
	tm.Send(keyMsg("enter"))
	waitFor("match above")
	tm.Send(keyMsg("n"))
	tm.Send(keyMsg("N"))
	tm.Send(keyMsg("N"))
	waitFor("search hit BOTTOM, continuing at TOP")
	tm.Send(keyMsg("h"))
	waitFor("search backward")
	tm.Send(keyMsg("h"))
	tm.Send(keyMsg("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(30*time.Second)).(*Model)
	tb := final.tab()
	if cur, _, _ := tb.rd.SearchMatch(); final.help || !tb.rd.Backward() || cur != 0 {
		t.Fatalf("after ? n N N h h: help %v, backward %v, match %d (want the first, after wrapping)", final.help, tb.rd.Backward(), cur)
	}
}
