package readerpane

import (
	"fmt"
	"runtime"
	"sort"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/glamour"

	"github.com/brief-reader/brief/internal/ui/doc"
	"github.com/brief-reader/brief/internal/ui/theme"
)

// renderKey identifies one glamour render of a chunk: which briefing,
// which chunk, in which theme. Glamour renders each paragraph as one
// styled line, without wrapping; the reader cuts that line at the plain
// wrap's breaks for whatever width it has. So a render never goes stale
// on resize, and a paragraph has the same height before and after
// glamour (glamour's own wrapping also breaks lines badly: "go\nto to").
type renderKey struct {
	bid, chunk, theme int
}

// RenderedMsg carries a chunk's glamour output back to the model: one
// styled line per block of the chunk, "" for a block left plain. Owner is
// the briefing it is for; the root gives it to that briefing's Reader, or
// to the Store's Drop if none.
type RenderedMsg struct {
	Owner  int
	key    renderKey
	styled []string
	err    error
	// Took is how long glamour took.
	Took time.Duration
}

// Chunk is the chunk rendered.
func (m RenderedMsg) Chunk() int { return m.key.chunk }

// renderBudget bounds the bytes of rendered text kept.
const renderBudget = 64 << 20

// Store caches glamour renders and remembers which are in flight. The
// root makes one and every Reader shares it; it is only touched from
// Update and View.
type Store struct {
	cache    map[renderKey][]string
	size     map[renderKey]int
	order    []renderKey // insertion order, for eviction
	bytes    int
	inflight map[renderKey]bool
	// disabled turns glamour off (tests of the plain layout, benchmarks
	// of the placeholder path).
	disabled bool
}

// NewStore makes a store; plain keeps every paragraph plain-wrapped
// (tests of the plain layout, benchmarks of the placeholder path).
func NewStore(plain bool) *Store {
	return &Store{
		cache:    make(map[renderKey][]string),
		size:     make(map[renderKey]int),
		inflight: make(map[renderKey]bool),
		disabled: plain,
	}
}

// Drop forgets a render in flight for a briefing no longer open.
func (s *Store) Drop(msg RenderedMsg) { delete(s.inflight, msg.key) }

func (s *Store) get(k renderKey) []string { return s.cache[k] }

func (s *Store) put(k renderKey, styled []string) {
	delete(s.inflight, k)
	if _, ok := s.cache[k]; ok {
		return
	}
	n := 64
	for _, l := range styled {
		n += len(l) + 16
	}
	s.cache[k] = styled
	s.size[k] = n
	s.order = append(s.order, k)
	s.bytes += n
	for s.bytes > renderBudget && len(s.order) > 1 {
		old := s.order[0]
		s.order = s.order[1:]
		s.bytes -= s.size[old]
		delete(s.cache, old)
		delete(s.size, old)
	}
}

// maxInflight is how many chunk renders run at once: one per core, so a
// fast scroll through a long briefing never queues more work than the
// machine can do while the reader waits.
func maxInflight() int { return max(2, runtime.GOMAXPROCS(0)) }

func (r *Model) renderKey(chunk int) renderKey {
	return renderKey{bid: r.bid, chunk: chunk, theme: r.st.Theme.ID}
}

// wanted lists the chunks near the viewport that have no render yet,
// nearest first: the screen, then a screen above and two below, where the
// reader is likely to go next.
func (r *Model) wanted() []int {
	if len(r.vis) == 0 || r.h <= 0 || len(r.prefix) == 0 {
		return nil
	}
	a := r.abs()
	lo, hi := max(0, a-r.h), a+2*r.h+1
	vlo := sort.Search(len(r.vis), func(i int) bool { return r.prefix[i+1] > lo })
	vhi := sort.Search(len(r.vis), func(i int) bool { return r.prefix[i] >= hi })
	type cand struct{ chunk, dist int }
	var cs []cand
	last := -1
	for v := vlo; v < vhi && v < len(r.vis); v++ {
		c := r.d.Blocks[r.vis[v]].Chunk
		if c < 0 || c == last {
			continue
		}
		last = c
		k := r.renderKey(c)
		if r.store.cache[k] != nil || r.store.inflight[k] || !r.chunkNeedsGlamour(c) {
			continue
		}
		dist := 0
		if r.prefix[v] < a {
			dist = a - r.prefix[v]
		} else if r.prefix[v] > a+r.h {
			dist = r.prefix[v] - a - r.h
		}
		cs = append(cs, cand{c, dist})
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].dist < cs[j].dist })
	out := make([]int, 0, len(cs))
	for i, c := range cs {
		if i > 0 && c.chunk == cs[i-1].chunk {
			continue
		}
		out = append(out, c.chunk)
	}
	return out
}

func (r *Model) chunkNeedsGlamour(c int) bool {
	ch := r.d.Chunks[c]
	for b := ch.First; b <= ch.Last; b++ {
		if r.d.Glamourable(b) {
			return true
		}
	}
	return false
}

// Rendered takes in a chunk's render: it is kept in the store and the
// chunk's lines are drawn from it. A render for another theme is stale and
// dropped. It returns glamour's error, if any (the chunk then stays plain).
func (r *Model) Rendered(msg RenderedMsg) error {
	k := msg.key
	delete(r.store.inflight, k)
	if k.bid != r.bid || k.theme != r.st.Theme.ID || k.chunk < 0 || k.chunk >= len(r.d.Chunks) {
		return nil
	}
	styled := msg.styled
	if msg.err != nil || styled == nil {
		// Keep the chunk plain rather than asking again.
		c := r.d.Chunks[k.chunk]
		styled = make([]string, c.Last-c.First+1)
	}
	r.store.put(k, styled)
	r.chunkRendered(k.chunk)
	return msg.err
}

// RenderCmds starts glamour renders for the chunks the reader wants, up to
// the in-flight limit.
func (r *Model) RenderCmds() []tea.Cmd {
	if r.store == nil || r.store.disabled {
		return nil
	}
	free := maxInflight() - len(r.store.inflight)
	if free <= 0 {
		return nil
	}
	var cmds []tea.Cmd
	for _, c := range r.wanted() {
		if free == 0 {
			break
		}
		k := r.renderKey(c)
		if r.store.inflight[k] {
			continue
		}
		r.store.inflight[k] = true
		cmds = append(cmds, renderChunk(r.d, k, r.st.Theme))
		free--
	}
	return cmds
}

// renderChunk renders a chunk's paragraphs with glamour. It gets the doc
// (immutable), the key and the theme by value, and renderers of its own:
// a TermRenderer is not safe for concurrent use, and making one costs
// less than a tenth of a millisecond. A panic in glamour costs the chunk
// its styling, never the program.
func renderChunk(d *doc.Doc, k renderKey, th theme.Theme) tea.Cmd {
	return func() (msg tea.Msg) {
		defer func() {
			if p := recover(); p != nil {
				msg = RenderedMsg{Owner: k.bid, key: k, err: fmt.Errorf("rendering failed: %v", p)}
			}
		}()
		t0 := time.Now()
		styled, err := renderBlocks(d, k.chunk, th)
		return RenderedMsg{Owner: k.bid, key: k, styled: styled, err: err, Took: time.Since(t0)}
	}
}

func renderBlocks(d *doc.Doc, chunk int, th theme.Theme) ([]string, error) {
	c := d.Chunks[chunk]
	newRenderer := func(reported bool) (*glamour.TermRenderer, error) {
		cfg := th.GlamourStyle()
		if reported {
			cfg = th.GlamourReportedStyle()
		}
		return glamour.NewTermRenderer(
			glamour.WithStyles(cfg),
			glamour.WithWordWrap(0),
			glamour.WithColorProfile(th.GlamourProfile()),
		)
	}
	var normal, reported *glamour.TermRenderer
	out := make([]string, c.Last-c.First+1)
	for b := c.First; b <= c.Last; b++ {
		if !d.Glamourable(b) {
			continue
		}
		rp := d.Blocks[b].Voice == doc.Reported
		tr := normal
		if rp {
			tr = reported
		}
		if tr == nil {
			var err error
			if tr, err = newRenderer(rp); err != nil {
				return nil, err
			}
			if rp {
				reported = tr
			} else {
				normal = tr
			}
		}
		s, err := tr.Render(d.Markdown(b))
		if err != nil {
			continue
		}
		if styled, ok := doc.Styled(s, d.Text(b)); ok {
			out[b-c.First] = styled
		}
	}
	return out, nil
}
