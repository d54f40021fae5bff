// Package watch reports briefing files that appear, change or go away
// under the folders (and files) a library indexed, in batches: a batch goes out once
// no change has come for a quiet period, so a folder being copied in is
// one batch, not a thousand.
//
// fsnotify watches one folder at a time; the Watcher adds every folder
// under a root, and folders created later as they appear. Hidden folders
// are skipped, as package load skips them.
package watch

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// DefaultQuiet is how long a batch waits for more changes.
const DefaultQuiet = 400 * time.Millisecond

// Watcher watches roots for new and changed files.
type Watcher struct {
	fs    *fsnotify.Watcher
	quiet time.Duration
	keep  func(path string) bool
	// files are roots that are files: their folder is watched, and only
	// they are reported from it.
	files map[string]bool
	// dirs are the folders watched because they are, or are under, a
	// root that is a folder.
	dirs map[string]bool

	batches chan []string
	errs    chan error
	done    chan struct{}
	once    sync.Once
}

// New watches roots (files and folders). keep says which files count
// (nil: all); quiet is how long a batch waits for more changes (0:
// DefaultQuiet). A root that cannot be watched is an error.
func New(roots []string, quiet time.Duration, keep func(path string) bool) (*Watcher, error) {
	if quiet <= 0 {
		quiet = DefaultQuiet
	}
	if keep == nil {
		keep = func(string) bool { return true }
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	w := &Watcher{
		fs: fw, quiet: quiet, keep: keep,
		files: map[string]bool{}, dirs: map[string]bool{},
		batches: make(chan []string, 1), errs: make(chan error, 1), done: make(chan struct{}),
	}
	for _, r := range roots {
		if err := w.addRoot(r); err != nil {
			fw.Close()
			return nil, err
		}
	}
	go w.loop()
	return w, nil
}

func (w *Watcher) addRoot(root string) error {
	root = filepath.Clean(root)
	info, err := os.Stat(root)
	if err != nil {
		return fmt.Errorf("watch %s: %w", root, err)
	}
	if !info.IsDir() {
		w.files[root] = true
		dir := filepath.Dir(root)
		if err := w.fs.Add(dir); err != nil {
			return fmt.Errorf("watch %s: %w", dir, err)
		}
		return nil
	}
	return w.addTree(root)
}

// addTree watches dir and every folder under it but hidden ones.
func (w *Watcher) addTree(dir string) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == dir {
				return fmt.Errorf("watch %s: %w", path, err)
			}
			return nil // a folder that vanished or cannot be read
		}
		if !d.IsDir() {
			return nil
		}
		if path != dir && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if err := w.fs.Add(path); err != nil {
			return fmt.Errorf("watch %s: %w", path, err)
		}
		w.dirs[path] = true
		return nil
	})
}

// Next waits for the next batch of new, changed or removed files
// (sorted, each once; a removed one no longer exists) or an error. It returns ctx's error when ctx ends, and
// ErrClosed after Close.
func (w *Watcher) Next(ctx context.Context) ([]string, error) {
	select {
	case b := <-w.batches:
		return b, nil
	case err := <-w.errs:
		return nil, err
	case <-w.done:
		return nil, ErrClosed
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// ErrClosed is Next's error after Close.
var ErrClosed = errors.New("watch: closed")

// Close stops watching. It is safe to call more than once.
func (w *Watcher) Close() error {
	var err error
	w.once.Do(func() {
		close(w.done)
		err = w.fs.Close()
	})
	return err
}

// loop gathers events into a pending set and sends it once the quiet
// period passes with no new event. A batch not yet taken by Next grows
// instead of queueing behind it.
func (w *Watcher) loop() {
	pending := map[string]bool{}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-w.done:
			return
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			if paths := w.take(ev); len(paths) > 0 {
				for _, p := range paths {
					pending[p] = true
				}
				timer.Reset(w.quiet)
			}
		case err, ok := <-w.fs.Errors:
			if !ok {
				return
			}
			w.fail(err)
		case <-timer.C:
			if len(pending) == 0 {
				continue
			}
			batch := make([]string, 0, len(pending))
			for p := range pending {
				batch = append(batch, p)
			}
			sort.Strings(batch)
			select {
			case w.batches <- batch:
				pending = map[string]bool{}
			case <-w.done:
				return
			default:
				// Next has not taken the last batch: try again later
				// with this one grown.
				timer.Reset(w.quiet)
			}
		}
	}
}

// take returns the files an event reports: the file itself if it is
// one to report; for a new folder under a watched one, which is watched
// from now on, the briefing files already in it (copied in before the
// watch was added).
func (w *Watcher) take(ev fsnotify.Event) []string {
	path := filepath.Clean(ev.Name)
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		// Gone (or moved away): reported if it was a file to report.
		if _, err := os.Stat(path); err == nil || !w.watched(path) || !w.keep(path) {
			return nil
		}
		return []string{path}
	}
	if !ev.Has(fsnotify.Create) && !ev.Has(fsnotify.Write) {
		return nil
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil // gone again
	}
	if info.IsDir() {
		if !w.dirs[filepath.Dir(path)] || strings.HasPrefix(filepath.Base(path), ".") {
			return nil
		}
		if err := w.addTree(path); err != nil {
			w.fail(err)
		}
		return w.filesIn(path)
	}
	if !info.Mode().IsRegular() {
		return nil
	}
	if !w.watched(path) || !w.keep(path) {
		return nil
	}
	return []string{path}
}

// watched reports whether a file is one the watcher reports on: in a
// watched folder, or a root itself (not a file beside one).
func (w *Watcher) watched(path string) bool {
	return w.dirs[filepath.Dir(path)] || w.files[path]
}

// filesIn lists the files to report in a folder that just appeared.
func (w *Watcher) filesIn(dir string) []string {
	var found []string
	_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && path != dir && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if d.Type().IsRegular() && w.keep(path) {
			found = append(found, path)
		}
		return nil
	})
	return found
}

// fail passes an error to Next without blocking the loop: while one is
// waiting to be taken, later ones are dropped.
func (w *Watcher) fail(err error) {
	select {
	case w.errs <- err:
	default:
	}
}
