package pane

import tea "github.com/charmbracelet/bubbletea"

// NoteMsg asks the root to show a note, or an error (Err), in the status
// line until the next key.
type NoteMsg struct {
	Text string
	Err  bool
}

// Note is a command that asks for a note (or an error) in the status line.
func Note(text string, err bool) tea.Cmd {
	msg := NoteMsg{Text: text, Err: err}
	return func() tea.Msg { return msg }
}
