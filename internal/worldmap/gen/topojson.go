package main

import (
	"encoding/json"
	"fmt"
	"os"
)

// topology is the part of a TopoJSON file the generator reads: quantized,
// delta-encoded arcs and one object of country geometries that refer to them.
type topology struct {
	Transform *transform   `json:"transform"`
	Arcs      [][][2]int64 `json:"arcs"`
	Objects   map[string]struct {
		Geometries []geometry `json:"geometries"`
	} `json:"objects"`
}

// transform maps the arcs' integer grid to degrees.
type transform struct {
	Scale     [2]float64 `json:"scale"`
	Translate [2]float64 `json:"translate"`
}

// geometry is one country: a Polygon (a list of rings) or a MultiPolygon (a
// list of polygons), each ring a list of arc indexes where ^i means arc i
// walked backwards.
type geometry struct {
	Type       string                `json:"type"`
	ID         string                `json:"id"`
	Properties struct{ Name string } `json:"properties"`
	Arcs       json.RawMessage       `json:"arcs"`
}

// lonLat is a decoded position in degrees.
type lonLat struct{ lon, lat float64 }

// readTopology reads a world-atlas countries file and checks that it has the
// shape the generator expects, so that a wrong file fails with a plain
// message rather than an empty map.
func readTopology(path string) (*topology, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var t topology
	if err := json.Unmarshal(raw, &t); err != nil {
		return nil, fmt.Errorf("%s: not TopoJSON: %w", path, err)
	}
	if t.Transform == nil {
		return nil, fmt.Errorf("%s: no transform: the generator reads quantized TopoJSON (world-atlas 2.x)", path)
	}
	if len(t.Objects["countries"].Geometries) == 0 {
		return nil, fmt.Errorf("%s: no countries object", path)
	}
	return &t, nil
}

// arc decodes arc i: the positions are delta-encoded integers on the
// transform's grid. The integer positions are returned too, because they are
// exact and serve as keys when rings are stitched together.
func (t *topology) arc(i int) (pts []lonLat, grid [][2]int64) {
	var x, y int64
	for _, d := range t.Arcs[i] {
		x, y = x+d[0], y+d[1]
		grid = append(grid, [2]int64{x, y})
		pts = append(pts, lonLat{
			lon: float64(x)*t.Transform.Scale[0] + t.Transform.Translate[0],
			lat: float64(y)*t.Transform.Scale[1] + t.Transform.Translate[1],
		})
	}
	return pts, grid
}

// rings returns the rings of a geometry as lists of arc references, flattening
// a MultiPolygon's polygons: the map fills with the even-odd rule, so holes
// need no grouping with their outer ring.
func (g *geometry) rings() ([][]int, error) {
	switch g.Type {
	case "Polygon":
		var rs [][]int
		err := json.Unmarshal(g.Arcs, &rs)
		return rs, err
	case "MultiPolygon":
		var ps [][][]int
		if err := json.Unmarshal(g.Arcs, &ps); err != nil {
			return nil, err
		}
		var rs [][]int
		for _, p := range ps {
			rs = append(rs, p...)
		}
		return rs, nil
	}
	return nil, fmt.Errorf("geometry %q (%s): unexpected type %q", g.ID, g.Properties.Name, g.Type)
}

// merge joins the rings of several geometries that share one code (Somalia
// and Somaliland): arcs walked by both sides are their common border, which
// is dropped, and the remaining arcs are stitched into closed rings again.
func merge(t *topology, parts [][][]int) ([][]int, error) {
	if len(parts) == 1 {
		return parts[0], nil
	}
	used := map[int]int{} // arc index → how many times it is walked, either way
	for _, rs := range parts {
		for _, r := range rs {
			for _, a := range r {
				used[index(a)]++
			}
		}
	}
	type end struct{ from, to [2]int64 }
	var open []int
	ends := map[int]end{}
	for _, rs := range parts {
		for _, r := range rs {
			for _, a := range r {
				if used[index(a)] > 1 {
					continue
				}
				_, g := t.arc(index(a))
				e := end{g[0], g[len(g)-1]}
				if a < 0 {
					e = end{e.to, e.from}
				}
				ends[a] = e
				open = append(open, a)
			}
		}
	}
	var out [][]int
	done := map[int]bool{}
	for _, first := range open {
		if done[first] {
			continue
		}
		ring := []int{first}
		done[first] = true
		for at := ends[first].to; at != ends[first].from; {
			next, ok := 0, false
			for _, a := range open {
				if !done[a] && ends[a].from == at {
					next, ok = a, true
					break
				}
			}
			if !ok {
				return nil, fmt.Errorf("merge: ring starting with arc %d does not close", first)
			}
			ring = append(ring, next)
			done[next] = true
			at = ends[next].to
		}
		out = append(out, ring)
	}
	return out, nil
}

// index returns the arc an arc reference points at: ^i (that is -i-1) is
// arc i reversed.
func index(a int) int {
	if a < 0 {
		return ^a
	}
	return a
}
