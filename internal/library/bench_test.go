package library

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/brief-reader/brief/internal/load"
)

// corpusSample returns up to n files of ../shared/corpus/whitehouse, or
// skips when it is absent.
func corpusSample(b *testing.B, n int) []string {
	b.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "corpus", "whitehouse", "press-briefings")
	if _, err := os.Stat(dir); err != nil {
		b.Skip("no corpus at", dir)
	}
	files, _, _ := load.Expand([]string{dir})
	return files[:min(n, len(files))]
}

// BenchmarkIndex indexes 300 press briefings of the corpus into a new
// library: go test -bench Index -benchtime 1x -cpuprofile cpu.out
func BenchmarkIndex(b *testing.B) {
	files := corpusSample(b, 300)
	for b.Loop() {
		db, err := Open(context.Background(), filepath.Join(b.TempDir(), "lib.db"))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := db.Index(context.Background(), files, IndexOptions{}); err != nil {
			b.Fatal(err)
		}
		db.Close()
	}
}
