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
			text: "“They beat us on every loose puck tonight,” said Oilers head coach Ken Hitchcock.\n",
			want: []string{"Ken Hitchcock|direct|They beat us on every loose puck tonight"},
		},
		{
			name: "a parliamentary title after a name",
			text: "Jim Eglin, Yellowhead MP, said he drove around with signs.\n\n“We are trying to make a point so Ottawa listens,” he said.\n",
			want: []string{"Jim Eglin|direct|We are trying to make a point so Ottawa listens"},
		},
		{
			name: "a question before the name that asked it",
			text: "Golfer Brittany Lind laughed at the draw.\n\n“Are there prizes?” Lind asked before teeing off.\n",
			want: []string{"Brittany Lind|direct|Are there prizes?"},
		},
		{
			name: "a quote closed by its own mark keeps the attribution before it",
			text: "Senator Jane Doe met Governor John Roe.\n\nDoe said: “We will pass the bill this week.” Roe said he agreed.\n",
			want: []string{"Jane Doe|direct|We will pass the bill this week."},
		},
		{
			name: "a description and an honorific before the name",
			text: "“Working age matters most for long-term outcomes,” said lead author Dr. Alan Garfield, a specialist at the university.\n",
			want: []string{"Alan Garfield|direct|Working age matters most for long-term outcomes"},
		},
		{
			name: "quoted as saying",
			text: "Mayor Dan McCall released a statement.\n\n“The debt load is simply untenable,” he was quoted as saying in the release.\n",
			want: []string{"Dan McCall|direct|The debt load is simply untenable"},
		},
		{
			name: "a description and an age around a new subject",
			text: "Doctor Erin Kimball said the results were good.\n\nElementary school teacher Teresa Galati, 56, says the program helped her. “I have learned to take time to meditate,” she says.\n",
			want: []string{"Teresa Galati|direct|I have learned to take time to meditate"},
		},
		{
			name: "a short quote standing as its own sentence continues the speaker",
			text: "Kenza Tarek, a student at the university, spoke to reporters.\n\n“But then it disappeared rapidly afterwards,” Tarek said. “It didn’t get better.”\n",
			want: []string{"Kenza Tarek|direct|But then it disappeared rapidly afterwards", "Kenza Tarek|direct|It didn’t get better."},
		},
		{
			name: "a bare quote after reported speech goes on with its speaker",
			text: "Cardiologist Allan Garber said the costs reach far beyond patients.\n\n“I think the goal here needs to be to understand the magnitude of these problems.”\n\nIn a statement, Mr. Garber said his group would publish more. “The purpose of the study is to help people get back to work.”\n",
			want: []string{"Allan Garber|direct|I think the goal here needs to be to understand the magnitude of these problems.", "Allan Garber|direct|The purpose of the study is to help people get back to work."},
		},
		{
			name: "a description opened by another, between name and verb",
			text: "John Schick, another GOP state senator, called it “completely unfair” for the students.\n",
			want: []string{"John Schick|direct|completely unfair"},
		},
		{
			name: "a possessive description between name and verb",
			text: "“They are very open to trying new things,” Jenna Gold, Twitter’s director of political advertising, said of the campaign.\n",
			want: []string{"Jenna Gold|direct|They are very open to trying new things"},
		},
		{
			name: "a party and state in parentheses after the name",
			text: "“We cannot have people come here and deny the right to question them,” Rep. John Mika (R-Fla.) said.\n",
			want: []string{"John Mika|direct|We cannot have people come here and deny the right to question them"},
		},
		{
			name: "several partial quotes after a participle",
			text: "Gov. Jerry Browne endorsed her, citing her “long experience,” “firm grasp of the issues” and preparedness.\n",
			want: []string{"Jerry Browne|direct|long experience", "Jerry Browne|direct|firm grasp of the issues"},
		},
		{
			name: "a relative clause between name and verb",
			text: "Pat Buchan, who had failed to win his party’s nomination, called for a “religious war” at the convention.\n",
			want: []string{"Pat Buchan|direct|religious war"},
		},
		{
			name: "a definite description with no title to match is the person the text is about",
			text: "Coach Ray Dunn praised the team.\n\nDefender Caleb Jonas scored his first goal late in the third period.\n\n“I will have a little smile about it in a couple of days,” said the 31-year-old midfielder.\n",
			want: []string{"Caleb Jonas|direct|I will have a little smile about it in a couple of days"},
		},
		{
			name: "a place qualifying the description before a name",
			text: "“Every publisher rejected me at first,” says Cambridge cartoonist Andre Campion, whose hero uses a wheelchair.\n",
			want: []string{"Andre Campion|direct|Every publisher rejected me at first"},
		},
		{
			name: "a title in quotation marks inside reported speech is no quote",
			text: "Nick Sand said on Wednesday that the “Active Living” program helped him lose weight.\n",
			want: nil,
		},
		{
			name: "a says-parenthetical before a partial quote",
			text: "The paradox of Nora, says Carl Antony, a historian at the library, is that she was “one of the most powerful first ladies” of her time.\n",
			want: []string{"Carl Antony|direct|one of the most powerful first ladies"},
		},
		{
			name: "the attribution closes a long sentence after the quote",
			text: "“Many would consider that an embarrassment for her” if she lost by that margin, said David Wassman, an elections analyst at the Cook Political Report.\n",
			want: []string{"David Wassman|direct|Many would consider that an embarrassment for her"},
		},
		{
			name: "a subject pronoun about someone unnamed teaches no gender",
			text: "Prosecuting Attorney Tim Lohan said the victim was found in the bedroom, alive. She was taken to an area hospital, where she died.\n\n“During that call, the operator could hear gunshots,” Lt. Tom Wilk said.\n\nEach of the charges carries a possible penalty of life in prison, Lohan said.\n\n“It is premature to make any pronouncement about that right now,” he said.\n",
			want: []string{"Tom Wilk|direct|During that call, the operator could hear gunshots", "Tim Lohan|direct|It is premature to make any pronouncement about that right now"},
		},
		{
			name: "a plural group is no person",
			text: "But what if she wins? Don’t Republicans run the risk of more liberal nominees? “We will fight every one of them,” a party official said.\n",
			want: []string{"Party official|direct|We will fight every one of them"},
		},
		{
			name: "a title, a name, and the place the person is from",
			text: "“Superdelegates are a problem for the party,” said Sen. Brian Schatz of Hawaii.\n\nLee Finn, a manager with Dairy Farmers of Canada, said her group would go on. “We are still going to encourage it,” she said.\n",
			want: []string{"Brian Schatz|direct|Superdelegates are a problem for the party", "Lee Finn|direct|We are still going to encourage it"},
		},
		{
			name: "a photo credit before a caption is no part of a name",
			text: "Niall Carr / PA Images via Getty Images Kevin Vick at a state ceremony in Dublin.\n\nKevin Vick said he would decide soon. “It is the loneliest moment of my life,” he said.\n",
			want: []string{"Kevin Vick|direct|It is the loneliest moment of my life"},
		},
		{
			name: "a possessive or an outlet before a full name is an affiliation",
			text: "“The numbers shift week to week,” Twitter’s Adam Sharpe said.\n\n“Israel should have been one of the first to recognise it,” Washington Post Ishaan Tharor wrote.\n",
			want: []string{"Adam Sharpe|direct|The numbers shift week to week", "Ishaan Tharor|direct|Israel should have been one of the first to recognise it"},
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
			text: "“The ferry schedule has to change by June,” Joe Weller, Mathers’ campaign manager, said.\n\n“Nobody can commute on two boats a day.”\n",
			want: []string{"Joe Weller|direct|The ferry schedule has to change by June", "Joe Weller|direct|Nobody can commute on two boats a day."},
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
			text: "“We argued for hours about the budget,” recalled Ben Rhoades. “She said, ‘I will sign it tonight or not at all.’”\n",
			want: []string{"Ben Rhoades|direct|We argued for hours about the budget", "Ben Rhoades|direct|She said, ‘I will sign it tonight or not at all.’"},
		},
		{
			name: "a capitalised epithet after the is the person the text is about",
			text: "Senator Mitch Conley defended the dam project.\n\n“The river towns have waited thirty years for flood protection,” the Ohio Democrat said.\n",
			want: []string{"Mitch Conley|direct|The river towns have waited thirty years for flood protection"},
		},
		{
			name: "a fronted clause's verb gives way to the main clause's",
			text: "Paula Smyth read a toast that Rita Moss drafted. Despite what Smyth said at the dinner, Moss said she “never liked the groom” at all.\n",
			want: []string{"Rita Moss|direct|never liked the groom"},
		},
		{
			name: "a named holiday is no person",
			text: "Denis Brook lives in a rooming house.\n\nOn Boxing Day, he plans to cook for four neighbours. “I bought a turkey big enough for a football team,” he says.\n",
			want: []string{"Denis Brook|direct|I bought a turkey big enough for a football team"},
		},
		{
			name: "a common-noun description after the verb",
			text: "Bakery owner Alfonso Espino opened the shop last year.\n\nThe smallest order he takes is tiny. “A dozen!” says the cheerful proprietor.\n",
			want: []string{"Alfonso Espino|direct|A dozen!"},
		},
		{
			name: "a verb of judging before a partial quote",
			text: "In March, Dora Fenwick blasted the airline for its “shameful baggage fees” on short flights.\n",
			want: []string{"Dora Fenwick|direct|shameful baggage fees"},
		},
		{
			name: "an adverb in -ly between the subject and its verb",
			text: "Candidate Hilda Crane proudly reminds voters that she is a “farm kid first” on the trail.\n",
			want: []string{"Hilda Crane|direct|farm kid first"},
		},
		{
			name: "an outlet reported it, a host pressed",
			text: "Asked about the merger, Canoza said, “Not today,” The Lakeside Courier reported.\n\n“Would the plant stay open?” Sean Hanley pressed.\n",
			want: []string{"Lakeside Courier|direct|Not today", "Sean Hanley|direct|Would the plant stay open?"},
		},
		{
			name: "a plain description between name and verb",
			text: "Randa Weingold, a longtime library supporter, said that the branches “close far too early” on weekdays.\n",
			want: []string{"Randa Weingold|direct|close far too early"},
		},
		{
			name: "an affiliation after the name the verb inverts",
			text: "The vote “came before most members had read the contract,” said Drew Heisler of the Transit Workers Caucus.\n",
			want: []string{"Drew Heisler|direct|came before most members had read the contract"},
		},
		{
			name: "a party and state in parentheses after the subject",
			text: "Sen. Bernard Sandler (I-Vt.) on Monday attacked the fishing quota, saying it goes “far beyond what the stocks can bear.”\n",
			want: []string{"Bernard Sandler|direct|far beyond what the stocks can bear."},
		},
		{
			name: "an initialism inside the description between name and verb",
			text: "“Every spring the rumour is that the mill will close,” Steve Rosen, a former organizer for the I.W.A.-C.L.C. and shop steward, wrote in an email.\n",
			want: []string{"Steve Rosen|direct|Every spring the rumour is that the mill will close"},
		},
		{
			name: "an abbreviated title keeps its sentence",
			text: "“The hearing ran four hours and settled nothing,” said Del. Stacy Plaskon of the Virgin Islands.\n",
			want: []string{"Stacy Plaskon|direct|The hearing ran four hours and settled nothing"},
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
			text: "Sen. Ted Crane opened the county fair on Friday.\n\nHis wife, Heidi Crane, judged the pie contest.\n\n“This fair is the best week of the summer,” Senator Crane said.\n",
			want: []string{"Ted Crane|direct|This fair is the best week of the summer"},
		},
		{
			name: "as someone puts it, before a quote or a partial quote",
			text: "As The Herald's Dana Millbrook puts it, “The council is split, and the mayor is tired.”\n\nThe mine, which owed its revival to, as a company spokesman put it, a “lucky copper price” last year, closed again.\n",
			want: []string{"Dana Millbrook|direct|The council is split, and the mayor is tired.", "Company spokesman|direct|lucky copper price"},
		},
		{
			name: "exhorted is a speech verb",
			text: "Senator Tod Cruse spoke at the fair. Cruse exhorted farmers to “keep every receipt” this year.\n",
			want: []string{"Tod Cruse|direct|keep every receipt"},
		},
		{
			name: "a description with no title between name and verb",
			text: "Sara Buckner, the village school graduate, said “the library saved my summers” as a child.\n",
			want: []string{"Sara Buckner|direct|the library saved my summers"},
		},
		{
			name: "a kinship word gives the gender of the name after it",
			text: "Fauzia Hashem came to Halifax in 2016 with her son, Omar Nasser.\n\nOmar Nasser is studying engineering now.\n\n“I opened the bakery so my hands would stay busy,” she said.\n",
			want: []string{"Fauzia Hashem|direct|I opened the bakery so my hands would stay busy"},
		},
		{
			name: "a partial quote named in the passive by its agent",
			text: "This habit of the committee has been called “polite paralysis” by Joshua Hendon, a professor at Dalhousie University.\n",
			want: []string{"Joshua Hendon|direct|polite paralysis"},
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
		{"“The review will take six weeks,” the RCMP said in a statement.", "RCMP", briefing.Organization},
		{"“Milk is a source of important nutrients,” the Canadian Dairy Association said.", "Canadian Dairy Association", briefing.Organization},
		{"“We will appeal the ruling at once,” the ministry said in a statement.", "Ministry", briefing.Organization},
		{"“Nobody has told us anything about it,” a Treasury spokeswoman said.", "Treasury spokeswoman", briefing.Unnamed},
		{"“Prices will rise for every family,” an industry lobbyist said.", "Industry lobbyist", briefing.Unnamed},
		{"“The suspect fled on foot toward the river,” police said.", "Police", briefing.Organization},
		{"The Canadian Dairy Association said milk is “a source of important nutrients.” The statement warned of “significant consequences” for children.", "Canadian Dairy Association", briefing.Organization},
		{"The diocese issued a second statement on Tuesday, saying a “third-party investigation” will look into the matter.", "Diocese", briefing.Organization},
		{"The Canadian Dairy Association said milk is “a source of important nutrients” for children.", "Canadian Dairy Association", briefing.Organization},
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
		{"b.txt", "# source: https://www.cbc.ca/news/b\n\nHeadline\n\nText.\n", "https://www.cbc.ca/news/b"},
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
	b := parseString(t, "match.txt", "Sharks beat Oilers\n\nSan Jose replied just 17 seconds later with a goal. Edmonton responded a couple of minutes later. The team posted a photo of the winger.\n\nCoach Ray Dunn replied that the team had played well.\n")
	got := quoteSummary(b, briefing.Reported)
	if want := []string{"Ray Dunn|reported|Coach Ray Dunn replied that the team had played well."}; !slices.Equal(got, want) {
		t.Errorf("reported:\n got  %q\n want %q", got, want)
	}
}
