package web

import (
	"sort"

	"github.com/proximite/proximite"
)

// exchanges is what went each way between the partners: the delegations
// by direction, side by side, and a short summary of the reciprocity.
type exchanges struct {
	Columns  []directionColumn
	Summary  string
	Balanced bool
}

// directionColumn is the delegations of one direction.
type directionColumn struct {
	Direction   proximite.Direction
	Label       string
	Delegations int
	People      string // "12 personnes", or that the number is unknown
	Visits      []visitView
	Purposes    []proximite.Text // distinct purposes, in the visitor's language
}

// visitView is one delegation in a list.
type visitView struct {
	URL      string
	Start    proximite.Date
	Title    proximite.Text
	Period   string
	From, To proximite.Text
	People   int
}

// exchangesOf sorts the visits by direction. The delegation counts come
// from the registry's facets, exact even past the visits read in full.
func exchangesOf(l *localizer, visits []*proximite.Visit, byDirection map[string]int) exchanges {
	var x exchanges
	for _, dir := range proximite.Directions {
		col := directionColumn{Direction: dir, Label: l.Label("direction", string(dir)), Delegations: byDirection[string(dir)]}
		people, unknown := 0, false
		seen := map[string]bool{}
		for _, v := range visits {
			if v.Direction != dir {
				continue
			}
			n := v.Headcount()
			people += n
			unknown = unknown || n == 0
			col.Visits = append(col.Visits, visitView{URL: path(l.lang, secVisit, v.Slug), Start: v.Start, Title: v.Title,
				Period: l.When(v.Start, v.End), From: v.FromName, To: v.ToName, People: n})
			if s := l.plain(v.Purpose); s != "" && !seen[s] {
				seen[s] = true
				col.Purposes = append(col.Purposes, v.Purpose)
			}
		}
		if col.Delegations == 0 && len(col.Visits) == 0 {
			continue
		}
		switch {
		case people > 0 && unknown:
			col.People = l.N("exchanges.people.atleast", people)
		case people > 0:
			col.People = l.N("exchanges.people", people)
		default:
			col.People = l.T("exchanges.people.unknown")
		}
		sort.SliceStable(col.Visits, func(i, j int) bool { return col.Visits[i].Start < col.Visits[j].Start })
		x.Columns = append(x.Columns, col)
	}
	ns, sn := byDirection[string(proximite.NorthToSouth)], byDirection[string(proximite.SouthToNorth)]
	switch {
	case ns == 0 && sn == 0:
	case ns == sn:
		x.Balanced = true
		x.Summary = l.N("exchanges.balanced", ns)
	default:
		x.Summary = l.T("exchanges.unbalanced", "ns", l.N("exchanges.delegations", ns), "sn", l.N("exchanges.delegations", sn))
	}
	return x
}
