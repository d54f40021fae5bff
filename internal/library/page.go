package library

import (
	"context"
	"database/sql"
	"strconv"
	"time"

	"github.com/brief-reader/brief/internal/briefing"
)

// Page is the first briefings of the library in the order of Briefings,
// with what the whole list would tell: how many briefings there are and
// how many are unread.
type Page struct {
	Entries       []Entry
	Total, Unread int
}

// FirstBriefings returns the first n briefings in the order of Briefings
// (newest first, those of unknown date last, then by title and path), each
// as Briefings gives it, reading about n rows rather than the whole
// table: the first screen of a long list.
func (db *DB) FirstBriefings(ctx context.Context, n int) (Page, error) {
	var p Page
	seen, err := db.librarySeen(ctx)
	if err != nil {
		return p, err
	}
	var opened int
	// Both counts read small indexes (a max over a column would read the
	// whole table or its widest index: tens of milliseconds).
	err = db.sql.QueryRowContext(ctx, `SELECT count(*),
		(SELECT count(*) FROM reading r JOIN briefings b ON b.path = r.path WHERE r.opened_at IS NOT NULL)
		FROM briefings`).Scan(&p.Total, &opened)
	if err != nil {
		return p, err
	}
	p.Unread = p.Total - opened
	const cols = `SELECT b.id, b.path, b.title, b.day, b.date, b.source, b.n_quotes, b.n_speakers, b.kind, b.words, b.indexed_at,
		r.opened_at, coalesce(r.position, 0)
		FROM briefings b LEFT JOIN reading r ON r.path = b.path `
	scan := func(r *sql.Rows) error {
		var e Entry
		var day string
		var kind int
		var indexed int64
		var openedAt sql.NullInt64
		if err := r.Scan(&e.ID, &e.Path, &e.Title, &day, &e.DateText, &e.Source, &e.Quotes, &e.Speakers, &kind, &e.Words, &indexed,
			&openedAt, &e.Position); err != nil {
			return err
		}
		e.Date = parseDay(day)
		e.Kind = briefing.Kind(kind)
		e.IndexedAt = time.Unix(0, indexed)
		e.OpenedAt = nanoTime(openedAt)
		e.Unread = !openedAt.Valid
		e.New = seen > 0 && indexed > seen && (!openedAt.Valid || indexed > openedAt.Int64)
		p.Entries = append(p.Entries, e)
		return nil
	}
	// Dated briefings first, newest first; then the undated ones.
	if n > 0 {
		err = eachRow(ctx, db.sql, cols+`WHERE b.day <> '' ORDER BY b.day DESC, b.title, b.path LIMIT ?`, []any{n}, scan)
		if err != nil {
			return p, err
		}
	}
	if rest := n - len(p.Entries); rest > 0 {
		err = eachRow(ctx, db.sql, cols+`WHERE b.day = '' ORDER BY b.title, b.path LIMIT ?`, []any{rest}, scan)
	}
	return p, err
}

// MarkLibrarySeenAt is MarkLibrarySeen as of time at: a reader that lists
// the library a page at a time sets the baseline to when it first listed
// it, once it has read what was new before.
func (db *DB) MarkLibrarySeenAt(ctx context.Context, at time.Time) error {
	_, err := db.sql.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
		librarySeenKey, strconv.FormatInt(at.UnixNano(), 10))
	return err
}
