package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// atlas returns the world-atlas folder named by WORLD_ATLAS, or skips: the
// package is fetched with npm outside the repository and is not in CI.
func atlas(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("WORLD_ATLAS")
	if dir == "" {
		t.Skip("WORLD_ATLAS is not set: `npm install --prefix /tmp/wa world-atlas@2` and set WORLD_ATLAS=/tmp/wa/node_modules/world-atlas to run the generator")
	}
	if _, err := os.Stat(filepath.Join(dir, "countries-110m.json")); err != nil {
		t.Skipf("WORLD_ATLAS=%s holds no countries-110m.json: %v", dir, err)
	}
	return dir
}

// TestGenerateUpToDate regenerates the outlines and compares them with the
// committed file, so that a change to the generator is not left unapplied.
func TestGenerateUpToDate(t *testing.T) {
	dir := atlas(t)
	var warn bytes.Buffer
	got, err := generate(dir, defaults, &warn)
	if err != nil {
		t.Fatal(err)
	}
	if warn.Len() != 0 {
		t.Errorf("the generator left shapes out:\n%s", warn.String())
	}
	want, err := os.ReadFile("../shapes_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("shapes_gen.go is stale: run `WORLD_ATLAS=%s go generate ./internal/worldmap`", dir)
	}
	if len(got) > 150<<10 {
		t.Errorf("shapes_gen.go is %d bytes, over the 150 KB budget", len(got))
	}
}

func TestGenerateRejects(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"not json":     "{",
		"no transform": `{"type":"Topology","arcs":[],"objects":{"countries":{"geometries":[{"type":"Polygon","arcs":[[0]]}]}}}`,
		"no countries": `{"type":"Topology","transform":{"scale":[1,1],"translate":[0,0]},"arcs":[],"objects":{}}`,
	} {
		t.Run(name, func(t *testing.T) {
			if err := os.WriteFile(filepath.Join(dir, "countries-110m.json"), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := generate(dir, defaults, nil)
			if err == nil || !strings.Contains(err.Error(), "countries-110m.json") {
				t.Errorf("generate = %v, want an error naming the file", err)
			}
		})
	}
}

func TestCutAntimeridian(t *testing.T) {
	// Fiji's coast crosses from 179° E to 179° W.
	pieces := cutAntimeridian([]lonLat{{178, -16}, {179, -17}, {-179, -19}, {-178, -18}})
	if len(pieces) != 2 {
		t.Fatalf("%d pieces, want 2: %v", len(pieces), pieces)
	}
	east, west := pieces[0][len(pieces[0])-1], pieces[1][0]
	if east != (lonLat{180, -18}) || west != (lonLat{-180, -18}) {
		t.Errorf("crossing at %v and %v, want (±180, -18)", east, west)
	}
	if n := len(cutAntimeridian([]lonLat{{-10, 0}, {10, 5}, {30, 0}})); n != 1 {
		t.Errorf("an arc that stays on one side was cut into %d pieces", n)
	}
}

func TestDouglasPeucker(t *testing.T) {
	for _, tc := range []struct {
		name string
		pts  []pt
		want []bool
	}{
		{"wobble", []pt{{0, 0}, {1, 0.1}, {2, -0.1}, {3, 0.05}, {4, 0}}, []bool{true, false, false, false, true}},
		{"spike", []pt{{0, 0}, {1, 1.4}, {2, 3}, {3, 1.4}, {4, 0}}, []bool{true, false, true, false, true}},
		{"closed", []pt{{0, 0}, {1, 0.2}, {2, 0}, {2, 2}, {0, 2}, {0, 0}}, []bool{true, false, true, true, true, true}},
	} {
		keep := make([]bool, len(tc.pts))
		keep[0], keep[len(keep)-1] = true, true
		douglasPeucker(tc.pts, 0, len(tc.pts)-1, 0.5, keep)
		if fmt.Sprint(keep) != fmt.Sprint(tc.want) {
			t.Errorf("%s: kept %v, want %v", tc.name, keep, tc.want)
		}
	}
}

func TestPathData(t *testing.T) {
	for _, tc := range []struct {
		precision int
		rings     [][]gridPt
		want      string
	}{
		{1, [][]gridPt{{{10, 20}, {12, 20}, {11, 18}}}, "M10 20l2 0-1-2z"},
		{1, [][]gridPt{{{0, 0}, {1, 0}, {1, 1}}, {{5, 5}, {6, 5}, {6, 6}}}, "M0 0l1 0 0 1zm5 5l1 0 0 1z"},
		{10, [][]gridPt{{{105, 20}, {100, 25}, {95, 20}}}, "M10.5 2l-.5 .5-.5-.5z"},
	} {
		if got := pathData(tc.rings, tc.precision); got != tc.want {
			t.Errorf("pathData(%v) = %q, want %q", tc.rings, got, tc.want)
		}
	}
}

func TestRingCutsAtAntimeridian(t *testing.T) {
	// One ring that leaves the right edge at x=1000 and comes back on the
	// left at x=0, as Chukotka does.
	s := &simplifier{precision: 1, cache: map[int][]gridPt{
		0: {{990, 50}, {1000, 50}, {0, 50}, {5, 52}, {0, 55}, {1000, 55}, {995, 53}, {990, 50}},
	}}
	rings, err := s.ring([]int{0})
	if err != nil {
		t.Fatal(err)
	}
	if len(rings) != 2 {
		t.Fatalf("%d rings, want one on each edge: %v", len(rings), rings)
	}
	for _, r := range rings {
		for _, p := range r[1:] {
			if abs(p.x-r[0].x) > 500 {
				t.Errorf("ring %v still spans the map", r)
			}
		}
	}
}

// TestMerge joins two squares that share an edge (Somalia and Somaliland)
// into one ring without the shared edge.
func TestMerge(t *testing.T) {
	topo := &topology{Transform: &transform{Scale: [2]float64{1, 1}}, Arcs: [][][2]int64{
		{{1, 0}, {0, 1}},                   // 0: the shared edge, (1,0) to (1,1)
		{{1, 1}, {-1, 0}, {0, -1}, {1, 0}}, // 1: the left square's other sides
		{{1, 1}, {1, 0}, {0, -1}, {-1, 0}}, // 2: the right square's other sides
	}}
	rings, err := merge(topo, [][][]int{{{1, 0}}, {{^2, ^0}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(rings) != 1 || len(rings[0]) != 2 || rings[0][0] != 1 || rings[0][1] != ^2 {
		t.Errorf("merged rings = %v, want [[1 %d]]", rings, ^2)
	}
	if _, err := merge(topo, [][][]int{{{1}}, {{^2, ^0}}}); err == nil {
		t.Error("merge closed rings that do not close")
	}
}
