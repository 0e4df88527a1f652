package iati

import (
	"regexp"
	"testing"
)

// FuzzDatePrefix holds datePrefix to the regular expression it replaces.
func FuzzDatePrefix(f *testing.F) {
	re := regexp.MustCompile(`^(\d{4})(-\d{2}(-\d{2})?)?`)
	for _, s := range []string{"", "2020", "2020-", "2020-1", "2020-12", "2020-12-", "2020-12-3", "2020-12-31",
		"2020-12-31T00:00:00", "20201231", "202", "2020-1a-01", "2020-12-3x", "12020-01-01", "٢٠٢٠-01-01", " 2020"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := datePrefix(s), re.FindString(s); got != want {
			t.Fatalf("datePrefix(%q) = %q, the expression finds %q", s, got, want)
		}
	})
}
