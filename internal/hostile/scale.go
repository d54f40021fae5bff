package hostile

import (
	"strconv"
	"strings"
)

// Shape is a kind of input whose cost must grow no faster than its size: a
// generator that builds an instance of about the given number of bytes. The
// scaling tests and scripts/scale.sh build each shape at several sizes and
// compare what parsing, classifying and exporting them costs.
type Shape struct {
	// Name is short and unique, fit for a subtest or file name.
	Name string
	// Ext is the file name ending the shape is read with.
	Ext string
	// Note says what the shape attacks.
	Note string
	// Build returns an instance of at least size bytes and at most a line
	// more, the same bytes for the same size.
	Build func(size int) []byte
}

// Shapes returns the scaling shapes in a fixed order.
func Shapes() []Shape {
	return []Shape{
		{
			Name:  "speaker-transcript",
			Ext:   ".txt",
			Note:  "a transcript where every turn is a new speaker, named in the label and again in the text: speakers, name tables and topic sections grow with the file",
			Build: speakerTranscript,
		},
		{
			Name:  "name-article",
			Ext:   ".txt",
			Note:  "an article of one-line paragraphs, each quoting a new person with a new affiliation (“Point 7 on trade,” said Firstname Lastname, director of the Agency): thousands of distinct names in topic sections",
			Build: nameArticle,
		},
		{
			Name:  "giant-paragraph",
			Ext:   ".txt",
			Note:  "one paragraph with no blank line, of quoted sentences by ever new people: per-paragraph structures must not cost more than the paragraph",
			Build: giantParagraph,
		},
		{
			Name:  "deep-front-matter",
			Ext:   ".md",
			Note:  "Markdown whose YAML front matter is one flow sequence nested as deep as the size allows, then a short body: refused before the YAML parser, whose memory grows with the square of the depth",
			Build: deepFrontMatter,
		},
	}
}

// syllables make pronounceable, distinct names from numbers.
var syllables = [...]string{
	"ba", "ko", "ru", "te", "mi", "sa", "lo", "ven", "dar", "gi", "nu", "pe", "zo", "ha", "ri", "mel",
	"tor", "qui", "fa", "den", "sol", "wy", "ni", "gra", "bel", "cor", "lu", "mo", "ta", "vik", "ern", "osh",
}

// word spells n (taken modulo 32^digits) as a capitalised word of digits
// syllables, so that distinct numbers give distinct words.
func word(n, digits int) string {
	var b strings.Builder
	for range digits {
		b.WriteString(syllables[n%len(syllables)])
		n /= len(syllables)
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

// Person returns the i-th generated full name: distinct for every i below
// 32^4.
func Person(i int) (first, last string) {
	return word(i*7+3, 2), word(i, 4)
}

// repeatTo appends line(i) for i = 0, 1, ... to prefix until size bytes.
func repeatTo(size int, prefix string, line func(i int) string) []byte {
	var b strings.Builder
	b.Grow(size + 256)
	b.WriteString(prefix)
	for i := 0; b.Len() < size; i++ {
		b.WriteString(line(i))
	}
	return []byte(b.String())
}

// subjects rotate through what generated people talk about, so that topic
// sections have something to find.
var subjects = [...]string{
	"trade and tariffs", "the defence budget", "the space agency launch", "energy prices",
	"the health ministry", "border security", "climate targets", "the new school year",
}

func speakerTranscript(size int) []byte {
	return repeatTo(size, "PRESS BRIEFING\n\n", func(i int) string {
		first, last := Person(i)
		n := strconv.Itoa(i)
		return "Q Question " + n + "?\n\n" +
			"MR. " + strings.ToUpper(last) + ": Thank you. As " + first + " " + last +
			" of the " + word(i, 3) + " Agency, I can say point " + n + " stands.\n\n"
	})
}

func nameArticle(size int) []byte {
	return repeatTo(size, "Officials Speak\n\n", func(i int) string {
		first, last := Person(i)
		return "“Point " + strconv.Itoa(i) + ",” said " + first + " " + last +
			", director of " + word(i, 3) + " Agency.\n\n"
	})
}

func giantParagraph(size int) []byte {
	return repeatTo(size, "", func(i int) string {
		first, last := Person(i)
		return "“We will talk about " + subjects[i%len(subjects)] + ",” said " +
			first + " " + last + " in " + word(i, 3) + ". "
	})
}

func deepFrontMatter(size int) []byte {
	const head, body = "---\ntitle: Deep\nx: ", "\n---\n\nMS. LEAVITT: Good afternoon.\n"
	depth := max(1, (size-len(head)-len(body))/2)
	return []byte(head + strings.Repeat("[", depth) + strings.Repeat("]", depth) + body)
}
