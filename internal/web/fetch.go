package web

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"path"
	"strings"
	"syscall"
	"time"

	"golang.org/x/net/http/httpproxy"
)

// DefaultTimeout bounds connecting to a server and the whole fetch.
const DefaultTimeout = 20 * time.Second

// MaxRedirects is how many redirects a fetch follows.
const MaxRedirects = 5

// Format is how a fetched body is read.
type Format int

// Formats of fetched bodies.
const (
	HTML Format = iota
	Markdown
	Plain
)

var formatNames = [...]string{HTML: "html", Markdown: "markdown", Plain: "plain"}

func (f Format) String() string { return formatNames[f] }

// Errors a fetch can end with, wrapped with details.
var (
	// ErrUnsupportedType means the server sent something other than HTML,
	// Markdown or plain text.
	ErrUnsupportedType = errors.New("unsupported content type")
	// ErrStatus means the server answered with a status other than 2xx.
	ErrStatus = errors.New("HTTP error")
)

// TooLargeError means the body is larger than the limit.
type TooLargeError struct {
	// Size is the declared length, or -1 when the body ran past the limit
	// while being read.
	Size, Limit int64
}

func (e *TooLargeError) Error() string {
	if e.Size >= 0 {
		return fmt.Sprintf("too large: %d bytes, the limit is %d", e.Size, e.Limit)
	}
	return fmt.Sprintf("too large: more than %d bytes", e.Limit)
}

// IsURL reports whether a command-line argument is a URL rather than a
// path: it starts with a scheme and "://".
func IsURL(s string) bool {
	i := strings.Index(s, "://")
	if i <= 0 {
		return false
	}
	for j, r := range s[:i] {
		letter := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
		if !letter && (j == 0 || !(r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.')) {
			return false
		}
	}
	return true
}

// CheckURL refuses URLs brief cannot fetch: only http and https with a
// host.
func CheckURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("not a valid URL: %v", errors.Unwrap(err))
	}
	if s := strings.ToLower(u.Scheme); s != "http" && s != "https" {
		return nil, fmt.Errorf("unsupported URL scheme %q (brief fetches http and https)", u.Scheme)
	}
	if u.Host == "" {
		return nil, errors.New("URL without a host")
	}
	return u, nil
}

// Options tune a Client.
type Options struct {
	// Timeout bounds connecting (DNS, TCP, TLS, waiting for the headers)
	// and the whole fetch, body included (0 means DefaultTimeout).
	Timeout time.Duration
	// MaxSize refuses bodies larger than this many bytes, counted after
	// decompression and enforced while reading.
	MaxSize int64
	// UserAgent names brief and its version.
	UserAgent string
}

// Client fetches briefings over HTTP(S). It is safe for concurrent use.
type Client struct {
	opts Options
	hc   *http.Client
}

// NewClient returns a client with proxies from the environment
// (HTTP_PROXY, HTTPS_PROXY, NO_PROXY), gzip accepted, and at most
// MaxRedirects redirects to http or https URLs.
func NewClient(opts Options) *Client {
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.UserAgent == "" {
		opts.UserAgent = "brief"
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	// The environment is read here, not once per process as
	// http.ProxyFromEnvironment does.
	proxy := httpproxy.FromEnvironment().ProxyFunc()
	tr.Proxy = func(r *http.Request) (*url.URL, error) { return proxy(r.URL) }
	tr.DialContext = (&net.Dialer{Timeout: opts.Timeout, KeepAlive: 30 * time.Second}).DialContext
	tr.TLSHandshakeTimeout = opts.Timeout
	tr.ResponseHeaderTimeout = opts.Timeout
	// Leaving Accept-Encoding to the transport makes it ask for gzip and
	// decompress transparently, so MaxSize counts the decompressed bytes.
	tr.DisableCompression = false
	hc := &http.Client{
		Transport: tr,
		Timeout:   opts.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > MaxRedirects {
				return fmt.Errorf("more than %d redirects", MaxRedirects)
			}
			if s := req.URL.Scheme; s != "http" && s != "https" {
				return fmt.Errorf("redirected to a %s URL (brief fetches http and https)", s)
			}
			return nil
		},
	}
	return &Client{opts: opts, hc: hc}
}

// Response is a fetched briefing.
type Response struct {
	// URL is where the body came from, after redirects.
	URL string
	// ContentType is the Content-Type header as sent.
	ContentType string
	Format      Format
	Body        []byte
}

// accept lists what brief reads, best first.
const accept = "text/html,application/xhtml+xml;q=0.9,text/markdown;q=0.9,text/plain;q=0.8,*/*;q=0.1"

// Fetch gets a URL. Errors name the cause (the caller names the URL):
// "timed out after 20s", "HTTP 404 Not Found", "unsupported content type
// application/pdf", "connection refused", a DNS or TLS failure.
func (c *Client) Fetch(ctx context.Context, raw string) (*Response, error) {
	u, err := CheckURL(raw)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	req.Header.Set("Accept", accept)
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, c.cause(err)
	}
	defer resp.Body.Close()
	final := resp.Request.URL.String()
	after := ""
	if final != u.String() {
		after = " (redirected to " + final + ")"
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fmt.Errorf("%w: %s%s", ErrStatus, strings.TrimSpace(resp.Status), after)
	}
	ct := resp.Header.Get("Content-Type")
	format, sniff, err := formatOf(ct, resp.Request.URL.Path)
	if err != nil {
		return nil, fmt.Errorf("%w%s", err, after)
	}
	if max := c.opts.MaxSize; max > 0 && resp.ContentLength > max && resp.Header.Get("Content-Encoding") == "" {
		return nil, &TooLargeError{Size: resp.ContentLength, Limit: max}
	}
	body, err := c.read(resp.Body)
	if err != nil {
		return nil, err
	}
	if sniff {
		format, err = sniffFormat(body, resp.Request.URL.Path)
		if err != nil {
			return nil, fmt.Errorf("%w%s", err, after)
		}
	}
	return &Response{URL: final, ContentType: ct, Format: format, Body: body}, nil
}

// read reads a body of at most MaxSize bytes, stopping as soon as it runs
// past the limit.
func (c *Client) read(r io.Reader) ([]byte, error) {
	max := c.opts.MaxSize
	if max <= 0 {
		data, err := io.ReadAll(r)
		if err != nil {
			return nil, c.cause(err)
		}
		return data, nil
	}
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, c.cause(err)
	}
	if int64(len(data)) > max {
		return nil, &TooLargeError{Size: -1, Limit: max}
	}
	return data, nil
}

// formatOf reads a Content-Type header. A missing header means the body
// is sniffed.
func formatOf(ct, urlPath string) (f Format, sniff bool, err error) {
	if strings.TrimSpace(ct) == "" {
		return 0, true, nil
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return 0, false, fmt.Errorf("%w %q", ErrUnsupportedType, ct)
	}
	switch mt {
	case "text/html", "application/xhtml+xml":
		return HTML, false, nil
	case "text/markdown", "text/x-markdown":
		return Markdown, false, nil
	case "text/plain":
		return textFormat(urlPath), false, nil
	}
	return 0, false, fmt.Errorf("%w %s (brief reads HTML, Markdown and plain text)", ErrUnsupportedType, mt)
}

// sniffFormat decides a body's format when the server did not say.
func sniffFormat(body []byte, urlPath string) (Format, error) {
	mt, _, _ := mime.ParseMediaType(http.DetectContentType(body))
	switch mt {
	case "text/html", "text/xml":
		return HTML, nil
	case "text/plain":
		return textFormat(urlPath), nil
	}
	return 0, fmt.Errorf("%w %s (sniffed; brief reads HTML, Markdown and plain text)", ErrUnsupportedType, mt)
}

// textFormat reads text served as text/plain as Markdown when its name
// says so (raw files on code hosts).
func textFormat(urlPath string) Format {
	switch strings.ToLower(path.Ext(urlPath)) {
	case ".md", ".markdown":
		return Markdown
	}
	return Plain
}

// cause turns a transport error into a short reason.
func (c *Client) cause(err error) error {
	var (
		dns   *net.DNSError
		ne    net.Error
		uae   x509.UnknownAuthorityError
		he    x509.HostnameError
		cie   x509.CertificateInvalidError
		cve   *tls.CertificateVerificationError
		rhe   tls.RecordHeaderError
		alert tls.AlertError
	)
	switch {
	case errors.Is(err, context.Canceled):
		return errors.New("canceled")
	case errors.As(err, &dns):
		if dns.IsNotFound {
			return fmt.Errorf("DNS: no such host %s", dns.Name)
		}
		return fmt.Errorf("DNS: cannot resolve %s: %s", dns.Name, dns.Err)
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return fmt.Errorf("timed out after %s (see --timeout)", c.opts.Timeout)
	case errors.Is(err, syscall.ECONNREFUSED):
		return errors.New("connection refused")
	case errors.Is(err, syscall.ECONNRESET):
		return errors.New("connection reset by the server")
	case errors.As(err, &cve), errors.As(err, &uae), errors.As(err, &he), errors.As(err, &cie),
		errors.As(err, &rhe), errors.As(err, &alert):
		return fmt.Errorf("TLS: %s", innermost(err))
	}
	return errors.New(innermost(err))
}

// innermost is the message of a url.Error without the method and URL,
// which the caller prints once.
func innermost(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err.Error()
	}
	return err.Error()
}
