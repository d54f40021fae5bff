// Package theme resolves brief's look once, before the program starts: dark
// or light, the colour profile, a semantic palette of adaptive colours, the
// per-speaker colours and the glamour style. It never asks the terminal
// anything, so it can never stall startup.
package theme

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/brief-reader/brief/internal/noquery"
)

// Mode is the --theme setting.
type Mode int

// Theme modes.
const (
	// Auto guesses from the environment (COLORFGBG) and falls back to dark.
	Auto Mode = iota
	Dark
	Light
)

var modeNames = [...]string{Auto: "auto", Dark: "dark", Light: "light"}

// String returns the flag spelling of the mode.
func (m Mode) String() string {
	if m < 0 || int(m) >= len(modeNames) {
		return fmt.Sprintf("mode(%d)", int(m))
	}
	return modeNames[m]
}

// ParseMode reads "auto", "dark" or "light".
func ParseMode(s string) (Mode, error) {
	for i, n := range modeNames {
		if strings.EqualFold(strings.TrimSpace(s), n) {
			return Mode(i), nil
		}
	}
	return Auto, fmt.Errorf("unknown theme %q (want auto, dark or light)", s)
}

// Theme is the resolved look: everything the program needs to draw,
// decided once.
type Theme struct {
	// Dark is true for a dark terminal background.
	Dark bool
	// NoColor is set by NO_COLOR: no colour at all; focus and the current
	// speaker are shown by shape.
	NoColor bool
	// Profile is the colour profile of the output.
	Profile termenv.Profile
	// ID distinguishes themes in render cache keys.
	ID int
}

// Resolve decides the theme from the --theme mode, the environment and the
// output's colour profile (as termenv detects it from TERM and COLORTERM,
// without querying the terminal). It never blocks.
func Resolve(mode Mode, getenv func(string) string, profile termenv.Profile) Theme {
	t := Theme{Profile: profile}
	switch mode {
	case Dark:
		t.Dark = true
	case Light:
		t.Dark = false
	default:
		t.Dark = GuessDark(getenv)
	}
	if v, ok := lookup(getenv, "NO_COLOR"); ok && v != "" {
		t.NoColor = true
	}
	t.ID = t.id()
	return t
}

func lookup(getenv func(string) string, k string) (string, bool) {
	if getenv == nil {
		return "", false
	}
	v := getenv(k)
	return v, v != ""
}

// GuessDark guesses whether the background is dark from COLORFGBG ("15;0"
// is light text on a dark background); without a hint it says dark. It is
// noquery's guess, the one settled before Bubble Tea's init could ask.
func GuessDark(getenv func(string) string) bool { return noquery.GuessDark(getenv) }

func (t Theme) id() int {
	id := int(t.Profile) * 4
	if t.Dark {
		id++
	}
	if t.NoColor {
		id += 2
	}
	return id
}

// Renderer returns a lipgloss renderer for the theme writing to nothing:
// styles built from it render strings and never touch the terminal, and
// its background is set so no adaptive colour ever triggers a query.
func (t Theme) Renderer() *lipgloss.Renderer {
	r := lipgloss.NewRenderer(nil)
	r.SetColorProfile(t.lipglossProfile())
	r.SetHasDarkBackground(t.Dark)
	return r
}

// lipglossProfile keeps text attributes (bold, reverse, underline) under
// NO_COLOR: the palette is colourless then, but focus and search matches
// still show by attribute where the terminal has them.
func (t Theme) lipglossProfile() termenv.Profile {
	if t.NoColor && t.Profile == termenv.Ascii {
		return termenv.Ascii
	}
	if t.NoColor {
		return termenv.ANSI
	}
	return t.Profile
}

// GlamourProfile is the colour profile glamour gets: it does not honour
// NO_COLOR on its own.
func (t Theme) GlamourProfile() termenv.Profile {
	if t.NoColor {
		return termenv.Ascii
	}
	return t.Profile
}
