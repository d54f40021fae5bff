package ui

import (
	"testing"
)

// TestLibraryReloadKeepsFilters: a briefing reloaded in place because its
// file changed keeps its speaker and topic filters, the Speakers and
// Quotes panes' queries and the search, and esc still clears them in
// the order they were set.
func TestLibraryReloadKeepsFilters(t *testing.T) {
	lib := newMemLibrary(t, briefingsDir)
	m := newLibModel(t, 120, 40, lib)
	press(t, m, "enter")
	tb := m.tab()
	if len(tb.d.Speakers) < 2 || len(tb.d.B.Topics) == 0 {
		t.Fatalf("fixture: %d speakers, %d topics; want ≥ 2 and ≥ 1", len(tb.d.Speakers), len(tb.d.B.Topics))
	}
	tb.setTopics([]string{tb.d.B.Topics[0].ID})
	tb.toggleSpeaker(1, true)
	tb.speakers.SetQuery(tb.d.Speakers[1].Name[:2])
	m.setListQuery(tb, filterSpeakersQuery, tb.speakers.Query())
	tb.qp.SetQuery("the")
	m.setListQuery(tb, filterQuotesQuery, "the")
	tb.rd.TypeSearch("the")
	tb.push(filterSearch)
	summary, stack := tb.filterSummary(), append([]filterKind(nil), tb.stack...)
	shown := len(tb.rd.Shown())

	b := *lib.bs[tb.libID]
	b.Title = "Retitled on disk"
	lib.mu.Lock()
	lib.bs[tb.libID] = &b
	lib.mu.Unlock()
	send(t, m, watchBatchMsg{paths: []string{tb.path}})
	nt := m.tab()
	if nt == tb || nt.d.Title != "Retitled on disk" {
		t.Fatalf("the open briefing did not reload (title %q)", nt.d.Title)
	}
	if got := nt.filterSummary(); got != summary {
		t.Errorf("filters after the reload %q, want %q", got, summary)
	}
	if nt.rd.SearchQuery() != "the" {
		t.Errorf("search after the reload %q, want %q", nt.rd.SearchQuery(), "the")
	}
	if got := len(nt.rd.Shown()); got != shown {
		t.Errorf("the reader shows %d blocks after the reload, %d before", got, shown)
	}
	if len(nt.stack) != len(stack) {
		t.Fatalf("filter stack %v after the reload, want %v", nt.stack, stack)
	}
	for i := range stack {
		if nt.stack[i] != stack[i] {
			t.Fatalf("filter stack %v after the reload, want %v", nt.stack, stack)
		}
	}
	for range stack {
		press(t, m, "esc")
	}
	if got := m.tab().filterSummary(); got != "" || m.tab().rd.SearchQuery() != "" {
		t.Errorf("after %d esc: filters %q, search %q; want none", len(stack), got, m.tab().rd.SearchQuery())
	}
}
