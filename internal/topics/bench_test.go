package topics

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/brief-reader/brief/internal/parse"
)

var benchFiles = []struct{ name, file string }{
	{"seed", "00-seed-india-japan.txt"},
	{"transcript", "05-wh-leavitt-briefing-2025-01-29.txt"},
}

// BenchmarkClassify measures Apply alone, on a parsed briefing.
func BenchmarkClassify(b *testing.B) {
	for _, f := range benchFiles {
		b.Run(f.name, func(b *testing.B) {
			path := filepath.Join("testdata", f.file)
			data, err := os.ReadFile(path)
			if err != nil {
				b.Fatal(err)
			}
			br := parseForTest(b, path, data)
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

// BenchmarkParseThenClassify times parsing and classification of the same
// file in turn, in one loop, so that a busy machine slows both alike, and
// reports classification time as a percentage of parse time: the cost
// classification adds to loading a briefing.
func BenchmarkParseThenClassify(b *testing.B) {
	for _, f := range benchFiles {
		b.Run(f.name, func(b *testing.B) {
			path := filepath.Join("testdata", f.file)
			data, err := os.ReadFile(path)
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
				br, err := parse.Parse(path, data, parse.DefaultOptions())
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
