package ui

import (
	"regexp"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/hostile"
	"github.com/brief-reader/brief/internal/parse"
)

var sgr = regexp.MustCompile("\x1b\\[[0-9;:]*m|\x1b\\[[0-9]+G")

// assertOnlySGR fails if the view holds anything but text, SGR styling
// and the cursor-column anchors of anchorRow: no other escape sequence,
// control or bidi override may reach the terminal, whatever the briefing
// says.
func assertOnlySGR(t testing.TB, view string) {
	t.Helper()
	hostile.AssertSafe(t, sgr.ReplaceAllString(view, ""))
}

// sizes is the matrix the layout is checked over: every width from 20 to
// 300 at a few heights, every height from 5 to 100 at a few widths, the
// layout thresholds either side, and the degenerate corner down to 1×1.
func sizes(short bool) [][2]int {
	var out [][2]int
	step := 1
	if short {
		step = 7
	}
	for w := 20; w <= 300; w += step {
		for _, h := range []int{5, 24, 100} {
			out = append(out, [2]int{w, h})
		}
	}
	for h := 5; h <= 100; h += step {
		for _, w := range []int{20, 80, 300} {
			out = append(out, [2]int{w, h})
		}
	}
	for _, w := range []int{39, 40, 59, 60, 99, 100, 139, 140} {
		for _, h := range []int{9, 10, 13, 14, 40} {
			out = append(out, [2]int{w, h})
		}
	}
	for w := 0; w <= 6; w++ {
		for h := 0; h <= 6; h++ {
			out = append(out, [2]int{w, h})
		}
	}
	return out
}

func TestLayoutExactSize(t *testing.T) {
	m := newTestModel(t, 120, 40, []string{seedPath, "../../briefings/wh-press-briefing-leavitt-2025-01-29.md"})
	press(t, m, "]", "]", "type:/", "type:Japan", "enter")
	for _, sz := range sizes(testing.Short()) {
		send(t, m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		checkFrame(t, m.View(), sz[0], sz[1])
	}
}

// TestLayoutStates checks the size contract in every mode: each pane
// focused, help, the topic picker, an input, another briefing.
func TestLayoutStates(t *testing.T) {
	states := []struct {
		name string
		keys []string
	}{
		{"speakers", []string{"tab"}},
		{"topics", []string{"tab", "tab"}},
		{"quotes", []string{"shift+tab"}},
		{"help", []string{"h"}},
		{"picker", []string{"t", "j", "space"}},
		{"search-typing", []string{"/", "type:défense 日本"}},
		{"filter-typing", []string{"tab", "/", "type:mis"}},
		{"second", []string{"J", "G"}},
		{"quotes-hidden", []string{"Q"}},
		{"briefing-list", []string{"B", "type:gag"}},
	}
	var matrix [][2]int
	for i, sz := range sizes(true) {
		// Every third size of the short matrix, and all small ones.
		if i%3 == 0 || sz[0] < 45 || sz[1] < 12 {
			matrix = append(matrix, sz)
		}
	}
	for _, s := range states {
		t.Run(s.name, func(t *testing.T) {
			t.Parallel()
			m := newTestModel(t, 120, 40, []string{seedPath, "../../briefings/wh-kirby-gaggle-2024-08-23.md"})
			press(t, m, s.keys...)
			for _, sz := range matrix {
				send(t, m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
				checkFrame(t, m.View(), sz[0], sz[1])
			}
		})
	}
}

// TestLayoutHostile opens every hostile fixture and checks the view at
// several sizes while moving through it: exact size, nothing unsafe.
func TestLayoutHostile(t *testing.T) {
	fixtures := hostile.Small()
	if !testing.Short() && !raceEnabled {
		fixtures = hostile.Fixtures()
	}
	for _, f := range fixtures {
		t.Run(f.Name, func(t *testing.T) {
			t.Parallel()
			b, err := parse.Parse(f.Name+".txt", f.Data, parse.DefaultOptions())
			if err != nil {
				t.Skipf("the parser refuses it: %v", err)
			}
			classifier.Apply(b)
			m := newModelFor(t, 120, 40, []*briefing.Briefing{b}, withGlamour)
			for _, sz := range [][2]int{{120, 40}, {200, 60}, {80, 24}, {61, 20}, {41, 10}, {30, 8}, {300, 100}, {1, 1}} {
				send(t, m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
				for _, k := range []string{"", "]", "G", "tab", "shift+tab", "1", "n", "}", "d"} {
					if k != "" {
						press(t, m, k)
					}
					checkFrame(t, m.View(), sz[0], sz[1])
				}
			}
		})
	}
}

// TestReaderMeasure: on wide screens the Reader stops at a readable
// measure and the side panes take the rest.
func TestReaderMeasure(t *testing.T) {
	for w := wideWidth; w <= 400; w += 13 {
		l := computeLayout(w, 40, paneReader, paneSpeakers, false, true)
		if l.reader.w > readerMaxWidth {
			t.Fatalf("%d columns: the Reader is %d wide, over %d", w, l.reader.w, readerMaxWidth)
		}
		if l.speakers.w+l.reader.w+l.quotes.w != w {
			t.Fatalf("%d columns: panes %d+%d+%d", w, l.speakers.w, l.reader.w, l.quotes.w)
		}
	}
}
