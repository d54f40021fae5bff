package web

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// transcriptPage is a press-briefing page of n turns in a page's chrome.
func transcriptPage(n int) []byte {
	var b strings.Builder
	b.WriteString(`<!doctype html><html><head><title>Press Briefing by Press Secretary Karoline Leavitt</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav><main><article><h1>Press Briefing by Press Secretary Karoline Leavitt</h1>`)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "<p>MS. LEAVITT:&nbsp; Answer %d: the President has been clear about trade, tariffs and the talks with Japan this week.</p>\n", i)
		fmt.Fprintf(&b, "<p>Q&nbsp;&nbsp;&nbsp; Question %d: <em>will</em> the <a href=\"/x\">talks</a> go on, and when will we know more?</p>\n", i)
	}
	b.WriteString(`</article></main><footer><p>© White House</p></footer></body></html>`)
	return []byte(b.String())
}

// BenchmarkReadHTML reads transcript pages of growing size: the time per
// byte must stay flat (compare the MB/s of the sizes in one run).
func BenchmarkReadHTML(b *testing.B) {
	for _, n := range []int{100, 400, 1600} {
		page := transcriptPage(n)
		b.Run(fmt.Sprintf("turns=%d", 2*n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(page)))
			for i := 0; i < b.N; i++ {
				if _, err := ReadHTML(page, "", ""); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkReadHTMLFile reads the page BRIEF_HTML names, if any.
func BenchmarkReadHTMLFile(b *testing.B) {
	path := os.Getenv("BRIEF_HTML")
	if path == "" {
		b.Skip("set BRIEF_HTML to an HTML file")
	}
	page, err := os.ReadFile(filepath.Clean(path))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(page)))
	for i := 0; i < b.N; i++ {
		if _, err := ReadHTML(page, "", ""); err != nil {
			b.Fatal(err)
		}
	}
}
