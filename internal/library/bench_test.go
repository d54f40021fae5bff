package library

import (
	"cmp"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-reader/brief/internal/load"
)

// corpusSample returns up to n files of ../shared/corpus/whitehouse, or
// skips when it is absent.
func corpusSample(b *testing.B, n int) []string {
	b.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "corpus", "whitehouse", "press-briefings")
	if _, err := os.Stat(dir); err != nil {
		b.Skip("no corpus at", dir)
	}
	files, _, _ := load.Expand([]string{dir})
	return files[:min(n, len(files))]
}

// BenchmarkIndex indexes 300 press briefings of the corpus into a new
// library: go test -bench Index -benchtime 1x -cpuprofile cpu.out
func BenchmarkIndex(b *testing.B) {
	files := corpusSample(b, 300)
	for b.Loop() {
		db, err := Open(context.Background(), filepath.Join(b.TempDir(), "lib.db"))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := db.Index(context.Background(), files, IndexOptions{}); err != nil {
			b.Fatal(err)
		}
		db.Close()
	}
}

// benchLibrary opens the library named by $BRIEF_BENCH_LIBRARY (one made by
// brief index over the corpus, say), or skips.
func benchLibrary(b *testing.B) *DB {
	b.Helper()
	path := os.Getenv("BRIEF_BENCH_LIBRARY")
	if path == "" {
		b.Skip("set BRIEF_BENCH_LIBRARY to a library made by brief index")
	}
	db, err := Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db
}

// BenchmarkBriefingLargest rebuilds the library's largest briefing from
// the database: what opening it in the reader costs.
func BenchmarkBriefingLargest(b *testing.B) {
	db := benchLibrary(b)
	var id int64
	if err := db.sql.QueryRow("SELECT id FROM briefings ORDER BY words DESC LIMIT 1").Scan(&id); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := db.Briefing(context.Background(), id); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBriefings lists the library, as the reader's Library pane does.
func BenchmarkBriefings(b *testing.B) {
	db := benchLibrary(b)
	for b.Loop() {
		if _, err := db.Briefings(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearchSpeaker is brief search tariffs --speaker Leavitt.
func BenchmarkSearchSpeaker(b *testing.B) {
	db := benchLibrary(b)
	for b.Loop() {
		if _, err := db.Search(context.Background(), Query{Text: "tariffs", Speaker: "Leavitt", Limit: 20}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenSearchClose is what brief search costs beyond starting
// the process: open the library, search, close.
func BenchmarkOpenSearchClose(b *testing.B) {
	path := os.Getenv("BRIEF_BENCH_LIBRARY")
	if path == "" {
		b.Skip("set BRIEF_BENCH_LIBRARY to a library made by brief index")
	}
	for b.Loop() {
		db, err := Open(context.Background(), path)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := db.Search(context.Background(), Query{Text: "tariffs", Speaker: "Leavitt", Limit: 20}); err != nil {
			b.Fatal(err)
		}
		db.Close()
	}
}

// BenchmarkReindexUnchanged indexes again the roots of the library named
// by $BRIEF_BENCH_LIBRARY, where nothing changed: one stat a file.
func BenchmarkReindexUnchanged(b *testing.B) {
	db := benchLibrary(b)
	roots, err := db.Roots(context.Background())
	if err != nil || len(roots) == 0 {
		b.Skip("the library has no roots")
	}
	// The stamp brief index used (its version and topics files).
	var parser string
	if err := db.sql.QueryRow("SELECT parser FROM briefings LIMIT 1").Scan(&parser); err != nil {
		b.Fatal(err)
	}
	_, stamp, _ := strings.Cut(parser, "/")
	for b.Loop() {
		sum, err := db.Index(context.Background(), roots, IndexOptions{Stamp: stamp})
		if err != nil || sum.Added+sum.Updated+sum.Removed > 0 {
			b.Fatalf("%+v, %v", sum, err)
		}
	}
}

// BenchmarkSpeakerQuotes is the cross-briefing view of a prolific speaker
// ($BRIEF_BENCH_SPEAKER, default Karine Jean-Pierre).
func BenchmarkSpeakerQuotes(b *testing.B) {
	db := benchLibrary(b)
	name := cmp.Or(os.Getenv("BRIEF_BENCH_SPEAKER"), "Karine Jean-Pierre")
	for b.Loop() {
		hits, err := db.SpeakerQuotes(context.Background(), name)
		if err != nil || len(hits) == 0 {
			b.Fatalf("%d hits, %v", len(hits), err)
		}
	}
}

// BenchmarkSearchCommonWord searches a word nearly every quote holds, with
// no filter: every match is ranked before the top 20 are kept.
func BenchmarkSearchCommonWord(b *testing.B) {
	db := benchLibrary(b)
	for b.Loop() {
		hits, err := db.Search(context.Background(), Query{Text: "the", Limit: 20})
		if err != nil || len(hits) != 20 {
			b.Fatal(len(hits), err)
		}
	}
}
