package web

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/bulletin"
)

// maxImportBytes bounds an imported file of subscribers: 2,300 lines
// take some 100 kB, and a hundred times that is still a list.
const maxImportBytes = 10 << 20

// bulletinSave stores a draft's subject and body as typed, and with
// action "test" sends it, in both languages, to the coordinator.
func (h *Handler) bulletinSave(action string) pageHandler {
	return func(w http.ResponseWriter, r *http.Request, l *localizer) {
		u := h.coordinator(w, r, l)
		if u == nil || !h.parseForm(w, r, l) {
			return
		}
		i := h.findIssue(w, r, l)
		if i == nil {
			return
		}
		ctx := r.Context()
		if i.Sent() {
			h.issueRefused(w, r, l, i, l.T("bulletin.ws.sent.locked"), nil)
			return
		}
		for _, lang := range proximite.Languages {
			i.Subject[lang] = strings.TrimSpace(r.PostFormValue("subject_" + lang))
			i.Body[lang] = strings.ReplaceAll(r.PostFormValue("body_"+lang), "\r\n", "\n")
		}
		if err := h.bulletin.Store.UpdateIssue(ctx, i); err != nil {
			h.fail(w, r, l, err)
			return
		}
		if action != "test" {
			http.Redirect(w, r, issueWSPath(l.lang, i.Number, "")+"?enregistre=1", http.StatusSeeOther)
			return
		}
		if err := i.Validate(); err != nil {
			h.issueRefused(w, r, l, i, l.T("bulletin.ws.incomplete"), err)
			return
		}
		for _, lang := range proximite.Languages {
			if err := h.bulletin.Mail.Send(ctx, bulletin.TestMessage(i, lang, u.Email, h.bulletin.BaseURL)); err != nil {
				h.log.Error("send bulletin test", "issue", i.Number, "err", err)
				h.issueRefused(w, r, l, i, l.T("bulletin.ws.test.failed"), nil)
				return
			}
		}
		http.Redirect(w, r, issueWSPath(l.lang, i.Number, "")+"?essai="+u.Email, http.StatusSeeOther)
	}
}

// issueRefused shows the issue again with what stops the action.
func (h *Handler) issueRefused(w http.ResponseWriter, r *http.Request, l *localizer, i *proximite.Issue, msg string, err error) {
	d, derr := h.issueEditData(r, l, i)
	if derr != nil {
		h.fail(w, r, l, derr)
		return
	}
	d.Error = msg
	var list proximite.ValidationErrors
	if errors.As(err, &list) {
		for _, e := range list {
			d.Fields[strings.ReplaceAll(e.Field, ".", "_")] = l.T("bulletin.ws.required")
		}
	}
	status := http.StatusBadRequest
	if i.Sent() {
		status = http.StatusConflict
	}
	h.render(w, r, l, status, "workspace_bulletin_issue", d)
}

// bulletinSend queues a draft for every confirmed subscriber and wakes
// the sender. The box to tick keeps a stray click from sending.
func (h *Handler) bulletinSend(w http.ResponseWriter, r *http.Request, l *localizer) {
	u := h.coordinator(w, r, l)
	if u == nil || !h.parseForm(w, r, l) {
		return
	}
	i := h.findIssue(w, r, l)
	if i == nil {
		return
	}
	if i.Sent() {
		h.issueRefused(w, r, l, i, l.T("bulletin.ws.sent.locked"), nil)
		return
	}
	if err := i.Validate(); err != nil {
		h.issueRefused(w, r, l, i, l.T("bulletin.ws.incomplete"), err)
		return
	}
	if r.PostFormValue("checked") != "1" {
		h.issueRefused(w, r, l, i, l.T("bulletin.ws.send.check"), nil)
		return
	}
	n, err := h.bulletin.Store.QueueIssue(r.Context(), i.Number)
	if proximite.ErrorCode(err) == proximite.ECONFLICT {
		h.issueRefused(w, r, l, i, l.T("bulletin.ws.sent.locked"), nil)
		return
	} else if err != nil {
		h.fail(w, r, l, err)
		return
	}
	h.log.Info("bulletin queued", "by", u.ID, "issue", i.Number, "messages", n)
	if h.bulletin.Wake != nil {
		h.bulletin.Wake()
	}
	http.Redirect(w, r, bulletinWS[l.lang]+"?envoye="+strconv.Itoa(n)+"&numero="+strconv.Itoa(i.Number), http.StatusSeeOther)
}

// bulletinExport writes every subscriber as CSV, for a backup or another
// tool.
func (h *Handler) bulletinExport(w http.ResponseWriter, r *http.Request, l *localizer) {
	if h.coordinator(w, r, l) == nil {
		return
	}
	subs, err := h.bulletin.Store.ListSubscribers(r.Context(), 0)
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+bulletinWSSeg["export"][l.lang]+`"`)
	cw := csv.NewWriter(w)
	cw.Write([]string{"email", "lang", "state", "source", "consent_date", "confirmed_at", "unsubscribed_at", "created_at"})
	stamp := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.UTC().Format(time.RFC3339)
	}
	for _, s := range subs {
		consent := ""
		if !s.ConsentAt.IsZero() {
			consent = s.ConsentAt.UTC().Format("2006-01-02")
		}
		cw.Write([]string{s.Email, s.Lang, string(s.State), s.Source, consent, stamp(s.ConfirmedAt), stamp(s.UnsubscribedAt), stamp(s.CreatedAt)})
	}
	cw.Flush()
}

// bulletinImport reads a CSV of subscribers who consented elsewhere. A
// file with any bad line is refused whole, with every bad line listed,
// so that nothing is half imported.
func (h *Handler) bulletinImport(w http.ResponseWriter, r *http.Request, l *localizer) {
	if h.coordinator(w, r, l) == nil {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxImportBytes)
	var problems []string
	var rows []proximite.SubscriberImport
	f, _, err := r.FormFile("file")
	if err != nil {
		problems = []string{l.T("bulletin.ws.import.nofile")}
	} else {
		defer f.Close()
		rows, problems = parseSubscribers(l, f)
	}
	ctx := r.Context()
	if len(problems) == 0 {
		res, err := h.bulletin.Store.ImportSubscribers(ctx, rows)
		if proximite.ErrorCode(err) == proximite.EINVALID {
			var list proximite.ValidationErrors
			if errors.As(err, &list) {
				for _, e := range list {
					problems = append(problems, e.Field+" : "+localized(l, e))
				}
			}
		} else if err != nil {
			h.fail(w, r, l, err)
			return
		} else {
			http.Redirect(w, r, bulletinWS[l.lang]+fmt.Sprintf("?importe=%d&gardes=%d", res.Added, res.Kept), http.StatusSeeOther)
			return
		}
	}
	d, err := h.bulletinOverviewData(r, l)
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	d.ImportErrs = problems
	h.render(w, r, l, http.StatusBadRequest, "workspace_bulletin", d)
}

// parseSubscribers reads the CSV: a header naming the columns email,
// lang (or langue) and consent_date (or date_consentement), in any order,
// then a line per person; dates as 2024-05-01.
func parseSubscribers(l *localizer, in io.Reader) ([]proximite.SubscriberImport, []string) {
	cr := csv.NewReader(in)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	head, err := cr.Read()
	if err != nil {
		return nil, []string{l.T("bulletin.ws.import.empty")}
	}
	col := map[string]int{}
	for i, name := range head {
		name = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(name, "\ufeff")))
		switch name {
		case "langue":
			name = "lang"
		case "date_consentement", "consent":
			name = "consent_date"
		case "courriel", "adresse":
			name = "email"
		}
		col[name] = i
	}
	var missing []string
	for _, c := range []string{"email", "lang", "consent_date"} {
		if _, ok := col[c]; !ok {
			missing = append(missing, c)
		}
	}
	if missing != nil {
		return nil, []string{l.T("bulletin.ws.import.columns", "columns", strings.Join(missing, ", "))}
	}
	var rows []proximite.SubscriberImport
	var problems []string
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			problems = append(problems, l.T("bulletin.ws.import.line", "line", line, "problem", err.Error()))
			if len(problems) > 100 {
				break
			}
			continue
		}
		get := func(c string) string {
			if i := col[c]; i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		if strings.Join(rec, "") == "" {
			continue
		}
		row := proximite.SubscriberImport{Line: line, Email: get("email"), Lang: strings.ToLower(get("lang"))}
		var bad []string
		if _, err := proximite.CheckEmail(row.Email); err != nil {
			bad = append(bad, localized(l, err))
		}
		if err := proximite.CheckLang(row.Lang); err != nil {
			bad = append(bad, localized(l, err))
		}
		if t, err := time.Parse("2006-01-02", get("consent_date")); err != nil {
			bad = append(bad, l.T("bulletin.ws.import.date", "value", get("consent_date")))
		} else {
			row.ConsentAt = t
		}
		if bad != nil {
			problems = append(problems, l.T("bulletin.ws.import.line", "line", line, "problem", strings.Join(bad, " ; ")))
			continue
		}
		rows = append(rows, row)
	}
	if len(rows) == 0 && len(problems) == 0 {
		problems = []string{l.T("bulletin.ws.import.empty")}
	}
	return rows, problems
}
