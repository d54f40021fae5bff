package topics

import (
	"os"
	"testing"
	"time"

	"github.com/brief-reader/brief/internal/parse"
)

// benchFiles are the briefings benchmarks run on: the seed article, a long
// plain-text transcript and the same briefing in Markdown. Paths are
// relative to the package directory.
var benchFiles = []struct{ name, path string }{
	{"seed", "../../briefings/india-japan-defence-misri-ani.txt"},
	{"transcript", "testdata/05-wh-leavitt-briefing-2025-01-29.txt"},
	{"markdown", "../../briefings/wh-press-briefing-leavitt-2025-01-29.md"},
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
			var parsing, classifying time.Duration
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				t0 := time.Now()
				br, err := parse.Parse(f.path, data, parse.DefaultOptions())
				if err != nil {
					b.Fatal(err)
				}
				t1 := time.Now()
				c.Apply(br)
				classifying += time.Since(t1)
				parsing += t1.Sub(t0)
				n++
			}
			b.ReportMetric(100*classifying.Seconds()/parsing.Seconds(), "classify%parse")
			b.ReportMetric(float64(len(data)*n)/classifying.Seconds()/1e6, "classify-MB/s")
			b.ReportMetric(float64(len(data)*n)/parsing.Seconds()/1e6, "parse-MB/s")
		})
	}
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
