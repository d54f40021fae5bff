package library

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestRootsNotGrownByFilesInside: re-indexing one file of an indexed
// folder, as the reader does for what its watcher reports, leaves the
// folder the only root; a path outside it becomes a root of its own.
func TestRootsNotGrownByFilesInside(t *testing.T) {
	db := openTemp(t)
	dir := samples(t)
	index(t, db, dir)
	files := sampleFiles(t, dir)
	if err := os.WriteFile(files[0], []byte("MS. LEAVITT: Good afternoon.\n\nQ Thank you.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if sum := index(t, db, files[0]); sum.Updated != 1 {
		t.Fatalf("re-index of one changed file: %+v, want 1 updated", sum)
	}
	other := filepath.Join(t.TempDir(), "elsewhere.txt")
	if err := os.WriteFile(other, []byte("MR. KIRBY: Thanks.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	index(t, db, other)
	roots, err := db.Roots(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{dir, other}
	slices.Sort(want)
	if !slices.Equal(roots, want) {
		t.Errorf("roots = %q, want %q", roots, want)
	}
}
