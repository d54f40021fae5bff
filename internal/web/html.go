// Package web reads briefings where they are published: it fetches pages
// over HTTP(S) and turns HTML pages (fetched, or saved from a browser) into
// the Markdown with front matter that the parser reads.
//
// An HTML page goes through three steps:
//
//  1. Its bytes are decoded to UTF-8 from the charset the server or the page
//     declares (windows-1252 when neither does and the bytes are not UTF-8)
//     and checked like a text file (internal/textclean): NUL bytes and
//     binary data are refused.
//  2. The main content is found with go-readability (Readability.js's
//     algorithm): menus, breadcrumbs, share bars, related stories, comment
//     teasers and footers are left out. The metadata is read from the page:
//     title, date, site name and canonical URL (see Page).
//  3. The content becomes Markdown: headings keep their level, block quotes
//     and lists keep their markers, <br> keeps its line break (transcripts
//     put turns on lines of their own), and all text is escaped so that no
//     word of the page can be read as Markdown markup or HTML.
//
// Nothing here imports a terminal UI library.
package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"github.com/brief-reader/brief/internal/textclean"
)

// Page is an HTML page read into brief's input shape.
type Page struct {
	// Title comes from JSON-LD, Dublin Core, Open Graph or Twitter
	// metadata, else the <title> without the site's name.
	Title string
	// Date is the publication date (YYYY-MM-DD) from JSON-LD
	// datePublished, article:published_time and the like, else the first
	// <time datetime> of the page; empty when none.
	Date string
	// Source is the publisher: JSON-LD publisher, og:site_name, else the
	// host of URL.
	Source string
	// URL is where the page lives: <link rel=canonical>, og:url, a saved
	// page's "saved from url" comment, else the address it was fetched
	// from. Only http and https URLs are kept.
	URL string
	// Body is the main content as Markdown, without front matter.
	Body string
}

// ErrNoContent means a page had no readable text.
var ErrNoContent = errors.New("no readable text in the page")

// ReadHTML reads an HTML page. contentType is the Content-Type header it
// came with (empty for a file); pageURL is where it was fetched from (empty
// for a file), used to resolve relative links and as the last resort for
// Page.URL.
func ReadHTML(data []byte, contentType, pageURL string) (Page, error) {
	text, err := decodeHTML(data, contentType)
	if err != nil {
		return Page{}, err
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return Page{}, fmt.Errorf("reading HTML: %w", err)
	}
	var base *url.URL
	if pageURL != "" {
		base, _ = url.Parse(pageURL)
	}
	hm := readHead(doc, base)
	if hm.canonical == "" {
		hm.canonical = savedFrom(text)
	}
	if hm.canonical == "" && base != nil && isHTTP(base) {
		hm.canonical = base.String()
	}

	stripChrome(doc)
	parser := readability.NewParser()
	art, err := parser.ParseAndMutate(doc, base)
	if err != nil {
		return Page{}, fmt.Errorf("reading HTML: %w", err)
	}
	if art.Node == nil {
		return Page{}, ErrNoContent
	}
	p := Page{
		Title:  oneLine(art.Title()),
		Source: oneLine(art.SiteName()),
		URL:    hm.canonical,
		Body:   toMarkdown(art.Node),
	}
	if strings.TrimSpace(p.Body) == "" {
		return Page{}, ErrNoContent
	}
	if t, err := art.PublishedTime(); err == nil {
		p.Date = t.Format("2006-01-02")
	} else {
		p.Date = hm.date
	}
	if p.Source == "" && p.URL != "" {
		if u, err := url.Parse(p.URL); err == nil {
			p.Source = strings.TrimPrefix(u.Hostname(), "www.")
		}
	}
	return p, nil
}

// Markdown returns the page as a Markdown file with YAML front matter, as
// the parser reads it: the page's metadata wins over what the parser would
// guess from the text.
func (p Page) Markdown() []byte {
	var b bytes.Buffer
	b.WriteString("---\n")
	for _, f := range [][2]string{{"title", p.Title}, {"date", p.Date}, {"source", p.Source}, {"source_url", p.URL}} {
		if f[1] == "" {
			continue
		}
		// A JSON string is a YAML double-quoted scalar: nothing in the
		// value can end it or start other YAML.
		v, _ := json.Marshal(f[1])
		b.WriteString(f[0] + ": ")
		b.Write(v)
		b.WriteByte('\n')
	}
	b.WriteString("---\n\n")
	b.WriteString(p.Body)
	return b.Bytes()
}

// decodeHTML converts a page to UTF-8 from its declared or sniffed charset
// and checks it like any text file: binary data, NUL bytes and invalid
// UTF-8 are refused. The page itself is parsed as it is, no-break spaces
// included (they keep "Q" apart from a question); every piece of text
// taken from it is cleaned on the way out.
func decodeHTML(data []byte, contentType string) (string, error) {
	enc, name, _ := charset.DetermineEncoding(data, contentType)
	if name != "utf-8" && enc != nil {
		converted, err := enc.NewDecoder().Bytes(data)
		if err != nil {
			return "", fmt.Errorf("decoding %s: %w", name, err)
		}
		data = converted
	}
	if _, err := textclean.Decode(data); err != nil {
		return "", err
	}
	return string(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))), nil
}

// oneLine cleans a metadata value for one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(textclean.Line(s)), " ")
}

func isHTTP(u *url.URL) bool {
	return (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
