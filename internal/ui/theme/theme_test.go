package theme

import (
	"strings"
	"testing"

	"github.com/muesli/termenv"
)

func env(kv ...string) func(string) string {
	return func(k string) string {
		for i := 0; i+1 < len(kv); i += 2 {
			if kv[i] == k {
				return kv[i+1]
			}
		}
		return ""
	}
}

func TestResolve(t *testing.T) {
	cases := []struct {
		mode     Mode
		env      func(string) string
		dark, nc bool
	}{
		{Auto, env(), true, false},
		{Auto, env("COLORFGBG", "15;0"), true, false},
		{Auto, env("COLORFGBG", "0;15"), false, false},
		{Auto, env("COLORFGBG", "0;default;7"), false, false},
		{Auto, env("COLORFGBG", "junk"), true, false},
		{Light, env("COLORFGBG", "15;0"), false, false},
		{Dark, env("COLORFGBG", "0;15", "NO_COLOR", "1"), true, true},
	}
	for _, c := range cases {
		th := Resolve(c.mode, c.env, termenv.ANSI256)
		if th.Dark != c.dark || th.NoColor != c.nc {
			t.Errorf("%v %v: dark %v nocolor %v, want %v %v", c.mode, c.env("COLORFGBG"), th.Dark, th.NoColor, c.dark, c.nc)
		}
	}
	if _, err := ParseMode("purple"); err == nil {
		t.Error("ParseMode accepted purple")
	}
	if m, err := ParseMode(" Light "); err != nil || m != Light {
		t.Errorf("ParseMode(Light) = %v, %v", m, err)
	}
}

// TestNoColorStyles: under NO_COLOR nothing is coloured, but attributes
// (bold, reverse) still mark focus and matches.
func TestNoColorStyles(t *testing.T) {
	th := Resolve(Dark, env("NO_COLOR", "1"), termenv.TrueColor)
	st := NewStyles(th)
	out := st.Match.S("x") + st.SpeakerBold(0).S("y") + st.BorderFocus.S("z") + st.Error.S("e")
	for _, colour := range []string{"38;", "48;", "[3", "[4", "[9"} {
		if strings.Contains(strings.ReplaceAll(out, "[3m", ""), colour) && colour != "[3" {
			t.Errorf("NO_COLOR style has colour %q: %q", colour, out)
		}
	}
	if !strings.Contains(out, "\x1b[7m") {
		t.Errorf("a match is not in reverse video under NO_COLOR: %q", out)
	}
	if g := th.GlamourProfile(); g != termenv.Ascii {
		t.Errorf("glamour profile under NO_COLOR: %v", g)
	}
	dark := NewStyles(Resolve(Dark, env(), termenv.TrueColor))
	light := NewStyles(Resolve(Light, env(), termenv.TrueColor))
	if dark.Speaker(0).S("a") == light.Speaker(0).S("a") {
		t.Error("speaker colours do not follow the theme")
	}
	if dark.Speaker(0).S("a") == dark.Speaker(1).S("a") {
		t.Error("the first two speakers share a colour")
	}
}
