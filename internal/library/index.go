package library

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/load"
	"github.com/brief-reader/brief/internal/parse"
	"github.com/brief-reader/brief/internal/topics"
)

// ParserVersion is stamped on every indexed briefing. Bump it when the
// parser or the topic classifier produce different briefings from the same
// text: the next index then re-parses what the older parser produced.
const ParserVersion = 1

// IndexOptions tune Index.
type IndexOptions struct {
	// Workers parse in parallel (0 means one per CPU).
	Workers int
	// Progress, if set, is called (from the goroutine that called Index)
	// as files are done.
	Progress func(Progress)
	// Taxonomy classifies topics (nil means topics.Default()).
	Taxonomy *topics.Taxonomy
	// Parse is passed to the parser.
	Parse parse.Options
	// MaxSize refuses files larger than this many bytes (0 means
	// load.DefaultMaxSize).
	MaxSize int64
	// Stamp is added to ParserVersion in the stamp stored with each
	// briefing (the brief version, a fingerprint of the user's topics): a
	// briefing indexed under another stamp is parsed again.
	Stamp string
	// BatchFiles, BatchBytes and BatchTime bound a write transaction (0
	// means 512 files, 16 MiB of text and a second): a transaction must
	// not hold the write lock long, as another brief (a reader saving its
	// position) waits for it.
	BatchFiles int
	BatchBytes int64
	BatchTime  time.Duration
}

// Progress is how far an Index run is.
type Progress struct {
	// Files of Total are done (unchanged files count as done at once).
	Files, Total int
	// Bytes of TotalBytes have been read and parsed: the files that were
	// new or changed.
	Bytes, TotalBytes int64
	Elapsed           time.Duration
}

// Summary says what an Index run did.
type Summary struct {
	Added, Updated, Unchanged, Removed int
	Failed                             []Failure
	// Bytes were read and parsed in Elapsed.
	Bytes   int64
	Elapsed time.Duration
}

// Failure is a file or path that could not be indexed, and why.
type Failure struct {
	Path string
	Err  error
}

func (f Failure) Error() string { return fmt.Sprintf("%s: %v", f.Path, f.Err) }

// known is what the index holds about a file.
type known struct {
	size, mtime  int64
	hash, parser string
}

// job is a file to read, and what the index knew of it (nil when new).
type job struct {
	path string
	size int64
	old  *known
}

// parsed is a worker's answer for one job.
type parsed struct {
	job
	stamp    fileStamp
	briefing *briefing.Briefing
	same     bool // content unchanged: only size and mtime need writing
	err      error
}

// Index adds files and folders (recursively) to the library. New or
// changed files are read, parsed and classified on all cores and written
// in batched transactions by one writer; unchanged ones cost a stat (size
// and mtime, then the content hash when those changed). Files under an
// indexed folder that are gone are dropped from the index; their reading
// state is kept. A cancelled ctx stops at once: what was committed stays,
// the batch in flight is rolled back, and the error is ctx's.
func (db *DB) Index(ctx context.Context, paths []string, opt IndexOptions) (Summary, error) {
	start := time.Now()
	var sum Summary
	stamp := strconv.Itoa(ParserVersion)
	if opt.Stamp != "" {
		stamp += "/" + opt.Stamp
	}
	if opt.MaxSize <= 0 {
		opt.MaxSize = load.DefaultMaxSize
	}
	// What the index holds is read while the folders are walked.
	var old map[string]known
	var oldErr error
	oldDone := make(chan struct{})
	go func() {
		defer close(oldDone)
		old, oldErr = db.knownFiles(ctx)
	}()
	roots, files, walkFailed := expandRoots(paths, &sum)
	infos, statErrs := statAll(files, opt.Workers)
	<-oldDone
	if len(roots) == 0 {
		sum.Elapsed = time.Since(start)
		return sum, nil
	}
	if oldErr != nil {
		return sum, oldErr
	}

	// Sort the files: unchanged by size and mtime, or to be read.
	var jobs []job
	var total int64
	seen := make(map[string]bool, len(files))
	for i, f := range files {
		seen[f] = true
		info, err := infos[i], statErrs[i]
		if err != nil {
			sum.Failed = append(sum.Failed, Failure{Path: f, Err: err})
			continue
		}
		k, ok := old[f]
		if ok && k.size == info.Size() && k.mtime == info.ModTime().UnixNano() && k.parser == stamp {
			sum.Unchanged++
			continue
		}
		j := job{path: f, size: info.Size()}
		if ok {
			j.old = &k
		}
		jobs = append(jobs, j)
		total += info.Size()
	}
	// Files the index holds under an indexed folder (or as an indexed
	// file) that the walk did not find are gone, unless the walk failed
	// where they were.
	var gone []string
	for p := range old {
		if !seen[p] && under(p, roots) && !under(p, walkFailed) {
			gone = append(gone, p)
		}
	}
	sort.Strings(gone)

	prog := Progress{Files: sum.Unchanged, Total: len(files)}
	report := func() {
		if opt.Progress != nil {
			prog.Elapsed = time.Since(start)
			opt.Progress(prog)
		}
	}
	prog.TotalBytes = total
	report()

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	results := db.parseAll(ctx, jobs, stamp, opt)

	if err := db.addRoots(ctx, roots); err != nil {
		return sum, err
	}
	conn, err := db.writeConn(ctx)
	if err != nil {
		return sum, err
	}
	defer db.releaseWriteConn(conn)
	batchFiles, batchBytes := opt.BatchFiles, opt.BatchBytes
	if batchFiles <= 0 {
		batchFiles = 512
	}
	if batchBytes <= 0 {
		batchBytes = 16 << 20
	}
	batchTime := opt.BatchTime
	if batchTime <= 0 {
		batchTime = time.Second
	}
	var w *writer
	var inBatch int
	var batchSize int64
	var pending Summary // counts of the open batch, added to sum on commit
	flush := func() error {
		if w == nil {
			return nil
		}
		err := w.commit(ctx)
		w = nil
		if err != nil {
			return err
		}
		sum.Added += pending.Added
		sum.Updated += pending.Updated
		sum.Unchanged += pending.Unchanged
		sum.Removed += pending.Removed
		pending = Summary{}
		inBatch, batchSize = 0, 0
		return nil
	}
	fail := func(err error) (Summary, error) {
		cancel()
		if w != nil {
			w.rollback()
		}
		for range results {
		}
		sum.Elapsed = time.Since(start)
		return sum, err
	}
	// Vanished files go first, so that a file that moved finds its
	// reading state free to adopt (see writer.adoptReading).
	if len(gone) > 0 {
		if w, err = newWriter(ctx, conn); err != nil {
			return fail(err)
		}
		for _, p := range gone {
			if err := w.remove(ctx, p); err != nil {
				return fail(err)
			}
			pending.Removed++
		}
		if err := flush(); err != nil {
			return fail(err)
		}
	}
	for r := range results {
		if ctx.Err() != nil {
			return fail(ctx.Err())
		}
		prog.Files++
		prog.Bytes += r.size
		sum.Bytes += r.size
		if r.err != nil {
			sum.Failed = append(sum.Failed, Failure{Path: r.path, Err: r.err})
			report()
			continue
		}
		if w == nil {
			if w, err = newWriter(ctx, conn); err != nil {
				return fail(err)
			}
		}
		switch {
		case r.same:
			err = w.touch(ctx, r.stamp)
			pending.Unchanged++
		default:
			_, err = w.put(ctx, r.stamp, stamp, r.briefing, r.old != nil)
			if r.old == nil {
				pending.Added++
			} else {
				pending.Updated++
			}
			batchSize += r.size
		}
		if err != nil {
			return fail(fmt.Errorf("writing %s: %w", r.path, err))
		}
		inBatch++
		if inBatch >= batchFiles || batchSize >= batchBytes || time.Since(w.began) >= batchTime {
			if err := flush(); err != nil {
				return fail(err)
			}
		}
		report()
	}
	if ctx.Err() != nil {
		return fail(ctx.Err())
	}
	if err := flush(); err != nil {
		return fail(err)
	}
	sum.Elapsed = time.Since(start)
	return sum, nil
}

// writeConn returns a connection for Index's writer, with foreign keys
// off: checking each of a cold index's million child rows against its
// briefing (a B-tree lookup a row) cost a sixth of the writer's time, and
// the writer writes a briefing's rows right after it and deletes them
// itself (see childTables). The schema's keys still hold for every other
// connection; releaseWriteConn turns them back on.
func (db *DB) writeConn(ctx context.Context) (*sql.Conn, error) {
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, "PRAGMA foreign_keys = OFF"); err != nil {
		conn.Close()
		return nil, err
	}
	return conn, nil
}

// releaseWriteConn turns foreign keys on again and returns the connection
// to the pool, or closes it for good if they could not be turned on.
func (db *DB) releaseWriteConn(conn *sql.Conn) {
	if _, err := conn.ExecContext(context.Background(), "PRAGMA foreign_keys = ON"); err != nil {
		conn.Raw(func(any) error { return driver.ErrBadConn })
	}
	conn.Close()
}

// statAll stats files on workers goroutines (0: one per CPU): a stat is
// a system call, and a re-index of unchanged files is little else.
func statAll(files []string, workers int) ([]os.FileInfo, []error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	infos := make([]os.FileInfo, len(files))
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	chunk := (len(files) + workers - 1) / max(workers, 1)
	for lo := 0; lo < len(files); lo += max(chunk, 1) {
		hi := min(lo+max(chunk, 1), len(files))
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := lo; i < hi; i++ {
				infos[i], errs[i] = os.Stat(files[i])
			}
		}()
	}
	wg.Wait()
	return infos, errs
}

// expandRoots turns the paths given to Index into absolute roots and the
// briefing files under them. Paths that cannot be indexed are added to
// sum.Failed; walkFailed are the folders a walk could not enter.
func expandRoots(paths []string, sum *Summary) (roots, files, walkFailed []string) {
	var abs []string
	for _, p := range paths {
		if p == load.Stdin || load.IsURL(p) {
			sum.Failed = append(sum.Failed, Failure{Path: p, Err: errors.New("only files and folders can be indexed")})
			continue
		}
		a, err := filepath.Abs(p)
		if err == nil {
			_, err = os.Stat(a)
		}
		if err != nil {
			// As load.Expand says it: a PATH that cannot be read at all.
			_, _, missing := load.Expand([]string{p})
			if len(missing) > 0 {
				err = missing[0]
			}
			sum.Failed = append(sum.Failed, Failure{Path: p, Err: err})
			continue
		}
		abs = append(abs, a)
	}
	found, bad, missing := load.Expand(abs)
	for _, err := range missing { // gone since the check above
		sum.Failed = append(sum.Failed, Failure{Err: err})
	}
	for _, b := range bad {
		sum.Failed = append(sum.Failed, Failure{Path: b.Path, Err: b.Err})
		walkFailed = append(walkFailed, b.Path)
	}
	roots = abs
	// A file given twice, or inside a folder also given, is indexed once.
	seen := make(map[string]bool, len(found))
	for _, f := range found {
		if !seen[f] {
			seen[f] = true
			files = append(files, f)
		}
	}
	return roots, files, walkFailed
}

// under reports whether path is one of roots or inside one of them.
func under(path string, roots []string) bool {
	for _, r := range roots {
		if path == r || strings.HasPrefix(path, strings.TrimSuffix(r, string(filepath.Separator))+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// knownFiles returns what the index holds about every file.
func (db *DB) knownFiles(ctx context.Context) (map[string]known, error) {
	rows, err := db.sql.QueryContext(ctx, "SELECT path, size, mtime, hash, parser FROM briefings")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]known{}
	for rows.Next() {
		var p string
		var k known
		if err := rows.Scan(&p, &k.size, &k.mtime, &k.hash, &k.parser); err != nil {
			return nil, err
		}
		out[p] = k
	}
	return out, rows.Err()
}

// A path inside a root already indexed is not a root of its own: the
// reader re-indexes the single files its watcher reports, and they must not
// each become a folder it watches.
func (db *DB) addRoots(ctx context.Context, roots []string) error {
	have, err := db.Roots(ctx)
	if err != nil {
		return err
	}
	now := time.Now().UnixNano()
	for _, r := range roots {
		if under(r, have) {
			continue
		}
		if _, err := db.sql.ExecContext(ctx, "INSERT OR IGNORE INTO roots (path, added_at) VALUES (?, ?)", r, now); err != nil {
			return err
		}
	}
	return nil
}

// Roots returns the files and folders the user indexed, sorted.
func (db *DB) Roots(ctx context.Context) ([]string, error) {
	return column[string](ctx, db.sql, "SELECT path FROM roots ORDER BY path")
}

// parseAll reads, hashes, parses and classifies jobs on opt.Workers
// goroutines and sends the results, in no particular order, on the
// returned channel, which is closed when all are done or ctx ends.
func (db *DB) parseAll(ctx context.Context, jobs []job, stamp string, opt IndexOptions) <-chan parsed {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	out := make(chan parsed, workers)
	in := make(chan job)
	var classifier *topics.Classifier
	var once sync.Once
	classify := func(b *briefing.Briefing) {
		once.Do(func() {
			tax := opt.Taxonomy
			if tax == nil {
				tax = topics.Default()
			}
			classifier = topics.NewClassifier(tax)
		})
		classifier.Apply(b)
	}
	var wg sync.WaitGroup
	for range min(workers, max(len(jobs), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ps := parse.NewParser() // each worker parses with its own
			for j := range in {
				r := parseOne(ps, j, stamp, opt, classify)
				select {
				case out <- r:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		defer close(in)
		for _, j := range jobs {
			select {
			case in <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

// parseOne reads one file and, unless its content is what the index holds
// already under the same parser, parses it.
func parseOne(ps *parse.Parser, j job, stamp string, opt IndexOptions, classify func(*briefing.Briefing)) (r parsed) {
	r.job = j
	defer func() {
		// A parser bug must cost one file, never the run.
		if p := recover(); p != nil {
			r.briefing, r.err = nil, fmt.Errorf("internal error while parsing: %v", p)
		}
	}()
	info, err := os.Stat(j.path)
	if err != nil {
		r.err = err
		return r
	}
	data, err := load.ReadFile(j.path, opt.MaxSize)
	if err != nil {
		r.err = err
		return r
	}
	sum := sha256.Sum256(data)
	r.stamp = fileStamp{path: j.path, size: info.Size(), mtime: info.ModTime().UnixNano(), hash: hex.EncodeToString(sum[:])}
	if j.old != nil && j.old.hash == r.stamp.hash && j.old.parser == stamp {
		r.same = true
		return r
	}
	b, err := load.Parse(ps, j.path, data, opt.Parse)
	if err != nil {
		r.err = err
		return r
	}
	classify(b)
	r.briefing = b
	return r
}
