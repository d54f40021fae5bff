package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

const page = `<!doctype html><html><head><title>Briefing</title></head><body><article>
<p>MS. LEAVITT: Good afternoon, everybody. Thank you for being here today at the White House.</p>
<p>Q Thank you. Can you tell us about the trade talks with Japan this week?</p>
<p>MS. LEAVITT: The talks are going well and the President is optimistic about them.</p>
</article></body></html>`

// server serves routes; each route writes its own response.
func server(t *testing.T, routes map[string]http.HandlerFunc) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	for p, h := range routes {
		mux.HandleFunc(p, h)
	}
	s := httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

func typed(ct, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if ct != "" {
			w.Header().Set("Content-Type", ct)
		} else {
			w.Header()["Content-Type"] = nil // no sniffing by the server
		}
		fmt.Fprint(w, body)
	}
}

func redirect(to string, ct string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if ct != "" {
			w.Header().Set("Content-Type", ct)
		}
		http.Redirect(w, r, to, http.StatusFound)
	}
}

func fetch(t *testing.T, url string, opts Options) (*Response, error) {
	t.Helper()
	return NewClient(opts).Fetch(context.Background(), url)
}

func TestFetchFormats(t *testing.T) {
	s := server(t, map[string]http.HandlerFunc{
		"/page":       typed("text/html; charset=utf-8", page),
		"/xhtml":      typed("application/xhtml+xml", page),
		"/notes.md":   typed("text/plain; charset=utf-8", "# Notes\n\nText."),
		"/md":         typed("text/markdown", "# Notes\n\nText."),
		"/txt":        typed("text/plain", "Text."),
		"/untyped":    typed("", page),
		"/untypedtxt": typed("", "Just some words."),
	})
	for _, c := range []struct {
		path string
		want Format
	}{
		{"/page", HTML}, {"/xhtml", HTML}, {"/notes.md", Markdown}, {"/md", Markdown},
		{"/txt", Plain}, {"/untyped", HTML}, {"/untypedtxt", Plain},
	} {
		r, err := fetch(t, s.URL+c.path, Options{})
		if err != nil {
			t.Errorf("%s: %v", c.path, err)
			continue
		}
		if r.Format != c.want || len(r.Body) == 0 {
			t.Errorf("%s: format %v (%d bytes), want %v", c.path, r.Format, len(r.Body), c.want)
		}
	}
}

func TestFetchRefusesOtherTypes(t *testing.T) {
	png := "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
	s := server(t, map[string]http.HandlerFunc{
		"/report.pdf":  typed("application/pdf", "%PDF-1.7"),
		"/image":       typed("image/png", png),
		"/octet":       typed("application/octet-stream", "data"),
		"/untypedpng":  typed("", png),
		"/json":        typed("application/json", `{"a":1}`),
		"/bad-type":    typed("text/html; charset", page),
		"/html-to-pdf": redirect("/report.pdf", "text/html; charset=utf-8"),
	})
	for _, c := range []struct{ path, want string }{
		{"/report.pdf", "unsupported content type application/pdf"},
		{"/image", "unsupported content type image/png"},
		{"/octet", "unsupported content type application/octet-stream"},
		{"/untypedpng", "unsupported content type image/png (sniffed"},
		{"/json", "unsupported content type application/json"},
		{"/bad-type", `unsupported content type "text/html; charset"`},
		// The redirect said HTML; what came back is a PDF.
		{"/html-to-pdf", "unsupported content type application/pdf (brief reads HTML, Markdown and plain text) (redirected to " + s.URL + "/report.pdf)"},
	} {
		_, err := fetch(t, s.URL+c.path, Options{})
		if err == nil || !errors.Is(err, ErrUnsupportedType) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.path, err, c.want)
		}
	}
}

func TestFetchFollowsATypeChangeToText(t *testing.T) {
	// A PDF address that now redirects to the HTML page is read.
	s := server(t, map[string]http.HandlerFunc{
		"/old.pdf": redirect("/page", "application/pdf"),
		"/page":    typed("text/html", page),
	})
	r, err := fetch(t, s.URL+"/old.pdf", Options{})
	if err != nil || r.Format != HTML || r.URL != s.URL+"/page" {
		t.Fatalf("got %+v, %v; want the HTML page at /page", r, err)
	}
}

func TestFetchRedirects(t *testing.T) {
	routes := map[string]http.HandlerFunc{"/0": typed("text/plain", "arrived")}
	for i := 1; i <= 6; i++ {
		routes[fmt.Sprintf("/%d", i)] = redirect(fmt.Sprintf("/%d", i-1), "")
	}
	routes["/ftp"] = redirect("ftp://example.org/file.txt", "")
	s := server(t, routes)
	r, err := fetch(t, s.URL+"/5", Options{})
	if err != nil || string(r.Body) != "arrived" || r.URL != s.URL+"/0" {
		t.Errorf("5 redirects: %v, %v; want them followed", r, err)
	}
	if _, err := fetch(t, s.URL+"/6", Options{}); err == nil || err.Error() != "more than 5 redirects" {
		t.Errorf("6 redirects: err = %v", err)
	}
	if _, err := fetch(t, s.URL+"/ftp", Options{}); err == nil || !strings.Contains(err.Error(), "redirected to a ftp URL") {
		t.Errorf("redirect to ftp: err = %v", err)
	}
}

func TestFetchStatus(t *testing.T) {
	s := server(t, map[string]http.HandlerFunc{
		"/gone":   func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) },
		"/broken": func(w http.ResponseWriter, r *http.Request) { http.Error(w, "oops", 500) },
		"/moved":  redirect("/gone", ""),
	})
	for _, c := range []struct{ path, want string }{
		{"/gone", "HTTP error: 404 Not Found"},
		{"/broken", "HTTP error: 500 Internal Server Error"},
		{"/moved", "HTTP error: 404 Not Found (redirected to " + s.URL + "/gone)"},
	} {
		_, err := fetch(t, s.URL+c.path, Options{})
		if err == nil || !errors.Is(err, ErrStatus) || err.Error() != c.want {
			t.Errorf("%s: err = %v, want %q", c.path, err, c.want)
		}
	}
}

func TestFetchTimeout(t *testing.T) {
	release := make(chan struct{})
	s := server(t, map[string]http.HandlerFunc{
		// Headers never come.
		"/slow": func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-r.Context().Done():
			case <-release:
			}
		},
		// Headers come, the body never ends.
		"/trickle": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/plain")
			fmt.Fprint(w, "first words")
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
			case <-release:
			}
		},
	})
	defer close(release)
	for _, p := range []string{"/slow", "/trickle"} {
		_, err := fetch(t, s.URL+p, Options{Timeout: 100 * time.Millisecond})
		if err == nil || err.Error() != "timed out after 100ms (see --timeout)" {
			t.Errorf("%s: err = %v, want a timeout", p, err)
		}
	}
}

func TestFetchSizeLimit(t *testing.T) {
	big := strings.Repeat("word ", 1000) // 5,000 bytes
	var streamed atomic.Int64
	s := server(t, map[string]http.HandlerFunc{
		"/declared": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", fmt.Sprint(len(big)))
			typed("text/plain", big)(w, r)
		},
		// Chunked, no length: the limit is enforced while reading, and
		// reading stops there.
		"/endless": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/plain")
			chunk := []byte(strings.Repeat("x", 1024))
			for i := 0; i < 10_000; i++ {
				if _, err := w.Write(chunk); err != nil {
					return
				}
				streamed.Add(int64(len(chunk)))
				w.(http.Flusher).Flush()
			}
		},
		"/bomb": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/plain")
			w.Header().Set("Content-Encoding", "gzip")
			zw := gzip.NewWriter(w)
			zw.Write(bytes.Repeat([]byte("a"), 1<<20))
			zw.Close()
		},
	})
	opts := Options{MaxSize: 4096}
	var tl *TooLargeError
	if _, err := fetch(t, s.URL+"/declared", opts); !errors.As(err, &tl) || tl.Size != 5000 || tl.Limit != 4096 {
		t.Errorf("declared length: err = %v", err)
	}
	if _, err := fetch(t, s.URL+"/endless", opts); !errors.As(err, &tl) || tl.Size != -1 {
		t.Errorf("endless body: err = %v", err)
	}
	if n := streamed.Load(); n >= 10_000*1024 {
		t.Errorf("the whole endless body was sent (%d bytes): reading did not stop at the limit", n)
	}
	if _, err := fetch(t, s.URL+"/bomb", opts); !errors.As(err, &tl) {
		t.Errorf("gzip bomb: err = %v, want too large after decompression", err)
	}
	if r, err := fetch(t, s.URL+"/declared", Options{MaxSize: 5000}); err != nil || len(r.Body) != 5000 {
		t.Errorf("body at the limit: %v", err)
	}
}

func TestFetchGzipAndHeaders(t *testing.T) {
	var ua, acceptEnc atomic.Value
	s := server(t, map[string]http.HandlerFunc{
		"/gz": func(w http.ResponseWriter, r *http.Request) {
			ua.Store(r.Header.Get("User-Agent"))
			acceptEnc.Store(r.Header.Get("Accept-Encoding"))
			if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
				typed("text/html", page)(w, r)
				return
			}
			w.Header().Set("Content-Type", "text/html")
			w.Header().Set("Content-Encoding", "gzip")
			zw := gzip.NewWriter(w)
			fmt.Fprint(zw, page)
			zw.Close()
		},
	})
	r, err := fetch(t, s.URL+"/gz", Options{UserAgent: "brief/1.2.3 (+https://github.com/brief-reader/brief)"})
	if err != nil || string(r.Body) != page {
		t.Fatalf("gzip: %v, body %q", err, r.Body)
	}
	if got := ua.Load(); got != "brief/1.2.3 (+https://github.com/brief-reader/brief)" {
		t.Errorf("User-Agent = %q", got)
	}
	if got := acceptEnc.Load().(string); !strings.Contains(got, "gzip") {
		t.Errorf("Accept-Encoding = %q, want gzip", got)
	}
}

func TestFetchUsesProxyFromEnvironment(t *testing.T) {
	var asked atomic.Value
	proxy := server(t, map[string]http.HandlerFunc{
		"/": func(w http.ResponseWriter, r *http.Request) {
			asked.Store(r.URL.String()) // a proxy is asked for the absolute URL
			typed("text/plain", "via proxy")(w, r)
		},
	})
	t.Setenv("HTTP_PROXY", proxy.URL)
	t.Setenv("http_proxy", proxy.URL)
	t.Setenv("NO_PROXY", "")
	t.Setenv("no_proxy", "")
	r, err := fetch(t, "http://briefings.test/today.txt", Options{})
	if err != nil || string(r.Body) != "via proxy" || asked.Load() != "http://briefings.test/today.txt" {
		t.Fatalf("got %v, %v; the proxy was asked for %v", r, err, asked.Load())
	}
}

func TestFetchConnectionErrors(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	if _, err := fetch(t, "http://"+addr+"/", Options{}); err == nil || err.Error() != "connection refused" {
		t.Errorf("closed port: err = %v", err)
	}
	tlsServer := httptest.NewUnstartedServer(typed("text/plain", "secret"))
	tlsServer.Config.ErrorLog = log.New(io.Discard, "", 0)
	tlsServer.StartTLS()
	defer tlsServer.Close()
	if _, err := fetch(t, tlsServer.URL, Options{}); err == nil || !strings.HasPrefix(err.Error(), "TLS: ") {
		t.Errorf("untrusted certificate: err = %v", err)
	}
}

func TestCause(t *testing.T) {
	c := NewClient(Options{Timeout: time.Second})
	for _, e := range []struct {
		err  error
		want string
	}{
		{&net.DNSError{Name: "briefings.invalid", Err: "no such host", IsNotFound: true}, "DNS: no such host briefings.invalid"},
		{&net.DNSError{Name: "example.org", Err: "server misbehaving", IsTemporary: true}, "DNS: cannot resolve example.org: server misbehaving"},
		{context.DeadlineExceeded, "timed out after 1s (see --timeout)"},
		{context.Canceled, "canceled"},
	} {
		if got := c.cause(e.err).Error(); got != e.want {
			t.Errorf("cause(%v) = %q, want %q", e.err, got, e.want)
		}
	}
}

func TestURLs(t *testing.T) {
	for _, c := range []struct {
		s       string
		url, ok bool
	}{
		{"https://example.org/a", true, true},
		{"HTTP://EXAMPLE.ORG", true, true},
		{"ftp://example.org/a", true, false},
		{"file:///etc/passwd", true, false},
		{"http://", true, false},
		{"briefings/a.txt", false, false},
		{"C:\\briefings\\a.txt", false, false},
		{"-", false, false},
		{"notes://x", true, false},
		{"1http://x", false, false},
	} {
		if got := IsURL(c.s); got != c.url {
			t.Errorf("IsURL(%q) = %v", c.s, got)
		}
		if !c.url {
			continue
		}
		if _, err := CheckURL(c.s); (err == nil) != c.ok {
			t.Errorf("CheckURL(%q) = %v", c.s, err)
		}
	}
}
