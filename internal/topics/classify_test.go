package topics

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/lexicon"
)

// classifyText classifies one paragraph and returns its topics.
func classifyText(c *Classifier, text string) []string {
	b := &briefing.Briefing{Paragraphs: []briefing.Paragraph{{Text: text}}}
	c.Apply(b)
	return b.Paragraphs[0].Topics
}

func TestContextNotLoneWords(t *testing.T) {
	c := NewClassifier(nil)
	cases := []struct {
		name, text string
		want, not  []string
	}{
		{"citizens wrongfully held abroad are diplomacy",
			"We will not rest until every American wrongfully detained in Russia is home with their family.",
			[]string{"diplomacy"}, nil},
		{"nuclear weapons are defence",
			"Russia keeps expanding its stockpile of nuclear weapons and tests new warheads.",
			[]string{"defence"}, []string{"energy"}},
		{"nuclear beside strikes is defence",
			"He warned that a nuclear strike would be met with a devastating response.",
			[]string{"defence"}, []string{"energy"}},
		{"nuclear reactor is energy",
			"The utility will build a nuclear reactor to supply power to the region.",
			[]string{"energy"}, []string{"defence"}},
		{"nuclear beside power plants is energy",
			"Two nuclear power plants will add clean electricity to the grid next year.",
			[]string{"energy"}, []string{"defence"}},
		{"cancer moonshot is health",
			"The Cancer Moonshot aims to cut the death rate from cancer by half and help patients.",
			[]string{"health"}, []string{"space"}},
		{"moonshot beside cancer is health",
			"This moonshot to end cancer as we know it will fund new research into tumours and treatment.",
			[]string{"health"}, []string{"space"}},
		{"a lunar moonshot is space",
			"NASA's moonshot returns astronauts to the Moon on a new rocket.",
			[]string{"space"}, []string{"health"}},
		{"agencies and missions without the word space",
			"ISRO and the Japanese agency will pursue a lunar polar exploration mission alongside Chandrayaan.",
			[]string{"space"}, nil},
		{"rocket fire is no space",
			"Militants fired rockets at the border town overnight, and the army returned fire.",
			[]string{"defence"}, []string{"space"}},
		{"RATS counts", "India chaired the SCO RATS council, the regional anti-terrorist structure.",
			[]string{"terrorism"}, nil},
		{"rats do not", "The inspectors found rats in the subway and closed two stations for cleaning.",
			nil, []string{"terrorism"}},
		{"WHO is the health agency", "The WHO said the outbreak was under control.",
			[]string{"health"}, nil},
		{"who is a pronoun", "Those who came early said the hall was full.",
			nil, []string{"health"}},
		{"talks with Russia", "The talks with Russia resume in Geneva with both foreign ministers.",
			[]string{"diplomacy"}, nil},
		{"know-how is technology", "Japan will share know-how and digital skills with Indian startups.",
			[]string{"technology"}, nil},
		{"know how is not", "I don't know how they will decide, or how long the meeting will last.",
			nil, []string{"technology"}},
		{"good faith is no culture", "Both sides negotiated in good faith and in good faith they will sign.",
			nil, []string{"culture"}},
		{"Social Security is economy", "Social Security benefits and Medicare payments will not be affected by the pause.",
			[]string{"economy"}, []string{"security"}},
		{"border skirmishes are not migration", "Troops clashed again in border skirmishes along the disputed line.",
			[]string{"defence"}, []string{"migration"}},
		{"southern border is migration", "Illegal crossings at the southern border fell as deportations rose.",
			[]string{"migration"}, nil},
		{"Americans detained abroad are not migration", "We will not rest until every American wrongfully detained abroad is home, and the hostages held in Gaza too.",
			nil, []string{"migration"}},
		{"migrants in detention are", "Thousands of migrants remain in detention while their asylum claims are heard.",
			[]string{"migration"}, nil},
		{"union negotiations are no diplomacy", "The UAW negotiations with the automakers continue, and the President urged both sides to reach a fair contract for workers.",
			nil, []string{"diplomacy"}},
		{"a partnership with business is no diplomacy", "The city announced a new partnership with local businesses and nonprofits to train young workers.",
			nil, []string{"diplomacy"}},
		{"negotiations with Iran are", "The negotiations with Iran on its nuclear programme resume next week, the envoy said.",
			[]string{"diplomacy"}, nil},
		{"an embargoed call is no trade", "As a reminder, this call is on background and embargoed until 5:00 a.m. Eastern tomorrow.",
			nil, []string{"trade"}},
		{"an embargo on a country is trade", "The embargo on Cuban sugar and the sanctions on its exports stay in place.",
			[]string{"trade"}, nil},
		{"a labor mediator is no diplomat", "She has mediated labor and employment disputes as an arbitrator for the National Mediation Board since 1990.",
			nil, []string{"diplomacy"}},
		{"mediation between countries is diplomacy", "Qatar's mediation between Israel and Hamas continues, and the envoys meet again in Doha.",
			[]string{"diplomacy"}, nil},
		{"a prayer for peace is no diplomacy", "On this Memorial Day we pray for peace, and ask Almighty God to grant the souls of our fallen rest and peace.",
			nil, []string{"diplomacy"}},
		{"race relations are no diplomacy", "The President spoke about race relations and policing after the trial and met the families.",
			nil, []string{"diplomacy"}},
		{"heat stroke is health", "Heat stroke and heat exhaustion struck dozens of farmworkers in the fields this week.",
			[]string{"health"}, nil},
		{"a commemoration is culture", "On Memorial Day the President will commemorate the fallen at a wreath-laying ceremony at Arlington.",
			[]string{"culture"}, nil},
		{"a holiday weekend is no culture", "Over the Memorial Day weekend gas prices rose again.",
			nil, []string{"culture"}},
		{"drugs flooding in are no climate", "Fentanyl and other drugs are flooding our communities and killing our children.",
			nil, []string{"climate"}},
		{"flooding after a storm is climate", "Flooding and drought will grow worse as the climate warms, and coastal towns are preparing.",
			[]string{"climate"}, nil},
		// Where two topics overlap, context decides.
		{"an FBI investigation of a candidate is justice and politics", "The FBI opened an investigation into the Republican candidate's campaign finances before the primary.",
			[]string{"justice", "politics"}, []string{"security"}},
		{"a shooting is crime", "A gunman shot three people outside a bar overnight, police said, and the suspect was arrested.",
			[]string{"crime"}, []string{"terrorism", "defence"}},
		{"a terror attack is terrorism", "The terrorist attack on the concert hall was claimed by the Islamic State, and the extremists behind it are still at large.",
			[]string{"terrorism"}, []string{"crime", "sport"}},
		{"a sanctioned bank is business and diplomacy", "The sanctions freeze the bank's assets abroad, and its chief executive told shareholders the company would appeal; the ambassador said allies would follow.",
			[]string{"business", "diplomacy"}, nil},
		{"a defensive player is no defence", "She was voted the conference's defensive player of the season and scored 12 points a game for her club.",
			[]string{"sport"}, []string{"defence"}},
		{"a player trade is no trade policy", "The Harriers traded a forward and two draft picks to the Lynx an hour before the trade deadline.",
			[]string{"sport"}, []string{"trade"}},
		{"a title fight is sport", "The UFC fighter won the title bout by knockout in the second round.",
			[]string{"sport"}, []string{"defence", "culture"}},
		{"a primary school is no primary election", "The primary school reopened after the storm, and the teachers welcomed pupils back.",
			nil, []string{"politics"}},
		{"the press is media", "The newspaper's editor said journalists must be free to report, and the broadcaster agreed.",
			[]string{"media"}, nil},
		{"a company's results are business", "The company's shares fell after its chief executive reported lower quarterly earnings to shareholders.",
			[]string{"business"}, nil},
		{"a Conservative leader is no conservation", "The Conservative leader said his party would win the election and form the next government.",
			[]string{"politics"}, []string{"climate"}},
		{"vaccine candidates run for no office", "Two vaccine candidates entered clinical trials in the spring.",
			nil, []string{"politics", "justice"}},
		{"a vigil of two faiths is society", "The mosque and the church held a joint prayer vigil for the families, and volunteers from both communities cooked.",
			[]string{"society"}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := classifyText(c, tc.text)
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("topics = %v, want %s\n%s", got, w, c.explain(tc.text))
				}
			}
			for _, n := range tc.not {
				if slices.Contains(got, n) {
					t.Errorf("topics = %v, want no %s\n%s", got, n, c.explain(tc.text))
				}
			}
		})
	}
}

// miniTaxonomy is a small taxonomy for testing matching rules in isolation.
func miniTaxonomy(t *testing.T) *Classifier {
	t.Helper()
	tax, err := Parse("mini.yaml", []byte(`
topics:
  - id: army
    terms:
      - {term: armed forces, weight: 2}
      - {term: defence, weight: 2}
      - {term: NATO, weight: 2}
      - {term: nuclear, weight: 2, context: [weapons]}
  - id: power
    terms:
      - {term: nuclear, weight: 2, context: [reactor]}
      - {term: forces of nature, weight: 2}
  - id: pests
    terms:
      - {term: rats, weight: 2}
    negative:
      - {term: NATO, weight: 5}
`))
	if err != nil {
		t.Fatal(err)
	}
	return NewClassifier(tax)
}

func TestMatchingRules(t *testing.T) {
	c := miniTaxonomy(t)
	cases := []struct {
		text string
		want []string
	}{
		// Stemming and spelling: one stem for defence, defences, defensive.
		{"Their defences held.", []string{"army"}},
		{"A defensive posture.", []string{"army"}},
		{"The DEFENSE budget.", []string{"army"}},
		// Phrases match word for word, in any case and inflection.
		{"The Armed Forces paraded.", []string{"army"}},
		{"Armed men and special forces.", nil},
		// The longest phrase wins: "forces of nature" is not "forces".
		{"The forces of nature.", []string{"power"}},
		// Acronyms are case-sensitive.
		{"NATO met.", []string{"army"}},
		{"Nato met.", nil},
		// Lower-case terms match capitals too.
		{"RATS everywhere.", []string{"pests"}},
		{"Rats everywhere.", []string{"pests"}},
		// Context decides between topics sharing a word.
		{"Nuclear weapons.", []string{"army"}},
		{"A nuclear reactor.", []string{"power"}},
		{"Nuclear matters.", nil},
		// Negative terms count against a topic.
		{"Rats and NATO.", []string{"army"}},
	}
	for _, tc := range cases {
		got := classifyText(c, tc.text)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: topics = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestLongParagraphNeedsMoreEvidence checks the score floor: a word that
// makes a short paragraph about a topic does not make a long one about it.
func TestLongParagraphNeedsMoreEvidence(t *testing.T) {
	c := NewClassifier(nil)
	mention := "The military band played at the end."
	if got := classifyText(c, mention); !slices.Contains(got, "defence") {
		t.Fatalf("%q: topics = %v, want defence\n%s", mention, got, c.explain(mention))
	}
	filler := strings.Repeat("She said the evening was quiet and the hall emptied slowly after the long dinner. ", 8)
	long := filler + mention
	if got := classifyText(c, long); len(got) != 0 {
		t.Errorf("a long paragraph with one passing mention: topics = %v, want none\n%s", got, c.explain(long))
	}
	for _, words := range []int{0, 10, floorFreeWords, 60, 100, 1000} {
		if f := scoreFloor(words); f < minScore || f > floorCap {
			t.Errorf("scoreFloor(%d) = %v, want within [%v, %v]", words, f, minScore, floorCap)
		}
	}
	if scoreFloor(100) <= scoreFloor(floorFreeWords) {
		t.Errorf("scoreFloor(100) = %v, want more than scoreFloor(%d) = %v", scoreFloor(100), floorFreeWords, scoreFloor(floorFreeWords))
	}
}

func TestWeakEvidenceIsNoTopic(t *testing.T) {
	c := NewClassifier(nil)
	// One passing word is not enough for a topic.
	for _, text := range []string{
		"The meeting ended early.",
		"She thanked everyone for coming and left the room.",
		"We will visit them next week.",
	} {
		if got := classifyText(c, text); len(got) != 0 {
			t.Errorf("%q: topics = %v, want none\n%s", text, got, c.explain(text))
		}
	}
}

func TestSeedBriefing(t *testing.T) {
	b := loadFixture(t, "00-seed-india-japan.txt")
	NewClassifier(nil).Apply(b)
	section := func(p int) briefing.Section { return b.Sections[b.Paragraphs[p].Section] }

	isro := paragraphWith(t, b, "Lunar Polar Exploration Mission (LUPEX)")
	if s := section(isro); !slices.Contains(s.Topics, "space") {
		t.Errorf("ISRO/LUPEX paragraph %d is in section %q with topics %v, want space", isro, s.Title, s.Topics)
	}
	if !slices.Contains(b.Paragraphs[isro].Topics, "space") {
		t.Errorf("ISRO/LUPEX paragraph topics = %v, want space", b.Paragraphs[isro].Topics)
	}
	unicorn := paragraphWith(t, b, "UNICORN")
	if s := section(unicorn); !slices.Contains(s.Topics, "defence") {
		t.Errorf("UNICORN paragraph %d is in section %q with topics %v, want defence", unicorn, s.Title, s.Topics)
	}
	evils := paragraphWith(t, b, "three evils of terrorism")
	if !slices.Contains(b.Paragraphs[evils].Topics, "terrorism") {
		t.Errorf("three evils paragraph topics = %v, want terrorism", b.Paragraphs[evils].Topics)
	}
	if s := section(isro); !strings.HasPrefix(s.Title, "Space · ") || !strings.Contains(s.Title, "ISRO") {
		t.Errorf("space section title = %q, want Space · ISRO, ...", s.Title)
	}
}

func TestTranscriptExchange(t *testing.T) {
	text := `# source: test

MS. SMITH: Good afternoon. Let me start with the weather, which has been lovely.

Q Thank you. On tariffs: will the new tariffs on steel imports from Canada take effect Monday, and what happens to the trade deficit?

MS. SMITH: The President has been clear on tariffs. Our trading partners know the tariffs take effect on Monday, and exports will rise.

Anything else, we will see.

Q And on a different subject: the hurricane season and the emissions rules for power plants under the climate plan?

MS. SMITH: The climate plan cuts emissions and greenhouse gases from power plants, and the Paris Agreement targets stand.`
	b := parseForTest(t, "test.txt", []byte(text))
	if b.Kind != briefing.Transcript {
		t.Fatalf("fixture is not a transcript")
	}
	NewClassifier(nil).Apply(b)
	orphan := paragraphWith(t, b, "Anything else, we will see.")
	if !slices.Contains(b.Paragraphs[orphan].Topics, "trade") {
		t.Errorf("one-line follow-up carries %v, want the exchange's trade", b.Paragraphs[orphan].Topics)
	}
	q := paragraphWith(t, b, "On tariffs")
	a := paragraphWith(t, b, "The President has been clear")
	if b.Paragraphs[q].Section != b.Paragraphs[a].Section || b.Paragraphs[a].Section != b.Paragraphs[orphan].Section {
		t.Errorf("question %d, answer %d and follow-up %d are in sections %d, %d, %d; want one", q, a, orphan,
			b.Paragraphs[q].Section, b.Paragraphs[a].Section, b.Paragraphs[orphan].Section)
	}
	climate := paragraphWith(t, b, "The climate plan cuts")
	if slices.Contains(b.Paragraphs[climate].Topics, "trade") {
		t.Errorf("the next exchange's answer carries trade: %v", b.Paragraphs[climate].Topics)
	}
	for _, qt := range b.Quotes {
		if qt.Paragraph == a && !slices.Contains(qt.Topics, "trade") {
			t.Errorf("answer turn topics = %v, want trade", qt.Topics)
		}
	}
}

func TestMarkdownHeadingsBoundSections(t *testing.T) {
	text := `# Trade and tariffs

The new tariffs on imports hit our trading partners, and exports fell as the trade deficit grew.

Customs duties on steel rose again this quarter under the trade agreement.

## Space

NASA and ISRO will launch a lunar mission with astronauts aboard a new rocket.

The spacecraft will orbit the Moon before the landing.

## Space, continued

The satellite launch schedule moved, and the space agency will brief on orbit insertion.`
	b := parseForTest(t, "test.md", []byte(text))
	NewClassifier(nil).Apply(b)
	var starts []int
	var titles []string
	for _, s := range b.Sections {
		starts = append(starts, s.FirstParagraph)
		titles = append(titles, s.Title)
	}
	if !slices.Equal(starts, []int{0, 3, 6}) {
		t.Fatalf("sections start at %v, want at each heading [0 3 6]", starts)
	}
	if want := []string{"Trade and tariffs", "Space", "Space, continued"}; !slices.Equal(titles, want) {
		t.Errorf("titles = %q, want %q", titles, want)
	}
	if !slices.Contains(b.Sections[1].Topics, "space") || !slices.Contains(b.Sections[0].Topics, "trade") {
		t.Errorf("section topics = %v / %v", b.Sections[0].Topics, b.Sections[1].Topics)
	}
	if got := b.Paragraphs[3].Topics; !slices.Contains(got, "space") {
		t.Errorf("a heading carries its section's topics; got %v", got)
	}
}

func TestQuoteTopics(t *testing.T) {
	p0 := "Energy prices rose as oil and gas supply tightened, the minister said."
	p1 := "He added: “Our astronauts will fly to the Moon on a NASA rocket, and the spacecraft is ready."
	p2 := "The launch is set for May,” he said, before the oil and natural gas talks."
	b := &briefing.Briefing{
		Speakers:   []briefing.Speaker{{ID: "m", Name: "Minister"}},
		Paragraphs: []briefing.Paragraph{{Index: 0, Text: p0}, {Index: 1, Text: p1}, {Index: 2, Text: p2}},
	}
	start := strings.Index(p1, "“") + len("“")
	end := strings.Index(p2, "”")
	q := briefing.Quote{Speaker: "m", Kind: briefing.Direct, Paragraph: 1, EndParagraph: 2, Start: start, End: end,
		Text: p1[start:] + "\n\n" + p2[:end]}
	short := briefing.Quote{Speaker: "m", Kind: briefing.Direct, Paragraph: 0, EndParagraph: 0, Start: 0, End: 13, Text: p0[:13]}
	b.Quotes = []briefing.Quote{q, short}
	if err := b.Validate(); err != nil {
		t.Fatal(err)
	}
	NewClassifier(nil).Apply(b)
	union := map[string]bool{}
	for _, p := range b.Paragraphs[1:] {
		for _, tp := range p.Topics {
			union[tp] = true
		}
	}
	for tp := range union {
		if !slices.Contains(b.Quotes[0].Topics, tp) {
			t.Errorf("multi-paragraph quote topics %v lack paragraph topic %s", b.Quotes[0].Topics, tp)
		}
	}
	if !slices.Contains(b.Quotes[0].Topics, "space") {
		t.Errorf("quote topics = %v, want space", b.Quotes[0].Topics)
	}
	if !slices.Equal(b.Quotes[1].Topics, b.Paragraphs[0].Topics) {
		t.Errorf("a quote with little text of its own has its paragraph's topics: %v vs %v", b.Quotes[1].Topics, b.Paragraphs[0].Topics)
	}
	for i, qt := range b.Quotes {
		if qt.Section != b.Paragraphs[qt.Paragraph].Section {
			t.Errorf("quote %d section %d, its paragraph's %d", i, qt.Section, b.Paragraphs[qt.Paragraph].Section)
		}
	}
}

// checkInvariants verifies what Apply promises for any briefing.
func checkInvariants(t testing.TB, c *Classifier, b *briefing.Briefing) {
	t.Helper()
	known := map[string]bool{}
	for _, id := range c.Taxonomy().IDs() {
		known[id] = true
	}
	checkIDs := func(what string, ids []string) {
		seen := map[string]bool{}
		for _, id := range ids {
			if !known[id] {
				t.Fatalf("%s: topic %q is not in the taxonomy", what, id)
			}
			if seen[id] {
				t.Fatalf("%s: topic %q twice in %v", what, id, ids)
			}
			seen[id] = true
		}
	}
	n := len(b.Paragraphs)
	if n == 0 {
		if len(b.Sections) != 0 || len(b.Topics) != 0 {
			t.Fatalf("empty briefing has sections %v, topics %v", b.Sections, b.Topics)
		}
		return
	}
	next := 0
	for i, s := range b.Sections {
		if s.FirstParagraph != next || s.LastParagraph < s.FirstParagraph || s.LastParagraph >= n {
			t.Fatalf("section %d covers %d-%d, want it to start at %d (of %d)", i, s.FirstParagraph, s.LastParagraph, next, n)
		}
		checkIDs(fmt.Sprintf("section %d", i), s.Topics)
		if s.Title == "" {
			t.Fatalf("section %d has no title", i)
		}
		for p := s.FirstParagraph; p <= s.LastParagraph; p++ {
			if b.Paragraphs[p].Section != i {
				t.Fatalf("paragraph %d has section %d, lies in %d", p, b.Paragraphs[p].Section, i)
			}
		}
		next = s.LastParagraph + 1
	}
	if next != n {
		t.Fatalf("sections end at %d of %d paragraphs", next, n)
	}
	for i, p := range b.Paragraphs {
		checkIDs(fmt.Sprintf("paragraph %d", i), p.Topics)
		if p.Role == briefing.Stage && len(p.Topics) > 0 {
			t.Fatalf("stage paragraph %d has topics %v", i, p.Topics)
		}
	}
	for i, q := range b.Quotes {
		checkIDs(fmt.Sprintf("quote %d", i), q.Topics)
		if q.Paragraph >= 0 && q.Paragraph < n && q.Section != b.Paragraphs[q.Paragraph].Section {
			t.Fatalf("quote %d in section %d, its paragraph in %d", i, q.Section, b.Paragraphs[q.Paragraph].Section)
		}
	}
	var prev float64 = 2
	for _, ts := range b.Topics {
		if !known[ts.ID] || ts.Label == "" || ts.Share < 0 || ts.Share > 1 || ts.Share > prev || ts.Paragraphs <= 0 {
			t.Fatalf("bad briefing topics %+v", b.Topics)
		}
		prev = ts.Share
	}
}

func TestInvariantsOnFixtures(t *testing.T) {
	c := NewClassifier(nil)
	for _, name := range []string{"00-seed-india-japan.txt", "04-wh-kirby-gaggle-2024-08-23.txt", "05-wh-leavitt-briefing-2025-01-29.txt"} {
		b := loadFixture(t, name)
		c.Apply(b)
		checkInvariants(t, c, b)
		if err := b.Validate(); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		// Shares are the words of carrying paragraphs over all words.
		words := map[string]int{}
		total := 0
		for _, p := range b.Paragraphs {
			if p.Role != briefing.Body {
				continue
			}
			w := len(strings.Fields(bodyText(&p)))
			total += w
			for _, tp := range p.Topics {
				words[tp] += w
			}
		}
		for _, ts := range b.Topics {
			want := float64(words[ts.ID]) / float64(total)
			if d := ts.Share - want; d > 0.02 || d < -0.02 {
				t.Errorf("%s: %s share %.3f, recount %.3f", name, ts.ID, ts.Share, want)
			}
		}
	}
}

func TestLongBriefingSections(t *testing.T) {
	b := loadFixture(t, "05-wh-leavitt-briefing-2025-01-29.txt")
	NewClassifier(nil).Apply(b)
	turns := 0
	for _, q := range b.Quotes {
		if q.Kind == briefing.Turn {
			turns++
		}
	}
	if turns < 150 {
		t.Fatalf("fixture has %d turns", turns)
	}
	if n := len(b.Sections); n < 10 || n > 25 {
		t.Errorf("%d-turn briefing has %d sections, want 10-25", turns, n)
	}
	// Each question stays with its answer.
	for _, q := range b.Quotes {
		sp, _ := b.Speaker(q.Speaker)
		if sp.Kind != briefing.Questioner || q.EndParagraph+1 >= len(b.Paragraphs) {
			continue
		}
		next := b.Paragraphs[q.EndParagraph+1]
		if next.Speaker != "" && next.Speaker != q.Speaker && next.Section != b.Paragraphs[q.EndParagraph].Section {
			t.Errorf("question at %d is cut from its answer at %d", q.Paragraph, q.EndParagraph+1)
		}
	}
}

func TestApplyIsDeterministicAndRepeatable(t *testing.T) {
	c := NewClassifier(nil)
	a := loadFixture(t, "04-wh-kirby-gaggle-2024-08-23.txt")
	b := loadFixture(t, "04-wh-kirby-gaggle-2024-08-23.txt")
	c.Apply(a)
	c.Apply(b)
	c.Apply(b) // applying again replaces, not adds
	if !reflect.DeepEqual(a, b) {
		t.Error("two runs over the same briefing differ")
	}
}

func TestConcurrentApply(t *testing.T) {
	c := NewClassifier(nil)
	want := loadFixture(t, "00-seed-india-japan.txt")
	c.Apply(want)
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, name := range []string{"00-seed-india-japan.txt", "05-wh-leavitt-briefing-2025-01-29.txt"} {
				b := loadFixture(t, name)
				c.Apply(b)
				if name == "00-seed-india-japan.txt" && !reflect.DeepEqual(b, want) {
					errs <- "concurrent Apply gave a different result"
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestEmptyAndOdd(t *testing.T) {
	c := NewClassifier(nil)
	for _, b := range []*briefing.Briefing{
		{},
		{Paragraphs: []briefing.Paragraph{{Text: ""}}},
		{Paragraphs: []briefing.Paragraph{{Text: "# Only a heading", Role: briefing.Heading, Level: 1}}},
		{Paragraphs: []briefing.Paragraph{{Text: "(Laughter.)", Role: briefing.Stage}, {Index: 1, Text: "Tariffs and trade deals."}}},
		// A quote pointing outside the paragraphs is left alone.
		{Paragraphs: []briefing.Paragraph{{Text: "Tariffs."}}, Quotes: []briefing.Quote{{Paragraph: 5, EndParagraph: 9, Kind: briefing.Turn}}},
	} {
		c.Apply(b)
		checkInvariants(t, c, b)
	}
}

// namesIn returns the names the classifier finds in one paragraph of text.
func namesIn(c *Classifier, text string) []string {
	b := &briefing.Briefing{Paragraphs: []briefing.Paragraph{{Text: text, Role: briefing.Body}}}
	st := newState(c, b)
	defer st.release()
	_, ids := st.scoreText(text, make([]float32, st.nt), nil, true)
	var out []string
	for _, id := range ids {
		out = append(out, st.nameText[id])
	}
	return out
}

// TestNames checks which capitalised runs count as names for section
// titles: not someone greeted or called on to ask, not a headline in title
// case, not a fragment of one.
func TestNames(t *testing.T) {
	c := NewClassifier(nil)
	cases := []struct {
		text string
		want []string
	}{
		{"The President will meet Prime Minister Kishida in Tokyo next week.", []string{"Kishida", "Tokyo"}},
		{"Thanks, John. We are watching the situation closely.", nil},
		{"Go ahead, Zeke. We are watching the situation closely.", nil},
		{"Thank you for the question. Let’s go to Zeke Miller.", nil},
		{"And, first, we will go to Nandita Bose.", nil},
		{"Our last question will come from Justin Sink.", nil},
		{"Next, we'll go to Josh Boak with the AP.", []string{"AP"}},
		{"We spoke about it aboard Air Force One En Route Fort Myers, Florida, today.", []string{"Florida"}},
		{"The leaders opened the India Advanced Materials R&D Forum in Delhi.", []string{"Delhi"}},
		{"The deal with Johnson & Johnson covers vaccines.", []string{"Johnson & Johnson"}},
		{"We will open the call for Q&A; it is embargoed until 5:00 a.m. Eastern.", nil},
		{"The memo went to the Department of Defense on Friday.", []string{"Department of Defense"}},
		{"President Donald J. Trump’s bill passed, as did the USS Dwight D. Eisenhower refit.", []string{"Donald J. Trump", "USS Dwight D. Eisenhower"}},
		{"He said no. Then he left.", nil},
	}
	for _, tc := range cases {
		if got := namesIn(c, tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("names in %q = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestTitlesLeaveOutReportersCalledOn checks that a reporter called on
// by name is not what a section's title names, even where a question
// names the reporter again.
func TestTitlesLeaveOutReportersCalledOn(t *testing.T) {
	text := `# source: test

MS. PATTERSON: Thanks for the question. Next, we’ll go to Josh Boak.

Q Thanks. Following on what Nandita was asking: will the tariffs on steel imports from Canada hold, and what about the trade deficit with Mexico?

MS. SMITH: The tariffs on Canada and Mexico stay, and Josh, the trade deficit will shrink as exports rise. Ottawa knows it.

MS. PATTERSON: And now we’ll go to Nandita Bose.

Q Josh covered tariffs. On the Pentagon budget: how many troops and warships does the Navy plan for the Pacific?

MS. SMITH: The Navy and the Pentagon will add warships, and Nandita, the troops in Guam stay.`
	b := parseForTest(t, "test.txt", []byte(text))
	NewClassifier(nil).Apply(b)
	if len(b.Sections) == 0 {
		t.Fatal("no sections")
	}
	for _, s := range b.Sections {
		for _, who := range []string{"Josh", "Boak", "Nandita", "Bose"} {
			if strings.Contains(s.Title, who) {
				t.Errorf("section title %q names reporter %s", s.Title, who)
			}
		}
	}
}

// TestOneWordNames checks that the word cache's shapeNoName, which names
// of one word go by, says what runName says of the word: no name.
func TestOneWordNames(t *testing.T) {
	c := NewClassifier(nil)
	st := newState(c, &briefing.Briefing{})
	defer st.release()
	words := []string{"Kishida", "Tokyo", "The", "President", "Monday", "January", "Senator",
		"But", "New", "First", "America", "USA", "NATO", "Q", "I", "AP", "Ürümqi", "Él", "X1", "Zeke"}
	stops := 0
	for _, w := range words {
		st.tz.reset(w)
		if len(st.tz.toks) != 1 {
			t.Fatalf("%q is %d tokens", w, len(st.tz.toks))
		}
		info := st.wordInfo(&st.tz.toks[0])
		if info.shape&shapeUpper == 0 {
			t.Fatalf("%q is not capitalised", w)
		}
		noName := st.runName(hashWord(w), w) == ""
		if got := info.shape&shapeNoName != 0; got != noName {
			t.Errorf("%q: shapeNoName %v, runName says no name %v", w, got, noName)
		}
		if noName {
			stops++
		}
	}
	if stops == 0 || stops == len(words) {
		t.Errorf("%d of %d words are no names: the test tells nothing", stops, len(words))
	}
}

func TestSectionTitle(t *testing.T) {
	for _, tc := range []struct {
		label string
		names []string
		want  string
	}{
		{"General", nil, "General"},
		{"Trade", []string{"Canada"}, "Trade · Canada"},
		{"Defence", []string{"Hegseth", "NATO", "Rutte"}, "Defence · Hegseth, NATO, Rutte"},
	} {
		if got := sectionTitle(tc.label, tc.names); got != tc.want {
			t.Errorf("sectionTitle(%q, %q) = %q, want %q", tc.label, tc.names, got, tc.want)
		}
	}
}

// TestStopNameSets checks isStopName, which looks words up in the unions
// stopTitles and stopWords, against the sets one by one.
func TestStopNameSets(t *testing.T) {
	slow := func(name string) bool {
		return stopNames[name] || lexicon.Weekdays.HasTitle(name) || lexicon.Months.HasTitle(name) ||
			lexicon.NameTitles.HasTitle(name) || lowerIn(name, functionWords) || lowerIn(name, ordinaryWords) ||
			utf8.RuneCountInString(name) < 2
	}
	var words []string
	for _, set := range []map[string]bool{stopNames, functionWords, ordinaryWords, lexicon.Weekdays, lexicon.Months, lexicon.NameTitles} {
		for w := range set {
			words = append(words, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:])
		}
	}
	words = append(words, "Kishida", "Tokyo", "É", "Ü", "X", "NATO", "mONDAY")
	stops := 0
	for _, w := range words {
		if got, want := isStopName(w), slow(w); got != want {
			t.Errorf("isStopName(%q) = %v, want %v", w, got, want)
		}
		if slow(w) {
			stops++
		}
	}
	if stops == 0 || stops == len(words) {
		t.Errorf("%d of %d words are stop names: the test tells nothing", stops, len(words))
	}
}
