package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-reader/brief/briefings"
	"github.com/brief-reader/brief/internal/load"
)

// TestPreloadFirstFrame: with the size known and a small first briefing
// preloaded, the first frame (drawn after Init, before any command runs)
// shows its text, and the other files still load in the background.
func TestPreloadFirstFrame(t *testing.T) {
	seed := filepath.Join(briefingsDir, "india-japan-defence-misri-ani.txt")
	other := filepath.Join(briefingsDir, "wh-vance-ohio-steelworkers-2025-07-29.txt")
	src := DiskSource{Paths: []string{seed, other}, Opts: testLoadOptions()}
	p := Preload(context.Background(), src, PreloadMax)
	if p == nil {
		t.Fatal("a small file was not preloaded")
	}
	m := New(Options{Source: src, Preloaded: p, Width: 120, Height: 40, Theme: asciiTheme(), NoGlamour: true, Context: context.Background()})
	cmd := m.Init()
	view := plainView(m)
	checkFrame(t, view, 120, 40)
	for _, want := range []string{"Speakers", "Defence, security-related"} {
		if !strings.Contains(view, want) {
			t.Fatalf("first frame lacks %q:\n%s", want, view)
		}
	}
	drain(t, m, cmd)
	if len(m.tabs) != 2 || m.loading {
		t.Fatalf("%d briefings open (loading %v) after the commands, want 2", len(m.tabs), m.loading)
	}
}

// TestPreloadOnlyWhatIsAtHand: folders, standard input, URLs and files
// the load refuses are left to the background load; a large text file
// gets a preview; the embedded samples are preloaded, unless large.
func TestPreloadOnlyWhatIsAtHand(t *testing.T) {
	ctx := context.Background()
	seed := filepath.Join(briefingsDir, "india-japan-defence-misri-ani.txt")
	info, err := os.Stat(seed)
	if err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]struct {
		src           Source
		max           int64
		want, preview bool
	}{
		"small file":      {DiskSource{Paths: []string{seed}}, PreloadMax, true, false},
		"just too large":  {DiskSource{Paths: []string{seed}}, info.Size() - 1, true, true},
		"over --max-size": {DiskSource{Paths: []string{seed}, Opts: load.Options{MaxSize: info.Size() - 1}}, info.Size() - 1, false, false},
		"folder":          {DiskSource{Paths: []string{briefingsDir}}, PreloadMax, false, false},
		"stdin":           {DiskSource{Paths: []string{seed, load.Stdin}}, PreloadMax, false, false},
		"url":             {DiskSource{Paths: []string{"https://example.com/b.txt"}}, PreloadMax, false, false},
		"samples":         {FSSource{FS: briefings.FS, Name: "samples"}, PreloadMax, true, false},
		"large samples":   {FSSource{FS: briefings.FS, Name: "samples"}, 10, false, false},
		"memory":          {memSource{}, PreloadMax, false, false},
	} {
		p := Preload(ctx, c.src, c.max)
		if got := p != nil; got != c.want || got && p.preview != c.preview {
			t.Errorf("%s: preloaded %v (%+v), want %v, preview %v", name, got, p, c.want, c.preview)
		}
	}
}

// TestPreviewOfLargeFile: of a first file over the preload size, the
// start is laid out before the program as a preview; the whole briefing
// replaces it when loaded, at the same place and with the same filters.
func TestPreviewOfLargeFile(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(briefingsDir, "wh-press-briefing-leavitt-2025-01-29.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, body, _ := strings.Cut(strings.TrimPrefix(string(raw), "---\n"), "\n---\n") // no front matter
	big := filepath.Join(t.TempDir(), "big.md")
	var sb strings.Builder
	for sb.Len() <= PreloadMax {
		sb.WriteString(body + "\n\n")
	}
	if err := os.WriteFile(big, []byte(sb.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	src := DiskSource{Paths: []string{big}, Opts: testLoadOptions()}
	p := Preload(context.Background(), src, PreloadMax)
	if p == nil || !p.preview {
		t.Fatalf("a large file got no preview (%+v)", p)
	}
	m := New(Options{Source: src, Preloaded: p, Width: 120, Height: 40, Theme: asciiTheme(), NoGlamour: true, Context: context.Background()})
	cmd := m.Init()
	view := plainView(m)
	checkFrame(t, view, 120, 40)
	if !strings.Contains(view, "Good afternoon") || !strings.Contains(view, "loading") {
		t.Fatalf("first frame lacks the text or the loading note:\n%s", view)
	}
	pv := m.tab()
	if pv == nil || pv != m.preview {
		t.Fatal("the preview is not the current tab")
	}
	pv.goToParagraph(12)
	place := pv.topParagraph()
	pv.toggleSpeaker(0, true)
	quotes := len(pv.d.B.Quotes)
	drain(t, m, cmd)
	nt := m.tab()
	if len(m.tabs) != 1 || nt == pv || m.preview != nil || m.loading {
		t.Fatalf("after the load: %d tabs, replaced %v, loading %v; want the whole briefing in the preview's place", len(m.tabs), nt != pv, m.loading)
	}
	if len(nt.d.B.Quotes) <= quotes {
		t.Errorf("the whole briefing has %d quotes, the preview %d", len(nt.d.B.Quotes), quotes)
	}
	if got := nt.topParagraph(); got != place || place == 0 {
		t.Errorf("at paragraph %d after the load, %d before", got, place)
	}
	if nt.spkSel == nil || !nt.spkSel[0] {
		t.Error("the speaker filter set on the preview was lost")
	}
	checkFrame(t, plainView(m), 120, 40)
}
