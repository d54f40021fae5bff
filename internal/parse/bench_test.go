package parse

import (
	"os"
	"testing"
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
