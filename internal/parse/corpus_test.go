package parse

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpusPaths returns the Markdown pages of the White House corpus
// (../shared/corpus/whitehouse, or BRIEF_CORPUS) in walk order. The test or
// benchmark is skipped when there are none.
func corpusPaths(tb testing.TB) []string {
	tb.Helper()
	dir := os.Getenv("BRIEF_CORPUS")
	if dir == "" {
		dir = "../../../shared/corpus/whitehouse"
	}
	var paths []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		paths = append(paths, path)
		return nil
	})
	if err != nil || len(paths) == 0 {
		tb.Skipf("no corpus at %s (%v)", dir, err)
	}
	return paths
}
