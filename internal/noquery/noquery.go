// Package noquery keeps brief from asking the terminal anything.
//
// Bubble Tea v1's package initialisation calls lipgloss.HasDarkBackground,
// which sends an OSC 11 background query and a cursor-position query to
// every terminal except screen, tmux and dumb, and waits up to five seconds
// for an answer that a silent terminal never gives — before main runs, so
// even `brief --version` would wait. This package settles the background
// first, from the environment alone: Go initialises packages in the order of
// their import paths among those whose imports are ready, so a package under
// github.com/brief-reader that imports only Lip Gloss runs its init after
// Lip Gloss's and before Bubble Tea's (github.com/charmbracelet/bubbletea).
// The reader sets the background again from --theme before it starts.
//
// Keep the imports of this package to Lip Gloss and the standard library: a
// dependency that Bubble Tea does not have could move this init after
// Bubble Tea's.
package noquery

import (
	"os"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
)

func init() {
	lipgloss.SetHasDarkBackground(GuessDark(os.Getenv))
}

// GuessDark guesses whether the background is dark from COLORFGBG ("15;0"
// is light text on a dark background), the only hint that costs nothing.
// Without a hint it says dark, the common case.
func GuessDark(getenv func(string) string) bool {
	if getenv == nil {
		return true
	}
	v := getenv("COLORFGBG")
	if v == "" {
		return true
	}
	parts := strings.Split(v, ";")
	bg, err := strconv.Atoi(strings.TrimSpace(parts[len(parts)-1]))
	if err != nil {
		return true
	}
	// In the 16-colour palette 7 (light grey) and 9–15 are light; 0–6 and
	// 8 are dark.
	return !(bg == 7 || (bg >= 9 && bg <= 15))
}
