package ui

import (
	"strings"
	"time"
)

// docDate is a briefing's date as the briefing list shows and sorts it.
type docDate struct {
	t       time.Time
	hasYear bool // "August 26" has none
	ok      bool // false when the text is not a date brief knows
}

// dateLayouts are the ways briefings write their dates, with a year;
// shortDateLayouts without one.
var (
	dateLayouts = []string{
		"2006-01-02", "2006/01/02",
		"January 2, 2006", "January 2 2006", "Jan 2, 2006", "Jan. 2, 2006", "Jan 2 2006",
		"2 January 2006", "2 Jan 2006", "02 January 2006",
	}
	shortDateLayouts = []string{"January 2", "Jan 2", "Jan. 2", "2 January", "2 Jan"}
)

// parseDocDate reads a briefing's date: ISO ("2025-01-29", also with a
// time after it), "January 29, 2025", "29 January 2025", "August 26"; a
// leading weekday ("Monday, ") is skipped.
func parseDocDate(s string) docDate {
	s = strings.TrimSpace(s)
	if len(s) > 10 && s[4] == '-' && s[7] == '-' && (s[10] == 'T' || s[10] == ' ') {
		s = s[:10] // an ISO date with a time
	}
	if i := strings.Index(s, ", "); i > 0 {
		if _, err := time.Parse("Monday", s[:i]); err == nil {
			s = s[i+2:]
		} else if _, err := time.Parse("Mon", s[:i]); err == nil {
			s = s[i+2:]
		}
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return docDate{t: t, hasYear: true, ok: true}
		}
	}
	for _, l := range shortDateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return docDate{t: t, ok: true}
		}
	}
	return docDate{}
}

// String is the one format the list shows: "Jan 29, 2025", "Aug 26"
// without a year; the text as written when it is not a known date.
func (d docDate) String() string {
	switch {
	case !d.ok:
		return ""
	case d.hasYear:
		return d.t.Format("Jan 2, 2006")
	}
	return d.t.Format("Jan 2")
}

// newer orders dates newest first: dates with a year, then dates
// without one (by month and day), then unknown ones.
func (d docDate) newer(o docDate) bool {
	if d.ok != o.ok {
		return d.ok
	}
	if d.hasYear != o.hasYear {
		return d.hasYear
	}
	return d.t.After(o.t)
}
