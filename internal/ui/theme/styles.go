package theme

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
)

// Paint is a text style reduced to the escape sequences around the text.
// Applying it is a concatenation, cheap enough for every cell of every
// frame; lipgloss.Style.Render measures and wraps, which Paint never needs
// since the caller has already cut the text to size.
type Paint struct {
	pre, post string
}

// newPaint captures what style puts around a word. Only colour and
// attributes are kept: the style must have no padding, margins or width.
func newPaint(st lipgloss.Style) Paint {
	const probe = "x"
	out := st.Render(probe)
	i := strings.Index(out, probe)
	if i < 0 {
		return Paint{}
	}
	return Paint{pre: out[:i], post: out[i+len(probe):]}
}

// S paints s. The empty string stays empty.
func (p Paint) S(s string) string {
	if s == "" || p.pre == "" {
		return s
	}
	return p.pre + s + p.post
}

// Plain reports whether the paint adds nothing.
func (p Paint) Plain() bool { return p.pre == "" }

// SpeakerColour indexes the speaker colours; the negative values are the
// two voices without a colour of their own.
type SpeakerColour int

// Colours for voices that are not people.
const (
	QuestionerColour SpeakerColour = -1
	RoleColour       SpeakerColour = -2
	NoSpeaker        SpeakerColour = -3
)

// Styles is every style brief draws with, built once from the theme and
// passed down. Nothing in it is global.
type Styles struct {
	Theme   Theme
	Palette Palette

	Text, Muted, Faint, Bold Paint

	// Borders: a focused pane gets a thick border in the accent colour,
	// others a rounded one, so focus shows by shape without colour.
	BorderNormal, BorderFocused lipgloss.Border
	Border, BorderFocus         Paint
	Title, TitleFocused         Paint

	Header, HeaderTitle, HeaderMeta, HeaderIndex Paint

	SectionTitle, SectionRule, SectionTopics Paint
	Quote, Reported, Stage, Heading          Paint
	Label, LabelRole                         Paint

	// Cursor is the list row under the cursor; CursorGlyph marks it by
	// shape too.
	Cursor             Paint
	CursorGlyph        string
	Match, CurrentHit  Paint
	Error, Note        Paint
	StatusKey, Status  Paint
	Key, KeyDesc       Paint
	ShareBar, ShareBg  Paint
	Checked, Unchecked Paint
	Selected           Paint

	speakers, speakersBold     []Paint
	questioner, questionerBold Paint
	role, roleBold             Paint
}

// NewStyles builds the styles of a theme.
func NewStyles(t Theme) *Styles {
	r := t.Renderer()
	p := t.Palette()
	ns := func() lipgloss.Style { return r.NewStyle() }
	fg := func(c lipgloss.TerminalColor) lipgloss.Style { return ns().Foreground(c) }
	s := &Styles{
		Theme:   t,
		Palette: p,

		Text:  newPaint(fg(p.Text)),
		Muted: newPaint(fg(p.Muted)),
		Faint: newPaint(fg(p.Faint)),
		Bold:  newPaint(ns().Bold(true)),

		BorderNormal:  lipgloss.RoundedBorder(),
		BorderFocused: lipgloss.ThickBorder(),
		Border:        newPaint(fg(p.Border)),
		BorderFocus:   newPaint(fg(p.Accent)),
		Title:         newPaint(fg(p.Muted)),
		TitleFocused:  newPaint(fg(p.Accent).Bold(true)),

		Header:      newPaint(ns().Foreground(p.HeaderText).Background(p.HeaderBg)),
		HeaderTitle: newPaint(ns().Foreground(p.HeaderText).Background(p.HeaderBg).Bold(true)),
		HeaderMeta:  newPaint(ns().Foreground(p.Muted).Background(p.HeaderBg)),
		HeaderIndex: newPaint(ns().Foreground(p.AccentText).Background(p.Accent).Bold(true)),

		SectionTitle:  newPaint(fg(p.Heading).Bold(true)),
		SectionRule:   newPaint(fg(p.Faint)),
		SectionTopics: newPaint(fg(p.Topic)),
		Quote:         newPaint(fg(p.Quote).Italic(true)),
		Reported:      newPaint(fg(p.Muted)),
		Stage:         newPaint(fg(p.Muted).Italic(true)),
		Heading:       newPaint(ns().Bold(true)),
		Label:         newPaint(ns().Bold(true)),
		LabelRole:     newPaint(fg(p.Muted)),

		Cursor:      newPaint(ns().Background(p.Selection).Bold(true)),
		CursorGlyph: "▸",
		Match:       newPaint(ns().Foreground(p.MatchText).Background(p.Match)),
		CurrentHit:  newPaint(ns().Foreground(p.MatchText).Background(p.Current).Bold(true)),
		Error:       newPaint(fg(p.Error).Bold(true)),
		Note:        newPaint(fg(p.Note)),
		StatusKey:   newPaint(fg(p.Accent).Bold(true)),
		Status:      newPaint(fg(p.Muted)),
		Key:         newPaint(fg(p.Accent).Bold(true)),
		KeyDesc:     newPaint(fg(p.Muted)),
		ShareBar:    newPaint(fg(p.Topic)),
		ShareBg:     newPaint(fg(p.Faint)),
		Checked:     newPaint(fg(p.Accent).Bold(true)),
		Unchecked:   newPaint(fg(p.Muted)),
		Selected:    newPaint(fg(p.Accent).Bold(true)),

		questioner:     newPaint(fg(p.Questioner)),
		questionerBold: newPaint(fg(p.Questioner).Bold(true)),
		role:           newPaint(fg(p.RoleVoice)),
		roleBold:       newPaint(fg(p.RoleVoice).Bold(true)),
	}
	if t.NoColor {
		// Reverse video is the one attribute that shows a match or a
		// cursor row without colour.
		s.Match = newPaint(ns().Reverse(true))
		s.CurrentHit = newPaint(ns().Reverse(true).Bold(true))
		s.Cursor = newPaint(ns().Bold(true))
		s.Header = Paint{}
		s.HeaderTitle = newPaint(ns().Bold(true))
		s.HeaderIndex = newPaint(ns().Reverse(true))
	}
	for _, c := range p.Speakers {
		s.speakers = append(s.speakers, newPaint(fg(c)))
		s.speakersBold = append(s.speakersBold, newPaint(fg(c).Bold(true)))
	}
	return s
}

// Speaker is the paint of a speaker colour.
func (s *Styles) Speaker(c SpeakerColour) Paint {
	switch {
	case c == QuestionerColour:
		return s.questioner
	case c == RoleColour:
		return s.role
	case c >= 0 && len(s.speakers) > 0:
		return s.speakers[int(c)%len(s.speakers)]
	}
	return s.Muted
}

// SpeakerBold is the bold paint of a speaker colour, for names.
func (s *Styles) SpeakerBold(c SpeakerColour) Paint {
	switch {
	case c == QuestionerColour:
		return s.questionerBold
	case c == RoleColour:
		return s.roleBold
	case c >= 0 && len(s.speakersBold) > 0:
		return s.speakersBold[int(c)%len(s.speakersBold)]
	}
	return s.Bold
}

// SpeakerColours is how many distinct person colours there are.
func (s *Styles) SpeakerColours() int { return len(s.speakers) }
