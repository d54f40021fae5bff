package ui

import (
	"context"
	"fmt"
	"io/fs"
	"sort"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/load"
	"github.com/brief-reader/brief/internal/ui/doc"
)

// Source is where briefings come from. Both methods run in commands,
// never in Update.
type Source interface {
	// Files lists the briefing files, walking folders; entries that
	// could not be listed come back as failed results.
	Files(ctx context.Context) ([]string, []load.Result)
	// Load reads and parses files, in order.
	Load(ctx context.Context, files []string) []load.Result
}

// DiskSource reads files and folders (and "-" for standard input) with
// package load: on all cores, with a size limit.
type DiskSource struct {
	Paths []string
	Opts  load.Options
}

// Files implements Source.
func (s DiskSource) Files(ctx context.Context) ([]string, []load.Result) {
	files, bad, missing := load.Expand(s.Paths)
	for _, err := range missing {
		p := ""
		if pe, ok := err.(*load.PathError); ok {
			p = pe.Path
		}
		bad = append(bad, load.Result{Path: p, Err: err})
	}
	return files, bad
}

// Load implements Source.
func (s DiskSource) Load(ctx context.Context, files []string) []load.Result {
	return load.Load(ctx, files, s.Opts)
}

// FSSource reads the briefing files at the root of a file system, such as
// the samples embedded in the binary.
type FSSource struct {
	FS   fs.FS
	Opts load.Options
	// Name prefixes the paths shown, e.g. "samples".
	Name string
}

// Files implements Source.
func (s FSSource) Files(ctx context.Context) ([]string, []load.Result) {
	entries, err := fs.ReadDir(s.FS, ".")
	if err != nil {
		return nil, []load.Result{{Path: s.Name, Err: err}}
	}
	var files []string
	for _, e := range entries {
		if !e.IsDir() && load.IsBriefingFile(e.Name()) {
			files = append(files, e.Name())
		}
	}
	sort.Strings(files)
	return files, nil
}

// Load implements Source: through package load, as files on disk are.
func (s FSSource) Load(ctx context.Context, files []string) []load.Result {
	return load.LoadFS(ctx, s.FS, s.Name, files, s.Opts)
}

// filesMsg lists the files to load.
type filesMsg struct {
	gen   int
	files []string
	bad   []load.Result
}

// loadedMsg brings a batch of loaded briefings, laid out; start is the
// index of the first in the file list.
type loadedMsg struct {
	gen     int
	start   int
	results []load.Result
	docs    []*doc.Doc // docs[i] is nil where results[i] failed
	took    time.Duration
}

// loadBatch is how many files a load command reads after the first, which
// is read alone so that it shows as soon as possible.
const loadBatch = 32

func listFiles(ctx context.Context, src Source, gen int) tea.Cmd {
	return func() tea.Msg {
		files, bad := src.Files(ctx)
		return filesMsg{gen: gen, files: files, bad: bad}
	}
}

func loadFiles(ctx context.Context, src Source, gen, start int, files []string) tea.Cmd {
	files = append([]string(nil), files...)
	return func() tea.Msg {
		t0 := time.Now()
		msg := loadedMsg{gen: gen, start: start, results: src.Load(ctx, files)}
		// Laying the briefings out (blocks, speakers, measured words)
		// happens here too, off the program's goroutine.
		msg.docs = make([]*doc.Doc, len(msg.results))
		for i, r := range msg.results {
			if r.Err == nil && r.Briefing != nil {
				msg.docs[i], msg.results[i].Err = layoutDoc(r.Briefing)
			}
		}
		msg.took = time.Since(t0)
		return msg
	}
}

// layoutDoc builds a briefing's layout; a bug there costs the file, not
// the program.
func layoutDoc(b *briefing.Briefing) (d *doc.Doc, err error) {
	defer func() {
		if p := recover(); p != nil {
			d, err = nil, fmt.Errorf("internal error while laying out: %v", p)
		}
	}()
	return doc.New(b), nil
}
