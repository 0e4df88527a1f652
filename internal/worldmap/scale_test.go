package worldmap

import (
	"math"
	"strconv"
	"testing"
)

func TestScale(t *testing.T) {
	for _, tc := range []struct {
		name   string
		counts []int
		lower  []int
		shades map[int]int // count → shade
	}{
		{"empty", nil, nil, nil},
		{"one value", []int{3, 3, 3}, []int{3}, map[int]int{3: 3}},
		{"two values", []int{1, 3}, []int{1, 3}, map[int]int{1: 0, 3: 4}},
		{"small spread", []int{1, 1, 2, 2, 3, 4, 5, 7, 9, 12}, []int{1, 2, 4, 5, 9}, map[int]int{1: 0, 3: 1, 4: 2, 8: 3, 12: 4}},
		{"rounded", []int{1, 4, 12, 37, 154, 980, 15, 22, 61, 350}, []int{1, 12 / 10 * 10, 20, 60, 300}, map[int]int{9: 0, 10: 1, 59: 2, 299: 3, 980: 4}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			counts := map[string]int{"ZZ": 0}
			for i, n := range tc.counts {
				counts[strconv.Itoa(i)] = n
			}
			s := newScale(counts)
			if len(s.lower) != len(tc.lower) {
				t.Fatalf("lower bounds = %v, want %v", s.lower, tc.lower)
			}
			for i := range s.lower {
				if s.lower[i] != tc.lower[i] {
					t.Fatalf("lower bounds = %v, want %v", s.lower, tc.lower)
				}
			}
			for n, want := range tc.shades {
				if got := s.shade(s.class(n)); got != want {
					t.Errorf("count %d: shade %d, want %d", n, got, want)
				}
			}
		})
	}
}

func TestEntries(t *testing.T) {
	m := sampleMap()
	es := m.Entries()
	if len(es) != len(m.Counts) {
		t.Fatalf("%d entries for %d countries: unknown codes must stay in the text alternative", len(es), len(m.Counts))
	}
	if es[0].Code != "ML" || es[0].Name != "Mali" || es[0].Count != 12 || es[0].URL != "/recherche?pays=ML" || es[0].Class != 5 {
		t.Errorf("first entry = %+v, want Mali with 12 projects in class 5", es[0])
	}
	for i := 1; i < len(es); i++ {
		if es[i].Count > es[i-1].Count {
			t.Errorf("entries not by decreasing count: %v after %v", es[i], es[i-1])
		}
	}
}

// lum is the WCAG relative luminance of a #rrggbb colour.
func lum(hex string) float64 {
	var l float64
	for i, w := range []float64{0.2126, 0.7152, 0.0722} {
		v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		c := float64(v) / 255
		if c <= 0.03928 {
			c /= 12.92
		} else {
			c = math.Pow((c+0.055)/1.055, 2.4)
		}
		l += w * c
	}
	return l
}

// contrast is the WCAG contrast ratio of two colours.
func contrast(a, b string) float64 {
	la, lb := lum(a), lum(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}
