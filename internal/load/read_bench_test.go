package load

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkWeighAndRead reads 100 files of 10 KB, about a corpus page each,
// as a Stream worker does: fileSize weighs each against the budget, then
// the file is read. "stat-once" hands what fileSize found to readFile;
// "stat-twice" makes readFile ask again, as ReadFile does.
func BenchmarkWeighAndRead(b *testing.B) {
	dir := b.TempDir()
	var files []string
	for i := range 100 {
		p := filepath.Join(dir, fmt.Sprintf("page-%03d.md", i))
		if err := os.WriteFile(p, []byte(strings.Repeat("Word word. ", 1000)), 0o644); err != nil {
			b.Fatal(err)
		}
		files = append(files, p)
	}
	for _, bc := range []struct {
		name string
		keep bool
	}{{"stat-once", true}, {"stat-twice", false}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, p := range files {
					_, info := fileSize(p, nil)
					if !bc.keep {
						info = nil
					}
					if _, err := readFile(p, info, DefaultMaxSize); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
