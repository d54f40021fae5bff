// Package lexicon holds the word lists of English and newsroom vocabulary
// that the parser and the topic classifier share: speech verbs, titles,
// honorifics, abbreviations, organisation cues. It is the one source of
// them. The sets are read-only after package init.
package lexicon

import "strings"

// Set is a set of lower-case words or phrases.
type Set map[string]bool

// Union returns a new set holding the words of all the sets.
func Union(sets ...Set) Set {
	m := make(Set)
	for _, s := range sets {
		for w := range s {
			m[w] = true
		}
	}
	return m
}

// HasTitle reports whether a word is written capitalised ("Minister", not
// "MINISTER" or "minister") and its lower-case form is in the set.
func (s Set) HasTitle(w string) bool {
	if w == "" || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for i := 1; i < len(w); i++ {
		if w[i] >= 'A' && w[i] <= 'Z' {
			return false
		}
	}
	return s.HasFold(w)
}

// Weekdays are the days of the week.
var Weekdays = Words(`monday tuesday wednesday thursday friday saturday sunday`)

// Months are the months' full names.
var Months = Words(`january february march april may june july august september october november december`)

// NameTitles are the honorifics and offices that precede a name in running
// text, for finding names without parsing them ("Prime Minister Modi" is
// Modi). It is narrower than Honorifics and RoleWords together, which the
// parser reads inside a name it has found.
var NameTitles = Words(`
mr ms mrs dr president prime minister secretary foreign director senator sen rep
governor gov general gen admiral ambassador chancellor king queen prince vice deputy
chairman chair speaker leader commissioner mayor justice judge chief press state defense
defence homeland security treasury shri smt his her excellency majesty highness lord lady sir
dame professor prof captain colonel lieutenant sergeant representative attorney counsel
adviser advisor spokesperson spokesman spokeswoman commander emir sheikh crown
`)

// HasFold reports whether the lower-case form of an ASCII word is in the
// set, without allocating; longer or non-ASCII words are in no list.
func (s Set) HasFold(w string) bool {
	var buf [24]byte
	if len(w) > len(buf) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 {
			return false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return s[string(buf[:len(w)])]
}

// SpeechVerbs maps inflected speech verbs to true. Present-participle forms
// ("saying", "adding") are in Participles instead: they attach a quote to
// the subject of the clause they hang from.
var SpeechVerbs = Words(`
said says stated states added adds noted notes told tells
highlighted highlights acknowledged acknowledges underscored underscores
explained explains asked asks replied replies answered answers remarked remarks
observed observes emphasised emphasized emphasises emphasizes stressed stresses
insisted insists argued argues continued continues declared declares
announced announces recalled recalls warned warns wrote writes tweeted tweets
posted posts commented comments concluded concludes maintained maintains
suggested suggests assured assures promised promises claimed claims
admitted admits conceded concedes confirmed confirms mentioned mentions
affirmed affirms reiterated reiterates urged urges quipped quips joked jokes
cautioned cautions predicted predicts vowed vows asserted asserts
contended contends countered counters responded responds lamented laments
recounted recounts revealed reveals disclosed discloses
clarified clarifies elaborated elaborates informed informs briefed briefs
reminded reminds agreed agrees complained complains described describes
pointed points opined opines mused muses exclaimed exclaims shouted shouts
whispered whispers conceded admitted observed wondered wonders
quoted interjected interjects retorted retorts snapped snaps added
reported reports pressed presses exhorted exhorts
`)

// NamingVerbs report how someone put a thing without being speech verbs of
// their own: "Feld called Ruskin a “reckless gambler”".
var NamingVerbs = Words(`called calls calling described describes describing dubbed dubs labelled labeled labels termed terms branded brands`)

// JudgingVerbs tell how someone judged a thing; words quoted after them
// are the judge's: "Fenwick blasted the airline for its “shameful baggage fees”".
var JudgingVerbs = Words(`
blasted blasts criticized criticised criticizes criticises slammed slams praised praises
hailed hails decried decries denounced denounces derided derides mocked mocks
groused grouses lauded lauds accused accuses
`)

// DeedVerbs are speech verbs that also tell of deeds ("replied with a
// goal", "posted a video"): they report speech only before a clause.
var DeedVerbs = Words(`responded responds replied replies answered answers countered counters posted posts continued continues reported reports pressed presses`)

// Participles are speech verbs in -ing form: "…, saying ‘…’".
var Participles = Words(`
saying adding noting stating telling explaining asking replying answering
remarking observing emphasising emphasizing stressing insisting arguing
declaring announcing recalling warning writing tweeting posting commenting
concluding maintaining suggesting assuring promising claiming admitting
conceding confirming mentioning affirming reiterating urging quipping joking
cautioning predicting vowing asserting contending countering responding
lamenting boasting touting recounting revealing describing pointing
calling dubbing labelling labeling branding citing quoting
`)

// PhrasalParticles follow a speech verb without ending the cue: "pointed
// out", "went on".
var PhrasalParticles = Words(`out on up back`)

// CueAdverbs may sit between a subject and its speech verb.
var CueAdverbs = Words(`
also additionally further later then previously repeatedly recently once
again earlier has had have had once had been has been separately similarly
likewise herself himself themselves firmly flatly simply quickly bluntly
candidly publicly privately frankly reportedly briefly clearly
`)

// Honorifics are dropped from names. Keys are lower case without dots.
var Honorifics = Words(`
mr mrs ms miss mx dr shri smt sri srimati kumari sir dame hon honourable honorable
he his her excellency excellencies rt right mme mlle herr frau
`)

// MaleHonorifics and FemaleHonorifics give a gender for pronoun resolution.
var MaleHonorifics = Words(`mr shri sir herr`)
var FemaleHonorifics = Words(`mrs ms miss smt srimati kumari dame mme mlle frau`)

// RoleWords are title words: "Foreign Secretary", "Metallus CEO",
// "Stark County Commissioner". The name is what follows the last of them.
var RoleWords = Words(`
president vice prime minister ministers secretary secretaries deputy assistant under
special senior chief attorney general advisor adviser advisors advisers counselor counsellor counsel
coordinator director spokesperson spokesman spokeswoman spokespeople official officials ambassador envoy
representative rep senator sen governor gov mayor commissioner chairman chairwoman chair
chairperson ceo cfo coo cto founder cofounder co-founder leader speaker majority minority whip
admiral adm general gen colonel col lieutenant lt major maj captain capt commander
cmdr sergeant sgt marshal judge justice king queen prince princess crown emir sheikh
sultan pope cardinal bishop archbishop rabbi imam reverend rev father professor prof dean
administrator officer inspector superintendent chancellor premier lady
congressman congresswoman councilman councilwoman councillor councilor delegate consul
attache attaché spokesperson moderator host anchor correspondent editor reporter
president-elect vice-president secretary-general under-secretary undersecretary
headteacher principal executive manager head deputies commandant
partner fellow member ranking czar tsar
svp evp vp cmo cio ciso gm md chief-of-staff
commentator columnist pundit author writer strategist pollster analyst economist historian
historian anchorwoman anchorman broadcaster
mp mps mpp mla mep msp mha td
`)

// RoleQualifiers are words that qualify a title ("Foreign", "National
// Security Communications") without being a title themselves. They belong to
// the role when they come before a title word.
var RoleQualifiers = Words(`
foreign home defence defense finance commerce treasury state homeland economic external
affairs national security communications strategic white house press first second
principal acting interim former deputy managing trade health education energy interior justice
agriculture labor labour transportation transport veterans housing environment
environmental climate science technology public policy domestic international
county city district regional federal union cabinet executive legal political
military naval air army navy joint staff intelligence operations council department
ministry office communications information digital cultural culture
`)

// NameParticles may join words inside a role or name: "Secretary of State",
// "Ursula von der Leyen".
var NameParticles = Words(`de da del della der di du van von bin bint al el le la ter ten dos das`)

// NonNameWords are capitalised only because they open a sentence; they
// never start a name.
var NonNameWords = Union(Words(`
the a an this that these those it its he she they we i you our their his her
in on at for from with by as but and or so if when while after before during since
speaking briefing according meanwhile however also overall today yesterday tomorrow
there here what why how who where which whatever both either neither each every all
some many most more much other another such no not yes thank thanks please well okay ok
now then again still just only even good great dear let let's lets said says
jan feb mar apr jun jul aug sep sept oct nov dec
mr mrs ms dr q question answer like unlike
`), Weekdays, Months)

// OrgWords mark a capitalised phrase as an organisation or place, not a
// person.
var OrgWords = Words(`
agency navy army force forces ministry department council organisation organization
university institute news times post journal tribune herald gazette radio tv television
network channel bank fund company corporation corp inc ltd llc group party parliament
congress senate house assembly commission committee court union government administration
office bureau service services embassy mission summit forum republic kingdom states
nations association federation foundation center centre school college hospital
airport port station county city state province region district island islands
township village borough parish municipality
press images photo photos
`)

// OrgHeads are the common nouns an organisation is described by when it
// speaks as a whole: "the company said", "the ministry said in a statement".
var OrgHeads = Words(`
company companies firm ministry department agency government police team club league
union board council committee commission diocese church school university hospital
campaign party administration office embassy court authority authorities service
organization organisation association group coalition network broadcaster newspaper
paper magazine station airline carrier bank retailer manufacturer automaker insurer
utility regulator watchdog foundation charity institute centre center lab laboratory
district city province state county municipality prosecutors prosecution defence defense
statement report study release
`)

// VoiceHeads are common nouns for unnamed people who speak: "a source
// said", "residents said".
var VoiceHeads = Words(`
source sources residents resident witnesses witness neighbours neighbors protesters
protestors demonstrators critics supporters opponents experts analysts officials
researchers scientists doctors nurses teachers parents students organizers organisers
fans voters observers insiders aides staff staffers employees workers members
lawmakers legislators advocates activists lawyers attorneys investigators officers
`)

// PluralHeads may speak with no determiner: "Police said", "Researchers
// found", "Officials said".
var PluralHeads = Words(`
police prosecutors authorities officials researchers scientists experts analysts
critics residents witnesses protesters protestors demonstrators organizers organisers
supporters opponents doctors investigators officers lawmakers legislators advocates
activists sources staff fans voters
`)

// GroupWords are plural groups of people, never one person's name:
// "Republicans", "Canadians".
var GroupWords = Words(`
republicans democrats conservatives liberals tories progressives socialists libertarians
independents americans canadians britons europeans israelis palestinians ukrainians russians
voters protesters
`)

// QuestionerLabels are transcript labels for unnamed reporters.
var QuestionerLabels = Words(`q question questions questioner reporter reporters journalist`)

// RoleLabels are transcript labels for unnamed voices known by function.
var RoleLabels = Words(`
moderator operator announcer interpreter translator narrator participant participants
audience staff staffer aide host emcee mc official officials voice voices crowd
speaker panelist panellist facilitator chair unidentified unknown inaudible heckler
`)

// Abbreviations end with a dot that does not end a sentence.
var Abbreviations = Words(`
mr mrs ms dr st jr sr sen rep del gov gen lt col maj capt cmdr adm sgt prof rev hon
no nos vs etc inc corp co ltd approx dept est fig jan feb mar apr jun jul aug sep
sept oct nov dec mt ft pres u.s u.k u.n e.u e.g i.e a.m p.m d.c n.y l.a
smt shri h.e
`)

func Words(s string) Set {
	m := make(Set)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// DepartmentWords name what an office deals with; in a capitalised run
// they end a title, and the name starts after them: "Senior Vice President
// of Scientific and Regulatory Affairs Ashley Peterson".
var DepartmentWords = Words(`
affairs policy policies systems relations operations programs programmes development
research strategy strategies communications technology technologies nutrition services
resources engineering sciences studies planning management finance marketing sales
advocacy outreach engagement well-being wellbeing safety innovation sustainability
`)

// MonthNames may be given names right after a title: "Rep. August
// Pfluger", "Judge June Cho".
var MonthNames = Words(`april may june july august jan`)

// AdjectiveEndings end hyphenated adjectives that are capitalised by what
// they are built on: "Colorado Springs-based", "Democrat-run".
var AdjectiveEndings = Words(`based owned led run born made backed funded focused driven linked related style wide era area`)

// ThingWords mark a capitalised phrase as a thing, an event or a group,
// not a person: "Tariff Agreement", "Ryder Cup", "Peace Corps", "Holy
// Spirit". Plurals are found by their singular.
var ThingWords = Words(`
agreement accord treaty framework act plan program programme initiative groups
border budget policy strategy cup trophy bowl championship series olympics award
prize medal festival month week war airline airlines spirit corps guardsmen regular
mall memorial monument museum capitol cathedral basilica bible scripture day eve
gospel address practice order rights freedom expression
`)

// CountryNames are countries and places that look like a person's name:
// two capitalised words.
var CountryNames = Phrases(`
viet nam|north macedonia|north korea|south korea|south africa|south sudan|sri lanka|
new zealand|saudi arabia|costa rica|el salvador|puerto rico|sierra leone|burkina faso|
papua new guinea|cabo verde|cape verde|east timor|timor-leste|san marino|hong kong|
new york|new jersey|new mexico|new hampshire|north carolina|south carolina|north dakota|
south dakota|west virginia|rhode island|los angeles|san francisco|las vegas|
`)

// phraseSet makes a set of phrases separated by "|".
func Phrases(s string) Set {
	m := make(Set)
	for _, p := range strings.Split(s, "|") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			m[p] = true
		}
	}
	return m
}
