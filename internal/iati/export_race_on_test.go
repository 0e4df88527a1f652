//go:build race

package iati_test

// exportUnderRace is set under the race detector, which slows the
// pure-Go SQLite and the XML decoder more than tenfold: the round trip
// then takes one file per publisher rather than every file.
const exportUnderRace = true
