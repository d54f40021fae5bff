package topics

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

// explain lists the terms found in text per topic, for tuning.
func (c *Classifier) explain(text string) string {
	m := c.m
	var tz tokenizer
	tz.reset(text)
	var tok token
	var toks []wordIDs
	var raws []string
	for tz.next(&tok) {
		info := m.lookup(&tz, &tok, text[tok.start:tok.end])
		toks = append(toks, wordIDs{stem: info.stem, exact: info.exact, hyphened: tok.hyphened})
		raws = append(raws, text[tok.start:tok.end])
	}
	hits := map[string][]string{}
	for i := 0; i < len(toks); i++ {
		for _, id := range []int32{toks[i].stem, toks[i].exact} {
			if id < 0 {
				continue
			}
			for _, pi := range m.first[id] {
				ph := &m.phrases[pi]
				if !m.matchAt(toks, i, ph) {
					continue
				}
				scores := make([]float32, len(c.ids))
				sc := m.newScanScratch()
				m.apply(ph, toks, i, scores, &sc)
				for t, v := range scores {
					if v != 0 {
						hits[c.ids[t]] = append(hits[c.ids[t]], fmt.Sprintf("%s(%.1f)", strings.Join(raws[i:i+len(ph.words)], " "), v))
					}
				}
			}
		}
	}
	var keys []string
	for k := range hits {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var sb strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&sb, "  %s: %s\n", k, strings.Join(hits[k], " "))
	}
	return sb.String()
}

// TestExplain prints the terms found in BRIEF_EXPLAIN; a tuning aid.
func TestExplain(t *testing.T) {
	text := os.Getenv("BRIEF_EXPLAIN")
	if text == "" {
		t.Skip("set BRIEF_EXPLAIN=text")
	}
	t.Log("\n" + NewClassifier(nil).explain(text))
}
