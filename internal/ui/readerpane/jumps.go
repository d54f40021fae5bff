package readerpane

// Place is a place in the Reader: the block at the top, the line in it,
// and the current quote.
type Place struct{ block, off, cur int }

// maxJumps bounds the jump list, as vim's does.
const maxJumps = 100

// jumpList is the places jumps left, for ctrl+o (back) and ctrl+] (forward;
// vim's ctrl+i cannot be told from tab in a terminal).
type jumpList struct {
	pos []Place
	at  int // index of the place shown when moving back; len(pos) when at the newest
}

func (r *Model) place() Place {
	p := Place{block: -1, cur: r.cur}
	if len(r.vis) > 0 {
		p.block, p.off = r.vis[r.top], r.off
	}
	return p
}

// goTo shows place p: its block if still shown, else where it would be.
func (r *Model) goTo(p Place) {
	if p.block >= 0 && !r.reveal(p.block, p.off) {
		r.setAbs(0)
	}
	r.cur = p.cur
}

// record notes the place a jump leaves, dropping what was ahead of it.
func (j *jumpList) record(p Place) {
	j.pos = append(j.pos[:min(j.at, len(j.pos))], p)
	if len(j.pos) > maxJumps {
		j.pos = j.pos[len(j.pos)-maxJumps:]
	}
	j.at = len(j.pos)
}

// back returns the place before, saving here so forward comes back.
func (j *jumpList) back(here Place) (Place, bool) {
	if j.at == 0 || len(j.pos) == 0 {
		return Place{}, false
	}
	if j.at == len(j.pos) {
		j.pos = append(j.pos, here)
	}
	j.at--
	return j.pos[j.at], true
}

// forward returns the place after one back went to.
func (j *jumpList) forward() (Place, bool) {
	if j.at+1 >= len(j.pos) {
		return Place{}, false
	}
	j.at++
	p := j.pos[j.at]
	if j.at == len(j.pos)-1 {
		// Back at the newest place: it is recorded again by the next back.
		j.pos = j.pos[:j.at]
	}
	return p, true
}
