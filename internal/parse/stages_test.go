package parse

import (
	"strings"
	"testing"
)

// firstSlot reads a one-paragraph text as the article parser does, up to
// its first sentence holding a quote, and returns that quote's slot.
func firstSlot(t *testing.T, a *articleParser, text string) slot {
	t.Helper()
	toks := tokenize(text)
	outline := buildOutline(nil, toks, 0, len(text), findSpans(text, noFamily))
	for _, sb := range outlineSentences(outline, text) {
		sent := outline[sb[0]:sb[1]]
		places := placeholders(sent)
		if len(places) == 0 {
			continue
		}
		to := len(sent)
		if len(places) > 1 {
			to = places[1]
		}
		ctx := &paraCtx{text: text, toks: toks}
		subj := a.sentenceSubjectStage(ctx, sent, &regionState{})
		return slot{sent: sent, at: places[0], from: 0, to: to, subj: subj, first: true}
	}
	t.Fatalf("no quote in %q", text)
	return slot{}
}

// cueWho is the surface of the reference a cue names ("" for none).
func cueWho(q quoteCues) string {
	c := q.post
	if !c.found {
		c = q.pre
	}
	if !c.found {
		return ""
	}
	switch {
	case c.who.pronoun != "":
		return c.who.pronoun
	case len(c.who.name) > 0:
		return strings.Join(c.who.name, " ")
	}
	return c.who.role
}

// TestCueStages checks each cue stage on its own: which speaker the stage
// reads for the first quote of a sentence, and that it finds nothing
// where another stage's shape is given.
func TestCueStages(t *testing.T) {
	stages := map[string]cueStage{}
	for _, st := range cueStages {
		stages[st.name] = st
	}
	tests := []struct {
		stage, text, want string
	}{
		{"adjacent", "“We will appeal the ruling,” Ortiz said.", "Ortiz"},
		{"adjacent", "“We will appeal the ruling,” said Maria Ortiz.", "Maria Ortiz"},
		{"adjacent", "Maria Ortiz told reporters: “We will appeal the ruling.”", "Maria Ortiz"},
		{"adjacent", "Maria Ortiz criticised the court, saying “we will appeal the ruling.”", "Maria Ortiz"},
		{"adjacent", "Ortiz called the ruling “a disgrace” on Monday.", ""},
		{"lead-in colon", "Maria Ortiz summed up the mood of the hearing: “We will appeal the ruling.”", "Maria Ortiz"},
		{"lead-in colon", "On the ruling: “We will appeal it at once.”", ""},
		{"lead-in colon", "“We will appeal the ruling,” Ortiz said.", ""},
		{"partial", "Maria Ortiz called the ruling “a disgrace” on Monday.", "Maria Ortiz"},
		{"partial", "Maria Ortiz said she was “deeply troubled” by the ruling.", "Maria Ortiz"},
		{"partial", "The ruling was “a disgrace,” Maria Ortiz said.", "Maria Ortiz"},
		{"partial", "The court issued a “final” ruling on Monday.", ""},
	}
	for _, tc := range tests {
		st, ok := stages[tc.stage]
		if !ok {
			t.Fatalf("no cue stage %q", tc.stage)
		}
		a := newArticleParser(newBuilder(nil))
		if got := cueWho(st.find(a, firstSlot(t, a, tc.text))); got != tc.want {
			t.Errorf("%s on %q: speaker %q, want %q", tc.stage, tc.text, got, tc.want)
		}
	}
}

// TestCueStageOrder checks that the stages run in order and the first cue
// found decides: an attribution next to a quote wins over the lead-in's
// subject.
func TestCueStageOrder(t *testing.T) {
	a := newArticleParser(newBuilder(nil))
	s := firstSlot(t, a, "Maria Ortiz read out the verdict: “We will appeal,” her lawyer Sam Reyes said.")
	if got := cueWho(a.cues(s)); got != "Sam Reyes" {
		t.Errorf("cues = %q, want the adjacent cue Sam Reyes", got)
	}
	var names []string
	for _, st := range cueStages {
		names = append(names, st.name)
	}
	if got := strings.Join(names, ", "); got != "adjacent, lead-in colon, partial" {
		t.Errorf("cue stages = %s", got)
	}
}

// TestSentenceSubjectStage checks what a sentence gives later pronouns: a
// named subject goes on the salience list, an institution opening the
// sentence speaks for it, and a sentence with no subject gives none.
func TestSentenceSubjectStage(t *testing.T) {
	tests := []struct {
		text, want string
		salient    bool
	}{
		{"Port authority spokesman Daniel Okafor told reporters the port is open.", "Daniel Okafor", true},
		{"The ministry issued a statement on Friday.", "Ministry", false},
		{"Shortly after the vote, the hall emptied.", "", false},
	}
	for _, tc := range tests {
		a := newArticleParser(newBuilder(nil))
		toks := tokenize(tc.text)
		sent := buildOutline(nil, toks, 0, len(tc.text), nil)
		r := a.sentenceSubjectStage(&paraCtx{text: tc.text, toks: toks}, sent, &regionState{})
		got := strings.Join(r.name, " ")
		if got == "" {
			got = r.surface
		}
		if got != tc.want {
			t.Errorf("subject of %q = %q (%+v), want %q", tc.text, got, r, tc.want)
		}
		if salient := len(a.sal.recent) > 0; salient != tc.salient {
			t.Errorf("%q: salient %v, want %v", tc.text, salient, tc.salient)
		}
	}
}
