package watch

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func isText(p string) bool { return strings.HasSuffix(p, ".txt") }

// next waits for a batch; the deadline only keeps a broken watcher from
// hanging the test.
func next(t *testing.T, w *Watcher) []string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	b, err := w.Next(ctx)
	if err != nil {
		t.Fatalf("Next: %v", err)
	}
	return b
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestBatches reports new and changed briefing files once each, sorted,
// and not other files; a folder made later is watched, and what is
// already in it when the watch sees it is reported; hidden folders are
// not.
func TestBatches(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "old.txt"), "old")
	w, err := New([]string{dir}, 50*time.Millisecond, isText)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()

	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "old.txt")
	write(t, a, "one")
	write(t, a, "two")
	write(t, b, "changed")
	write(t, filepath.Join(dir, "notes.bin"), "skip")
	write(t, filepath.Join(dir, ".hidden", "h.txt"), "skip")
	if got, want := next(t, w), []string{a, b}; !reflect.DeepEqual(got, want) {
		t.Fatalf("first batch %v, want %v", got, want)
	}

	sub := filepath.Join(dir, "2025", "07")
	c := filepath.Join(sub, "c.txt")
	write(t, c, "three")
	got := next(t, w)
	if !reflect.DeepEqual(got, []string{c}) {
		t.Fatalf("new folder: %v, want %v", got, []string{c})
	}
	// The new folder is watched now.
	d := filepath.Join(sub, "d.txt")
	write(t, d, "four")
	if got := next(t, w); !reflect.DeepEqual(got, []string{d}) {
		t.Fatalf("in the new folder: %v, want %v", got, []string{d})
	}
	// A file removed, or moved away, is reported too.
	if err := os.Remove(a); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(d, filepath.Join(t.TempDir(), "moved.txt")); err != nil {
		t.Fatal(err)
	}
	if got := next(t, w); !reflect.DeepEqual(got, []string{d, a}) && !reflect.DeepEqual(got, []string{a, d}) {
		t.Fatalf("removed: %v, want %v and %v", got, a, d)
	}
}

// TestFileRoot watches a file given alone and not its neighbours.
func TestFileRoot(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "one.txt")
	write(t, f, "x")
	w, err := New([]string{f}, 50*time.Millisecond, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	write(t, filepath.Join(dir, "other.txt"), "y")
	write(t, f, "changed")
	if got := next(t, w); !reflect.DeepEqual(got, []string{f}) {
		t.Fatalf("got %v, want only %v", got, f)
	}
}

// TestErrors: a root that does not exist is an error naming it; Next
// after Close says so.
func TestErrors(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "gone")
	if _, err := New([]string{missing}, 0, nil); err == nil || !strings.Contains(err.Error(), missing) {
		t.Fatalf("New(missing) = %v, want an error naming %s", err, missing)
	}
	w, err := New([]string{t.TempDir()}, 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	w.Close()
	if _, err := w.Next(context.Background()); !errors.Is(err, ErrClosed) {
		t.Fatalf("Next after Close = %v, want ErrClosed", err)
	}
}
