package worldmap

import (
	"math"
	"slices"
)

// palette is the sequential scale of the shaded countries, lightest first: a
// calm teal whose steps differ clearly in lightness, so that they read in
// grey print and for readers who do not tell hues apart. The lightest step
// still stands out from noData.
var palette = [5]string{"#a6d7d0", "#6bbab2", "#369490", "#186a70", "#083f4b"}

// Colours of the rest of the map.
const (
	noData      = "#e1e5e9" // countries without projects
	border      = "#ffffff" // country borders
	ocean       = "#f2f6f9" // the globe behind the countries
	pointFill   = "#e4572e" // localities: a warm accent against the teal
	legendColor = "#2b3138" // legend text
)

// scale divides the counts into at most five classes.
type scale struct {
	lower []int // the lowest count of each class, increasing
	max   int   // the highest count, the top of the last class
}

// newScale chooses the class bounds. The first class starts at the lowest
// count; the others start at the quintiles of the distinct counts, rounded
// down to numbers a reader remembers (1 to 10, then one significant digit:
// 20, 30, 100…). Distinct counts, because registries are skewed: most
// countries have one or two projects, and quintiles of all the countries
// would put every other one in the top class. Equal bounds merge, so fewer
// than five distinct counts give fewer classes.
func newScale(counts map[string]int) scale {
	var vs []int
	for _, n := range counts {
		if n > 0 {
			vs = append(vs, n)
		}
	}
	if len(vs) == 0 {
		return scale{}
	}
	slices.Sort(vs)
	vs = slices.Compact(vs)
	s := scale{lower: []int{roundDown(vs[0])}, max: vs[len(vs)-1]}
	for k := 1; k < len(palette); k++ {
		q := roundDown(vs[k*len(vs)/len(palette)])
		if q > s.lower[len(s.lower)-1] {
			s.lower = append(s.lower, q)
		}
	}
	return s
}

// roundDown keeps one significant digit of numbers from 10 on.
func roundDown(n int) int {
	if n < 10 {
		return n
	}
	p := int(math.Pow10(int(math.Log10(float64(n)))))
	return n / p * p
}

// class returns the class of a positive count, 0 for the lowest.
func (s scale) class(n int) int {
	c := 0
	for i, l := range s.lower {
		if n >= l {
			c = i
		}
	}
	return c
}

// color returns the fill of a class. With fewer than five classes the
// shades are spread over the whole palette, so that neighbouring classes
// stay far apart; a single class takes a middle shade.
func (s scale) color(class int) string {
	return palette[s.shade(class)]
}

func (s scale) shade(class int) int {
	k := len(s.lower)
	if k <= 1 {
		return 3
	}
	return int(math.Round(float64(class) * float64(len(palette)-1) / float64(k-1)))
}

// bounds returns the range of counts of a class, both ends included.
func (s scale) bounds(class int) (lo, hi int) {
	lo = s.lower[class]
	if class+1 < len(s.lower) {
		return lo, s.lower[class+1] - 1
	}
	return lo, s.max
}
