package ui

import (
	"strings"
	"testing"

	"github.com/brief-reader/brief/internal/briefing"
)

func TestParseDocDate(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"2025-01-29", "Jan 29, 2025"},
		{"2025-01-29T10:00:00Z", "Jan 29, 2025"},
		{"January 29, 2025", "Jan 29, 2025"},
		{"Wednesday, January 29, 2025", "Jan 29, 2025"},
		{"29 January 2025", "Jan 29, 2025"},
		{"Jan. 29, 2025", "Jan 29, 2025"},
		{"August 26", "Aug 26"},
		{"soon", ""},
		{"", ""},
	} {
		if got := parseDocDate(c.in).String(); got != c.want {
			t.Errorf("parseDocDate(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestBriefingListByDate: with no filter, B lists briefings newest first
// in one date format: dated ones, then those without a year, then
// unknown dates.
func TestBriefingListByDate(t *testing.T) {
	dates := []string{"soon", "August 26", "2024-03-01", "January 29, 2025", "2025-02-10"}
	var bs []*briefing.Briefing
	for i, d := range dates {
		b := seedSnapshot(t)[0]
		b.Date = d
		b.Title = "Briefing " + string(rune('A'+i))
		b.Path = "x/" + string(rune('a'+i)) + ".txt"
		bs = append(bs, b)
	}
	m := newModelFor(t, 120, 40, bs)
	press(t, m, "B")
	v := plainView(m)
	v = v[strings.Index(v, "Briefings"):] // the list box, not the header
	want := []string{"Feb 10, 2025", "Jan 29, 2025", "Mar 1, 2024", "Aug 26", "soon"}
	last := -1
	for _, w := range want {
		i := strings.Index(v, w)
		if i < 0 || i < last {
			t.Fatalf("B list not newest first in one format (%q at %d, after %d):\n%s", w, i, last, v)
		}
		last = i
	}
	if strings.Contains(v, "2025-02-10") || strings.Contains(v, "January 29") {
		t.Errorf("dates shown as written, not in one format:\n%s", v)
	}
}

// TestHeaderDateFormat: the header shows a briefing's date in the list's
// one format, and a date brief does not know as written.
func TestHeaderDateFormat(t *testing.T) {
	for _, c := range [][2]string{{"2025-01-29", "Jan 29, 2025"}, {"August 26", "Aug 26"}, {"soon", "soon"}} {
		b := seedSnapshot(t)[0]
		b.Date = c[0]
		m := newModelFor(t, 120, 40, []*briefing.Briefing{b})
		if header := strings.Split(plainView(m), "\n")[0]; !strings.Contains(header, c[1]+" · ") {
			t.Errorf("date %q: header %q, want %q", c[0], header, c[1])
		}
	}
}
