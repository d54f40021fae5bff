package ui

import (
	"github.com/brief-reader/brief/internal/ui/cell"
	"github.com/brief-reader/brief/internal/ui/pane"
	"github.com/brief-reader/brief/internal/ui/readerpane"
)

// Layout thresholds, in cells. The reader always gets what is left.
const (
	// Below minWidth×minHeight only a note is shown.
	minWidth, minHeight = 40, 10
	// wideWidth and up: Speakers/Topics, Reader and Quotes side by side.
	wideWidth = 140
	// mediumWidth and up: Speakers/Topics and Reader; Quotes on demand.
	mediumWidth = 100
	// narrowWidth and up: the Reader and one side pane; below (80
	// columns or fewer), the Reader alone, and a side pane comes in over
	// it, full width, while it has focus (tab, shift+tab, Q).
	narrowWidth = 81

	leftMin, leftMax = 24, 34
	// leftShare is the Speakers/Topics column's share of the width, in
	// percent, before leftMin/leftMax (narrowLeftShare below mediumWidth).
	leftShare, narrowLeftShare = 22, 35
	// quotesShare is the Quotes column's share of the width, in percent,
	// before quotesMin/quotesMax.
	quotesShare = 28
	// speakersShare is Speakers' share of the left column's height, in
	// percent; Topics gets the rest.
	speakersShare = 60
	// readerMaxWidth caps the Reader at a readable measure: 100 columns
	// of text, its gutter, margin and border. Wider screens give the rest
	// to the side panes.
	readerMaxWidth       = 100 + readerpane.Margins + 2*pane.Border
	quotesMin, quotesMax = 32, 52
	// helpMinHeight is the height from which the footer has a hint line:
	// every height brief draws at, so "? help" and "q quit" always show.
	helpMinHeight = minHeight
	// minPaneHeight is a bordered pane with one line inside.
	minPaneHeight = 3
)

type paneID int

// Panes, in tab order.
const (
	paneReader paneID = iota
	paneSpeakers
	paneTopics
	paneQuotes
	paneCount
)

var paneNames = [...]string{"Reader", "Speakers", "Topics", "Quotes"}

func (p paneID) String() string { return paneNames[p] }

// rect is a pane's place on screen; a zero width means hidden.
type rect struct{ x, y, w, h int }

func (r rect) visible() bool { return r.w > 0 && r.h > 0 }

// frame is the bordered box at r.
func (r rect) frame() pane.Frame { return pane.Frame{W: r.w, H: r.h} }

// size is a width and height in cells.
type size struct{ w, h int }

// inner is the size inside r's border.
func (r rect) inner() size {
	w, h := r.frame().Inner()
	return size{w, h}
}

func (r rect) contains(x, y int) bool {
	return r.visible() && x >= r.x && x < r.x+r.w && y >= r.y && y < r.y+r.h
}

// layout is where everything goes at the current size.
type layout struct {
	tooSmall bool
	header   int // lines
	footer   int // lines
	speakers rect
	topics   rect
	reader   rect
	quotes   rect
}

func (l layout) rect(p paneID) rect {
	switch p {
	case paneSpeakers:
		return l.speakers
	case paneTopics:
		return l.topics
	case paneQuotes:
		return l.quotes
	}
	return l.reader
}

func clampInt(v, lo, hi int) int { return cell.Clamp(v, lo, hi) }

// computeLayout places the panes. side says which side pane the narrow
// layouts show (paneSpeakers for the Speakers/Topics column, paneQuotes);
// focus says which pane fills the screen when only one fits.
func computeLayout(w, h int, focus, side paneID, hideQuotes, hasTopics bool) layout {
	var l layout
	if w < minWidth || h < minHeight {
		l.tooSmall = true
		return l
	}
	l.header = 1
	l.footer = 1
	if h >= helpMinHeight {
		l.footer = 2
	}
	bodyY := l.header
	bodyH := h - l.header - l.footer
	leftW := clampInt(w*leftShare/100, leftMin, leftMax)
	quotesW := clampInt(w*quotesShare/100, quotesMin, quotesMax)
	showLeft, showQuotes := false, false
	switch {
	case w >= wideWidth:
		showLeft, showQuotes = true, !hideQuotes
	case w >= mediumWidth:
		if side == paneQuotes {
			showQuotes = true
		} else {
			showLeft = true
		}
	case w >= narrowWidth:
		leftW = clampInt(w*narrowLeftShare/100, leftMin, leftMax)
		quotesW = leftW
		if side == paneQuotes {
			showQuotes = true
		} else {
			showLeft = true
		}
	default:
		// One pane: the focused one, full width.
		full := rect{0, bodyY, w, bodyH}
		switch focus {
		case paneSpeakers, paneTopics:
			l.speakers, l.topics = splitLeft(full, hasTopics)
		case paneQuotes:
			l.quotes = full
		default:
			l.reader = full
		}
		return l
	}
	x := 0
	if showLeft {
		l.speakers, l.topics = splitLeft(rect{0, bodyY, leftW, bodyH}, hasTopics)
		x = leftW
	}
	rw := w - x
	if showQuotes {
		rw -= quotesW
		if rw > readerMaxWidth {
			quotesW += rw - readerMaxWidth
			rw = readerMaxWidth
		}
		l.quotes = rect{w - quotesW, bodyY, quotesW, bodyH}
	}
	l.reader = rect{x, bodyY, rw, bodyH}
	return l
}

// splitLeft stacks Speakers over Topics: Speakers gets speakersShare, or
// all of it when there are no topics.
func splitLeft(r rect, hasTopics bool) (speakers, topics rect) {
	if !hasTopics || r.h < 2*minPaneHeight {
		return r, rect{}
	}
	sh := clampInt(r.h*speakersShare/100, minPaneHeight, r.h-minPaneHeight)
	return rect{r.x, r.y, r.w, sh}, rect{r.x, r.y + sh, r.w, r.h - sh}
}
