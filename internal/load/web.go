package load

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/net/html/charset"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/parse"
	"github.com/brief-reader/brief/internal/web"
)

// htmlExtensions are saved web pages.
var htmlExtensions = map[string]bool{".html": true, ".htm": true, ".xhtml": true}

// IsURL reports whether a command-line argument is a URL to fetch rather
// than a path.
func IsURL(s string) bool { return web.IsURL(s) }

func isHTMLFile(path string) bool { return htmlExtensions[strings.ToLower(filepath.Ext(path))] }

// fetcher fetches the URLs of one Load call through one HTTP client, so
// that connections to the same server are reused.
type fetcher struct {
	ctx    context.Context
	client *web.Client
}

// newFetcher returns a fetcher when files holds a URL, else nil.
func newFetcher(ctx context.Context, files []string, opts Options) *fetcher {
	for _, f := range files {
		if IsURL(f) {
			return &fetcher{ctx: ctx, client: web.NewClient(web.Options{
				Timeout: opts.Timeout, MaxSize: opts.MaxSize, UserAgent: opts.UserAgent,
			})}
		}
	}
	return nil
}

// load fetches a URL and parses what came back by its content type.
func (f *fetcher) load(rawURL string, opts Options) (*briefing.Briefing, error) {
	resp, err := f.client.Fetch(f.ctx, rawURL)
	if err != nil {
		var tl *web.TooLargeError
		if errors.As(err, &tl) {
			return nil, tooLarge(tl.Size, tl.Limit)
		}
		return nil, err
	}
	if resp.Format == web.HTML {
		return parseHTML(parse.NewParser(), rawURL, resp.Body, resp.ContentType, resp.URL, opts.Parse)
	}
	body, err := textToUTF8(resp.Body, resp.ContentType)
	if err != nil {
		return nil, err
	}
	po := opts.Parse
	po.Markdown = po.Markdown || resp.Format == web.Markdown
	b, err := parse.Parse(rawURL, body, po)
	if err != nil {
		return nil, err
	}
	b.SourceURL = resp.URL
	return b, nil
}

// parseInput parses a file's bytes: saved web pages (and HTML on
// standard input) through the HTML reader, everything else as text.
func parseInput(ps *parse.Parser, path string, data []byte, opts parse.Options) (*briefing.Briefing, error) {
	if isHTMLFile(path) || path == Stdin && looksHTML(data) {
		return parseHTML(ps, path, data, "", "", opts)
	}
	return ps.Parse(path, data, opts)
}

// parseHTML extracts a page's main content and metadata and parses it as
// Markdown with front matter, so that the page's title, date and source
// win over guesses from the text.
func parseHTML(ps *parse.Parser, path string, data []byte, contentType, pageURL string, opts parse.Options) (*briefing.Briefing, error) {
	page, err := web.ReadHTML(data, contentType, pageURL)
	if err != nil {
		return nil, err
	}
	opts.Markdown = true
	b, err := ps.Parse(path, page.Markdown(), opts)
	if err != nil {
		return nil, err
	}
	b.SourceURL = page.URL
	return b, nil
}

// looksHTML sniffs standard input for an HTML page.
func looksHTML(data []byte) bool {
	return strings.HasPrefix(http.DetectContentType(data), "text/html")
}

// textToUTF8 converts a text body from the charset its Content-Type names;
// without one it is read as UTF-8, like a file.
func textToUTF8(body []byte, contentType string) ([]byte, error) {
	i := strings.Index(strings.ToLower(contentType), "charset=")
	if i < 0 {
		return body, nil
	}
	label := strings.Trim(strings.TrimSpace(strings.SplitN(contentType[i+len("charset="):], ";", 2)[0]), `"'`)
	enc, name := charset.Lookup(label)
	if enc == nil {
		return nil, fmt.Errorf("unknown charset %q", label)
	}
	if name == "utf-8" {
		return body, nil
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return nil, fmt.Errorf("decoding %s: %w", name, err)
	}
	return out, nil
}

// CheckURL refuses, before anything is loaded, a URL brief cannot fetch:
// only http and https URLs with a host are fetched.
func CheckURL(raw string) error {
	_, err := web.CheckURL(raw)
	return err
}

// savedPageFiles reports whether a folder holds the images, scripts and
// frames a browser saved beside a page ("Briefing_files" next to
// "Briefing.html"): its HTML files are parts of that page, not briefings.
func savedPageFiles(dir string) bool {
	base, ok := strings.CutSuffix(dir, "_files")
	if !ok {
		return false
	}
	for _, ext := range []string{".html", ".htm"} {
		if info, err := os.Stat(base + ext); err == nil && info.Mode().IsRegular() {
			return true
		}
	}
	return false
}
