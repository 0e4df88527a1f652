package web

import (
	"math"
	"sort"
	"strconv"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
)

// networkDrawing is the SVG of the network, in the coordinates of its
// viewBox; the template writes it out.
type networkDrawing struct {
	W, H  int
	Edges []svgEdge
	Nodes []svgNode
}

// svgEdge is a link as drawn: solid for a partnership, dashed for
// projects only.
type svgEdge struct {
	X1, Y1, X2, Y2 string
	Partnership    bool
	Width          string
}

// svgNode is an organisation as drawn, a link to its page.
type svgNode struct {
	X, Y, R string
	Colour  string
	URL     string
	Title   string // name, kind and country, for the link's name
	Label   string // the name written beside the biggest nodes
	LX, LY  string
	Anchor  string
}

// nodeRadius grows with the links of a node, within bounds.
func nodeRadius(degree int) float64 {
	return 5 + math.Min(2*math.Sqrt(float64(degree)), 9)
}

// Size of the drawing, and how many of the most connected organisations
// get their name written beside them (the others have it on hover and
// in the table).
const (
	networkW      = 960
	networkH      = 640
	networkLabels = 24
	networkLabel  = 26 // characters of a written name
)

// kindColours are the colours of the kinds of organisation, dark enough
// to stand out from the white background.
var kindColours = map[proximite.OrgKind]string{
	proximite.Municipality: "#1f5fa8", proximite.RegionalCounty: "#0f7f8a", proximite.MunicipalFederation: "#6a3d9a",
	proximite.NGO: "#2a7d2a", proximite.Cooperative: "#8c564b", proximite.Union: "#5f5f5f",
	proximite.Academic: "#8a6d00", proximite.CommunityGroup: "#c2410c", proximite.Diaspora: "#b0307f",
	proximite.Foundation: "#b91c1c", proximite.GovernmentAgency: "#303b79", proximite.PublicService: "#4d6b1f",
	proximite.Multilateral: "#7a2e2a", proximite.Network: "#7b4173", proximite.Enterprise: "#4b4fa3",
}

func kindColour(k proximite.OrgKind) string {
	if c, ok := kindColours[k]; ok {
		return c
	}
	return "#444444"
}

func coord(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }

// drawNetwork lays the network out and returns its drawing and the
// legend of the kinds it shows. Nodes go round the starting circle by
// country, so that each country's organisations start together.
func drawNetwork(l *localizer, g *proximite.NetworkGraph) (networkDrawing, []networkLegend) {
	d := networkDrawing{W: networkW, H: networkH}
	order := make([]int, len(g.Nodes))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		na, nb := g.Nodes[order[a]], g.Nodes[order[b]]
		if na.Country != nb.Country {
			return na.Country < nb.Country
		}
		return na.Slug < nb.Slug
	})
	at := map[string]int{} // slug → place in order
	for i, n := range order {
		at[g.Nodes[n].Slug] = i
	}
	edges := make([][2]int, len(g.Edges))
	for i, e := range g.Edges {
		edges[i] = [2]int{at[e.From], at[e.To]}
	}
	pos := layoutGraph(len(order), edges, networkW, networkH)
	for i, e := range g.Edges {
		a, b := pos[edges[i][0]], pos[edges[i][1]]
		w := 1.2 + math.Min(float64(e.Partnerships+e.Projects), 6)*0.4
		d.Edges = append(d.Edges, svgEdge{X1: coord(a.X), Y1: coord(a.Y), X2: coord(b.X), Y2: coord(b.Y),
			Partnership: e.Partnerships > 0, Width: coord(w)})
	}
	kinds := map[proximite.OrgKind]bool{}
	// Every node's circle is taken before any name is written.
	var taken []box
	for _, n := range g.Nodes {
		p := pos[at[n.Slug]]
		r := nodeRadius(n.Degree)
		taken = append(taken, box{p.X - r, p.Y - r, p.X + r, p.Y + r})
	}
	for i, n := range g.Nodes {
		p := pos[at[n.Slug]]
		r := nodeRadius(n.Degree)
		name := l.plain(n.Name)
		title := name + " — " + l.Label("orgkind", string(n.Kind))
		if n.Country != "" {
			title += ", " + codelist.Country.Label(n.Country, l.lang)
		}
		node := svgNode{X: coord(p.X), Y: coord(p.Y), R: coord(r), Colour: kindColour(n.Kind),
			URL: path(l.lang, secOrganisation, n.Slug), Title: title}
		if i < networkLabels {
			label := excerpt(name, networkLabel)
			if at, ok := placeLabel(p, r, label, taken, networkW, networkH); ok {
				taken = append(taken, at.b)
				node.Label, node.LX, node.LY, node.Anchor = label, coord(at.x), coord(at.y), at.anchor
			}
		}
		d.Nodes = append(d.Nodes, node)
		kinds[n.Kind] = true
	}
	var legend []networkLegend
	for _, k := range proximite.OrgKinds {
		if kinds[k] {
			legend = append(legend, networkLegend{Colour: kindColour(k), Label: l.Label("orgkind", string(k))})
		}
	}
	return d, legend
}
