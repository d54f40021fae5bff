package parse

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/brief-reader/brief/internal/briefing"
)

func TestTranscriptLabels(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		turns []string // "Speaker Name|first words of the turn"
		kinds map[string]briefing.SpeakerKind
		roles map[string]string
	}{
		{
			name: "White House labels resolve through the title",
			text: "# source: https://example.gov/x (Press Briefing by Press Secretary Karoline Leavitt, 2025-01-29; via test)\n\n" +
				"1:06 P.M. EST\n\nMS. LEAVITT: Good afternoon, everybody.\n\nQ Good afternoon.\n\n" +
				"MS. LEAVITT: How are we?\n\nIt is good to see you all.\n\n(Laughter.)\n\nQ: Karoline, a question on tariffs.\n\n" +
				"MS. LEAVITT: Go ahead.\n\nEND 1:52 P.M. EST",
			turns: []string{
				"Karoline Leavitt|Good afternoon, everybody.",
				"Reporter|Good afternoon.",
				"Karoline Leavitt|How are we?\n\nIt is good to see you all.",
				"Reporter|Karoline, a question on tariffs.",
				"Karoline Leavitt|Go ahead.",
			},
			kinds: map[string]briefing.SpeakerKind{"Karoline Leavitt": briefing.Person, "Reporter": briefing.Questioner},
			roles: map[string]string{"Karoline Leavitt": "Press Secretary"},
		},
		{
			name: "presidents, interpreters and roles",
			text: "REMARKS BY PRESIDENT TRUMP AND PRIME MINISTER NARENDRA MODI\n\nEast Room\n\n" +
				"PRESIDENT TRUMP: Thank you very much.\n\nPRIME MINISTER MODI: (As interpreted.) Thank you, Mr. President.\n\n" +
				"INTERPRETER: Mic, please.\n\nMODERATOR: Next question.\n\nSENIOR ADMINISTRATION OFFICIAL: We will see.\n\nQUESTION: Is it done?",
			turns: []string{
				"Trump|Thank you very much.",
				"Narendra Modi|(As interpreted.) Thank you, Mr. President.",
				"Interpreter|Mic, please.",
				"Moderator|Next question.",
				"Senior Administration Official|We will see.",
				"Reporter|Is it done?",
			},
			kinds: map[string]briefing.SpeakerKind{"Interpreter": briefing.Role, "Moderator": briefing.Role, "Senior Administration Official": briefing.Role, "Reporter": briefing.Questioner},
			roles: map[string]string{"Trump": "President", "Narendra Modi": "Prime Minister"},
		},
		{
			name: "mixed-case labels with honorifics and titles",
			text: "Transcript of Special Briefing on the Visit of the Prime Minister\n\n" +
				"Official Spokesperson, Shri Randhir Jaiswal: Good evening, friends.\n\n" +
				"Foreign Secretary Vikram Misri: Thank you, Randhir.\n\nThe visit was a success.\n\n" +
				"Sidhant Sibal: Sir, my question is on trade.\n\nFOREIGN SECRETARY: We are working on it.\n\n" +
				"Official Spokesperson, Shri Randhir Jaiswal: Thank you all.",
			turns: []string{
				"Randhir Jaiswal|Good evening, friends.",
				"Vikram Misri|Thank you, Randhir.\n\nThe visit was a success.",
				"Sidhant Sibal|Sir, my question is on trade.",
				"Vikram Misri|We are working on it.",
				"Randhir Jaiswal|Thank you all.",
			},
			roles: map[string]string{"Randhir Jaiswal": "Official Spokesperson", "Vikram Misri": "Foreign Secretary"},
		},
		{
			name: "numbered speakers, bracketed names and labels on their own line",
			text: "Speaker 1: Welcome to the show.\n\n[John Smith]: Thanks for having me.\n\nSpeaker 2:\n\nGlad to be here too.\n\n[inaudible]\n\nSpeaker 1: Let us begin.\n\n00:12:31",
			turns: []string{
				"Speaker 1|Welcome to the show.",
				"John Smith|Thanks for having me.",
				"Speaker 2|Glad to be here too.",
				"Speaker 1|Let us begin.",
			},
		},
		{
			name: "turns on consecutive lines without blank lines",
			text: "MR. KIRBY: Good morning.\nQ: What about Gaza?\nMR. KIRBY: The talks go on.\nThey are constructive.",
			turns: []string{
				"Kirby|Good morning.",
				"Reporter|What about Gaza?",
				"Kirby|The talks go on. They are constructive.",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := parseString(t, "t.txt", tt.text)
			if b.Kind != briefing.Transcript {
				t.Fatalf("kind = %s, want transcript", b.Kind)
			}
			var got []string
			for _, q := range b.Quotes {
				if q.Kind != briefing.Turn {
					t.Errorf("quote of kind %s in a transcript: %q", q.Kind, q.Text)
					continue
				}
				s, _ := b.Speaker(q.Speaker)
				got = append(got, s.Name+"|"+q.Text)
			}
			if strings.Join(got, "\n") != strings.Join(tt.turns, "\n") {
				t.Errorf("turns:\n got %q\nwant %q", got, tt.turns)
			}
			for name, k := range tt.kinds {
				if s := findSpeaker(b, name, nil); s == nil || s.Kind != k {
					t.Errorf("%s: got %+v, want kind %s", name, s, k)
				}
			}
			for name, r := range tt.roles {
				if s := findSpeaker(b, name, nil); s == nil || s.Role != r {
					t.Errorf("%s: got %+v, want role %q", name, s, r)
				}
			}
		})
	}
}

func TestStageDirections(t *testing.T) {
	for _, s := range []string{"(Laughter.)", "[inaudible]", "(As interpreted.)", "10:35 A.M. EDT", "END 6:45 P.M. EST", "00:12:31", "END", "###"} {
		if !isStage(s) {
			t.Errorf("isStage(%q) = false", s)
		}
	}
	for _, s := range []string{"Thank you.", "At 10:35 we met.", "(Laughter.) And then we left the room for good."} {
		if isStage(s) && wordCount(s) < 24 && !strings.HasPrefix(s, "(") {
			t.Errorf("isStage(%q) = true", s)
		}
	}
	b := parseString(t, "t.txt", "MS. LEAVITT: Hello.\n\n(Cross-talk.)\n\nThank you.\n\nEND 1:52 P.M. EST")
	roles := []briefing.ParagraphRole{}
	for _, p := range b.Paragraphs {
		roles = append(roles, p.Role)
	}
	want := []briefing.ParagraphRole{briefing.Body, briefing.Stage, briefing.Body, briefing.Stage}
	if len(roles) != len(want) {
		t.Fatalf("roles = %v", roles)
	}
	for i := range want {
		if roles[i] != want[i] {
			t.Errorf("paragraph %d role %s, want %s", i, roles[i], want[i])
		}
	}
	if len(b.Quotes) != 1 || b.Quotes[0].EndParagraph != 2 {
		t.Fatalf("turn = %+v; want one turn over paragraphs 0-2, without the END line", b.Quotes)
	}
	if b.Paragraphs[1].Speaker != "" || b.Paragraphs[2].Speaker == "" {
		t.Errorf("stage paragraphs are not speech; body paragraphs in a turn are the speaker's: %+v", b.Paragraphs)
	}
	s, _ := b.Speaker(b.Quotes[0].Speaker)
	if s.Words != 3 {
		t.Errorf("turn words = %d, want 3 (stage directions do not count)", s.Words)
	}
}

func TestKindDetection(t *testing.T) {
	tests := []struct {
		name, text string
		want       briefing.Kind
	}{
		{"article with a headline label", "WHBC Radio: VANCE VISIT: Veep at Metallus\n\n“Vice President JD Vance returned to Ohio on Monday,” the station said.", briefing.Article},
		{"article with a colon-prefix quote", "Senator Jane Doe: “This bill delivers.”\n\nThe bill passed on Monday.", briefing.Article},
		{"single speech label", "THE PRESIDENT: Thank you all.\n\nIt is great to be here in Atlanta today with all of you.\n\nWe have work to do.", briefing.Transcript},
		{"interview", "Q: How are you?\n\nA: Fine, thanks.\n\nQ: And the economy?", briefing.Transcript},
		{"dateline is not a label", "NEW DELHI: The minister arrived on Monday.\n\nShe met her counterpart.", briefing.Article},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := parseString(t, "x.txt", tt.text)
			if b.Kind != tt.want {
				t.Errorf("kind = %s, want %s", b.Kind, tt.want)
			}
		})
	}
	// --kind wins over detection.
	b, err := Parse("x.txt", []byte("MS. LEAVITT: Hello.\n\nQ Hi."), Options{ForceKind: true, Kind: briefing.Article})
	if err != nil || b.Kind != briefing.Article {
		t.Errorf("forced kind: %v %v", b.Kind, err)
	}
}

func TestLabelNearMatches(t *testing.T) {
	text := "# source: https://x.gov (Press Gaggle by National Security Advisor Jake Sullivan and Prime Minister Kishida Fumio, 2024-01-02)\n\n" +
		"MR. SULLIVAN: Good morning.\n\nQ Hi.\n\nMR. SULLIVCAN: Sorry, a typo in the label.\n\nPRIME MINISTER KISHIDA: Thank you.\n\nMS. REPOSA: Last question.\n\nMS. REPOSSA: Thanks, all."
	b := parseString(t, "t.txt", text)
	var got []string
	for _, s := range b.Speakers {
		got = append(got, fmt.Sprintf("%s:%d", s.Name, s.Quotes))
	}
	want := []string{"Jake Sullivan:2", "Reporter:1", "Kishida Fumio:1", "Reposa:2"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("speakers = %v, want %v", got, want)
	}
	for _, c := range []struct {
		a, b string
		d    int
	}{{"sullivan", "sullivcan", 1}, {"reposa", "repossa", 1}, {"abc", "acb", 1}, {"kirby", "kirby", 0}, {"smith", "jones", 3}} {
		if d := editDistance(c.a, c.b, 3); d != c.d {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, d, c.d)
		}
	}
}

func TestIndexFold(t *testing.T) {
	for _, c := range []struct {
		s, w string
		want int
	}{
		{"MS. LEAVITT said", "leavitt", 4}, {"thanks, Leavitt", "leavitt", 8}, {"nobody", "leavitt", -1},
		{"Lea", "leavitt", -1}, {"Élysée Macron", "élysée", 0}, {"", "x", -1},
	} {
		if got := indexFold(c.s, c.w); got != c.want {
			t.Errorf("indexFold(%q, %q) = %d, want %d", c.s, c.w, got, c.want)
		}
	}
}

// TestSurnameSetIn checks the one-pass search of a few surnames against
// containsAnyFold, surname by surname, over a briefing's lines.
func TestSurnameSetIn(t *testing.T) {
	data, err := os.ReadFile("../../briefings/wh-press-briefing-leavitt-2025-01-29.md")
	if err != nil {
		t.Fatal(err)
	}
	lines := append(strings.Split(string(data), "\n"), "", "Émile Zola", "ÉMILE", "x", "s\u212a", "xs\u017fk", "LEAVITT’s", "leaVITT")
	lists := [][]string{
		nil, {"leavitt"}, {"trump", "leavitt", "doocy"}, {"zz", "émile"}, {"Trump"}, {"q"}, {"ms", "mr"}, {"", "nobody"}, {"sk", "ss"},
	}
	found := 0
	for _, list := range lists {
		n := newSurnameSet(list)
		for _, l := range lines {
			got, want := n.in(l), containsAnyFold(l, list)
			if got != want {
				t.Errorf("surnames %q in %.50q = %v, want %v", list, l, got, want)
			}
			if got {
				found++
			}
		}
	}
	if found == 0 {
		t.Fatal("no surname found in any line")
	}
}

// BenchmarkSurnameSet looks for twenty surnames in each line of a
// transcript, as builder.transcript does for each paragraph, in one pass
// (surnameSet) and surname by surname (containsAnyFold).
func BenchmarkSurnameSet(b *testing.B) {
	data, err := os.ReadFile("../../briefings/wh-press-briefing-leavitt-2025-01-29.md")
	if err != nil {
		b.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	list := strings.Fields("abbott baker carter dalton ellis fisher grant hughes irwin jones keller lowe mason nolan owens porter quinn reyes stone turner")
	n := newSurnameSet(list)
	b.Run("one-pass", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			for _, l := range lines {
				n.in(l)
			}
		}
	})
	b.Run("by-surname", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			for _, l := range lines {
				containsAnyFold(l, list)
			}
		}
	})
}
