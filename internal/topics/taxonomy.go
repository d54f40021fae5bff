// Package topics classifies the paragraphs and quotes of a briefing by
// topic (defence, space, trade...) and splits the briefing into contiguous
// topic sections.
//
// A Taxonomy lists the topics and the terms that indicate them. The default
// taxonomy is embedded in the binary (default.yaml); users add or override
// topics with a YAML file of the same shape, loaded with LoadFile and laid
// over the default with Merge. A Classifier compiled from a taxonomy fills
// the topic fields of a briefing.Briefing in place.
//
// The package does no terminal I/O and imports no UI library.
package topics

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/brief-reader/brief/internal/load"
)

//go:generate go run ./gendefault default.yaml default_gen.go

// Topic is one subject in a taxonomy.
type Topic struct {
	// ID is the short lower-case name used in flags and exports.
	ID string
	// Label is the name shown to people.
	Label string
	// Terms are the words and phrases that indicate the topic.
	Terms []Term
	// Negative terms count against the topic where they occur.
	Negative []Term
	// Extend, in a user file, adds the topic's terms to the topic of the
	// same ID instead of replacing it. Merge clears it.
	Extend bool
	// Remove, in a user file, takes the topic of the same ID out of the
	// taxonomy: `- {id: sport, remove: true}`.
	Remove bool
	// Line is where the topic starts in its file, for messages.
	Line int
}

// Term is one indicator of a topic.
//
// Text is a word or a phrase of several words. A word written entirely in
// capitals (NATO, RATS, G7) matches only in capitals; every other word
// matches in any case after light stemming, so "defence" also matches
// "Defense", "defences" and "defensive".
type Term struct {
	Text string
	// Weight is how strongly one occurrence indicates the topic.
	Weight float64
	// Context, when not empty, makes the term count only when one of these
	// words or phrases occurs within a few words of it.
	Context []string
	// Not makes the term not count when one of these words or phrases
	// occurs within a few words of it.
	Not []string
}

// Taxonomy is an ordered set of topics with unique IDs. A Taxonomy is
// immutable: methods that change it return a new one.
type Taxonomy struct {
	topics []Topic
	index  map[string]int
}

// defaultTaxonomy is default.yaml, parsed when brief is built rather than
// at every start (default_gen.go, made by go generate): parsing it took
// about 11 ms of every start-up.
var defaultTaxonomy = sync.OnceValue(func() *Taxonomy {
	return newTaxonomy(defaultTopics)
})

// Default returns the taxonomy built into the binary (default.yaml).
func Default() *Taxonomy { return defaultTaxonomy() }

// MaxFileSize bounds a taxonomy file: a hand-written one of hundreds of
// topics is a few dozen KiB.
const MaxFileSize = 1 << 20

// LoadFile reads and parses a taxonomy file. It reads it as briefings are
// read (load.ReadFile): only a regular file, never blocking on a named pipe
// or a device, and at most MaxFileSize bytes. A missing file is an error
// that matches fs.ErrNotExist.
func LoadFile(path string) (*Taxonomy, error) {
	data, err := load.ReadFile(path, MaxFileSize)
	if errors.Is(err, load.ErrTooLarge) {
		return nil, fmt.Errorf("read topics %s: %w: a topics file may hold at most %d KiB", path, load.ErrTooLarge, MaxFileSize>>10)
	}
	if err != nil {
		return nil, fmt.Errorf("read topics %s: %w", path, err)
	}
	return Parse(path, data)
}

func newTaxonomy(topics []Topic) *Taxonomy {
	t := &Taxonomy{topics: topics, index: make(map[string]int, len(topics))}
	for i, tp := range topics {
		t.index[tp.ID] = i
	}
	return t
}

// Len returns the number of topics.
func (t *Taxonomy) Len() int { return len(t.topics) }

// IDs returns the topic IDs in taxonomy order.
func (t *Taxonomy) IDs() []string {
	ids := make([]string, len(t.topics))
	for i, tp := range t.topics {
		ids[i] = tp.ID
	}
	return ids
}

// Lookup returns a copy of the topic with the given ID.
func (t *Taxonomy) Lookup(id string) (Topic, bool) {
	i, ok := t.index[id]
	if !ok {
		return Topic{}, false
	}
	return cloneTopic(t.topics[i]), true
}

// Topics returns a copy of all topics in order.
func (t *Taxonomy) Topics() []Topic {
	out := make([]Topic, len(t.topics))
	for i, tp := range t.topics {
		out[i] = cloneTopic(tp)
	}
	return out
}

// Merge returns the taxonomy with the user's topics laid over it: a user
// topic with a known ID replaces that topic (or, with Extend, adds its terms
// and negative terms to it, and its label if it has one; with Remove, takes
// it out); a user topic with a new ID is added at the end. Neither input
// changes.
func (t *Taxonomy) Merge(user *Taxonomy) *Taxonomy {
	topics := t.Topics()
	if user == nil {
		return newTaxonomy(topics)
	}
	index := make(map[string]int, len(topics))
	for i, tp := range topics {
		index[tp.ID] = i
	}
	removed := make(map[string]bool)
	for _, u := range user.Topics() {
		i, known := index[u.ID]
		switch {
		case u.Remove:
			removed[u.ID] = true
		case !known:
			if u.Label == "" {
				u.Label = defaultLabel(u.ID)
			}
			u.Extend = false
			index[u.ID] = len(topics)
			topics = append(topics, u)
		case u.Extend:
			base := &topics[i]
			base.Terms = append(base.Terms, u.Terms...)
			base.Negative = append(base.Negative, u.Negative...)
			if u.Label != "" {
				base.Label = u.Label
			}
		default:
			u.Extend = false
			topics[i] = u
		}
	}
	if len(removed) > 0 {
		kept := topics[:0]
		for _, tp := range topics {
			if !removed[tp.ID] {
				kept = append(kept, tp)
			}
		}
		topics = kept
	}
	return newTaxonomy(topics)
}

func cloneTopic(tp Topic) Topic {
	tp.Terms = cloneTerms(tp.Terms)
	tp.Negative = cloneTerms(tp.Negative)
	return tp
}

func cloneTerms(ts []Term) []Term {
	if ts == nil {
		return nil
	}
	out := make([]Term, len(ts))
	for i, t := range ts {
		t.Context = slices.Clone(t.Context)
		t.Not = slices.Clone(t.Not)
		out[i] = t
	}
	return out
}

func defaultLabel(id string) string {
	s := strings.ReplaceAll(id, "_", " ")
	s = strings.ReplaceAll(s, "-", " ")
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
