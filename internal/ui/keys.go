package ui

import (
	"github.com/charmbracelet/bubbles/key"

	"github.com/brief-reader/brief/internal/ui/pane"
)

// KeyMap is every key binding of the reader. The help screen and the
// footer are generated from it, so what they show is what works: bindings
// that do not apply are disabled, and disabled bindings are not shown.
type KeyMap struct {
	pane.ScrollKeys
	NextPane, PrevPane   key.Binding
	NextQuote, PrevQuote key.Binding
	NextSect, PrevSect   key.Binding
	NextSame, PrevSame   key.Binding
	Speaker              key.Binding
	Select, Toggle       key.Binding
	Topics, Search       key.Binding
	Clear, Copy, Open    key.Binding
	NextDoc, PrevDoc     key.Binding
	Briefings            key.Binding
	Quotes, Mouse        key.Binding
	Help, Quit, ForceQ   key.Binding
	Suspend              key.Binding
	JumpBack, JumpFwd    key.Binding
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
		NextQuote:  b([]string{"]"}, "]", "next quote/turn"),
		PrevQuote:  b([]string{"["}, "[", "previous quote/turn"),
		NextSect:   b([]string{"}"}, "}", "next section"),
		PrevSect:   b([]string{"{"}, "{", "previous section"),
		NextSame:   b([]string{"n"}, "n", "next by speaker"),
		PrevSame:   b([]string{"N"}, "N", "previous by speaker"),
		Speaker:    b([]string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}, "1-9", "quote of speaker N"),
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
		Help:       b([]string{"?"}, "?", "help"),
		Quit:       b([]string{"q"}, "q", "quit"),
		ForceQ:     b([]string{"ctrl+c"}, "ctrl+c", "quit"),
		Suspend:    b([]string{"ctrl+z"}, "ctrl+z", "suspend (fg resumes)"),
		JumpBack:   b([]string{"ctrl+o"}, "ctrl+o", "jump back"),
		JumpFwd:    b([]string{"ctrl+]"}, "ctrl+]", "jump forward"),
	}
}

// ShortHelp is the footer's help: the keys a newcomer needs first.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Speaker, k.NextSame, k.NextQuote, k.NextSect, k.Topics, k.Search, k.NextPane, k.Copy, k.NextDoc}
}

// FullHelp is the help screen, in columns.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Down, k.Up, k.HalfDown, k.HalfUp, k.PageDown, k.PageUp, k.Top, k.Bottom},
		{k.NextQuote, k.PrevQuote, k.NextSect, k.PrevSect, k.NextSame, k.PrevSame, k.Speaker, k.JumpBack, k.JumpFwd, k.NextDoc, k.PrevDoc, k.Briefings},
		{k.Topics, k.Search, k.Clear, k.Copy, k.Open},
		{k.NextPane, k.PrevPane, k.Quotes, k.Mouse, k.Help, k.Quit, k.ForceQ, k.Suspend},
	}
}

// FullHelpTitles names the columns of FullHelp.
var FullHelpTitles = []string{"Scroll", "Jump", "Filter and copy", "Panes"}
