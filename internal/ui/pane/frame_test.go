package pane

import (
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/brief-reader/brief/internal/ui/theme"
)

// TestFrameSize holds a frame to exactly W×H cells around a body of its
// Inner size, with and without labels, down to nothing.
func TestFrameSize(t *testing.T) {
	st := theme.NewStyles(theme.Theme{NoColor: true})
	for w := 0; w <= 12; w++ {
		for h := 0; h <= 5; h++ {
			f := Frame{W: w, H: h}
			iw, ih := f.Inner()
			if w >= 2 && h >= 2 && (iw != w-2*Border || ih != h-2*Border) {
				t.Fatalf("%d×%d: inner %d×%d", w, h, iw, ih)
			}
			lines := f.Draw(st, "a long title", "9/9", nil, w%2 == 0)
			if w == 0 {
				if lines != nil {
					t.Fatalf("0×%d: %d lines, want none", h, len(lines))
				}
				continue
			}
			if len(lines) != h {
				t.Fatalf("%d×%d: %d lines", w, h, len(lines))
			}
			for i, l := range lines {
				if n := ansi.StringWidth(l); n != w {
					t.Fatalf("%d×%d: line %d is %d cells: %q", w, h, i, n, l)
				}
			}
		}
	}
}
