package web

// box is a rectangle of the drawing, to keep names from overlapping.
type box struct{ x0, y0, x1, y1 float64 }

func (a box) overlaps(b box) bool {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

// Size of a written name in the drawing's units: the labels are 13 px
// bold, about 7.5 px a character on average.
const (
	labelCharW = 7.5
	labelH     = 15.0
)

// labelPlace is where a name is written relative to its node.
type labelPlace struct {
	x, y   float64
	anchor string
	b      box
}

// placeLabel finds room for a name beside a node: to the right, to the
// left, above or below, whichever first overlaps no name or node placed
// before it. It reports false when none is free: the name is then left
// to the link's title and the table, rather than written over another.
func placeLabel(p point, r float64, text string, taken []box, w, h float64) (labelPlace, bool) {
	tw := float64(len([]rune(text))) * labelCharW
	candidates := []labelPlace{
		{x: p.X + r + 3, y: p.Y, anchor: "start", b: box{p.X + r + 3, p.Y - labelH/2, p.X + r + 3 + tw, p.Y + labelH/2}},
		{x: p.X - r - 3, y: p.Y, anchor: "end", b: box{p.X - r - 3 - tw, p.Y - labelH/2, p.X - r - 3, p.Y + labelH/2}},
		{x: p.X, y: p.Y - r - labelH/2 - 2, anchor: "middle", b: box{p.X - tw/2, p.Y - r - labelH - 2, p.X + tw/2, p.Y - r - 2}},
		{x: p.X, y: p.Y + r + labelH/2 + 2, anchor: "middle", b: box{p.X - tw/2, p.Y + r + 2, p.X + tw/2, p.Y + r + labelH + 2}},
	}
	// Nodes near the right edge try the left side first.
	if p.X > w*0.6 {
		candidates[0], candidates[1] = candidates[1], candidates[0]
	}
	for _, c := range candidates {
		// A name above or below a node near an edge slides inside.
		if c.anchor == "middle" {
			shift := max(0, -c.b.x0) - max(0, c.b.x1-w)
			c.x, c.b.x0, c.b.x1 = c.x+shift, c.b.x0+shift, c.b.x1+shift
		}
		if c.b.x0 < 0 || c.b.x1 > w || c.b.y0 < 0 || c.b.y1 > h {
			continue
		}
		free := true
		for _, t := range taken {
			if c.b.overlaps(t) {
				free = false
				break
			}
		}
		if free {
			return c, true
		}
	}
	return labelPlace{}, false
}
