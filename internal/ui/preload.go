package ui

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/brief-reader/brief/internal/load"
	"github.com/brief-reader/brief/internal/parse"
	"github.com/brief-reader/brief/internal/ui/doc"
)

// PreloadMax is the largest first file Preload reads whole: parsed and
// laid out in some 10 ms, less than the frames it saves (the load would
// otherwise run in a command after the program starts, its text drawn a
// frame or two later).
const PreloadMax = 128 << 10

// previewBytes is how much of a larger first file Preload parses, up to
// its last blank line, for a preview the whole briefing replaces, at the
// same place, once the background load has read it.
const previewBytes = 64 << 10

// Preloaded is the first briefing of a source, loaded before the program
// starts, so that the first frame shows its text (Options.Preloaded); or,
// with preview, the start of it.
type Preloaded struct {
	files   []string
	bad     []load.Result
	results []load.Result
	docs    []*doc.Doc
	took    time.Duration
	preview bool
}

// Preload lists the files of src and loads the first, laid out, when
// that can be done at once: a source of regular files on disk only (no
// folder to walk, no standard input, no URL, nothing that could wait)
// or the embedded samples, and a first file of at most maxBytes. Of a
// larger text file on disk it parses the first previewBytes, cut at a
// blank line, as a preview. It returns nil otherwise, and the reader
// loads everything in the background as without it. It is meant to run
// before the program.
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
	n, ok := size(files[0])
	if !ok {
		return nil
	}
	p := &Preloaded{files: files, bad: bad}
	if n <= maxBytes {
		p.results = src.Load(ctx, files[:1])
	} else if ds, ok := src.(DiskSource); ok {
		p.results, p.preview = previewFile(files[0], n, ds.Opts), true
	}
	if p.results == nil {
		return nil
	}
	p.docs = make([]*doc.Doc, len(p.results))
	for i, r := range p.results {
		if r.Err == nil && r.Briefing != nil {
			p.docs[i], p.results[i].Err = layoutDoc(r.Briefing)
		}
	}
	p.took = time.Since(t0)
	return p
}

// previewFile parses the start of a large text file, up to its last
// blank line within previewBytes, as Load would parse the whole: nil if
// there is no such start, or the file is one Load refuses or reads as a
// web page.
func previewFile(path string, size int64, opts load.Options) (res []load.Result) {
	defer func() {
		if recover() != nil {
			res = nil // a parser bug costs the preview; the load reports it
		}
	}()
	max := opts.MaxSize
	if max <= 0 {
		max = load.DefaultMaxSize
	}
	if size > max {
		return nil
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".html", ".htm":
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	buf := make([]byte, previewBytes)
	n, err := io.ReadFull(f, buf)
	if err != nil && err != io.ErrUnexpectedEOF {
		return nil
	}
	cut := bytes.LastIndex(buf[:n], []byte("\n\n"))
	if cut <= 0 {
		return nil
	}
	b, err := load.Parse(parse.NewParser(), path, buf[:cut+1], opts.Parse)
	if err != nil || b == nil {
		return nil
	}
	if opts.Prepare != nil {
		opts.Prepare(b)
	}
	return []load.Result{{Path: path, Briefing: b}}
}
