package ui

import (
	"github.com/charmbracelet/bubbles/key"

	"github.com/brief-reader/brief/internal/ui/pane"
)

// KeyMap is the root's key bindings: modes, panes, briefings and what
// works everywhere. Each pane has its own (the Reader's jump keys among
// them). The help screen and the footer are generated from them, so what
// they show is what works: bindings that do not apply are disabled, and
// disabled bindings are not shown. Search opens the text input for the
// focused pane: the panes show it in their help.
type KeyMap struct {
	pane.ScrollKeys
	NextPane, PrevPane key.Binding
	Select, Toggle     key.Binding
	Topics, Search     key.Binding
	SearchBack         key.Binding
	Clear, Copy, Open  key.Binding
	NextDoc, PrevDoc   key.Binding
	Briefings          key.Binding
	Quotes, Mouse      key.Binding
	Help, Quit, ForceQ key.Binding
	Suspend            key.Binding
}

// DefaultKeyMap is brief's keys: less and vim habits.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return KeyMap{
		ScrollKeys: pane.DefaultScrollKeys(),
		NextPane:   b([]string{"tab"}, "tab", "next pane"),
		PrevPane:   b([]string{"shift+tab"}, "shift+tab", "previous pane"),
		Select:     b([]string{"enter"}, "enter", "select"),
		Toggle:     b([]string{" "}, "space", "toggle"),
		Topics:     b([]string{"t"}, "t", "topics"),
		Search:     b([]string{"/"}, "/", "search"),
		Clear:      b([]string{"esc"}, "esc", "clear filter"),
		Copy:       b([]string{"y"}, "y", "copy quote"),
		Open:       b([]string{"o"}, "o", "open source page"),
		NextDoc:    b([]string{"J"}, "J", "next briefing"),
		PrevDoc:    b([]string{"K"}, "K", "previous briefing"),
		Briefings:  b([]string{"B"}, "B", "list briefings"),
		Quotes:     b([]string{"Q"}, "Q", "quotes pane"),
		Mouse:      b([]string{"m"}, "m", "mouse on/off"),
		// ? is help everywhere, as in every Charm program; h and F1 too.
		// Backward search is ctrl+r, the shell's reverse search.
		Help:       b([]string{"?", "h", "f1"}, "?", "help"),
		SearchBack: b([]string{"ctrl+r"}, "ctrl+r", "search backward"),
		Quit:       b([]string{"q"}, "q", "quit"),
		ForceQ:     b([]string{"ctrl+c"}, "ctrl+c", "quit"),
		Suspend:    b([]string{"ctrl+z"}, "ctrl+z", "suspend (fg resumes)"),
	}
}

// ShortHelp is the footer's help after the Reader's own: the keys a
// newcomer needs first.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Topics, k.NextPane, k.Copy, k.NextDoc}
}

// FullHelp is the help screen's columns after the panes'.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Topics, k.Clear, k.Copy, k.Open},
		{k.NextDoc, k.PrevDoc, k.Briefings, k.NextPane, k.PrevPane, k.Quotes, k.Mouse, k.Help, k.Quit, k.ForceQ, k.Suspend},
	}
}

// FullHelpTitles names the columns of FullHelp.
var FullHelpTitles = []string{"Filter and copy", "Briefings and panes"}
