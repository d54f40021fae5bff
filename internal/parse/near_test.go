package parse

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// osaDistance is the optimal string alignment distance (Damerau–
// Levenshtein with adjacent transpositions, no substring edited twice),
// worked out in full: the reference for editDistance.
func osaDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// TestEditDistanceLimit checks that editDistance gives the distance, or
// the limit when the distance is at least that, for every limit findNear
// uses: findNear asks with the smallest limit that tells its answer.
func TestEditDistanceLimit(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for _, alphabet := range []string{"abcdeé", "abcdefghij", "aAbBz"} {
		testEditDistanceLimit(t, rng, []rune(alphabet))
	}
}

func testEditDistanceLimit(t *testing.T, rng *rand.Rand, letters []rune) {
	word := func() string {
		var b strings.Builder
		for range rng.Intn(12) {
			b.WriteRune(letters[rng.Intn(len(letters))])
		}
		return b.String()
	}
	for range 50000 {
		a, b := word(), word()
		if rng.Intn(2) == 0 { // near words, most of them
			rb := []rune(a)
			for range rng.Intn(3) {
				if len(rb) > 1 {
					k := rng.Intn(len(rb) - 1)
					switch rng.Intn(3) {
					case 0:
						rb[k], rb[k+1] = rb[k+1], rb[k]
					case 1:
						rb = append(rb[:k], rb[k+1:]...)
					default:
						rb[k] = letters[rng.Intn(len(letters))]
					}
				}
			}
			b = string(rb)
		}
		d := osaDistance(a, b)
		for _, limit := range []int{1, 2, 3} {
			if got, want := editDistance(a, b, limit), min(d, limit); got != want {
				t.Fatalf("editDistance(%q, %q, %d) = %d, want %d", a, b, limit, got, want)
			}
		}
	}
}

// findNearScan is findNear as it was, every candidate compared at limit
// 3 (for registries up to nearScan people, where it scans them all).
func findNearScan(r *registry, one string) *person {
	one = strings.ToLower(strings.TrimSuffix(one, "."))
	if len(one) < 2 {
		return nil
	}
	var found *person
	for _, p := range r.people {
		if p == found || p.merged != nil || len(p.name) == 0 {
			continue
		}
		ok := len(p.name) >= 2 && strings.EqualFold(p.name[0], one)
		if !ok && p.sur != "" {
			d := editDistance(p.sur, one, 3)
			ok = d == 1 && len(one) >= 5 || d == 2 && len(one) >= 9
		}
		if ok {
			if found != nil {
				return nil
			}
			found = p
		}
	}
	return found
}

// TestFindNearLimit checks findNear against the scan it replaced, with
// names of every length and typos of each.
func TestFindNearLimit(t *testing.T) {
	surnames := []string{"Li", "Wu", "Ortiz", "Kirby", "Sullivan", "Sullivant", "Kishida", "Vandermeer", "Oduya", "Jean-Pierre", "Brandt", "Brant", "Quist", "Carvalho", "Hollis", "Hollins", "Ramaswamy", "Ramaswami", "Schumacher"}
	var r registry
	for i, s := range surnames {
		p := &person{}
		if i%3 == 0 {
			p.setName([]string{s})
		} else {
			p.setName([]string{fmt.Sprintf("Given%c", 'A'+i), s})
		}
		r.add(p)
	}
	rng := rand.New(rand.NewSource(2))
	queries := []string{"GivenB", "givenc.", "Li", "Lu", "Wo", "Ortis", "Kirbi", "Sullivcan", "Sulivan", "Kishdia", "Vandermer", "Vandermeeer", "Vanderneer", "Brandt", "Brabdt", "Hollis", "Holis", "Ramaswany", "Schumaher", "Shumaker", "x"}
	for _, s := range surnames {
		rb := []rune(s)
		for range 20 {
			q := append([]rune(nil), rb...)
			k := rng.Intn(len(q))
			switch rng.Intn(3) {
			case 0:
				q = append(q[:k], q[k+1:]...)
			case 1:
				q[k] = rune('a' + rng.Intn(26))
			default:
				if k+1 < len(q) {
					q[k], q[k+1] = q[k+1], q[k]
				}
			}
			queries = append(queries, string(q))
		}
	}
	found := 0
	for _, q := range queries {
		got, want := r.findNear(q), findNearScan(&r, q)
		if got != want {
			t.Errorf("findNear(%q) = %v, want %v", q, got, want)
		}
		if want != nil {
			found++
		}
	}
	if found == 0 {
		t.Fatal("no query found anyone: the test reads nothing")
	}
}

// BenchmarkFindNear asks findNear about single names in a registry of 40
// people, below nearScan, as plausible does for a sentence's one-word
// subject: short names, long ones, typos and names no one has.
func BenchmarkFindNear(b *testing.B) {
	var r registry
	for i := range 40 {
		p := &person{}
		p.setName([]string{fmt.Sprintf("Given%d", i), fmt.Sprintf("Surname%c%c", 'a'+i%26, 'a'+i/26)})
		r.add(p)
	}
	names := []string{"Shortly", "Overall", "Surnameba", "Surnamexx", "Meanwhile", "Given12", "Wu", "Officials", "Administration"}
	b.ReportAllocs()
	for b.Loop() {
		for _, n := range names {
			r.findNear(n)
		}
	}
}

// TestOneEdit checks oneEdit against the full distance on random words,
// ASCII and not.
func TestOneEdit(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for _, letters := range [][]rune{[]rune("abc"), []rune("abcdefgh"), []rune("abé")} {
		word := func() string {
			var b strings.Builder
			for range rng.Intn(8) {
				b.WriteRune(letters[rng.Intn(len(letters))])
			}
			return b.String()
		}
		yes := 0
		for range 50000 {
			a, b := word(), word()
			if rng.Intn(2) == 0 && len([]rune(a)) > 1 {
				rb := []rune(a)
				k := rng.Intn(len(rb) - 1)
				switch rng.Intn(4) {
				case 0:
					rb[k], rb[k+1] = rb[k+1], rb[k]
				case 1:
					rb = append(rb[:k], rb[k+1:]...)
				case 2:
					rb = append(rb[:k], append([]rune{letters[rng.Intn(len(letters))]}, rb[k:]...)...)
				default:
					rb[k] = letters[rng.Intn(len(letters))]
				}
				b = string(rb)
			}
			want := osaDistance(a, b) == 1
			if got := oneEdit(a, b); got != want {
				t.Fatalf("oneEdit(%q, %q) = %v, want %v", a, b, got, want)
			}
			if want {
				yes++
			}
		}
		if yes == 0 {
			t.Fatal("no pair was one edit apart: the test reads nothing")
		}
	}
}
