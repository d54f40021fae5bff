package ui

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/load"
	"github.com/brief-reader/brief/internal/parse"
	"github.com/brief-reader/brief/internal/topics"
	"github.com/brief-reader/brief/internal/ui/hitpane"
	"github.com/brief-reader/brief/internal/ui/librarypane"
	"github.com/brief-reader/brief/internal/ui/pane"
	"github.com/brief-reader/brief/internal/ui/quotepane"
	"github.com/brief-reader/brief/internal/ui/readerpane"
	"github.com/brief-reader/brief/internal/ui/speakerpane"
	"github.com/brief-reader/brief/internal/ui/theme"
	"github.com/brief-reader/brief/internal/ui/topicpane"
)

const seedPath = "../../briefings/india-japan-defence-misri-ani.txt"

var classifier = topics.NewClassifier(topics.Default())

// testLoadOptions are the options brief loads with: the parser's
// defaults and topic classification.
func testLoadOptions() load.Options {
	return load.Options{Parse: parse.DefaultOptions(), Prepare: classifier.Apply, Workers: 2}
}

// asciiTheme is the theme of golden and layout tests: no colour escapes.
func asciiTheme() theme.Theme {
	return theme.Resolve(theme.Dark, func(string) string { return "" }, termenv.Ascii)
}

type testOpt func(*Options)

func withGlamour(o *Options) { o.NoGlamour = false }
func withTheme(th theme.Theme) testOpt {
	return func(o *Options) { o.Theme = th }
}

// newTestModel opens paths and runs every command to completion, so the
// model is fully loaded (and, with withGlamour, rendered) when it returns.
func newTestModel(t testing.TB, w, h int, paths []string, opts ...testOpt) *Model {
	t.Helper()
	o := Options{
		Source:    DiskSource{Paths: paths, Opts: testLoadOptions()},
		Theme:     asciiTheme(),
		NoGlamour: true,
		Clipboard: &strings.Builder{},
		Context:   context.Background(),
	}
	for _, f := range opts {
		f(&o)
	}
	m := New(o)
	drain(t, m, m.Init())
	send(t, m, tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// newModelFor opens briefings already in memory.
func newModelFor(t testing.TB, w, h int, bs []*briefing.Briefing, opts ...testOpt) *Model {
	t.Helper()
	o := Options{
		Source:    memSource(bs),
		Theme:     asciiTheme(),
		NoGlamour: true,
		Clipboard: &strings.Builder{},
	}
	for _, f := range opts {
		f(&o)
	}
	m := New(o)
	drain(t, m, m.Init())
	send(t, m, tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// memSource serves parsed briefings.
type memSource []*briefing.Briefing

func (s memSource) Files(context.Context) ([]string, []load.Result) {
	var files []string
	for _, b := range s {
		files = append(files, b.Path)
	}
	return files, nil
}

func (s memSource) Load(_ context.Context, files []string) []load.Result {
	var out []load.Result
	for _, f := range files {
		for _, b := range s {
			if b.Path == f {
				out = append(out, load.Result{Path: f, Briefing: b})
				break
			}
		}
	}
	return out
}

// send delivers a message and runs the commands it returns.
func send(t testing.TB, m *Model, msg tea.Msg) {
	t.Helper()
	_, cmd := m.Update(msg)
	drain(t, m, cmd)
}

// drain runs commands (and batches) until none is left, delivering their
// messages. Quit and terminal-mode commands are dropped.
func drain(t testing.TB, m *Model, cmd tea.Cmd) {
	t.Helper()
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 100000 {
			t.Fatal("commands never settle")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg := c()
		switch msg := msg.(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case tea.QuitMsg:
		case filesMsg, loadedMsg, readerpane.RenderedMsg, readerpane.JumpedMsg, pane.NoteMsg, copiedMsg, openedMsg, fatalMsg, quotepane.FilteredMsg, quotepane.ShowMsg, topicpane.ToggledMsg, speakerpane.SelectMsg:
			_, next := m.Update(msg)
			queue = append(queue, next)
		case libListedMsg, libOpenedMsg, idleMsg, libHitsMsg, libWroteMsg, reindexedMsg, watchStartedMsg,
			librarypane.OpenMsg, librarypane.DueMsg, librarypane.FilteredMsg, hitpane.OpenMsg, hitpane.PreviewMsg, speakerpane.AllMsg, topicpane.AllMsg:
			_, next := m.Update(msg)
			queue = append(queue, next)
		default:
			// Mouse mode switches and other program-level messages.
		}
	}
	if m.fatal != "" {
		t.Fatalf("model stopped on a panic: %s", m.fatal)
	}
}

// press sends keys, each a key name as key.Binding spells it ("j",
// "ctrl+d", "enter", "space", "tab") or several runes typed in a row
// when prefixed with "type:".
func press(t testing.TB, m *Model, keys ...string) {
	t.Helper()
	for _, k := range keys {
		if s, ok := strings.CutPrefix(k, "type:"); ok {
			for _, r := range s {
				send(t, m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
			}
			continue
		}
		send(t, m, keyMsg(k))
	}
}

// keyTypes are the named keys tests press, as Bubble Tea spells them.
var keyTypes = map[string]tea.KeyType{
	"enter":     tea.KeyEnter,
	"esc":       tea.KeyEsc,
	"tab":       tea.KeyTab,
	"shift+tab": tea.KeyShiftTab,
	"up":        tea.KeyUp,
	"down":      tea.KeyDown,
	"pgdown":    tea.KeyPgDown,
	"pgup":      tea.KeyPgUp,
	"home":      tea.KeyHome,
	"end":       tea.KeyEnd,
	"backspace": tea.KeyBackspace,
	"ctrl+c":    tea.KeyCtrlC,
	"ctrl+d":    tea.KeyCtrlD,
	"ctrl+u":    tea.KeyCtrlU,
	"ctrl+o":    tea.KeyCtrlO,
	"ctrl+z":    tea.KeyCtrlZ,
	"ctrl+r":    tea.KeyCtrlR,
	"ctrl+]":    tea.KeyCtrlCloseBracket,
}

func keyMsg(k string) tea.KeyMsg {
	if k == "space" || k == " " {
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	}
	if t, ok := keyTypes[k]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// plainView is the view without styling.
func plainView(m *Model) string { return ansi.Strip(m.View()) }

// checkFrame fails unless view is exactly w×h cells and safe to print
// once its SGR styling is removed.
func checkFrame(t testing.TB, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if w <= 0 || h <= 0 {
		if view != "" {
			t.Fatalf("%d×%d: want an empty view, got %q", w, h, view)
		}
		return
	}
	if len(lines) != h {
		t.Fatalf("%d×%d: %d lines, want %d", w, h, len(lines), h)
	}
	for i, l := range lines {
		if got := ansi.StringWidth(l); got != w {
			t.Fatalf("%d×%d: line %d is %d cells wide, want %d: %q", w, h, i, got, w, ansi.Strip(l))
		}
	}
	assertOnlySGR(t, view)
}

// outputWaiter returns a function that waits, through the program loop,
// until tm's output holds a text (it reads the output it waits on, as
// teatest.WaitFor does), failing the test after 30 s.
func outputWaiter(t *testing.T, tm *teatest.TestModel) func(what string) {
	return func(what string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
			return bytes.Contains(b, []byte(what))
		}, teatest.WithDuration(30*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
}
