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
	"unicode"

	"github.com/brief-reader/brief/internal/briefing"
)

// Hit is a quote (or, for a paragraph search, a paragraph) found across
// the library, with what its citation needs.
type Hit struct {
	BriefingID  int64
	Path, Title string
	Date        time.Time // zero if unknown
	Speaker     string    // display name ("" for narration)
	SpeakerID   string    // the briefing's speaker id
	Kind        briefing.QuoteKind
	Text        string
	Paragraph   int
	QuoteIndex  int // index into Briefing.Quotes; -1 for a paragraph hit
	Topics      []string
	// Rank is the bm25 relevance of a text search, higher is better; 0
	// without search text.
	Rank float64

	// Snippet is an excerpt of Text around what a text search matched,
	// each match between SnippetOpen and SnippetClose; "" without
	// search text.
	Snippet string

	Role         string // the speaker's role
	EndParagraph int
	Partial      bool
	DateText     string // the date as the briefing gives it
	SourceURL    string
}

// The marks around a match in Hit.Snippet.
const (
	SnippetOpen  = "\x02"
	SnippetClose = "\x03"
)

// Query selects quotes across the library. Within a Query all the set
// fields must hold.
type Query struct {
	// Text is a search in fzf-like syntax (see ParseQuery); "" selects
	// every quote that passes the filters, in date order.
	Text string
	// Speaker matches a speaker's id, name or alias as brief export
	// --speaker does.
	Speaker string
	// Topic is a topic id the quote carries.
	Topic string
	Kind  *briefing.QuoteKind
	// Since and Until bound the briefing's date (inclusive); briefings of
	// unknown date are left out when either is set.
	Since, Until time.Time
	// Limit bounds the hits (0: no limit).
	Limit int
	// Paragraphs searches paragraphs (narration included) instead of
	// quotes; Kind does not apply to them.
	Paragraphs bool
}

// Search finds quotes (or paragraphs) across the library: ranked by bm25
// for a text search, in date order without one.
func (db *DB) Search(ctx context.Context, q Query) ([]Hit, error) {
	match := ""
	if strings.TrimSpace(q.Text) != "" {
		m, err := ParseQuery(q.Text)
		if err != nil {
			return nil, err
		}
		match = m
	}
	table := "quotes"
	if q.Paragraphs {
		table = "paragraphs"
	}
	fts := table + "_fts"
	var where []string
	var args []any
	from := fmt.Sprintf("FROM %s q JOIN briefings b ON b.id = q.briefing_id", table)
	order, rank := "b.day = '', b.day, b.id, q.idx", "0"
	// ftsOnly: a quote search filtered at most by speaker and topic
	// never reads the quotes table before the hits are cut: the filters
	// are sets of quote ids from covering indexes, so a search touches the
	// full-text index and those indexes only.
	ftsOnly := match != "" && !q.Paragraphs && q.Kind == nil && q.Since.IsZero() && q.Until.IsZero()
	id := "q.id"
	if match != "" {
		// The full-text index drives the query (CROSS JOIN keeps SQLite
		// from starting elsewhere). FTS5 takes MATCH and bm25 on the
		// table's own name, not an alias.
		from = fmt.Sprintf("FROM %[1]s CROSS JOIN %[2]s q ON q.id = %[1]s.rowid JOIN briefings b ON b.id = q.briefing_id", fts, table)
		if ftsOnly {
			from, id = "FROM "+fts, fts+".rowid"
		}
		where = append(where, fts+" MATCH ?")
		args = append(args, match)
		order, rank = "r, qid", fmt.Sprintf("bm25(%s)", fts)
	}
	if q.Speaker != "" {
		name := briefing.FoldName(q.Speaker)
		if name == "" {
			return nil, errors.New("empty speaker name")
		}
		if ftsOnly {
			// The + keeps SQLite from looking each id up in the
			// full-text index, which would run the search again per id.
			where = append(where, "+"+id+" IN (SELECT q.id FROM speaker_names sn JOIN quotes q ON q.briefing_id = sn.briefing_id AND q.speaker = sn.speaker WHERE sn.name = ?)")
		} else {
			from += " JOIN speaker_names sn ON sn.briefing_id = q.briefing_id AND sn.speaker = q.speaker"
			where = append(where, "sn.name = ?")
		}
		args = append(args, name)
	}
	if q.Topic != "" {
		if ftsOnly {
			where = append(where, "+"+id+" IN (SELECT quote_id FROM quote_topics WHERE topic = ?)")
		} else if q.Paragraphs {
			where = append(where, "instr(char(31) || q.topics || char(31), char(31) || ? || char(31)) > 0")
		} else {
			where = append(where, "EXISTS (SELECT 1 FROM quote_topics qt WHERE qt.topic = ? AND qt.quote_id = q.id)")
		}
		args = append(args, q.Topic)
	}
	if q.Kind != nil && !q.Paragraphs {
		where = append(where, "q.kind = ?")
		args = append(args, int(*q.Kind))
	}
	if !q.Since.IsZero() {
		where = append(where, "b.day <> '' AND b.day >= ?")
		args = append(args, q.Since.Format("2006-01-02"))
	}
	if !q.Until.IsZero() {
		where = append(where, "b.day <> '' AND b.day <= ?")
		args = append(args, q.Until.Format("2006-01-02"))
	}
	w := ""
	if len(where) > 0 {
		w = "WHERE " + strings.Join(where, " AND ")
	}
	// The matches are ranked and cut first, as small rows; only those kept
	// get their text, their speaker's name and a snippet, which are dear
	// to make and to sort for thousands. n numbers them in order, so that
	// the rows need no sorting again (SQLite's sorter copies each row).
	top := fmt.Sprintf("SELECT qid, r, row_number() OVER (ORDER BY %s) AS n FROM (SELECT %s AS qid, %s AS r, %s %s %s ORDER BY %s%s)",
		"k1, k2, k3, k4", id, rank, sortKeys(match != "", rank, id), from, w, order, limitClause(q.Limit))
	outer := fmt.Sprintf("FROM top CROSS JOIN %s q ON q.id = top.qid JOIN briefings b ON b.id = q.briefing_id", table)
	snippet := "''"
	if match != "" {
		// The snippets need the full-text cursor on each hit. Looking
		// each hit up by rowid ran the search again per hit, and FTS5
		// sets a prefix search up (merging the lists of every word with
		// the prefix: "the" is "the", "them", "there"…) over the whole
		// index each time: a common word took seconds. One pass over the
		// matches between the hits' least and greatest ids sets it up
		// once; the matches that are not hits drop out at the join,
		// before their snippet is made.
		outer = fmt.Sprintf(`FROM %[1]s CROSS JOIN top ON top.qid = %[1]s.rowid JOIN %[2]s q ON q.id = top.qid JOIN briefings b ON b.id = q.briefing_id
			WHERE %[1]s MATCH ? AND %[1]s.rowid BETWEEN (SELECT min(qid) FROM top) AND (SELECT max(qid) FROM top)`, fts, table)
		args = append(args, match)
		snippet = fmt.Sprintf("snippet(%s, 0, char(2), char(3), '…', 24)", fts)
	}
	with := "WITH top AS (" + top + ") "
	var hits []Hit
	var err error
	if q.Paragraphs {
		hits, err = db.paragraphHits(ctx, with, outer, args, "", "top.n, -top.r, "+snippet)
	} else {
		hits, err = db.hitsRanked(ctx, with, outer, args, "", "top.n, -top.r, "+snippet)
	}
	return hits, err
}

// sortKeys selects the four keys of a search's order as k1…k4: the rank
// and the quote id for a text search, else the date (unknown last), the
// briefing and the quote.
func sortKeys(text bool, rank, id string) string {
	if text {
		return rank + " AS k1, " + id + " AS k2, 0 AS k3, 0 AS k4"
	}
	return "b.day = '' AS k1, b.day AS k2, b.id AS k3, q.idx AS k4"
}

// SpeakerQuotes returns the quotes of a speaker (by id, name or alias)
// across the library, in date order.
func (db *DB) SpeakerQuotes(ctx context.Context, name string) ([]Hit, error) {
	return db.Search(ctx, Query{Speaker: name})
}

// TopicQuotes returns the quotes on a topic across the library, in date
// order.
func (db *DB) TopicQuotes(ctx context.Context, topic string) ([]Hit, error) {
	return db.Search(ctx, Query{Topic: topic})
}

// hits runs a quote query without ranking.
func (db *DB) hits(ctx context.Context, from, where string, args []any, order string, limit int) ([]Hit, error) {
	return db.hitsRanked(ctx, "", from+" "+where, args, order+limitClause(limit), "0, 0, ''")
}

// hitsRanked runs a quote query: with is an optional WITH clause, from
// names the quotes q and the briefings b (and may filter them), ranked
// selects the rank and the snippet.
func (db *DB) hitsRanked(ctx context.Context, with, from string, args []any, order, ranked string) ([]Hit, error) {
	query := fmt.Sprintf(`%sSELECT b.id, b.path, b.title, b.day, b.date, b.source_url, q.speaker,
			coalesce((SELECT sp.name FROM speakers sp WHERE sp.briefing_id = q.briefing_id AND sp.id = q.speaker), q.speaker),
			coalesce((SELECT sp.role FROM speakers sp WHERE sp.briefing_id = q.briefing_id AND sp.id = q.speaker), ''),
			q.kind, q.partial, q.text, q.paragraph, q.end_paragraph, q.idx, q.topics, %s
		%s%s`, with, ranked, from, orderBy(order))
	var out []Hit
	var ord []int64
	err := eachRow(ctx, db.sql, query, args, func(r *sql.Rows) error {
		var h Hit
		var day, tops string
		var kind int
		var n int64
		if err := r.Scan(&h.BriefingID, &h.Path, &h.Title, &day, &h.DateText, &h.SourceURL, &h.SpeakerID, &h.Speaker, &h.Role,
			&kind, &h.Partial, &h.Text, &h.Paragraph, &h.EndParagraph, &h.QuoteIndex, &tops, &n, &h.Rank, &h.Snippet); err != nil {
			return err
		}
		h.Date, h.Kind, h.Topics = parseDay(day), briefing.QuoteKind(kind), splitList(tops)
		out, ord = append(out, h), append(ord, n)
		return nil
	})
	return inOrder(out, ord), searchErr(err)
}

// paragraphHits runs a paragraph query as hitsRanked does a quote query.
func (db *DB) paragraphHits(ctx context.Context, with, from string, args []any, order, ranked string) ([]Hit, error) {
	query := fmt.Sprintf(`%sSELECT b.id, b.path, b.title, b.day, b.date, b.source_url, q.speaker,
			coalesce((SELECT sp.name FROM speakers sp WHERE sp.briefing_id = q.briefing_id AND sp.id = q.speaker), q.speaker),
			coalesce((SELECT sp.role FROM speakers sp WHERE sp.briefing_id = q.briefing_id AND sp.id = q.speaker), ''),
			q.text, q.idx, q.topics, %s
		%s%s`, with, ranked, from, orderBy(order))
	var out []Hit
	var ord []int64
	err := eachRow(ctx, db.sql, query, args, func(r *sql.Rows) error {
		var h Hit
		var day, tops string
		var n int64
		if err := r.Scan(&h.BriefingID, &h.Path, &h.Title, &day, &h.DateText, &h.SourceURL, &h.SpeakerID, &h.Speaker, &h.Role,
			&h.Text, &h.Paragraph, &tops, &n, &h.Rank, &h.Snippet); err != nil {
			return err
		}
		h.Date, h.Topics = parseDay(day), splitList(tops)
		h.EndParagraph, h.QuoteIndex = h.Paragraph, -1
		out, ord = append(out, h), append(ord, n)
		return nil
	})
	return inOrder(out, ord), searchErr(err)
}

// orderBy is an ORDER BY clause, or "" for none.
func orderBy(order string) string {
	if order == "" {
		return ""
	}
	return " ORDER BY " + order
}

// inOrder returns hits sorted by their ordinals ord, which they are in
// already unless SQLite chose another plan.
func inOrder(hits []Hit, ord []int64) []Hit {
	if slices.IsSorted(ord) {
		return hits
	}
	idx := make([]int, len(hits))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(ord[a], ord[b]) })
	out := make([]Hit, len(hits))
	for i, j := range idx {
		out[i] = hits[j]
	}
	return out
}

func limitClause(n int) string {
	if n <= 0 {
		return ""
	}
	return fmt.Sprintf(" LIMIT %d", n)
}

// searchErr words an FTS5 error for people; ParseQuery should make them
// impossible, so one is a bug, but still an error rather than a crash.
func searchErr(err error) error {
	if err != nil && strings.Contains(err.Error(), "fts5") {
		return fmt.Errorf("search failed: %w", err)
	}
	return err
}

// term is one part of a search.
type term struct {
	words  []string
	exact  bool // 'word or "a phrase": no prefix matching
	not    bool // !word
	orNext bool // followed by |
}

// ParseQuery turns a search in fzf-like syntax into an FTS5 MATCH
// expression built only from quoted words, so that no user text is read as
// FTS5 syntax:
//
//	word       a word starting with word (prefix match)
//	'word      the word exactly
//	"a phrase" the words in this order
//	!word      leave out what holds the word (also !'word, !"a phrase")
//	a | b      a or b
//
// Terms separated by spaces must all match. A word is a run of letters and
// digits, as the index splits text; punctuation is ignored. A query with
// nothing to find (only punctuation, or only !exclusions) is an error.
func ParseQuery(s string) (string, error) {
	terms := splitTerms(s)
	var pos, neg []string
	group := []string{}
	flush := func() {
		switch len(group) {
		case 0:
		case 1:
			pos = append(pos, group[0])
		default:
			pos = append(pos, "("+strings.Join(group, " OR ")+")")
		}
		group = group[:0]
	}
	for _, t := range terms {
		if len(t.words) == 0 {
			continue
		}
		e := `"` + strings.Join(t.words, " ") + `"`
		if !t.exact {
			e += " *"
		}
		if t.not {
			neg = append(neg, e)
			continue
		}
		group = append(group, e)
		if !t.orNext {
			flush()
		}
	}
	flush()
	if len(pos) == 0 {
		if len(neg) > 0 {
			return "", fmt.Errorf("search %q has only !exclusions: give at least one word to find", s)
		}
		return "", fmt.Errorf("search %q has no words to find (letters or digits)", s)
	}
	out := strings.Join(pos, " AND ")
	for _, n := range neg {
		out += " NOT " + n
	}
	return out, nil
}

// splitTerms splits a search into terms: space-separated words, "quoted
// phrases" (an unclosed quote runs to the end), | between two terms.
func splitTerms(s string) []term {
	var out []term
	rs := []rune(s)
	for i := 0; i < len(rs); {
		if unicode.IsSpace(rs[i]) {
			i++
			continue
		}
		var t term
		if rs[i] == '!' {
			t.not = true
			i++
		}
		if i < len(rs) && rs[i] == '\'' {
			t.exact = true
			i++
		}
		var text string
		if i < len(rs) && rs[i] == '"' {
			t.exact = true
			j := i + 1
			for j < len(rs) && rs[j] != '"' {
				j++
			}
			text = string(rs[i+1 : j])
			i = j + 1
		} else {
			j := i
			for j < len(rs) && !unicode.IsSpace(rs[j]) {
				j++
			}
			text = string(rs[i:j])
			i = j
		}
		if text == "|" && !t.not && !t.exact {
			if len(out) > 0 && !out[len(out)-1].not {
				out[len(out)-1].orNext = true
			}
			continue
		}
		t.words = words(text)
		out = append(out, t)
	}
	return out
}

// words splits text into the runs of letters, digits and marks that the
// unicode61 tokenizer indexes.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
	})
}
