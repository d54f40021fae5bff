package theme

import "github.com/charmbracelet/lipgloss"

// Palette names colours by what they mean, not what they look like. Each is
// adaptive: a light and a dark variant.
type Palette struct {
	Text       lipgloss.TerminalColor
	Muted      lipgloss.TerminalColor
	Faint      lipgloss.TerminalColor
	Border     lipgloss.TerminalColor
	Accent     lipgloss.TerminalColor
	AccentText lipgloss.TerminalColor // text drawn on Accent
	Quote      lipgloss.TerminalColor
	Heading    lipgloss.TerminalColor
	Topic      lipgloss.TerminalColor
	Selection  lipgloss.TerminalColor // background of the list cursor row
	Match      lipgloss.TerminalColor // background of a search match
	MatchText  lipgloss.TerminalColor
	Current    lipgloss.TerminalColor // background of the current match
	Error      lipgloss.TerminalColor
	Note       lipgloss.TerminalColor
	HeaderBg   lipgloss.TerminalColor
	HeaderText lipgloss.TerminalColor
	// Speakers are the colours handed to people in order; Questioner and
	// RoleVoice are for reporters and unnamed voices.
	Speakers   []lipgloss.TerminalColor
	Questioner lipgloss.TerminalColor
	RoleVoice  lipgloss.TerminalColor
}

func ac(light, dark string) lipgloss.AdaptiveColor {
	return lipgloss.AdaptiveColor{Light: light, Dark: dark}
}

// speakerColours are twelve hues far apart on the wheel, alternating warm
// and cool so neighbours in the list differ most. Light variants are darker
// for contrast on white.
var speakerColours = []lipgloss.AdaptiveColor{
	ac("#005FAF", "#5FAFFF"), // blue
	ac("#AF5F00", "#FF875F"), // orange
	ac("#3A7D00", "#87D75F"), // green
	ac("#8700AF", "#D787FF"), // purple
	ac("#8A6D00", "#FFD75F"), // yellow
	ac("#00777A", "#5FD7D7"), // cyan
	ac("#AF005F", "#FF5F87"), // pink
	ac("#5F5F00", "#AFAF5F"), // olive
	ac("#3F4FBF", "#87AFFF"), // periwinkle
	ac("#A0522D", "#FFAF87"), // peach
	ac("#00875F", "#5FD787"), // mint
	ac("#875F87", "#D7AFD7"), // mauve
}

// DefaultPalette is brief's palette.
func DefaultPalette() Palette {
	p := Palette{
		Text:       lipgloss.NoColor{},
		Muted:      ac("#6C6C6C", "#9E9E9E"),
		Faint:      ac("#A8A8A8", "#626262"),
		Border:     ac("#BCBCBC", "#4E4E4E"),
		Accent:     ac("#5F00D7", "#AF87FF"),
		AccentText: ac("#FFFFFF", "#1C1C1C"),
		Quote:      ac("#875F00", "#E4C88F"),
		Heading:    ac("#5F00D7", "#AF87FF"),
		Topic:      ac("#00777A", "#5FD7D7"),
		Selection:  ac("#E4E4E4", "#303030"),
		Match:      ac("#FFD75F", "#875F00"),
		MatchText:  ac("#000000", "#FFFFFF"),
		Current:    ac("#FF875F", "#D75F00"),
		Error:      ac("#D70000", "#FF5F5F"),
		Note:       ac("#00875F", "#87D787"),
		HeaderBg:   ac("#E4E4E4", "#262626"),
		HeaderText: ac("#1C1C1C", "#EEEEEE"),
		Questioner: ac("#6C6C6C", "#A8A8A8"),
		RoleVoice:  ac("#87875F", "#AFAF87"),
	}
	for _, c := range speakerColours {
		p.Speakers = append(p.Speakers, c)
	}
	return p
}

// NoColorPalette has no colour at all, for NO_COLOR.
func NoColorPalette() Palette {
	n := lipgloss.NoColor{}
	p := Palette{
		Text: n, Muted: n, Faint: n, Border: n, Accent: n, AccentText: n, Quote: n,
		Heading: n, Topic: n, Selection: n, Match: n, MatchText: n, Current: n,
		Error: n, Note: n, HeaderBg: n, HeaderText: n, Questioner: n, RoleVoice: n,
	}
	for range speakerColours {
		p.Speakers = append(p.Speakers, n)
	}
	return p
}

// Palette returns the palette for the theme.
func (t Theme) Palette() Palette {
	if t.NoColor {
		return NoColorPalette()
	}
	return DefaultPalette()
}
