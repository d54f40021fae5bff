// Package readerpane is the Reader pane: the briefing's text, virtualised
// (only the lines on screen are drawn), with the current quote, sections,
// search and the jump list.
//
// It owns its scroll position, current quote, search and jump list. What
// it changes outside itself it asks for with messages: a status note
// (pane.NoteMsg), the lists following a jump (JumpedMsg). Its jump keys
// work from every pane: the root gives them to Navigate whatever has focus.
package readerpane

import (
	"strconv"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/brief-reader/brief/internal/ui/pane"
)

// KeyMap is the Reader's keys. Search and SearchBack (/ and ctrl+r) are
// handled by the root, which owns the text input; they are here so the
// help shows them.
type KeyMap struct {
	pane.ScrollKeys
	NextQuote, PrevQuote key.Binding
	NextSect, PrevSect   key.Binding
	NextSame, PrevSame   key.Binding
	Speaker              key.Binding
	JumpBack, JumpFwd    key.Binding
	Search, SearchBack   key.Binding
	// Clear is esc while a search is on: the root clears the filter set
	// last, here the search.
	Clear key.Binding
}

// DefaultKeyMap is the Reader's default keys: less and vim habits.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return KeyMap{
		ScrollKeys: pane.DefaultScrollKeys(),
		NextQuote:  b([]string{"]"}, "]", "next quote/turn"),
		PrevQuote:  b([]string{"["}, "[", "previous quote/turn"),
		NextSect:   b([]string{"}"}, "}", "next section"),
		PrevSect:   b([]string{"{"}, "{", "previous section"),
		NextSame:   b([]string{"n"}, "n", "next by speaker"),
		PrevSame:   b([]string{"N"}, "N", "previous by speaker"),
		Speaker:    b([]string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}, "1-9", "quote of speaker N"),
		JumpBack:   b([]string{"ctrl+o"}, "ctrl+o", "jump back"),
		JumpFwd:    b([]string{"ctrl+]"}, "ctrl+]", "jump forward"),
		Search:     b([]string{"/"}, "/", "search"),
		SearchBack: b([]string{"ctrl+r"}, "ctrl+r", "search backward"),
		Clear:      b([]string{"esc"}, "esc", "clear search"),
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Speaker, k.NextSame, k.NextQuote, k.NextSect, k.Search}
}

// FullHelp implements help.KeyMap: scrolling, then jumps and search.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		k.ScrollKeys.Bindings(),
		{k.NextQuote, k.PrevQuote, k.NextSect, k.PrevSect, k.NextSame, k.PrevSame, k.Speaker, k.JumpBack, k.JumpFwd, k.Search, k.SearchBack},
	}
}

// FullHelpTitles names the columns of FullHelp.
var FullHelpTitles = []string{"Scroll", "Jump and search"}

// JumpedMsg says the Reader jumped to quote Quote (-1 for none) or to
// speaker Speaker's quotes (-1 for none), so that the lists show them.
type JumpedMsg struct {
	Owner, Quote, Speaker int
}

var (
	_ pane.Pane    = (*Model)(nil)
	_ pane.Pointer = (*Model)(nil)
)

// Focus implements pane.Pane.
func (r *Model) Focus() { r.focused = true }

// Blur implements pane.Pane.
func (r *Model) Blur() { r.focused = false }

// Focused implements pane.Pane.
func (r *Model) Focused() bool { return r.focused }

// ShortHelp implements help.KeyMap: while a search is on, its keys.
func (r *Model) ShortHelp() []key.Binding {
	k := r.KeyMap
	if r.search.active() {
		next, prev := k.NextSame, k.PrevSame
		next.SetHelp("n", "next match")
		prev.SetHelp("N", "previous match")
		if r.search.back {
			next.SetHelp("n", "match above")
			prev.SetHelp("N", "match below")
		}
		return []key.Binding{next, prev, k.Search, k.Clear}
	}
	return k.ShortHelp()
}

// SetSize lays the text out for a viewport of w×h cells. Heights are
// recomputed only when the width changes.
func (r *Model) SetSize(w, h int) { r.layout(w, h) }

// Sized reports whether the Reader has been laid out.
func (r *Model) Sized() bool { return r.tw != 0 }

// View implements pane.Pane.
func (r *Model) View(w, h int) []string {
	if w != r.w || h != r.h {
		r.layout(w, h)
	}
	return r.view()
}

// Title implements pane.Pane: the section and, when its heading is not
// on screen, its title.
func (r *Model) Title() string {
	if si := r.section(); si >= 0 && !r.d.Implicit {
		s := "§" + strconv.Itoa(si+1) + "/" + strconv.Itoa(len(r.d.Sections))
		if r.headTitleShown(si) {
			// The heading's title is on screen: the border does not
			// repeat it.
			return s
		}
		return s + " " + r.d.SectionTitle(si)
	}
	return "Reader"
}

// Note implements pane.Pane: how far through the text the reader is.
func (r *Model) Note() string {
	if len(r.vis) == 0 {
		return ""
	}
	return strconv.Itoa(r.percent()) + "%"
}

// Click implements pane.Pointer: a click only focuses the Reader.
func (r *Model) Click(int) {}

// Wheel implements pane.Pointer: three lines a notch.
func (r *Model) Wheel(delta int) { r.scroll(3 * delta) }

// Update implements pane.Pane: scrolling and the jump keys.
func (r *Model) Update(msg tea.KeyMsg) tea.Cmd {
	if cmd, ok := r.Navigate(msg); ok {
		return cmd
	}
	delta, top, bottom, ok := r.Amount(msg, r.h)
	if !ok {
		return nil
	}
	switch {
	case top:
		r.setAbs(0)
	case bottom:
		r.setAbs(r.maxAbs())
	default:
		r.scroll(delta)
	}
	return nil
}

// Navigate runs the jump keys (] [ } { n N 1–9 ctrl+o ctrl+]), which
// work whatever pane has focus. ok is false for other keys.
func (r *Model) Navigate(msg tea.KeyMsg) (cmd tea.Cmd, ok bool) {
	k := &r.KeyMap
	switch {
	case key.Matches(msg, k.JumpBack):
		if p, ok := r.jumps.back(r.place()); ok {
			r.goTo(p)
			return nil, true
		}
		return note("no earlier jump"), true
	case key.Matches(msg, k.JumpFwd):
		if p, ok := r.jumps.forward(); ok {
			r.goTo(p)
			return nil, true
		}
		return note("no later jump"), true
	case key.Matches(msg, k.NextQuote), key.Matches(msg, k.PrevQuote),
		key.Matches(msg, k.NextSect), key.Matches(msg, k.PrevSect),
		key.Matches(msg, k.NextSame), key.Matches(msg, k.PrevSame),
		key.Matches(msg, k.Speaker):
	default:
		return nil, false
	}
	from := r.place()
	cmd = r.navigate(msg)
	if r.place() != from {
		r.jumps.record(from)
	}
	return cmd, true
}

// navigate runs the keys that jump: ] [ } { n N 1–9.
func (r *Model) navigate(msg tea.KeyMsg) tea.Cmd {
	k := &r.KeyMap
	switch {
	case key.Matches(msg, k.NextQuote):
		return r.stepQuote(1, nil, "quote")
	case key.Matches(msg, k.PrevQuote):
		return r.stepQuote(-1, nil, "quote")
	case key.Matches(msg, k.NextSect):
		if !r.sectionStep(1) {
			return note("no next section")
		}
	case key.Matches(msg, k.PrevSect):
		if !r.sectionStep(-1) {
			return note("no previous section")
		}
	case key.Matches(msg, k.NextSame):
		return r.stepSame(1)
	case key.Matches(msg, k.PrevSame):
		return r.stepSame(-1)
	case key.Matches(msg, k.Speaker):
		return r.jumpSpeaker(int(msg.String()[0] - '0'))
	}
	return nil
}

// note asks for a note in the status line.
func note(s string) tea.Cmd { return pane.Note(s, false) }

// stepQuote moves to the next or previous quote that matches.
func (r *Model) stepQuote(dir int, match func(int) bool, what string) tea.Cmd {
	qi, wrapped := r.step(dir, match)
	if qi < 0 {
		return note("no " + what + " here")
	}
	r.revealQuote(qi)
	jumped := JumpedMsg{Owner: r.bid, Quote: qi, Speaker: -1}
	cmds := []tea.Cmd{func() tea.Msg { return jumped }}
	if wrapped {
		if dir > 0 {
			cmds = append(cmds, note("wrapped to the first "+what))
		} else {
			cmds = append(cmds, note("wrapped to the last "+what))
		}
	}
	return tea.Batch(cmds...)
}

// CurrentSpeaker is the speaker n/N follow: the current quote's, else the
// first speaker on screen.
func (r *Model) CurrentSpeaker() int {
	if fq := r.focusQuote(); fq >= 0 {
		return r.d.QuoteSpeaker[fq]
	}
	return r.topSpeaker()
}

// stepSame is n/N: the next search match (in the search's direction)
// while a search is active, else the next quote of the current speaker.
func (r *Model) stepSame(dir int) tea.Cmd {
	if r.search.active() {
		return r.stepSearch(dir)
	}
	s := r.CurrentSpeaker()
	if s < 0 {
		switch {
		case len(r.quotes) == 0 && !r.flt.empty():
			return note("no quote under the filters; esc clears the last filter")
		case len(r.quotes) == 0:
			return note("this briefing has no quotes")
		default:
			return note("no speaker here; press ] for the next quote or 1–9 for a speaker")
		}
	}
	name := r.d.Speakers[s].Name
	return r.stepQuote(dir, func(qi int) bool { return r.d.QuoteSpeaker[qi] == s }, "quote by "+name)
}

// jumpSpeaker is 1–9: the next quote of the Nth speaker in the list.
func (r *Model) jumpSpeaker(n int) tea.Cmd {
	if n < 1 || n > len(r.d.Speakers) {
		return note("no speaker " + strconv.Itoa(n))
	}
	s := n - 1
	if r.flt.Speakers != nil && !r.flt.Speakers[s] {
		return note(r.d.Speakers[s].Name + " is filtered out; esc clears the filter")
	}
	// Land on the speaker's first quote after the current one: if the
	// current quote is theirs, that is the next.
	cmd := r.stepQuote(1, func(qi int) bool { return r.d.QuoteSpeaker[qi] == s }, "quote by "+r.d.Speakers[s].Name)
	// The Speakers list shows them, quote or not.
	jumped := JumpedMsg{Owner: r.bid, Quote: -1, Speaker: s}
	return tea.Batch(cmd, func() tea.Msg { return jumped })
}

// ShowQuote shows quote qi for good (enter in Quotes), as a jump: ctrl+o
// comes back. It reports false if the quote is filtered out.
func (r *Model) ShowQuote(qi int) bool {
	from := r.place()
	if !r.revealQuote(qi) {
		return false
	}
	r.jumps.record(from)
	return true
}

// Preview shows quote qi if it is shown at all, quietly: the Reader
// follows the Quotes cursor.
func (r *Model) Preview(qi int) {
	if r.quoteVisible(qi) {
		r.revealQuote(qi)
	}
}

// SetFilter changes what the Reader shows, keeping it where it was.
func (r *Model) SetFilter(f Filter) {
	r.setFilter(f)
	r.quotes = r.visibleQuotes(r.quotes)
}

// Quotes lists the quotes the Reader shows, in reading order. The slice
// is the Reader's: do not change it.
func (r *Model) Quotes() []int { return r.quotes }

// Empty reports whether nothing is shown (everything filtered out).
func (r *Model) Empty() bool { return len(r.vis) == 0 }

// FocusQuote is the quote the status line and y refer to: the current
// quote if it is on screen, else the first quote starting on screen, else
// -1.
func (r *Model) FocusQuote() int { return r.focusQuote() }

// Current is the quote marked current (it may be off screen), or -1.
func (r *Model) Current() int { return r.cur }

// Section is the current section, or -1.
func (r *Model) Section() int { return r.section() }

// Percent is how far through the text the bottom of the viewport is.
func (r *Model) Percent() int { return r.percent() }

// TopSection is the section at the top of the viewport, or -1.
func (r *Model) TopSection() int { return r.topSection() }

// Abs is the line of the text at the top of the viewport.
func (r *Model) Abs() int { return r.abs() }

// MaxAbs is the last line that can be at the top.
func (r *Model) MaxAbs() int { return r.maxAbs() }

// Height is the viewport's height.
func (r *Model) Height() int { return r.h }

// Shown lists the blocks shown under the filters, in order. The slice is
// the Reader's: do not change it.
func (r *Model) Shown() []int { return r.vis }

// QuoteRow is the viewport row where quote qi's block starts (negative
// when it starts above the top); ok says whether any of the block is on
// screen.
func (r *Model) QuoteRow(qi int) (row int, ok bool) {
	b := r.quoteBlock(qi)
	if b < 0 || !r.inViewport(b) {
		return 0, false
	}
	return r.prefix[r.visPos[b]] - r.abs(), true
}

// Place is where the Reader is, for the jump list.
func (r *Model) Place() Place { return r.place() }

// SearchMatch is the current match's index among all matches (-1 for
// none), how many there are, and whether the search is case-sensitive
// (smart case: the query has an upper-case letter).
func (r *Model) SearchMatch() (cur, all int, sensitive bool) {
	return r.search.cur, len(r.search.hits), r.search.sensitive
}

// ForgetLines drops the lines drawn so far, so that the next frame draws
// every line again (benchmarks of a cold start).
func (r *Model) ForgetLines() { clear(r.plain) }
