package pane

import (
	"math"
	"strings"

	"github.com/brief-reader/brief/internal/ui/cell"
	"github.com/brief-reader/brief/internal/ui/theme"
)

// ShareBar draws share (0–1) as a bar of w cells in eighths.
func ShareBar(st *theme.Styles, share float64, w int) string {
	if w <= 0 {
		return ""
	}
	if math.IsNaN(share) || share < 0 {
		share = 0
	}
	share = math.Min(share, 1)
	eighths := int(math.Round(share * float64(w*8)))
	if share > 0 && eighths == 0 {
		eighths = 1
	}
	full := eighths / 8
	part := eighths % 8
	parts := []string{"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"}
	bar := strings.Repeat("█", full) + parts[part]
	n := full
	if part > 0 {
		n++
	}
	return st.ShareBar.S(bar) + st.ShareBg.S(cell.Repeat("·", w-n))
}
