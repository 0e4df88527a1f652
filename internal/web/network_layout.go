package web

import "math"

// point is a position in the drawing's coordinates.
type point struct{ X, Y float64 }

// Parameters of the layout: enough iterations for a few dozen nodes to
// settle, and a margin left for the labels.
const (
	layoutIterations = 300
	layoutMargin     = 40.0
	layoutGravity    = 0.9
)

// layoutGraph places n nodes linked by edges (pairs of indexes) in a
// w×h box with a force-directed layout (Fruchterman and Reingold):
// nodes repel each other, links pull their ends together, and a weak
// pull to the centre keeps the unlinked from drifting to the edges. It
// starts from a circle on which nodes are grouped as given (by country),
// so that the same graph is always drawn the same way: there is no
// randomness at all, and the order of the nodes decides the rest.
func layoutGraph(n int, edges [][2]int, w, h float64) []point {
	pos := make([]point, n)
	if n == 0 {
		return pos
	}
	cx, cy := w/2, h/2
	radius := math.Min(w, h)/2 - layoutMargin
	for i := range pos {
		a := 2 * math.Pi * float64(i) / float64(n)
		pos[i] = point{cx + radius*math.Cos(a), cy + radius*math.Sin(a)}
	}
	if n == 1 {
		return []point{{cx, cy}}
	}
	k := math.Sqrt((w - 2*layoutMargin) * (h - 2*layoutMargin) / float64(n))
	disp := make([]point, n)
	for it := range layoutIterations {
		temp := (w / 10) * (1 - float64(it)/layoutIterations)
		for i := range disp {
			disp[i] = point{}
		}
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				dx, dy := pos[i].X-pos[j].X, pos[i].Y-pos[j].Y
				d := math.Max(math.Hypot(dx, dy), 0.01)
				f := k * k / d
				disp[i].X += dx / d * f
				disp[i].Y += dy / d * f
				disp[j].X -= dx / d * f
				disp[j].Y -= dy / d * f
			}
		}
		for _, e := range edges {
			a, b := e[0], e[1]
			dx, dy := pos[a].X-pos[b].X, pos[a].Y-pos[b].Y
			d := math.Max(math.Hypot(dx, dy), 0.01)
			f := d * d / k
			disp[a].X -= dx / d * f
			disp[a].Y -= dy / d * f
			disp[b].X += dx / d * f
			disp[b].Y += dy / d * f
		}
		for i := range pos {
			// Gravity grows with the distance from the centre, so that a
			// small component apart does not push the rest into a corner.
			disp[i].X += (cx - pos[i].X) * layoutGravity
			disp[i].Y += (cy - pos[i].Y) * layoutGravity
			d := math.Max(math.Hypot(disp[i].X, disp[i].Y), 0.01)
			step := math.Min(d, temp)
			pos[i].X += disp[i].X / d * step
			pos[i].Y += disp[i].Y / d * step
		}
	}
	return fit(pos, w, h)
}

// fit scales and moves the positions to fill the box inside the margin.
func fit(pos []point, w, h float64) []point {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range pos {
		minX, maxX = math.Min(minX, p.X), math.Max(maxX, p.X)
		minY, maxY = math.Min(minY, p.Y), math.Max(maxY, p.Y)
	}
	sx := (w - 2*layoutMargin) / math.Max(maxX-minX, 1)
	sy := (h - 2*layoutMargin) / math.Max(maxY-minY, 1)
	out := make([]point, len(pos))
	for i, p := range pos {
		out[i] = point{layoutMargin + (p.X-minX)*sx, layoutMargin + (p.Y-minY)*sy}
		if maxX-minX < 1 {
			out[i].X = w / 2
		}
		if maxY-minY < 1 {
			out[i].Y = h / 2
		}
	}
	return out
}
