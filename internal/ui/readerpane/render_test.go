package readerpane

import (
	"io/fs"
	"testing"

	"github.com/muesli/termenv"

	"github.com/brief-reader/brief/briefings"
	"github.com/brief-reader/brief/internal/parse"
	"github.com/brief-reader/brief/internal/ui/doc"
	"github.com/brief-reader/brief/internal/ui/theme"
)

// sampleDocs lays out every sample briefing.
func sampleDocs(tb testing.TB) []*doc.Doc {
	tb.Helper()
	names, err := fs.Glob(briefings.FS, "*")
	if err != nil || len(names) == 0 {
		tb.Fatalf("no samples: %v", err)
	}
	var out []*doc.Doc
	for _, n := range names {
		data, err := fs.ReadFile(briefings.FS, n)
		if err != nil {
			tb.Fatal(err)
		}
		b, err := parse.Parse(n, data, parse.DefaultOptions())
		if err != nil {
			tb.Fatalf("%s: %v", n, err)
		}
		out = append(out, doc.New(b))
	}
	return out
}

// BenchmarkGlamourChunk is glamour's cost for one chunk (up to 24
// paragraphs) of the samples, paid in a background command.
func BenchmarkGlamourChunk(b *testing.B) {
	th := theme.Resolve(theme.Dark, func(string) string { return "" }, termenv.ANSI256) // as in tmux
	type chunk struct {
		d *doc.Doc
		c int
	}
	var chunks []chunk
	n := 0
	for _, d := range sampleDocs(b) {
		for c := range d.Chunks {
			chunks = append(chunks, chunk{d, c})
			for blk := d.Chunks[c].First; blk <= d.Chunks[c].Last; blk++ {
				n += len(d.Text(blk))
			}
		}
	}
	b.SetBytes(int64(n / len(chunks)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		c := chunks[i%len(chunks)]
		if _, err := renderBlocks(c.d, c.c, th); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
