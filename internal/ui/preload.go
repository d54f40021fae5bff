package ui

import (
	"context"
	"io/fs"
	"os"
	"time"

	"github.com/brief-reader/brief/internal/load"
	"github.com/brief-reader/brief/internal/ui/doc"
)

// PreloadMax is the largest first file Preload reads: parsed and laid out
// in some 20 ms, less than the frames it saves (the load would otherwise
// run in a command after the program starts, its text drawn a frame or
// two later).
const PreloadMax = 256 << 10

// Preloaded is the first briefing of a source, loaded before the program
// starts, so that the first frame shows its text (Options.Preloaded).
type Preloaded struct {
	files   []string
	bad     []load.Result
	results []load.Result
	docs    []*doc.Doc
	took    time.Duration
}

// Preload lists the files of src and loads the first, laid out, when
// that can be done at once: a source of regular files on disk only (no
// folder to walk, no standard input, no URL, nothing that could wait)
// or the embedded samples, and a first file of at most maxBytes. It
// returns nil otherwise, and the reader loads everything in the
// background as without it. It is meant to run before the program.
func Preload(ctx context.Context, src Source, maxBytes int64) *Preloaded {
	var size func(string) (int64, bool)
	switch s := src.(type) {
	case DiskSource:
		for _, p := range s.Paths {
			if p == load.Stdin || load.IsURL(p) {
				return nil
			}
			if info, err := os.Stat(p); err != nil || !info.Mode().IsRegular() {
				return nil
			}
		}
		size = func(f string) (int64, bool) {
			info, err := os.Stat(f)
			return info.Size(), err == nil && info.Mode().IsRegular()
		}
	case FSSource:
		size = func(f string) (int64, bool) {
			info, err := fs.Stat(s.FS, f)
			return info.Size(), err == nil && info.Mode().IsRegular()
		}
	default:
		return nil
	}
	t0 := time.Now()
	files, bad := src.Files(ctx)
	if len(files) == 0 {
		return nil
	}
	if n, ok := size(files[0]); !ok || n > maxBytes {
		return nil
	}
	p := &Preloaded{files: files, bad: bad, results: src.Load(ctx, files[:1])}
	p.docs = make([]*doc.Doc, len(p.results))
	for i, r := range p.results {
		if r.Err == nil && r.Briefing != nil {
			p.docs[i], p.results[i].Err = layoutDoc(r.Briefing)
		}
	}
	p.took = time.Since(t0)
	return p
}
