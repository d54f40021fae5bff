package ui

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/library"
	"github.com/brief-reader/brief/internal/ui/hitpane"
	"github.com/brief-reader/brief/internal/ui/librarypane"
)

// searchLimit bounds the hits of a search from the reader: the best
// ranked come first.
const searchLimit = 1000

// LibraryDB is the reader's Library on the library database. opt is how
// files the watcher reports are indexed again: the options brief index
// uses, so that they parse the same.
func LibraryDB(db *library.DB, opt library.IndexOptions) Library {
	opt.Progress = nil
	return dbLibrary{db: db, opt: opt}
}

type dbLibrary struct {
	db  *library.DB
	opt library.IndexOptions
}

func (l dbLibrary) Briefings(ctx context.Context) ([]librarypane.Entry, error) {
	es, err := l.db.Briefings(ctx)
	if err != nil {
		return nil, err
	}
	return paneEntries(es), nil
}

func (l dbLibrary) FirstBriefings(ctx context.Context, n int) ([]librarypane.Entry, librarypane.Head, error) {
	p, err := l.db.FirstBriefings(ctx, n)
	if err != nil {
		return nil, librarypane.Head{}, err
	}
	return paneEntries(p.Entries), librarypane.Head{Total: p.Total, Unread: p.Unread}, nil
}

func paneEntries(es []library.Entry) []librarypane.Entry {
	out := make([]librarypane.Entry, len(es))
	for i, e := range es {
		out[i] = librarypane.Entry{ID: e.ID, Path: e.Path, Title: e.Title, Source: e.Source, Date: e.Date, DateText: e.DateText,
			Quotes: e.Quotes, Position: e.Position, Unread: e.Unread, New: e.New}
	}
	return out
}

func (l dbLibrary) Briefing(ctx context.Context, id int64) (*briefing.Briefing, error) {
	return l.db.Briefing(ctx, id)
}

func (l dbLibrary) IsStarred(ctx context.Context, id int64) (map[int]bool, error) {
	return l.db.IsStarred(ctx, id)
}

func hits(hs []library.Hit, err error) ([]hitpane.Hit, error) {
	if err != nil {
		return nil, err
	}
	out := make([]hitpane.Hit, 0, len(hs))
	for _, h := range hs {
		if h.QuoteIndex < 0 {
			continue // a paragraph, not a quote
		}
		out = append(out, hitpane.Hit{BriefingID: h.BriefingID, Title: h.Title, Date: h.Date, Speaker: h.Speaker,
			Kind: h.Kind, Text: h.Text, QuoteIndex: h.QuoteIndex, Paragraph: h.Paragraph})
	}
	return out, nil
}

func (l dbLibrary) Search(ctx context.Context, text string) ([]hitpane.Hit, error) {
	return hits(l.db.Search(ctx, library.Query{Text: text, Limit: searchLimit}))
}

func (l dbLibrary) SpeakerQuotes(ctx context.Context, name string) ([]hitpane.Hit, error) {
	return hits(l.db.SpeakerQuotes(ctx, name))
}

func (l dbLibrary) TopicQuotes(ctx context.Context, topic string) ([]hitpane.Hit, error) {
	return hits(l.db.TopicQuotes(ctx, topic))
}

func (l dbLibrary) Starred(ctx context.Context) ([]hitpane.Hit, error) {
	hs, err := hits(l.db.Starred(ctx))
	for i := range hs {
		hs[i].Starred = true
	}
	return hs, err
}

func (l dbLibrary) Opened(ctx context.Context, id int64) error { return l.db.Opened(ctx, id) }

func (l dbLibrary) SetPosition(ctx context.Context, id int64, p int) error {
	return l.db.SetPosition(ctx, id, p)
}

func (l dbLibrary) Star(ctx context.Context, id int64, qi int, on bool) error {
	return l.db.Star(ctx, id, qi, on)
}

func (l dbLibrary) MarkSeen(ctx context.Context, at time.Time) error {
	return l.db.MarkLibrarySeenAt(ctx, at)
}

func (l dbLibrary) Roots(ctx context.Context) ([]string, error) { return l.db.Roots(ctx) }

// Reindex indexes the paths again; files that failed are its error. A
// path that no longer exists is dropped by indexing the indexed folder
// it was under (a walk that costs a stat per unchanged file).
func (l dbLibrary) Reindex(ctx context.Context, paths []string) error {
	paths, err := l.rootsOfGone(ctx, paths)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return nil
	}
	sum, err := l.db.Index(ctx, paths, l.opt)
	if err != nil {
		return err
	}
	errs := make([]error, len(sum.Failed))
	for i, f := range sum.Failed {
		errs[i] = f
	}
	return errors.Join(errs...)
}

// rootsOfGone replaces each path that no longer exists by the deepest
// indexed root it was under (once), or drops it if none.
func (l dbLibrary) rootsOfGone(ctx context.Context, paths []string) ([]string, error) {
	var roots []string
	seen := map[string]bool{}
	out := make([]string, 0, len(paths))
	for _, p := range paths {
		if _, err := os.Stat(p); err == nil || !errors.Is(err, fs.ErrNotExist) {
			out = append(out, p)
			continue
		}
		if roots == nil {
			var err error
			if roots, err = l.db.Roots(ctx); err != nil {
				return nil, err
			}
		}
		best := ""
		for _, r := range roots {
			if strings.HasPrefix(p, strings.TrimSuffix(r, string(filepath.Separator))+string(filepath.Separator)) && len(r) > len(best) {
				best = r
			}
		}
		if best != "" && !seen[best] {
			seen[best] = true
			out = append(out, best)
		}
	}
	return out, nil
}
