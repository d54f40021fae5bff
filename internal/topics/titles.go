package topics

import (
	"cmp"
	"slices"
	"strings"

	"github.com/brief-reader/brief/internal/briefing"
)

// titles names each section: by its heading when it starts with one,
// otherwise by its main topic and the names most particular to it.
func (st *state) titles(secs []briefing.Section, topics [][]int32) {
	ps := st.b.Paragraphs
	// Count each name per section, and the sections it occurs in. Names
	// in questions and moderators' lines are mostly who is asking.
	weight := st.nameWeight
	df := zeroed(st.df, len(st.nameText))
	st.df = df
	// The candidates of all sections share one array; at[id] is 1 + the
	// index there of name id's candidate in the current section, or 0.
	all := st.cands[:0]
	at := zeroed(st.candAt, len(st.nameText))
	perSec := zeroed(st.perSec, len(secs))
	for si := range secs {
		start := len(all)
		k := 0
		for p := secs[si].FirstParagraph; p <= secs[si].LastParagraph; p++ {
			w := weight(p)
			if w == 0 {
				continue
			}
			for _, id := range st.names[p] {
				if j := at[id]; j > 0 {
					all[j-1].n += w
				} else {
					all = append(all, titleCand{id, w, k})
					at[id] = int32(len(all))
					df[id]++
				}
				k++
			}
		}
		for _, c := range all[start:] {
			at[c.id] = 0
		}
		perSec[si] = all[start:len(all):len(all)]
	}
	st.cands, st.candAt, st.perSec = all, at, perSec
	var speakers map[string]bool // made when first needed
	isSpeaker := func(name string) bool {
		if speakers == nil {
			speakers = st.speakerNames()
		}
		if lowerIn(name, speakers) {
			return true
		}
		return len(name) > 24 && speakers[strings.ToLower(name)]
	}
	idf := st.logRatios(float64(len(secs)+1), len(secs))
	maxDF := int32(max(1, len(secs)/3))
	var namesBuf [maxTitleNames]string
	for si := range secs {
		s := &secs[si]
		if p := &ps[s.FirstParagraph]; p.Role == briefing.Heading {
			s.Title = headingTitle(p.Text)
			if s.Title != "" {
				continue
			}
		}
		// Frequent here, rare elsewhere: tf-idf over sections.
		cands := perSec[si][:0]
		for _, c := range perSec[si] {
			if df[c.id] > maxDF {
				continue
			}
			c.n *= idf(df[c.id])
			cands = append(cands, c)
		}
		// The best candidates, in order, until enough are taken. Most
		// sections need only the first few; a section whose names are
		// all speakers' goes through all of them, once.
		sortCands(cands)
		names := namesBuf[:0]
		for _, c := range cands {
			if len(names) == maxTitleNames {
				break
			}
			name := st.nameText[c.id]
			if containsName(names, name) || isSpeaker(name) || st.isAddressed(c.id) {
				continue
			}
			names = append(names, name)
		}
		label := "General"
		if len(topics[si]) > 0 {
			label = st.c.labels[topics[si][0]]
		}
		s.Title = sectionTitle(label, names)
	}
}

// sectionTitle joins a section's label and names into its title, "Label ·
// Name, Name", in one allocation.
func sectionTitle(label string, names []string) string {
	if len(names) == 0 {
		return label
	}
	const sep, comma = " · ", ", "
	n := len(label) + len(sep) + len(comma)*(len(names)-1)
	for _, name := range names {
		n += len(name)
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteString(label)
	b.WriteString(sep)
	for i, name := range names {
		if i > 0 {
			b.WriteString(comma)
		}
		b.WriteString(name)
	}
	return b.String()
}

// sortCands sorts candidates by weight, greatest first, and among equal
// weights by first occurrence.
func sortCands(cands []titleCand) {
	slices.SortFunc(cands, func(a, b titleCand) int {
		if c := cmp.Compare(b.n, a.n); c != 0 {
			return c
		}
		return cmp.Compare(a.first, b.first)
	})
}

// titleCand is a name that may go in a section's title: its weight there
// and the position of its first occurrence among the section's names.
type titleCand struct {
	id    int32
	n     float64
	first int
}

// nameWeight returns how much the names of paragraph p count towards
// titles and sections (see weighNames).
func (st *state) nameWeight(p int) float64 { return st.weights[p] }

// weighNames sets how much the names of each paragraph count towards
// titles and sections: moderators' lines not at all, questions half, since
// the names in them are mostly who is asking.
func (st *state) weighNames() {
	ps := st.b.Paragraphs
	st.weights = zeroed(st.weights, len(ps))
	kind := make(map[string]briefing.SpeakerKind, len(st.b.Speakers))
	for _, s := range st.b.Speakers {
		kind[s.ID] = s.Kind
	}
	for p := range ps {
		w := 1.0
		if sp := ps[p].Speaker; sp != "" {
			switch kind[sp] {
			case briefing.Role:
				w = 0
			case briefing.Questioner:
				w = 0.5
			}
		}
		st.weights[p] = w
	}
}

// containsName reports whether name is, or is part of, a name already in
// names, or holds one of them.
func containsName(names []string, name string) bool {
	for _, n := range names {
		if strings.Contains(n, name) || strings.Contains(name, n) {
			return true
		}
	}
	return false
}

// speakerNames returns the words of the briefing's speaker names, labels
// and aliases: people who speak are not what a section is about.
func (st *state) speakerNames() map[string]bool {
	out := make(map[string]bool)
	add := func(n string) {
		n = strings.ToLower(n)
		out[n] = true
		for w := range strings.FieldsSeq(n) {
			out[strings.Trim(w, ".,:")] = true
		}
	}
	for _, s := range st.b.Speakers {
		add(s.Name)
		for _, a := range s.Aliases {
			add(a)
		}
	}
	return out
}

// headingTitle returns a heading's text without Markdown markers.
func headingTitle(text string) string {
	t := strings.TrimSpace(text)
	t = strings.TrimLeft(t, "#")
	t = strings.TrimRight(t, "#")
	t = strings.TrimSpace(strings.Trim(strings.TrimSpace(t), "*_"))
	if i := strings.IndexByte(t, '\n'); i >= 0 {
		t = strings.TrimSpace(t[:i])
	}
	return t
}
