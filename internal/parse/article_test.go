package parse

import (
	"fmt"
	"strings"
	"testing"

	"github.com/brief-reader/brief/internal/briefing"
)

// quoteSummary renders a briefing's quotes as "Speaker Name|kind|text" lines
// for compact comparison.
func quoteSummary(b *briefing.Briefing, kinds ...briefing.QuoteKind) []string {
	var out []string
	for _, q := range b.Quotes {
		if len(kinds) > 0 && !containsKind(kinds, q.Kind) {
			continue
		}
		s, _ := b.Speaker(q.Speaker)
		out = append(out, fmt.Sprintf("%s|%s|%s", s.Name, q.Kind, q.Text))
	}
	return out
}

func containsKind(ks []briefing.QuoteKind, k briefing.QuoteKind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

func parseString(t *testing.T, path, text string) *briefing.Briefing {
	t.Helper()
	b, err := Parse(path, []byte(text), DefaultOptions())
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	if err := b.Validate(); err != nil {
		t.Fatalf("invalid briefing: %v", err)
	}
	return b
}

func TestArticleQuotes(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // direct quotes: "Speaker|direct|text"
	}{
		{
			name: "curly single quotes with apostrophes inside",
			text: "Foreign Secretary Vikram Misri spoke to reporters.\n\n‘They are two of Asia’s main democracies and the leaders’ forum matters,’ Misri stated.",
			want: []string{"Vikram Misri|direct|They are two of Asia’s main democracies and the leaders’ forum matters"},
		},
		{
			name: "pronoun resolves to the most recent speaker",
			text: "Foreign Secretary Vikram Misri said the talks went well.\n\n‘We are very pleased with the outcome today,’ he said.\n\nTanmaya Lal, Secretary (West), said the summit would be large.\n\n‘There is a broader range of sectors now,’ he said.",
			want: []string{
				"Vikram Misri|direct|We are very pleased with the outcome today",
				"Tanmaya Lal|direct|There is a broader range of sectors now",
			},
		},
		{
			name: "she skips a man",
			text: "Senator Jane Doe met Governor John Roe on Monday.\n\nJane Doe said: “We will pass the bill this week, no matter what.” Roe said he agreed.\n\n“It has taken far too long already,” she said.",
			want: []string{
				"Jane Doe|direct|We will pass the bill this week, no matter what.",
				"Jane Doe|direct|It has taken far too long already",
			},
		},
		{
			name: "verb before name",
			text: "“The big bill was a game changer for all of us,” said Metallus CEO Mike Williams.",
			want: []string{"Mike Williams|direct|The big bill was a game changer for all of us"},
		},
		{
			name: "according to",
			text: "“The border will stay open through the winter,” according to Interior Minister Ana Lopez.",
			want: []string{"Ana Lopez|direct|The border will stay open through the winter"},
		},
		{
			name: "colon prefix",
			text: "Senator Jane Doe: “This bill delivers for working families across the state.”",
			want: []string{"Jane Doe|direct|This bill delivers for working families across the state."},
		},
		{
			name: "told reporters before the quote",
			text: "Prime Minister Ravi Kumar told reporters: “We have nothing to hide from anyone here.”",
			want: []string{"Ravi Kumar|direct|We have nothing to hide from anyone here."},
		},
		{
			name: "title resolves to the person who holds it",
			text: "Foreign Secretary Vikram Misri briefed the media.\n\n‘These discussions are regular and continuing,’ the Foreign Secretary said.",
			want: []string{"Vikram Misri|direct|These discussions are regular and continuing"},
		},
		{
			name: "surname shared by two people resolves to the latest",
			text: "John Smith, a farmer, said the rain came late.\n\nJane Smith, the county commissioner, said the roads were closed.\n\n“We will reopen them by Friday at the latest,” Smith said.",
			want: []string{"Jane Smith|direct|We will reopen them by Friday at the latest"},
		},
		{
			name: "slogan and titles are not speech",
			text: "The theme was a ‘SECURE’ region. Lawmakers passed the ‘One Big, Beautiful Bill’ and the “Make America Great Again” agenda, a “before and after” moment.",
			want: nil,
		},
		{
			name: "continuation in the same paragraph counts twice",
			text: "Stark County Commissioner Bill Smith backed the tariffs. ‘He’s put some business sense into it,’ he said. ‘Getting these jobs back in this country is the biggest thing.’",
			want: []string{
				"Bill Smith|direct|He’s put some business sense into it",
				"Bill Smith|direct|Getting these jobs back in this country is the biggest thing.",
			},
		},
		{
			name: "quote paragraph without a cue continues the previous quote's speaker",
			text: "“We are ready for the talks and we want them soon,” said Minister Ana Lopez.\n\n“Nothing will be decided without our partners at the table.”",
			want: []string{
				"Ana Lopez|direct|We are ready for the talks and we want them soon",
				"Ana Lopez|direct|Nothing will be decided without our partners at the table.",
			},
		},
		{
			name: "newswire quote runs across paragraphs",
			text: "Minister Ana Lopez said: “We are ready for the talks and we want them to begin soon.\n\n“Nothing will be decided without our partners, and nothing will be rushed.”",
			want: []string{"Ana Lopez|direct|We are ready for the talks and we want them to begin soon.\n\nNothing will be decided without our partners, and nothing will be rushed."},
		},
		{
			name: "excerpt holding quotes is read from the inside",
			text: "Fox 8 News: Vance visits Canton\n\n“‘The bill was a game changer for the whole plant,’ said Metallus CEO Mike Williams. ‘These measures empower companies like ours to grow.’ …”",
			want: []string{
				"Mike Williams|direct|The bill was a game changer for the whole plant",
				"Mike Williams|direct|These measures empower companies like ours to grow.",
			},
		},
		{
			name: "same mark nested, with a quoted title inside",
			text: "Vice President JD Vance spoke in Canton. ‘Here’s what the ‘One Big, Beautiful Bill’ means for you in very concrete terms,’ Vance told a crowd.",
			want: []string{"JD Vance|direct|Here’s what the ‘One Big, Beautiful Bill’ means for you in very concrete terms"},
		},
		{
			name: "straight double and single quotes",
			text: "\"We will not back down from this fight,\" said Governor Maria Reyes. 'The people have spoken clearly,' she added.",
			want: []string{
				"Maria Reyes|direct|We will not back down from this fight",
				"Maria Reyes|direct|The people have spoken clearly",
			},
		},
		{
			name: "guillemets",
			text: "«Nous sommes prêts à discuter avec tout le monde», a déclaré. Minister Jean Dupont said: «We are ready to talk to everyone here.»",
			want: []string{"Jean Dupont|direct|We are ready to talk to everyone here."},
		},
		{
			name: "participle takes the sentence subject",
			text: "Vice President JD Vance spoke to workers. He said the bill is good, saying ‘if you build it abroad you will pay a big fat penalty.’",
			want: []string{"JD Vance|direct|if you build it abroad you will pay a big fat penalty."},
		},
		{
			name: "family name first",
			text: "Chinese Premier Li Qiang met the delegation.\n\n\"China and Europe are partners, not rivals,\" Li told the summit.",
			want: []string{"Li Qiang|direct|China and Europe are partners, not rivals"},
		},
		{
			name: "described appositive before the verb",
			text: "\"Expectations are very low on both sides,\" Noah Barkin, a senior adviser at Rhodium Group, said.",
			want: []string{"Noah Barkin|direct|Expectations are very low on both sides"},
		},
		{
			name: "unattributed long quote is not given to anyone",
			text: "The report was blunt. “The agency failed to act on repeated warnings over many years.”",
			want: nil,
		},
		{
			name: "people only mentioned are not speakers",
			text: "Prime Minister Narendra Modi will visit Japan. Chinese President Xi Jinping invited him to Tianjin.",
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := parseString(t, "story.txt", tt.text)
			got := quoteSummary(b, briefing.Direct)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("direct quotes:\n got %q\nwant %q", got, tt.want)
			}
			if len(tt.want) == 0 {
				for _, s := range b.Speakers {
					if s.Quotes > 0 {
						t.Errorf("speaker %q has %d quotes, want none", s.Name, s.Quotes)
					}
				}
			}
		})
	}
}

func TestDescribedRoles(t *testing.T) {
	for _, text := range []string{
		"\"Expectations are very low on both sides,\" said Noah Barkin, a senior adviser at Rhodium Group.",
		"\"Expectations are very low on both sides,\" Noah Barkin, a senior adviser at Rhodium Group, said.",
	} {
		b := parseString(t, "x.txt", text)
		if len(b.Speakers) != 1 || b.Speakers[0].Name != "Noah Barkin" || b.Speakers[0].Role != "senior adviser at Rhodium Group" {
			t.Errorf("%q: speakers %+v", text, b.Speakers)
		}
	}
}

func TestReportedSpeech(t *testing.T) {
	text := "Foreign Secretary Vikram Misri said that India and Japan share values.\n\n" +
		"Misri additionally underscored the importance of the Quad.\n\n" +
		"Extending tax cuts was necessary, Misri said.\n\n" +
		"Lawmakers want to say more. The United States said nothing."
	b := parseString(t, "story.txt", text)
	got := quoteSummary(b, briefing.Reported)
	want := []string{
		"Vikram Misri|reported|Foreign Secretary Vikram Misri said that India and Japan share values.",
		"Vikram Misri|reported|Misri additionally underscored the importance of the Quad.",
		"Vikram Misri|reported|Extending tax cuts was necessary, Misri said.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("reported:\n got %q\nwant %q", got, want)
	}
	if len(b.Speakers) != 1 {
		t.Errorf("speakers = %v", speakerNames(b))
	}
}

func TestQuoteOffsets(t *testing.T) {
	text := "‘They are two of Asia’s main democracies,’ Misri stated."
	b := parseString(t, "x.txt", "Foreign Secretary Vikram Misri spoke.\n\n"+text)
	if len(b.Quotes) == 0 {
		t.Fatal("no quotes")
	}
	q := b.Quotes[len(b.Quotes)-1]
	p := b.Paragraphs[q.Paragraph].Text
	if p[q.Start:q.End] != q.Text || q.Text != "They are two of Asia’s main democracies" {
		t.Errorf("quote %q at %d-%d of %q", q.Text, q.Start, q.End, p)
	}
}
