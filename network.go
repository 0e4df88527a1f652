package proximite

import "context"

// NetworkFilter chooses the part of the network to draw: organisations
// of some kinds and in some countries (each list empty for all). A link
// is kept when either of its organisations passes the filter, so that a
// municipality's foreign partners appear beside it.
type NetworkFilter struct {
	Kinds     []OrgKind
	Countries []string
	// MaxNodes bounds the organisations returned, the most connected
	// first; zero means DefaultNetworkNodes, and it is capped at
	// MaxNetworkNodes.
	MaxNodes int
}

// Bounds of the network. The store reads at most NetworkRecords of the
// newest partnerships and as many projects (for each kind or country
// filtered on), and a drawing stays legible with some dozens of
// organisations.
const (
	DefaultNetworkNodes = 40
	MaxNetworkNodes     = 120
	NetworkRecords      = 1000
)

// NetworkNode is an organisation of the network, with the number of other
// organisations it is linked to.
type NetworkNode struct {
	Slug    string  `json:"slug"`
	Name    Text    `json:"name"`
	Kind    OrgKind `json:"kind"`
	Country string  `json:"country,omitempty"`
	Degree  int     `json:"degree"`
}

// NetworkEdge links two organisations (by slug, From < To) that take
// part in the same partnerships or projects, with how many of each.
type NetworkEdge struct {
	From         string `json:"from"`
	To           string `json:"to"`
	Partnerships int    `json:"partnerships"`
	Projects     int    `json:"projects"`
}

// NetworkGraph is the part of the network asked for.
type NetworkGraph struct {
	Nodes []NetworkNode
	Edges []NetworkEdge
	// LeftOut counts the organisations found but not returned, the least
	// connected, beyond MaxNodes.
	LeftOut int
	// Records counts the partnerships and projects read, and Sampled says
	// that the registry holds more matching ones than were read.
	Records int
	Sampled bool
}

// NetworkService draws the network of organisations linked by published
// partnerships and projects.
type NetworkService interface {
	NetworkGraph(ctx context.Context, f NetworkFilter) (*NetworkGraph, error)
}
