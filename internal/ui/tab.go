package ui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/brief-reader/brief/internal/ui/doc"
	"github.com/brief-reader/brief/internal/ui/pane"
	"github.com/brief-reader/brief/internal/ui/query"
	"github.com/brief-reader/brief/internal/ui/speakerpane"
	"github.com/brief-reader/brief/internal/ui/theme"
	"github.com/brief-reader/brief/internal/ui/topicpane"
)

// filterKind names a filter, for esc to clear the innermost: the one set
// last.
type filterKind int

const (
	filterSearch filterKind = iota
	filterQuotesQuery
	filterSpeakersQuery
	filterTopics
	filterSpeakers
)

// listState is a list pane's cursor, scroll and query.
type listState struct {
	pane.List
	query string
}

// tab is one open briefing and everything the reader remembers about it,
// so that J/K come back to the same place.
type tab struct {
	id   int
	path string
	d    *doc.Doc
	rd   *reader

	qts      listState
	speakers *speakerpane.Model
	topics   *topicpane.Model
	// spkSel is the speaker filter (by doc speaker index), nil if none;
	// topicSel the topic filter.
	spkSel   []bool
	topicSel []string
	stack    []filterKind
	// quotes are the quotes the reader shows, before the Quotes pane's
	// own query.
	quotes []int
	// qcache keeps the Quotes pane's results per query for the current
	// base list, whose generation is qgen; qpending is a query being
	// filtered in a command.
	qcache   map[string][]int
	qgen     int
	qpending string
}

func newTab(id int, path string, d *doc.Doc, st *theme.Styles, store *renderStore) *tab {
	t := &tab{id: id, path: path, d: d, rd: newReader(d, id, st, store), speakers: speakerpane.New(st, d, id), topics: topicpane.New(st, d.B, id)}
	t.refilter()
	return t
}

// contracted lists the places whose panes follow the pane contract.
var contracted = [...]paneID{paneSpeakers, paneTopics}

// pane is the pane at id if it follows the pane contract, else nil.
func (t *tab) pane(id paneID) pane.Pane {
	switch id {
	case paneSpeakers:
		return t.speakers
	case paneTopics:
		return t.topics
	}
	return nil
}

// push records that a filter was set, moving it to the top of the stack.
func (t *tab) push(k filterKind) {
	t.drop(k)
	t.stack = append(t.stack, k)
}

func (t *tab) drop(k filterKind) {
	for i, x := range t.stack {
		if x == k {
			t.stack = append(t.stack[:i], t.stack[i+1:]...)
			return
		}
	}
}

// refilter applies the speaker and topic filters to the reader and the
// lists.
func (t *tab) refilter() {
	t.rd.setFilter(readerFilter{speakers: t.spkSel, topics: t.topicSel})
	t.quotes = t.rd.visibleQuotes(t.quotes)
	t.qcache = nil
	t.qgen++
	t.qpending = ""
	t.filterQuotes()
	t.speakers.SetSelected(t.spkSel)
	t.topics.SetSelected(t.topicSel)
}

// filterQuotes applies the Quotes pane's query, now. Results are kept per
// query while the base list stays the same, and a query that only adds to
// a kept one (without negations, which do not narrow) filters that one's
// result: typing narrows instead of starting over at each letter.
func (t *tab) filterQuotes() {
	if items, ok := t.cachedQuotes(); ok {
		t.qts.Items = append(t.qts.Items[:0], items...)
		return
	}
	qs, base := t.qts.query, t.quoteBase()
	t.keepQuotes(qs, filterQuoteList(t.d, base, qs))
	t.qts.Items = append(t.qts.Items[:0], t.qcache[qs]...)
}

// asyncFilterBytes is how much quote text a filter goes through in
// Update; more (a long transcript's first letters) goes to a command.
const asyncFilterBytes = 256 << 10

// quotesFilteredMsg brings a Quotes filter result computed in a command.
type quotesFilteredMsg struct {
	bid, gen int
	query    string
	items    []int
}

// filterQuotesLater is filterQuotes for typing: when the list is long
// it filters in a command and the pane keeps its items until the result
// arrives (tagged with the tab, the base list's generation and the query;
// a result for a query since changed is kept for narrowing, not shown).
func (t *tab) filterQuotesLater() tea.Cmd {
	if items, ok := t.cachedQuotes(); ok {
		t.qts.Items = append(t.qts.Items[:0], items...)
		t.qpending = ""
		return nil
	}
	qs, base := t.qts.query, t.quoteBase()
	n := 0
	for _, qi := range base {
		n += len(t.d.B.Quotes[qi].Text)
	}
	if n <= asyncFilterBytes {
		t.filterQuotes()
		t.qpending = ""
		return nil
	}
	t.qpending = qs
	d, id, gen := t.d, t.id, t.qgen
	base = append([]int(nil), base...)
	return func() tea.Msg {
		return quotesFilteredMsg{bid: id, gen: gen, query: qs, items: filterQuoteList(d, base, qs)}
	}
}

// quotesFiltered takes in a filter result from a command.
func (t *tab) quotesFiltered(msg quotesFilteredMsg) {
	if msg.gen != t.qgen {
		return
	}
	t.keepQuotes(msg.query, msg.items)
	if msg.query == t.qts.query {
		t.qts.Items = append(t.qts.Items[:0], msg.items...)
		t.qpending = ""
	}
}

func (t *tab) cachedQuotes() ([]int, bool) {
	items, ok := t.qcache[t.qts.query]
	return items, ok
}

// quoteBase is the smallest kept result the current query narrows.
func (t *tab) quoteBase() []int {
	qs := t.qts.query
	base := t.quotes
	if strings.Contains(qs, "!") {
		return base
	}
	best := -1
	for prev, items := range t.qcache {
		if len(prev) > best && strings.HasPrefix(qs, prev) && !strings.Contains(prev, "!") {
			best, base = len(prev), items
		}
	}
	return base
}

func (t *tab) keepQuotes(qs string, items []int) {
	if t.qcache == nil || len(t.qcache) > 64 {
		t.qcache = make(map[string][]int)
	}
	t.qcache[qs] = items
}

// filterQuoteList filters quotes (indices into d's quotes) by an fzf-style
// query over speaker and text. It reads only the immutable doc.
func filterQuoteList(d *doc.Doc, base []int, qs string) []int {
	q := query.Parse(qs)
	idx := q.Filter(len(base), func(i int) string {
		qi := base[i]
		name := ""
		if s := d.QuoteSpeaker[qi]; s >= 0 {
			name = d.Speakers[s].Name
		}
		return name + ": " + d.B.Quotes[qi].Text
	})
	items := make([]int, 0, len(idx))
	for _, i := range idx {
		items = append(items, base[i])
	}
	return items
}

// toggleSpeaker adds or removes a speaker from the speaker filter; only
// set replaces the filter with that one speaker (or clears it if it was
// the only one).
func (t *tab) toggleSpeaker(s int, only bool) {
	if s < 0 || s >= len(t.d.Speakers) {
		return
	}
	if only {
		if t.spkSel != nil && t.spkSel[s] && t.countSel() == 1 {
			t.spkSel = nil
		} else {
			t.spkSel = make([]bool, len(t.d.Speakers))
			t.spkSel[s] = true
		}
	} else {
		if t.spkSel == nil {
			t.spkSel = make([]bool, len(t.d.Speakers))
		}
		t.spkSel[s] = !t.spkSel[s]
		if t.countSel() == 0 {
			t.spkSel = nil
		}
	}
	if t.spkSel == nil {
		t.drop(filterSpeakers)
	} else {
		t.push(filterSpeakers)
	}
	t.refilter()
}

func (t *tab) countSel() int {
	n := 0
	for _, b := range t.spkSel {
		if b {
			n++
		}
	}
	return n
}

// setTopics replaces the topic filter.
func (t *tab) setTopics(ids []string) {
	t.topicSel = append([]string(nil), ids...)
	if len(ids) == 0 {
		t.topicSel = nil
		t.drop(filterTopics)
	} else {
		t.push(filterTopics)
	}
	t.refilter()
}

func (t *tab) toggleTopic(id string) {
	var out []string
	found := false
	for _, x := range t.topicSel {
		if x == id {
			found = true
			continue
		}
		out = append(out, x)
	}
	if !found {
		out = append(out, id)
	}
	t.setTopics(out)
}

func (t *tab) topicSelected(id string) bool {
	for _, x := range t.topicSel {
		if x == id {
			return true
		}
	}
	return false
}

// clearInnermost clears the filter set last and says which it was.
func (t *tab) clearInnermost() (string, bool) {
	if len(t.stack) == 0 {
		return "", false
	}
	k := t.stack[len(t.stack)-1]
	t.stack = t.stack[:len(t.stack)-1]
	switch k {
	case filterSearch:
		t.rd.setQuery("")
		return "search cleared", true
	case filterQuotesQuery:
		t.qts.query = ""
		t.filterQuotes()
		return "quote filter cleared", true
	case filterSpeakersQuery:
		t.speakers.SetQuery("")
		return "speaker list filter cleared", true
	case filterTopics:
		t.topicSel = nil
		t.refilter()
		return "topic filter cleared", true
	case filterSpeakers:
		t.spkSel = nil
		t.refilter()
		return "speaker filter cleared", true
	}
	return "", false
}

// filterSummary describes the active filters for the footer.
func (t *tab) filterSummary() string {
	var parts []string
	if t.spkSel != nil {
		var names []string
		for i, on := range t.spkSel {
			if on {
				names = append(names, t.d.Speakers[i].Name)
			}
		}
		parts = append(parts, strings.Join(names, ", "))
	}
	if len(t.topicSel) > 0 {
		var labels []string
		for _, id := range t.topicSel {
			labels = append(labels, t.d.TopicLabel(id))
		}
		parts = append(parts, "#"+strings.Join(labels, " #"))
	}
	if q := t.speakers.Query(); q != "" {
		parts = append(parts, "speakers~"+q)
	}
	if t.qts.query != "" {
		parts = append(parts, "quotes~"+t.qts.query)
	}
	return strings.Join(parts, " · ")
}

// syncQuoteCursor puts the Quotes pane's cursor on quote qi if it is
// listed.
func (t *tab) syncQuoteCursor(qi int) {
	for i, x := range t.qts.Items {
		if x == qi {
			t.qts.Cursor = i
			return
		}
	}
}
