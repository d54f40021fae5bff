package parse

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
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

// BenchmarkParseCorpus parses every 20th page of the White House corpus
// (../shared/corpus/whitehouse, or BRIEF_CORPUS): about 720 real pages of
// every kind, the measure for "no slower than before" across parser
// changes. It skips when the corpus is absent.
func BenchmarkParseCorpus(b *testing.B) {
	dir := os.Getenv("BRIEF_CORPUS")
	if dir == "" {
		dir = "../../../shared/corpus/whitehouse"
	}
	var files [][2]string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		files = append(files, [2]string{path})
		return nil
	})
	if err != nil || len(files) == 0 {
		b.Skipf("no corpus at %s (%v)", dir, err)
	}
	var sample [][2]string
	size := 0
	for i := 0; i < len(files); i += 20 {
		data, err := os.ReadFile(files[i][0])
		if err != nil {
			b.Fatal(err)
		}
		sample = append(sample, [2]string{files[i][0], string(data)})
		size += len(data)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, f := range sample {
			if _, err := Parse(f[0], []byte(f[1]), DefaultOptions()); err != nil {
				b.Fatal(err)
			}
		}
	}
}
