package topics

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/brief-reader/brief/internal/briefing"
)

// devDir holds the dev briefings with gold labels: ../shared/briefings-dev
// beside the repository. BRIEF_DEV_DIR overrides it.
func devDir() string { return sharedDir("BRIEF_DEV_DIR", "briefings-dev") }

// sharedDir returns the folder named by the environment variable env when
// it is set, else the folder name of ../shared beside the repository, or
// under /work/shared where the repository is cloned elsewhere.
func sharedDir(env, name string) string {
	if d := os.Getenv(env); d != "" {
		return d
	}
	if d := filepath.Join("..", "..", "..", "shared", name); dirExists(d) {
		return d
	}
	return filepath.Join("/work/shared", name)
}

func dirExists(d string) bool {
	fi, err := os.Stat(d)
	return err == nil && fi.IsDir()
}

// holdoutDir holds corpus pages with gold topic labels, labelled apart
// from the classifier (see its README).
const holdoutDir = "testdata/holdout"

// minTopicF1 is the quality bar on each dev briefing and on their mean.
const minTopicF1 = 0.85

// minScoredShare is the share from which a briefing topic counts as
// predicted, as in ../shared/tools/score.
const minScoredShare = 0.05

type gold struct {
	Format   string   `json:"format"`
	TextPath string   `json:"text_path"`
	Topics   []string `json:"topics"`
	Minor    []string `json:"minor_topics"`
	// Among, when set, lists the topics the labeller chose from: a
	// predicted topic outside it was never judged, so it is neither right
	// nor wrong, unless Was names the topic of Among it was part of.
	Among []string          `json:"-"`
	Was   map[string]string `json:"-"`
}

// firstTopics are the fourteen topics the dev briefings and the held-out
// corpus pages were labelled with (../shared/briefings-dev/README.md,
// testdata/holdout/README.md), before politics, justice, crime, business,
// media, sport and society were added. Those seven are not judged there;
// the labelled news articles judge them (news_test.go).
var firstTopics = []string{"defence", "security", "space", "trade", "economy", "energy", "climate", "health",
	"technology", "diplomacy", "terrorism", "migration", "education", "culture"}

// firstTopicOf maps a newer topic to the first topic whose terms held it:
// sport was part of culture and crime part of security, so a sports page
// labelled culture then is sport now, and a page on drunk driving labelled
// security is crime.
var firstTopicOf = map[string]string{"sport": "culture", "crime": "security"}

// topicF1 scores predicted briefing topics against gold labels the way
// ../shared/tools/score does: predicted topics are those with share of at
// least 5%; minor gold topics are neither required nor wrong, and so are
// topics outside g.Among when it is set.
func topicF1(topics []briefing.TopicShare, g gold) (f1, precision, recall float64, predicted []string) {
	judged := func(string) bool { return true }
	if len(g.Among) > 0 {
		judged = func(id string) bool { return slices.Contains(g.Among, id) }
	}
	major := map[string]bool{}
	allowed := map[string]bool{}
	for _, t := range g.Topics {
		major[t], allowed[t] = true, true
	}
	for _, t := range g.Minor {
		allowed[t] = true
	}
	right, found := 0, 0
	for _, t := range topics {
		id := t.ID
		if was, ok := g.Was[id]; ok {
			id = was
		}
		if t.Share < minScoredShare || !judged(id) || slices.Contains(predicted, id) {
			continue
		}
		predicted = append(predicted, id)
		if allowed[id] {
			right++
		}
		if major[id] {
			found++
		}
	}
	if len(predicted) > 0 {
		precision = float64(right) / float64(len(predicted))
	}
	recall = 1
	if len(major) > 0 {
		recall = float64(found) / float64(len(major))
	}
	if precision+recall > 0 {
		f1 = 2 * precision * recall / (precision + recall)
	}
	return f1, precision, recall, predicted
}

func TestTopicF1Metric(t *testing.T) {
	g := gold{Topics: []string{"trade", "economy"}, Minor: []string{"energy"}}
	// A topic the labeller could not choose is not judged; one it could
	// choose and did not is wrong; a newer topic counts as the first one
	// that held it.
	among := gold{Topics: []string{"trade", "culture"}, Among: []string{"trade", "space", "culture"}, Was: map[string]string{"sport": "culture"}}
	cases := []struct {
		name   string
		g      gold
		shares map[string]float64
		want   float64
	}{
		{"exact", g, map[string]float64{"trade": 0.5, "economy": 0.3}, 1},
		{"minor is not wrong", g, map[string]float64{"trade": 0.5, "economy": 0.3, "energy": 0.2}, 1},
		{"below share is not predicted", g, map[string]float64{"trade": 0.5, "economy": 0.3, "space": 0.04}, 1},
		{"extra topic", g, map[string]float64{"trade": 0.5, "economy": 0.3, "space": 0.2}, 0.8},
		{"missed topic", g, map[string]float64{"trade": 0.5}, 2 * 1 * 0.5 / 1.5},
		{"nothing", g, nil, 0},
		{"unjudged topic", among, map[string]float64{"trade": 0.5, "culture": 0.1, "politics": 0.5}, 1},
		{"judged extra topic", among, map[string]float64{"trade": 0.5, "culture": 0.1, "space": 0.5}, 2 * (2.0 / 3) / (1 + 2.0/3)},
		{"part of a first topic", among, map[string]float64{"trade": 0.5, "sport": 0.5}, 1},
		{"counted once", among, map[string]float64{"trade": 0.5, "sport": 0.3, "culture": 0.2}, 1},
	}
	for _, c := range cases {
		var ts []briefing.TopicShare
		for id, s := range c.shares {
			ts = append(ts, briefing.TopicShare{ID: id, Share: s})
		}
		got, _, _, _ := topicF1(ts, c.g)
		if diff := got - c.want; diff > 1e-9 || diff < -1e-9 {
			t.Errorf("%s: F1 = %.3f, want %.3f", c.name, got, c.want)
		}
	}
}

type devResult struct {
	name                  string
	f1, precision, recall float64
	predicted             []string
	b                     *briefing.Briefing
	g                     gold
	st                    *state
}

// scoreDevSet classifies every dev briefing and scores it.
func scoreDevSet(t *testing.T, c *Classifier) []devResult {
	t.Helper()
	return scoreGoldSet(t, c, devDir())
}

// scoreGoldSet classifies every briefing with gold labels in dir and
// scores it; it skips the test when dir has none.
func scoreGoldSet(t *testing.T, c *Classifier, dir string) []devResult {
	t.Helper()
	golds, _ := filepath.Glob(filepath.Join(dir, "*.gold.json"))
	if len(golds) == 0 {
		t.Skipf("no briefings with gold labels at %s", dir)
	}
	sort.Strings(golds)
	var out []devResult
	for _, gp := range golds {
		data, err := os.ReadFile(gp)
		if err != nil {
			t.Fatal(err)
		}
		var g gold
		if err := json.Unmarshal(data, &g); err != nil {
			t.Fatalf("%s: %v", gp, err)
		}
		g.Among, g.Was = firstTopics, firstTopicOf
		name := strings.TrimSuffix(filepath.Base(gp), ".gold.json")
		textPath := filepath.Join(dir, name+".txt")
		if g.TextPath != "" {
			textPath = filepath.Join(dir, g.TextPath)
		}
		text, err := os.ReadFile(textPath)
		if err != nil {
			t.Fatal(err)
		}
		b := parseForTest(t, textPath, text)
		st := c.run(b)
		f1, p, r, pred := topicF1(b.Topics, g)
		out = append(out, devResult{name, f1, p, r, pred, b, g, st})
	}
	return out
}

// TestDevSetTopicF1 holds the classifier to topic F1 >= 0.85 on each dev
// briefing and on their mean. It is skipped where the dev set is absent.
func TestDevSetTopicF1(t *testing.T) {
	checkTopicF1(t, scoreDevSet(t, NewClassifier(Default())), minTopicF1)
}

// minHoldoutMean is the bar on the mean topic F1 of the held-out pages:
// their score before the seven newer topics were added (issue 15), so
// adding topics may not cost the pages labelled before them.
const minHoldoutMean = 0.905

// TestHoldoutTopicF1 holds the classifier to topic F1 >= minHoldoutMean on
// the mean of the held-out corpus pages, and to no less than 0.5 on any of
// them: a short page with one main topic scores 0.5 with two extra topics.
func TestHoldoutTopicF1(t *testing.T) {
	results := scoreGoldSet(t, NewClassifier(Default()), holdoutDir)
	if len(results) != 36 {
		t.Fatalf("%d held-out briefings, want 36", len(results))
	}
	checkTopicF1Min(t, results, 0.5, minHoldoutMean)
}

// checkTopicF1 logs a table of results and fails when a briefing's topic
// F1 is under minEach or the mean under minTopicF1.
func checkTopicF1(t *testing.T, results []devResult, minEach float64) {
	t.Helper()
	checkTopicF1Min(t, results, minEach, minTopicF1)
}

// checkTopicF1Min is checkTopicF1 with the bar on the mean as minMean.
func checkTopicF1Min(t *testing.T, results []devResult, minEach, minMean float64) {
	t.Helper()
	var sum float64
	var table strings.Builder
	fmt.Fprintf(&table, "%-40s %5s %5s %5s  %s\n", "briefing", "P", "R", "F1", "predicted (share >= 0.05) / gold")
	for _, r := range results {
		sum += r.f1
		fmt.Fprintf(&table, "%-40s %5.2f %5.2f %5.2f  %s / %s (minor %s)\n", r.name, r.precision, r.recall, r.f1,
			strings.Join(r.predicted, ","), strings.Join(r.g.Topics, ","), strings.Join(r.g.Minor, ","))
		if r.f1 < minEach {
			t.Errorf("%s: topic F1 %.2f < %.2f (predicted %v, gold %v, minor %v)", r.name, r.f1, minEach, r.predicted, r.g.Topics, r.g.Minor)
		}
	}
	mean := sum / float64(len(results))
	fmt.Fprintf(&table, "mean topic F1 over %d briefings: %.3f\n", len(results), mean)
	t.Log("\n" + table.String())
	if mean < minMean {
		t.Errorf("mean topic F1 %.3f < %.3f", mean, minMean)
	}
}

// TestDevSetDump prints per-briefing shares, sections and paragraph topics
// when BRIEF_DUMP is set (of the held-out pages with BRIEF_DUMP_HOLDOUT);
// it is a tuning aid, not a check.
func TestDevSetDump(t *testing.T) {
	which := os.Getenv("BRIEF_DUMP")
	if which == "" {
		t.Skip("set BRIEF_DUMP=name (or all) to dump classifications")
	}
	dir := devDir()
	if os.Getenv("BRIEF_DUMP_HOLDOUT") != "" {
		dir = holdoutDir
	}
	for _, r := range scoreGoldSet(t, NewClassifier(Default()), dir) {
		if which != "all" && !strings.Contains(r.name, which) {
			continue
		}
		var sb strings.Builder
		fmt.Fprintf(&sb, "== %s F1 %.2f\n", r.name, r.f1)
		for _, ts := range r.b.Topics {
			fmt.Fprintf(&sb, "  %-11s %.3f %3d paras %5d words\n", ts.ID, ts.Share, ts.Paragraphs, ts.Words)
		}
		for si, s := range r.b.Sections {
			fmt.Fprintf(&sb, "-- section %d [%d-%d] %q %v\n", si, s.FirstParagraph, s.LastParagraph, s.Title, s.Topics)
			for p := s.FirstParagraph; p <= s.LastParagraph; p++ {
				para := r.b.Paragraphs[p]
				text := para.Text
				if len(text) > 90 {
					text = text[:90]
				}
				fmt.Fprintf(&sb, "   %3d %-5s %-30s %s\n", p, para.Role, strings.Join(para.Topics, ","), text)
				if os.Getenv("BRIEF_SCORES") != "" {
					fmt.Fprintf(&sb, "         words %d raw %s\n         comb %s\n", r.st.words[p], r.st.fmtScores(r.st.row(r.st.raw, p)), r.st.fmtScores(r.st.row(r.st.comb, p)))
				}
			}
		}
		t.Log("\n" + sb.String())
	}
}

func (st *state) fmtScores(v []float32) string {
	var parts []string
	for t, s := range v {
		if s > 0 {
			parts = append(parts, fmt.Sprintf("%s=%.1f", st.c.ids[t], s))
		}
	}
	return strings.Join(parts, " ")
}
