package web

import (
	"context"
	"net/http"
	"sort"

	"github.com/proximite/proximite"
)

// wsItem is one record in the workspace's lists, with the buttons the
// person may press.
type wsItem struct {
	Type          proximite.RecordType
	Kind          string // the type's name
	Title         proximite.Text
	State         proximite.State
	StateName     string
	Public        string // the public page, when published
	History       string
	Edit          string // the record's editing form, for those who may edit it
	Confirmed     bool
	LastConfirmed string
	Updated       string
	Actions       []wsAction
}

// wsAction is one button of a record: a form that posts to Href.
type wsAction struct {
	Label     string
	Href      string
	Secondary bool
}

// wsGroup is the records of one state.
type wsGroup struct {
	State   proximite.State
	Heading string
	Items   []wsItem
}

// workspaceData is the data of "my workspace".
type workspaceData struct {
	page
	User        *proximite.User
	RoleName    string
	Orgs        []recordLink
	Notice      string
	Groups      []wsGroup
	Coordinator bool
	Queue       []wsItem
	QueueHref   string
	SignOut     string
	// Accounts links to the accounts page, for those who manage them.
	Accounts string
	// Events links to the calendar's events, to create and edit them.
	Events string
	// Bulletin links to the bulletin's issues and subscribers.
	Bulletin string
	// Board links to the partner board's form; Checklist, for
	// coordinators, to the partner-selection checklist.
	Board, Checklist string
	// New links to the forms that create records.
	New []navItem
	// Library lists the publications not yet public, for coordinators.
	Library []libraryItem
}

// maxListed bounds the records listed per organisation or in the queue;
// a network's members keep far fewer.
const maxListed = proximite.MaxLimit

// workspace lists the records of the person's organisations in every
// state, with what they may do to each, and for coordinators the queue
// of records that wait for publication.
func (h *Handler) workspace(w http.ResponseWriter, r *http.Request, l *localizer) {
	u := h.member(w, r, l)
	if u == nil {
		return
	}
	ctx := r.Context()
	d := workspaceData{page: h.wsBase(r, l, wsHome, l.T("ws.home.title")), User: u, RoleName: l.T("ws.role." + string(u.Role)),
		Coordinator: u.Role == proximite.RoleCoordinator || u.Role == proximite.RoleAdmin,
		QueueHref:   wsPath(l.lang, wsQueue), SignOut: wsPath(l.lang, wsSignOut)}
	for _, f := range forms {
		// Only the records the policy lets this person create: a new
		// organisation is none of an editor's, a programme is the
		// coordinators'.
		t := proximite.Target{Type: f.typ, State: proximite.Draft, Orgs: u.Orgs}
		if f.typ == proximite.TypeOrganisation {
			t.Orgs = nil
		}
		if proximite.Can(u, proximite.ActionCreate, t) != nil {
			continue
		}
		d.New = append(d.New, navItem{Name: l.T("ws.new." + string(f.typ)), Href: newPath(l.lang, f.typ)})
	}
	if h.ws.Admin != nil && proximite.CanManage(u, proximite.RoleEditor) == nil {
		d.Accounts = wsPath(l.lang, wsAccounts)
	}
	if _, ok := h.reg.(proximite.EventService); ok {
		d.Events = wsPath(l.lang, wsEvents)
	}
	if h.bulletin != nil && d.Coordinator {
		d.Bulletin = bulletinWS[l.lang]
	}
	if _, ok := h.reg.(proximite.PartnerPostService); ok {
		d.Board = boardNewPath(l.lang)
	}
	if _, ok := h.reg.(proximite.ChecklistService); ok && proximite.CanEditChecklist(u) == nil {
		d.Checklist = wsPath(l.lang, wsChecklist)
	}
	if done := r.URL.Query().Get("fait"); done != "" {
		if msg, ok := l.msg["ws.done."+done]; ok {
			d.Notice = msg
		}
	}
	recs, err := h.memberRecords(ctx, u)
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	byState := map[proximite.State][]wsItem{}
	for _, rec := range recs {
		if o, ok := rec.(*proximite.Organisation); ok && u.Member(o.Slug) {
			d.Orgs = append(d.Orgs, recordLink{Name: o.Name, URL: path(l.lang, secOrganisation, o.Slug)})
		}
		it, err := h.item(ctx, l, u, rec)
		if err != nil {
			h.fail(w, r, l, err)
			return
		}
		byState[it.State] = append(byState[it.State], it)
	}
	for _, s := range []proximite.State{proximite.Draft, proximite.Submitted, proximite.Published} {
		d.Groups = append(d.Groups, wsGroup{State: s, Heading: l.T("ws.group." + string(s)), Items: byState[s]})
	}
	if d.Coordinator {
		if d.Queue, err = h.queueItems(ctx, l, u, 10); err != nil {
			h.fail(w, r, l, err)
			return
		}
	}
	if d.Library, err = h.libraryDrafts(ctx, l, u); err != nil {
		h.fail(w, r, l, err)
		return
	}
	h.render(w, r, l, http.StatusOK, "workspace_home", d)
}

// memberRecords reads every record in which one of u's organisations
// takes part, as the policy counts it, in every state: the organisations
// themselves and the records linked to them.
func (h *Handler) memberRecords(ctx context.Context, u *proximite.User) ([]proximite.Record, error) {
	seen := map[string]bool{}
	var out []proximite.Record
	add := func(t proximite.RecordType, slug string) error {
		key := string(t) + "/" + slug
		if seen[key] {
			return nil
		}
		seen[key] = true
		rec, err := h.findRecord(ctx, t, slug)
		if proximite.ErrorCode(err) == proximite.ENOTFOUND {
			return nil
		} else if err != nil {
			return err
		}
		// A record that merely mentions the organisation (a funder, a
		// delegation's guest) is not one of its records.
		if proximite.Can(u, proximite.ActionUpdate, h.targetOf(ctx, rec)) == nil {
			out = append(out, rec)
		}
		return nil
	}
	for _, org := range u.Orgs {
		if err := add(proximite.TypeOrganisation, org); err != nil {
			return nil, err
		}
		res, err := h.reg.Search(ctx, proximite.SearchFilter{Org: org, IncludeUnpublished: true, Sort: proximite.SortRecent,
			Limit: maxListed})
		if err != nil {
			return nil, err
		}
		for _, hit := range res.Hits {
			if err := add(hit.Type, hit.Slug); err != nil {
				return nil, err
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Base().UpdatedAt.After(out[j].Base().UpdatedAt) })
	return out, nil
}

// item describes a record for the workspace, with the buttons that the
// policy lets u press: the guard decides again when one is pressed.
func (h *Handler) item(ctx context.Context, l *localizer, u *proximite.User, rec proximite.Record) (wsItem, error) {
	m, t := rec.Base(), h.targetOf(ctx, rec)
	it := wsItem{Type: rec.RecordType(), Kind: l.T("type." + string(rec.RecordType())), Title: recordTitle(rec),
		State: t.State, StateName: l.T("ws.state." + string(t.State)), History: historyPath(l.lang, rec.RecordType(), m.Slug),
		Confirmed: m.ConfirmedByPartner, Updated: l.Day(m.UpdatedAt)}
	if m.LastConfirmed != nil {
		it.LastConfirmed = l.Day(*m.LastConfirmed)
	}
	if t.State == proximite.Published {
		it.Public = path(l.lang, sectionOf(rec.RecordType()), m.Slug)
	}
	button := func(action string, secondary bool) {
		it.Actions = append(it.Actions, wsAction{Label: l.T("ws.action." + action), Href: actionPath(l.lang, it.Type, m.Slug, action),
			Secondary: secondary})
	}
	editable := proximite.Can(u, proximite.ActionUpdate, t) == nil
	for _, f := range forms {
		if editable && f.typ == it.Type {
			it.Edit = editPath(l.lang, it.Type, m.Slug)
		}
	}
	publisher := proximite.Can(u, proximite.ActionPublish, t) == nil
	switch t.State {
	case proximite.Draft:
		if editable {
			button("submit", false)
		}
		if publisher {
			button("publish", !editable)
		}
	case proximite.Submitted:
		if publisher {
			button("publish", false)
		}
		if editable {
			button("draft", true)
		}
	case proximite.Published:
		if publisher {
			button("unpublish", true)
		}
	}
	ok, err := h.confirmable(ctx, u, rec)
	if err != nil {
		return it, err
	}
	if ok {
		button("confirm", false)
	}
	return it, nil
}

// queueItems lists the submitted records, the longest waiting first.
func (h *Handler) queueItems(ctx context.Context, l *localizer, u *proximite.User, limit int) ([]wsItem, error) {
	if h.ws.Queue == nil {
		return nil, nil
	}
	hits, err := h.ws.Queue.RecordsInState(ctx, proximite.Submitted, limit)
	if err != nil {
		return nil, err
	}
	out := make([]wsItem, 0, len(hits))
	for _, hit := range hits {
		rec, err := h.findRecord(ctx, hit.Type, hit.Slug)
		if proximite.ErrorCode(err) == proximite.ENOTFOUND {
			continue // withdrawn since
		} else if err != nil {
			return nil, err
		}
		it, err := h.item(ctx, l, u, rec)
		if err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, nil
}

// queueData is the data of the coordinators' queue.
type queueData struct {
	page
	Items []wsItem
}

// queue is the coordinators' page of the records submitted for review.
// Editors do not review, so they are refused, with the reason.
func (h *Handler) queue(w http.ResponseWriter, r *http.Request, l *localizer) {
	u := h.member(w, r, l)
	if u == nil {
		return
	}
	if err := proximite.Can(u, proximite.ActionPublish, proximite.Target{Type: proximite.TypeProject}); err != nil {
		h.errorPage(w, r, l, http.StatusForbidden, "ws.error.forbidden", localized(l, err))
		return
	}
	d := queueData{page: h.wsBase(r, l, wsQueue, l.T("ws.queue.title"))}
	d.Crumbs = []crumb{d.Crumbs[0], {Name: l.T("ws.home.title"), Href: wsPath(l.lang, wsHome)}, {Name: l.T("ws.queue.title")}}
	var err error
	if d.Items, err = h.queueItems(r.Context(), l, u, maxListed); err != nil {
		h.fail(w, r, l, err)
		return
	}
	h.render(w, r, l, http.StatusOK, "workspace_queue", d)
}
