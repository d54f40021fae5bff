package readerpane

import (
	"slices"
	"strconv"
	"strings"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/ui/cell"
)

// StatusRight is what the status line says at its right about the
// Reader: the search and the current match, the current quote's place
// among those shown, and how far through the text the reader is.
func (r *Model) StatusRight() string {
	var right []string
	if r.search.active() {
		pos, total := r.visibleHits()
		dir := "/"
		if r.search.back {
			dir = "?"
		}
		s := dir + r.search.query + " " + strconv.Itoa(pos) + "/" + strconv.Itoa(total)
		if r.search.capped {
			s += "+"
		}
		right = append(right, s)
	}
	if fq := r.focusQuote(); fq >= 0 {
		if pos := slices.Index(r.quotes, fq); pos >= 0 {
			what := "quote "
			if r.d.B.Quotes[fq].Kind == briefing.Turn {
				what = "turn "
			}
			right = append(right, what+strconv.Itoa(pos+1)+"/"+strconv.Itoa(len(r.quotes)))
		}
	}
	right = append(right, strconv.Itoa(r.percent())+"%")
	return strings.Join(right, " · ")
}

// StatusWhere is the current speaker and section, cut to room cells.
func (r *Model) StatusWhere(room int) string {
	st := r.st
	var b strings.Builder
	used := 0
	if s := r.CurrentSpeaker(); s >= 0 {
		sp := r.d.Speakers[s]
		name := "▶ " + sp.Name
		b.WriteString(st.SpeakerBold(sp.Colour).S(name))
		used += cell.Width(name)
	}
	if si := r.section(); si >= 0 && !r.d.Implicit {
		sec := "§" + strconv.Itoa(si+1) + " " + r.d.SectionTitle(si)
		if used > 0 {
			sec = " · " + sec
		}
		b.WriteString(st.Status.S(sec))
	}
	return cell.Clip(b.String(), max(room, 0))
}
