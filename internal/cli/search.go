package cli

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/export"
	"github.com/brief-reader/brief/internal/library"
	"github.com/brief-reader/brief/internal/textclean"
)

func newSearchCmd(e *env) *cobra.Command {
	var (
		lib, format, speaker, topic, kind, since, until, topicsF string
		limit                                                    int
		paragraphs                                               bool
	)
	cmd := &cobra.Command{
		Use:   "search [flags] QUERY...",
		Short: "Search the quotes of every indexed briefing",
		Long: `search finds quotes across the library (see brief index), best matches first,
each with its citation: speaker, briefing, date, paragraph and file.

The query words are joined with spaces; each must match. Like fzf:
  word        words starting with word
  'word       the word exactly
  "a phrase"  these words in this order
  !word       leave out quotes with the word
  a | b       either
Punctuation is ignored. With no QUERY, the filters alone select quotes, in date
order.

--speaker matches a speaker's name, id or alias as brief export --speaker does;
--topic a topic id (see brief topics); --kind direct, reported or turn;
--since and --until a date (2025-01-31, 2025-01 or 2025), inclusive.
--paragraphs searches paragraphs, narration included, instead of quotes.`,
		Example: `  brief search tariffs --speaker Leavitt
  brief search "'ceasefire" --since 2025-01 --format md
  brief search '"supply chain" !china' --limit 5
  brief search --topic defence --kind direct --format json`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			usage := func(err error) error { return &exitError{code: exitUsage, err: err} }
			f, err := export.ParseFormat(format)
			if err != nil {
				return usage(fmt.Errorf("--format: %w", err))
			}
			q := library.Query{Text: strings.Join(args, " "), Speaker: textclean.Line(speaker), Topic: topic, Limit: limit, Paragraphs: paragraphs}
			if limit < 0 {
				return usage(fmt.Errorf("--limit: must not be negative, got %d", limit))
			}
			if kind != "" {
				k, err := briefing.ParseQuoteKind(kind)
				if err != nil {
					return usage(fmt.Errorf("--kind: %w", err))
				}
				q.Kind = &k
			}
			if q.Since, err = parseDate(since, false); err != nil {
				return usage(fmt.Errorf("--since: %w", err))
			}
			if q.Until, err = parseDate(until, true); err != nil {
				return usage(fmt.Errorf("--until: %w", err))
			}
			if !q.Since.IsZero() && !q.Until.IsZero() && q.Until.Before(q.Since) {
				return usage(fmt.Errorf("--until %s is before --since %s", until, since))
			}
			if strings.TrimSpace(q.Text) == "" && q.Speaker == "" && q.Topic == "" && q.Kind == nil && q.Since.IsZero() && q.Until.IsZero() {
				return usage(errors.New("give a QUERY, or a filter such as --speaker or --topic"))
			}
			if strings.TrimSpace(q.Text) != "" {
				if _, err := library.ParseQuery(q.Text); err != nil {
					return usage(err)
				}
			}
			if topic != "" {
				user, err := userTopics(e, topicsF)
				if err != nil {
					return usage(err)
				}
				if err := checkTopicIDs(mergeTopics(user), []string{topic}); err != nil {
					return usage(fmt.Errorf("--topic: %w", err))
				}
			}
			db, err := openLibraryToRead(cmd.Context(), e, lib)
			if err != nil {
				return err
			}
			defer db.Close()
			hits, err := db.Search(cmd.Context(), q)
			if err != nil {
				return &exitError{code: exitSkipped, err: err}
			}
			if err := writeHits(e.stdout, f, q, hits); err != nil {
				return &exitError{code: exitSkipped, err: fmt.Errorf("writing output: %w", err)}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&lib, "library", "", "the library `FILE` (default $BRIEF_LIBRARY, else $XDG_DATA_HOME/brief/library.db)")
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output `FORMAT`: text, md or json")
	cmd.Flags().StringVarP(&speaker, "speaker", "s", "", "keep quotes by `NAME` (name, id or alias)")
	cmd.Flags().StringVarP(&topic, "topic", "t", "", "keep quotes on topic `ID` (see brief topics)")
	cmd.Flags().StringVar(&kind, "kind", "", "keep quotes of `KIND` direct, reported or turn")
	cmd.Flags().StringVar(&since, "since", "", "keep briefings dated `DATE` or later (2025-01-31, 2025-01, 2025)")
	cmd.Flags().StringVar(&until, "until", "", "keep briefings dated `DATE` or earlier")
	cmd.Flags().IntVarP(&limit, "limit", "n", 20, "show at most `N` hits (0: all)")
	cmd.Flags().BoolVar(&paragraphs, "paragraphs", false, "search paragraphs (narration too) instead of quotes")
	cmd.Flags().StringVar(&topicsF, "topics", "", "topics from YAML `FILE`, for checking --topic (after $XDG_CONFIG_HOME/brief/topics.yaml)")
	return cmd
}

// parseDate reads 2025-01-31, 2025-01 or 2025: the first day of the
// period, or with end its last.
func parseDate(s string, end bool) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	for _, l := range []struct {
		layout string
		years  int
		months int
		days   int
	}{{"2006-01-02", 0, 0, 1}, {"2006-01", 0, 1, 0}, {"2006", 1, 0, 0}} {
		t, err := time.Parse(l.layout, strings.TrimSpace(s))
		if err != nil {
			continue
		}
		if end {
			t = t.AddDate(l.years, l.months, l.days).AddDate(0, 0, -1)
		}
		return t, nil
	}
	return time.Time{}, fmt.Errorf("invalid date %q (want 2025-01-31, 2025-01 or 2025)", s)
}

// hitCitation is a hit's citation as export writes one, and its file.
func hitCitation(h library.Hit) string {
	b := &briefing.Briefing{Title: h.Title, Date: h.DateText, SourceURL: h.SourceURL}
	s := &briefing.Speaker{Name: h.Speaker, Role: h.Role}
	if s.Name == "" {
		s.Name = "(narration)"
	}
	q := briefing.Quote{Kind: h.Kind, Partial: h.Partial, Paragraph: h.Paragraph, EndParagraph: h.EndParagraph}
	return export.Citation(b, s, q) + " · " + textclean.Path(h.Path)
}

// hitText is what a hit shows: the snippet around the match, or the whole
// quote without a text search; mark dresses each match.
func hitText(h library.Hit, escape func(string) string, mark string) string {
	t := h.Text
	if h.Snippet != "" {
		t = h.Snippet
	}
	// Each piece is cleaned on its own, so the marks are not taken for
	// control characters.
	var b strings.Builder
	for i, part := range strings.Split(t, library.SnippetOpen) {
		if i == 0 {
			b.WriteString(escape(textclean.Normalize(part)))
			continue
		}
		match, rest, _ := strings.Cut(part, library.SnippetClose)
		b.WriteString(mark + escape(textclean.Normalize(match)) + mark + escape(textclean.Normalize(rest)))
	}
	t = b.String()
	if h.QuoteIndex >= 0 && h.Kind == briefing.Direct {
		t = "“" + t + "”"
	}
	return t
}

// writeHits writes search results in format f.
func writeHits(w io.Writer, f export.Format, q library.Query, hits []library.Hit) error {
	if f == export.JSON {
		return writeHitsJSON(w, q, hits)
	}
	bw := bufio.NewWriter(w)
	md := f == export.Markdown
	noun := "quotes"
	if q.Paragraphs {
		noun = "paragraphs"
	}
	if md {
		fmt.Fprintf(bw, "# Search: %s\n\n_%d %s_\n", export.MarkdownEscape(textclean.Line(searchTitle(q))), len(hits), noun)
	}
	if len(hits) == 0 && !md {
		fmt.Fprintf(bw, "No %s match.\n", noun)
	}
	for i, h := range hits {
		if md {
			fmt.Fprintf(bw, "\n")
			for j, p := range strings.Split(hitText(h, export.MarkdownEscape, "**"), "\n\n") {
				if j > 0 {
					bw.WriteString(">\n")
				}
				fmt.Fprintf(bw, "> %s\n", p)
			}
			fmt.Fprintf(bw, ">\n> — %s\n", export.MarkdownEscape(hitCitation(h)))
			continue
		}
		if i > 0 {
			bw.WriteString("\n")
		}
		fmt.Fprintf(bw, "%s\n", hitCitation(h))
		for _, p := range strings.Split(hitText(h, func(s string) string { return s }, ""), "\n\n") {
			fmt.Fprintf(bw, "  %s\n", p)
		}
	}
	return bw.Flush()
}

// searchTitle is how a query reads in a heading.
func searchTitle(q library.Query) string {
	parts := []string{}
	if q.Text != "" {
		parts = append(parts, q.Text)
	}
	if q.Speaker != "" {
		parts = append(parts, "speaker "+q.Speaker)
	}
	if q.Topic != "" {
		parts = append(parts, "topic "+q.Topic)
	}
	if q.Kind != nil {
		parts = append(parts, "kind "+q.Kind.String())
	}
	return strings.Join(parts, " · ")
}

type hitJSON struct {
	BriefingID   int64    `json:"briefing_id"`
	Path         string   `json:"path"`
	Title        string   `json:"title"`
	Date         string   `json:"date"`
	SourceURL    string   `json:"source_url,omitempty"`
	Speaker      string   `json:"speaker"`
	SpeakerID    string   `json:"speaker_id"`
	Role         string   `json:"role,omitempty"`
	Kind         string   `json:"kind,omitempty"`
	Partial      bool     `json:"partial,omitempty"`
	Text         string   `json:"text"`
	Paragraph    int      `json:"paragraph"`
	EndParagraph int      `json:"end_paragraph"`
	Quote        *int     `json:"quote,omitempty"`
	Topics       []string `json:"topics"`
	Rank         float64  `json:"rank"`
	Citation     string   `json:"citation"`
}

type searchJSON struct {
	Version    int       `json:"version"`
	Query      string    `json:"query"`
	Speaker    string    `json:"speaker,omitempty"`
	Topic      string    `json:"topic,omitempty"`
	Kind       string    `json:"kind,omitempty"`
	Since      string    `json:"since,omitempty"`
	Until      string    `json:"until,omitempty"`
	Paragraphs bool      `json:"paragraphs,omitempty"`
	Count      int       `json:"count"`
	Hits       []hitJSON `json:"hits"`
}

func writeHitsJSON(w io.Writer, q library.Query, hits []library.Hit) error {
	doc := searchJSON{Version: 1, Query: q.Text, Speaker: q.Speaker, Topic: q.Topic, Paragraphs: q.Paragraphs, Count: len(hits), Hits: []hitJSON{}}
	if q.Kind != nil {
		doc.Kind = q.Kind.String()
	}
	if !q.Since.IsZero() {
		doc.Since = q.Since.Format("2006-01-02")
	}
	if !q.Until.IsZero() {
		doc.Until = q.Until.Format("2006-01-02")
	}
	for _, h := range hits {
		j := hitJSON{BriefingID: h.BriefingID, Path: h.Path, Title: textclean.Line(h.Title), Date: h.DateText, SourceURL: h.SourceURL,
			Speaker: h.Speaker, SpeakerID: h.SpeakerID, Role: h.Role, Partial: h.Partial, Text: h.Text,
			Paragraph: h.Paragraph, EndParagraph: h.EndParagraph, Topics: h.Topics, Rank: h.Rank, Citation: hitCitation(h)}
		if j.Topics == nil {
			j.Topics = []string{}
		}
		if h.QuoteIndex >= 0 {
			qi := h.QuoteIndex
			j.Quote, j.Kind = &qi, h.Kind.String()
		}
		doc.Hits = append(doc.Hits, j)
	}
	enc := json.NewEncoder(export.EscapeWriter(w))
	enc.SetIndent("", " ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}
