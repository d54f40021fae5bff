package topics

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-reader/brief/internal/briefing"
)

// excerpt returns about the first n bytes of a fixture, cut at a paragraph
// break. Small seeds keep the fuzzer exploring instead of minimising.
func excerpt(f *testing.F, name string, n int) string {
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		f.Fatal(err)
	}
	s := string(data)
	if len(s) > n {
		if i := strings.LastIndex(s[:n], "\n\n"); i > 0 {
			s = s[:i]
		}
	}
	return s
}

func FuzzClassify(f *testing.F) {
	f.Add(excerpt(f, "00-seed-india-japan.txt", 1500))
	f.Add(excerpt(f, "04-wh-kirby-gaggle-2024-08-23.txt", 1500))
	f.Add("# Heading\n\nNATO and nuclear weapons.\n\n## Next\n\n(Laughter.)\n\nQ Tariffs?\n\nMR. X: Yes.")
	f.Add("Q\n\nQ\n\nMS. A: \n\n#\n\n##\n\n’s ’s ICBMs know-how -- \u2011")
	f.Add("\xff\xfe nuclear\x00 reactor \u00a0RATS")
	c := NewClassifier(nil)
	f.Fuzz(func(t *testing.T, text string) {
		b := fixture("fuzz.txt", text)
		// Make some paragraphs headings and notes whatever their text,
		// to reach role mixes the fixture reader does not produce.
		for i := range b.Paragraphs {
			switch len(b.Paragraphs[i].Text) % 7 {
			case 3:
				b.Paragraphs[i].Role = briefing.Heading
			case 5:
				b.Paragraphs[i].Role = briefing.Stage
			}
		}
		c.Apply(b)
		checkInvariants(t, c, b)
	})
}

func FuzzParseTaxonomy(f *testing.F) {
	// A slice of the default taxonomy (its first topics) rather than all
	// of it keeps each run fast enough to explore.
	data, err := os.ReadFile("default.yaml")
	if err != nil {
		f.Fatal(err)
	}
	if i := bytes.Index(data, []byte("\n  - id: security")); i > 0 {
		data = data[:i]
	}
	f.Add(data)
	f.Add([]byte("topics:\n  - id: a\n    terms: [x, {term: Y, weight: 2, context: [z], not: w}]\n    negative: [q]\n"))
	f.Add([]byte("topics:\n  - id: a\n    extend: true\n    negative: [x]\n"))
	f.Add([]byte("topics: &a [*a]\n"))
	f.Add([]byte("? [a]\n: b\n"))
	f.Add([]byte("topics:\n  - !!map {id: a, terms: [b]}\n"))
	base, err := Parse("base.yaml", []byte("topics:\n  - id: a\n    terms: [nuclear weapons]\n  - id: b\n    terms: [tariffs]\n"))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		tax, err := Parse("fuzz.yaml", data)
		if err != nil {
			return
		}
		c := NewClassifier(tax)
		b := fixture("t.txt", "Nuclear weapons, NATO and tariffs.\n\nQ RATS?\n\nMR. A: Lunar ISRO know-how.")
		c.Apply(b)
		checkInvariants(t, c, b)
		merged := base.Merge(tax)
		for _, id := range tax.IDs() {
			if _, ok := merged.Lookup(id); !ok {
				t.Fatalf("merged taxonomy lost %q", id)
			}
		}
	})
}
