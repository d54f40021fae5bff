package ui

import (
	"encoding/base64"
	"strconv"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/ui/doc"
	"github.com/brief-reader/brief/internal/ui/query"
	"github.com/brief-reader/brief/internal/ui/readerpane"
)

const (
	kirbyPath   = "../../briefings/wh-kirby-gaggle-2024-08-23.md"
	leavittPath = "../../briefings/wh-press-briefing-leavitt-2025-01-29.md"
)

// seedModel opens the seed snapshot (see seedSnapshot) at 120×40: tests
// of keys check the reader, not the parser's or classifier's tuning.
func seedModel(t *testing.T) *Model {
	t.Helper()
	return newModelFor(t, 120, 40, seedSnapshot(t))
}

// quotesBy lists a speaker's quotes in reading order.
func quotesBy(d *doc.Doc, id string) []int {
	var out []int
	for _, qi := range d.Order {
		if d.B.Quotes[qi].Speaker == id {
			out = append(out, qi)
		}
	}
	return out
}

func TestSpeakerKeysLandOnQuotes(t *testing.T) {
	m := seedModel(t)
	tb := m.tab()
	misri := quotesBy(tb.d, "vikram-misri")
	if len(misri) < 3 {
		t.Fatalf("the seed should have Misri quotes, got %d", len(misri))
	}
	if got := tb.d.Speakers[0].ID; got != "vikram-misri" {
		t.Fatalf("speaker 1 is %q, want vikram-misri", got)
	}
	// The briefing opens on Misri's first quote, marked current: 1 and n
	// move off it, never land on it again.
	if fq := tb.rd.FocusQuote(); fq != misri[0] {
		t.Fatalf("the current quote at the start is %d, want Misri's first %d", fq, misri[0])
	}
	press(t, m, "1")
	if tb.rd.Current() != misri[1] {
		t.Fatalf("1 landed on quote %d, want Misri's second %d (the first is current)", tb.rd.Current(), misri[1])
	}
	at, shown := tb.rd.QuoteRow(misri[1])
	if !shown {
		t.Fatal("Misri's second quote is not on screen")
	}
	// Like vim's scrolloff, a jump keeps lines above its target.
	if at != readerpane.ScrollOff {
		t.Fatalf("the quote's block starts %d lines down the screen, want %d", at, readerpane.ScrollOff)
	}
	press(t, m, "N")
	if tb.rd.Current() != misri[0] {
		t.Fatalf("N landed on quote %d, want Misri's first %d", tb.rd.Current(), misri[0])
	}
	press(t, m, "n")
	if tb.rd.Current() != misri[1] {
		t.Fatalf("n landed on quote %d, want Misri's second %d", tb.rd.Current(), misri[1])
	}
	press(t, m, "1")
	if tb.rd.Current() != misri[2] {
		t.Fatalf("1 again went to %d, want the next Misri quote %d", tb.rd.Current(), misri[2])
	}
	// The second speaker, then n follows them.
	lal := quotesBy(tb.d, "tanmaya-lal")
	press(t, m, "2")
	if tb.rd.Current() != lal[0] {
		t.Fatalf("2 landed on %d, want Lal's first %d", tb.rd.Current(), lal[0])
	}
	press(t, m, "n")
	if tb.rd.Current() != lal[1] {
		t.Fatalf("n after 2 landed on %d, want Lal's second %d", tb.rd.Current(), lal[1])
	}
	if !strings.Contains(plainView(m), "▶ Tanmaya Lal") {
		t.Error("the footer does not name the current speaker")
	}
	press(t, m, "9")
	if !strings.Contains(m.status, "no speaker 9") {
		t.Errorf("9 with two speakers: status %q", m.status)
	}
	press(t, m, "j")
	if m.status != "" {
		t.Errorf("the note did not clear on the next key: %q", m.status)
	}
}

func TestQuoteAndSectionKeys(t *testing.T) {
	m := seedModel(t)
	tb := m.tab()
	d := tb.d
	press(t, m, "]")
	// The first quote is current at the start: ] moves off it.
	if tb.rd.Current() != d.Order[1] {
		t.Fatalf("] went to %d, want the second quote %d", tb.rd.Current(), d.Order[1])
	}
	press(t, m, "]", "]")
	if tb.rd.Current() != d.Order[3] {
		t.Fatalf("]]] went to %d, want %d", tb.rd.Current(), d.Order[3])
	}
	press(t, m, "[")
	if tb.rd.Current() != d.Order[2] {
		t.Fatalf("[ went to %d, want %d", tb.rd.Current(), d.Order[2])
	}
	// Sections: } walks headings in order, { comes back.
	press(t, m, "g")
	if d.Implicit {
		t.Fatal("the seed should have topic sections")
	}
	// Every section, the short last one too, is reached and named.
	for si := 1; si < len(d.Sections); si++ {
		press(t, m, "}")
		if got := tb.rd.Section(); got != si {
			t.Fatalf("} #%d: current section %d, want %d", si, got, si)
		}
		if !strings.Contains(plainView(m), "§"+strconv.Itoa(si+1)+"/") {
			t.Fatalf("} #%d: the border does not say §%d", si, si+1)
		}
	}
	press(t, m, "}")
	if !strings.Contains(m.status, "no next section") {
		t.Fatalf("} past the last section: status %q", m.status)
	}
	press(t, m, "{")
	if got := tb.rd.Section(); got != len(d.Sections)-2 {
		t.Fatalf("{ from the last section: section %d, want %d", got, len(d.Sections)-2)
	}
	press(t, m, "g", "}", "}", "{")
	if got := tb.rd.TopSection(); got != 1 {
		t.Fatalf("g } } {: section %d, want 1", got)
	}
	// ] wraps at the end with a note.
	press(t, m, "G")
	last := d.Order[len(d.Order)-1]
	tb.rd.ShowQuote(last)
	press(t, m, "]")
	if tb.rd.Current() != d.Order[0] || !strings.Contains(m.status, "wrapped") {
		t.Fatalf("] at the last quote: cur %d status %q", tb.rd.Current(), m.status)
	}
}

func TestScrollKeys(t *testing.T) {
	m := newTestModel(t, 120, 40, []string{leavittPath})
	rd := m.tab().rd
	h := rd.Height()
	steps := []struct {
		key  string
		want func(before int) int
	}{
		{"j", func(b int) int { return b + 1 }},
		{"down", func(b int) int { return b + 1 }},
		{"k", func(b int) int { return b - 1 }},
		{"up", func(b int) int { return b - 1 }},
		{"d", func(b int) int { return b + h/2 }},
		{"ctrl+d", func(b int) int { return b + h/2 }},
		{"u", func(b int) int { return b - h/2 }},
		{"ctrl+u", func(b int) int { return b - h/2 }},
		{"space", func(b int) int { return b + h - 2 }},
		{"f", func(b int) int { return b + h - 2 }},
		{"pgdown", func(b int) int { return b + h - 2 }},
		{"b", func(b int) int { return b - (h - 2) }},
		{"pgup", func(b int) int { return b - (h - 2) }},
		{"G", func(int) int { return rd.MaxAbs() }},
		{"g", func(int) int { return 0 }},
	}
	press(t, m, "d", "d")
	for _, s := range steps {
		before := rd.Abs()
		press(t, m, s.key)
		if got, want := rd.Abs(), s.want(before); got != want {
			t.Errorf("%s: top line %d, want %d", s.key, got, want)
		}
	}
	press(t, m, "G")
	if rd.Percent() != 100 || !strings.Contains(plainView(m), "100%") {
		t.Errorf("G: %d%%", rd.Percent())
	}
}

// TestFocusCycle: tab moves focus through the panes on screen and never
// changes the layout, so 1–9 always point at a list that can be seen.
func TestFocusCycle(t *testing.T) {
	m := seedModel(t) // 120 columns
	lay := m.lay
	want := []paneID{paneSpeakers, paneTopics, paneReader}
	for _, p := range want {
		press(t, m, "tab")
		if m.focus != p {
			t.Fatalf("tab: focus %v, want %v", m.focus, p)
		}
		if m.lay != lay {
			t.Fatalf("tab to %v changed the layout: %+v, was %+v", p, m.lay, lay)
		}
	}
	press(t, m, "shift+tab")
	if m.focus != paneTopics {
		t.Fatalf("shift+tab: focus %v, want Topics", m.focus)
	}
	// Q brings Quotes in place of Speakers/Topics, focused; tab then
	// cycles Reader and Quotes only; Q swaps back.
	press(t, m, "Q")
	if !m.lay.quotes.visible() || m.lay.speakers.visible() || m.focus != paneQuotes {
		t.Fatal("Q at 120 columns should show Quotes in place of Speakers, focused")
	}
	press(t, m, "tab")
	if m.focus != paneReader {
		t.Fatalf("tab from Quotes: focus %v, want Reader", m.focus)
	}
	press(t, m, "tab")
	if m.focus != paneQuotes {
		t.Fatalf("tab from Reader with Quotes shown: focus %v, want Quotes", m.focus)
	}
	press(t, m, "Q")
	if m.lay.quotes.visible() || !m.lay.speakers.visible() || m.focus != paneReader {
		t.Fatal("Q should swap Quotes back out")
	}
	// Wide: all four side by side, tab visits each.
	m = newModelFor(t, 160, 40, seedSnapshot(t))
	lay = m.lay
	for _, p := range []paneID{paneSpeakers, paneTopics, paneQuotes, paneReader} {
		press(t, m, "tab")
		if m.focus != p || m.lay != lay {
			t.Fatalf("160 columns, tab: focus %v, want %v; layout changed: %v", m.focus, p, m.lay != lay)
		}
	}
}

// TestNarrowReaderAlone: at 80 columns or fewer the Reader is alone; tab
// brings the focused side pane in over it, full width, and back; esc
// with nothing to clear returns to the Reader; Q brings Quotes.
func TestNarrowReaderAlone(t *testing.T) {
	m := newModelFor(t, 80, 24, seedSnapshot(t))
	if !m.lay.reader.visible() || m.lay.speakers.visible() || m.lay.quotes.visible() || m.lay.reader.w != 80 {
		t.Fatalf("at 80 columns the Reader should be alone, full width: %+v", m.lay)
	}
	press(t, m, "tab")
	if m.focus != paneSpeakers || !m.lay.speakers.visible() || m.lay.reader.visible() || m.lay.speakers.w != 80 {
		t.Fatalf("tab at 80 columns should bring Speakers in, full width: focus %v, %+v", m.focus, m.lay)
	}
	if lines := strings.Split(plainView(m), "\n"); !strings.Contains(lines[len(lines)-1], "tab next pane") {
		t.Errorf("the hint line over the Reader does not say how to move on: %q", lines[len(lines)-1])
	}
	press(t, m, "tab", "tab")
	if m.focus != paneQuotes || !m.lay.quotes.visible() || m.lay.speakers.visible() {
		t.Fatalf("tab tab from Speakers: focus %v, want Quotes alone", m.focus)
	}
	press(t, m, "tab")
	if m.focus != paneReader || !m.lay.reader.visible() {
		t.Fatalf("tab from Quotes: focus %v, want the Reader back", m.focus)
	}
	press(t, m, "tab", "esc")
	if m.focus != paneReader || !m.lay.reader.visible() {
		t.Fatalf("esc in Speakers with nothing to clear: focus %v, want the Reader", m.focus)
	}
	press(t, m, "Q")
	if m.focus != paneQuotes || !m.lay.quotes.visible() {
		t.Fatal("Q at 80 columns should bring Quotes in")
	}
	press(t, m, "Q")
	if m.focus != paneReader || !m.lay.reader.visible() {
		t.Fatal("Q again should return to the Reader")
	}
	// A resize keeps the focused pane on screen: Quotes focused at 80
	// columns stays in view, beside the Reader, at 120.
	press(t, m, "Q")
	send(t, m, tea.WindowSizeMsg{Width: 120, Height: 40})
	if m.focus != paneQuotes || !m.lay.quotes.visible() || !m.lay.reader.visible() {
		t.Fatalf("Quotes focused at 80 columns, resized to 120: focus %v, %+v", m.focus, m.lay)
	}
	// 81 columns: the Reader and Speakers/Topics side by side.
	m = newModelFor(t, 81, 24, seedSnapshot(t))
	if !m.lay.reader.visible() || !m.lay.speakers.visible() {
		t.Fatalf("at 81 columns the Reader and Speakers should share the screen: %+v", m.lay)
	}
}

func TestSpeakerFilter(t *testing.T) {
	m := newTestModel(t, 120, 40, []string{leavittPath})
	tb := m.tab()
	press(t, m, "tab", "j", "enter") // the second speaker: the reporters
	if tb.spkSel == nil || !tb.spkSel[1] {
		t.Fatal("enter did not filter to the speaker under the cursor")
	}
	reporter := tb.d.Speakers[1].ID
	for _, qi := range tb.qp.Items() {
		if tb.d.B.Quotes[qi].Speaker != reporter {
			t.Fatalf("quote %d by %s listed under a filter to %s", qi, tb.d.B.Quotes[qi].Speaker, reporter)
		}
	}
	for _, b := range tb.rd.Shown() {
		blk := tb.d.Blocks[b]
		if blk.Kind == doc.Para && blk.Speaker != 1 {
			t.Fatalf("block %d by speaker %d shown under the filter", b, blk.Speaker)
		}
	}
	if !strings.Contains(plainView(m), "⧩ Reporter") {
		t.Error("the footer does not show the filter")
	}
	press(t, m, "enter")
	if tb.spkSel != nil {
		t.Fatal("enter again did not clear the filter")
	}
	// space adds speakers; esc clears the filter.
	press(t, m, "space", "k", "space")
	if tb.countSel() != 2 {
		t.Fatalf("space twice: %d speakers selected, want 2", tb.countSel())
	}
	press(t, m, "esc")
	if tb.spkSel != nil {
		t.Fatal("esc did not clear the speaker filter")
	}
}

// TestTopicPicker is the flow the issue asks for: t, select the space
// topic, enter, and only the quotes on space are left, as many as the
// Topics pane and export count.
func TestTopicPicker(t *testing.T) {
	m := seedModel(t)
	tb := m.tab()
	press(t, m, "t")
	if m.picker == nil {
		t.Fatal("t did not open the picker")
	}
	// Letters jump to topics: s goes to Security, then Space.
	press(t, m, "s")
	for m.picker.ids[m.picker.cursor] != "space" {
		press(t, m, "s")
	}
	press(t, m, "space")
	if got := m.picker.selected(); len(got) != 1 || got[0] != "space" {
		t.Fatalf("space selected %v", got)
	}
	press(t, m, "enter")
	if m.picker != nil {
		t.Fatal("enter did not close the picker")
	}
	checkTopicFilter(t, tb, "space")
	view := plainView(m)
	if !strings.Contains(view, "Lunar Polar Exploration Mission") || strings.Contains(view, "UNICORN") {
		t.Errorf("the reader should show the lunar section alone:\n%s", view)
	}
	if !strings.Contains(view, "#Space") {
		t.Error("the footer does not show the topic filter")
	}
	// Picking nothing clears the filter; so does esc.
	press(t, m, "t", "s", "s", "esc")
	if len(tb.topicSel) != 1 {
		t.Fatal("esc in the picker should cancel, not apply")
	}
	press(t, m, "esc")
	if tb.topicSel != nil || len(tb.rd.Shown()) != len(tb.d.Blocks) {
		t.Fatal("esc did not clear the topic filter")
	}
}

// checkTopicFilter checks the one meaning of a topic filter: the quotes
// the reader keeps are exactly those export --topic keeps, their number is
// the Topics pane's, and every paragraph shown holds one of them.
func checkTopicFilter(t *testing.T, tb *tab, id string) {
	t.Helper()
	want := briefing.Filter{Topics: []string{id}}.Quotes(tb.d.B)
	if len(want) == 0 {
		t.Fatalf("the seed has no quote on %s", id)
	}
	if len(tb.rd.Quotes()) != len(want) {
		t.Fatalf("the reader keeps %d quotes on %s, export %d", len(tb.rd.Quotes()), id, len(want))
	}
	for _, qi := range tb.rd.Quotes() {
		if !tb.d.B.Quotes[qi].OnTopic([]string{id}) {
			t.Fatalf("quote %d is kept but not on %s", qi, id)
		}
	}
	if n := briefing.CountOnTopic(tb.d.B, id); n != len(tb.rd.Quotes()) {
		t.Fatalf("the Topics pane says %d, the filter yields %d", n, len(tb.rd.Quotes()))
	}
	kept := map[int]bool{}
	for _, qi := range tb.rd.Quotes() {
		q := tb.d.B.Quotes[qi]
		for p := q.Paragraph; p <= max(q.Paragraph, q.EndParagraph); p++ {
			kept[p] = true
		}
	}
	for _, b := range tb.rd.Shown() {
		if blk := tb.d.Blocks[b]; blk.Kind == doc.Para && !kept[blk.Para] {
			t.Fatalf("paragraph %d is shown but holds no quote on %s", blk.Para, id)
		}
	}
}

func TestReaderSearch(t *testing.T) {
	m := seedModel(t)
	tb := m.tab()
	press(t, m, "/", "type:japan")
	if m.in == nil {
		t.Fatal("/ did not open the search")
	}
	if !strings.Contains(plainView(m), "/japan") {
		t.Error("the prompt does not show what is typed")
	}
	press(t, m, "enter")
	first, lower, sensitive := tb.rd.SearchMatch()
	if lower == 0 || sensitive {
		t.Fatalf("smart case: %d hits, sensitive %v", lower, sensitive)
	}
	press(t, m, "n")
	if cur, _, _ := tb.rd.SearchMatch(); cur != first+1 {
		t.Fatalf("n went to match %d, want %d", cur, first+1)
	}
	press(t, m, "N")
	if cur, _, _ := tb.rd.SearchMatch(); cur != first {
		t.Fatalf("N went to match %d, want %d", cur, first)
	}
	// The current match is highlighted (reverse video has no SGR under
	// Ascii; check the model instead) and counted in the footer.
	if !strings.Contains(plainView(m), "/japan 1/") {
		t.Errorf("the footer does not count matches:\n%s", plainView(m))
	}
	// Upper case makes it case-sensitive.
	press(t, m, "/", "type:JAPAN", "enter")
	if _, n, sensitive := tb.rd.SearchMatch(); !sensitive || n != 0 {
		t.Fatalf("JAPAN: sensitive %v, %d hits", sensitive, n)
	}
	if !m.statusErr {
		t.Error("no error for a pattern not found")
	}
	press(t, m, "/", "type:Japan", "enter")
	if _, n, _ := tb.rd.SearchMatch(); n == 0 || n > lower {
		t.Fatalf("Japan: %d hits (japan had %d)", n, lower)
	}
	press(t, m, "esc")
	if tb.rd.Searching() {
		t.Fatal("esc did not clear the search")
	}
	// n without a search follows the speaker again.
	press(t, m, "1", "n")
	if tb.d.QuoteSpeaker[tb.rd.Current()] != 0 {
		t.Fatal("n after the search was cleared does not follow the speaker")
	}
	// esc while typing goes back to where the search began.
	press(t, m, "g")
	press(t, m, "/", "type:Tianjin")
	if tb.rd.Abs() == 0 {
		t.Fatal("incremental search did not move to the match")
	}
	press(t, m, "esc")
	if tb.rd.Abs() != 0 || tb.rd.Searching() {
		t.Fatalf("esc while typing: top %d, search %q", tb.rd.Abs(), tb.rd.SearchQuery())
	}
}

// TestBurstOfKeys: keys that arrive together in one read (fast typing,
// tmux send-keys) act one by one.
func TestBurstOfKeys(t *testing.T) {
	m := seedModel(t)
	send(t, m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/Japan")})
	if m.in == nil || m.in.ti.Value() != "Japan" {
		t.Fatalf("a burst did not open the search with the rest typed in: %+v", m.in)
	}
	press(t, m, "esc")
	send(t, m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("1n")})
	if misri := quotesBy(m.tab().d, "vikram-misri"); m.tab().rd.Current() != misri[2] {
		t.Fatal("a burst of 1n did not land on Misri's third quote (the first is current at the start)")
	}
}

func TestInputTakesLetters(t *testing.T) {
	m := seedModel(t)
	press(t, m, "/", "type:qjkGt?1]")
	if m.in == nil || m.in.ti.Value() != "qjkGt?1]" {
		t.Fatalf("letters did not go to the input: %+v", m.in)
	}
	if m.help || m.picker != nil {
		t.Fatal("keys typed into the search acted as commands")
	}
	press(t, m, "backspace", "backspace")
	if m.in.ti.Value() != "qjkGt?" {
		t.Fatalf("backspace: %q", m.in.ti.Value())
	}
	_, cmd := m.Update(keyMsg("ctrl+c"))
	if cmd == nil || cmd() != tea.Quit() {
		t.Fatal("ctrl+c does not quit while typing")
	}
}

func TestListFilters(t *testing.T) {
	m := newTestModel(t, 150, 40, []string{leavittPath})
	tb := m.tab()
	// Quotes: fuzzy, 'exact and !not.
	press(t, m, "shift+tab", "/", "type:'deepseek", "enter")
	if len(tb.qp.Items()) == 0 {
		t.Fatal("'deepseek matched no quote")
	}
	for _, qi := range tb.qp.Items() {
		if !strings.Contains(strings.ToLower(tb.d.B.Quotes[qi].Text), "deepseek") {
			t.Fatalf("'deepseek kept quote %d without the word", qi)
		}
	}
	n := len(tb.qp.Items())
	press(t, m, "/", "type: !reporter", "enter")
	if len(tb.qp.Items()) >= n || len(tb.qp.Items()) == 0 {
		t.Fatalf("!reporter: %d quotes of %d", len(tb.qp.Items()), n)
	}
	for _, qi := range tb.qp.Items() {
		if tb.d.B.Quotes[qi].Speaker == "reporter" {
			t.Fatal("!reporter kept a reporter's quote")
		}
	}
	// enter jumps the reader to the quote under the cursor.
	qi := tb.qp.Items()[0]
	press(t, m, "enter")
	if _, shown := tb.rd.QuoteRow(qi); tb.rd.Current() != qi || !shown {
		t.Fatal("enter in Quotes did not bring the quote into the reader")
	}
	if m.focus != paneReader {
		t.Fatalf("enter in Quotes left focus on %v, want the Reader", m.focus)
	}
	press(t, m, "esc")
	if tb.qp.Query() != "" || len(tb.qp.Items()) != len(tb.rd.Quotes()) {
		t.Fatal("esc did not clear the quote filter")
	}
	// Speakers: fuzzy on name and role.
	press(t, m, "tab", "/", "type:lvt")
	if items := tb.speakers.Items(); len(items) != 1 || tb.d.Speakers[items[0]].ID != "karoline-leavitt" {
		t.Fatalf("lvt: %v", items)
	}
	press(t, m, "enter", "esc")
	if tb.speakers.Query() != "" || len(tb.speakers.Items()) != len(tb.d.Speakers) {
		t.Fatal("esc did not clear the speaker list filter")
	}
}

func TestCopyQuote(t *testing.T) {
	var clip strings.Builder
	m := newModelFor(t, 120, 40, seedSnapshot(t), func(o *Options) { o.Clipboard = &clip })
	press(t, m, "1", "y")
	seq := clip.String()
	if !strings.HasPrefix(seq, "\x1b]52;c;") {
		t.Fatalf("y wrote %q, want an OSC 52 sequence", seq)
	}
	payload := strings.TrimPrefix(seq, "\x1b]52;c;")
	payload = payload[:strings.IndexAny(payload, "\x07\x1b")]
	text, err := base64.StdEncoding.DecodeString(payload)
	if err != nil {
		t.Fatal(err)
	}
	got := string(text)
	for _, want := range []string{"“This has certainly emerged", "— Vikram Misri, Foreign Secretary", "August 26", "¶4"} {
		if !strings.Contains(got, want) {
			t.Errorf("the copied text lacks %q:\n%s", want, got)
		}
	}
	if !strings.Contains(m.status, "copied") {
		t.Errorf("no note after copying: %q", m.status)
	}
}

func TestBriefingSwitch(t *testing.T) {
	m := newTestModel(t, 120, 40, []string{seedPath, kirbyPath, leavittPath})
	if len(m.tabs) != 3 {
		t.Fatalf("%d tabs, want 3", len(m.tabs))
	}
	if !strings.Contains(plainView(m), "1/3") {
		t.Error("the header does not say which briefing of how many")
	}
	press(t, m, "1", "n")
	pos := m.tab().rd.Abs()
	press(t, m, "J")
	if m.cur != 1 || !strings.Contains(plainView(m), "2/3") {
		t.Fatalf("J: tab %d", m.cur)
	}
	press(t, m, "K", "K")
	if m.cur != 2 {
		t.Fatalf("K K from 2: tab %d, want 3 (wrapping)", m.cur+1)
	}
	press(t, m, "J")
	if m.cur != 0 || m.tab().rd.Abs() != pos {
		t.Fatal("coming back did not keep the place")
	}
}

func TestHelpQuitMouse(t *testing.T) {
	m := seedModel(t)
	press(t, m, "h")
	if !m.help || !strings.Contains(plainView(m), "quote of speaker N") {
		t.Fatal("h did not show the help")
	}
	if strings.Contains(plainView(m), "next briefing") {
		t.Error("help lists J/K with one briefing open")
	}
	press(t, m, "j", "h")
	if m.help {
		t.Fatal("h did not close the help")
	}
	// ? is help where there is no search: in a side pane.
	press(t, m, "tab", "?")
	if !m.help || m.in != nil {
		t.Fatal("? in Speakers did not show the help")
	}
	press(t, m, "?", "shift+tab")
	if m.help || m.focus != paneReader {
		t.Fatal("? did not close the help")
	}
	_, cmd := m.Update(keyMsg("m"))
	if !m.mouse || cmd == nil {
		t.Fatal("m did not turn the mouse on")
	}
	_, cmd = m.Update(keyMsg("q"))
	if cmd == nil || cmd() != tea.Quit() {
		t.Fatal("q does not quit")
	}
}

func TestNoColorShapes(t *testing.T) {
	th := asciiTheme()
	th.NoColor = true
	m := newModelFor(t, 120, 40, seedSnapshot(t), withTheme(th))
	press(t, m, "1")
	view := plainView(m)
	for _, want := range []string{"┏", "▶ Vikram Misri", "▶"} {
		if !strings.Contains(view, want) {
			t.Errorf("NO_COLOR view lacks %q", want)
		}
	}
}

func TestNoTopics(t *testing.T) {
	m := seedModel(t)
	// A briefing without classification: one implicit section, no
	// Topics pane, t says why.
	b := *m.tab().d.B
	b.Sections, b.Topics = nil, nil
	b.Path = "plain.txt"
	m2 := newModelFor(t, 120, 40, []*briefing.Briefing{&b})
	if !m2.tab().d.Implicit || m2.lay.topics.visible() {
		t.Fatal("a briefing without sections should have one implicit section and no Topics pane")
	}
	press(t, m2, "t")
	if m2.picker != nil || !strings.Contains(m2.status, "no topics") {
		t.Fatalf("t without topics: picker %v, status %q", m2.picker != nil, m2.status)
	}
	press(t, m2, "}", "1", "n", "]", "G", "{")
	checkFrame(t, m2.View(), 120, 40)
}

func TestBriefingList(t *testing.T) {
	m := newTestModel(t, 120, 40, []string{seedPath, kirbyPath, leavittPath})
	press(t, m, "B")
	if m.list == nil || !strings.Contains(plainView(m), "Briefings") {
		t.Fatal("B did not open the briefing list")
	}
	press(t, m, "type:'leavitt")
	if len(m.list.items) != 1 {
		t.Fatalf("filter leavitt: %d briefings", len(m.list.items))
	}
	checkFrame(t, m.View(), 120, 40)
	press(t, m, "enter")
	if m.list != nil || m.cur != 2 {
		t.Fatalf("enter: list open %v, briefing %d", m.list != nil, m.cur+1)
	}
	press(t, m, "B", "down", "esc")
	if m.list != nil || m.cur != 2 {
		t.Fatal("esc should close the list without switching")
	}
	// In a transcript the footer counts turns.
	press(t, m, "]")
	if !strings.Contains(plainView(m), "turn 2/") {
		t.Error("the footer does not say turn in a transcript")
	}
}

func TestCopyFromQuotesPane(t *testing.T) {
	var clip strings.Builder
	m := newModelFor(t, 150, 40, seedSnapshot(t), func(o *Options) { o.Clipboard = &clip })
	tb := m.tab()
	press(t, m, "shift+tab", "j", "j", "y")
	payload := strings.TrimPrefix(clip.String(), "\x1b]52;c;")
	payload = payload[:strings.IndexAny(payload, "\x07\x1b")]
	text, _ := base64.StdEncoding.DecodeString(payload)
	want := tb.d.B.Quotes[tb.qp.Items()[2]].Text
	if !strings.Contains(string(text), want[:40]) {
		t.Fatalf("y in Quotes copied %q, want the third quote %q", text, want[:40])
	}
}

// TestNarrowJumpShowsReader: under narrowWidth one pane fills the
// screen; a jump from a list brings the reader back to show it.
func TestNarrowJumpShowsReader(t *testing.T) {
	m := newModelFor(t, 50, 20, seedSnapshot(t))
	press(t, m, "tab")
	if m.lay.reader.visible() || !m.lay.speakers.visible() {
		t.Fatal("at 50 columns tab should show Speakers alone")
	}
	press(t, m, "1")
	if !m.lay.reader.visible() || m.focus != paneReader {
		t.Fatal("1 from the Speakers pane did not bring the reader back")
	}
	if !strings.Contains(plainView(m), "At a particular media") {
		t.Errorf("the reader does not show Misri's first quote:\n%s", plainView(m))
	}
}

// TestQuoteFilterAsync: on a long list the Quotes filter runs in a
// command; a result for a query since changed is kept but not shown.
func TestQuoteFilterAsync(t *testing.T) {
	m := newModelFor(t, 160, 40, []*briefing.Briefing{bigForTest(t)})
	tb := m.tab()
	all := len(tb.qp.Items())
	press(t, m, "shift+tab", "/")
	_, cmd := m.Update(keyMsg("x"))
	if cmd == nil {
		t.Fatal("a filter over a long list did not go to a command")
	}
	if len(tb.qp.Items()) != all || !strings.Contains(plainView(m), "Quotes … ~x") {
		t.Fatal("the list should stay as it was, marked pending, until the result arrives")
	}
	stale := cmd()
	_, cmd2 := m.Update(keyMsg("y"))
	send(t, m, stale) // the result for "x" arrives after "xy" was typed
	if tb.qp.Query() != "xy" || len(tb.qp.Items()) != all {
		t.Fatal("a result for an older query was shown")
	}
	drain(t, m, cmd2)
	if tb.qp.Pending() != "" || len(tb.qp.Items()) == all {
		t.Fatalf("the result for xy was not applied: pending %q, %d items", tb.qp.Pending(), len(tb.qp.Items()))
	}
	for _, qi := range tb.qp.Items() {
		q := tb.d.B.Quotes[qi]
		name := tb.d.Speakers[tb.d.QuoteSpeaker[qi]].Name
		if !query.Parse("xy").Match(name + ": " + q.Text) {
			t.Fatalf("quote %d does not match xy", qi)
		}
	}
}

// bigForTest is the benchmark's megabyte transcript, built from the
// samples when the corpus is not there.
func bigForTest(t *testing.T) *briefing.Briefing {
	t.Helper()
	if testing.Short() || raceEnabled {
		t.Skip("large fixture")
	}
	return parsedBig()
}

// TestTopicFilterLeavitt is the measured failure: with defence picked, the
// Leavitt briefing showed "Yeah." (a defence section's paragraph with no
// defence quote) and dropped defence quotes outside defence sections.
func TestTopicFilterLeavitt(t *testing.T) {
	m := newTestModel(t, 120, 40, []string{leavittPath})
	tb := m.tab()
	tb.setTopics([]string{"defence"})
	checkTopicFilter(t, tb, "defence")
}

// TestFiltersAlwaysVisible: with a speaker and a topic filter on and
// Quotes focused, the status line starts with the filters and "esc
// clears" at every width from 40 columns, under a note too.
func TestFiltersAlwaysVisible(t *testing.T) {
	m := seedModel(t)
	tb := m.tab()
	tb.toggleSpeaker(indexOf(tb.speakers.Items(), 0, 0), true)
	tb.setTopics([]string{"defence"})
	m.focus = paneQuotes
	for _, note := range []string{"", "a note long enough to fill a whole status line on its own, and then some more"} {
		for w := minWidth; w <= 200; w += 7 {
			send(t, m, tea.WindowSizeMsg{Width: w, Height: 24})
			m.setNote(note)
			lines := strings.Split(plainView(m), "\n")
			status := lines[len(lines)-m.lay.footer]
			if !strings.HasPrefix(status, "⧩ ") || !strings.Contains(status, "esc clears") {
				t.Fatalf("%d columns, note %q: the status line hides the filters: %q", w, note, status)
			}
		}
	}
}

// TestBriefingListRanks: "leav" and enter opens the Leavitt briefing, not
// the one already open that matches by scattered letters.
func TestBriefingListRanks(t *testing.T) {
	m := newTestModel(t, 120, 40, []string{"../../briefings"})
	if len(m.tabs) < 3 || strings.Contains(m.tab().d.Title, "Leavitt") {
		t.Fatalf("want several briefings with another than Leavitt's open first, got %d", len(m.tabs))
	}
	press(t, m, "B", "type:leav", "enter")
	if got := m.tab().d.Title; !strings.Contains(got, "Leavitt") {
		t.Fatalf("leav + enter opened %q", got)
	}
}

// TestQuotesFollowsReader: the Quotes cursor follows the Reader's quote,
// and moving in Quotes previews the quote in the Reader, focus staying.
func TestQuotesFollowsReader(t *testing.T) {
	m := newTestModel(t, 200, 60, []string{leavittPath})
	tb := m.tab()
	press(t, m, "]", "]", "]")
	if tb.qp.Cursor() != tb.rd.Current() {
		t.Fatalf("Quotes cursor on %d, the Reader on %d", tb.qp.Cursor(), tb.rd.Current())
	}
	press(t, m, "shift+tab", "j", "j")
	if m.focus != paneQuotes {
		t.Fatalf("focus %v, want Quotes", m.focus)
	}
	if _, shown := tb.rd.QuoteRow(tb.rd.Current()); tb.rd.Current() != tb.qp.Cursor() || !shown {
		t.Fatalf("moving in Quotes to %d did not preview it (Reader on %d)", tb.qp.Cursor(), tb.rd.Current())
	}
}

// TestJumpList: ctrl+o goes back through the places jumps left, ctrl+]
// forward again, as vim's ctrl-o and ctrl-i.
func TestJumpList(t *testing.T) {
	m := seedModel(t)
	rd := m.tab().rd
	start := rd.Place()
	press(t, m, "]")
	a := rd.Place()
	press(t, m, "}")
	b := rd.Place()
	if a == start || b == a {
		t.Fatal("the jumps did not move")
	}
	press(t, m, "ctrl+o")
	if rd.Place() != a {
		t.Fatalf("ctrl+o: %+v, want %+v", rd.Place(), a)
	}
	press(t, m, "ctrl+o")
	if rd.Place() != start {
		t.Fatalf("ctrl+o twice: %+v, want the start %+v", rd.Place(), start)
	}
	press(t, m, "ctrl+o")
	if !strings.Contains(m.status, "no earlier jump") {
		t.Fatalf("ctrl+o at the start: %q", m.status)
	}
	press(t, m, "ctrl+]", "ctrl+]")
	if rd.Place() != b {
		t.Fatalf("ctrl+] twice: %+v, want %+v", rd.Place(), b)
	}
	press(t, m, "ctrl+]")
	if !strings.Contains(m.status, "no later jump") {
		t.Fatalf("ctrl+] at the newest: %q", m.status)
	}
}

// TestSearchLikeLess: / and enter repeat the last search, ↑/↓ walk the
// history, and a match hidden by the filters is reported as such.
func TestSearchLikeLess(t *testing.T) {
	m := seedModel(t)
	tb := m.tab()
	press(t, m, "/", "type:Japan", "enter")
	first, _, _ := tb.rd.SearchMatch()
	press(t, m, "/", "enter")
	if cur, _, _ := tb.rd.SearchMatch(); tb.rd.SearchQuery() != "Japan" || cur == first {
		t.Fatalf("/ enter: query %q, match %d (was %d); want the next Japan", tb.rd.SearchQuery(), cur, first)
	}
	press(t, m, "/", "type:ISRO", "enter", "/", "up")
	if m.in == nil || m.in.ti.Value() != "ISRO" {
		t.Fatal("↑ did not recall the last search")
	}
	press(t, m, "up")
	if m.in.ti.Value() != "Japan" {
		t.Fatalf("↑↑: %q, want Japan", m.in.ti.Value())
	}
	press(t, m, "down", "down")
	if m.in.ti.Value() != "" {
		t.Fatalf("↓↓: %q, want the empty line", m.in.ti.Value())
	}
	press(t, m, "esc")
	// ISRO is only in the space section: filter Tanmaya Lal, who never
	// mentions it, and the search says the matches are outside the view.
	lal := indexOf(tb.speakers.Items(), 1, 0)
	tb.toggleSpeaker(tb.speakers.Items()[lal], true)
	press(t, m, "/", "type:ISRO", "enter")
	if !strings.Contains(m.status, "outside it") {
		t.Fatalf("hidden matches: status %q", m.status)
	}
}

// TestSearchBackward: ctrl+r searches backward as ? does in less (the
// prompt shows ?): from above the top line, wrapping to the last match; n
// then goes on backward and N forward; ctrl+r and enter repeat the last
// search backward, and / turns n forward again.
func TestSearchBackward(t *testing.T) {
	m := seedModel(t)
	tb := m.tab()
	// From the top nothing is above: ctrl+r wraps to the last match.
	press(t, m, "ctrl+r", "type:Japan")
	if m.in == nil || !strings.Contains(plainView(m), "?Japan") {
		t.Fatalf("? did not open a backward search:\n%s", plainView(m))
	}
	press(t, m, "enter")
	cur, all, _ := tb.rd.SearchMatch()
	if all < 3 || cur != all-1 {
		t.Fatalf("?Japan from the top: match %d of %d, want the last", cur, all)
	}
	if !strings.Contains(plainView(m), "?Japan ") {
		t.Errorf("the status line does not show the backward search:\n%s", plainView(m))
	}
	press(t, m, "n")
	if c, _, _ := tb.rd.SearchMatch(); c != all-2 {
		t.Fatalf("n after ?: match %d, want %d (backward)", c, all-2)
	}
	press(t, m, "N")
	if c, _, _ := tb.rd.SearchMatch(); c != all-1 {
		t.Fatalf("N after ?: match %d, want %d (forward)", c, all-1)
	}
	press(t, m, "ctrl+r", "enter")
	if c, _, _ := tb.rd.SearchMatch(); c != all-2 {
		t.Fatalf("? enter: match %d, want %d (the last search, backward)", c, all-2)
	}
	// From the end, the match found is above the top line.
	press(t, m, "esc", "G")
	top := tb.rd.Abs()
	press(t, m, "ctrl+r", "type:Japan", "enter")
	c, _, _ := tb.rd.SearchMatch()
	if c < 0 || tb.rd.Abs() >= top {
		t.Fatalf("?Japan from the end: match %d, top %d (was %d): want a match above", c, tb.rd.Abs(), top)
	}
	press(t, m, "/", "enter", "n")
	if c2, _, _ := tb.rd.SearchMatch(); c2 != (c+2)%all {
		t.Fatalf("/ enter n after ?: match %d, want %d (forward)", c2, (c+2)%all)
	}
}

// TestNoSpeakerNote: "no speaker here" points to ] and 1–9 only where
// there are quotes to go to.
func TestNoSpeakerNote(t *testing.T) {
	b := seedSnapshot(t)[0]
	b.Quotes = nil
	for i := range b.Paragraphs {
		b.Paragraphs[i].Speaker = ""
	}
	m := newModelFor(t, 120, 40, []*briefing.Briefing{b})
	press(t, m, "n")
	if !strings.Contains(m.status, "no quotes") || strings.Contains(m.status, "press ]") {
		t.Fatalf("n without quotes: %q", m.status)
	}
}

// TestSectionTitleNotTwice: with a section's heading on screen the
// Reader's border gives only its number; scrolled past it, the title too.
func TestSectionTitleNotTwice(t *testing.T) {
	m := seedModel(t)
	tb := m.tab()
	title := tb.d.SectionTitle(0)
	border := func() string { return strings.Split(plainView(m), "\n")[1] }
	if b := border(); !strings.Contains(b, "§1/") || strings.Contains(b, title[:20]) {
		t.Fatalf("heading on screen, border %q", b)
	}
	// One line down, the heading's title line has gone: the border
	// names the section again.
	press(t, m, "j")
	if b := border(); !strings.Contains(b, "§1/") || !strings.Contains(b, title[:20]) {
		t.Fatalf("heading scrolled away, border %q", b)
	}
}

// TestBriefingListSameTitles: briefings with one title are told apart by
// their file names.
func TestBriefingListSameTitles(t *testing.T) {
	a, b := seedSnapshot(t)[0], seedSnapshot(t)[0]
	a.Path, b.Path = "x/monday.txt", "x/tuesday.txt"
	m := newModelFor(t, 120, 40, []*briefing.Briefing{a, b})
	press(t, m, "B")
	v := plainView(m)
	if !strings.Contains(v, "(monday.txt)") || !strings.Contains(v, "(tuesday.txt)") {
		t.Fatalf("equal titles without file names:\n%s", v)
	}
}

// TestHelpAndQuitAlwaysShown: the hint line ends in "? help · q quit" at
// every size brief draws at, the smallest too.
func TestHelpAndQuitAlwaysShown(t *testing.T) {
	m := seedModel(t)
	for _, size := range [][2]int{{minWidth, minHeight}, {60, 12}, {80, 24}, {120, 40}, {200, 60}} {
		send(t, m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		lines := strings.Split(plainView(m), "\n")
		if last := lines[len(lines)-1]; !strings.HasSuffix(strings.TrimRight(last, " "), "? help · q quit") {
			t.Errorf("%dx%d: hint line %q", size[0], size[1], last)
		}
	}
}

// TestClearKeepsSpeaker: clearing a speaker filter keeps the quote (and
// speaker) marked current, not whoever comes first on screen after.
func TestClearKeepsSpeaker(t *testing.T) {
	m := seedModel(t)
	tb := m.tab()
	press(t, m, "tab", "j", "enter", "shift+tab")
	s, fq := tb.rd.CurrentSpeaker(), tb.rd.FocusQuote()
	if s < 0 || fq < 0 {
		t.Fatal("no current speaker under the speaker filter")
	}
	press(t, m, "esc")
	if tb.rd.CurrentSpeaker() != s || tb.rd.FocusQuote() != fq {
		t.Fatalf("after esc: speaker %d quote %d, want %d and %d", tb.rd.CurrentSpeaker(), tb.rd.FocusQuote(), s, fq)
	}
}

// TestNoteBesideFilters: at 40 columns with a speaker and a topic filter
// and Quotes over the Reader, a note shares the status line with the
// filters (which keep "esc clears"), and a jump key that goes nowhere
// leaves focus in Quotes.
func TestNoteBesideFilters(t *testing.T) {
	m := seedModel(t)
	send(t, m, tea.WindowSizeMsg{Width: 40, Height: 20})
	press(t, m, "tab", "enter", "tab", "enter", "tab")
	if m.focus != paneQuotes {
		t.Fatalf("focus %v, want Quotes", m.focus)
	}
	press(t, m, "9")
	lines := strings.Split(plainView(m), "\n")
	status := lines[len(lines)-2]
	for _, want := range []string{"⧩ ", "esc clears", "no speaker 9"} {
		if !strings.Contains(status, want) {
			t.Errorf("status line %q lacks %q", status, want)
		}
	}
	if m.focus != paneQuotes {
		t.Errorf("9 (no such speaker) moved focus to %v", m.focus)
	}
}
