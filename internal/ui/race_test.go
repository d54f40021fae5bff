//go:build race

package ui

// raceEnabled is set under the race detector, which makes the large
// hostile fixtures ten times slower: they run in the ordinary test pass.
const raceEnabled = true
