package query

import (
	"reflect"
	"testing"
)

func TestFilter(t *testing.T) {
	items := []string{
		"Karoline Leavitt: We will restore American dominance in AI.",
		"Reporter: Does the president see anything fishy about DeepSeek?",
		"Karoline Leavitt: DeepSeek is a wake-up call.",
		"Reporter: On tariffs, Karoline?",
	}
	cases := []struct {
		q    string
		want []int
	}{
		{"", []int{0, 1, 2, 3}},
		{"   ", []int{0, 1, 2, 3}},
		{"dpsk", []int{1, 2}},
		{"'deepseek", []int{1, 2}},
		{"'DeepSeek", []int{1, 2}},
		{"'Deepseek", nil},
		{"deepseek !reporter", []int{2}},
		{"!karoline", []int{1}},
		{"^reporter", []int{1, 3}},
		{"karoline?$", []int{3}},
		{"lvt 'ai", []int{0}},
		{"zzz", nil},
	}
	for _, c := range cases {
		got := Parse(c.q).Filter(len(items), func(i int) string { return items[i] })
		if len(got) == 0 {
			got = nil
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: %v, want %v", c.q, got, c.want)
		}
		for i, s := range items {
			in := false
			for _, j := range c.want {
				in = in || j == i
			}
			if Parse(c.q).Match(s) != in {
				t.Errorf("%q: Match(%d) = %v, Filter says %v", c.q, i, !in, in)
			}
		}
	}
}

// TestRank: the measured failure was "leavitt" matching hundreds of files
// by path with the real Leavitt briefings last. Title matches come first,
// the tighter match before the looser, and path-only matches after.
func TestRank(t *testing.T) {
	titles := []string{"Press gaggle", "Press Briefing by Karoline Leavitt", "Lunch with Leah Vitt", "Leavitt on trade"}
	paths := []string{"wh/leavitt-gaggle.md", "wh/2025-01-29.md", "wh/lunch.md", "wh/trade.md"}
	got := Parse("leavitt").Rank(len(titles), func(i int) string { return titles[i] }, func(i int) string { return paths[i] })
	want := []int{3, 1, 2, 0}
	if len(got) != len(want) {
		t.Fatalf("Rank = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Rank = %v, want %v", got, want)
		}
	}
}
