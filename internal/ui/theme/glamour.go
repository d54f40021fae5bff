package theme

import (
	"github.com/charmbracelet/glamour/ansi"
	"github.com/charmbracelet/glamour/styles"
)

// GlamourStyle is the glamour style for prose in the reader: the standard
// dark or light style with no margins and the terminal's own text colour
// (so a paragraph looks the same before and after glamour renders it), and
// emphasis, which brief puts around direct quotes, in the quote colour.
func (t Theme) GlamourStyle() ansi.StyleConfig {
	var cfg ansi.StyleConfig
	switch {
	case t.NoColor:
		cfg = styles.NoTTYStyleConfig
	case t.Dark:
		cfg = styles.DarkStyleConfig
	default:
		cfg = styles.LightStyleConfig
	}
	zero := uint(0)
	cfg.Document = ansi.StyleBlock{Margin: &zero}
	cfg.Paragraph = ansi.StyleBlock{}
	cfg.Text = ansi.StylePrimitive{}
	yes := true
	cfg.Emph = ansi.StylePrimitive{Italic: &yes}
	if !t.NoColor {
		q := "#E4C88F"
		if !t.Dark {
			q = "#875F00"
		}
		cfg.Emph.Color = &q
	}
	return cfg
}

// GlamourReportedStyle is GlamourStyle for reported speech: muted, like
// the plain placeholder, so paraphrase reads as the reporter's words.
func (t Theme) GlamourReportedStyle() ansi.StyleConfig {
	cfg := t.GlamourStyle()
	if t.NoColor {
		return cfg
	}
	m := "#9E9E9E"
	if !t.Dark {
		m = "#6C6C6C"
	}
	cfg.Text = ansi.StylePrimitive{Color: &m}
	return cfg
}
