package ui

import (
	"github.com/brief-reader/brief/internal/ui/pane"
	"github.com/brief-reader/brief/internal/ui/theme"
)

func cursorGlyph(st *theme.Styles, on, focused bool) string { return pane.CursorGlyph(st, on, focused) }
