//go:build !race

package iati_test

// exportUnderRace is set under the race detector; see
// export_race_on_test.go.
const exportUnderRace = false
