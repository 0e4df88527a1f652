package web

import (
	"net/http"

	"github.com/proximite/proximite"
)

// historyEntry is one change of a record, as its history page shows it.
type historyEntry struct {
	When    string
	Actor   string
	Action  string
	Changes []fieldChange
}

// historyData is the data of a record's history page.
type historyData struct {
	page
	Kind    string
	Title   proximite.Text
	Public  string
	Entries []historyEntry
}

// history is the page of every change to a record, newest first: who,
// when, what, and each field that changed from what to what. Its editors
// and the coordinators read it; a visitor is asked to sign in when the
// record is public, anyone else is refused, and a record that is not
// published is not found for those who may not see it.
func (h *Handler) history(t proximite.RecordType) pageHandler {
	return func(w http.ResponseWriter, r *http.Request, l *localizer) {
		ctx := r.Context()
		slug, err := recordSlug(r)
		if err != nil {
			h.fail(w, r, l, err)
			return
		}
		rec, err := h.findRecord(ctx, t, slug)
		if err != nil {
			h.fail(w, r, l, err)
			return
		}
		m, u := rec.Base(), h.user(r)
		switch {
		case h.canSee(ctx, u, rec):
		case m.State != proximite.Published:
			h.notFound(w, r, l)
			return
		case u == nil:
			h.member(w, r, l)
			return
		default:
			h.errorPage(w, r, l, http.StatusForbidden, "ws.error.forbidden", l.T("history.forbidden"))
			return
		}
		entries, err := h.ws.Audit.History(ctx, t, m.ID)
		if err != nil {
			h.fail(w, r, l, err)
			return
		}
		title, _ := recordTitle(rec).In(l.lang)
		heading := l.T("history.title", "title", title)
		d := historyData{page: h.base(r, l, sectionOf(t), m.Slug, "", heading, ""), Kind: l.T("type." + string(t)),
			Title: recordTitle(rec)}
		d.NoIndex, d.Members = true, true
		d.Canonical = origin(r) + historyPath(l.lang, t, m.Slug)
		d.Alternate.Href, d.Alternate.Canonical = historyPath(d.Alternate.Lang, t, m.Slug), ""
		if m.State == proximite.Published {
			d.Public = path(l.lang, sectionOf(t), m.Slug)
			d.Crumbs[len(d.Crumbs)-1] = crumb{Name: title, Href: d.Public}
			d.Crumbs = append(d.Crumbs, crumb{Name: l.T("history.crumb")})
		}
		for i := len(entries) - 1; i >= 0; i-- {
			e := entries[i]
			he := historyEntry{When: l.Day(e.At) + " " + e.At.UTC().Format("15:04") + " UTC", Actor: e.Actor,
				Action: l.T("history.action." + e.Action)}
			if e.Action == proximite.AuditUpdate || e.Action == proximite.AuditState {
				he.Changes = readable(l, diffJSON(e.Before, e.After))
			}
			d.Entries = append(d.Entries, he)
		}
		h.render(w, r, l, http.StatusOK, "workspace_history", d)
	}
}

// readable names the workflow's fields and states in the page's
// language; other fields keep their path in the record, which the API's
// documentation describes.
func readable(l *localizer, changes []fieldChange) []fieldChange {
	for i, c := range changes {
		if name, ok := l.msg["history.field."+c.Field]; ok {
			changes[i].Field = name
		}
		if c.Field == "state" {
			for _, v := range []*string{&changes[i].Before, &changes[i].After} {
				if s, ok := l.msg["ws.state."+*v]; ok {
					*v = s
				}
			}
		}
	}
	return changes
}
