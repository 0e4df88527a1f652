//go:build race

package bulletin_test

// raceEnabled is set under the race detector, which makes the sending
// ten times slower.
const raceEnabled = true
