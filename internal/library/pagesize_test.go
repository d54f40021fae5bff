package library

import (
	"context"
	"database/sql"
	"encoding/binary"
	"path/filepath"
	"testing"
)

// pageSize returns the page size and journal mode of an open library, and
// the page size its file's header holds.
func pageSize(t *testing.T, db *DB) (size int, mode string, header int) {
	t.Helper()
	ctx := context.Background()
	if err := db.sql.QueryRowContext(ctx, "PRAGMA page_size").Scan(&size); err != nil {
		t.Fatal(err)
	}
	if err := db.sql.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		t.Fatal(err)
	}
	head, n := readHeader(db.Path())
	if n < 100 {
		t.Fatalf("header of %d bytes", n)
	}
	return size, mode, int(binary.BigEndian.Uint16(head[16:]))
}

// TestNewLibraryPageSize checks a new library is made of 16 KiB pages in
// WAL mode, and a library made with SQLite's 4 KiB pages keeps them.
func TestNewLibraryPageSize(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "lib.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	size, mode, header := pageSize(t, db)
	db.Close()
	if size != 16384 || header != 16384 || mode != "wal" {
		t.Errorf("new library: page_size %d (header %d), journal_mode %s; want 16384, wal", size, header, mode)
	}

	// A library whose file was made with 4 KiB pages (as by brief
	// before schema 5's release) and not in WAL mode yet.
	old := filepath.Join(t.TempDir(), "old.db")
	s, err := sql.Open("sqlite", dsn(old))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Exec("PRAGMA page_size = 4096; PRAGMA application_id = 1651664433; CREATE TABLE x (y); DROP TABLE x"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err = Open(ctx, old)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	size, mode, header = pageSize(t, db)
	if size != 4096 || header != 4096 || mode != "wal" {
		t.Errorf("4 KiB library: page_size %d (header %d), journal_mode %s; want 4096, wal", size, header, mode)
	}
	if v, err := db.SchemaVersion(ctx); err != nil || v != len(migrations) {
		t.Errorf("4 KiB library: schema %d, %v; want %d", v, err, len(migrations))
	}
}
