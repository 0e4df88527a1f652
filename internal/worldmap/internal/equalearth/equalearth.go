// Package equalearth is the Equal Earth projection (Šavrič, Patterson and
// Jenny, 2018) scaled to the world map's viewBox. It is shared by the
// generator, which projects the country outlines once, and by the map at run
// time, which places localities on them: both must use the very same formula.
package equalearth

import "math"

// Width and Height are the size of the map's viewBox. The whole longitude
// range spans the width; the height is cropped to the inhabited latitudes
// (84° N to 57° S), since the map leaves Antarctica out.
const (
	Width  = 1000
	Height = 440
)

// The polynomial coefficients of the projection, from the paper.
const (
	a1 = 1.340264
	a2 = -0.081106
	a3 = 0.000893
	a4 = 0.003796
)

// m is √3/2; it appears in the parametric latitude and in x.
var m = math.Sqrt(3) / 2

// scale maps the projection's unit plane (x in ±2.7066 at the equator) onto
// Width; equator is the y of latitude 0, chosen so that 84° N lands just
// below the top edge.
var (
	scale   = Width / 2 / xMax
	xMax    = unit(0, math.Pi)
	equator = 244.0
)

// Project returns the viewBox position of a point given in degrees.
// Latitudes beyond ±90 are clamped; longitudes are taken as they are, so
// callers should keep them within ±180.
func Project(lat, lon float64) (x, y float64) {
	lat = math.Max(-90, math.Min(90, lat))
	ux, uy := unitXY(lat*math.Pi/180, lon*math.Pi/180)
	return Width/2 + ux*scale, equator - uy*scale
}

// unit returns the unscaled x of a point given in radians.
func unit(phi, lambda float64) float64 {
	x, _ := unitXY(phi, lambda)
	return x
}

// unitXY is the projection proper, on the unit plane, y pointing north.
func unitXY(phi, lambda float64) (x, y float64) {
	t := math.Asin(m * math.Sin(phi))
	t2 := t * t
	t6 := t2 * t2 * t2
	x = lambda * math.Cos(t) / (m * (a1 + 3*a2*t2 + t6*(7*a3+9*a4*t2)))
	y = t * (a1 + a2*t2 + t6*(a3+a4*t2))
	return x, y
}
