package library

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkIndexCorpus indexes a folder, such as the whole White House corpus, into a new
// library (minutes; skips unless BRIEF_BENCH_CORPUS names it):
// BRIEF_BENCH_CORPUS=../../../shared/corpus/whitehouse go test -run - -bench IndexCorpus -benchtime 1x -cpuprofile cpu.out
func BenchmarkIndexCorpus(b *testing.B) {
	dir := os.Getenv("BRIEF_BENCH_CORPUS")
	if dir == "" {
		b.Skip("set BRIEF_BENCH_CORPUS to a folder (../../../shared/corpus/whitehouse) to index it")
	}
	if _, err := os.Stat(dir); err != nil {
		b.Skip("no corpus at", dir)
	}
	for b.Loop() {
		db, err := Open(context.Background(), filepath.Join(b.TempDir(), "lib.db"))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := db.Index(context.Background(), []string{dir}, IndexOptions{}); err != nil {
			b.Fatal(err)
		}
		db.Close()
	}
}
