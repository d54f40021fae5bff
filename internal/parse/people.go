package parse

import (
	"strings"
	"unicode/utf8"

	"github.com/brief-reader/brief/internal/briefing"
)

// person is someone the text names or quotes. People who end up with speech
// become speakers; the others only help resolve names, titles and pronouns.
type person struct {
	name    []string // best known name: ["Vikram", "Misri"], or ["Misri"]
	role    string
	kind    briefing.SpeakerKind
	gender  gender
	aliases []string
	labels  []string // transcript labels that opened this person's turns
	first   int      // position of the first mention
	last    int      // position of the latest mention
	meta    bool     // named by front matter
	merged  *person  // set when this entry turned out to be someone else
	at      int      // index in the registry's people

	// key and sur cache nameKey(name) and the folded surname; rkey caches
	// roleKey(role) for the role it was computed from.
	key, sur     string
	rkey, rkeyOf string
}

// roleKey returns the folded role, computed once per role.
func (p *person) roleKey() string {
	if p.rkeyOf != p.role || (p.rkey == "" && p.role != "") {
		p.rkey, p.rkeyOf = roleKey(p.role), p.role
	}
	return p.rkey
}

// setName sets a person's name and the keys derived from it.
func (p *person) setName(name []string) {
	p.name = append([]string(nil), name...)
	p.key, p.sur = nameKeys(p.name)
}

// nameKeys returns nameKey(name) and the folded surname without its full
// stop, the surname cut from the key where it can be: one string built,
// not three or four.
func nameKeys(name []string) (key, sur string) {
	if len(name) == 0 {
		return "", ""
	}
	var buf [64]byte
	k := buf[:0]
	if len(name) > 1 {
		k = appendLower(k, name[0])
		k = append(k, ' ')
	}
	at := len(k)
	k = appendLower(k, name[len(name)-1])
	key = string(k)
	sur = key[at:]
	if last := name[len(name)-1]; strings.HasSuffix(last, ".") {
		sur = strings.ToLower(strings.TrimSuffix(last, "."))
	}
	return key, sur
}

// root follows merges to the person an entry stands for.
func (p *person) root() *person {
	for p.merged != nil {
		p = p.merged
	}
	return p
}

func (p *person) fullName() string { return strings.Join(p.name, " ") }

func (p *person) surname() string { return p.sur }

func (p *person) addAlias(s string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return
	}
	for _, a := range p.aliases {
		if strings.EqualFold(a, s) {
			return
		}
	}
	p.aliases = append(p.aliases, s)
}

// registry holds the people of one briefing.
type registry struct {
	people []*person
	// byKey and bySur index people by name key and surname, as they were
	// when the name was set: an entry is stale once the person is renamed
	// or merged, and lookups check each. They keep a lookup from scanning
	// every person, which made a text naming thousands of people
	// quadratic.
	byKey, bySur map[string][]*person
	// byFirst indexes people of two names or more by their folded first
	// name, for findNear. Entries go stale as byKey's do.
	byFirst map[string][]*person
	// near indexes people by their surname with up to two letters left
	// out, for findNear's typos: each form's hash leads to a chain of
	// entries in nearList (see nearKeys). It is built on the first lookup
	// that needs it (nearBuilt), and goes stale as byKey does. A Parser
	// hands both, emptied, from one file to the next.
	near      map[uint64]int32
	nearList  []nearEntry
	nearBuilt bool
}

// nearEntry is a person in a chain of the near index; next is the index
// in nearList of the next entry of the chain, or -1.
type nearEntry struct {
	p    *person
	next int32
}

// add appends a new person to the registry.
func (r *registry) add(p *person) {
	p.at = len(r.people)
	r.people = append(r.people, p)
	r.index(p)
}

// rename sets a person's name and indexes it.
func (r *registry) rename(p *person, name []string) {
	p.setName(name)
	r.index(p)
}

func (r *registry) index(p *person) {
	if r.byKey == nil {
		r.byKey, r.bySur, r.byFirst = map[string][]*person{}, map[string][]*person{}, map[string][]*person{}
	}
	if len(p.name) >= 2 {
		r.byKey[p.key] = append(r.byKey[p.key], p)
		first := strings.ToLower(p.name[0])
		r.byFirst[first] = append(r.byFirst[first], p)
	}
	r.bySur[p.sur] = append(r.bySur[p.sur], p)
	if r.nearBuilt {
		r.indexNear(p)
	}
}

// nearScan is how many people findNear looks through one by one before it
// turns to its index, which costs more to build than a short scan.
const nearScan = 64

// indexNear indexes a person's surname under each of its forms with up to
// two letters left out: two words within two edits of each other (a
// transposition counting one) have such a form in common.
func (r *registry) indexNear(p *person) {
	if p.sur == "" {
		return
	}
	nearKeys(p.sur, 2, func(h uint64) {
		head, ok := r.near[h]
		if !ok {
			head = -1
		}
		r.near[h] = int32(len(r.nearList))
		r.nearList = append(r.nearList, nearEntry{p: p, next: head})
	})
}

// nearKeys calls f with the hash of s and of each of its forms with up to
// k (at most 2) letters left out. Equal forms hash equal; a collision
// only adds a candidate that findNear then checks.
func nearKeys(s string, k int, f func(uint64)) {
	var buf [32]rune
	rs := append(buf[:0], []rune(s)...)
	hash := func(skip1, skip2 int) uint64 {
		h := uint64(14695981039346656037) // FNV-1a
		for i, c := range rs {
			if i != skip1 && i != skip2 {
				h = (h ^ uint64(c)) * 1099511628211
			}
		}
		return h
	}
	f(hash(-1, -1))
	for i := range rs {
		if k >= 1 {
			f(hash(i, -1))
		}
		for j := i + 1; k >= 2 && j < len(rs); j++ {
			f(hash(i, j))
		}
	}
}

// nameKey identifies a full name: first and last name, folded, ignoring
// middle names and initials ("Donald J. Trump" = "Donald Trump").
func nameKey(name []string) string {
	if len(name) == 0 {
		return ""
	}
	first := strings.ToLower(name[0])
	last := strings.ToLower(name[len(name)-1])
	if len(name) == 1 {
		return last
	}
	return first + " " + last
}

// appendLower appends s to b lower-cased as strings.ToLower does, without
// allocating when s is ASCII.
func appendLower(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(b, strings.ToLower(s)...)
		}
	}
	return appendASCIILower(b, s)
}

// findName returns the person a name refers to at position pos, or nil.
// A full name matches the same first and last name; a single name matches
// the surname of the person mentioned most recently with it, so that two
// people sharing a surname stay apart.
func (r *registry) findName(name []string) *person {
	if len(name) == 0 {
		return nil
	}
	// The keys are folded into buf, so that looking them up allocates
	// nothing: key is nameKey(name).
	var buf [64]byte
	var best *person
	// The indexes hold each person once or more, in no useful order:
	// at breaks ties as the order of people would.
	if len(name) >= 2 {
		key := appendLower(buf[:0], name[0])
		key = append(key, ' ')
		lastAt := len(key)
		key = appendLower(key, name[len(name)-1])
		for _, p := range r.byKey[string(key)] {
			if p.merged == nil && len(p.name) >= 2 && p.key == string(key) && (best == nil || p.at < best.at) {
				best = p
			}
		}
		if best != nil {
			return best
		}
		// A full name may upgrade a person so far known by surname alone,
		// when no other full name has that surname.
		last := key[lastAt:]
		for _, p := range r.bySur[string(last)] {
			if p.merged != nil || p.surname() != string(last) {
				continue
			}
			if len(p.name) >= 2 {
				return nil
			}
			if best == nil || p.at > best.at {
				best = p
			}
		}
		return best
	}
	one := appendLower(buf[:0], strings.TrimSuffix(name[0], "."))
	for _, p := range r.bySur[string(one)] {
		if p.merged != nil || p.surname() != string(one) {
			continue
		}
		if best == nil || p.last > best.last || (p.last == best.last && (len(p.name) > len(best.name) ||
			len(p.name) == len(best.name) && p.at < best.at)) {
			best = p
		}
	}
	return best
}

// findNameFor finds the person a reference names, like findName, but when
// two people share a surname a title or an honorific decides: "Sen. Crane"
// is the senator even when his wife was named last, "Mrs. Crane" is she.
func (r *registry) findNameFor(rf ref) *person {
	p := r.findName(rf.name)
	if p == nil || len(rf.name) != 1 || rf.role == "" && rf.gender == unknownGender || fitsRef(p, rf) {
		return p
	}
	var best *person
	for _, q := range r.bySur[p.sur] {
		if q.merged == nil && q.surname() == p.sur && fitsRef(q, rf) && (best == nil || q.last > best.last) {
			best = q
		}
	}
	if best != nil {
		return best
	}
	return p
}

// fitsRef reports whether what a reference says of a person, a title or
// an honorific's gender, agrees with what is known of them.
func fitsRef(p *person, rf ref) bool {
	if rf.gender != unknownGender && p.gender != unknownGender && rf.gender != p.gender {
		return false
	}
	if rf.role == "" {
		return true
	}
	return p.role != "" && sameTitle(roleKey(p.role), roleKey(rf.role))
}

// sameTitle reports whether two folded roles end in the same title, written
// out or abbreviated: "senator" and "sen", "u.s. rep" and "representative".
func sameTitle(a, b string) bool {
	fa, fb := strings.Fields(a), strings.Fields(b)
	if len(fa) == 0 || len(fb) == 0 {
		return false
	}
	x, y := strings.TrimSuffix(fa[len(fa)-1], "."), strings.TrimSuffix(fb[len(fb)-1], ".")
	if len(x) > len(y) {
		x, y = y, x
	}
	return len(x) >= 3 && strings.HasPrefix(y, x)
}

// findNear returns the one person a single name can mean when it matches no
// surname exactly: a given name written first ("Kishida" for "Kishida
// Fumio"), or a surname with a typo ("Sullivcan" for "Sullivan"). It
// returns nil when no person or more than one fits.
//
// Up to nearScan people it looks at each; past that, at those its indexes
// give.
func (r *registry) findNear(one string) *person {
	one = strings.ToLower(strings.TrimSuffix(one, "."))
	if len(one) < 2 {
		return nil
	}
	// The people who may fit: those with the name as a first name, and,
	// where a typo counts (five letters or more), those whose surname
	// shares a form with it with up to two letters left out. Each is
	// checked below as every person once was.
	cands := r.byFirst[one]
	switch {
	case len(r.people) <= nearScan:
		cands = r.people
	case len(one) >= 5:
		if !r.nearBuilt {
			r.nearBuilt = true
			if r.near == nil {
				r.near = map[uint64]int32{}
			}
			for _, p := range r.people {
				r.indexNear(p)
			}
		}
		cands = append([]*person(nil), cands...)
		// Only a long name may be two letters off (see below).
		k := 1
		if len(one) >= 9 {
			k = 2
		}
		nearKeys(one, k, func(h uint64) {
			if e, ok := r.near[h]; ok {
				for ; e >= 0; e = r.nearList[e].next {
					cands = append(cands, r.nearList[e].p)
				}
			}
		})
	}
	// A typo counts one letter off from five letters, two from nine:
	// the distance is worked out only as far as that (a shorter name
	// needs none), since editDistance gives min(distance, limit).
	limit := 0
	switch {
	case len(one) >= 9:
		limit = 3
	case len(one) >= 5:
		limit = 2
	}
	var found *person
	for _, p := range cands {
		if p == found || p.merged != nil || len(p.name) == 0 {
			continue
		}
		// A family name written first ("Li" for "Li Qiang"), or a typo'd
		// surname ("Sullivcan").
		ok := len(p.name) >= 2 && strings.EqualFold(p.name[0], one)
		switch {
		case ok || p.sur == "" || limit == 0:
		case limit == 2:
			ok = oneEdit(p.sur, one)
		default:
			d := editDistance(p.sur, one, limit)
			ok = d == 1 || d == 2
		}
		if ok {
			if found != nil {
				return nil // more than one person fits
			}
			found = p
		}
	}
	return found
}

// oneEdit reports whether editDistance(a, b, 2) is 1: a and b differ by
// one letter changed, added, dropped or swapped with the next. ASCII words
// are compared in one pass, without the distance's table.
func oneEdit(a, b string) bool {
	for i := 0; i < len(a); i++ {
		if a[i] >= utf8.RuneSelf {
			return editDistance(a, b, 2) == 1
		}
	}
	for i := 0; i < len(b); i++ {
		if b[i] >= utf8.RuneSelf {
			return editDistance(a, b, 2) == 1
		}
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	switch len(b) - len(a) {
	case 0:
		if i == len(a) {
			return false // the same word
		}
		// One letter changed, or two swapped.
		return a[i+1:] == b[i+1:] || i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	case 1:
		return a[i:] == b[i+1:] // one letter added
	}
	return false
}

// farApart reports whether two ASCII words are limit edits apart or more
// by their letters alone: an edit changes the count of two letters at
// most (a swap none), so words whose counts differ by more than
// 2×(limit-1) in all are. Letters are counted by their low five bits,
// which tells apart the letters of a case, and can only make the counts
// closer. It answers no when it cannot tell.
func farApart(a, b string, limit int) bool {
	if len(a) > 255 || len(b) > 255 {
		return false
	}
	var counts [32]int16
	var all byte
	for i := 0; i < len(a); i++ {
		counts[a[i]&31]++
		all |= a[i]
	}
	for i := 0; i < len(b); i++ {
		counts[b[i]&31]--
		all |= b[i]
	}
	if all >= utf8.RuneSelf {
		return false
	}
	diff := 0
	for _, c := range counts {
		diff += int(max(c, -c))
	}
	return diff > 2*(limit-1)
}

// appendRunes appends the runes of s to rs, as []rune(s) makes them.
func appendRunes(rs []rune, s string) []rune {
	for _, r := range s {
		rs = append(rs, r)
	}
	return rs
}

// editDistance is the Damerau–Levenshtein distance between a and b, or
// limit when it is at least limit.
func editDistance(a, b string, limit int) int {
	// Words whose lengths differ by limit or more are that far apart at
	// least: told before they are made into runes.
	if d := utf8.RuneCountInString(a) - utf8.RuneCountInString(b); d >= limit || -d >= limit {
		return limit
	}
	if farApart(a, b, limit) {
		return limit
	}
	var bufA, bufB [24]rune
	ra, rb := appendRunes(bufA[:0], a), appendRunes(bufB[:0], b)
	// Names are short: their rows fit on the stack.
	var rows [3][24]int
	prev2, prev, cur := rows[0][:0], rows[1][:0], rows[2][:0]
	if len(rb)+1 > len(rows[0]) {
		prev2, prev, cur = nil, nil, nil
	}
	prev2 = append(prev2, make([]int, len(rb)+1)...)
	prev = append(prev, make([]int, len(rb)+1)...)
	cur = append(cur, make([]int, len(rb)+1)...)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			best = min(best, cur[j])
		}
		if best >= limit {
			return limit
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(rb)], limit)
}

// addName records a mention of a named person and returns them.
func (r *registry) addName(rf ref, pos int) *person {
	p := r.findNameFor(rf)
	if p == nil && len(rf.name) == 1 && !rf.org {
		p = r.findNear(rf.name[0])
	}
	if p == nil {
		p = &person{first: pos}
		p.setName(rf.name)
		r.add(p)
	} else if len(rf.name) > len(p.name) {
		r.rename(p, rf.name)
	}
	r.touch(p, rf, pos)
	return p
}

// touch updates what a new mention tells about a person.
func (r *registry) touch(p *person, rf ref, pos int) {
	if pos > p.last {
		p.last = pos
	}
	if rf.role != "" && (p.role == "" || (len(rf.role) > len(p.role) && strings.Contains(strings.ToLower(rf.role), strings.ToLower(p.role)))) {
		p.role = rf.role
	}
	if rf.gender != unknownGender && p.gender == unknownGender {
		p.gender = rf.gender
	}
	if rf.pronoun == "" {
		p.addAlias(rf.surface)
	}
}

// findRole returns the person most recently mentioned with a role that the
// given title names: "the Foreign Secretary" matches "Foreign Secretary",
// "the president" matches "President" but not "Vice President".
func (r *registry) findRole(role string) *person {
	return r.findRoleBy(role, func(p, best *person) bool { return p.last > best.last })
}

// findFirstRole is findRole for the person first mentioned with the role:
// a transcript's "THE PRESIDENT" is the president its title names, not
// one its speakers talk about later.
func (r *registry) findFirstRole(role string) *person {
	return r.findRoleBy(role, func(p, best *person) bool { return p.first < best.first })
}

func (r *registry) findRoleBy(role string, better func(p, best *person) bool) *person {
	key := roleKey(role)
	if key == "" {
		return nil
	}
	var best *person
	for _, p := range r.people {
		if p.merged != nil || p.role == "" || len(p.name) == 0 {
			continue
		}
		if roleMatches(p.roleKey(), key) && (best == nil || better(p, best)) {
			best = p
		}
	}
	return best
}

// roleMatches reports whether a person's role (folded) is named by a title
// (folded): equal, or ending with it after a word that does not change the
// office (not "vice president" for "president").
func roleMatches(personRole, title string) bool {
	if personRole == title || strings.HasPrefix(personRole, title+" ") {
		return true
	}
	if !strings.HasSuffix(personRole, " "+title) {
		return false
	}
	before := strings.Fields(strings.TrimSuffix(personRole, " "+title))
	switch before[len(before)-1] {
	case "vice", "deputy", "assistant", "under", "former", "acting", "associate", "co", "principal", "first":
		return false
	}
	return true
}

// firstTitled returns the person the text named first with a title and a
// full name ("Today, President Donald J. Trump joined…"), the one a page
// is about, or nil.
func (r *registry) firstTitled() *person {
	var best *person
	for _, p := range r.people {
		if p.merged == nil && p.kind == briefing.Person && len(p.name) >= 2 && p.role != "" && (best == nil || p.first < best.first) {
			best = p
		}
	}
	return best
}

// addRole records an unnamed voice known by its function.
func (r *registry) addRole(name string, kind briefing.SpeakerKind, pos int) *person {
	key := strings.ToLower(name)
	for _, p := range r.people {
		if p.merged == nil && len(p.name) == 0 && p.kind == kind && strings.ToLower(p.role) == key {
			if pos > p.last {
				p.last = pos
			}
			return p
		}
	}
	p := &person{role: name, kind: kind, first: pos, last: pos}
	r.add(p)
	return p
}

// salience tracks who the text is about, to resolve "he" and "she".
type salience struct {
	recent []*person // most recent last
}

func (s *salience) push(p *person) {
	p = p.root()
	for i, q := range s.recent {
		if q.root() == p {
			s.recent = append(s.recent[:i], s.recent[i+1:]...)
			break
		}
	}
	s.recent = append(s.recent, p)
	if len(s.recent) > 16 {
		s.recent = s.recent[1:]
	}
}

// top returns the most salient person, or nil.
func (s *salience) top() *person {
	if len(s.recent) == 0 {
		return nil
	}
	return s.recent[len(s.recent)-1].root()
}

// resolve returns the most recent person compatible with a pronoun. With
// learn set (the pronoun attributes speech: "…,” he said") a person of
// unknown gender takes the pronoun's; a sentence's subject pronoun ("She
// was taken to hospital") may be someone the text never named, so it
// teaches nothing.
func (s *salience) resolve(g gender, learn bool) *person {
	for i := len(s.recent) - 1; i >= 0; i-- {
		p := s.recent[i].root()
		if p.kind != briefing.Person || len(p.name) == 0 {
			continue
		}
		if p.gender != unknownGender && g != unknownGender && p.gender != g {
			continue
		}
		if p.gender == unknownGender && learn {
			p.gender = g
		}
		return p
	}
	return nil
}
