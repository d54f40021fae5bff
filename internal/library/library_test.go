package library

import (
	"bytes"
	"context"
	"maps"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/brief-reader/brief/briefings"
	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/export"
	"github.com/brief-reader/brief/internal/load"
	"github.com/brief-reader/brief/internal/parse"
	"github.com/brief-reader/brief/internal/topics"
)

// samples copies the bundled briefings into a temp folder and returns it.
func samples(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "briefings")
	if err := os.CopyFS(dir, briefings.FS); err != nil {
		t.Fatal(err)
	}
	if files := sampleFiles(t, dir); len(files) < 3 {
		t.Fatalf("found %d bundled briefings, want at least 3", len(files))
	}
	return dir
}

func openTemp(t *testing.T) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "lib", "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func index(t *testing.T, db *DB, paths ...string) Summary {
	t.Helper()
	sum, err := db.Index(context.Background(), paths, IndexOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range sum.Failed {
		t.Errorf("failed: %v", f)
	}
	return sum
}

// parseFiles parses files as the export path does: load, parse, classify.
func parseFiles(t *testing.T, files []string) []*briefing.Briefing {
	t.Helper()
	c := topics.NewClassifier(topics.Default())
	var out []*briefing.Briefing
	for _, r := range load.Load(context.Background(), files, load.Options{Parse: parse.DefaultOptions(), Prepare: c.Apply}) {
		if r.Err != nil {
			t.Fatalf("%s: %v", r.Path, r.Err)
		}
		out = append(out, r.Briefing)
	}
	return out
}

func exportJSON(t *testing.T, bs []*briefing.Briefing) string {
	t.Helper()
	var buf bytes.Buffer
	if err := export.Write(&buf, export.JSON, bs, briefing.Filter{}); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func sampleFiles(t *testing.T, dir string) []string {
	t.Helper()
	files, _, missing := load.Expand([]string{dir})
	if len(missing) > 0 {
		t.Fatal(missing)
	}
	return files
}

func TestBriefingFromDBEqualsParsed(t *testing.T) {
	dir := samples(t)
	db := openTemp(t)
	sum := index(t, db, dir)
	files := sampleFiles(t, dir)
	if sum.Added != len(files) || sum.Updated+sum.Unchanged+sum.Removed != 0 {
		t.Fatalf("first index: %+v, want %d added", sum, len(files))
	}
	want := parseFiles(t, files)
	var got []*briefing.Briefing
	for _, f := range files {
		id, ok, err := db.IDForPath(context.Background(), f)
		if err != nil || !ok {
			t.Fatalf("IDForPath(%s) = %v, %v", f, ok, err)
		}
		b, err := db.Briefing(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if err := b.Validate(); err != nil {
			t.Errorf("%s from the DB: %v", f, err)
		}
		got = append(got, b)
	}
	if g, w := exportJSON(t, got), exportJSON(t, want); g != w {
		t.Errorf("briefings from the DB differ from the parsed ones:\n%s", firstDiff(g, w))
	}
	var each []*briefing.Briefing
	if err := db.Each(context.Background(), func(b *briefing.Briefing) error { each = append(each, b); return nil }); err != nil {
		t.Fatal(err)
	}
	if g, w := exportJSON(t, each), exportJSON(t, want); g != w {
		t.Errorf("Each differs from the parsed briefings:\n%s", firstDiff(g, w))
	}
}

func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return "line " + la[i] + "\nwant " + lb[i]
		}
	}
	return "lengths differ"
}

// state returns what the index holds per path: id, hash, indexed_at.
func state(t *testing.T, db *DB) map[string][3]string {
	t.Helper()
	rows, err := db.sql.Query("SELECT path, id, hash, indexed_at FROM briefings")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string][3]string{}
	for rows.Next() {
		var p, id, h, at string
		if err := rows.Scan(&p, &id, &h, &at); err != nil {
			t.Fatal(err)
		}
		out[p] = [3]string{id, h, at}
	}
	return out
}

func TestReindexUpdatesExactlyTheChangedFile(t *testing.T) {
	dir := samples(t)
	db := openTemp(t)
	index(t, db, dir)
	before := state(t, db)

	sum := index(t, db, dir)
	if sum.Unchanged != len(before) || sum.Added+sum.Updated+sum.Removed != 0 {
		t.Fatalf("re-index of unchanged files: %+v", sum)
	}
	if after := state(t, db); !maps.Equal(after, before) {
		t.Fatalf("unchanged re-index touched the index:\n%v\n%v", before, after)
	}

	// Touching a file (new mtime, same content) costs a hash, not a parse.
	files := sampleFiles(t, dir)
	future := time.Now().Add(time.Hour)
	if err := os.Chtimes(files[0], future, future); err != nil {
		t.Fatal(err)
	}
	sum = index(t, db, dir)
	if sum.Unchanged != len(before) || sum.Added+sum.Updated != 0 {
		t.Fatalf("re-index after touch: %+v", sum)
	}

	changed := files[1]
	data, _ := os.ReadFile(changed)
	data = append(data, []byte("\n\n\"We will see a zebrafish accord soon,\" said Ortiz.\n")...)
	if err := os.WriteFile(changed, data, 0o644); err != nil {
		t.Fatal(err)
	}
	sum = index(t, db, dir)
	if sum.Updated != 1 || sum.Added+sum.Removed != 0 || sum.Unchanged != len(before)-1 {
		t.Fatalf("re-index after a change: %+v, want 1 updated", sum)
	}
	after := state(t, db)
	for p, s := range before {
		a := after[p]
		if p == changed {
			if a[0] != s[0] || a[1] == s[1] || a[2] == s[2] {
				t.Errorf("changed file %s: before %v after %v (want same id, new hash and time)", p, s, a)
			}
		} else if a != s {
			t.Errorf("unchanged file %s was rewritten: %v -> %v", p, s, a)
		}
	}
	hits, err := db.Search(context.Background(), Query{Text: "zebrafish"})
	if err != nil || len(hits) != 1 || hits[0].Path != changed {
		t.Fatalf("search for the new text: %v, %v", hits, err)
	}
}

func TestVanishedFileKeepsReadingState(t *testing.T) {
	ctx := context.Background()
	dir := samples(t)
	path := filepath.Join(t.TempDir(), "lib.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	index(t, db, dir)
	file := sampleFiles(t, dir)[2]
	id, _, _ := db.IDForPath(ctx, file)
	if err := db.Opened(ctx, id); err != nil {
		t.Fatal(err)
	}
	if err := db.SetPosition(ctx, id, 7); err != nil {
		t.Fatal(err)
	}
	if err := db.Star(ctx, id, 1, true); err != nil {
		t.Fatal(err)
	}
	db.Close()

	// Reopen: the state is there.
	db, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	checkState := func(when string, id int64) {
		t.Helper()
		es, err := db.Briefings(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var e *Entry
		for i := range es {
			if es[i].Path == file {
				e = &es[i]
			}
		}
		if e == nil || e.Unread || e.Position != 7 {
			t.Fatalf("%s: entry %+v, want read at position 7", when, e)
		}
		st, err := db.IsStarred(ctx, id)
		if err != nil || !st[1] || len(st) != 1 {
			t.Fatalf("%s: starred %v, %v", when, st, err)
		}
		stars, err := db.Starred(ctx)
		if err != nil || len(stars) != 1 || stars[0].Path != file || stars[0].QuoteIndex != 1 {
			t.Fatalf("%s: Starred() = %+v, %v", when, stars, err)
		}
	}
	checkState("after reopen", id)

	// The file vanishes: its briefing leaves the index.
	data, _ := os.ReadFile(file)
	if err := os.Remove(file); err != nil {
		t.Fatal(err)
	}
	if sum := index(t, db, dir); sum.Removed != 1 {
		t.Fatalf("after removing a file: %+v", sum)
	}
	if _, ok, _ := db.IDForPath(ctx, file); ok {
		t.Fatal("vanished file still indexed")
	}
	if stars, _ := db.Starred(ctx); len(stars) != 0 {
		t.Fatalf("stars of a vanished file listed: %v", stars)
	}
	// It comes back: so does its state.
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if sum := index(t, db, dir); sum.Added != 1 {
		t.Fatalf("after restoring the file: %+v", sum)
	}
	id, _, _ = db.IDForPath(ctx, file)
	checkState("after the file came back", id)

	// It moves (same content, new name): the state follows it.
	moved := filepath.Join(dir, "moved-"+filepath.Base(file))
	if err := os.Rename(file, moved); err != nil {
		t.Fatal(err)
	}
	if sum := index(t, db, dir); sum.Added != 1 || sum.Removed != 1 {
		t.Fatalf("after moving the file: %+v", sum)
	}
	file = moved
	id, _, _ = db.IDForPath(ctx, file)
	checkState("after the file moved", id)
}

func TestCancelMidIndexLeavesConsistentDB(t *testing.T) {
	dir := samples(t)
	// Many files, written one per transaction, so cancelling lands
	// between and inside batches.
	src := sampleFiles(t, dir)
	for i := range 40 {
		data, _ := os.ReadFile(src[i%len(src)])
		data = append(data, []byte("\n\nCopy "+strings.Repeat("x", i+1)+".\n")...)
		if err := os.WriteFile(filepath.Join(dir, "copy-"+string(rune('a'+i%26))+string(rune('a'+i/26))+".txt"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	all := sampleFiles(t, dir)
	for _, stopAt := range []int{1, 5, 17} {
		db := openTemp(t)
		ctx, cancel := context.WithCancel(context.Background())
		sum, err := db.Index(ctx, []string{dir}, IndexOptions{BatchFiles: 3, BatchTime: time.Hour, Workers: 2, Progress: func(p Progress) {
			if p.Files >= stopAt {
				cancel()
			}
		}})
		cancel()
		if err == nil {
			t.Fatalf("stop at %d: index finished despite the cancel: %+v", stopAt, sum)
		}
		checkConsistent(t, db)
		n, _ := db.Count(context.Background())
		if n != sum.Added || n%3 != 0 || n >= len(all) {
			t.Errorf("stop at %d: %d briefings indexed, summary says %d added (want whole batches of 3)", stopAt, n, sum.Added)
		}
		// Indexing again completes the job.
		sum = index(t, db, dir)
		if sum.Added != len(all)-n || sum.Unchanged != n {
			t.Errorf("stop at %d: resumed index %+v, want %d added and %d unchanged", stopAt, sum, len(all)-n, n)
		}
		checkConsistent(t, db)
	}
}

// checkConsistent checks SQLite's integrity and that every indexed
// briefing is whole: its counts match its rows and it validates.
func checkConsistent(t *testing.T, db *DB) {
	t.Helper()
	ctx := context.Background()
	var res string
	if err := db.sql.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
		t.Fatalf("integrity_check: %q, %v", res, err)
	}
	if err := db.sql.QueryRow("INSERT INTO quotes_fts(quotes_fts) VALUES ('integrity-check')").Err(); err != nil {
		t.Fatalf("fts integrity: %v", err)
	}
	var orphans int
	db.sql.QueryRow("SELECT count(*) FROM quotes WHERE briefing_id NOT IN (SELECT id FROM briefings)").Scan(&orphans)
	if orphans != 0 {
		t.Fatalf("%d orphan quotes", orphans)
	}
	// Every row's foreign keys hold (the writer writes with them off).
	rows, err := db.sql.Query("PRAGMA foreign_key_check")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var table, parent string
		var rowid, fk any
		rows.Scan(&table, &rowid, &parent, &fk)
		t.Errorf("foreign key check: %s row %v has no %s", table, rowid, parent)
	}
	if err := rows.Close(); err != nil {
		t.Fatal(err)
	}
	es, err := db.Briefings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		b, err := db.Briefing(ctx, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(b.Quotes) != e.Quotes || len(b.Speakers) != e.Speakers || len(b.Paragraphs) == 0 {
			t.Errorf("%s: %d quotes, %d speakers, %d paragraphs; entry says %d, %d", e.Path, len(b.Quotes), len(b.Speakers), len(b.Paragraphs), e.Quotes, e.Speakers)
		}
		if err := b.Validate(); err != nil {
			t.Errorf("%s: %v", e.Path, err)
		}
	}
}

func TestBriefingsNewestFirstAndNew(t *testing.T) {
	ctx := context.Background()
	dir := samples(t)
	db := openTemp(t)
	index(t, db, dir)
	es, err := db.Briefings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var dates []string
	for _, e := range es {
		if !e.Date.IsZero() {
			dates = append(dates, e.Date.Format("2006-01-02"))
		}
		// Never looked at: unread, but not "new since last time".
		if !e.Unread || e.New {
			t.Errorf("%s: fresh entry unread=%v new=%v, want unread and not new", e.Path, e.Unread, e.New)
		}
	}
	if len(dates) < 3 || !sort.IsSorted(sort.Reverse(sort.StringSlice(dates))) {
		t.Errorf("dates not newest first: %v", dates)
	}
	if err := db.MarkLibrarySeen(ctx); err != nil {
		t.Fatal(err)
	}
	added := filepath.Join(dir, "later.txt")
	if err := os.WriteFile(added, []byte("MS. LEAVITT: Good afternoon.\n\nQ Thank you.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	index(t, db, dir)
	es, _ = db.Briefings(ctx)
	for _, e := range es {
		if e.New != (e.Path == added) {
			t.Errorf("%s: new=%v after MarkLibrarySeen and indexing %s", e.Path, e.New, added)
		}
	}
}

// TestPutPathIndexedMeanwhile: a file this run took for new may have been
// indexed by another brief since (the reader re-indexing what its watcher
// saw): writing it replaces that row instead of failing the run.
func TestPutPathIndexedMeanwhile(t *testing.T) {
	ctx := context.Background()
	dir := samples(t)
	db := openTemp(t)
	index(t, db, dir)
	n, _ := db.Count(ctx)
	var id int64
	var path, hash string
	if err := db.sql.QueryRow("SELECT id, path, hash FROM briefings ORDER BY id LIMIT 1").Scan(&id, &path, &hash); err != nil {
		t.Fatal(err)
	}
	b, err := db.Briefing(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	w, err := newWriter(ctx, db.sql)
	if err != nil {
		t.Fatal(err)
	}
	got, err := w.put(ctx, fileStamp{path: path, size: 1, mtime: 2, hash: hash}, "test", b, false)
	if err != nil {
		w.rollback()
		t.Fatalf("put of a path indexed meanwhile: %v", err)
	}
	if err := w.commit(ctx); err != nil {
		t.Fatal(err)
	}
	if got != id {
		t.Errorf("briefing id %d, want the row's %d", got, id)
	}
	if m, _ := db.Count(ctx); m != n {
		t.Errorf("%d briefings after, want %d", m, n)
	}
	checkConsistent(t, db)
}

// TestReplaceAndRemoveLeaveNoOrphans re-indexes a changed file and a
// removed one and checks the library holds the rows a new library of the
// same files holds, and no row whose briefing or quote is gone.
func TestReplaceAndRemoveLeaveNoOrphans(t *testing.T) {
	dir := samples(t)
	db := openTemp(t)
	index(t, db, dir)
	files := sampleFiles(t, dir)
	data, _ := os.ReadFile(files[0])
	data = append(data, []byte("\n\n\"The economy and trade matter,\" said Ortiz.\n")...)
	if err := os.WriteFile(files[0], data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(files[1]); err != nil {
		t.Fatal(err)
	}
	if sum := index(t, db, dir); sum.Updated != 1 || sum.Removed != 1 {
		t.Fatalf("re-index: %+v, want 1 updated and 1 removed", sum)
	}
	checkConsistent(t, db)
	fresh := openTemp(t)
	index(t, fresh, dir)
	for _, table := range append([]string{"briefings", "quotes_fts_docsize", "paragraphs_fts_docsize"}, childTables...) {
		var n, want int
		if err := db.sql.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if err := fresh.sql.QueryRow("SELECT count(*) FROM " + table).Scan(&want); err != nil {
			t.Fatal(err)
		}
		if n != want || want == 0 {
			t.Errorf("%s: %d rows after the re-index, %d in a new library", table, n, want)
		}
	}
}
