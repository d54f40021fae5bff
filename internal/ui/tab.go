package ui

import (
	"strings"

	"github.com/brief-reader/brief/internal/ui/doc"
	"github.com/brief-reader/brief/internal/ui/hitpane"
	"github.com/brief-reader/brief/internal/ui/pane"
	"github.com/brief-reader/brief/internal/ui/quotepane"
	"github.com/brief-reader/brief/internal/ui/readerpane"
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

// tab is one open briefing and everything the reader remembers about it,
// so that J/K come back to the same place.
type tab struct {
	id   int
	path string
	d    *doc.Doc
	rd   *readerpane.Model

	qp       *quotepane.Model
	speakers *speakerpane.Model
	topics   *topicpane.Model
	// spkSel is the speaker filter (by doc speaker index), nil if none;
	// topicSel the topic filter.
	spkSel   []bool
	topicSel []string
	stack    []filterKind

	// libID is the briefing's id in the library, 0 if it was not opened
	// from one; hits, if set, is a list across briefings shown in the
	// Quotes pane's place.
	libID int64
	hits  *hitpane.Model
}

func newTab(id int, path string, d *doc.Doc, st *theme.Styles, store *readerpane.Store) *tab {
	t := &tab{id: id, path: path, d: d, rd: readerpane.New(st, d, id, store), speakers: speakerpane.New(st, d, id), qp: quotepane.New(st, d, id), topics: topicpane.New(st, d.B, id)}
	t.refilter()
	return t
}

// pane is the pane at id: every place on screen holds a pane.Pane.
func (t *tab) pane(id paneID) pane.Pane {
	switch id {
	case paneSpeakers:
		return t.speakers
	case paneTopics:
		return t.topics
	case paneQuotes:
		if t.hits != nil {
			return t.hits
		}
		return t.qp
	}
	return t.rd
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
	t.rd.SetFilter(readerpane.Filter{Speakers: t.spkSel, Topics: t.topicSel})
	t.qp.SetBase(t.rd.Quotes(), t.spkSel != nil || len(t.topicSel) > 0)
	t.speakers.SetSelected(t.spkSel)
	t.topics.SetSelected(t.topicSel)
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
		t.rd.ClearSearch()
		return "search cleared", true
	case filterQuotesQuery:
		t.qp.SetQuery("")
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
	if q := t.qp.Query(); q != "" {
		parts = append(parts, "quotes~"+q)
	}
	return strings.Join(parts, " · ")
}

// keepFilters gives t, a new layout of old's briefing (reloaded because
// its file changed), old's filters: the speakers selected (by id, else
// name), the topics it still has, the Speakers and Quotes queries and
// the search, with the order esc clears them in. A filter on what the
// briefing no longer has is dropped.
func (t *tab) keepFilters(old *tab) {
	if old.spkSel != nil {
		sel := make([]bool, len(t.d.Speakers))
		found := false
		for i, on := range old.spkSel {
			if !on || i >= len(old.d.Speakers) {
				continue
			}
			was := old.d.Speakers[i]
			for j, s := range t.d.Speakers {
				if s.ID == was.ID || s.Name == was.Name {
					sel[j], found = true, true
					break
				}
			}
		}
		if found {
			t.spkSel = sel
		}
	}
	for _, id := range old.topicSel {
		for _, tp := range t.d.B.Topics {
			if tp.ID == id {
				t.topicSel = append(t.topicSel, id)
				break
			}
		}
	}
	t.refilter()
	t.speakers.SetQuery(old.speakers.Query())
	t.qp.SetQuery(old.qp.Query())
	t.rd.SetSearch(old.rd.SearchQuery())
	for _, k := range old.stack {
		switch {
		case k == filterSpeakers && t.spkSel == nil,
			k == filterTopics && len(t.topicSel) == 0,
			k == filterSearch && t.rd.SearchQuery() == "",
			k == filterSpeakersQuery && t.speakers.Query() == "",
			k == filterQuotesQuery && t.qp.Query() == "":
			continue
		}
		t.stack = append(t.stack, k)
	}
}
