package parse

import (
	"slices"
	"strings"
	"testing"

	"github.com/brief-reader/brief/internal/briefing"
)

// TestNewsAttribution covers the shapes of newspaper and wire copy, one
// short synthetic article per rule (written for the test, in the shape the
// news corpora show): who each direct quote belongs to.
func TestNewsAttribution(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // direct quotes: "Speaker|direct|text"
	}{
		{
			name: "a partial quote after a naming verb is the subject's",
			text: "Maria Ortiz, the city's housing commissioner, criticised the court on Tuesday.\n\nOrtiz called the ruling “a disgrace” and promised an appeal.\n",
			want: []string{"Maria Ortiz|direct|a disgrace"},
		},
		{
			name: "a partial quote inside reported speech, however short",
			text: "Health Minister Anita Rao spoke in Ottawa.\n\nRao said she was “deeply troubled” by the report.\n",
			want: []string{"Anita Rao|direct|deeply troubled"},
		},
		{
			name: "a partial quote with its attribution closing the sentence",
			text: "Band leader Darla Quinn spoke on Friday.\n\nThe drummer was “very committed” to the tour, Quinn said.\n",
			want: []string{"Darla Quinn|direct|very committed"},
		},
		{
			name: "he refers to the person just introduced as the subject",
			text: "“We will keep the port open,” said harbour master Leo Brandt.\n\nTomas Varga with the dockworkers' union came to the meeting to speak for the crews.\n\n“The crews have not been paid in two months,” he said.\n",
			want: []string{
				"Leo Brandt|direct|We will keep the port open",
				"Tomas Varga|direct|The crews have not been paid in two months",
			},
		},
		{
			name: "lower-case descriptions before a name are its role",
			text: "“We lost every race to the ball after the break,” said Harriers head coach Nils Ekdahl.\n",
			want: []string{"Nils Ekdahl|direct|We lost every race to the ball after the break"},
		},
		{
			name: "a parliamentary title after a name",
			text: "Bram Tolliver, Fernvale MP, said he handed out leaflets at the market.\n\n“We want the capital to hear the valley for once,” he said.\n",
			want: []string{"Bram Tolliver|direct|We want the capital to hear the valley for once"},
		},
		{
			name: "a question before the name that asked it",
			text: "Golfer Maren Oduya laughed at the draw.\n\n“Are there prizes?” Oduya asked before teeing off.\n",
			want: []string{"Maren Oduya|direct|Are there prizes?"},
		},
		{
			name: "a quote closed by its own mark keeps the attribution before it",
			text: "Senator Jane Doe met Governor John Roe.\n\nDoe said: “We will pass the bill this week.” Roe said he agreed.\n",
			want: []string{"Jane Doe|direct|We will pass the bill this week."},
		},
		{
			name: "a description and an honorific before the name",
			text: "“Sleep matters more than diet for recovery,” said lead author Dr. Helena Strand, a physician at the institute.\n",
			want: []string{"Helena Strand|direct|Sleep matters more than diet for recovery"},
		},
		{
			name: "quoted as saying",
			text: "Mayor Piet Allard put out a notice.\n\n“The road budget is simply exhausted,” he was quoted as saying on Monday.\n",
			want: []string{"Piet Allard|direct|The road budget is simply exhausted"},
		},
		{
			name: "a description and an age around a new subject",
			text: "Doctor Pia Lorne said the results were good.\n\nRetired bus driver Olwen Pryce, 63, says the classes suited her. “I now walk to the harbour every morning,” she says.\n",
			want: []string{"Olwen Pryce|direct|I now walk to the harbour every morning"},
		},
		{
			name: "a short quote standing as its own sentence continues the speaker",
			text: "Idris Mabon, a student at the college, spoke to reporters.\n\n“At first the hum stopped after an hour,” Mabon said. “It wasn’t over yet.”\n",
			want: []string{"Idris Mabon|direct|At first the hum stopped after an hour", "Idris Mabon|direct|It wasn’t over yet."},
		},
		{
			name: "a bare quote after reported speech goes on with its speaker",
			text: "Economist Willem Dunmore said the losses reach well past the farms.\n\n“I think the task now is to measure how deep these losses really run.”\n\nIn a statement, Mr. Dunmore said his team would release more. “The aim of the survey is to help growers plan the next season.”\n",
			want: []string{"Willem Dunmore|direct|I think the task now is to measure how deep these losses really run.", "Willem Dunmore|direct|The aim of the survey is to help growers plan the next season."},
		},
		{
			name: "a description opened by another, between name and verb",
			text: "Marcus Feld, another GOP county commissioner, called it “plainly absurd” for the tenants.\n",
			want: []string{"Marcus Feld|direct|plainly absurd"},
		},
		{
			name: "a possessive description between name and verb",
			text: "“They are eager to test odd formats,” Lena Vask, Brightline’s head of sponsored content, said of the launch.\n",
			want: []string{"Lena Vask|direct|They are eager to test odd formats"},
		},
		{
			name: "a party and state in parentheses after the name",
			text: "“No witness gets to walk in here and refuse every single question,” Rep. Owen Teller (R-Kan.) said.\n",
			want: []string{"Owen Teller|direct|No witness gets to walk in here and refuse every single question"},
		},
		{
			name: "several partial quotes after a participle",
			text: "Gov. Alma Ruskin endorsed him, citing his “steady temper,” “deep knowledge of the budget” and stamina.\n",
			want: []string{"Alma Ruskin|direct|steady temper", "Alma Ruskin|direct|deep knowledge of the budget"},
		},
		{
			name: "a relative clause between name and verb",
			text: "Vic Harrow, who had lost his union’s leadership vote, called for a “clean sweep” at the congress.\n",
			want: []string{"Vic Harrow|direct|clean sweep"},
		},
		{
			name: "a definite description with no title to match is the person the text is about",
			text: "Coach Ray Dunn praised the team.\n\nDefender Caleb Wendt scored his first goal late in the third period.\n\n“I will probably frame the puck once I get home,” said the 31-year-old midfielder.\n",
			want: []string{"Caleb Wendt|direct|I will probably frame the puck once I get home"},
		},
		{
			name: "a place qualifying the description before a name",
			text: "“Every gallery turned me down the first year,” says Guelph potter Mira Loesch, whose studio was once a chapel.\n",
			want: []string{"Mira Loesch|direct|Every gallery turned me down the first year"},
		},
		{
			name: "a title in quotation marks inside reported speech is no quote",
			text: "Oren Blay said on Wednesday that the “Fresh Start” plan helped him save money.\n",
			want: nil,
		},
		{
			name: "a says-parenthetical before a partial quote",
			text: "The puzzle of Edith, says Lars Moberg, an archivist at the museum, is that she was “the quietest reformer in the family” of her era.\n",
			want: []string{"Lars Moberg|direct|the quietest reformer in the family"},
		},
		{
			name: "the attribution closes a long sentence after the quote",
			text: "“Most people would call that a setback for him” if he won by so little, said Fiona Bright, a pollster at the Harbour Survey Group.\n",
			want: []string{"Fiona Bright|direct|Most people would call that a setback for him"},
		},
		{
			name: "a subject pronoun about someone unnamed teaches no gender",
			text: "County Prosecutor Gil Varne said the clerk was found behind the counter, breathing. She was flown to a trauma unit, where she died.\n\n“During the call, the dispatcher could hear glass breaking,” Lt. Ian Pell said.\n\nThe charge carries a possible sentence of twenty years, Varne said.\n\n“It is too soon to say anything more on that today,” he said.\n",
			want: []string{"Ian Pell|direct|During the call, the dispatcher could hear glass breaking", "Gil Varne|direct|It is too soon to say anything more on that today"},
		},
		{
			name: "a plural group is no person",
			text: "But what if she loses? Don’t Democrats face a longer recess without her? “We will contest every single seat,” a party official said.\n",
			want: []string{"Party official|direct|We will contest every single seat"},
		},
		{
			name: "a title, a name, and the place the person is from",
			text: "“Term limits are a headache for the board,” said Sen. Wade Holloway of Nevada.\n\nKira Lund, a manager with Grain Growers of Manitoba, said her group would carry on. “We will keep pushing for it anyway,” she said.\n",
			want: []string{"Wade Holloway|direct|Term limits are a headache for the board", "Kira Lund|direct|We will keep pushing for it anyway"},
		},
		{
			name: "a photo credit before a caption is no part of a name",
			text: "Rhona Fell / Sipa Images via Getty Images Tobias Marr at a harbour ceremony in Cork.\n\nMarr said he would choose within days. “This is the hardest call I have had to make,” he said.\n",
			want: []string{"Tobias Marr|direct|This is the hardest call I have had to make"},
		},
		{
			name: "a possessive or an outlet before a full name is an affiliation",
			text: "“The figures move every few days,” Flickr’s Oona Decker said.\n\n“The city ought to have signed the pact years ago,” Harbour Times Piet Vandam wrote.\n",
			want: []string{"Oona Decker|direct|The figures move every few days", "Piet Vandam|direct|The city ought to have signed the pact years ago"},
		},
		{
			name: "the speaker inverted after the verb when the name before the comma is an object",
			text: "“The harbour will not reopen before spring” unless Halden can persuade Moreau, said Dale Pruitt, deputy manager of the port union.\n",
			want: []string{"Dale Pruitt|direct|The harbour will not reopen before spring"},
		},
		{
			name: "a lower-case title opening the description between name and verb",
			text: "“Our orchards lost half their blossoms in one night,” R. Gerald Hobart, executive director of the Valley Growers Council, said in an interview.\n",
			want: []string{"R. Gerald Hobart|direct|Our orchards lost half their blossoms in one night"},
		},
		{
			name: "a description holding a comma of its own",
			text: "Greta Marin, a county official who works with Bridgeway, a housing charity, said the new rules were “long overdue” for renters.\n",
			want: []string{"Greta Marin|direct|long overdue"},
		},
		{
			name: "a plural possessive opening the description",
			text: "“The ferry schedule has to change by June,” Jonas Ekberg, Rawlings’ campaign manager, said.\n\n“Nobody can commute on two boats a day.”\n",
			want: []string{"Jonas Ekberg|direct|The ferry schedule has to change by June", "Jonas Ekberg|direct|Nobody can commute on two boats a day."},
		},
		{
			name: "a person of a named body, with an aside after the verb's object",
			text: "As Bishop Aram Sarkis of the Eastern Diocese of Haifa told the Canadian Press (CP), “The bells will ring again on Sunday.” Phil Mosser of consulting firm IMGX said: “The lake level is the lowest in a decade.”\n",
			want: []string{"Aram Sarkis|direct|The bells will ring again on Sunday.", "Phil Mosser|direct|The lake level is the lowest in a decade."},
		},
		{
			name: "a surname subject keeps the person it names salient",
			text: "Police chief Hugo Brandt spoke first.\n\nKarl Besson, 27, pleaded guilty to arson.\n\nBrandt said the case was closed. Besson had collected newspaper clippings about fires. He told the court the blazes were his “masterpieces.”\n",
			want: []string{"Karl Besson|direct|masterpieces."},
		},
		{
			name: "a speaker quoting someone else inside their own quote keeps the quote",
			text: "“We argued for hours about the budget,” recalled Gus Talbot. “She said, ‘I will sign it tonight or not at all.’”\n",
			want: []string{"Gus Talbot|direct|We argued for hours about the budget", "Gus Talbot|direct|She said, ‘I will sign it tonight or not at all.’"},
		},
		{
			name: "a capitalised epithet after the is the person the text is about",
			text: "Senator Abel Marsh defended the dam project.\n\n“The river towns have waited thirty years for flood protection,” the Iowa Democrat said.\n",
			want: []string{"Abel Marsh|direct|The river towns have waited thirty years for flood protection"},
		},
		{
			name: "a fronted clause's verb gives way to the main clause's",
			text: "Paula Smyth read a toast that Rita Moss drafted. Despite what Smyth said at the dinner, Moss said she “never liked the groom” at all.\n",
			want: []string{"Rita Moss|direct|never liked the groom"},
		},
		{
			name: "a named holiday is no person",
			text: "Anton Reeve lives in a rooming house.\n\nOn Boxing Day, he plans to cook for four neighbours. “I bought a turkey big enough for a football team,” he says.\n",
			want: []string{"Anton Reeve|direct|I bought a turkey big enough for a football team"},
		},
		{
			name: "a common-noun description after the verb",
			text: "Bakery owner Teodor Malik opened the shop last year.\n\nThe smallest cake he bakes is tiny. “Two bites!” says the cheerful proprietor.\n",
			want: []string{"Teodor Malik|direct|Two bites!"},
		},
		{
			name: "a verb of judging before a partial quote",
			text: "In March, Dora Fenwick blasted the airline for its “shameful baggage fees” on short flights.\n",
			want: []string{"Dora Fenwick|direct|shameful baggage fees"},
		},
		{
			name: "an adverb in -ly between the subject and its verb",
			text: "Candidate Hilde Brannock proudly reminds voters that she is a “farm kid first” on the trail.\n",
			want: []string{"Hilde Brannock|direct|farm kid first"},
		},
		{
			name: "an outlet reported it, a host pressed",
			text: "Asked about the merger, Canoza said, “Not today,” The Lakeside Courier reported.\n\n“Would the plant stay open?” Bert Lomax pressed.\n",
			want: []string{"Lakeside Courier|direct|Not today", "Bert Lomax|direct|Would the plant stay open?"},
		},
		{
			name: "a plain description between name and verb",
			text: "Mavis Ostrow, a longtime library supporter, said that the branches “close far too early” on weekdays.\n",
			want: []string{"Mavis Ostrow|direct|close far too early"},
		},
		{
			name: "an affiliation after the name the verb inverts",
			text: "The vote “came before most members had read the contract,” said Cyril Ambler of the Transit Workers Caucus.\n",
			want: []string{"Cyril Ambler|direct|came before most members had read the contract"},
		},
		{
			name: "a party and state in parentheses after the subject",
			text: "Sen. Ansel Moody (I-Me.) on Monday attacked the fishing quota, saying it goes “far beyond what the stocks can bear.”\n",
			want: []string{"Ansel Moody|direct|far beyond what the stocks can bear."},
		},
		{
			name: "an initialism inside the description between name and verb",
			text: "“Every spring the rumour is that the mill will close,” Hal Ostby, a former organizer for the I.W.A.-C.L.C. and shop steward, wrote in an email.\n",
			want: []string{"Hal Ostby|direct|Every spring the rumour is that the mill will close"},
		},
		{
			name: "an abbreviated title keeps its sentence",
			text: "“The hearing ran four hours and settled nothing,” said Del. Mora Quintal of the Amber Islands.\n",
			want: []string{"Mora Quintal|direct|The hearing ran four hours and settled nothing"},
		},
		{
			name: "a bare quote after one narrative paragraph that names no one else continues the speaker",
			text: "“Most of the herd came through the winter in good shape,” Alma Gartner said.\n\nFeed prices doubled over the same months, and two neighbouring farms sold their cattle.\n\n“And if the hay crop fails again, we will have to sell half of ours too.”\n",
			want: []string{"Alma Gartner|direct|Most of the herd came through the winter in good shape", "Alma Gartner|direct|And if the hay crop fails again, we will have to sell half of ours too."},
		},
		{
			name: "a narrative paragraph naming someone else or reporting speech ends the speaker's reach",
			text: "“Most of the herd came through the winter in good shape,” Alma Gartner said.\n\nThe worst losses fell on Tom Reyes, whose barn burned down in February.\n\n“And if the hay crop fails again, we will have to sell half of ours too.”\n\nSeveral lenders noted that the relief fund had run dry by March.\n\n“We can only hope the province steps in before the next winter comes.”\n",
			want: []string{"Alma Gartner|direct|Most of the herd came through the winter in good shape"},
		},
		{
			name: "a title decides between two people sharing a surname",
			text: "Sen. Owen Hale opened the county fair on Friday.\n\nHis wife, Ruth Hale, judged the pie contest.\n\n“This fair is the best week of the summer,” Senator Hale said.\n",
			want: []string{"Owen Hale|direct|This fair is the best week of the summer"},
		},
		{
			name: "as someone puts it, before a quote or a partial quote",
			text: "As The Herald's Inez Calloway puts it, “The council is split, and the mayor is tired.”\n\nThe mine, which owed its revival to, as a company spokesman put it, a “lucky copper price” last year, closed again.\n",
			want: []string{"Inez Calloway|direct|The council is split, and the mayor is tired.", "Company spokesman|direct|lucky copper price"},
		},
		{
			name: "exhorted is a speech verb",
			text: "Senator Basil Vorn spoke at the fair. Vorn exhorted farmers to “keep every receipt” this year.\n",
			want: []string{"Basil Vorn|direct|keep every receipt"},
		},
		{
			name: "a description with no title between name and verb",
			text: "Tessa Morrow, the village school graduate, said “the library saved my summers” as a child.\n",
			want: []string{"Tessa Morrow|direct|the library saved my summers"},
		},
		{
			name: "a kinship word gives the gender of the name after it",
			text: "Noor Saade came to Moncton in 2017 with her son, Karim Azar.\n\nKarim Azar is training as an electrician now.\n\n“I started sewing again so my evenings would not feel empty,” she said.\n",
			want: []string{"Noor Saade|direct|I started sewing again so my evenings would not feel empty"},
		},
		{
			name: "a partial quote named in the passive by its agent",
			text: "This habit of the committee has been called “polite paralysis” by Ilka Sorensen, a professor at Dalhousie University.\n",
			want: []string{"Ilka Sorensen|direct|polite paralysis"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := parseString(t, "story.txt", "A headline for the story\n\n"+tc.text)
			got := quoteSummary(b, briefing.Direct)
			if !slices.Equal(got, tc.want) {
				t.Errorf("quotes:\n got  %q\n want %q", got, tc.want)
			}
		})
	}
}

// TestOrganisationsAndUnnamedSources checks that institutions and people
// quoted by description are speakers of their own kinds.
func TestOrganisationsAndUnnamedSources(t *testing.T) {
	tests := []struct {
		text string
		name string
		kind briefing.SpeakerKind
	}{
		{"“The audit will run until the spring,” the OPP said in a statement.", "OPP", briefing.Organization},
		{"“Cheese belongs in a balanced diet,” the Maritime Cheese Association said.", "Maritime Cheese Association", briefing.Organization},
		{"“We will appeal the ruling at once,” the ministry said in a statement.", "Ministry", briefing.Organization},
		{"“Nobody has told us anything about it,” a Treasury spokeswoman said.", "Treasury spokeswoman", briefing.Unnamed},
		{"“Prices will rise for every family,” an industry lobbyist said.", "Industry lobbyist", briefing.Unnamed},
		{"“The suspect fled on foot toward the river,” police said.", "Police", briefing.Organization},
		{"The Maritime Cheese Association said cheese is “a valued part of every meal.” The statement warned of “lasting harm” to small dairies.", "Maritime Cheese Association", briefing.Organization},
		{"The diocese released a fresh statement on Friday, saying an “outside-counsel review” would examine the complaints.", "Diocese", briefing.Organization},
		{"The Maritime Cheese Association said cheese is “a valued part of every meal” for families.", "Maritime Cheese Association", briefing.Organization},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := parseString(t, "story.txt", "A headline for the story\n\n"+tc.text+"\n")
			if len(b.Speakers) != 1 || b.Speakers[0].Name != tc.name || b.Speakers[0].Kind != tc.kind || b.Speakers[0].Quotes != strings.Count(tc.text, "“") {
				t.Errorf("speakers = %+v, want %s (%s) with every quote", b.Speakers, tc.name, tc.kind)
			}
		})
	}
}

// TestPartialQuotesAreMarked checks the JSON flag: words quoted inside
// reported speech are direct quotes marked partial; a quote standing as
// its own sentence is not.
func TestPartialQuotesAreMarked(t *testing.T) {
	b := parseString(t, "story.txt", "Maria Ortiz spoke on Tuesday.\n\nOrtiz called the ruling “a disgrace.” “We will appeal this decision at once,” she said.\n")
	var partial []bool
	for _, q := range b.Quotes {
		if q.Kind == briefing.Direct {
			partial = append(partial, q.Partial)
		}
	}
	if want := []bool{true, false}; !slices.Equal(partial, want) {
		t.Errorf("partial flags %v, want %v", partial, want)
	}
}

// TestLoneFullStopLinesBreakParagraphs checks the scraping residue of one
// news corpus: paragraphs separated by lines holding only " .".
func TestLoneFullStopLinesBreakParagraphs(t *testing.T) {
	got := plainBlocks("First paragraph.\n .\nSecond paragraph\ngoes on.\n.\nThird.")
	var texts []string
	for _, b := range got {
		texts = append(texts, b.text)
	}
	if want := []string{"First paragraph.", "Second paragraph goes on.", "Third."}; !slices.Equal(texts, want) {
		t.Errorf("blocks %q, want %q", texts, want)
	}
}

// TestLabelUsedOnceStartsTurn checks that a role label heard once
// ("UNIDENTIFIED:") opens its own turn instead of running into the
// previous speaker's.
func TestLabelUsedOnceStartsTurn(t *testing.T) {
	b := parseString(t, "interview.txt", "Interview transcript\n\nJANE DOE: We will pass the bill this week.\n\nQ: When?\n\nJANE DOE: Soon enough, I hope.\n\nUNIDENTIFIED: That is not true at all.\n\nJANE DOE: It is.\n")
	got := quoteSummary(b, briefing.Turn)
	want := []string{
		"Jane Doe|turn|We will pass the bill this week.",
		"Reporter|turn|When?",
		"Jane Doe|turn|Soon enough, I hope.",
		"Unidentified|turn|That is not true at all.",
		"Jane Doe|turn|It is.",
	}
	if !slices.Equal(got, want) {
		t.Errorf("turns:\n got  %q\n want %q", got, want)
	}
}

// TestSourceURL checks that a briefing knows where it is published: front
// matter's source_url, or a "# source:" line holding a web address; any
// other scheme is no web address.
func TestSourceURL(t *testing.T) {
	tests := []struct{ path, text, want string }{
		{"a.md", "---\ntitle: A\nsource: The White House\nsource_url: https://www.whitehouse.gov/briefings/a/\n---\n\nText.\n", "https://www.whitehouse.gov/briefings/a/"},
		{"b.txt", "# source: https://news.example.org/world/b\n\nHeadline\n\nText.\n", "https://news.example.org/world/b"},
		{"c.md", "---\ntitle: C\nsource_url: javascript:alert(1)\n---\n\nText.\n", ""},
		{"d.txt", "Headline\n\nText.\n", ""},
	}
	for _, tc := range tests {
		if got := parseString(t, tc.path, tc.text).SourceURL; got != tc.want {
			t.Errorf("%s: SourceURL %q, want %q", tc.path, got, tc.want)
		}
	}
}

// TestDeedsAreNotSpeech checks verbs that tell of deeds as well as speech:
// a team that replied with a goal reported nothing.
func TestDeedsAreNotSpeech(t *testing.T) {
	b := parseString(t, "match.txt", "Harriers beat Lynx\n\nKelso Vale replied only 40 seconds later with a goal. Thornbury responded a few minutes after that. The club posted a video of the striker.\n\nCoach Ray Dunn replied that the team had played well.\n")
	got := quoteSummary(b, briefing.Reported)
	if want := []string{"Ray Dunn|reported|Coach Ray Dunn replied that the team had played well."}; !slices.Equal(got, want) {
		t.Errorf("reported:\n got  %q\n want %q", got, want)
	}
}
