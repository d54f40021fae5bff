package readerpane

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/ui/doc"
	"github.com/brief-reader/brief/internal/ui/pane"
	"github.com/brief-reader/brief/internal/ui/theme"
)

// twoSpeakers is a briefing of two sections: every paragraph quotes Ann
// or Bob alternately and says "harbour" once, so that searches and jumps
// have somewhere to go.
func twoSpeakers(paras int) *doc.Doc {
	b := &briefing.Briefing{
		Speakers: []briefing.Speaker{{ID: "ann", Name: "Ann Lee"}, {ID: "bob", Name: "Bob Ray"}},
		Sections: []briefing.Section{
			{Title: "First", FirstParagraph: 0, LastParagraph: paras/2 - 1},
			{Title: "Second", FirstParagraph: paras / 2, LastParagraph: paras - 1},
		},
	}
	for i := 0; i < paras; i++ {
		who := b.Speakers[i%2].ID
		q := "The harbour opens on day " + strings.Repeat("one ", i%3+1) + "and stays open for ships of every size."
		text := "“" + q + "” the minister said."
		b.Paragraphs = append(b.Paragraphs, briefing.Paragraph{Index: i, Text: text})
		b.Quotes = append(b.Quotes, briefing.Quote{Speaker: who, Kind: briefing.Direct, Text: q, Paragraph: i, EndParagraph: i, Start: len("“"), End: len("“") + len(q)})
	}
	return doc.New(b)
}

func newPane(t *testing.T, paras, w, h int) *Model {
	t.Helper()
	r := New(theme.NewStyles(theme.Theme{NoColor: true}), twoSpeakers(paras), 7, NewStore(true))
	r.SetSize(w, h)
	return r
}

func runes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

// messages runs a command (and batches) and returns what it sends.
func messages(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, messages(c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}

// TestViewSize: the body is exactly w×h cells at every size, the
// smallest too.
func TestViewSize(t *testing.T) {
	r := newPane(t, 12, 40, 10)
	for w := 1; w <= 50; w += 7 {
		for h := 1; h <= 14; h += 3 {
			lines := r.View(w, h)
			if len(lines) != h {
				t.Fatalf("%d×%d: %d lines", w, h, len(lines))
			}
			for i, l := range lines {
				if n := ansi.StringWidth(l); n != w {
					t.Fatalf("%d×%d: line %d is %d cells: %q", w, h, i, n, l)
				}
			}
		}
	}
}

// TestNavigateAsks: a jump asks the root, by message, for the lists to
// follow (tagged with the owner); a jump that cannot be made asks for a
// note; other keys are not the Reader's to navigate.
func TestNavigateAsks(t *testing.T) {
	r := newPane(t, 12, 60, 10)
	cmd, ok := r.Navigate(runes("]"))
	if !ok {
		t.Fatal("] is not a jump")
	}
	msgs := messages(cmd)
	if len(msgs) != 1 || msgs[0] != (JumpedMsg{Owner: 7, Quote: r.Current(), Speaker: -1}) || r.Current() != 1 {
		t.Fatalf("]: %#v, current %d", msgs, r.Current())
	}
	msgs = messages(r.Update(runes("2")))
	if r.Current() != 3 || len(msgs) != 2 || msgs[1] != (JumpedMsg{Owner: 7, Quote: -1, Speaker: 1}) {
		t.Fatalf("2: current %d, %#v", r.Current(), msgs)
	}
	msgs = messages(r.Update(runes("9")))
	if len(msgs) != 1 || msgs[0] != (pane.NoteMsg{Text: "no speaker 9"}) {
		t.Fatalf("9: %#v", msgs)
	}
	if _, ok := r.Navigate(runes("x")); ok {
		t.Fatal("x taken as a jump")
	}
	// ctrl+o goes back through the places the jumps left (9 made none).
	r.Update(tea.KeyMsg{Type: tea.KeyCtrlO})
	if r.Current() != 1 {
		t.Fatalf("ctrl+o: current %d, want 1", r.Current())
	}
	r.Update(tea.KeyMsg{Type: tea.KeyCtrlO})
	if r.Current() != -1 || r.Abs() != 0 {
		t.Fatalf("ctrl+o twice: current %d at line %d, want the start", r.Current(), r.Abs())
	}
}

// TestSearchDirection: a search begun with ? finds the match above where
// it began, and n goes on upward; one begun with / goes down.
func TestSearchDirection(t *testing.T) {
	r := newPane(t, 40, 60, 8)
	r.Update(runes("G"))
	r.BeginSearch(true)
	r.TypeSearch("harbour")
	if r.CommitSearch("harbour") != nil {
		t.Fatal("harbour not found")
	}
	first, all, _ := r.SearchMatch()
	if all != 40 || first < 0 || first == all-1 {
		t.Fatalf("?harbour from the end: match %d of %d, want one above the last screen", first, all)
	}
	r.Update(runes("n"))
	if c, _, _ := r.SearchMatch(); c != first-1 {
		t.Fatalf("n after ?: match %d, want %d", c, first-1)
	}
	r.BeginSearch(false)
	if r.RepeatSearch("harbour") != nil {
		t.Fatal("/ enter: unexpected note")
	}
	r.Update(runes("n"))
	if c, _, _ := r.SearchMatch(); c != first+1 {
		t.Fatalf("n after /: match %d, want %d", c, first+1)
	}
	// Cancelling a search being typed puts the old one back.
	r.BeginSearch(true)
	r.TypeSearch("minister")
	r.CancelSearch()
	if r.SearchQuery() != "harbour" || r.Backward() {
		t.Fatalf("after cancel: %q backward %v", r.SearchQuery(), r.Backward())
	}
}

// TestParagraphPlace: the paragraph at the top is what GoToParagraph put
// there, and one the filters hide gives way to the next shown.
func TestParagraphPlace(t *testing.T) {
	r := newPane(t, 40, 60, 8)
	r.GoToParagraph(25)
	if got := r.TopParagraph(); got != 25 {
		t.Fatalf("GoToParagraph(25): top paragraph %d", got)
	}
	r.SetFilter(Filter{Speakers: []bool{false, true}}) // Bob: odd paragraphs
	r.GoToParagraph(10)
	if got := r.TopParagraph(); got != 11 {
		t.Fatalf("GoToParagraph(10) with only Bob shown: top paragraph %d, want 11", got)
	}
	r.GoToParagraph(-1)
	r.GoToParagraph(400)
	if got := r.TopParagraph(); got != 11 {
		t.Fatalf("out-of-range paragraphs moved the reader to %d", got)
	}
}
