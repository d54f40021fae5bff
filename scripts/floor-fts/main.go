// Command floor-fts measures what the library's store costs before brief
// does any work of its own: it reads every *.md file under a folder, splits
// each into paragraphs at blank lines, and writes them to a new SQLite
// database the way the library does (modernc.org/sqlite, WAL, 16 KiB pages,
// one table of paragraph text with an external-content FTS5 index over it,
// 32 MiB hashsize and automerge 16, a transaction per 256 files). Files are
// read and split before the clock starts: what is timed is the database's
// work alone, all of it on one goroutine, as SQLite has one writer. No
// parsing, no speakers, no quotes, no topics: the text and its full-text
// index only. scripts/bench-library.sh prints it next to the cold index.
//
//	go run ./scripts/floor-fts [-fts=false] CORPUS
//
// With -fts=false the full-text index is left out: the rows alone.
package main

import (
	"bytes"
	"database/sql"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	_ "modernc.org/sqlite"
)

func main() {
	fts := flag.Bool("fts", true, "index the text with FTS5")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: floor-fts [-fts=false] CORPUS")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *fts); err != nil {
		fmt.Fprintln(os.Stderr, "floor-fts:", err)
		os.Exit(1)
	}
}

func run(corpus string, fts bool) error {
	dir, err := os.MkdirTemp("", "floor-fts")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	dsn := "file:" + filepath.Join(dir, "floor.db") + "?_pragma=synchronous(NORMAL)&_pragma=cache_size(-16384)&_pragma=temp_store(MEMORY)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, q := range []string{
		"PRAGMA page_size = 16384",
		"PRAGMA journal_mode = WAL",
		"CREATE TABLE paragraphs (id INTEGER PRIMARY KEY, text TEXT NOT NULL)",
		"CREATE VIRTUAL TABLE paragraphs_fts USING fts5(text, content='paragraphs', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
		"INSERT INTO paragraphs_fts(paragraphs_fts, rank) VALUES ('hashsize', 33554432)",
		"INSERT INTO paragraphs_fts(paragraphs_fts, rank) VALUES ('automerge', 16)",
	} {
		if _, err := db.Exec(q); err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
	}

	var files []string
	err = filepath.WalkDir(corpus, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return err
	}

	// Read and split every file first, so that what is timed is the
	// database's work alone.
	var texts [][]string
	var bytesIn, paras int64
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		bytesIn += int64(len(b))
		var ps []string
		for _, para := range bytes.Split(b, []byte("\n\n")) {
			if t := strings.TrimSpace(string(para)); t != "" {
				ps = append(ps, t)
			}
		}
		paras += int64(len(ps))
		texts = append(texts, ps)
	}

	cpu0 := cpuTime()
	start := time.Now()
	var id int64
	const perTx, perInsert = 256, 100
	for i := 0; i < len(texts); i += perTx {
		tx, err := db.Begin()
		if err != nil {
			return err
		}
		first := id + 1
		var batch []any
		flush := func() error {
			if len(batch) == 0 {
				return nil
			}
			q := "INSERT INTO paragraphs (id, text) VALUES " + strings.TrimSuffix(strings.Repeat("(?,?),", len(batch)/2), ",")
			_, err := tx.Exec(q, batch...)
			batch = batch[:0]
			return err
		}
		for _, ps := range texts[i:min(i+perTx, len(texts))] {
			for _, t := range ps {
				id++
				batch = append(batch, id, t)
				if len(batch) == 2*perInsert {
					if err := flush(); err != nil {
						return err
					}
				}
			}
		}
		if err := flush(); err != nil {
			return err
		}
		if fts {
			if _, err := tx.Exec("INSERT INTO paragraphs_fts(rowid, text) SELECT id, text FROM paragraphs WHERE id >= ?", first); err != nil {
				return err
			}
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	wall := time.Since(start)
	cpu := cpuTime() - cpu0
	what := "rows and full-text index"
	if !fts {
		what = "rows alone"
	}
	fmt.Printf("%s: files %d, %.0f MB, paragraphs %d: wall %.2f s, CPU %.2f s\n",
		what, len(files), float64(bytesIn)/1e6, paras, wall.Seconds(), cpu.Seconds())
	return nil
}

// cpuTime is the process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
