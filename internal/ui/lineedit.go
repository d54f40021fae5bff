package ui

import (
	"unicode"

	tea "github.com/charmbracelet/bubbletea"
)

// lineEdit is a one-line text editor with readline keys. (bubbles'
// textinput would pull in a clipboard module the project does not
// otherwise need; this is all the search and filter prompts use.)
type lineEdit struct {
	prompt string
	value  []rune
	pos    int
}

// maxInput bounds what a prompt takes, pasted text included.
const maxInput = 256

func (e *lineEdit) Value() string { return string(e.value) }

func (e *lineEdit) SetValue(s string) {
	e.value = []rune(s)
	if len(e.value) > maxInput {
		e.value = e.value[:maxInput]
	}
	e.pos = len(e.value)
}

// Update edits the line with a key. It reports whether the key was used.
func (e *lineEdit) Update(msg tea.KeyMsg) bool {
	switch msg.Type {
	case tea.KeyRunes, tea.KeySpace:
		rs := msg.Runes
		if msg.Type == tea.KeySpace {
			rs = []rune{' '}
		}
		var clean []rune
		for _, r := range rs {
			switch {
			case r == '\n' || r == '\t' || r == '\r':
				clean = append(clean, ' ')
			case unicode.IsControl(r):
			default:
				clean = append(clean, r)
			}
		}
		clean = clean[:min(len(clean), maxInput-len(e.value))]
		e.value = append(e.value[:e.pos], append(clean, e.value[e.pos:]...)...)
		e.pos += len(clean)
	case tea.KeyBackspace, tea.KeyCtrlH:
		if msg.Alt {
			e.deleteWord()
		} else if e.pos > 0 {
			e.value = append(e.value[:e.pos-1], e.value[e.pos:]...)
			e.pos--
		}
	case tea.KeyDelete, tea.KeyCtrlD:
		if e.pos < len(e.value) {
			e.value = append(e.value[:e.pos], e.value[e.pos+1:]...)
		}
	case tea.KeyLeft, tea.KeyCtrlB:
		e.pos = max(0, e.pos-1)
	case tea.KeyRight, tea.KeyCtrlF:
		e.pos = min(len(e.value), e.pos+1)
	case tea.KeyHome, tea.KeyCtrlA:
		e.pos = 0
	case tea.KeyEnd, tea.KeyCtrlE:
		e.pos = len(e.value)
	case tea.KeyCtrlW:
		e.deleteWord()
	case tea.KeyCtrlU:
		e.value = append([]rune(nil), e.value[e.pos:]...)
		e.pos = 0
	case tea.KeyCtrlK:
		e.value = e.value[:e.pos]
	default:
		return false
	}
	return true
}

func (e *lineEdit) deleteWord() {
	i := e.pos
	for i > 0 && e.value[i-1] == ' ' {
		i--
	}
	for i > 0 && e.value[i-1] != ' ' {
		i--
	}
	e.value = append(e.value[:i], e.value[e.pos:]...)
	e.pos = i
}
