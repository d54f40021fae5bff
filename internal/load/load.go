// Package load finds briefing files, reads them safely and parses them on
// all cores. One bad file never stops the others: each result carries its
// own error.
package load

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/parse"
)

// DefaultMaxSize is the largest briefing file read by default.
const DefaultMaxSize = 64 << 20

// Stdin is the path that stands for standard input.
const Stdin = "-"

// Extensions are the file name endings read when walking a folder.
var extensions = map[string]bool{".txt": true, ".text": true, ".md": true, ".markdown": true, ".html": true, ".htm": true}

// IsBriefingFile reports whether a file name has a briefing extension.
func IsBriefingFile(name string) bool { return extensions[strings.ToLower(filepath.Ext(name))] }

// Options tune loading.
type Options struct {
	// MaxSize refuses files larger than this many bytes (0 means
	// DefaultMaxSize).
	MaxSize int64
	// Parse is passed to the parser.
	Parse parse.Options
	// Workers parse in parallel (0 means one per CPU and one more).
	Workers int
	// Stdin is read for the path "-".
	Stdin io.Reader
	// Prepare, if set, runs on each parsed briefing in its worker (topic
	// classification, say).
	Prepare func(*briefing.Briefing)
	// Timeout bounds each URL fetch (0 means web.DefaultTimeout).
	Timeout time.Duration
	// UserAgent is sent with each URL fetch.
	UserAgent string
	// Budget bounds the bytes of the files being read and parsed at once,
	// across workers (0 means DefaultBudget): parsing takes memory dozens
	// of times a file's size, so many cores on large files would multiply
	// it. A file larger than the budget is parsed alone.
	Budget int64

	fetch *fetcher // set by Load when there are URLs
}

// DefaultBudget is the default for Options.Budget: briefings of up to a
// few MiB are parsed on all cores, larger ones a few at a time, and one of
// 16 MiB or more alone. At about 80 bytes of memory per byte parsed, that
// bounds the memory of the files in flight to about 1.3 GB, or to what the
// largest file takes alone.
const DefaultBudget = 16 << 20

// Result is one loaded briefing, or why it could not be loaded.
type Result struct {
	Path     string
	Briefing *briefing.Briefing
	Err      error
}

// PathError is a command-line path that does not exist or cannot be read
// at all. Unlike a bad file, it means the command was given wrong input.
type PathError struct {
	Path string
	Err  error
}

func (e *PathError) Error() string { return fmt.Sprintf("%s: %v", e.Path, e.Err) }
func (e *PathError) Unwrap() error { return e.Err }

// Expand turns command-line paths into briefing files: a file stays as it
// is, a folder becomes every briefing file under it (sorted, recursively,
// without following symbolic links to folders inside it), "-" stays as
// standard input, an http or https URL stays as it is. Paths that do
// not exist and URLs brief cannot fetch are returned as PathErrors; folders
// that cannot be walked in part yield Results with errors.
func Expand(paths []string) (files []string, bad []Result, missing []error) {
	for _, p := range paths {
		if p == Stdin {
			files = append(files, p)
			continue
		}
		if IsURL(p) {
			if err := CheckURL(p); err != nil {
				missing = append(missing, &PathError{Path: p, Err: err})
			} else {
				files = append(files, p)
			}
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			missing = append(missing, &PathError{Path: p, Err: cleanErr(err)})
			continue
		}
		if !info.IsDir() {
			files = append(files, p)
			continue
		}
		root := p
		if real, err := filepath.EvalSymlinks(p); err == nil {
			root = real
		}
		var found []string
		walkErr := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				bad = append(bad, Result{Path: rebase(path, root, p), Err: cleanErr(err)})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if path != root && (strings.HasPrefix(d.Name(), ".") || savedPageFiles(path)) {
					return fs.SkipDir
				}
				return nil
			}
			if IsBriefingFile(d.Name()) {
				found = append(found, rebase(path, root, p))
			}
			return nil
		})
		if walkErr != nil {
			bad = append(bad, Result{Path: p, Err: cleanErr(walkErr)})
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	return files, bad, missing
}

// rebase shows a walked path under the folder name the user gave, not its
// resolved target.
func rebase(path, root, given string) string {
	rel, err := filepath.Rel(root, path)
	if err != nil {
		return path
	}
	return filepath.Join(given, rel)
}

// defaults fills in the size limit and returns the number of workers.
func (o *Options) defaults() int {
	if o.MaxSize <= 0 {
		o.MaxSize = DefaultMaxSize
	}
	if o.Workers <= 0 {
		// One more worker than cores: the goroutine that writes the
		// results, the one that hands out files, and a worker waiting
		// for a read would otherwise leave a core idle now and then (the
		// text export over the White House corpus took 5% less wall time
		// on two cores, the same CPU).
		return runtime.GOMAXPROCS(0) + 1
	}
	return o.Workers
}

// Load reads and parses files on all cores and returns results in the order
// of files.
func Load(ctx context.Context, files []string, opts Options) []Result {
	results := make([]Result, 0, len(files))
	Stream(ctx, files, opts, func(r Result) error {
		results = append(results, r)
		return nil
	})
	return results
}

// Stream reads and parses files on all cores, as Load does, but hands each
// result to emit, in the order of files, as soon as it and those before it
// are done, and keeps none: workers run at most a few files ahead of emit,
// so a run over thousands of files holds a handful of briefings at a time.
// An error from emit stops the run (files not yet started are not read)
// and is returned.
func Stream(ctx context.Context, files []string, opts Options, emit func(Result) error) error {
	workers := opts.defaults()
	opts.fetch = newFetcher(ctx, files, opts)
	// Standard input is read here, once, before the workers start.
	var stdin []byte
	var stdinErr error
	for _, f := range files {
		if f == Stdin {
			r := opts.Stdin
			if r == nil {
				r = os.Stdin
			}
			stdin, stdinErr = readLimited(r, opts.MaxSize)
			break
		}
	}
	read := func(path string, info fs.FileInfo) ([]byte, error) {
		if path == Stdin {
			return stdin, stdinErr
		}
		return readFile(path, info, opts.MaxSize)
	}
	weigh := func(path string) (int64, fs.FileInfo) { return fileSize(path, stdin) }
	return run(ctx, files, workers, opts.Budget, weigh, func(f string, info fs.FileInfo, ps *parse.Parser) Result {
		return loadOne(f, f, info, read, opts, ps)
	}, emit)
}

// LoadFS reads and parses files of a file system (such as the samples
// embedded in the binary) as Load does files on disk; root prefixes the
// paths the results carry.
func LoadFS(ctx context.Context, fsys fs.FS, root string, files []string, opts Options) []Result {
	workers := opts.defaults()
	read := func(name string, _ fs.FileInfo) ([]byte, error) {
		f, err := fsys.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return readLimited(f, opts.MaxSize)
	}
	weigh := func(name string) (int64, fs.FileInfo) {
		if info, err := fs.Stat(fsys, name); err == nil && info.Mode().IsRegular() {
			return info.Size(), nil
		}
		return 0, nil
	}
	results := make([]Result, 0, len(files))
	run(ctx, files, workers, opts.Budget, weigh, func(f string, _ fs.FileInfo, ps *parse.Parser) Result {
		return loadOne(f, path.Join(root, f), nil, read, opts, ps)
	}, func(r Result) error {
		results = append(results, r)
		return nil
	})
	return results
}

// run loads files on workers goroutines and hands the results to emit in
// the order of files; files after ctx ends, or after emit fails, get the
// context's error without being read (and are not emitted after a failure).
//
// Memory stays bounded two ways. A file's weight is taken from a byte
// budget before it is read and given back only once its result is emitted,
// so the bytes being parsed and those parsed but waiting their turn stay
// within the budget together (or are one file larger than it, alone). And
// no file is started more than a window of files ahead of the one emit
// waits for, which bounds the count of small results waiting. The window is
// wide, so that a worker on a large file does not leave the others idle:
// they go on with the files after it.
//
// What weigh found out about a file (nil if nothing) is handed to one, so
// that the file need not be looked up again.
func run(ctx context.Context, files []string, workers int, budgetSize int64, weigh func(string) (int64, fs.FileInfo), one func(string, fs.FileInfo, *parse.Parser) Result, emit func(Result) error) error {
	if budgetSize <= 0 {
		budgetSize = DefaultBudget
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	inFlight := newBudget(budgetSize)
	workers = min(workers, max(len(files), 1))
	// Each of the window slots holds the result of file i for i modulo the
	// window, with the weight it took; a file is handed out only when its
	// slot is free, that is once the file a window before it has been
	// emitted.
	window := streamWindow(workers)
	type done struct {
		res    Result
		weight int64
	}
	slots := make([]chan done, window)
	for i := range slots {
		slots[i] = make(chan done, 1)
	}
	free := make(chan struct{}, window)
	for range window {
		free <- struct{}{}
	}
	type job struct {
		i      int
		weight int64
		info   fs.FileInfo
	}
	jobs := make(chan job)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ps := parse.NewParser() // each worker parses with its own
			for j := range jobs {
				// A file handed out before the context ended but not yet
				// started is not read either.
				res := Result{Path: files[j.i], Err: ctx.Err()}
				if res.Err == nil {
					res = one(files[j.i], j.info, ps)
				}
				slots[j.i%window] <- done{res, j.weight}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range files {
			<-free
			if ctx.Err() != nil {
				slots[i%window] <- done{res: Result{Path: files[i], Err: ctx.Err()}}
				continue
			}
			// Taken here, in the order of files, the budget cannot be held
			// by files after the one emit waits for while it waits for room.
			size, info := weigh(files[i])
			jobs <- job{i, inFlight.acquire(size), info}
		}
	}()
	var err error
	for i := range files {
		d := <-slots[i%window]
		if err == nil {
			if err = emit(d.res); err != nil {
				cancel()
			}
		}
		inFlight.release(d.weight)
		free <- struct{}{}
	}
	wg.Wait()
	return err
}

// streamWindow is how many files run may start ahead of the one it emits
// next: enough that workers pass a large file by some way (a page of 250
// KB takes as long as fifty of the usual 4 KB), few enough that the small
// results waiting stay a few megabytes.
func streamWindow(workers int) int { return max(64, 4*workers) }

// fileSize returns what a file weighs against the budget before it is
// read: its size, or 0 when it cannot be known (a URL, whose fetch is
// bounded by MaxSize, or a file the read will then refuse). For a regular
// file it also returns what os.Stat said, for readFile.
func fileSize(path string, stdin []byte) (int64, fs.FileInfo) {
	if path == Stdin {
		return int64(len(stdin)), nil
	}
	info, err := os.Stat(path)
	if err != nil || !info.Mode().IsRegular() {
		return 0, nil
	}
	return info.Size(), info
}

// budget is a byte-weighted semaphore that serves its waiters in order, so
// that a large file waiting for room is not passed by small ones for ever.
type budget struct {
	mu   sync.Mutex
	cond sync.Cond
	// free is what is left of size; next is the ticket the next caller
	// takes, and turn the ticket of the caller to be served next.
	free, size int64
	next, turn uint64
}

func newBudget(size int64) *budget {
	b := &budget{free: size, size: size}
	b.cond.L = &b.mu
	return b
}

// acquire waits for its turn and for n bytes of room, or the whole budget
// when n is larger, and returns what it took.
func (b *budget) acquire(n int64) int64 {
	n = min(max(n, 0), b.size)
	b.mu.Lock()
	defer b.mu.Unlock()
	ticket := b.next
	b.next++
	for b.turn != ticket || b.free < n {
		b.cond.Wait()
	}
	b.turn++
	b.free -= n
	b.cond.Broadcast()
	return n
}

// release gives back what acquire took.
func (b *budget) release(n int64) {
	b.mu.Lock()
	b.free += n
	b.mu.Unlock()
	b.cond.Broadcast()
}

// loadOne reads file with read, passing it info, and parses it with ps;
// shown is the path the result and the briefing carry.
func loadOne(file, shown string, info fs.FileInfo, read func(string, fs.FileInfo) ([]byte, error), opts Options, ps *parse.Parser) (res Result) {
	res.Path = shown
	defer func() {
		// A parser bug must cost one file, never the run.
		if r := recover(); r != nil {
			res.Briefing, res.Err = nil, fmt.Errorf("internal error while parsing: %v", r)
		}
	}()
	var data []byte
	var err error
	var b *briefing.Briefing
	if opts.fetch != nil && IsURL(file) {
		b, err = opts.fetch.load(file, opts)
	} else {
		data, err = read(file, info)
	}
	if err != nil {
		res.Err = err
		return res
	}
	if b == nil {
		b, err = parseInput(ps, shown, data, opts.Parse)
	}
	if err != nil {
		res.Err = err
		return res
	}
	if opts.Prepare != nil {
		opts.Prepare(b)
	}
	res.Briefing = b
	return res
}

// ErrTooLarge is returned for files over the size limit.
var ErrTooLarge = errors.New("file too large")

// ReadFile reads a regular file of at most max bytes. It refuses FIFOs,
// devices and sockets (which could block or never end) without reading
// them, and files that grow past the limit while being read.
func ReadFile(path string, max int64) ([]byte, error) { return readFile(path, nil, max) }

// readFile is ReadFile given what os.Stat said of path, if the caller has
// asked already (nil if not). The file opened is checked again either way.
func readFile(path string, info fs.FileInfo, max int64) ([]byte, error) {
	if info == nil {
		var err error
		if info, err = os.Stat(path); err != nil {
			return nil, cleanErr(err)
		}
	}
	if info.IsDir() {
		return nil, errors.New("is a folder")
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (%s)", describeMode(info.Mode()))
	}
	if info.Size() > max {
		return nil, tooLarge(info.Size(), max)
	}
	f, err := os.OpenFile(path, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, cleanErr(err)
	}
	defer f.Close()
	// Check again what was opened: the path may have changed since.
	if info, err = f.Stat(); err != nil {
		return nil, cleanErr(err)
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (%s)", describeMode(info.Mode()))
	}
	return readSized(f, max, info.Size())
}

func readLimited(r io.Reader, max int64) ([]byte, error) { return readSized(r, max, 0) }

// readSized reads r to its end, refusing more than max bytes, into a
// buffer made for size bytes (what a file's Stat said it holds), so that
// a file is read in one buffer of its size rather than one that grows.
func readSized(r io.Reader, max, size int64) ([]byte, error) {
	// Read one byte more than max to tell a file of max bytes from a longer
	// one, unless max+1 would overflow (LimitReader reads nothing then).
	limit := max
	if limit < math.MaxInt64 {
		limit++
	}
	var buf bytes.Buffer
	if size > 0 && size <= max {
		// bytes.Buffer reads while it has bytes.MinRead free: with that
		// much room past the size, the read that finds the end fits too.
		buf.Grow(int(size) + bytes.MinRead)
	}
	if _, err := buf.ReadFrom(io.LimitReader(r, limit)); err != nil {
		return nil, cleanErr(err)
	}
	if int64(buf.Len()) > max {
		return nil, tooLarge(-1, max)
	}
	return buf.Bytes(), nil
}

func describeMode(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return m.Type().String()
}

// cleanErr drops the path from an os error: callers print the path once.
// A missing file's error still matches fs.ErrNotExist, and a refused one's
// fs.ErrPermission.
func cleanErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		switch {
		case errors.Is(pe.Err, fs.ErrNotExist):
			return &plainError{"no such file or folder", fs.ErrNotExist}
		case errors.Is(pe.Err, fs.ErrPermission):
			return &plainError{"permission denied", fs.ErrPermission}
		}
		return pe.Err
	}
	return err
}

// tooLarge says that something of size bytes (-1 when only "more than max"
// is known) is over the limit of max bytes. Sizes are given in bytes, so that
// one byte over a limit does not read as "64.0 MiB, the limit is 64.0 MiB".
func tooLarge(size, max int64) error {
	if size < 0 {
		return fmt.Errorf("%w: more than %d bytes (%s, see --max-size)", ErrTooLarge, max, humanSize(max))
	}
	return fmt.Errorf("%w: %d bytes, the limit is %d (%s, see --max-size)", ErrTooLarge, size, max, humanSize(max))
}

// plainError says what went wrong in plain words and wraps the error it
// stands for.
type plainError struct {
	msg string
	err error
}

func (e *plainError) Error() string { return e.msg }
func (e *plainError) Unwrap() error { return e.err }

func humanSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// LargestMaxSize is the largest size ParseSize accepts: 1 TiB, far beyond any
// briefing, and far from overflowing an int64.
const LargestMaxSize = 1 << 40

// ParseSize reads a size like "64MiB", "10M", "512k" or "1048576", from one
// byte to LargestMaxSize.
func ParseSize(s string) (int64, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"gib", 1 << 30}, {"gb", 1 << 30}, {"g", 1 << 30}, {"mib", 1 << 20}, {"mb", 1 << 20}, {"m", 1 << 20}, {"kib", 1 << 10}, {"kb", 1 << 10}, {"k", 1 << 10}, {"b", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if (errors.Is(err, strconv.ErrRange) && !strings.HasPrefix(t, "-")) || (err == nil && n > LargestMaxSize/mult) {
		return 0, fmt.Errorf("size %q is too large (the largest is 1024GiB)", s)
	}
	if err != nil || n <= 0 || strconv.FormatInt(n, 10) != t {
		return 0, fmt.Errorf("invalid size %q (want a positive number with an optional unit: 512K, 64MiB, 1G)", s)
	}
	return n * mult, nil
}

// Parse parses a briefing file's bytes as Load does: a saved web page
// (.html, .htm) through the HTML reader, anything else as text. It is for
// callers that read files themselves (with ReadFile) and need the bytes,
// such as the library, which hashes them. ps is the caller's Parser, kept
// from file to file by each worker as Load's workers keep theirs.
func Parse(ps *parse.Parser, path string, data []byte, opts parse.Options) (*briefing.Briefing, error) {
	return parseInput(ps, path, data, opts)
}
