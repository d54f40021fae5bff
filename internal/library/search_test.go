package library

import (
	"context"
	"maps"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/brief-reader/brief/internal/briefing"
)

func TestParseQuery(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"tariffs", `"tariffs" *`},
		{"'tariffs", `"tariffs"`},
		{`"supply chain"`, `"supply chain"`},
		{"trade !china", `"trade" * NOT "china" *`},
		{"trade !'china", `"trade" * NOT "china"`},
		{"a | b c", `("a" * OR "b" *) AND "c" *`},
		{"don't", `"don t" *`},
		{"Misri's  defence", `"misri s" * AND "defence" *`},
		{`"unclosed phrase`, `"unclosed phrase"`},
		{"NEAR(a b)", `"near a" * AND "b" *`},
		{"AND", `"and" *`},
		{"x*", `"x" *`},
		{"café", `"café" *`},
	} {
		got, err := ParseQuery(tc.in)
		if err != nil || !strings.EqualFold(got, tc.want) {
			t.Errorf("ParseQuery(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	for _, in := range []string{"", "   ", `"`, "*", "!x", "!'x !y", "()", "| |", `"" ''`} {
		if got, err := ParseQuery(in); err == nil {
			t.Errorf("ParseQuery(%q) = %q, want an error", in, got)
		}
	}
}

// safeMatch is the shape of every expression ParseQuery makes: quoted runs
// of letters, digits and spaces, with * after some, joined by AND, OR, NOT
// and parentheses.
var safeMatch = regexp.MustCompile(`^(\(|\)|"[\pL\pN\pM ]+"( \*)?| AND | OR | NOT )+$`)

func TestHostileQueries(t *testing.T) {
	db := openTemp(t)
	index(t, db, samples(t))
	ctx := context.Background()
	hostile := []string{
		`"`, `*`, `NEAR(`, `NEAR(a b, 2)`, `AND`, `OR`, `NOT`, `a AND`, `AND a`, `(`, `)`, `""""`, `'`, `!`, `!!x`, `^x$`,
		`text:india`, `quotes_fts:india`, `-india`, `+india`, `{text}: india`, `india*`, "\x00india", "india\x1b[31m",
		`'"`, `|`, `| india`, `india |`, `!india | japan`, `india | !japan`, strings.Repeat("india ", 500), strings.Repeat("(", 300),
		"🇮🇳 india", `\"india\"`, `a"b"c`, `"a" OR "b"`, `rank`, `bm25(quotes_fts)`, `'; DROP TABLE quotes; --`,
	}
	for _, q := range hostile {
		if m, err := ParseQuery(q); err == nil && !safeMatch.MatchString(m) {
			t.Errorf("ParseQuery(%q) = %q: not of the safe shape", q, m)
		}
		for _, para := range []bool{false, true} {
			hits, err := db.Search(ctx, Query{Text: q, Paragraphs: para, Limit: 5})
			if err != nil {
				if strings.Contains(err.Error(), "fts5") || strings.Contains(err.Error(), "SQL") {
					t.Errorf("Search(%q): an SQL error reached the user: %v", q, err)
				}
				continue
			}
			if len(hits) > 5 {
				t.Errorf("Search(%q): %d hits past the limit", q, len(hits))
			}
		}
	}
	// The tables are intact.
	if n, _ := db.Count(ctx); n == 0 {
		t.Fatal("briefings gone after hostile queries")
	}
}

func TestSearchFilters(t *testing.T) {
	db := openTemp(t)
	dir := samples(t)
	index(t, db, dir)
	ctx := context.Background()
	bs := parseFiles(t, sampleFiles(t, dir))

	// Filters alone agree with briefing.Filter (what export uses), in
	// date order.
	turn := briefing.Turn
	for _, q := range []Query{
		{Speaker: "Leavitt"}, {Speaker: "karoline leavitt"}, {Speaker: "Misri"}, {Speaker: "Kirby"},
		{Topic: "trade"}, {Topic: "defence"}, {Topic: "diplomacy"}, {Speaker: "Leavitt", Topic: "trade"},
		{Kind: &turn}, {Speaker: "Leavitt", Kind: &turn},
	} {
		flt := briefing.Filter{}
		if q.Speaker != "" {
			flt.Speakers = []string{q.Speaker}
		}
		if q.Topic != "" {
			flt.Topics = []string{q.Topic}
		}
		if q.Kind != nil {
			flt.Kinds = []briefing.QuoteKind{*q.Kind}
		}
		want := map[string]int{}
		total := 0
		for _, b := range bs {
			if n := len(flt.Quotes(b)); n > 0 {
				want[b.Path] = n
				total += n
			}
		}
		hits, err := db.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]int{}
		for i, h := range hits {
			got[h.Path]++
			// Newest last, briefings of unknown date after all.
			if prev := hits[max(i-1, 0)].Date; i > 0 && (prev.IsZero() && !h.Date.IsZero() || !h.Date.IsZero() && h.Date.Before(prev)) {
				t.Errorf("%+v: hits not in date order", q)
			}
		}
		if len(hits) != total || total == 0 || !maps.Equal(got, want) {
			t.Errorf("Search(%+v): %d hits %v, export's filter keeps %d %v", q, len(hits), got, total, want)
		}
	}

	// A word with a speaker: the speaker's quotes holding the word.
	word := regexp.MustCompile(`(?i)\btariffs\b`)
	want := 0
	for _, b := range bs {
		for _, q := range (briefing.Filter{Speakers: []string{"Leavitt"}}).Quotes(b) {
			if word.MatchString(q.Text) {
				want++
			}
		}
	}
	hits, err := db.Search(ctx, Query{Text: "'tariffs", Speaker: "Leavitt"})
	if err != nil || len(hits) != want || want == 0 {
		t.Fatalf("'tariffs by Leavitt: %d hits (%v), want %d", len(hits), err, want)
	}
	for i, h := range hits {
		if h.Speaker != "Karoline Leavitt" || !word.MatchString(h.Text) || !strings.Contains(h.Snippet, SnippetOpen) {
			t.Errorf("hit %+v", h)
		}
		if i > 0 && h.Rank > hits[i-1].Rank {
			t.Errorf("hits not ranked: %v after %v", h.Rank, hits[i-1].Rank)
		}
	}
	// Exclusion, limit and dates.
	not, _ := db.Search(ctx, Query{Text: "'tariffs !'china", Speaker: "Leavitt"})
	for _, h := range not {
		if strings.Contains(strings.ToLower(h.Text), "china") {
			t.Errorf("!china kept %q", h.Text)
		}
	}
	if lim, _ := db.Search(ctx, Query{Speaker: "Leavitt", Limit: 3}); len(lim) != 3 {
		t.Errorf("limit 3: %d hits", len(lim))
	}
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	in, _ := db.Search(ctx, Query{Speaker: "Leavitt", Since: day("2025-01-29"), Until: day("2025-01-29")})
	out, _ := db.Search(ctx, Query{Speaker: "Leavitt", Since: day("2025-01-30")})
	if len(in) == 0 || len(out) != 0 {
		t.Errorf("date filters: %d hits on the day, %d after it", len(in), len(out))
	}
}
