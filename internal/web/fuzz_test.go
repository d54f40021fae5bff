package web

import (
	"strings"
	"testing"

	"github.com/brief-reader/brief/internal/parse"
	"github.com/brief-reader/brief/internal/textclean"
)

// FuzzReadHTML feeds arbitrary pages through the HTML reader and the
// parser: no panic, metadata on one clean line, a body that is clean text,
// and Markdown the parser reads with the page's title.
func FuzzReadHTML(f *testing.F) {
	f.Add([]byte(page), "text/html")
	f.Add([]byte("<html><head><title>T &#27;[2J</title><link rel=canonical href='javascript:x'></head><body><article><h2>#</h2><p>* a<br>1. b</p><blockquote>&gt; c</blockquote><ul><li>- d</li></ul><pre>e\n\nf</pre></article></body></html>"), "")
	f.Add([]byte("<!-- saved from url=(0019)http://example.org/ --><p>"+strings.Repeat("word ", 200)+"</p>"), "text/html; charset=windows-1252")
	f.Fuzz(func(t *testing.T, data []byte, contentType string) {
		p, err := ReadHTML(data, contentType, "https://example.org/page")
		if err != nil {
			return
		}
		for _, s := range []string{p.Title, p.Date, p.Source, p.URL} {
			if textclean.Line(s) != s {
				t.Errorf("metadata not clean: %q", s)
			}
		}
		if textclean.Normalize(p.Body) != p.Body {
			t.Errorf("body not clean: %q", p.Body)
		}
		b, err := parse.Parse("page.html", p.Markdown(), parse.Options{Markdown: true})
		if err != nil {
			t.Fatalf("the parser refused the page's Markdown: %v", err)
		}
		if p.Title != "" && b.Title != p.Title {
			t.Errorf("title %q came out as %q", p.Title, b.Title)
		}
		if err := b.Validate(); err != nil {
			t.Error(err)
		}
	})
}
