package library

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"time"
)

// absPath is how the library names a file: its absolute path.
func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// pathHash returns the path and content hash of a briefing.
func pathHash(ctx context.Context, q querier, id int64) (string, string, error) {
	var p, h string
	err := q.QueryRowContext(ctx, "SELECT path, hash FROM briefings WHERE id = ?", id).Scan(&p, &h)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", fmt.Errorf("briefing %d: %w", id, ErrNotFound)
	}
	return p, h, err
}

// inTx runs fn in a write transaction.
func (db *DB) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// Opened records that the user opened a briefing: it is read, and no
// longer new.
func (db *DB) Opened(ctx context.Context, id int64) error {
	return db.inTx(ctx, func(tx *sql.Tx) error {
		p, h, err := pathHash(ctx, tx, id)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO reading (path, hash, opened_at) VALUES (?, ?, ?)
			ON CONFLICT(path) DO UPDATE SET hash = excluded.hash, opened_at = excluded.opened_at`, p, h, time.Now().UnixNano())
		return err
	})
}

// SetPosition records the paragraph the user last read in a briefing.
func (db *DB) SetPosition(ctx context.Context, id int64, paragraph int) error {
	if paragraph < 0 {
		return fmt.Errorf("position %d: must not be negative", paragraph)
	}
	return db.inTx(ctx, func(tx *sql.Tx) error {
		p, h, err := pathHash(ctx, tx, id)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO reading (path, hash, position) VALUES (?, ?, ?)
			ON CONFLICT(path) DO UPDATE SET hash = excluded.hash, position = excluded.position`, p, h, paragraph)
		return err
	})
}

// Star stars (on) or unstars a quote of a briefing, by its index in
// Briefing.Quotes.
func (db *DB) Star(ctx context.Context, id int64, quoteIndex int, on bool) error {
	return db.inTx(ctx, func(tx *sql.Tx) error {
		p, h, err := pathHash(ctx, tx, id)
		if err != nil {
			return err
		}
		if !on {
			_, err = tx.ExecContext(ctx, "DELETE FROM stars WHERE path = ? AND quote = ?", p, quoteIndex)
			return err
		}
		var text string
		err = tx.QueryRowContext(ctx, "SELECT text FROM quotes WHERE briefing_id = ? AND idx = ?", id, quoteIndex).Scan(&text)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("briefing %d has no quote %d", id, quoteIndex)
		}
		if err != nil {
			return err
		}
		// A reading row ties the path to its content hash, so that the
		// stars follow the file if it moves.
		if _, err := tx.ExecContext(ctx, "INSERT INTO reading (path, hash) VALUES (?, ?) ON CONFLICT(path) DO NOTHING", p, h); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO stars (path, quote, text, starred_at) VALUES (?, ?, ?, ?)
			ON CONFLICT(path, quote) DO UPDATE SET text = excluded.text`, p, quoteIndex, text, time.Now().UnixNano())
		return err
	})
}

// IsStarred returns the indexes of the starred quotes of one briefing.
func (db *DB) IsStarred(ctx context.Context, id int64) (map[int]bool, error) {
	out := map[int]bool{}
	err := eachRow(ctx, db.sql, `SELECT s.quote FROM stars s JOIN briefings b ON b.path = s.path WHERE b.id = ?`, []any{id},
		func(r *sql.Rows) error {
			var q int
			err := r.Scan(&q)
			out[q] = true
			return err
		})
	return out, err
}

// Starred returns the starred quotes of the briefings in the library, in
// date order. Stars of files that are gone from the index are kept, but
// not listed until the file is back.
func (db *DB) Starred(ctx context.Context) ([]Hit, error) {
	return db.hits(ctx, `FROM stars s JOIN briefings b ON b.path = s.path JOIN quotes q ON q.briefing_id = b.id AND q.idx = s.quote`,
		"", nil, "b.day = '', b.day, b.id, q.idx", 0)
}

const librarySeenKey = "library_seen"

// MarkLibrarySeen sets the baseline of "new": briefings added or changed
// after it are new until opened.
func (db *DB) MarkLibrarySeen(ctx context.Context) error {
	_, err := db.sql.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
		librarySeenKey, strconv.FormatInt(time.Now().UnixNano(), 10))
	return err
}

func (db *DB) librarySeen(ctx context.Context) (int64, error) {
	var v string
	err := db.sql.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = ?", librarySeenKey).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	return strconv.ParseInt(v, 10, 64)
}
