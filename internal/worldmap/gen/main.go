// Command gen writes shapes_gen.go, the country outlines of package worldmap,
// from the Natural Earth country shapes (public domain) packaged by the npm
// package world-atlas 2.x. world-atlas is not part of the repository; fetch it
// outside the tree and point the generator at it:
//
//	npm install --prefix /tmp/wa world-atlas@2
//	WORLD_ATLAS=/tmp/wa/node_modules/world-atlas go generate ./internal/worldmap
//
// The generator reads countries-110m.json for the outlines: it decodes the
// TopoJSON arcs, projects them with Equal Earth onto the map's viewBox,
// simplifies each shared arc once (so neighbours keep the same border),
// rounds to the grid, drops Antarctica and the islands too small to see, and
// writes one SVG path per ISO 3166-1 alpha-2 code. From countries-50m.json it
// takes only a position for the small states the 1:110m file leaves out
// (Cabo Verde, Comoros, Mauritius…), which the map draws as dots.
package main

import (
	"bytes"
	"cmp"
	"flag"
	"fmt"
	"go/format"
	"io"
	"os"
	"path/filepath"
	"slices"
)

// options are the generator's knobs; the defaults are those the committed
// file was made with.
type options struct {
	tolerance float64 // simplification tolerance, viewBox units
	precision int     // grid steps per viewBox unit
	minArea   float64 // rings smaller than this (viewBox units²) are dropped
}

var defaults = options{tolerance: 0.4, precision: 1, minArea: 2}

func main() {
	atlas := flag.String("atlas", os.Getenv("WORLD_ATLAS"), "folder of the world-atlas npm package (default $WORLD_ATLAS)")
	out := flag.String("out", "shapes_gen.go", "Go file to write")
	opt := defaults
	flag.Float64Var(&opt.tolerance, "tolerance", opt.tolerance, "simplification tolerance, in viewBox units")
	flag.IntVar(&opt.precision, "precision", opt.precision, "grid steps per viewBox unit (1: integers, 10: one decimal)")
	flag.Float64Var(&opt.minArea, "min-area", opt.minArea, "smallest island kept, in square viewBox units")
	flag.Parse()
	if *atlas == "" {
		fail(fmt.Errorf("no -atlas folder: run `npm install --prefix /tmp/wa world-atlas@2` and pass -atlas /tmp/wa/node_modules/world-atlas (or set WORLD_ATLAS)"))
	}
	code, err := generate(*atlas, opt, os.Stderr)
	if err == nil {
		err = os.WriteFile(*out, code, 0o644)
	}
	if err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "worldmap gen:", err)
	os.Exit(1)
}

// country is one output entry.
type country struct {
	code  string
	d     string
	x, y  float64 // dots only
	isDot bool
}

// generate returns the Go source of shapes_gen.go. Shapes it cannot name are
// reported on warn and left out.
func generate(atlas string, opt options, warn io.Writer) ([]byte, error) {
	shapes, err := outlines(filepath.Join(atlas, "countries-110m.json"), opt, warn)
	if err != nil {
		return nil, err
	}
	have := map[string]bool{}
	for _, c := range shapes {
		have[c.code] = true
	}
	dots, err := smallStates(filepath.Join(atlas, "countries-50m.json"), have)
	if err != nil {
		return nil, err
	}
	return source(shapes, dots)
}

// groups returns the country geometries of a file by alpha-2 code, leaving
// out Antarctica (the map stops at 57° S) and naming on warn what it cannot
// code.
func groups(t *topology, warn io.Writer) (map[string][][][]int, error) {
	g := map[string][][][]int{}
	for _, geo := range t.Objects["countries"].Geometries {
		code, ok := alpha2[geo.ID]
		if !ok {
			code, ok = byName[geo.Properties.Name]
		}
		if !ok {
			if warn != nil {
				fmt.Fprintf(warn, "worldmap gen: skipped %q (id %q): no ISO code\n", geo.Properties.Name, geo.ID)
			}
			continue
		}
		if code == "AQ" {
			continue
		}
		rs, err := geo.rings()
		if err != nil {
			return nil, err
		}
		g[code] = append(g[code], rs)
	}
	return g, nil
}

// outlines builds the simplified path of every country in the 1:110m file.
func outlines(path string, opt options, warn io.Writer) ([]country, error) {
	t, err := readTopology(path)
	if err != nil {
		return nil, err
	}
	g, err := groups(t, warn)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	s := &simplifier{topo: t, tolerance: opt.tolerance, precision: opt.precision, cache: map[int][]gridPt{}}
	minArea := opt.minArea * float64(opt.precision*opt.precision)
	var out []country
	for code, parts := range g {
		refs, err := merge(t, parts)
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", path, code, err)
		}
		var rings [][]gridPt
		largest := -1
		for _, r := range refs {
			cut, err := s.ring(r)
			if err != nil {
				return nil, fmt.Errorf("%s: %s: %w", path, code, err)
			}
			for _, ring := range cut {
				if len(ring) < 3 {
					continue
				}
				rings = append(rings, ring)
				if largest < 0 || area(ring) > area(rings[largest]) {
					largest = len(rings) - 1
				}
			}
		}
		kept := rings[:0]
		for i, r := range rings {
			if i == largest || area(r) >= minArea {
				kept = append(kept, r)
			}
		}
		if len(kept) == 0 {
			return nil, fmt.Errorf("%s: %s vanishes at tolerance %g: lower it or raise the precision", path, code, opt.tolerance)
		}
		out = append(out, country{code: code, d: pathData(kept, opt.precision)})
	}
	slices.SortFunc(out, func(a, b country) int { return cmp.Compare(a.code, b.code) })
	return out, nil
}

// source formats the generated file.
func source(shapes, dots []country) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("// Code generated by go run ./gen from world-atlas (Natural Earth, public domain); DO NOT EDIT.\n\npackage worldmap\n\n")
	b.WriteString("// shapes are the country outlines, projected with Equal Earth onto the\n// viewBox and sorted by ISO 3166-1 alpha-2 code.\nvar shapes = []shape{\n")
	for _, c := range shapes {
		fmt.Fprintf(&b, "{%q, %q},\n", c.code, c.d)
	}
	b.WriteString("}\n\n// dots place the small states that have no outline at this scale; the map\n// draws one only when the state has data.\nvar dots = []dot{\n")
	for _, c := range dots {
		fmt.Fprintf(&b, "{%q, %.1f, %.1f},\n", c.code, c.x, c.y)
	}
	b.WriteString("}\n")
	return format.Source(b.Bytes())
}
