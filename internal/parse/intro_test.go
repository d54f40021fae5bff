package parse

import (
	"slices"
	"strings"
	"testing"

	"github.com/brief-reader/brief/internal/briefing"
)

// TestIntroducedQuotes covers the round-up forms of the White House corpus:
// quotes whose speaker is named by a label, a header line or a lead-in
// rather than by "he said".
func TestIntroducedQuotes(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // direct quotes: "Speaker|direct|text"
	}{
		{
			name: "a lead-in with a speech verb introduces a list of quotes",
			text: "# Iran\n\nSince taking office, President Donald J. Trump has clearly stated no fewer than a dozen times that Iran cannot have a nuclear weapon:\n\n-   “Iran cannot have a nuclear weapon. It is very simple.” (6/17/25)\n-   “You can’t have peace if Iran has a nuclear weapon.” (6/14/25)\n",
			want: []string{
				"Donald J. Trump|direct|Iran cannot have a nuclear weapon. It is very simple.",
				"Donald J. Trump|direct|You can’t have peace if Iran has a nuclear weapon.",
			},
		},
		{
			name: "a lead-in naming its subject introduces quotes without a speech verb",
			text: "# Iran\n\nPresident Donald J. Trump spoke in Ohio.\n\nPresident Trump made the same pledge no fewer than 40 times on the campaign trail:\n\n-   “We don’t want Iran to have a nuclear weapon.” (10/23/24)\n",
			want: []string{"Donald J. Trump|direct|We don’t want Iran to have a nuclear weapon."},
		},
		{
			name: "here are the moments: the person the text is about",
			text: "# Address\n\nPresident Donald J. Trump delivered a primetime address to the nation on Wednesday.\n\n**Here are the top moments from the address:**\n\n-   “As we speak this evening, our forces are winning on every front.”\n-   “Never in the history of warfare has an enemy suffered such losses.”\n",
			want: []string{
				"Donald J. Trump|direct|As we speak this evening, our forces are winning on every front.",
				"Donald J. Trump|direct|Never in the history of warfare has an enemy suffered such losses.",
			},
		},
		{
			name: "header lines name who speaks in the topic-labelled quotes under them",
			text: "# Sunday shows\n\n**Here’s what you missed:**\n\n**Special Envoy Steve Witkoff on State of the Union**\n\n-   On negotiations to end the war: “Deals only work when they are good for all the parties.”\n-   On a minerals agreement: “I expect to see a deal signed this week.”\n\n**Secretary of the Treasury Scott Bessent on Sunday Morning Futures**\n\n-   On mortgage rates: “Interest rates are down five weeks in a row.”\n",
			want: []string{
				"Steve Witkoff|direct|Deals only work when they are good for all the parties.",
				"Steve Witkoff|direct|I expect to see a deal signed this week.",
				"Scott Bessent|direct|Interest rates are down five weeks in a row.",
			},
		},
		{
			name: "a label on a line of its own",
			text: "# Cyber Trust Mark\n\nThe program launched on Tuesday. It gives consumers a label to look for when they buy a connected device, from baby monitors to home security cameras, and its partners welcomed it.\n\nRetailers and manufacturers said they would carry the label on packaging and online listings from next year.\n\n**Steve Downer, Vice President, Amazon:**\n\n“Amazon supports the goal to strengthen consumer trust in connected devices.”\n",
			want: []string{"Steve Downer|direct|Amazon supports the goal to strengthen consumer trust in connected devices."},
		},
		{
			name: "labels with titles, affiliations, subjects and descriptions",
			text: "# Round-up\n\n" +
				"**Tom Palmer, President and CEO, Newmont Corporation**: “Newmont was honored to be a part of the discussion.”\n\n" +
				"-   **Tom Krause on restoring fiscal responsibility:** “We’re changing the culture of the agency.”\n\n" +
				"National Stone, Sand & Gravel Association Interim CEO Michele Stanley: “NSSGA appreciates the committee’s work.”\n\n" +
				"60 Plus Association Chairman Jim Martin: “It’s a win for seniors across the country.”\n\n" +
				"CTIA—The Wireless Association President and CEO Ajit Pai: “The wireless industry urges swift passage.”\n\n" +
				"John Ruple, Fellow, S.J. Quinney College of Law: “The mining law is like driving a stagecoach.”\n\n" +
				"Airlines for America: “A4A strongly supports the investment in air traffic control.”\n\n" +
				"**Isaac Herzog, President of Israel: **“Your visit to Israel today is an expression of commitment.”\n",
			want: []string{
				"Tom Palmer|direct|Newmont was honored to be a part of the discussion.",
				"Tom Krause|direct|We’re changing the culture of the agency.",
				"Michele Stanley|direct|NSSGA appreciates the committee’s work.",
				"Jim Martin|direct|It’s a win for seniors across the country.",
				"Ajit Pai|direct|The wireless industry urges swift passage.",
				"John Ruple|direct|The mining law is like driving a stagecoach.",
				"Airlines for America|direct|A4A strongly supports the investment in air traffic control.",
				"Isaac Herzog|direct|Your visit to Israel today is an expression of commitment.",
			},
		},
		{
			name: "a described speaker's quote holds the words of others whole",
			text: "# Angel families\n\nPresident Donald J. Trump hosted the families.\n\n-   **Laura Wilkerson, whose son, Joshua, was killed by a classmate:** “The man next to me was President Trump. He looked me in the eye and he said, ‘I will never forget the story of your son.’ He has never missed a day.”\n",
			want: []string{"Laura Wilkerson|direct|The man next to me was President Trump. He looked me in the eye and he said, ‘I will never forget the story of your son.’ He has never missed a day."},
		},
		{
			name: "a lead-in's subject speaks the quote after its colon",
			text: "# Interview\n\n-   **President Trump highlighted America’s negotiating position with Iran:** “What I think is that we’re going to end up with a great deal.”\n\n-   **President Trump remembered his friend:** “Don said to me, ‘He’s like a son to you,’ and he was right.”\n",
			want: []string{
				"Trump|direct|What I think is that we’re going to end up with a great deal.",
				"Trump|direct|Don said to me, ‘He’s like a son to you,’ and he was right.",
			},
		},
		{
			name: "the highlights of the person a page opens with",
			text: "# Memorial Day\n\nToday, on Memorial Day, President Donald J. Trump joined Gold Star families at Arlington National Cemetery.\n\nHere are the highlights:\n\n-   “In every hour of peril, American warriors have answered their nation’s call.”\n",
			want: []string{"Donald J. Trump|direct|In every hour of peril, American warriors have answered their nation’s call."},
		},
		{
			name: "words quoted inside reported speech are the subject's, however few",
			text: "# Sanctuary\n\n-   Minnesota Attorney General Keith Ellison warns law enforcement of “liability if they enforce immigration detainers” and says protecting communities is “not our job.”\n",
			want: []string{"Keith Ellison|direct|liability if they enforce immigration detainers", "Keith Ellison|direct|not our job."},
		},
		{
			name: "subjects, places and adjectives are no labels",
			text: "# Notes\n\n" +
				"In South Carolina, ICE arrests have more than tripled: “Looking at arrests from this year, most are on people already charged.”\n\n" +
				"On voter ID: “Why don’t the Democrats want voter ID at all?”\n\n" +
				"On the fraud plaguing Minnesota and other Democrat-run states: “We have massive investigations going into fraud.”\n\n" +
				"INFLATION IS DOWN: “Consumer prices rose less than expected in April across the country.”\n",
			want: nil,
		},
		{
			name: "narrative ends an introducer's reach; a byline is none",
			text: "# Notes\n\nBy Jane Smith\n\n“This quote has nobody to belong to at all.”\n\n**Special Envoy Steve Witkoff on State of the Union**\n\n“Deals only work when they are good for all the parties.”\n\nThe envoy later flew to Riyadh for more talks.\n\n“Nobody said this one where we could see it.”\n",
			want: []string{"Steve Witkoff|direct|Deals only work when they are good for all the parties."},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := parseString(t, "roundup.md", tc.text)
			got := quoteSummary(b, briefing.Direct)
			if !slices.Equal(got, tc.want) {
				t.Errorf("quotes:\n got  %q\n want %q", got, tc.want)
			}
		})
	}
}

// TestLabelRoles checks the role a speaker label gives: titles and
// affiliations kept, suffixes and leftovers of the markup dropped.
func TestLabelRoles(t *testing.T) {
	tests := []struct{ label, name, role string }{
		{"Tom Palmer, President and CEO, Newmont Corporation", "Tom Palmer", "President and CEO, Newmont Corporation"},
		{"National Stone, Sand & Gravel Association Interim CEO Michele Stanley", "Michele Stanley", "National Stone, Sand & Gravel Association Interim CEO"},
		{"Cimcor, Inc. President and CEO Robert E. Johnson, III", "Robert E. Johnson", "Cimcor, Inc. President and CEO"},
		{"Austin Randolph, Jr., NAACP Springfield Chapter President", "Austin Randolph", "NAACP Springfield Chapter President"},
		{"Matthew Biggs, President, International Federation of Professional and Technical Engineers", "Matthew Biggs", "President, International Federation of Professional and Technical Engineers"},
		{"Lt. Gen. Keith Kellogg (ret.)", "Keith Kellogg", "Lt. Gen."},
		{"Rep. August Pfluger", "August Pfluger", "Rep."},
		{"Ranking Member, Senate Health, Education, Labor and Pensions Committee, Louisiana Senator Bill Cassidy", "Bill Cassidy", "Ranking Member, Senate Health, Education, Labor and Pensions Committee, Louisiana Senator"},
		{"Border Czar Tom Homan", "Tom Homan", "Border Czar"},
	}
	for _, tc := range tests {
		r := labelRef(tokenize(tc.label))
		if got := strings.Join(r.name, " "); got != tc.name || r.role != tc.role {
			t.Errorf("labelRef(%q) = %q, role %q; want %q, role %q", tc.label, got, r.role, tc.name, tc.role)
		}
	}
	for _, label := range []string{
		"Ministry of Foreign Affairs of the Kingdom of Saudi Arabia",
		"Colorado Springs-based, family-owned Western Steel, Inc., praised the move",
		"On voter ID",
	} {
		if r := labelRef(tokenize(label)); r.valid() {
			t.Errorf("labelRef(%q) = %+v, want no person", label, r)
		}
	}
}

// TestRefRoles checks how a title in running text is cut from what ran
// into it: a headline's verb, "Readout of", a leading function word.
func TestRefRoles(t *testing.T) {
	tests := []struct{ text, name, role string }{
		{"Readout of President Joseph R. Biden", "Joseph R. Biden", "President"},
		{"Office of First Lady Melania Trump", "Melania Trump", "First Lady"},
		{"Because of First Lady Melania Trump", "Melania Trump", "First Lady"},
		{"As President Donald J. Trump", "Donald J. Trump", "President"},
		{"Under Secretary of State Jane Doe", "Jane Doe", "Under Secretary of State"},
		{"Director of the Office of Management and Budget Russ Vought", "Russ Vought", "Director of the Office of Management and Budget"},
		{"Republic of Korea Joins First Lady Melania Trump", "Melania Trump", "First Lady"},
		{"National Chicken Council Senior Vice President of Scientific and Regulatory Affairs Ashley Peterson", "Ashley Peterson", "National Chicken Council Senior Vice President of Scientific and Regulatory Affairs"},
		{"Melania Trump’s", "Melania Trump", ""},
	}
	for _, tc := range tests {
		r := parseRef(tokenize(tc.text))
		if got := strings.Join(r.name, " "); got != tc.name || r.role != tc.role {
			t.Errorf("parseRef(%q) = %q, role %q; want %q, role %q", tc.text, got, r.role, tc.name, tc.role)
		}
	}
	// Things, events, groups and places are nobody.
	for _, text := range []string{"Tariff Agreement", "Ryder Cup", "Peace Corps", "Holy Spirit", "Viet Nam", "North Macedonia", "Colorado Springs-based", "Russia Expert Groups", "Human Rights"} {
		if r := parseRef(tokenize(text)); len(r.name) > 0 {
			t.Errorf("parseRef(%q) = %q, want no name", text, r.name)
		}
	}
}

// TestPresidentOfTheTitle: "THE PRESIDENT" in a transcript is the president
// its title names, whoever else the speakers talk about later.
func TestPresidentOfTheTitle(t *testing.T) {
	text := "Remarks by President Biden on the Economy\n\n" +
		"THE PRESIDENT: Good afternoon. President Obama and I started this work, and President Trump’s adviser praised it.\n\n" +
		"Q Mr. President, will you sign the bill?\n\n" +
		"THE PRESIDENT: I will sign it this week.\n"
	b := parseString(t, "remarks.txt", text)
	got := quoteSummary(b, briefing.Turn)
	want := []string{
		"Biden|turn|Good afternoon. President Obama and I started this work, and President Trump’s adviser praised it.",
		"Reporter|turn|Mr. President, will you sign the bill?",
		"Biden|turn|I will sign it this week.",
	}
	if !slices.Equal(got, want) {
		t.Errorf("turns:\n got  %q\n want %q", got, want)
	}
	// In the title of a speech, a gerund ends the name.
	b = parseString(t, "remarks.txt", "Remarks by President Biden Honoring the Champions\n\nTHE PRESIDENT: Welcome to the White House.\n\nTHE PRESIDENT: Thank you all.\n")
	if s, _ := b.Speaker(b.Quotes[0].Speaker); s.Name != "Biden" {
		t.Errorf("speaker %q, want Biden", s.Name)
	}
}
