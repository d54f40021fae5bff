package library

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/brief-reader/brief/internal/briefing"
)

// ErrNotFound is returned for a briefing id the library does not hold.
var ErrNotFound = errors.New("no such briefing in the library")

// Entry is one briefing of the library, as its list shows it.
type Entry struct {
	ID                  int64
	Path, Title         string
	Date                time.Time // zero if unknown
	Source              string
	Quotes, Speakers    int
	Unread              bool // never opened
	New                 bool // added or changed since the user last opened the library (or it)
	Position            int  // last paragraph index read (0 if none)
	Kind                briefing.Kind
	Words               int
	DateText            string // the date as the briefing gives it
	IndexedAt, OpenedAt time.Time
}

// dayLayouts are the date forms a briefing's date is read in, for sorting
// and date filters.
var dayLayouts = []string{
	"2006-01-02", "January 2, 2006", "Jan 2, 2006", "2 January 2006", "2 Jan 2006",
	"Monday, January 2, 2006", "January 2 2006", "02/01/2006",
}

// dayOf returns a briefing date as YYYY-MM-DD, or "" when it cannot be read.
func dayOf(date string) string {
	d := strings.TrimSpace(date)
	if len(d) >= 10 {
		if t, err := time.Parse("2006-01-02", d[:10]); err == nil {
			return t.Format("2006-01-02")
		}
	}
	for _, l := range dayLayouts[1:] {
		if t, err := time.Parse(l, d); err == nil {
			return t.Format("2006-01-02")
		}
	}
	return ""
}

func parseDay(day string) time.Time {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return time.Time{}
	}
	return t
}

func nanoTime(n sql.NullInt64) time.Time {
	if !n.Valid || n.Int64 == 0 {
		return time.Time{}
	}
	return time.Unix(0, n.Int64)
}

// Briefings returns every briefing of the library, newest first (those of
// unknown date last), then by title.
func (db *DB) Briefings(ctx context.Context) ([]Entry, error) {
	seen, err := db.librarySeen(ctx)
	if err != nil {
		return nil, err
	}
	type state struct {
		opened   sql.NullInt64
		position int
	}
	reading := map[string]state{}
	err = eachRow(ctx, db.sql, "SELECT path, opened_at, position FROM reading", nil, func(r *sql.Rows) error {
		var p string
		var st state
		err := r.Scan(&p, &st.opened, &st.position)
		reading[p] = st
		return err
	})
	if err != nil {
		return nil, err
	}
	// The columns are those of the covering index briefings_list (which SQLite picks); the
	// order is made here (SQLite sorted in a temporary B-tree, slower).
	var out []Entry
	err = eachRow(ctx, db.sql, `SELECT id, path, title, day, date, source, n_quotes, n_speakers, kind, words, indexed_at FROM briefings`, nil,
		func(r *sql.Rows) error {
			var e Entry
			var day string
			var kind int
			var indexed int64
			if err := r.Scan(&e.ID, &e.Path, &e.Title, &day, &e.DateText, &e.Source, &e.Quotes, &e.Speakers, &kind, &e.Words, &indexed); err != nil {
				return err
			}
			st := reading[e.Path]
			e.Date = parseDay(day)
			e.Kind = briefing.Kind(kind)
			e.IndexedAt = time.Unix(0, indexed)
			e.OpenedAt = nanoTime(st.opened)
			e.Position = st.position
			e.Unread = !st.opened.Valid
			// Before the library was ever looked at there is no "last
			// time" to be new since: a first run marks nothing new.
			e.New = seen > 0 && indexed > seen && (!st.opened.Valid || indexed > st.opened.Int64)
			out = append(out, e)
			return nil
		})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b Entry) int {
		switch {
		case a.Date.IsZero() != b.Date.IsZero():
			if a.Date.IsZero() {
				return 1
			}
			return -1
		case !a.Date.Equal(b.Date):
			return b.Date.Compare(a.Date)
		}
		return cmp.Or(strings.Compare(a.Title, b.Title), strings.Compare(a.Path, b.Path))
	})
	return out, nil
}

// IDForPath returns the id of the briefing indexed for a file.
func (db *DB) IDForPath(ctx context.Context, path string) (int64, bool, error) {
	var id int64
	err := db.sql.QueryRowContext(ctx, "SELECT id FROM briefings WHERE path = ?", absPath(path)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	return id, err == nil, err
}

// Count returns the number of briefings in the library.
func (db *DB) Count(ctx context.Context) (int, error) {
	var n int
	err := db.sql.QueryRowContext(ctx, "SELECT count(*) FROM briefings").Scan(&n)
	return n, err
}

// Briefing rebuilds a briefing from the database, without parsing: it
// equals the briefing the parser and classifier made when it was indexed.
func (db *DB) Briefing(ctx context.Context, id int64) (*briefing.Briefing, error) {
	tx, err := db.sql.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return loadBriefing(ctx, tx, id)
}

// Each calls fn with every briefing of the library, rebuilt from the
// database one at a time, in path order; an error from fn stops it.
func (db *DB) Each(ctx context.Context, fn func(*briefing.Briefing) error) error {
	ids, err := db.ids(ctx)
	if err != nil {
		return err
	}
	for _, id := range ids {
		b, err := db.Briefing(ctx, id)
		if errors.Is(err, ErrNotFound) {
			continue // removed since the list was read
		}
		if err != nil {
			return err
		}
		if err := fn(b); err != nil {
			return err
		}
	}
	return nil
}

func (db *DB) ids(ctx context.Context) ([]int64, error) {
	return column[int64](ctx, db.sql, "SELECT id FROM briefings ORDER BY path")
}

// column returns the one column of a query's rows.
func column[T any](ctx context.Context, q querier, query string, args ...any) ([]T, error) {
	var out []T
	err := eachRow(ctx, q, query, args, func(r *sql.Rows) error {
		var v T
		err := r.Scan(&v)
		out = append(out, v)
		return err
	})
	return out, err
}

// querier is a *sql.DB or a *sql.Tx.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// eachRow runs a query and calls scan for each row.
func eachRow(ctx context.Context, q querier, query string, args []any, scan func(*sql.Rows) error) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

func loadBriefing(ctx context.Context, q querier, id int64) (*briefing.Briefing, error) {
	b := &briefing.Briefing{}
	var kind, markup, nq, ns int
	var warnings string
	err := q.QueryRowContext(ctx, `SELECT path, title, date, source, source_url, kind, markup, words, warnings, n_quotes, n_speakers
		FROM briefings WHERE id = ?`, id).Scan(&b.Path, &b.Title, &b.Date, &b.Source, &b.SourceURL, &kind, &markup, &b.Words, &warnings, &nq, &ns)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("briefing %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	b.Kind, b.Markup, b.Warnings = briefing.Kind(kind), briefing.Markup(markup), splitList(warnings)
	args := []any{id}
	b.Speakers = make([]briefing.Speaker, 0, ns)
	err = eachRow(ctx, q, `SELECT id, name, role, kind, aliases, quotes, reported, words FROM speakers WHERE briefing_id = ? ORDER BY idx`, args,
		func(r *sql.Rows) error {
			var s briefing.Speaker
			var k int
			var aliases string
			err := r.Scan(&s.ID, &s.Name, &s.Role, &k, &aliases, &s.Quotes, &s.Reported, &s.Words)
			s.Kind, s.Aliases = briefing.SpeakerKind(k), splitList(aliases)
			b.Speakers = append(b.Speakers, s)
			return err
		})
	if err != nil {
		return nil, err
	}
	err = eachRow(ctx, q, `SELECT idx, text, speaker, role, label, level, words, topics, section FROM paragraphs WHERE briefing_id = ? ORDER BY idx`, args,
		func(r *sql.Rows) error {
			var p briefing.Paragraph
			var role int
			var tops string
			err := r.Scan(&p.Index, &p.Text, &p.Speaker, &role, &p.Label, &p.Level, &p.Words, &tops, &p.Section)
			p.Role, p.Topics = briefing.ParagraphRole(role), splitList(tops)
			b.Paragraphs = append(b.Paragraphs, p)
			return err
		})
	if err != nil {
		return nil, err
	}
	b.Quotes = make([]briefing.Quote, 0, nq)
	err = eachRow(ctx, q, `SELECT speaker, kind, partial, text, paragraph, end_paragraph, start, "end", topics, section FROM quotes WHERE briefing_id = ? ORDER BY idx`, args,
		func(r *sql.Rows) error {
			var x briefing.Quote
			var k int
			var tops string
			err := r.Scan(&x.Speaker, &k, &x.Partial, &x.Text, &x.Paragraph, &x.EndParagraph, &x.Start, &x.End, &tops, &x.Section)
			x.Kind, x.Topics = briefing.QuoteKind(k), splitList(tops)
			b.Quotes = append(b.Quotes, x)
			return err
		})
	if err != nil {
		return nil, err
	}
	err = eachRow(ctx, q, `SELECT title, topics, first_paragraph, last_paragraph FROM sections WHERE briefing_id = ? ORDER BY idx`, args,
		func(r *sql.Rows) error {
			var s briefing.Section
			var tops string
			err := r.Scan(&s.Title, &tops, &s.FirstParagraph, &s.LastParagraph)
			s.Topics = splitList(tops)
			b.Sections = append(b.Sections, s)
			return err
		})
	if err != nil {
		return nil, err
	}
	err = eachRow(ctx, q, `SELECT id, label, share, paragraphs, words FROM topics WHERE briefing_id = ? ORDER BY idx`, args,
		func(r *sql.Rows) error {
			var t briefing.TopicShare
			err := r.Scan(&t.ID, &t.Label, &t.Share, &t.Paragraphs, &t.Words)
			b.Topics = append(b.Topics, t)
			return err
		})
	if err != nil {
		return nil, err
	}
	return b, nil
}
