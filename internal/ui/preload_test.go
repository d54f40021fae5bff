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

// TestPreloadOnlyWhatIsAtHand: folders, standard input, URLs and large
// files are left to the background load; the embedded samples are not.
func TestPreloadOnlyWhatIsAtHand(t *testing.T) {
	ctx := context.Background()
	seed := filepath.Join(briefingsDir, "india-japan-defence-misri-ani.txt")
	info, err := os.Stat(seed)
	if err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]struct {
		src  Source
		max  int64
		want bool
	}{
		"small file":     {DiskSource{Paths: []string{seed}}, PreloadMax, true},
		"just too large": {DiskSource{Paths: []string{seed}}, info.Size() - 1, false},
		"folder":         {DiskSource{Paths: []string{briefingsDir}}, PreloadMax, false},
		"stdin":          {DiskSource{Paths: []string{seed, load.Stdin}}, PreloadMax, false},
		"url":            {DiskSource{Paths: []string{"https://example.com/b.txt"}}, PreloadMax, false},
		"samples":        {FSSource{FS: briefings.FS, Name: "samples"}, PreloadMax, true},
		"memory":         {memSource{}, PreloadMax, false},
	} {
		if got := Preload(ctx, c.src, c.max) != nil; got != c.want {
			t.Errorf("%s: preloaded %v, want %v", name, got, c.want)
		}
	}
}
