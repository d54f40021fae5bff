package library

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/brief-reader/brief/internal/briefing"
)

// sep separates the items of a list column.
const sep = "\x1f"

func joinList(items []string) string { return strings.Join(items, sep) }

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, sep)
}

// fileStamp is what the index knows of a file on disk.
type fileStamp struct {
	path  string
	size  int64
	mtime int64
	hash  string
}

// writer writes briefings in one transaction with prepared statements.
// It numbers quotes and paragraphs itself, from the largest id in the
// table, so that the batch's rows are one range of ids that commit adds to
// the full-text indexes in one statement.
type writer struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
	now   int64
	// paragraphFTS is set when the schema has paragraphs_fts.
	paragraphFTS bool
	// firstQuote and firstParagraph are the ids of the batch's first
	// quote and paragraph; nextQuote and nextParagraph the next ids.
	firstQuote, nextQuote, firstParagraph, nextParagraph int64
	// began is when the transaction began.
	began time.Time
	// rows gathers the rows of the many-row tables, written rowsPerInsert
	// at a time, in the order of rowTables (a row's parent first).
	rows map[string]*rowBuffer
}

// rowsPerInsert is how many rows one INSERT writes into the tables with
// many rows a briefing: a statement per row cost more than the row.
const rowsPerInsert = 64

// rowTables are the tables written through row buffers, parents before
// children. OR FAIL: a row that breaks a constraint fails the batch, which
// is rolled back whole, so SQLite need not journal each statement's pages
// to undo it alone (a many-row INSERT that may abort half-way does).
var rowTables = []struct{ name, insert string }{
	{"speakers", `INSERT OR FAIL INTO speakers (briefing_id, idx, id, name, role, kind, aliases, quotes, reported, words) VALUES `},
	{"speaker_names", `INSERT OR IGNORE INTO speaker_names (name, briefing_id, speaker) VALUES `},
	{"paragraphs", `INSERT OR FAIL INTO paragraphs (id, briefing_id, idx, text, speaker, role, label, level, words, topics, section) VALUES `},
	{"quotes", `INSERT OR FAIL INTO quotes (id, briefing_id, idx, speaker, kind, partial, text, paragraph, end_paragraph, start, "end", topics, section) VALUES `},
	{"quote_topics", `INSERT OR IGNORE INTO quote_topics (topic, quote_id) VALUES `},
	{"sections", `INSERT OR FAIL INTO sections (briefing_id, idx, title, topics, first_paragraph, last_paragraph) VALUES `},
	{"topics", `INSERT OR FAIL INTO topics (briefing_id, idx, id, label, share, paragraphs, words) VALUES `},
}

// rowBuffer gathers rows for one table and writes them rowsPerInsert at a
// time with one statement, the rest one by one.
type rowBuffer struct {
	one, many *sql.Stmt
	cols      int
	args      []any
}

// prepareRows prepares the one-row and many-row statements of a table.
func prepareRows(ctx context.Context, tx *sql.Tx, insert string) (*rowBuffer, error) {
	cols := strings.Count(insert[:strings.Index(insert, ")")], ",") + 1
	row := "(" + strings.TrimSuffix(strings.Repeat("?,", cols), ",") + ")"
	one, err := tx.PrepareContext(ctx, insert+row)
	if err != nil {
		return nil, err
	}
	many, err := tx.PrepareContext(ctx, insert+strings.TrimSuffix(strings.Repeat(row+",", rowsPerInsert), ","))
	if err != nil {
		return nil, err
	}
	return &rowBuffer{one: one, many: many, cols: cols}, nil
}

// add gathers a row, writing the buffer when it holds rowsPerInsert.
func (b *rowBuffer) add(ctx context.Context, args ...any) error {
	if len(args) != b.cols {
		return fmt.Errorf("%d values for %d columns", len(args), b.cols)
	}
	b.args = append(b.args, args...)
	if len(b.args) < rowsPerInsert*b.cols {
		return nil
	}
	_, err := b.many.ExecContext(ctx, b.args...)
	b.args = b.args[:0]
	return err
}

// flush writes the rows gathered.
func (b *rowBuffer) flush(ctx context.Context) error {
	for len(b.args) > 0 {
		if _, err := b.one.ExecContext(ctx, b.args[:b.cols]...); err != nil {
			return err
		}
		b.args = b.args[b.cols:]
	}
	b.args = b.args[:0]
	return nil
}

// add gathers a row of a table of rowTables.
func (w *writer) add(ctx context.Context, table string, args ...any) error {
	if err := w.rows[table].add(ctx, args...); err != nil {
		return fmt.Errorf("%s: %w", table, err)
	}
	return nil
}

// flush writes every row gathered, parents first.
func (w *writer) flush(ctx context.Context) error {
	for _, t := range rowTables {
		if err := w.rows[t.name].flush(ctx); err != nil {
			return fmt.Errorf("%s: %w", t.name, err)
		}
	}
	return nil
}

var writeSQL = map[string]string{
	"upsert": `INSERT INTO briefings (path, size, mtime, hash, parser, indexed_at, title, date, day, source, source_url, kind, markup, words, warnings, n_quotes, n_speakers)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
		ON CONFLICT(path) DO UPDATE SET size=excluded.size, mtime=excluded.mtime, hash=excluded.hash, parser=excluded.parser,
			indexed_at=excluded.indexed_at, title=excluded.title, date=excluded.date, day=excluded.day, source=excluded.source,
			source_url=excluded.source_url, kind=excluded.kind, markup=excluded.markup, words=excluded.words,
			warnings=excluded.warnings, n_quotes=excluded.n_quotes, n_speakers=excluded.n_speakers
		RETURNING id`,
	// insert is upsert for a path the index did not hold: without the
	// conflict clause and RETURNING, a third cheaper.
	"insert": `INSERT INTO briefings (path, size, mtime, hash, parser, indexed_at, title, date, day, source, source_url, kind, markup, words, warnings, n_quotes, n_speakers)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
	"touch":         `UPDATE briefings SET size=?, mtime=? WHERE path=?`,
	"delete":        `DELETE FROM briefings WHERE id=?`,
	"id":            `SELECT id FROM briefings WHERE path=?`,
	"unindexQuotes": `INSERT INTO quotes_fts(quotes_fts, rowid, text) SELECT 'delete', id, text FROM quotes WHERE briefing_id=?`,
	"indexQuotes":   `INSERT INTO quotes_fts(rowid, text) SELECT id, text FROM quotes WHERE id >= ? AND id < ?`,
	"readingFind": `SELECT r.path FROM reading r WHERE r.hash=? AND NOT EXISTS (SELECT 1 FROM briefings b WHERE b.path=r.path)
		AND NOT EXISTS (SELECT 1 FROM reading WHERE path=?) LIMIT 1`,
	"readingMove": `UPDATE reading SET path=? WHERE path=?`,
	"starsMove":   `UPDATE stars SET path=? WHERE path=?`,
}

// childTables hold a briefing's parts; they are emptied before a briefing
// is written again or deleted. The writer deletes them itself rather than
// by the schema's cascades: it writes with foreign keys off (see
// DB.writeConn). quote_topics goes first, found through its quotes.
var childTables = []string{"quote_topics", "quotes", "paragraphs", "speakers", "speaker_names", "sections", "topics"}

// clearSQL empties a child table of a briefing's rows.
func clearSQL(table string) string {
	if table == "quote_topics" {
		return "DELETE FROM quote_topics WHERE quote_id IN (SELECT id FROM quotes WHERE briefing_id=?)"
	}
	return "DELETE FROM " + table + " WHERE briefing_id=?"
}

// beginner begins transactions: a *sql.DB or a *sql.Conn.
type beginner interface {
	BeginTx(context.Context, *sql.TxOptions) (*sql.Tx, error)
}

// paragraphSQL keeps paragraphs_fts in step, from schema 2 on.
var paragraphSQL = map[string]string{
	"unindexParagraphs": `INSERT INTO paragraphs_fts(paragraphs_fts, rowid, text) SELECT 'delete', id, text FROM paragraphs WHERE briefing_id=?`,
	"indexParagraphs":   `INSERT INTO paragraphs_fts(rowid, text) SELECT id, text FROM paragraphs WHERE id >= ? AND id < ?`,
}

func newWriter(ctx context.Context, db beginner) (*writer, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	w := &writer{tx: tx, stmts: map[string]*sql.Stmt{}, now: time.Now().UnixNano(), began: time.Now()}
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE name = 'paragraphs_fts'").Scan(&n); err != nil {
		tx.Rollback()
		return nil, err
	}
	w.paragraphFTS = n > 0
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) + 1 FROM quotes").Scan(&w.nextQuote); err != nil {
		tx.Rollback()
		return nil, err
	}
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) + 1 FROM paragraphs").Scan(&w.nextParagraph); err != nil {
		tx.Rollback()
		return nil, err
	}
	w.firstQuote, w.firstParagraph = w.nextQuote, w.nextParagraph
	queries := writeSQL
	if w.paragraphFTS {
		queries = map[string]string{}
		for k, v := range writeSQL {
			queries[k] = v
		}
		for k, v := range paragraphSQL {
			queries[k] = v
		}
	}
	for name, q := range queries {
		st, err := tx.PrepareContext(ctx, q)
		if err != nil {
			tx.Rollback()
			return nil, err
		}
		w.stmts[name] = st
	}
	w.rows = map[string]*rowBuffer{}
	for _, t := range rowTables {
		b, err := prepareRows(ctx, tx, t.insert)
		if err != nil {
			tx.Rollback()
			return nil, err
		}
		w.rows[t.name] = b
	}
	for _, t := range childTables {
		st, err := tx.PrepareContext(ctx, clearSQL(t))
		if err != nil {
			tx.Rollback()
			return nil, err
		}
		w.stmts["clear "+t] = st
	}
	return w, nil
}

// commit adds the batch's quotes and paragraphs to the full-text indexes
// and commits.
func (w *writer) commit(ctx context.Context) error {
	if err := w.flush(ctx); err != nil {
		w.tx.Rollback()
		return err
	}
	if err := w.exec(ctx, "indexQuotes", w.firstQuote, w.nextQuote); err != nil {
		w.tx.Rollback()
		return err
	}
	if w.paragraphFTS {
		if err := w.exec(ctx, "indexParagraphs", w.firstParagraph, w.nextParagraph); err != nil {
			w.tx.Rollback()
			return err
		}
	}
	return w.tx.Commit()
}

// unindex removes a briefing's quotes and paragraphs from the full-text
// indexes, before its rows go.
func (w *writer) unindex(ctx context.Context, id int64) error {
	if err := w.exec(ctx, "unindexQuotes", id); err != nil {
		return err
	}
	if w.paragraphFTS {
		return w.exec(ctx, "unindexParagraphs", id)
	}
	return nil
}

func (w *writer) rollback() error { return w.tx.Rollback() }

func (w *writer) exec(ctx context.Context, name string, args ...any) error {
	_, err := w.stmts[name].ExecContext(ctx, args...)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// put writes a parsed briefing for a file, replacing what the index held
// for its path (keeping the briefing's id), and moves reading state left by
// the same content at a path that is gone to this one.
func (w *writer) put(ctx context.Context, f fileStamp, parser string, b *briefing.Briefing, existed bool) (int64, error) {
	var id int64
	row := []any{f.path, f.size, f.mtime, f.hash, parser, w.now,
		b.Title, b.Date, dayOf(b.Date), b.Source, b.SourceURL, int(b.Kind), int(b.Markup), b.Words,
		joinList(b.Warnings), len(b.Quotes), len(b.Speakers)}
	if !existed {
		res, err := w.stmts["insert"].ExecContext(ctx, row...)
		if err == nil {
			id, err = res.LastInsertId()
		}
		switch {
		case err == nil:
		case strings.Contains(err.Error(), "UNIQUE"):
			// Another brief indexed the path since this run looked:
			// the failed statement alone was undone; replace its row.
			existed = true
		default:
			return 0, err
		}
	}
	if existed {
		if err := w.stmts["upsert"].QueryRowContext(ctx, row...).Scan(&id); err != nil {
			return 0, err
		}
	}
	if existed {
		if err := w.unindex(ctx, id); err != nil {
			return 0, err
		}
		for _, t := range childTables {
			if err := w.exec(ctx, "clear "+t, id); err != nil {
				return 0, err
			}
		}
	}
	for i, s := range b.Speakers {
		if err := w.add(ctx, "speakers", id, i, s.ID, s.Name, s.Role, int(s.Kind), joinList(s.Aliases), s.Quotes, s.Reported, s.Words); err != nil {
			return 0, err
		}
		for _, n := range append([]string{s.ID, s.Name}, s.Aliases...) {
			if fn := briefing.FoldName(n); fn != "" {
				if err := w.add(ctx, "speaker_names", fn, id, s.ID); err != nil {
					return 0, err
				}
			}
		}
	}
	for i, p := range b.Paragraphs {
		w.nextParagraph++
		if err := w.add(ctx, "paragraphs", w.nextParagraph-1, id, i, p.Text, p.Speaker, int(p.Role), p.Label, p.Level, p.Words, joinList(p.Topics), p.Section); err != nil {
			return 0, err
		}
	}
	for i, q := range b.Quotes {
		qid := w.nextQuote
		w.nextQuote++
		err := w.add(ctx, "quotes", qid, id, i, q.Speaker, int(q.Kind), q.Partial, q.Text, q.Paragraph, q.EndParagraph,
			q.Start, q.End, joinList(q.Topics), q.Section)
		if err != nil {
			return 0, err
		}
		for _, t := range q.Topics {
			if err := w.add(ctx, "quote_topics", t, qid); err != nil {
				return 0, err
			}
		}
	}
	for i, s := range b.Sections {
		if err := w.add(ctx, "sections", id, i, s.Title, joinList(s.Topics), s.FirstParagraph, s.LastParagraph); err != nil {
			return 0, err
		}
	}
	for i, t := range b.Topics {
		if err := w.add(ctx, "topics", id, i, t.ID, t.Label, t.Share, t.Paragraphs, t.Words); err != nil {
			return 0, err
		}
	}
	return id, w.adoptReading(ctx, f)
}

// adoptReading moves the reading state of a file that vanished to a new
// path with the same content: the file was moved or renamed.
func (w *writer) adoptReading(ctx context.Context, f fileStamp) error {
	var old string
	err := w.stmts["readingFind"].QueryRowContext(ctx, f.hash, f.path).Scan(&old)
	if err == sql.ErrNoRows {
		return nil
	}
	if err != nil {
		return err
	}
	if err := w.exec(ctx, "readingMove", f.path, old); err != nil {
		return err
	}
	return w.exec(ctx, "starsMove", f.path, old)
}

// touch records a new size and mtime for a file whose content is unchanged.
func (w *writer) touch(ctx context.Context, f fileStamp) error {
	return w.exec(ctx, "touch", f.size, f.mtime, f.path)
}

// remove drops a file's briefing from the index; its reading state stays.
func (w *writer) remove(ctx context.Context, path string) error {
	var id int64
	err := w.stmts["id"].QueryRowContext(ctx, path).Scan(&id)
	if err == sql.ErrNoRows {
		return nil
	}
	if err != nil {
		return err
	}
	if err := w.unindex(ctx, id); err != nil {
		return err
	}
	for _, t := range childTables {
		if err := w.exec(ctx, "clear "+t, id); err != nil {
			return err
		}
	}
	return w.exec(ctx, "delete", id)
}
