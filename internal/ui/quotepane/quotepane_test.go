package quotepane

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/ui/doc"
	"github.com/brief-reader/brief/internal/ui/theme"
)

func sample() *doc.Doc {
	text := "“We will build it,” said Jane. “Trade grows,” said Ravi."
	b := &briefing.Briefing{
		Paragraphs: []briefing.Paragraph{{Text: text}},
		Speakers:   []briefing.Speaker{{ID: "jane", Name: "Jane Doe"}, {ID: "ravi", Name: "Ravi Rao"}},
		Quotes: []briefing.Quote{
			{Speaker: "jane", Kind: briefing.Direct, Text: "We will build it", Start: 3, End: 19},
			{Speaker: "ravi", Kind: briefing.Direct, Text: "Trade grows", Start: 36, End: 47},
		},
	}
	return doc.New(b)
}

// TestFilterAndShow: the query narrows the list and the title says so;
// enter asks for the quote under the cursor, tagged with the owner.
func TestFilterAndShow(t *testing.T) {
	d := sample()
	m := New(theme.NewStyles(theme.Theme{NoColor: true}), d, 4)
	m.SetBase([]int{0, 1}, false)
	m.View(40, 9)
	m.SetQuery("ravi")
	if got := m.Items(); len(got) != 1 || got[0] != 1 {
		t.Fatalf("ravi: %v", got)
	}
	if !strings.Contains(m.Title(), "Quotes 1 ~ravi") {
		t.Errorf("title %q", m.Title())
	}
	cmd := m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	if cmd == nil {
		t.Fatal("enter asked for nothing")
	}
	if got := cmd(); got != (ShowMsg{Owner: 4, Quote: 1}) {
		t.Fatalf("enter: %#v", got)
	}
	// Moving previews: the new quote, without taking focus.
	m.SetQuery("")
	m.Show(0)
	cmd = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("j")})
	if cmd == nil || cmd() != (ShowMsg{Owner: 4, Quote: 1, Preview: true}) {
		t.Fatal("j did not preview the next quote")
	}
	m.SetQuery("nobody")
	if v := ansi.Strip(strings.Join(m.View(40, 3), "\n")); !strings.Contains(v, "No quote matches") {
		t.Errorf("empty list:\n%s", v)
	}
}

// TestSectionTitleOnce: quotes under one section name it once.
func TestSectionTitleOnce(t *testing.T) {
	d := sample()
	d.B.Sections = []briefing.Section{{Title: "Trade and building", FirstParagraph: 0, LastParagraph: 0}}
	d.Sections = d.B.Sections
	d.Implicit = false
	m := New(theme.NewStyles(theme.Theme{NoColor: true}), d, 4)
	m.SetBase([]int{0, 1}, false)
	v := ansi.Strip(strings.Join(m.View(60, 6), "\n"))
	if n := strings.Count(v, "Trade and building"); n != 1 {
		t.Fatalf("the section title shows %d times:\n%s", n, v)
	}
}

// ranked lays out quotes, one paragraph each, by the speakers named.
func ranked(t *testing.T, quotes ...[2]string) *doc.Doc {
	t.Helper()
	b := &briefing.Briefing{Speakers: []briefing.Speaker{{ID: "jane", Name: "Jane Doe"}, {ID: "ravi", Name: "Ravi Rao"}}}
	for i, q := range quotes {
		text := "“" + q[1] + "”"
		b.Paragraphs = append(b.Paragraphs, briefing.Paragraph{Text: text})
		b.Quotes = append(b.Quotes, briefing.Quote{Speaker: q[0], Kind: briefing.Direct, Text: q[1], Paragraph: i, EndParagraph: i, Start: len("“"), End: len("“") + len(q[1])})
	}
	return doc.New(b)
}

// TestFilterRanked: the Quotes filter ranks as the other lists do: a quote
// whose speaker matches comes before one that matches only in its text, a
// term as typed beats scattered letters, ties keep reading order, and the
// cursor goes to the best match.
func TestFilterRanked(t *testing.T) {
	d := ranked(t,
		[2]string{"jane", "The target is rising inflation for food."},
		[2]string{"jane", "Ravi is right about the numbers."},
		[2]string{"ravi", "We discussed the tariff at length."},
		[2]string{"ravi", "Nothing more to add."},
	)
	for _, c := range []struct {
		query string
		want  []int
	}{
		{"tariff", []int{2, 0}},
		{"ravi", []int{2, 3, 1}},
		{"", []int{0, 1, 2, 3}},
	} {
		if got := FilterList(d, []int{0, 1, 2, 3}, c.query); !equal(got, c.want) {
			t.Errorf("%q: %v, want %v", c.query, got, c.want)
		}
	}
	m := New(theme.NewStyles(theme.Theme{NoColor: true}), d, 1)
	m.SetBase([]int{0, 1, 2, 3}, false)
	m.View(40, 12)
	m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("G")})
	// Typing narrows a kept result: the ranking is the same as from scratch.
	m.Type("t")
	m.Type("ta")
	m.Type("tariff")
	if got := m.Items(); !equal(got, []int{2, 0}) {
		t.Fatalf("typed tariff: %v", got)
	}
	if m.Cursor() != 2 {
		t.Errorf("the cursor is on %d, want the best match 2", m.Cursor())
	}
}

func equal(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
