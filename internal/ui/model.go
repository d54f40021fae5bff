// Package ui is brief's terminal reader: a Bubble Tea program that shows a
// briefing's speakers, topics, text and quotes side by side and moves
// between them with single keys.
//
// The root Model owns layout, focus, modes and global keys; each pane is a
// package behind the contract in package pane. Update and View never block: loading,
// parsing, glamour rendering and clipboard writes run in commands that get
// copies of what they need and return tagged messages.
package ui

import (
	"context"
	"fmt"
	"io"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/brief-reader/brief/internal/load"
	"github.com/brief-reader/brief/internal/ui/doc"
	"github.com/brief-reader/brief/internal/ui/pane"
	"github.com/brief-reader/brief/internal/ui/quotepane"
	"github.com/brief-reader/brief/internal/ui/readerpane"
	"github.com/brief-reader/brief/internal/ui/speakerpane"
	"github.com/brief-reader/brief/internal/ui/theme"
	"github.com/brief-reader/brief/internal/ui/topicpane"
)

// Options configure the reader.
type Options struct {
	// Source lists and loads the briefings.
	Source Source
	// Theme is resolved before the program starts.
	Theme theme.Theme
	// Mouse starts with mouse wheel support on.
	Mouse bool
	// Clipboard is where OSC 52 sequences go: the terminal. Nil disables y.
	Clipboard io.Writer
	// Tmux wraps OSC 52 for tmux too.
	Tmux bool
	// OpenURL opens a briefing's source page in the browser (o). It is
	// only ever called on that key, from a command. Nil disables o.
	OpenURL func(url string) error
	// Context cancels loading.
	Context context.Context
	// NoGlamour keeps every paragraph plain-wrapped (tests, benchmarks).
	NoGlamour bool
	// Debug, if set, receives timing lines (--debug); it must not block.
	Debug func(string)
	// Start is when the program started, for Debug's times.
	Start time.Time
	// Library, if set, is what the reader opens: its Library pane first,
	// briefings from the database (Source is not used).
	Library Library
	// Watch re-indexes new and changed files in the library's folders
	// while the reader runs.
	Watch bool
	// Width and Height are the terminal's size when known before the
	// program starts: the first frame is then drawn at once, not after
	// Bubble Tea's first size message.
	Width, Height int
	// Preloaded is Source's first briefing, loaded before the program
	// started (see Preload): the first frame shows its text.
	Preloaded *Preloaded
	// LibraryListing is Library's first listing, read before the program
	// started (see PreloadLibrary): the first frame shows it.
	LibraryListing *LibraryListing
}

// inputKind is what a text input is for.
type inputKind int

const (
	inputSearch inputKind = iota
	inputSpeakers
	inputQuotes
)

// input is a text input with focus: every key goes to it but ctrl+c, esc
// and enter.
type input struct {
	kind inputKind
	ti   lineEdit
	// prevQuery is the list filter before the input opened; esc puts it
	// back. (The Reader keeps its own for a search.)
	prevQuery string
	// hist is the place in the search history ↑/↓ reached; the length
	// of the history is the new, empty line.
	hist int
}

// Model is the root model.
type Model struct {
	opts  Options
	ctx   context.Context
	st    *theme.Styles
	keys  KeyMap
	store *readerpane.Store

	w, h int
	lay  layout

	focus      paneID
	side       paneID // paneSpeakers or paneQuotes: the side pane narrow layouts show
	hideQuotes bool
	mouse      bool
	help       bool
	helpOff    int
	picker     *picker
	list       *docList
	in         *input

	loading bool
	gen     int
	files   []string
	loaded  int
	tabs    []*tab
	cur     int
	failed  []load.Result

	status    string
	statusErr bool
	// history is the searches entered, newest last.
	history []string

	// fatal is a panic report; the program quits when it is set.
	fatal string

	dbg *debugLog

	// lib is the reader on a library, nil without one.
	lib *libState
	// preview is the tab of the start of the first file (see Preload),
	// until the whole briefing replaces it.
	preview *tab
}

// previewID is the id of a preview's tab: none of a file's, so that
// renders of the preview are never taken for the whole briefing's.
const previewID = -1

// New makes the reader model. Nothing is loaded until Init's command runs.
func New(opts Options) *Model {
	if opts.Context == nil {
		opts.Context = context.Background()
	}
	m := &Model{
		opts:    opts,
		ctx:     opts.Context,
		st:      theme.NewStyles(opts.Theme),
		keys:    DefaultKeyMap(),
		store:   readerpane.NewStore(opts.NoGlamour),
		side:    paneSpeakers,
		mouse:   opts.Mouse,
		loading: opts.Source != nil,
	}
	if opts.Library != nil {
		m.lib = newLibState(m)
		m.loading = true
	}
	if opts.Debug != nil {
		start := opts.Start
		if start.IsZero() {
			start = time.Now()
		}
		m.dbg = &debugLog{out: opts.Debug, start: start}
		m.dbg.printf("reader created (theme dark=%v nocolor=%v profile=%d)", opts.Theme.Dark, opts.Theme.NoColor, opts.Theme.Profile)
	}
	if opts.Width > 0 && opts.Height > 0 {
		m.w, m.h = opts.Width, opts.Height
		m.relayout()
	}
	m.updateKeys()
	return m
}

// Init starts loading; a briefing preloaded is laid out at once, so that
// the first frame, drawn after Init, shows it.
func (m *Model) Init() tea.Cmd {
	if m.lib != nil {
		// The watcher starts once the first listing has come (onListed).
		if ll := m.opts.LibraryListing; ll != nil && m.lib.page == firstPage {
			m.opts.LibraryListing = nil
			m.lib.listGen++
			return m.onListed(libListedMsg{gen: m.lib.listGen, list: ll.list})
		}
		return m.listLibrary()
	}
	if m.opts.Source == nil {
		return nil
	}
	m.gen++
	if p := m.opts.Preloaded; p != nil {
		m.opts.Preloaded = nil
		m.files = p.files
		m.failed = append(m.failed, p.bad...)
		if p.preview && len(p.docs) == 1 && p.docs[0] != nil {
			m.dbg.printf("preview of %s laid out before the program in %.1f ms", p.results[0].Path, float64(p.took.Microseconds())/1000)
			m.preview = newTab(previewID, p.results[0].Path, p.docs[0], m.st, m.store)
			m.tabs, m.cur = []*tab{m.preview}, 0
			m.relayout()
			m.updateKeys()
			return tea.Batch(guard(loadFiles(m.ctx, m.opts.Source, m.gen, 0, m.files[:1])), m.renderCmds())
		}
		m.dbg.printf("preloaded before the program")
		return m.onLoaded(loadedMsg{gen: m.gen, results: p.results, docs: p.docs, took: p.took})
	}
	return guard(listFiles(m.ctx, m.opts.Source, m.gen))
}

// Fatal returns the panic report if the program stopped on one.
func (m *Model) Fatal() string { return m.fatal }

// Failed returns the files that could not be loaded.
func (m *Model) Failed() []load.Result { return m.failed }

// fatalMsg carries a panic from a command.
type fatalMsg struct{ report string }

// guard runs a command so that a panic in it stops the program with a
// short report (and the terminal restored) instead of a raw stack.
func guard(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if p := recover(); p != nil {
				msg = fatalMsg{report: panicReport(p)}
			}
		}()
		return cmd()
	}
}

// Update handles a message. A panic in it quits the program with a short
// report instead of leaving the terminal in a mess.
func (m *Model) Update(msg tea.Msg) (model tea.Model, cmd tea.Cmd) {
	defer func() {
		if p := recover(); p != nil {
			m.fatal = panicReport(p)
			model, cmd = m, tea.Quit
		}
	}()
	if m.fatal != "" {
		return m, tea.Quit
	}
	if m.dbg.on() {
		t0 := time.Now()
		cmd = m.update(msg)
		m.syncPanes()
		cmd = tea.Batch(cmd, m.libSync(), m.listRest())
		if d := time.Since(t0); d > slowUpdate {
			m.dbg.printf("slow update: %T took %.1f ms", msg, float64(d.Microseconds())/1000)
		}
		return m, cmd
	}
	cmd = m.update(msg)
	m.syncPanes()
	return m, tea.Batch(cmd, m.libSync(), m.listRest())
}

// syncPanes tells the current briefing's panes which one has focus and
// who the current speaker is.
func (m *Model) syncPanes() {
	t := m.tab()
	if t == nil {
		return
	}
	t.speakers.SetCurrent(t.rd.CurrentSpeaker())
	fq := t.rd.FocusQuote()
	t.qp.SetCurrent(fq)
	if m.focus != paneQuotes && fq >= 0 {
		// The Quotes cursor follows the Reader.
		t.qp.Show(fq)
	}
	for id := paneReader; id < paneCount; id++ {
		p := t.pane(id)
		if id == m.focus {
			p.Focus()
		} else {
			p.Blur()
		}
	}
}

// View draws the screen: exactly width × height cells.
func (m *Model) View() (s string) {
	defer func() {
		if p := recover(); p != nil {
			m.fatal = panicReport(p)
			s = ""
		}
	}()
	if m.fatal != "" {
		return ""
	}
	s = strings.Join(m.viewLines(), "\n")
	if m.dbg.on() && s != "" {
		if !m.dbg.firstFrame {
			m.dbg.firstFrame = true
			m.dbg.printf("first frame (%d×%d)", m.w, m.h)
		}
		if !m.dbg.firstContent && m.tab() != nil {
			m.dbg.firstContent = true
			m.dbg.printf("first frame with text: %s", m.tab().path)
		}
	}
	return s
}

func panicReport(p any) string {
	stack := string(debug.Stack())
	// Keep the report short: the panic and the frames nearest to it.
	lines := strings.Split(stack, "\n")
	if len(lines) > 24 {
		lines = lines[:24]
	}
	return fmt.Sprintf("%v\n%s", p, strings.Join(lines, "\n"))
}

func (m *Model) tab() *tab {
	if m.cur < 0 || m.cur >= len(m.tabs) {
		return nil
	}
	return m.tabs[m.cur]
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = max(msg.Width, 0), max(msg.Height, 0)
		m.relayout()
		return m.renderCmds()
	case filesMsg:
		return m.onFiles(msg)
	case loadedMsg:
		return m.onLoaded(msg)
	case readerpane.RenderedMsg:
		return m.onRendered(msg)
	case readerpane.JumpedMsg:
		if t := m.tabByID(msg.Owner); t != nil {
			if msg.Quote >= 0 {
				t.qp.Show(msg.Quote)
			}
			if msg.Speaker >= 0 {
				t.speakers.Show(msg.Speaker)
			}
		}
		return nil
	case pane.NoteMsg:
		m.status, m.statusErr = msg.Text, msg.Err
		return nil
	case quotepane.FilteredMsg:
		if t := m.tabByID(msg.Owner); t != nil {
			t.qp.Filtered(msg)
		}
		return nil
	case quotepane.ShowMsg:
		if t := m.tab(); t != nil && t.id == msg.Owner {
			if msg.Preview {
				// The Reader follows the Quotes cursor, quietly.
				t.rd.Preview(msg.Quote)
			} else {
				m.showQuote(t, msg.Quote)
			}
		}
		return nil
	case openedMsg:
		if msg.err != nil {
			m.setError("could not open " + msg.url + ": " + msg.err.Error())
		} else {
			m.setNote("opened " + msg.url)
		}
		return nil
	case copiedMsg:
		if msg.err != nil {
			m.setError("copy failed: " + msg.err.Error())
		} else {
			m.setNote("copied " + msg.what)
		}
		return nil
	case fatalMsg:
		m.fatal = msg.report
		return tea.Quit
	case speakerpane.SelectMsg:
		if t := m.tabByID(msg.Owner); t != nil {
			t.toggleSpeaker(msg.Index, msg.Only)
			if t == m.tab() {
				m.afterFilter(t)
			}
		}
		return nil
	case topicpane.ToggledMsg:
		if t := m.tabByID(msg.Owner); t != nil {
			t.toggleTopic(msg.ID)
			if t == m.tab() {
				m.afterFilter(t)
			}
		}
		return nil
	case tea.KeyMsg:
		cmd := m.onKey(msg)
		return tea.Batch(cmd, m.renderCmds())
	case tea.MouseMsg:
		cmd := m.onMouse(msg)
		return tea.Batch(cmd, m.renderCmds())
	}
	if cmd, ok := m.onLibraryMsg(msg); ok {
		return cmd
	}
	return nil
}

func (m *Model) onFiles(msg filesMsg) tea.Cmd {
	if msg.gen != m.gen {
		return nil
	}
	m.files = msg.files
	m.failed = append(m.failed, msg.bad...)
	if len(m.files) == 0 {
		m.loading = false
		m.reportFailures()
		return nil
	}
	return guard(loadFiles(m.ctx, m.opts.Source, m.gen, 0, m.files[:1]))
}

func (m *Model) onLoaded(msg loadedMsg) tea.Cmd {
	if msg.gen != m.gen {
		return nil
	}
	wasEmpty := len(m.tabs) == 0
	for i, r := range msg.results {
		var d *doc.Doc
		if i < len(msg.docs) {
			d = msg.docs[i]
		}
		if msg.docs == nil && r.Err == nil && r.Briefing != nil {
			// A batch from elsewhere than loadFiles: lay it out here.
			d = doc.New(r.Briefing)
		}
		first := msg.start+i == 0 && m.preview != nil
		if r.Err != nil || d == nil {
			if r.Err == nil {
				r.Err = fmt.Errorf("no briefing")
			}
			m.failed = append(m.failed, r)
			if first {
				m.endPreview(nil)
			}
			continue
		}
		t := newTab(msg.start+i, r.Path, d, m.st, m.store)
		if first {
			m.endPreview(t)
			continue
		}
		m.tabs = append(m.tabs, t)
	}
	m.loaded = msg.start + len(msg.results)
	m.dbg.printf("loaded %d file(s) in %.1f ms (%d/%d)", len(msg.results), float64(msg.took.Microseconds())/1000, m.loaded, len(m.files))
	if wasEmpty && len(m.tabs) > 0 {
		m.cur = 0
		m.relayout()
	}
	m.updateKeys()
	if m.loaded < len(m.files) {
		end := min(len(m.files), m.loaded+loadBatch)
		return tea.Batch(guard(loadFiles(m.ctx, m.opts.Source, m.gen, m.loaded, m.files[m.loaded:end])), m.renderCmds())
	}
	m.loading = false
	m.reportFailures()
	return m.renderCmds()
}

// endPreview puts t, the whole first briefing, in place of its preview,
// at the same place and with the same filters; with t nil (the file
// failed to load) the preview goes.
func (m *Model) endPreview(t *tab) {
	p := m.preview
	m.preview = nil
	i := slices.Index(m.tabs, p)
	if i < 0 {
		return
	}
	if t == nil {
		m.tabs = slices.Delete(m.tabs, i, i+1)
		if m.cur >= len(m.tabs) {
			m.cur = max(len(m.tabs)-1, 0)
		}
		m.relayout()
		return
	}
	t.keepFilters(p)
	m.tabs[i] = t
	if i == m.cur {
		m.relayout()
	}
	t.goToParagraph(p.topParagraph())
}

func (m *Model) reportFailures() {
	if len(m.failed) == 0 {
		return
	}
	f := m.failed[0]
	msg := fmt.Sprintf("skipped %s: %v", f.Path, f.Err)
	if len(m.failed) > 1 {
		msg = fmt.Sprintf("skipped %d files; first %s: %v", len(m.failed), f.Path, f.Err)
	}
	m.setError(msg)
}

func (m *Model) onRendered(msg readerpane.RenderedMsg) tea.Cmd {
	t := m.tabByID(msg.Owner)
	if t == nil {
		m.store.Drop(msg)
		return m.renderCmds()
	}
	if err := t.rd.Rendered(msg); err != nil {
		m.setError(err.Error())
	}
	m.dbg.printf("glamour: briefing %d chunk %d in %.1f ms", msg.Owner, msg.Chunk(), float64(msg.Took.Microseconds())/1000)
	return m.renderCmds()
}

func (m *Model) tabByID(id int) *tab {
	// Tabs are appended in id order; a binary search would do, but there
	// are few.
	for _, t := range m.tabs {
		if t.id == id {
			return t
		}
	}
	return nil
}

// renderCmds asks for glamour renders near the current viewport.
func (m *Model) renderCmds() tea.Cmd {
	t := m.tab()
	if t == nil || m.lay.tooSmall || !m.lay.reader.visible() {
		return nil
	}
	cmds := t.rd.RenderCmds()
	if len(cmds) == 0 {
		return nil
	}
	return tea.Batch(cmds...)
}

// relayout recomputes the layout and sizes the current tab's panes.
func (m *Model) relayout() {
	t := m.tab()
	hasTopics := t != nil && len(t.d.B.Topics) > 0
	if m.focus == paneTopics && !hasTopics {
		m.focus = paneSpeakers
	}
	m.lay = computeLayout(m.w, m.h, m.focus, m.side, m.hideQuotes, hasTopics)
	if !m.lay.tooSmall && !m.lay.rect(m.focus).visible() {
		// A resize left the focused pane off screen (Quotes focused at
		// 80 columns, then 120): bring it in beside the Reader, else
		// focus the Reader.
		if m.focus == paneQuotes {
			m.side, m.hideQuotes = paneQuotes, false
		} else {
			m.side = paneSpeakers
		}
		m.lay = computeLayout(m.w, m.h, m.focus, m.side, m.hideQuotes, hasTopics)
		if !m.lay.rect(m.focus).visible() {
			m.focus = paneReader
			m.lay = computeLayout(m.w, m.h, m.focus, m.side, m.hideQuotes, hasTopics)
		}
	}
	if t == nil {
		return
	}
	r := m.lay.reader
	if !r.visible() {
		// Keep the reader's geometry so that jumps still work while
		// another pane fills the screen.
		if !t.rd.Sized() {
			full := rect{w: m.w, h: m.h - m.lay.header - m.lay.footer}.inner()
			t.rd.SetSize(max(full.w, 1), max(full.h, 1))
		}
		return
	}
	in := r.inner()
	t.rd.SetSize(in.w, in.h)
}

func (m *Model) setError(s string) { m.status, m.statusErr = s, true }
func (m *Model) setNote(s string)  { m.status, m.statusErr = s, false }

// updateKeys enables the bindings that apply now, so help shows only
// what works.
func (m *Model) updateKeys() {
	k := &m.keys
	many := len(m.tabs) > 1
	k.NextDoc.SetEnabled(many)
	k.PrevDoc.SetEnabled(many)
	k.Briefings.SetEnabled(many)
	k.Copy.SetEnabled(m.opts.Clipboard != nil)
	t := m.tab()
	k.Open.SetEnabled(m.opts.OpenURL != nil && t != nil && t.d.B.SourceURL != "")
	k.Toggle.SetEnabled(m.focus != paneReader || m.picker != nil)
}

func newInput(kind inputKind, prompt, value string) *input {
	in := &input{kind: kind, prevQuery: value}
	in.ti.prompt = prompt
	in.ti.SetValue(value)
	return in
}
