package readerpane

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/brief-reader/brief/internal/ui/doc"
	"github.com/brief-reader/brief/internal/ui/pane"
)

// stripSGR removes styling from a line the reader built (which holds only
// SGR sequences).
func stripSGR(s string) string {
	if !strings.Contains(s, "\x1b") {
		return s
	}
	return ansi.Strip(s)
}

// maxHits bounds the matches a search collects, so that searching for
// "e" in a huge briefing stays quick.
const maxHits = 100_000

// hit is one search match: the block it is in, its byte offset in the
// paragraph text and its ordinal among the block's matches.
type hit struct {
	block, off, ord int
}

// searchState is the reader's search: smart case (case-sensitive only if
// the query has an upper-case letter), plain text, over all paragraphs.
type searchState struct {
	query     string
	sensitive bool
	hits      []hit
	cur       int // index into hits, or -1
	capped    bool
	// back says the search was started with ?: n goes backward, N
	// forward, as in less and vim.
	back bool
	// origin is where the Reader was when a search began to be typed,
	// and the search then: cancelling goes back to both.
	origin searchOrigin
}

type searchOrigin struct {
	abs   int
	query string
	back  bool
}

func (s *searchState) active() bool { return s.query != "" }

// smartCase reports whether a query should match case-sensitively.
func smartCase(q string) bool {
	for _, r := range q {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// BeginSearch starts a search being typed, forward or backward (?):
// CancelSearch comes back to here.
func (r *Model) BeginSearch(backward bool) {
	s := &r.search
	s.origin = searchOrigin{abs: r.abs(), query: s.query, back: s.back}
	s.back = backward
}

// TypeSearch is the search as typed so far: incremental, it shows the
// first match from where the search began in its direction: forward from
// the top block, backward from above the top line (as in less).
func (r *Model) TypeSearch(q string) {
	a := r.search.origin.abs
	r.setAbs(a)
	r.setQuery(q)
	if q == "" || len(r.vis) == 0 {
		return
	}
	found := false
	if r.search.back {
		found = r.lastHitAbove(a)
	} else {
		found = r.firstHitFrom(r.vis[r.top])
	}
	if !found {
		r.setAbs(a)
	}
}

// Backward reports whether the search goes backward (it began with ?).
func (r *Model) Backward() bool { return r.search.back }

// CancelSearch puts back the search and place from before BeginSearch.
func (r *Model) CancelSearch() {
	o := r.search.origin
	r.setQuery(o.query)
	r.search.back = o.back
	r.setAbs(o.abs)
}

// CommitSearch is enter on a typed search q: it stays, and n/N step
// through its matches. It says when nothing shown matches.
func (r *Model) CommitSearch(q string) tea.Cmd {
	if r.search.query != q {
		r.TypeSearch(q)
	}
	if _, total := r.visibleHits(); total == 0 {
		if all := len(r.search.hits); all > 0 {
			return pane.Note("not found in the filtered view ("+strconv.Itoa(all)+" outside it; esc clears filters): "+q, true)
		}
		return pane.Note("pattern not found: "+q, true)
	}
	return nil
}

// RepeatSearch is enter on an empty search: as in less and vim, the last
// search q again, to its next match in the direction just typed.
func (r *Model) RepeatSearch(q string) tea.Cmd {
	if r.search.query != q {
		r.setQuery(q)
	}
	return r.stepSearch(1)
}

// ClearSearch ends the search.
func (r *Model) ClearSearch() { r.setQuery("") }

// SetSearch sets the search to q without moving: a briefing laid out
// again keeps the search it had.
func (r *Model) SetSearch(q string) { r.setQuery(q) }

// Searching reports whether a search is on.
func (r *Model) Searching() bool { return r.search.active() }

// SearchQuery is the search, or "".
func (r *Model) SearchQuery() string { return r.search.query }

// SearchPlace is the current match's place among the shown matches (0
// when none is current), how many are shown, and whether the matches were
// capped at maxHits.
func (r *Model) SearchPlace() (pos, total int, capped bool) {
	pos, total = r.visibleHits()
	return pos, total, r.search.capped
}

// stepSearch is n (dir 1) and N (dir -1): the next match in the search's
// direction, or the other way.
func (r *Model) stepSearch(dir int) tea.Cmd {
	if r.search.back {
		dir = -dir
	}
	wrapped, found := r.stepHit(dir)
	switch {
	case !found:
		return note("no match for " + r.search.query)
	case wrapped && dir > 0:
		return note("search hit BOTTOM, continuing at TOP")
	case wrapped:
		return note("search hit TOP, continuing at BOTTOM")
	}
	return nil
}

// setQuery finds every match of q in the briefing.
func (r *Model) setQuery(q string) {
	s := &r.search
	s.query, s.hits, s.cur, s.capped = q, s.hits[:0], -1, false
	if q == "" {
		return
	}
	s.sensitive = smartCase(q)
	needle := q
	if !s.sensitive {
		needle = strings.ToLower(q)
	}
	d := r.d
	for bi, blk := range d.Blocks {
		if blk.Kind != doc.Para {
			continue
		}
		text := d.B.Paragraphs[blk.Para].Text
		if !s.sensitive {
			text = d.Lower(blk.Para)
		}
		ord := 0
		for from := 0; from <= len(text); {
			i := strings.Index(text[from:], needle)
			if i < 0 {
				break
			}
			s.hits = append(s.hits, hit{block: bi, off: from + i, ord: ord})
			ord++
			if len(s.hits) >= maxHits {
				s.capped = true
				return
			}
			from += i + max(len(needle), 1)
		}
	}
}

// visibleHits counts the matches in shown blocks and the position of the
// current one among them (0 when there is none).
func (r *Model) visibleHits() (pos, total int) {
	s := &r.search
	for i, h := range s.hits {
		if r.visPos[h.block] < 0 {
			continue
		}
		total++
		if i == s.cur {
			pos = total
		}
	}
	return pos, total
}

// stepHit moves to the next or previous shown match, wrapping around. It
// starts from the current match if it is on screen, else from the top of
// the viewport. It reports whether it wrapped and whether there was any.
func (r *Model) stepHit(dir int) (wrapped, found bool) {
	s := &r.search
	n := len(s.hits)
	if n == 0 || len(r.vis) == 0 {
		return false, false
	}
	ok := func(i int) bool { return r.visPos[s.hits[i].block] >= 0 }
	start := -1
	if s.cur >= 0 && s.cur < n && r.inViewport(s.hits[s.cur].block) {
		start = s.cur
	}
	if start < 0 {
		// The first match at or after the top block.
		top := r.vis[r.top]
		i := 0
		for i < n && s.hits[i].block < top {
			i++
		}
		if dir > 0 {
			start = i - 1
		} else {
			start = i
		}
	}
	next := -1
	if dir > 0 {
		for i := start + 1; i < n; i++ {
			if ok(i) {
				next = i
				break
			}
		}
		if next < 0 {
			for i := 0; i <= start && i < n; i++ {
				if ok(i) {
					next, wrapped = i, true
					break
				}
			}
		}
	} else {
		for i := start - 1; i >= 0; i-- {
			if ok(i) {
				next = i
				break
			}
		}
		if next < 0 {
			for i := n - 1; i >= max(start, 0); i-- {
				if ok(i) {
					next, wrapped = i, true
					break
				}
			}
		}
	}
	if next < 0 {
		return false, false
	}
	s.cur = next
	r.revealHit(next)
	return wrapped, true
}

// firstHitFrom makes the first shown match at or after block b current
// (for incremental search) and reveals it.
func (r *Model) firstHitFrom(b int) bool {
	return r.seekHit(false, func(h hit, _ int) bool { return h.block >= b })
}

// lastHitAbove makes the last shown match starting above line a current
// (for incremental search backward) and reveals it. Only the block that
// holds line a needs its match lines worked out.
func (r *Model) lastHitAbove(a int) bool {
	laidOut := len(r.prefix) == len(r.vis)+1
	return r.seekHit(true, func(h hit, v int) bool {
		return laidOut && r.prefix[v] < a && (r.prefix[v+1] <= a || r.hitAbs(h) < a)
	})
}

// seekHit makes the first shown match that ahead accepts current, going
// through the matches forward or backward, else (wrapping) the first
// shown match that way, and reveals it. ahead gets the match and its
// block's vis position.
func (r *Model) seekHit(backward bool, ahead func(h hit, v int) bool) bool {
	s := &r.search
	n := len(s.hits)
	for pass := 0; pass < 2; pass++ {
		for k := 0; k < n; k++ {
			i := k
			if backward {
				i = n - 1 - k
			}
			v := r.visPos[s.hits[i].block]
			if v < 0 || (pass == 0 && !ahead(s.hits[i], v)) {
				continue
			}
			s.cur = i
			r.revealHit(i)
			return true
		}
	}
	s.cur = -1
	return false
}

// hitAbs is the line of the text a shown match is on.
func (r *Model) hitAbs(h hit) int {
	line := r.prefix[r.visPos[h.block]] + r.hitLine(h)
	if r.d.Blocks[h.block].Label {
		line++
	}
	return line
}

// revealHit scrolls a match into view, two lines below the top so that
// its context shows.
func (r *Model) revealHit(i int) {
	h := r.search.hits[i]
	line := r.hitLine(h)
	if r.d.Blocks[h.block].Label {
		line++
	}
	r.reveal(h.block, line-2)
}

// hitLine estimates the line of a match within its block's text from the
// plain wrap (glamour wraps the same words at the same width).
func (r *Model) hitLine(h hit) int {
	text := r.d.Text(h.block)
	for i, l := range doc.Wrap(text, r.tw) {
		if h.off < l.End || i == 0 && h.off < l.Start {
			return i
		}
	}
	return 0
}

// highlight paints the matches of the search in one display line. Lines
// with a match lose their other styling: the match matters more. cur is
// the ordinal of the current match within the line's block, and *ord
// counts the block's matches seen in earlier lines.
func (r *Model) highlight(line string, cur int, ord *int) string {
	s := &r.search
	plain := stripSGR(line)
	idx := findAll(plain, s.query, s.sensitive)
	if len(idx) == 0 {
		return line
	}
	var b strings.Builder
	pos := 0
	for _, m := range idx {
		if m[0] < pos {
			continue
		}
		b.WriteString(r.st.Text.S(plain[pos:m[0]]))
		p := r.st.Match
		if *ord == cur {
			p = r.st.CurrentHit
		}
		b.WriteString(p.S(plain[m[0]:m[1]]))
		*ord++
		pos = m[1]
	}
	b.WriteString(r.st.Text.S(plain[pos:]))
	return b.String()
}

// findAll returns the byte ranges of q in s, case-folded unless
// sensitive.
func findAll(s, q string, sensitive bool) [][2]int {
	if q == "" || len(s) == 0 {
		return nil
	}
	var out [][2]int
	if sensitive {
		for from := 0; from < len(s); {
			i := strings.Index(s[from:], q)
			if i < 0 {
				break
			}
			out = append(out, [2]int{from + i, from + i + len(q)})
			from += i + len(q)
		}
		return out
	}
	for i := 0; i < len(s); {
		if n := prefixFold(s[i:], q); n > 0 {
			out = append(out, [2]int{i, i + n})
			i += n
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return out
}

// prefixFold returns how many bytes of s match q under simple case
// folding, or 0.
func prefixFold(s, q string) int {
	i := 0
	for _, qr := range q {
		if i >= len(s) {
			return 0
		}
		sr, size := utf8.DecodeRuneInString(s[i:])
		if sr != qr && !foldEq(sr, qr) {
			return 0
		}
		i += size
	}
	return i
}

func foldEq(a, b rune) bool {
	if a < utf8.RuneSelf && b < utf8.RuneSelf {
		if 'A' <= a && a <= 'Z' {
			a += 'a' - 'A'
		}
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		return a == b
	}
	for f := unicode.SimpleFold(a); f != a; f = unicode.SimpleFold(f) {
		if f == b {
			return true
		}
	}
	return false
}
