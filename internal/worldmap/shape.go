package worldmap

// shape is one country outline: its ISO 3166-1 alpha-2 code and SVG path.
type shape struct {
	code string
	d    string
}

// dot places a small state that has no outline at the map's scale.
type dot struct {
	code string
	x, y float64
}
