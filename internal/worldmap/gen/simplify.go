package main

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/proximite/proximite/internal/worldmap/internal/equalearth"
)

// pt is a projected position on the viewBox.
type pt struct{ x, y float64 }

// gridPt is a position rounded to the output grid, in units of 1/precision.
type gridPt struct{ x, y int }

// simplifier turns arcs into projected, simplified, rounded point lists.
// Each arc is simplified once, whichever countries walk it, so that
// neighbours keep exactly the same border: no gaps, no overlaps.
type simplifier struct {
	topo      *topology
	tolerance float64 // Douglas–Peucker tolerance, in viewBox units
	precision int     // grid steps per viewBox unit: 1 for integers, 10 for one decimal
	cache     map[int][]gridPt
}

// arc returns arc i projected, simplified and rounded, in its stored
// direction; consecutive positions that round to the same one are merged.
func (s *simplifier) arc(i int) []gridPt {
	if g, ok := s.cache[i]; ok {
		return g
	}
	ll, _ := s.topo.arc(i)
	var g []gridPt
	for _, piece := range cutAntimeridian(ll) {
		pts := make([]pt, len(piece))
		for j, p := range piece {
			pts[j].x, pts[j].y = equalearth.Project(p.lat, p.lon)
		}
		keep := make([]bool, len(pts))
		keep[0], keep[len(pts)-1] = true, true
		douglasPeucker(pts, 0, len(pts)-1, s.tolerance, keep)
		for j, p := range pts {
			if !keep[j] {
				continue
			}
			q := gridPt{s.round(p.x), s.round(p.y)}
			if len(g) == 0 || g[len(g)-1] != q {
				g = append(g, q)
			}
		}
	}
	s.cache[i] = g
	return g
}

func (s *simplifier) round(v float64) int { return int(math.Round(v * float64(s.precision))) }

// ring assembles a ring from its arc references. Each arc after the first
// starts where the previous one ended, so its first position is dropped.
// The closing position (equal to the first) is dropped too: the path closes
// with z. A ring that crosses the antimeridian (Fiji, the tip of Chukotka)
// comes back as two rings, one on each edge of the map.
func (s *simplifier) ring(refs []int) ([][]gridPt, error) {
	var r []gridPt
	for _, a := range refs {
		g := s.arc(index(a))
		if a < 0 {
			g = reversed(g)
		}
		for _, q := range g {
			if len(r) == 0 || r[len(r)-1] != q {
				r = append(r, q)
			}
		}
	}
	for len(r) > 1 && r[len(r)-1] == r[0] {
		r = r[:len(r)-1]
	}
	// A jump across half the map is where the ring leaves one edge and comes
	// back on the other: cutAntimeridian put a point on each edge there.
	var jumps []int
	for i, p := range r {
		if q := r[(i+1)%len(r)]; abs(q.x-p.x) > equalearth.Width/2*s.precision {
			jumps = append(jumps, i+1)
		}
	}
	switch len(jumps) {
	case 0:
		return [][]gridPt{r}, nil
	case 2:
		// Each side is closed by a straight line along the edge: the
		// crossings are a few degrees of latitude apart, where the edge
		// meridian is nearly straight.
		return [][]gridPt{r[jumps[0]:jumps[1]], append(slices.Clone(r[jumps[1]:]), r[:jumps[0]]...)}, nil
	}
	return nil, fmt.Errorf("a ring crosses the antimeridian %d times; only twice is handled", len(jumps))
}

// cutAntimeridian splits an arc where it crosses longitude ±180°, adding the
// crossing on both edges, so that no segment is drawn across the whole map.
func cutAntimeridian(arc []lonLat) [][]lonLat {
	pieces := [][]lonLat{{arc[0]}}
	for i := 1; i < len(arc); i++ {
		p, q := arc[i-1], arc[i]
		if math.Abs(q.lon-p.lon) > 180 {
			side := math.Copysign(180, p.lon)
			qlon := q.lon + 2*side // q seen from p's side: 181 rather than -179
			t := 0.0
			if qlon != p.lon {
				t = (side - p.lon) / (qlon - p.lon)
			}
			lat := p.lat + t*(q.lat-p.lat)
			last := &pieces[len(pieces)-1]
			*last = append(*last, lonLat{side, lat})
			pieces = append(pieces, []lonLat{{-side, lat}})
		}
		pieces[len(pieces)-1] = append(pieces[len(pieces)-1], q)
	}
	return pieces
}

func reversed(g []gridPt) []gridPt {
	r := make([]gridPt, len(g))
	for i, q := range g {
		r[len(g)-1-i] = q
	}
	return r
}

// douglasPeucker marks in keep the positions of pts[lo..hi] that lie farther
// than tol from the simplified line.
func douglasPeucker(pts []pt, lo, hi int, tol float64, keep []bool) {
	if hi <= lo+1 {
		return
	}
	far, dist := 0, -1.0
	for i := lo + 1; i < hi; i++ {
		if d := segmentDistance(pts[i], pts[lo], pts[hi]); d > dist {
			far, dist = i, d
		}
	}
	if dist <= tol {
		return
	}
	keep[far] = true
	douglasPeucker(pts, lo, far, tol, keep)
	douglasPeucker(pts, far, hi, tol, keep)
}

// segmentDistance is the distance from p to the segment a–b; when a and b
// coincide (an island drawn as one closed arc) it is the distance to a.
func segmentDistance(p, a, b pt) float64 {
	dx, dy := b.x-a.x, b.y-a.y
	l2 := dx*dx + dy*dy
	if l2 == 0 {
		return math.Hypot(p.x-a.x, p.y-a.y)
	}
	t := math.Max(0, math.Min(1, ((p.x-a.x)*dx+(p.y-a.y)*dy)/l2))
	return math.Hypot(p.x-a.x-t*dx, p.y-a.y-t*dy)
}

// area is the unsigned area of a ring, in square grid steps.
func area(r []gridPt) float64 {
	var a int
	for i, p := range r {
		q := r[(i+1)%len(r)]
		a += p.x*q.y - q.x*p.y
	}
	return math.Abs(float64(a)) / 2
}

// pathData writes rings as an SVG path: an absolute move to the first
// position, then relative moves and lines, which keeps most numbers to one
// or two digits. Separators are left out where a minus sign already splits
// two numbers.
func pathData(rings [][]gridPt, precision int) string {
	var b strings.Builder
	var at gridPt // the current point: after z, the start of the last subpath
	for i, r := range rings {
		if i == 0 {
			b.WriteByte('M')
			writeNums(&b, precision, r[0].x, r[0].y)
		} else {
			b.WriteByte('m')
			writeNums(&b, precision, r[0].x-at.x, r[0].y-at.y)
		}
		at = r[0]
		b.WriteByte('l')
		prev := r[0]
		nums := make([]int, 0, 2*len(r))
		for _, q := range r[1:] {
			nums = append(nums, q.x-prev.x, q.y-prev.y)
			prev = q
		}
		writeNums(&b, precision, nums...)
		b.WriteByte('z')
	}
	return b.String()
}

// writeNums writes grid values as viewBox numbers: "12", "-3", "4.5", ".5".
func writeNums(b *strings.Builder, precision int, vs ...int) {
	for i, v := range vs {
		s := number(v, precision)
		if i > 0 && s[0] != '-' {
			b.WriteByte(' ')
		}
		b.WriteString(s)
	}
}

func number(v, precision int) string {
	if precision == 1 {
		return strconv.Itoa(v)
	}
	s := strconv.FormatFloat(float64(v)/float64(precision), 'f', -1, 64)
	if strings.HasPrefix(s, "0.") {
		return s[1:]
	}
	if strings.HasPrefix(s, "-0.") {
		return "-" + s[2:]
	}
	return s
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
