// Command floor-bt is the first-frame floor of the stack brief is built
// on: the smallest Bubble Tea program that shows a file's first lines, with
// the program options brief's reader uses (alternate screen, mouse, 120
// fps). It reads nothing else, parses nothing and has no styles, so the
// time from its launch to its text on screen is what any Bubble Tea reader
// pays before doing its own work. scripts/bench-startup.sh times it next
// to less and brief.
//
//	go run ./scripts/floor-bt FILE
package main

import (
	"fmt"
	"os"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
)

type model struct {
	lines         []string
	width, height int
}

func (m model) Init() tea.Cmd { return nil }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
	case tea.KeyMsg:
		return m, tea.Quit
	}
	return m, nil
}

func (m model) View() string {
	var b strings.Builder
	for i, l := range m.lines {
		if m.height > 0 && i >= m.height {
			break
		}
		if m.width > 0 && len(l) > m.width {
			l = l[:m.width]
		}
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.String()
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: floor-bt FILE")
		os.Exit(2)
	}
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor-bt:", err)
		os.Exit(1)
	}
	m := model{lines: strings.Split(string(data), "\n")}
	if _, err := tea.NewProgram(m, tea.WithAltScreen(), tea.WithMouseCellMotion(), tea.WithFPS(120)).Run(); err != nil {
		fmt.Fprintln(os.Stderr, "floor-bt:", err)
		os.Exit(1)
	}
}
