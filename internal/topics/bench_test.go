package topics

import (
	"os"
	"testing"
	"time"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/parse"
)

// benchFiles are the briefings benchmarks run on: the seed article, a long
// plain-text transcript and the same briefing in Markdown, then the other
// briefings of the dev set: a plain-text press conference, a plain-text
// gaggle and an article. Paths are relative to the package directory.
var benchFiles = []struct{ name, path string }{
	{"seed", "../../briefings/india-japan-defence-misri-ani.txt"},
	{"transcript", "testdata/05-wh-leavitt-briefing-2025-01-29.txt"},
	{"markdown", "../../briefings/wh-press-briefing-leavitt-2025-01-29.md"},
	{"presser", "../parse/testdata/dev/01-wh-trump-modi-presser-2025.txt"},
	{"gaggle", "testdata/04-wh-kirby-gaggle-2024-08-23.txt"},
	{"article", "../parse/testdata/dev/09-wh-article-vance-ohio-2025.txt"},
}

// BenchmarkClassify measures Apply alone, on a parsed briefing.
func BenchmarkClassify(b *testing.B) {
	for _, f := range benchFiles {
		b.Run(f.name, func(b *testing.B) {
			data, err := os.ReadFile(f.path)
			if err != nil {
				b.Fatal(err)
			}
			br := parseForTest(b, f.path, data)
			c := NewClassifier(nil)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				c.Apply(br)
			}
		})
	}
}

// BenchmarkParse measures parsing alone, the cost classification is held
// against; with BenchmarkClassify it lets an instruction counter such as
// callgrind compare the two in separate runs.
func BenchmarkParse(b *testing.B) {
	for _, f := range benchFiles {
		b.Run(f.name, func(b *testing.B) {
			data, err := os.ReadFile(f.path)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := parse.Parse(f.path, data, parse.DefaultOptions()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkParseThenClassify times parsing and classification of the same
// file in turn, in one loop, so that a busy machine slows both alike, and
// reports classification time as a percentage of parse time: the cost
// classification adds to loading a briefing.
func BenchmarkParseThenClassify(b *testing.B) {
	for _, f := range benchFiles {
		b.Run(f.name, func(b *testing.B) {
			data, err := os.ReadFile(f.path)
			if err != nil {
				b.Fatal(err)
			}
			c := NewClassifier(nil)
			t := parseThenTimer{step: c.Apply, what: "classify"}
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				t.run(b, f.path, data)
			}
			t.report(b)
		})
	}
}

// BenchmarkParseThenClassifyCorpus parses and classifies every page of the
// White House corpus (see corpusDir) in turn, as the loader does, and
// reports classification time as a percentage of parse time over the whole
// corpus. It skips when the corpus is not there. One iteration reads about
// 140 MB: run it with -benchtime 1x.
func BenchmarkParseThenClassifyCorpus(b *testing.B) {
	files := corpusPages("")
	if len(files) == 0 {
		b.Skipf("no corpus at %s (set BRIEF_CORPUS)", corpusDir())
	}
	data := make([][]byte, len(files))
	size := 0
	for i, f := range files {
		var err error
		if data[i], err = os.ReadFile(f); err != nil {
			b.Fatal(err)
		}
		size += len(data[i])
	}
	c := NewClassifier(nil)
	t := parseThenTimer{step: c.Apply, what: "classify"}
	b.SetBytes(int64(size))
	for b.Loop() {
		for i, f := range files {
			t.run(b, f, data[i])
		}
	}
	t.report(b)
}

// parseThenTimer parses briefings and runs a step on each (classifying
// them, say), timing the two apart, and reports the step's time as a
// percentage of parse time ("classify%parse") and the throughput of each.
type parseThenTimer struct {
	step              func(*briefing.Briefing)
	what              string
	parsing, stepping time.Duration
	bytes             int
}

func (t *parseThenTimer) run(b *testing.B, path string, data []byte) {
	t0 := time.Now()
	br, err := parse.Parse(path, data, parse.DefaultOptions())
	if err != nil {
		b.Fatalf("%s: %v", path, err)
	}
	t1 := time.Now()
	t.step(br)
	t.stepping += time.Since(t1)
	t.parsing += t1.Sub(t0)
	t.bytes += len(data)
}

func (t *parseThenTimer) report(b *testing.B) {
	b.ReportMetric(100*t.stepping.Seconds()/t.parsing.Seconds(), t.what+"%parse")
	b.ReportMetric(float64(t.bytes)/t.stepping.Seconds()/1e6, t.what+"-MB/s")
	b.ReportMetric(float64(t.bytes)/t.parsing.Seconds()/1e6, "parse-MB/s")
}

// BenchmarkNewClassifier measures compiling the default taxonomy, paid once
// per program.
func BenchmarkNewClassifier(b *testing.B) {
	tax := Default()
	b.ReportAllocs()
	for b.Loop() {
		NewClassifier(tax)
	}
}

// BenchmarkParseDefault measures parsing the embedded taxonomy.
func BenchmarkParseDefault(b *testing.B) {
	b.SetBytes(int64(len(defaultYAML)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("default.yaml", defaultYAML); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseThenLookup is BenchmarkParseThenClassify with only the
// first step of classification: tokenizing each body paragraph and looking
// every word up in the word cache, as scoreText does, with no scoring,
// names, smoothing or sections. It shows the least that classifying word
// by word costs against parsing.
func BenchmarkParseThenLookup(b *testing.B) {
	for _, f := range benchFiles {
		b.Run(f.name, func(b *testing.B) {
			data, err := os.ReadFile(f.path)
			if err != nil {
				b.Fatal(err)
			}
			c := NewClassifier(nil)
			c.Apply(parseForTest(b, f.path, data))
			words := 0
			t := parseThenTimer{step: func(br *briefing.Briefing) { words += lookupWords(c, br) }, what: "lookup"}
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				t.run(b, f.path, data)
			}
			if words == 0 {
				b.Fatal("no words looked up")
			}
			t.report(b)
		})
	}
}

// lookupWords tokenizes the body paragraphs of br and looks every word up,
// returning how many words have a stem in the taxonomy.
func lookupWords(c *Classifier, br *briefing.Briefing) int {
	st := newState(c, br)
	defer st.release()
	known := 0
	for i := range br.Paragraphs {
		p := &br.Paragraphs[i]
		if p.Role != briefing.Body {
			continue
		}
		st.tz.reset(bodyText(p))
		slots := st.cache.slots
		for k := range st.tz.toks {
			tok := &st.tz.toks[k]
			raw := st.tz.text[tok.start:tok.end]
			info, ok := probe(slots, tok.hash, len(raw), keyHead(raw))
			if !ok {
				info = st.wordInfo(tok)
				slots = st.cache.slots
			}
			if info.stem >= 0 {
				known++
			}
		}
	}
	return known
}
