// Package library keeps the briefings a user has read in an embedded SQLite
// database: indexed once, searchable across speakers, topics and time, with
// reading state (position, opened, starred quotes) that survives a crash.
//
// The database is modernc.org/sqlite, SQLite compiled to pure Go, so brief
// builds with CGO_ENABLED=0. It runs in WAL mode; every change is one
// transaction, so a kill at any moment leaves the last committed state.
//
// This package is domain code: it never imports a terminal UI library.
package library

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// appID marks a brief library in the SQLite header (PRAGMA application_id):
// "brf1".
const appID = 0x62726631

// EnvPath is the environment variable that overrides the library's path.
const EnvPath = "BRIEF_LIBRARY"

// DB is an open library.
type DB struct {
	sql       *sql.DB
	path      string
	recovered string
}

// DefaultPath returns where the library lives: $BRIEF_LIBRARY, else
// $XDG_DATA_HOME/brief/library.db, else ~/.local/share/brief/library.db.
func DefaultPath() (string, error) {
	return PathFrom(os.Getenv, os.UserHomeDir)
}

// PathFrom is DefaultPath with the environment and home folder given.
func PathFrom(getenv func(string) string, home func() (string, error)) (string, error) {
	if p := getenv(EnvPath); p != "" {
		return p, nil
	}
	dir := getenv("XDG_DATA_HOME")
	if dir == "" || !filepath.IsAbs(dir) {
		h, err := home()
		if err != nil || h == "" {
			return "", fmt.Errorf("cannot find the library: neither %s, XDG_DATA_HOME nor a home folder is set", EnvPath)
		}
		dir = filepath.Join(h, ".local", "share")
	}
	return filepath.Join(dir, "brief", "library.db"), nil
}

// Open opens the library at path, creating it (and its folder) if needed,
// and brings its schema up to date. A file that is not a brief library (a
// foreign or corrupt file) is moved aside to path + ".corrupt-<time>" and
// a fresh library is created; Recovered then returns where it went. A
// library written by a newer brief is refused, never overwritten.
func Open(ctx context.Context, path string) (*DB, error) {
	return openAt(ctx, path, len(migrations))
}

// OpenExisting opens the library at path as Open does, but never moves a
// file aside: a file that is not a brief library (a foreign or corrupt
// file) is an error that names it, and the file is left as it was. The
// commands that only read the library (search, export, topics) open it so;
// only brief index replaces a broken file.
func OpenExisting(ctx context.Context, path string) (*DB, error) {
	return openKeep(ctx, path, len(migrations), true)
}

// NotLibraryError is OpenExisting's error for a file that is not a brief
// library.
type NotLibraryError struct {
	Path, Reason string
}

func (e *NotLibraryError) Error() string {
	return fmt.Sprintf("library %s is not a brief library (%s); it was left as it is: give another library, or run brief index on it to move it aside and start a new one", e.Path, e.Reason)
}

// openAt opens the library with its schema migrated up to version (tests
// build older schemas with it).
func openAt(ctx context.Context, path string, version int) (*DB, error) {
	return openKeep(ctx, path, version, false)
}

// openKeep is openAt; keep refuses a bad file instead of moving it aside.
func openKeep(ctx context.Context, path string, version int, keep bool) (*DB, error) {
	if path == "" {
		return nil, errors.New("library: empty path")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("library %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return nil, fmt.Errorf("library %s: %w", path, err)
	}
	db := &DB{path: abs}
	if reason := checkHeader(abs); reason != "" {
		if keep {
			return nil, &NotLibraryError{Path: path, Reason: reason}
		}
		if err := db.moveAside(reason); err != nil {
			return nil, err
		}
	}
	err = db.open(ctx, version)
	var bad *badFile
	if errors.As(err, &bad) && keep {
		if db.sql != nil {
			db.sql.Close()
		}
		return nil, &NotLibraryError{Path: path, Reason: bad.reason}
	}
	if errors.As(err, &bad) && db.recovered == "" {
		if db.sql != nil {
			db.sql.Close()
		}
		if err := db.moveAside(bad.reason); err != nil {
			return nil, err
		}
		err = db.open(ctx, version)
	}
	if err != nil {
		if db.sql != nil {
			db.sql.Close()
		}
		return nil, fmt.Errorf("library %s: %w", path, err)
	}
	return db, nil
}

// badFile is a library file that cannot be used and may be moved aside.
type badFile struct{ reason string }

func (b *badFile) Error() string { return b.reason }

// sqliteHeader starts every SQLite database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// checkHeader returns why the file at path is not a SQLite database, or ""
// when it is one, is empty or does not exist.
func checkHeader(path string) string {
	head, n := readHeader(path)
	if n > 0 && !bytes.Equal(head[:min(n, len(sqliteHeader))], sqliteHeader) {
		return "not a SQLite database"
	}
	return ""
}

// readHeader returns the first 100 bytes of a file (the SQLite header)
// and how many there were.
func readHeader(path string) ([]byte, int) {
	head := make([]byte, 100)
	f, err := os.Open(path)
	if err != nil {
		return head, 0
	}
	defer f.Close()
	n, _ := io.ReadFull(f, head)
	return head, n
}

// isLibrary reports whether the file's SQLite header carries brief's
// application id and a schema this brief knows (a committed library whose
// header is in the main file): then nothing needs checking before it is
// opened for writing.
func isLibrary(path string) bool {
	head, n := readHeader(path)
	if n < 100 || !bytes.Equal(head[:len(sqliteHeader)], sqliteHeader) {
		return false
	}
	userVersion, id := binary.BigEndian.Uint32(head[60:]), binary.BigEndian.Uint32(head[68:])
	return id == appID && userVersion <= uint32(len(migrations))
}

// dsn is the driver's name for the database at an absolute path, as a URI
// so that no character of the path is read as a parameter.
func dsn(abs string, params ...string) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // file:///C:/… for a Windows drive
	}
	u := url.URL{Scheme: "file", Path: p}
	return u.String() + "?" + strings.Join(params, "&")
}

// pragmas set up every connection: a wait for a lock held by another
// brief; cascading deletes. (WAL is set once, by setup: it is a property
// of the file.)
var pragmas = []string{
	"_pragma=busy_timeout(10000)",
	"_pragma=foreign_keys(1)",
	"_pragma=synchronous(NORMAL)",
	// 16 MiB of page cache (the default is 2 MiB): indexing inserts into
	// several B-trees at once, which thrash a small cache. With 16 KiB
	// pages a cold index filled 64 MiB (RSS 640 MB over the corpus,
	// 330 MB with 16 MiB) for no CPU it saved.
	"_pragma=cache_size(-16384)",
	// Pages are read through a memory map (up to 1 GiB) rather than a
	// read call each: a search in a new process touches thousands.
	"_pragma=mmap_size(1073741824)",
	// Sorts and temporary indexes stay in memory, not in files.
	"_pragma=temp_store(MEMORY)",
	"_txlock=immediate",
}

// open opens the SQL database and migrates it; a file SQLite cannot read,
// or a SQLite database of another program, is a badFile.
func (db *DB) open(ctx context.Context, version int) error {
	if _, err := os.Stat(db.path); err == nil && !isLibrary(db.path) {
		// Look before changing anything: the connection's pragmas
		// (WAL) would write to another program's database.
		ro, err := sql.Open("sqlite", dsn(db.path, "mode=ro"))
		if err != nil {
			return err
		}
		err = db.check(ctx, ro, version)
		ro.Close()
		if err != nil {
			return err
		}
	}
	s, err := sql.Open("sqlite", dsn(db.path, pragmas...))
	if err != nil {
		return err
	}
	db.sql = s
	if err := db.check(ctx, s, version); err != nil {
		return err
	}
	if err := setup(ctx, s); err != nil {
		return classify(err)
	}
	var uv int
	if err := s.QueryRowContext(ctx, "PRAGMA user_version").Scan(&uv); err != nil {
		return classify(err)
	}
	return db.migrate(ctx, uv, version)
}

// setup puts the database in WAL mode, so that readers never wait for the
// writer and a kill loses at most the transaction in flight. A new library
// is made of 16 KiB pages (SQLite's default is 4 KiB; an existing library
// keeps its own): a cold index writes every page to the WAL and again to
// the database, a system call or two a page, and paragraphs longer than a
// page spill to overflow pages. Both are set on one connection, the page
// size first: the WAL switch writes the file's header, which fixes it.
func setup(ctx context.Context, s *sql.DB) error {
	conn, err := s.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "PRAGMA page_size = 16384"); err != nil {
		return err
	}
	var mode string
	if err := conn.QueryRowContext(ctx, "PRAGMA journal_mode = WAL").Scan(&mode); err != nil {
		return err
	}
	if mode != "wal" {
		return fmt.Errorf("cannot use the write-ahead log (journal mode %s)", mode)
	}
	return nil
}

// check returns a badFile unless s is empty or a brief library, and an
// error for a library of a newer brief.
func (db *DB) check(ctx context.Context, s *sql.DB, version int) error {
	var id, uv int
	if err := s.QueryRowContext(ctx, "PRAGMA application_id").Scan(&id); err != nil {
		return classify(err)
	}
	if err := s.QueryRowContext(ctx, "PRAGMA user_version").Scan(&uv); err != nil {
		return classify(err)
	}
	var tables int
	if err := s.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(&tables); err != nil {
		return classify(err)
	}
	switch {
	case id == 0 && uv == 0 && tables == 0:
		// A new, empty database.
	case id != appID:
		return &badFile{reason: "a SQLite database of another program"}
	case uv > len(migrations):
		return fmt.Errorf("written by a newer brief (schema %d, this brief knows up to %d): upgrade brief or use another --library", uv, len(migrations))
	}
	return nil
}

// classify turns SQLite's "not a database" and "malformed" errors into a
// badFile and leaves others (a full disk, a locked file) as they are.
func classify(err error) error {
	msg := err.Error()
	if strings.Contains(msg, "not a database") || strings.Contains(msg, "malformed") || strings.Contains(msg, "corrupt") {
		return &badFile{reason: "corrupt: " + msg}
	}
	return err
}

// moveAside renames a bad library file (with its WAL and shared-memory
// files) out of the way, so that it is kept for the user to inspect.
func (db *DB) moveAside(reason string) error {
	to := fmt.Sprintf("%s.corrupt-%s", db.path, time.Now().UTC().Format("20060102T150405Z"))
	if err := os.Rename(db.path, to); err != nil {
		return fmt.Errorf("library %s is unusable (%s) and could not be moved aside: %w", db.path, reason, err)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(db.path + suffix); err == nil {
			os.Rename(db.path+suffix, to+suffix)
		}
	}
	db.recovered = to
	return nil
}

// Path returns the library's file.
func (db *DB) Path() string { return db.path }

// Recovered returns "" or, when Open found a corrupt or foreign file, the
// path it moved that file to.
func (db *DB) Recovered() string { return db.recovered }

// Close closes the library.
func (db *DB) Close() error { return db.sql.Close() }

// SchemaVersion returns the schema version of the open library.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := db.sql.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, err
}

// migrate brings the schema from version from to version to, each step in
// its own transaction with the version it reaches.
func (db *DB) migrate(ctx context.Context, from, to int) error {
	for v := from; v < to; v++ {
		tx, err := db.sql.BeginTx(ctx, nil)
		if err != nil {
			return classify(err)
		}
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrating the schema to version %d: %w", v+1, classify(err))
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d; PRAGMA application_id = %d", v+1, appID)); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}
