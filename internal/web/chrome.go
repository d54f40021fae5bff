package web

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// go-readability finds the article well on long pages, but on a short one
// (a two-paragraph readout, a list of nominations) the page furniture can
// outweigh the text and come along with it. So surely-furniture elements
// are removed first: by tag, by ARIA role, and by words in their class or
// id. An element is kept anyway if it holds a third or more of the page's
// text or its <h1>: a site that wraps its article in <aside
// class="sidebar-layout"> must not lose it.

// chromeTags never hold a briefing's text. (Scripts stay: go-readability
// reads JSON-LD from them, then removes them.)
var chromeTags = map[atom.Atom]bool{
	atom.Nav: true, atom.Aside: true, atom.Footer: true, atom.Form: true, atom.Button: true,
	atom.Dialog: true, atom.Iframe: true, atom.Select: true,
}

// chromeRoles are ARIA landmark and widget roles of page furniture.
var chromeRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "complementary": true, "search": true,
	"dialog": true, "alertdialog": true, "menu": true, "menubar": true, "toolbar": true,
}

// chromeWords are words in class names and ids of page furniture
// ("gem-c-share-links", "cookieConsent", "related-stories").
var chromeWords = map[string]bool{
	"cookie": true, "cookies": true, "consent": true, "gdpr": true, "breadcrumb": true,
	"breadcrumbs": true, "share": true, "sharing": true, "social": true, "related": true,
	"newsletter": true, "subscribe": true, "signup": true, "comments": true, "feedback": true,
	"promo": true, "advert": true, "advertisement": true, "ad": true, "ads": true, "skip": true,
	"sidebar": true, "leftmenu": true, "leftnav": true, "menu": true, "mainmenu": true,
	"navbar": true, "nav": true, "masthead": true, "ticker": true, "toplinks": true, "topbar": true,
	"footer": true, "most": true, "popular": true, "trending": true, "print": true, "sitemap": true,
	"banner": true, "outbrain": true, "taboola": true, "byline": true, "updated": true, "timestamp": true,
	"header": true, "sitename": true, "logo": true, "brand": true,
}

// stripChrome removes page furniture from doc, in place. It measures
// every element's text once, bottom up, so it takes time linear in the
// page however deeply its elements nest.
func stripChrome(doc *html.Node) {
	size := map[*html.Node]int{}
	headline := map[*html.Node]bool{}
	var measure func(n *html.Node) (int, bool)
	measure = func(n *html.Node) (int, bool) {
		if n.Type == html.TextNode {
			return len(strings.TrimSpace(n.Data)), false
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style) {
			return 0, false
		}
		total, h1 := 0, n.Type == html.ElementNode && n.DataAtom == atom.H1
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			t, h := measure(c)
			total += t
			h1 = h1 || h
		}
		if n.Type == html.ElementNode {
			size[n], headline[n] = total, h1
		}
		return total, h1
	}
	total, _ := measure(doc)
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			// Kept anyway: an element with the headline or a third or
			// more of the text.
			if c.Type == html.ElementNode && isChrome(c) && !headline[c] && 3*size[c] < total {
				n.RemoveChild(c)
			} else {
				walk(c)
			}
			c = next
		}
	}
	walk(doc)
}

func isChrome(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Main, atom.Article, atom.Head, atom.Title, atom.Meta, atom.Link:
		return false
	}
	if chromeTags[n.DataAtom] || chromeRoles[strings.ToLower(attr(n, "role"))] {
		return true
	}
	if n.DataAtom == atom.Time && !inText(n) {
		return true // a page's date stamp; its date was read already
	}
	for _, w := range nameWords(attr(n, "class") + " " + attr(n, "id")) {
		if chromeWords[w] {
			return true
		}
	}
	return false
}

// nameWords splits class names and ids into lower-case words at
// punctuation and camel case: "gem-c-share-links printShare" → gem c share
// links print share.
func nameWords(s string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	prevLower := false
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			if prevLower {
				flush()
			}
			cur = append(cur, r)
			prevLower = false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			cur = append(cur, r)
			prevLower = unicode.IsLower(r)
		default:
			flush()
			prevLower = false
		}
	}
	flush()
	return words
}

// inText reports whether an element sits inside running text: a paragraph,
// list item, table cell, quote or heading.
func inText(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		switch p.DataAtom {
		case atom.P, atom.Li, atom.Td, atom.Th, atom.Blockquote, atom.Dd,
			atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			return true
		}
	}
	return false
}
