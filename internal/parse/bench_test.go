package parse

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/goccy/go-yaml"
)

func benchmarkFile(b *testing.B, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Parse(path, data, DefaultOptions()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParse measures parsing speed on the seed wire story, a long
// plain-text transcript and a long Markdown transcript.
func BenchmarkParse(b *testing.B) {
	b.Run("seed-article", func(b *testing.B) { benchmarkFile(b, "../../briefings/india-japan-defence-misri-ani.txt") })
	b.Run("transcript-txt", func(b *testing.B) { benchmarkFile(b, "testdata/dev/05-wh-leavitt-briefing-2025-01-29.txt") })
	b.Run("transcript-md", func(b *testing.B) { benchmarkFile(b, "../../briefings/wh-press-briefing-leavitt-2025-01-29.md") })
}

// BenchmarkParseCorpus parses every 20th page of the White House corpus
// (../shared/corpus/whitehouse, or BRIEF_CORPUS): about 720 real pages of
// every kind, the measure for "no slower than before" across parser
// changes; BRIEF_CORPUS_STEP=1 parses every page. It parses them one after another with one Parser, as a worker
// of internal/load does. It skips when the corpus is absent.
func BenchmarkParseCorpus(b *testing.B) {
	paths := corpusPaths(b)
	type file struct {
		path string
		data []byte
	}
	step := 20
	if n, err := strconv.Atoi(os.Getenv("BRIEF_CORPUS_STEP")); err == nil && n > 0 {
		step = n
	}
	var sample []file
	size := 0
	for i := 0; i < len(paths); i += step {
		data, err := os.ReadFile(paths[i])
		if err != nil {
			b.Fatal(err)
		}
		sample = append(sample, file{paths[i], data})
		size += len(data)
	}
	ps := NewParser()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, f := range sample {
			if _, err := ps.Parse(f.path, f.data, DefaultOptions()); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkParser compares a fresh parse per file (Parse) with a Parser
// reused from file to file, as load's workers use one, on the Markdown
// transcript (where the reused Markdown parser counts) and the seed article
// (where the reused token and outline buffers do).
func BenchmarkParser(b *testing.B) {
	for _, name := range []string{"../../briefings/wh-press-briefing-leavitt-2025-01-29.md", "../../briefings/india-japan-defence-misri-ani.txt"} {
		data, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		short := filepath.Ext(name)[1:]
		b.Run(short+"/fresh", func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(name, data, DefaultOptions()); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(short+"/reused", func(b *testing.B) {
			ps := NewParser()
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ps.Parse(name, data, DefaultOptions()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkTokenize measures tokenizing the seed article's text into a new
// slice and into a reused one (appendTokens, as the article parser does
// paragraph by paragraph).
func BenchmarkTokenize(b *testing.B) {
	data, err := os.ReadFile("../../briefings/india-japan-defence-misri-ani.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	b.Run("new", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		for b.Loop() {
			_ = tokenize(text)
		}
	})
	b.Run("reused", func(b *testing.B) {
		var toks []token
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		for b.Loop() {
			toks = appendTokens(toks[:0], text)
		}
	})
}

// BenchmarkFrontMatter compares reading a White House page's front matter
// by the fast path (parseFrontMatter) and by the YAML library alone.
func BenchmarkFrontMatter(b *testing.B) {
	fm := "date: '2023-04-04'\npublished_time: 2023-04-04 17:01:56-04:00\nmodified_time: 2023-04-05 10:00:00-04:00\n" +
		"source_url: https://bidenwhitehouse.archives.gov/briefing-room/speeches-remarks/2023/04/04/remarks-by-president-biden/\n" +
		"tags: speeches-remarks\ntitle: \"Remarks by President\\_Biden in Meeting with the President\\u2019s Council of\\\n  \\ Advisors on Science and\\_Technology\"\n"
	b.Run("fast", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := parseFrontMatter(fm); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("library", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var raw map[string]any
			if err := yaml.Unmarshal([]byte(fm), &raw); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkScanMarks finds the quotation marks of a long transcript, whose
// text is mostly ASCII without marks.
func BenchmarkScanMarks(b *testing.B) {
	data, err := os.ReadFile("../../briefings/wh-press-briefing-leavitt-2025-01-29.md")
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		scanMarks(text)
	}
}
