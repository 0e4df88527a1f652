package main

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/proximite/proximite/internal/worldmap/internal/equalearth"
)

// smallStates returns a dot for every coded country of the 1:50m file that
// has no outline in have. The dot sits at the centroid of the country's
// largest ring: for archipelagos such as Kiribati, which straddle the
// antimeridian, the centroid of all the islands would fall in open sea.
func smallStates(path string, have map[string]bool) ([]country, error) {
	t, err := readTopology(path)
	if err != nil {
		return nil, err
	}
	g, err := groups(t, nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []country
	for code, parts := range g {
		if have[code] {
			continue
		}
		best, bestArea := pt{}, -1.0
		for _, rs := range parts {
			for _, r := range rs {
				ring := project(t, r)
				if crosses(ring) {
					continue // a sliver of an island split at ±180°
				}
				if c, a := centroid(ring); a > bestArea {
					best, bestArea = c, a
				}
			}
		}
		if bestArea < 0 {
			return nil, fmt.Errorf("%s: %s has no ring", path, code)
		}
		out = append(out, country{code: code, x: best.x, y: best.y, isDot: true})
	}
	slices.SortFunc(out, func(a, b country) int { return cmp.Compare(a.code, b.code) })
	return out, nil
}

// project returns a ring's positions on the viewBox, unsimplified.
func project(t *topology, refs []int) []pt {
	var r []pt
	for _, a := range refs {
		ll, _ := t.arc(index(a))
		if a < 0 {
			slices.Reverse(ll)
		}
		for _, p := range ll {
			x, y := equalearth.Project(p.lat, p.lon)
			r = append(r, pt{x, y})
		}
	}
	return r
}

// centroid returns the area centroid of a ring and its unsigned area. A ring
// too small to have an area (a rock drawn as a sliver) gets its mean position.
func centroid(r []pt) (pt, float64) {
	var a, cx, cy float64
	for i, p := range r {
		q := r[(i+1)%len(r)]
		c := p.x*q.y - q.x*p.y
		a += c
		cx += (p.x + q.x) * c
		cy += (p.y + q.y) * c
	}
	if a == 0 {
		var m pt
		for _, p := range r {
			m.x += p.x / float64(len(r))
			m.y += p.y / float64(len(r))
		}
		return m, 0
	}
	return pt{cx / (3 * a), cy / (3 * a)}, math.Abs(a) / 2
}

// crosses reports whether a projected ring jumps across the map, as a ring
// that crosses the antimeridian does; its centroid would mean nothing.
func crosses(r []pt) bool {
	for i, p := range r {
		if math.Abs(r[(i+1)%len(r)].x-p.x) > equalearth.Width/2 {
			return true
		}
	}
	return false
}
