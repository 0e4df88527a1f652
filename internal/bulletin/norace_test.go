//go:build !race

package bulletin_test

const raceEnabled = false
