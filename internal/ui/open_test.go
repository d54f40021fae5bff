package ui

import (
	"errors"
	"strings"
	"testing"
)

// TestOpenSourcePage checks o: the source page opens through the opener,
// only on the key, the header names its host, and a briefing without one
// leaves o off.
func TestOpenSourcePage(t *testing.T) {
	bs := seedSnapshot(t)
	bs[0].SourceURL = "https://www.example.org/briefings/india-japan"
	var opened []string
	m := newModelFor(t, 120, 40, bs, func(o *Options) {
		o.OpenURL = func(u string) error { opened = append(opened, u); return nil }
	})
	if len(opened) != 0 {
		t.Fatalf("opened %v before any key", opened)
	}
	if !strings.Contains(plainView(m), "example.org") {
		t.Errorf("the header does not name the source page's host:\n%s", plainView(m))
	}
	press(t, m, "o")
	if len(opened) != 1 || opened[0] != bs[0].SourceURL {
		t.Fatalf("o opened %v, want [%s]", opened, bs[0].SourceURL)
	}
	if !strings.Contains(m.status, "opened https://www.example.org/briefings/india-japan") {
		t.Errorf("status after o: %q", m.status)
	}

	failing := newModelFor(t, 120, 40, bs, func(o *Options) {
		o.OpenURL = func(string) error { return errors.New("no browser") }
	})
	press(t, failing, "o")
	if !strings.Contains(failing.status, "no browser") {
		t.Errorf("a failed open says %q", failing.status)
	}

	none := seedSnapshot(t)
	none[0].SourceURL = ""
	calls := 0
	plain := newModelFor(t, 120, 40, none, func(o *Options) {
		o.OpenURL = func(string) error { calls++; return nil }
	})
	if plain.keys.Open.Enabled() {
		t.Error("o is on for a briefing without a source page")
	}
	press(t, plain, "o")
	if calls != 0 {
		t.Errorf("o opened something for a briefing without a source page")
	}
}
