package library

// migrations[v] takes the schema from version v to v+1 (PRAGMA
// user_version). Append to it; never edit a step that has shipped.
//
// Conventions: times are Unix nanoseconds; list columns (aliases, topics)
// hold their items separated by the unit separator U+001F; "day" is the
// briefing's date as YYYY-MM-DD, or "" when it is unknown.
var migrations = []string{
	// 1: the first schema.
	`
CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE roots (
	path     TEXT PRIMARY KEY,
	added_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE briefings (
	id         INTEGER PRIMARY KEY,
	path       TEXT NOT NULL UNIQUE,
	size       INTEGER NOT NULL,
	mtime      INTEGER NOT NULL,
	hash       TEXT NOT NULL,
	parser     TEXT NOT NULL,
	indexed_at INTEGER NOT NULL,
	title      TEXT NOT NULL,
	date       TEXT NOT NULL,
	day        TEXT NOT NULL,
	source     TEXT NOT NULL,
	source_url TEXT NOT NULL,
	kind       INTEGER NOT NULL,
	markup     INTEGER NOT NULL,
	words      INTEGER NOT NULL,
	warnings   TEXT NOT NULL,
	n_quotes   INTEGER NOT NULL,
	n_speakers INTEGER NOT NULL
);
CREATE INDEX briefings_day ON briefings(day);
CREATE INDEX briefings_hash ON briefings(hash);

CREATE TABLE speakers (
	briefing_id INTEGER NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
	idx         INTEGER NOT NULL,
	id          TEXT NOT NULL,
	name        TEXT NOT NULL,
	role        TEXT NOT NULL,
	kind        INTEGER NOT NULL,
	aliases     TEXT NOT NULL,
	quotes      INTEGER NOT NULL,
	reported    INTEGER NOT NULL,
	words       INTEGER NOT NULL,
	PRIMARY KEY (briefing_id, idx)
) WITHOUT ROWID;

-- Every name a speaker answers to (id, name, aliases), folded as
-- briefing.FoldName does, for --speaker.
CREATE TABLE speaker_names (
	name        TEXT NOT NULL,
	briefing_id INTEGER NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
	speaker     TEXT NOT NULL,
	PRIMARY KEY (name, briefing_id, speaker)
) WITHOUT ROWID;
CREATE INDEX speaker_names_briefing ON speaker_names(briefing_id);

CREATE TABLE paragraphs (
	id          INTEGER PRIMARY KEY,
	briefing_id INTEGER NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
	idx         INTEGER NOT NULL,
	text        TEXT NOT NULL,
	speaker     TEXT NOT NULL,
	role        INTEGER NOT NULL,
	label       TEXT NOT NULL,
	level       INTEGER NOT NULL,
	words       INTEGER NOT NULL,
	topics      TEXT NOT NULL,
	section     INTEGER NOT NULL,
	UNIQUE (briefing_id, idx)
);

CREATE TABLE quotes (
	id            INTEGER PRIMARY KEY,
	briefing_id   INTEGER NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
	idx           INTEGER NOT NULL,
	speaker       TEXT NOT NULL,
	kind          INTEGER NOT NULL,
	partial       INTEGER NOT NULL,
	text          TEXT NOT NULL,
	paragraph     INTEGER NOT NULL,
	end_paragraph INTEGER NOT NULL,
	start         INTEGER NOT NULL,
	"end"         INTEGER NOT NULL,
	topics        TEXT NOT NULL,
	section       INTEGER NOT NULL,
	UNIQUE (briefing_id, idx)
);
CREATE INDEX quotes_speaker ON quotes(briefing_id, speaker);

CREATE TABLE quote_topics (
	topic    TEXT NOT NULL,
	-- Checked at commit: the writer gathers rows and may write a quote's
	-- topics before the quote.
	quote_id INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
	PRIMARY KEY (topic, quote_id)
) WITHOUT ROWID;
CREATE INDEX quote_topics_quote ON quote_topics(quote_id);

CREATE TABLE sections (
	briefing_id     INTEGER NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
	idx             INTEGER NOT NULL,
	title           TEXT NOT NULL,
	topics          TEXT NOT NULL,
	first_paragraph INTEGER NOT NULL,
	last_paragraph  INTEGER NOT NULL,
	PRIMARY KEY (briefing_id, idx)
) WITHOUT ROWID;

CREATE TABLE topics (
	briefing_id INTEGER NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
	idx         INTEGER NOT NULL,
	id          TEXT NOT NULL,
	label       TEXT NOT NULL,
	share       REAL NOT NULL,
	paragraphs  INTEGER NOT NULL,
	words       INTEGER NOT NULL,
	PRIMARY KEY (briefing_id, idx)
) WITHOUT ROWID;

-- Full-text search over quotes. No triggers keep it in step: the writer
-- adds a whole batch of quotes in one statement (a trigger would make FTS5
-- flush its index at each row's statement savepoint, a hundred times
-- slower) and deletes a briefing's entries before its rows.
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2');

-- Reading state is keyed by path, not by briefing id, so that it outlives
-- the briefing's row: a file that vanishes and comes back (or moves, with
-- the same content hash) finds it again.
CREATE TABLE reading (
	path      TEXT PRIMARY KEY,
	hash      TEXT NOT NULL,
	position  INTEGER NOT NULL DEFAULT 0,
	opened_at INTEGER
) WITHOUT ROWID;
CREATE INDEX reading_hash ON reading(hash);

CREATE TABLE stars (
	path       TEXT NOT NULL,
	quote      INTEGER NOT NULL,
	text       TEXT NOT NULL,
	starred_at INTEGER NOT NULL,
	PRIMARY KEY (path, quote)
) WITHOUT ROWID;
`,
	// 2: full-text search over paragraphs too (search --paragraphs).
	`
CREATE VIRTUAL TABLE paragraphs_fts USING fts5(text, content='paragraphs', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
INSERT INTO paragraphs_fts(paragraphs_fts) VALUES ('rebuild');
`,
	// 3: the library's list reads a covering index: briefings' rows lie
	// scattered among their paragraphs and quotes, and reading 14,000 of
	// them in a new process took a second.
	`
CREATE INDEX briefings_list ON briefings(day, title, path, date, source, n_quotes, n_speakers, kind, words, indexed_at);
`,
	// 4: what indexing checks of every file, in a covering index, for the
	// same reason.
	`
CREATE INDEX briefings_files ON briefings(path, size, mtime, hash, parser);
`,
	// 5: the full-text indexes merge less. FTS5 writes its pending terms
	// as a new segment every 1 MiB of them (hashsize) and merges four
	// segments of a level into one of the next (automerge): a cold index
	// of 143 MB of briefings rewrote its full-text data several times
	// over, a third of the writer's time. Segments of up to 32 MiB (a
	// write batch's, at most) merged sixteen at a time cost a fraction of
	// that; a search reads a few more segments.
	`
INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('hashsize', 33554432);
INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('automerge', 16);
INSERT INTO paragraphs_fts(paragraphs_fts, rank) VALUES ('hashsize', 33554432);
INSERT INTO paragraphs_fts(paragraphs_fts, rank) VALUES ('automerge', 16);
`,
}
