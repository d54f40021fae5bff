package library

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-reader/brief/internal/briefing"
)

func TestMigrationsFromFirstSchema(t *testing.T) {
	ctx := context.Background()
	dir := samples(t)
	path := filepath.Join(t.TempDir(), "old.db")
	old, err := openAt(ctx, path, 1)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := old.SchemaVersion(ctx); v != 1 {
		t.Fatalf("old library at schema %d, want 1", v)
	}
	index(t, old, dir)
	file := sampleFiles(t, dir)[0]
	id, _, _ := old.IDForPath(ctx, file)
	if err := old.SetPosition(ctx, id, 3); err != nil {
		t.Fatal(err)
	}
	if err := old.Star(ctx, id, 0, true); err != nil {
		t.Fatal(err)
	}
	if _, err := old.Search(ctx, Query{Text: "india", Paragraphs: true}); err == nil {
		t.Fatal("schema 1 has no paragraph search, yet it worked")
	}
	var before []*briefing.Briefing
	old.Each(ctx, func(b *briefing.Briefing) error { before = append(before, b); return nil })
	old.Close()

	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v, _ := db.SchemaVersion(ctx); v != len(migrations) {
		t.Fatalf("migrated library at schema %d, want %d", v, len(migrations))
	}
	var after []*briefing.Briefing
	db.Each(ctx, func(b *briefing.Briefing) error { after = append(after, b); return nil })
	if g, w := exportJSON(t, after), exportJSON(t, before); g != w || len(after) == 0 {
		t.Fatalf("briefings changed in the migration:\n%s", firstDiff(g, w))
	}
	// Migration 2 indexed the paragraphs that were there.
	hits, err := db.Search(ctx, Query{Text: "'india", Paragraphs: true})
	if err != nil || len(hits) == 0 {
		t.Fatalf("paragraph search after the migration: %d hits, %v", len(hits), err)
	}
	for _, h := range hits {
		if !strings.Contains(strings.ToLower(h.Text), "india") || h.QuoteIndex != -1 {
			t.Errorf("paragraph hit %+v", h)
		}
	}
	es, _ := db.Briefings(ctx)
	for _, e := range es {
		if e.Path == file && e.Position != 3 {
			t.Errorf("position after the migration: %d, want 3", e.Position)
		}
	}
	if st, _ := db.IsStarred(ctx, id); !st[0] {
		t.Error("star lost in the migration")
	}
	var res string
	db.sql.QueryRow("PRAGMA integrity_check").Scan(&res)
	if res != "ok" {
		t.Errorf("integrity_check: %s", res)
	}
}

// badFileCase writes a file that is not a usable brief library.
type badFileCase struct {
	name  string
	write func(t *testing.T, path string)
}

func badFileCases(ctx context.Context) []badFileCase {
	return []badFileCase{
		{"text file", func(t *testing.T, path string) {
			os.WriteFile(path, []byte("these are my notes, not a database\n"), 0o644)
		}},
		{"truncated library", func(t *testing.T, path string) {
			db, err := Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			index(t, db, samples(t))
			db.Close()
			data, _ := os.ReadFile(path)
			// Keep the header, garble the pages.
			for i := 100; i < len(data); i++ {
				data[i] ^= 0x5a
			}
			os.WriteFile(path, data, 0o644)
			os.Remove(path + "-wal")
			os.Remove(path + "-shm")
		}},
		{"another program's database", func(t *testing.T, path string) {
			s, err := sql.Open("sqlite", path)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.Exec("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO photos (name) VALUES ('cat')"); err != nil {
				t.Fatal(err)
			}
			s.Close()
		}},
	}
}

func TestCorruptFileMovedAside(t *testing.T) {
	ctx := context.Background()
	for _, tc := range badFileCases(ctx) {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "library.db")
			tc.write(t, path)
			orig, _ := os.ReadFile(path)
			db, err := Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			moved := db.Recovered()
			if moved == "" || !strings.HasPrefix(moved, path+".corrupt-") {
				t.Fatalf("Recovered() = %q, want %s.corrupt-…", moved, path)
			}
			kept, err := os.ReadFile(moved)
			if err != nil || !bytes.Equal(kept, orig) {
				t.Fatalf("the broken file was not kept as it was at %s: %v", moved, err)
			}
			// The new library works.
			index(t, db, samples(t))
			if n, _ := db.Count(ctx); n == 0 {
				t.Fatal("the new library is empty after indexing")
			}
		})
	}
}

func TestNewerLibraryIsRefusedNotOverwritten(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "library.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.sql.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	orig, _ := os.ReadFile(path)
	_, err = Open(ctx, path)
	if err == nil || !strings.Contains(err.Error(), "newer brief") || !strings.Contains(err.Error(), path) {
		t.Fatalf("Open of a newer library: %v", err)
	}
	now, _ := os.ReadFile(path)
	if !bytes.Equal(now, orig) {
		t.Fatal("a newer library was changed")
	}
	if m, _ := filepath.Glob(path + ".corrupt-*"); len(m) > 0 {
		t.Fatalf("a newer library was moved aside: %v", m)
	}
}

func TestDefaultPath(t *testing.T) {
	env := map[string]string{}
	get := func(k string) string { return env[k] }
	home := func() (string, error) { return "/home/u", nil }
	check := func(want string) {
		t.Helper()
		got, err := PathFrom(get, home)
		if err != nil || got != want {
			t.Errorf("PathFrom with %v = %q, %v; want %q", env, got, err, want)
		}
	}
	check("/home/u/.local/share/brief/library.db")
	env["XDG_DATA_HOME"] = "/data"
	check("/data/brief/library.db")
	env["XDG_DATA_HOME"] = "relative" // the XDG spec says to ignore it
	check("/home/u/.local/share/brief/library.db")
	env[EnvPath] = "/x/lib.db"
	check("/x/lib.db")
	if _, err := PathFrom(func(string) string { return "" }, func() (string, error) { return "", os.ErrNotExist }); err == nil {
		t.Error("no environment and no home: no error")
	}
}

func TestPathWithURICharacters(t *testing.T) {
	// ?, # and % in a path are file name characters, not URI syntax.
	dir := filepath.Join(t.TempDir(), "a?b#c%20d")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "lib rary.db")
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	index(t, db, samples(t))
	db.Close()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the library is not where it was asked to be: %v", err)
	}
	if m, _ := filepath.Glob(filepath.Join(filepath.Dir(dir), "*")); len(m) != 1 || m[0] != dir {
		t.Errorf("files beside the folder: %v", m)
	}
}

// TestOpenExistingLeavesBadFile: a command that only reads the library
// never renames or changes a file that is not one; it says which file.
func TestOpenExistingLeavesBadFile(t *testing.T) {
	ctx := context.Background()
	for _, tc := range badFileCases(ctx) {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "library.db")
			tc.write(t, path)
			orig, _ := os.ReadFile(path)
			db, err := OpenExisting(ctx, path)
			if err == nil {
				db.Close()
				t.Fatal("OpenExisting opened a file that is not a brief library")
			}
			var nl *NotLibraryError
			if !errors.As(err, &nl) || !strings.Contains(err.Error(), path) {
				t.Errorf("error %v: want a NotLibraryError naming %s", err, path)
			}
			now, _ := os.ReadFile(path)
			if !bytes.Equal(now, orig) {
				t.Errorf("the file changed (%d bytes, was %d)", len(now), len(orig))
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				// SQLite's own -wal and -shm may appear; nothing else.
				if n := e.Name(); n != "library.db" && n != "library.db-wal" && n != "library.db-shm" {
					t.Errorf("OpenExisting left %s beside the file", e.Name())
				}
			}
		})
	}
	// A library that is whole opens, and a missing one is created.
	db, err := OpenExisting(ctx, filepath.Join(t.TempDir(), "new.db"))
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
}
