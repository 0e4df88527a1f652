//go:build race

package iati_test

// raceEnabled is set when the tests run under the race detector, which
// slows the pure-Go SQLite more than tenfold: the tests then import a
// subset of the real files into the databases.
const raceEnabled = true
