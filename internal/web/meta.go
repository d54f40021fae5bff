package web

import (
	"net/url"
	"regexp"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// headMeta is what brief reads from a page besides what go-readability
// gives: where the page lives, and a date when the usual metadata has none.
type headMeta struct {
	canonical string
	date      string
}

// dateNames are <meta name=…> and itemprop values that carry a page's
// publication date on sites without Open Graph or JSON-LD dates.
var dateNames = map[string]bool{
	"date": true, "dc.date": true, "dc.date.issued": true, "dcterms.date": true,
	"pubdate": true, "publish-date": true, "publish_date": true, "publication_date": true,
	"article.published": true, "datepublished": true, "citation_publication_date": true,
}

// readHead reads the canonical URL (<link rel=canonical>, else og:url) and
// a fallback date (a date <meta>, else the first <time datetime>) before
// go-readability changes the document.
func readHead(doc *html.Node, base *url.URL) headMeta {
	var m headMeta
	var ogURL, metaDate, timeDate string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Link:
				if m.canonical == "" && hasToken(attr(n, "rel"), "canonical") {
					m.canonical = absURL(base, attr(n, "href"))
				}
			case atom.Meta:
				prop := strings.ToLower(attr(n, "property"))
				name := strings.ToLower(attr(n, "name"))
				switch {
				case ogURL == "" && prop == "og:url":
					ogURL = absURL(base, attr(n, "content"))
				case metaDate == "" && (dateNames[name] || dateNames[strings.ToLower(attr(n, "itemprop"))]):
					metaDate = isoDate(attr(n, "content"))
				}
			case atom.Time:
				if timeDate == "" {
					timeDate = isoDate(attr(n, "datetime"))
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if m.canonical == "" {
		m.canonical = ogURL
	}
	m.date = metaDate
	if m.date == "" {
		m.date = timeDate
	}
	return m
}

// savedFromRe matches the comment browsers put at the top of a saved page:
// <!-- saved from url=(0047)https://… -->.
var savedFromRe = regexp.MustCompile(`<!--\s*saved from url=\(\d+\)(\S+?)\s*-->`)

// savedFrom returns the address a saved page came from, if it says.
func savedFrom(text string) string {
	head := text[:min(len(text), 4096)]
	if m := savedFromRe.FindStringSubmatch(head); m != nil {
		return absURL(nil, m[1])
	}
	return ""
}

// absURL resolves href against base and keeps it only if it is an http or
// https URL: a page cannot make brief show or open javascript:, file: or
// data: addresses.
func absURL(base *url.URL, href string) string {
	href = strings.TrimSpace(href)
	if href == "" {
		return ""
	}
	u, err := url.Parse(href)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if !isHTTP(u) {
		return ""
	}
	u.Fragment = ""
	return oneLine(u.String())
}

// isoDate reads a machine-readable date ("2025-01-29", "2025-01-29T18:38:35-05:00")
// as YYYY-MM-DD in its own time zone.
func isoDate(s string) string {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02")
		}
	}
	if len(s) > 10 && s[4] == '-' && s[7] == '-' {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return t.Format("2006-01-02")
		}
	}
	return ""
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// hasToken reports whether a space-separated attribute value holds tok.
func hasToken(v, tok string) bool {
	for _, f := range strings.Fields(v) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}
