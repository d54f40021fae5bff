package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/parse"
	"github.com/brief-reader/brief/internal/textclean"
)

// TestSpeakerKindsAndPartialQuotes checks that text and Markdown say which
// voices are organisations or unnamed sources, and which quotes are partial.
func TestSpeakerKindsAndPartialQuotes(t *testing.T) {
	text := "The agency and a spokeswoman spoke. “a disgrace”"
	b := &briefing.Briefing{
		Path: "x.txt", Title: "X",
		Speakers: []briefing.Speaker{
			{ID: "agency", Name: "Agency", Kind: briefing.Organization, Quotes: 1},
			{ID: "spokeswoman", Name: "Treasury spokeswoman", Kind: briefing.Unnamed, Quotes: 1},
		},
		Paragraphs: []briefing.Paragraph{{Index: 0, Text: text}},
		Quotes: []briefing.Quote{
			{Speaker: "agency", Kind: briefing.Direct, Text: "The agency", Start: 0, End: 10},
			{Speaker: "spokeswoman", Kind: briefing.Direct, Partial: true, Text: "a disgrace", Start: 39, End: 49},
		},
	}
	for _, f := range []Format{Text, Markdown} {
		var out bytes.Buffer
		if err := Write(&out, f, []*briefing.Briefing{b}, briefing.Filter{}); err != nil {
			t.Fatal(err)
		}
		got := out.String()
		for _, want := range []string{"Agency (organization)", "Treasury spokeswoman (unnamed source)", "(partial)"} {
			if !strings.Contains(got, want) {
				t.Errorf("%s output lacks %q:\n%s", f, want, got)
			}
		}
	}
}

// seedBriefings parses the bundled samples.
func seedBriefings(t *testing.T) []*briefing.Briefing {
	return parseSamples(t, "india-japan-defence-misri-ani.txt", "wh-press-briefing-leavitt-2025-01-29.md", "wh-trump-modi-joint-press-conference-2025-02-13.txt")
}

// parseSamples parses the named files of the bundled samples (briefings/).
func parseSamples(tb testing.TB, names ...string) []*briefing.Briefing {
	tb.Helper()
	var bs []*briefing.Briefing
	for _, name := range names {
		data, err := os.ReadFile("../../briefings/" + name)
		if err != nil {
			tb.Fatal(err)
		}
		b, err := parse.Parse(name, data, parse.DefaultOptions())
		if err != nil {
			tb.Fatalf("%s: %v", name, err)
		}
		bs = append(bs, b)
	}
	return bs
}

// countingWriter counts write calls and fails once it has taken limit
// bytes (never when limit is negative).
type countingWriter struct {
	writes, n, limit int
	sb               strings.Builder
}

var errFull = errors.New("no space left on device")

func (w *countingWriter) Write(p []byte) (int, error) {
	w.writes++
	if w.limit >= 0 && w.n+len(p) > w.limit {
		k := w.limit - w.n
		w.n += k
		w.sb.Write(p[:k])
		return k, errFull
	}
	w.n += len(p)
	w.sb.Write(p)
	return len(p), nil
}

// TestPeopleFormatsWriteInBlocks checks that Markdown and text leave in a
// few large writes, not one per quote piece.
func TestPeopleFormatsWriteInBlocks(t *testing.T) {
	bs := seedBriefings(t)
	for _, f := range []Format{Markdown, Text} {
		w := &countingWriter{limit: -1}
		if err := Write(w, f, bs, briefing.Filter{}); err != nil {
			t.Fatalf("%v: %v", f, err)
		}
		if want := w.n/writeBuffer + 1; w.writes > want {
			t.Errorf("%v: %d write calls for %d bytes, want at most %d", f, w.writes, w.n, want)
		}
		if !strings.Contains(w.sb.String(), "Vikram Misri") {
			t.Errorf("%v: output lacks the seed's speaker", f)
		}
	}
}

// TestWriteErrors checks that a failing writer's error comes back, wherever
// the output stops.
func TestWriteErrors(t *testing.T) {
	bs := seedBriefings(t)
	for _, f := range []Format{JSON, Markdown, Text} {
		full := &countingWriter{limit: -1}
		if err := Write(full, f, bs, briefing.Filter{}); err != nil {
			t.Fatal(err)
		}
		for _, limit := range []int{0, 10, writeBuffer - 1, full.n - 1} {
			w := &countingWriter{limit: limit}
			if err := Write(w, f, bs, briefing.Filter{}); !errors.Is(err, errFull) {
				t.Errorf("%v, writer full after %d of %d bytes: error %v, want %v", f, limit, full.n, err, errFull)
			}
		}
	}
}

// TestEscapeWriter: what the escape writer passes on decodes to the strings
// encoding/json was given, and holds none of the characters it escapes.
func TestEscapeWriter(t *testing.T) {
	in := []string{"plain", "a\u009bb", "\u202eabc\u200b", "tag\U000E0041", "nbsp\u00a0del\x7f", "esc\x1b[2J", "“curly” — ü 日本"}
	var buf bytes.Buffer
	if err := json.NewEncoder(escapeWriter{&buf}).Encode(in); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"\u009b", "\u202e", "\u200b", "\U000E0041", "\u00a0", "\x7f", "\x1b"} {
		if strings.Contains(buf.String(), bad) {
			t.Errorf("output holds %q raw: %s", bad, buf.String())
		}
	}
	var back []string
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatalf("bad JSON %s: %v", buf.String(), err)
	}
	for i := range in {
		if back[i] != in[i] {
			t.Errorf("decoded %q, want %q", back[i], in[i])
		}
	}
}

// BenchmarkEscapeWriter measures the escape writer over a clean JSON
// document of mixed ASCII and other scripts, the usual case.
func BenchmarkEscapeWriter(b *testing.B) {
	doc := []byte(strings.Repeat(`{"text": "“We will,” said the Foreign Secretary — विदेश सचिव, 日本."},`+"\n", 20000))
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := (escapeWriter{io.Discard}).Write(doc); err != nil {
			b.Fatal(err)
		}
	}
}

// document is the JSON export as one value, the way it was written before
// the Encoder streamed it: the reference for TestEncoderMatchesDocument.
type document struct {
	Version   int                  `json:"version"`
	Filter    *filterJSON          `json:"filter,omitempty"`
	Briefings []*briefing.Briefing `json:"briefings"`
}

// encodeDocument writes briefings as one encoding/json document.
func encodeDocument(w io.Writer, bs []*briefing.Briefing, flt briefing.Filter) error {
	doc := document{Version: Version, Briefings: []*briefing.Briefing{}}
	if !flt.Empty() {
		fj := &filterJSON{Speakers: cleanAll(flt.Speakers), Topics: cleanAll(flt.Topics)}
		for _, k := range flt.Kinds {
			fj.Kinds = append(fj.Kinds, k.String())
		}
		doc.Filter = fj
	}
	for _, b := range bs {
		c := *b
		c.Title = textclean.Line(b.Title)
		c.Quotes = flt.Quotes(b)
		doc.Briefings = append(doc.Briefings, &c)
	}
	enc := json.NewEncoder(escapeWriter{w})
	enc.SetIndent("", " ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

// TestEncoderMatchesDocument checks that the streamed JSON is byte for byte
// the document encoding/json writes for the same briefings: none, one, or
// all the samples, with and without a filter (whose values hold characters
// HTML escaping and textclean would change).
func TestEncoderMatchesDocument(t *testing.T) {
	bs := seedBriefings(t)
	bs[0].Title += " <b>&\u202e"
	filters := []briefing.Filter{{}, {Speakers: []string{"Misri", "<x>\u200b"}, Kinds: []briefing.QuoteKind{briefing.Direct}}, {Topics: []string{"defence"}}}
	for _, n := range []int{0, 1, len(bs)} {
		for fi, flt := range filters {
			var want, got bytes.Buffer
			if err := encodeDocument(&want, bs[:n], flt); err != nil {
				t.Fatal(err)
			}
			if err := Write(&got, JSON, bs[:n], flt); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("%d briefings, filter %d: streamed JSON differs from the document:\n got %.300q\nwant %.300q", n, fi, got.String(), want.String())
			}
		}
	}
}

// BenchmarkWriteJSON compares writing the seed briefing's JSON with the
// Encoder and as one encoding/json document, in the same run.
func BenchmarkWriteJSON(b *testing.B) {
	bs := parseSamples(b, "india-japan-defence-misri-ani.txt")
	var out bytes.Buffer
	if err := Write(&out, JSON, bs, briefing.Filter{}); err != nil {
		b.Fatal(err)
	}
	b.Run("encoder", func(b *testing.B) {
		b.SetBytes(int64(out.Len()))
		b.ReportAllocs()
		for b.Loop() {
			if err := Write(io.Discard, JSON, bs, briefing.Filter{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("document", func(b *testing.B) {
		b.SetBytes(int64(out.Len()))
		b.ReportAllocs()
		for b.Loop() {
			if err := encodeDocument(io.Discard, bs, briefing.Filter{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestAppendIndentedMatchesIndent checks the Encoder's indenter against
// json.Indent on what encoding/json writes: strings holding quotes,
// backslashes, brackets, colons and commas, empty and nested objects and
// arrays, numbers, true, false and null.
func TestAppendIndentedMatchesIndent(t *testing.T) {
	values := []any{
		map[string]any{},
		[]any{},
		"plain",
		`a "quoted" \ back\slash \\" {[:,]} ends with \`,
		map[string]any{"a": []any{}, "b": map[string]any{}, "c": []any{1, 2.5, -3e9, true, false, nil, "x\u2028y\u00e9\t"}},
		[]any{[]any{[]any{}}, map[string]any{"k:,": map[string]any{"[": "]"}}},
		seedBriefingsAny(t),
	}
	for i, v := range values {
		src, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		for _, pre := range []string{"", "  "} {
			var want bytes.Buffer
			if err := json.Indent(&want, src, pre, " "); err != nil {
				t.Fatal(err)
			}
			if got := appendIndented(nil, src, pre, " ", nil); !bytes.Equal(got, want.Bytes()) {
				t.Errorf("value %d, prefix %q:\n got %.200q\nwant %.200q", i, pre, got, want.Bytes())
			}
			// Flushed in pieces, the same bytes.
			var pieces []byte
			flushes := 0
			flush := func(b []byte) []byte {
				flushes++
				pieces = append(pieces, b...)
				return b[:0]
			}
			pieces = append(pieces, appendIndented(nil, src, pre, " ", flush)...)
			if !bytes.Equal(pieces, want.Bytes()) {
				t.Errorf("value %d, prefix %q, flushed in pieces: differs from json.Indent", i, pre)
			}
			if len(want.Bytes()) > 2*writeBuffer && flushes == 0 {
				t.Errorf("value %d: %d bytes indented in one piece, want pieces of about %d", i, want.Len(), writeBuffer)
			}
		}
	}
}

// seedBriefingsAny is the samples as one value to encode.
func seedBriefingsAny(t *testing.T) any { return seedBriefings(t) }

// BenchmarkIndent compares the Encoder's indenter with json.Indent on the
// JSON of the samples.
func BenchmarkIndent(b *testing.B) {
	bs := parseSamples(b, "india-japan-defence-misri-ani.txt", "wh-press-briefing-leavitt-2025-01-29.md")
	src, err := json.Marshal(bs)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("appendIndented", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		var dst []byte
		for b.Loop() {
			dst = appendIndented(dst[:0], src, "  ", " ", nil)
		}
	})
	b.Run("json.Indent", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		var dst bytes.Buffer
		for b.Loop() {
			dst.Reset()
			if err := json.Indent(&dst, src, "  ", " "); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkWriteText measures writing the seed briefing's quotes in the
// text and Markdown formats.
func BenchmarkWriteText(b *testing.B) {
	bs := parseSamples(b, "india-japan-defence-misri-ani.txt")
	for _, f := range []Format{Text, Markdown} {
		b.Run(f.String(), func(b *testing.B) {
			var out bytes.Buffer
			if err := Write(&out, f, bs, briefing.Filter{}); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(out.Len()))
			b.ReportAllocs()
			for b.Loop() {
				if err := Write(io.Discard, f, bs, briefing.Filter{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
