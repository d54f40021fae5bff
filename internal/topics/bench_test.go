package topics

import (
	"os"
	"path/filepath"
	"testing"
)

func benchClassify(b *testing.B, name string) {
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		b.Fatal(err)
	}
	c := NewClassifier(nil)
	br := fixture(name, string(data))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		c.Apply(br)
	}
}

// BenchmarkClassify measures Apply alone, on a parsed briefing: the cost
// classification adds to parsing.
func BenchmarkClassify(b *testing.B) {
	b.Run("seed", func(b *testing.B) { benchClassify(b, "00-seed-india-japan.txt") })
	b.Run("transcript", func(b *testing.B) { benchClassify(b, "05-wh-leavitt-briefing-2025-01-29.txt") })
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
