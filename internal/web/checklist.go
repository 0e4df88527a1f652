package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/proximite/proximite"
)

// The checklist page of the members' area: the coordinators reword,
// reorder, retire and add the criteria by which candidates are assessed.
// Each criterion is its own small form, so that saving one never touches
// another; a retired criterion stays listed, to be brought back, and the
// assessments made with it keep its wording.

const wsChecklist wsPage = "checklist"

func init() {
	wsPaths[wsChecklist] = map[string]string{"fr": "/fr/mon-espace/grille-de-selection", "en": "/en/my-workspace/selection-checklist"}
}

// checklistData is the checklist page.
type checklistData struct {
	page
	Action   string
	Active   []criterionRow
	Retired  []criterionRow
	New      criterionRow
	Notice   string
	Problems []string
}

// criterionRow is one criterion's form.
type criterionRow struct {
	Action   string // where the form posts
	ID       int64
	FR, EN   string
	Position int
	Retired  bool
	Error    string
}

func (h *Handler) checklistPage(cl proximite.ChecklistService) pageHandler {
	return func(w http.ResponseWriter, r *http.Request, l *localizer) {
		u := h.member(w, r, l)
		if u == nil {
			return
		}
		if err := proximite.CanEditChecklist(u); err != nil {
			h.refuse(w, r, l, err)
			return
		}
		ctx := r.Context()
		d := checklistData{Action: wsPath(l.lang, wsChecklist)}
		status := http.StatusOK
		var failed *criterionRow
		if r.Method == http.MethodPost {
			r.Body = http.MaxBytesReader(w, r.Body, maxFormBody)
			if err := r.ParseForm(); err != nil {
				h.errorPage(w, r, l, http.StatusBadRequest, "error.badrequest", "")
				return
			}
			id, _ := strconv.ParseInt(r.PostForm.Get("id"), 10, 64)
			pos, err := strconv.Atoi(strings.TrimSpace(r.PostForm.Get("position")))
			row := criterionRow{ID: id, FR: r.PostForm.Get("text.fr"), EN: r.PostForm.Get("text.en"), Position: pos,
				Retired: r.PostForm.Get("retired") != ""}
			c := &proximite.Criterion{ID: id, Text: bothLangs(row.FR, row.EN), Position: pos, Retired: row.Retired}
			switch {
			case err != nil && (id != 0 || strings.TrimSpace(r.PostForm.Get("position")) != ""):
				row.Error = l.T("checklist.err.position", "value", r.PostForm.Get("position"))
			case c.Text.IsZero():
				row.Error = l.T("checklist.err.text")
			default:
				if err := cl.SaveCriterion(ctx, c); err != nil {
					if proximite.ErrorCode(err) != proximite.EINVALID && proximite.ErrorCode(err) != proximite.ENOTFOUND {
						h.fail(w, r, l, err)
						return
					}
					row.Error = localized(l, err)
				} else {
					http.Redirect(w, r, d.Action+"?fait=1#c-"+strconv.FormatInt(c.ID, 10), http.StatusSeeOther)
					return
				}
			}
			failed, status = &row, http.StatusUnprocessableEntity
			d.Problems = append(d.Problems, row.Error)
		} else if r.URL.Query().Get("fait") != "" {
			d.Notice = l.T("checklist.saved")
		}
		crit, err := cl.Criteria(ctx, true)
		if err != nil {
			h.fail(w, r, l, err)
			return
		}
		for _, c := range crit {
			row := criterionRow{ID: c.ID, FR: c.Text["fr"], EN: c.Text["en"], Position: c.Position, Retired: c.Retired}
			if failed != nil && failed.ID == c.ID {
				row = *failed
			}
			if c.Retired {
				d.Retired = append(d.Retired, row)
			} else {
				d.Active = append(d.Active, row)
			}
		}
		if failed != nil && failed.ID == 0 {
			d.New = *failed
		}
		d.New.Action = d.Action
		for _, rows := range [][]criterionRow{d.Active, d.Retired} {
			for i := range rows {
				rows[i].Action = d.Action
			}
		}
		d.page = h.wsBase(r, l, wsChecklist, l.T("checklist.title"))
		h.render(w, r, l, status, "checklist", d)
	}
}
