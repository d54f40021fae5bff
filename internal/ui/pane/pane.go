// Package pane is the contract between the reader's root model and its
// panes, and what panes share: a frame with a border, a list with a
// cursor, and the keys that move it.
//
// The root routes keys to the focused pane and lays the panes out; it does
// not know what is inside them. A pane owns its list, cursor and filter;
// what it changes outside itself (a filter on the briefing) it asks for
// with a message from its Update's command.
package pane

import (
	"strconv"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
)

// Pane is one framed part of the screen.
type Pane interface {
	// Update takes a key while the pane has focus.
	Update(msg tea.KeyMsg) tea.Cmd
	// View draws the body: exactly h lines of exactly w cells.
	View(w, h int) []string
	// Title goes in the frame's top edge, Note in its bottom edge.
	Title() string
	Note() string
	// The pane's keys, for the hint line and help: only bindings that
	// work now are enabled.
	help.KeyMap
	Focus()
	Blur()
	Focused() bool
}

// Pointer is a pane that takes the mouse: a click on a body row and the
// wheel.
type Pointer interface {
	Click(row int)
	Wheel(delta int)
}

func itoa(n int) string { return strconv.Itoa(n) }
