package web

import (
	"sort"
	"time"

	"github.com/proximite/proximite"
)

// timelineEvent is one dated step of a partnership's life on its page:
// an event of its own timeline, the start or end of one of its projects,
// its delegations, and today.
type timelineEvent struct {
	Date  proximite.Date
	Kind  string // for the style and the label: first_contact, project_start, visits, today…
	Label string // the kind, named
	Title proximite.Text
	Text  string // a sentence of the site's own, when there is no title
	Desc  proximite.Text
	URL   string
}

// eventOrder breaks ties between events of the same date: a partnership
// begins before its projects, and ends after them.
var eventOrder = map[string]int{
	string(proximite.FirstContact): 0, "start": 1, string(proximite.Agreement): 2, string(proximite.Renewal): 3,
	string(proximite.Resumed): 4, "project_start": 5, "visits": 6, string(proximite.Milestone): 7,
	string(proximite.Evaluation): 8, "project_end": 9, string(proximite.OnHold): 10, string(proximite.Ended): 11,
	"end": 12, "today": 13,
}

// timeline merges a partnership's own events with the dates of its
// projects and visits, in date order, ending with today. Dates of
// different precision sort as written: "1993" before "1993-05".
func timeline(l *localizer, p *proximite.Partnership, projects []*proximite.Project, visits []*proximite.Visit, now time.Time) []timelineEvent {
	var evs []timelineEvent
	dates := map[proximite.Date]bool{}
	ended := false
	for _, e := range p.Timeline {
		evs = append(evs, timelineEvent{Date: e.Date, Kind: string(e.Kind), Label: l.Label("event", string(e.Kind)),
			Title: e.Title, Desc: e.Description})
		dates[e.Date] = true
		ended = ended || e.Kind == proximite.Ended
	}
	if p.Start != "" && !dates[p.Start] {
		evs = append(evs, timelineEvent{Date: p.Start, Kind: "start", Label: l.Label("event", "start"), Text: l.T("timeline.start")})
	}
	if p.End != "" && !ended {
		evs = append(evs, timelineEvent{Date: p.End, Kind: "end", Label: l.Label("event", "end"), Text: l.T("timeline.end")})
	}
	for _, pr := range projects {
		u := path(l.lang, secProject, pr.Slug)
		if s := pr.Start(); s != "" {
			evs = append(evs, timelineEvent{Date: s, Kind: "project_start", Label: l.Label("event", "project_start"), Title: pr.Title, URL: u})
		}
		if e := pr.End(); e != "" && (pr.ActualEnd != "" || e.Year() < now.Year()) {
			evs = append(evs, timelineEvent{Date: e, Kind: "project_end", Label: l.Label("event", "project_end"), Title: pr.Title, URL: u})
		}
	}
	evs = append(evs, visitEvents(l, visits)...)
	sort.SliceStable(evs, func(i, j int) bool {
		if evs[i].Date != evs[j].Date {
			return evs[i].Date < evs[j].Date
		}
		return eventOrder[evs[i].Kind] < eventOrder[evs[j].Kind]
	})
	today := proximite.Date(now.UTC().Format("2006-01-02"))
	return append(evs, timelineEvent{Date: today, Kind: "today", Text: l.T("timeline.today")})
}

// visitEvents puts delegations on the timeline. Delegations that share
// their dates and their way (Buckingham's four stays in Nioro du Rip,
// known only as "between 1993 and 2000") make one event, counted.
func visitEvents(l *localizer, visits []*proximite.Visit) []timelineEvent {
	type key struct {
		start, end proximite.Date
		from, to   string
		dir        proximite.Direction
	}
	groups := map[key][]*proximite.Visit{}
	var order []key
	for _, v := range visits {
		k := key{v.Start, v.End, v.From, v.To, v.Direction}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], v)
	}
	var evs []timelineEvent
	for _, k := range order {
		vs := groups[k]
		e := timelineEvent{Date: k.start, Kind: "visits", Label: l.Label("direction", string(k.dir))}
		if len(vs) == 1 {
			e.Title, e.URL = vs[0].Title, path(l.lang, secVisit, vs[0].Slug)
		} else {
			e.Text = l.N("timeline.visits", len(vs), "from", l.plain(vs[0].FromName), "to", l.plain(vs[0].ToName),
				"period", l.When(k.start, k.end))
		}
		evs = append(evs, e)
	}
	return evs
}
