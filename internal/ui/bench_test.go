package ui

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/brief-reader/brief/briefings"
	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/load"
	"github.com/brief-reader/brief/internal/parse"
	"github.com/brief-reader/brief/internal/ui/doc"
	"github.com/brief-reader/brief/internal/ui/quotepane"
)

// corpusDir holds real White House transcripts; BRIEF_CORPUS overrides
// it. Without it the benchmark builds its megabyte from the samples.
func corpusDir() string {
	if d := os.Getenv("BRIEF_CORPUS"); d != "" {
		return filepath.Join(d, "press-briefings")
	}
	return "../../../shared/corpus/whitehouse/press-briefings"
}

// bigTranscript is about 1 MB of real press briefings, front matter
// stripped, concatenated into one transcript. It is built in the
// benchmark, never committed.
var bigTranscript = sync.OnceValue(func() []byte {
	const want = 1 << 20
	var buf bytes.Buffer
	var files []string
	_ = filepath.WalkDir(corpusDir(), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	add := func(data []byte) {
		s := string(data)
		if strings.HasPrefix(s, "---\n") {
			if i := strings.Index(s[4:], "\n---\n"); i >= 0 {
				s = s[4+i+5:]
			}
		}
		buf.WriteString(s)
		buf.WriteString("\n\n")
	}
	for _, f := range files {
		if buf.Len() >= want {
			break
		}
		if data, err := os.ReadFile(f); err == nil {
			add(data)
		}
	}
	for buf.Len() < want {
		for _, name := range []string{"wh-press-briefing-leavitt-2025-01-29.md", "wh-kirby-gaggle-2024-08-23.md", "wh-trump-modi-joint-press-conference-2025-02-13.txt"} {
			data, _ := fs.ReadFile(briefings.FS, name)
			add(data)
		}
	}
	return buf.Bytes()
})

// parsedBig is bigTranscript parsed and classified as brief loads it.
var parsedBig = sync.OnceValue(func() *briefing.Briefing {
	b, err := parse.Parse("big.md", bigTranscript(), parse.Options{ForceKind: true, Kind: briefing.Transcript})
	if err != nil {
		panic(err)
	}
	classifier.Apply(b)
	return b
})

// rawSource serves bigTranscript as a file: loading it parses and
// classifies it.
type rawSource struct{}

func (rawSource) Files(context.Context) ([]string, []load.Result) { return []string{"big.md"}, nil }

func (rawSource) Load(_ context.Context, files []string) []load.Result {
	b, err := parse.Parse("big.md", bigTranscript(), parse.Options{ForceKind: true, Kind: briefing.Transcript})
	if err != nil {
		return []load.Result{{Path: "big.md", Err: err}}
	}
	classifier.Apply(b)
	return []load.Result{{Path: "big.md", Briefing: b}}
}

func reportMedian(b *testing.B, ds []time.Duration) {
	if len(ds) == 0 {
		return
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	b.ReportMetric(float64(ds[len(ds)/2].Nanoseconds()), "median-ns")
	b.ReportMetric(float64(ds[len(ds)*99/100].Nanoseconds()), "p99-ns")
}

// BenchmarkFirstFrame is the time from New to the first frame on screen:
// the layout with its loading state, drawn before the briefing has even
// been read (loading runs in a command).
func BenchmarkFirstFrame(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		m := New(Options{Source: rawSource{}, Theme: asciiTheme()})
		_ = m.Init()
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		if m.View() == "" {
			b.Fatal("empty first frame")
		}
	}
}

// BenchmarkFirstContent is the time from the raw 1 MB file to the first
// frame that shows its text: parse, classify, lay out, draw.
func BenchmarkFirstContent(b *testing.B) {
	data := bigTranscript()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		m := New(Options{Source: rawSource{}, Theme: asciiTheme(), NoGlamour: true})
		drain(b, m, m.Init())
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		if len(m.tabs) != 1 {
			b.Fatal("not loaded")
		}
		_ = m.View()
	}
}

// BenchmarkParseClassify is the part of the first content frame that is
// not the reader's: parsing and classifying the 1 MB transcript.
func BenchmarkParseClassify(b *testing.B) {
	data := bigTranscript()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		br, err := parse.Parse("big.md", data, parse.Options{ForceKind: true, Kind: briefing.Transcript})
		if err != nil {
			b.Fatal(err)
		}
		classifier.Apply(br)
	}
}

// BenchmarkLayoutDoc is laying the parsed 1 MB briefing out (blocks,
// speakers, quote order, measured words), in the loading command.
func BenchmarkLayoutDoc(b *testing.B) {
	br := parsedBig()
	b.ReportAllocs()
	for b.Loop() {
		doc.New(br)
	}
}

// BenchmarkLoadedToFrame is the work on the program's goroutine between
// the 1 MB briefing arriving and its first frame: the tab, every block's
// height, the lists, drawing.
func BenchmarkLoadedToFrame(b *testing.B) {
	br := parsedBig()
	d := doc.New(br)
	b.ReportAllocs()
	for b.Loop() {
		m := New(Options{Source: memSource{br}, Theme: asciiTheme(), NoGlamour: true})
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		m.Update(filesMsg{gen: 0, files: []string{br.Path}})
		m.Update(loadedMsg{gen: 0, start: 0, results: []load.Result{{Path: br.Path, Briefing: br}}, docs: []*doc.Doc{d}})
		_ = m.View()
	}
}

func bigModel(b *testing.B, w, h int, glamour bool) *Model {
	b.Helper()
	opts := []testOpt{}
	if glamour {
		opts = append(opts, withGlamour)
	}
	m := newModelFor(b, w, h, []*briefing.Briefing{parsedBig()}, opts...)
	if len(m.tabs) != 1 {
		b.Fatal("not loaded")
	}
	return m
}

var benchKeys = []string{"j", "j", "k", "d", "u", "]", "]", "[", "n", "N", "space", "b", "}", "{", "1", "2", "G", "g"}

// BenchmarkKeyPress is one key press, Update and View, on the 1 MB
// transcript with glamour's renders in the cache: what the user waits
// for. Render commands are created but not run (they run in the
// background in the program).
func BenchmarkKeyPress(b *testing.B) {
	for _, sz := range [][2]int{{120, 40}, {200, 60}} {
		b.Run(strconv.Itoa(sz[0])+"x"+strconv.Itoa(sz[1]), func(b *testing.B) {
			m := bigModel(b, sz[0], sz[1], true)
			benchFrames(b, m, func(i int) tea.Msg { return keyMsg(benchKeys[i%len(benchKeys)]) })
		})
	}
}

// BenchmarkKeyPressCold is the same with nothing rendered or cached yet:
// every key lands on text drawn from the plain wrap.
func BenchmarkKeyPressCold(b *testing.B) {
	m := bigModel(b, 120, 40, false)
	benchFrames(b, m, func(i int) tea.Msg {
		if (i+1)%len(benchKeys) == 0 {
			m.tab().rd.ForgetLines()
		}
		return keyMsg(benchKeys[i%len(benchKeys)])
	})
}

// BenchmarkResize is a terminal resize on the 1 MB transcript: every
// block's height at the new width, then the frame.
func BenchmarkResize(b *testing.B) {
	m := bigModel(b, 120, 40, false)
	benchFrames(b, m, func(i int) tea.Msg { return tea.WindowSizeMsg{Width: 120 + i%7, Height: 40} })
}

// benchFrames times, for each iteration i, the model's Update with msg(i)
// and the frame drawn after it, and reports their median.
func benchFrames(b *testing.B, m *Model, msg func(i int) tea.Msg) {
	var ds []time.Duration
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		k := msg(i)
		t0 := time.Now()
		m.Update(k)
		_ = m.View()
		ds = append(ds, time.Since(t0))
	}
	reportMedian(b, ds)
}

// BenchmarkSearch is typing one more letter of a search on the 1 MB
// transcript (incremental search over every paragraph).
func BenchmarkSearch(b *testing.B) {
	m := bigModel(b, 120, 40, false)
	press(b, m, "/", "type:presiden")
	benchLetter(b, m, "t")
}

// benchLetter times typing one more letter into the query being typed, and
// drawing the frame, then takes the letter back.
func benchLetter(b *testing.B, m *Model, letter string) {
	b.ReportAllocs()
	for b.Loop() {
		m.Update(keyMsg(letter))
		_ = m.View()
		m.Update(keyMsg("backspace"))
	}
}

// TestBigTranscript checks the benchmark fixture itself: about a
// megabyte, a transcript with many turns, drawn at every size.
func TestBigTranscript(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("large fixture")
	}
	data := bigTranscript()
	if len(data) < 1<<20 {
		t.Fatalf("fixture is %d bytes", len(data))
	}
	br := parsedBig()
	if len(br.Quotes) < 1000 {
		t.Fatalf("fixture has %d quotes", len(br.Quotes))
	}
	m := newModelFor(t, 120, 40, []*briefing.Briefing{br})
	for _, k := range benchKeys {
		press(t, m, k)
		checkFrame(t, m.View(), 120, 40)
	}
}

// BenchmarkQuoteFilter is typing one more letter of a Quotes pane filter
// on the 1 MB transcript (fuzzy over every quote).
func BenchmarkQuoteFilter(b *testing.B) {
	m := newModelFor(b, 160, 40, []*briefing.Briefing{parsedBig()})
	press(b, m, "shift+tab", "/", "type:tarif")
	benchLetter(b, m, "f")
}

// BenchmarkQuoteFilterCold is the first letter of a Quotes filter on the
// 1 MB transcript: the key press itself (Update and View), and the fuzzy
// pass over every quote, which runs in a command on a list this long.
func BenchmarkQuoteFilterCold(b *testing.B) {
	b.Run("key", func(b *testing.B) {
		m := newModelFor(b, 160, 40, []*briefing.Briefing{parsedBig()})
		press(b, m, "shift+tab", "/")
		b.ReportAllocs()
		for b.Loop() {
			tb := m.tab()
			tb.qp.SetBase(tb.rd.Quotes(), false)
			m.Update(keyMsg("t"))
			_ = m.View()
			m.Update(keyMsg("backspace"))
		}
	})
	b.Run("command", func(b *testing.B) {
		d := doc.New(parsedBig())
		base := append([]int(nil), d.Order...)
		b.ReportAllocs()
		for b.Loop() {
			quotepane.FilterList(d, base, "t")
		}
	})
}
