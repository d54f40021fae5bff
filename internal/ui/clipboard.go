package ui

import (
	"fmt"
	"io"
	"strings"

	"github.com/aymanbagabas/go-osc52/v2"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/export"
	"github.com/brief-reader/brief/internal/textclean"
)

// copiedMsg reports a clipboard write.
type copiedMsg struct {
	what string
	err  error
}

// quoteClip is the text y copies: the quote, then its citation.
func quoteClip(b *briefing.Briefing, q briefing.Quote) string {
	s, ok := b.Speaker(q.Speaker)
	if !ok {
		s = &briefing.Speaker{ID: q.Speaker, Name: q.Speaker}
	}
	text := textclean.Normalize(q.Text)
	if q.Kind == briefing.Direct {
		text = "“" + text + "”"
	}
	return text + "\n— " + export.Citation(b, s, q)
}

// copyText writes text to the terminal's clipboard with OSC 52. The
// sequence goes to w (the terminal) from a command; inside tmux it is
// also wrapped for tmux's passthrough.
func copyText(w io.Writer, tmux bool, text, what string) tea.Cmd {
	return guard(func() tea.Msg {
		if w == nil {
			return copiedMsg{what: what, err: fmt.Errorf("no terminal to copy to")}
		}
		seq := osc52.New(text)
		var b strings.Builder
		b.WriteString(seq.String())
		if tmux {
			b.WriteString(seq.Tmux().String())
		}
		_, err := io.WriteString(w, b.String())
		return copiedMsg{what: what, err: err}
	})
}

// openedMsg reports an attempt to open a source page in the browser.
type openedMsg struct {
	url string
	err error
}

// openSource opens the briefing's source page with the browser opener,
// from a command: only ever on the key, never by itself.
func (m *Model) openSource(t *tab) tea.Cmd {
	u := t.d.B.SourceURL
	if u == "" || m.opts.OpenURL == nil {
		m.setNote("this briefing has no source page")
		return nil
	}
	open, shown := m.opts.OpenURL, textclean.Line(u)
	return guard(func() tea.Msg { return openedMsg{url: shown, err: open(u)} })
}
