package web

import (
	"net/http"

	"github.com/proximite/proximite"
)

// recordAction is a button of the workflow pressed on a record: submit,
// return to draft, publish, unpublish, or confirm as the partner. The
// change is written through the guard, whose refusal is shown as it is
// worded; a record the person may not see is not found, so that the
// answer reveals no draft.
func (h *Handler) recordAction(w http.ResponseWriter, r *http.Request, l *localizer) {
	u := h.member(w, r, l)
	if u == nil || !h.parseForm(w, r, l) {
		return
	}
	ctx := r.Context()
	t, action := proximite.RecordType(r.PathValue("type")), r.PathValue("action")
	rec, err := h.findRecord(ctx, t, r.PathValue("slug"))
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	if rec.Base().State != proximite.Published && !h.canSee(ctx, u, rec) {
		h.notFound(w, r, l)
		return
	}
	if action == "confirm" {
		ok, err := h.confirmable(ctx, u, rec)
		if err != nil {
			h.fail(w, r, l, err)
			return
		} else if !ok {
			authors, _ := h.authorsOf(ctx, rec)
			h.errorPage(w, r, l, http.StatusForbidden, "ws.error.forbidden",
				localized(l, proximite.CanConfirm(u, proximite.TargetOf(rec), authors)))
			return
		}
		ctx = proximite.WithPartnerConfirmation(ctx)
	}
	if !transition(rec, action, h.now()) {
		h.errorPage(w, r, l, http.StatusConflict, "ws.error.state", l.T("ws.error.state.detail",
			"state", l.T("ws.state."+string(rec.Base().State))))
		return
	}
	if err := h.saveRecord(ctx, rec); err != nil {
		switch proximite.ErrorCode(err) {
		case proximite.EFORBIDDEN, proximite.EUNAUTHORIZED:
			h.errorPage(w, r, l, http.StatusForbidden, "ws.error.forbidden", localized(l, err))
		case proximite.EINVALID:
			h.errorPage(w, r, l, http.StatusBadRequest, "ws.error.invalid", localized(l, err))
		default:
			h.fail(w, r, l, err)
		}
		return
	}
	h.log.Info("workflow", "user", u.ID, "action", action, "type", t, "slug", rec.Base().Slug)
	back := localTarget(r.PostFormValue("back"), wsPath(l.lang, wsHome))
	http.Redirect(w, r, withQuery(back, "fait", action), http.StatusSeeOther)
}

// withQuery adds a parameter to a local path that may have a query.
func withQuery(p, k, v string) string {
	sep := "?"
	for _, c := range p {
		if c == '?' {
			sep = "&"
		}
	}
	return p + sep + k + "=" + v
}
