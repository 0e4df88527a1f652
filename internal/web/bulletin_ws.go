package web

import (
	"context"
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/bulletin"
)

// The coordinators' pages of the bulletin: the subscribers (counts, a
// list, import and export), and the issues, each composed from what the
// registry proposes, edited, previewed, tried on oneself, then sent.

var bulletinWS = map[string]string{"fr": "/fr/mon-espace/bulletin", "en": "/en/my-workspace/bulletin"}

// bulletinWSSeg are the last segments of the area's actions.
var bulletinWSSeg = map[string]map[string]string{
	"new":    {"fr": "nouveau", "en": "new"},
	"test":   {"fr": "essai", "en": "test"},
	"send":   {"fr": "envoi", "en": "send"},
	"import": {"fr": "import", "en": "import"},
	"export": {"fr": "abonnes.csv", "en": "subscribers.csv"},
}

func bulletinWSPath(lang, action string) string {
	if action == "" {
		return bulletinWS[lang]
	}
	return bulletinWS[lang] + "/" + bulletinWSSeg[action][lang]
}

func issueWSPath(lang string, n int, action string) string {
	p := bulletinWS[lang] + "/" + strconv.Itoa(n)
	if action != "" {
		p += "/" + bulletinWSSeg[action][lang]
	}
	return p
}

func (h *Handler) bulletinWorkspaceRoutes(lang string, l *localizer) {
	h.mux.HandleFunc("GET "+bulletinWSPath(lang, ""), h.page(l, h.bulletinOverview))
	h.mux.HandleFunc("GET "+bulletinWSPath(lang, "export"), h.page(l, h.bulletinExport))
	h.mux.HandleFunc("POST "+bulletinWSPath(lang, "import"), h.page(l, h.bulletinImport))
	h.mux.HandleFunc("POST "+bulletinWSPath(lang, "new"), h.page(l, h.bulletinNewIssue))
	h.mux.HandleFunc("GET "+bulletinWS[lang]+"/{number}", h.page(l, h.bulletinEditPage))
	h.mux.HandleFunc("POST "+bulletinWS[lang]+"/{number}", h.page(l, h.bulletinSave("")))
	h.mux.HandleFunc("POST "+bulletinWS[lang]+"/{number}/"+bulletinWSSeg["test"][lang], h.page(l, h.bulletinSave("test")))
	h.mux.HandleFunc("POST "+bulletinWS[lang]+"/{number}/"+bulletinWSSeg["send"][lang], h.page(l, h.bulletinSend))
}

// coordinator returns the signed-in user when they keep the bulletin (a
// coordinator or an administrator); a visitor is sent to sign in, an
// editor is refused.
func (h *Handler) coordinator(w http.ResponseWriter, r *http.Request, l *localizer) *proximite.User {
	u := h.member(w, r, l)
	if u == nil {
		return nil
	}
	if u.Role != proximite.RoleCoordinator && u.Role != proximite.RoleAdmin {
		h.errorPage(w, r, l, http.StatusForbidden, "ws.error.forbidden", l.T("bulletin.ws.forbidden"))
		return nil
	}
	return u
}

// countRow is one state of the subscribers, by language.
type countRow struct {
	Name        string
	FR, EN, All int
}

// bulletinOverviewData is the bulletin's page of the area.
type bulletinOverviewData struct {
	page
	Notice      string
	Counts      []countRow
	Subscribers []subscriberRow
	More        int // subscribers not listed
	Issues      []issueRow
	Import      string
	ImportErrs  []string
	Export, New string
}

type subscriberRow struct {
	Email, Lang, State string
	Consent            string
}

type issueRow struct {
	Number       int
	Subject, URL string
	Sent         bool
	Date         string
	Delivered    int
	Queued       int
	Failed       int
}

func (h *Handler) bulletinOverviewData(r *http.Request, l *localizer) (bulletinOverviewData, error) {
	ctx := r.Context()
	st := h.bulletin.Store
	d := bulletinOverviewData{page: h.wsBase(r, l, wsHome, l.T("bulletin.ws.title")),
		Import: bulletinWSPath(l.lang, "import"), Export: bulletinWSPath(l.lang, "export"), New: bulletinWSPath(l.lang, "new")}
	d.Canonical = origin(r) + bulletinWS[l.lang]
	d.Alternate.Href = bulletinWS[d.Alternate.Lang]
	d.Crumbs = []crumb{d.Crumbs[0], {Name: l.T("ws.home.title"), Href: wsPath(l.lang, wsHome)}, {Name: l.T("bulletin.ws.title")}}
	counts, err := st.CountSubscribers(ctx)
	if err != nil {
		return d, err
	}
	total := countRow{Name: l.T("bulletin.ws.count.total")}
	for _, s := range proximite.SubscriberStates {
		row := countRow{Name: l.T("bulletin.state." + string(s))}
		for _, c := range counts {
			if c.State != s {
				continue
			}
			if c.Lang == "en" {
				row.EN += c.N
			} else {
				row.FR += c.N
			}
			row.All += c.N
		}
		total.FR, total.EN, total.All = total.FR+row.FR, total.EN+row.EN, total.All+row.All
		d.Counts = append(d.Counts, row)
	}
	d.Counts = append(d.Counts, total)
	const listed = 200
	subs, err := st.ListSubscribers(ctx, listed)
	if err != nil {
		return d, err
	}
	for _, s := range subs {
		row := subscriberRow{Email: s.Email, Lang: s.Lang, State: l.T("bulletin.state." + string(s.State))}
		if !s.ConsentAt.IsZero() {
			row.Consent = s.ConsentAt.Format("2006-01-02")
		}
		d.Subscribers = append(d.Subscribers, row)
	}
	d.More = total.All - len(subs)
	issues, err := st.ListIssues(ctx, true)
	if err != nil {
		return d, err
	}
	for _, i := range issues {
		subject, _ := i.Subject.In(l.lang)
		row := issueRow{Number: i.Number, Subject: subject, URL: issueWSPath(l.lang, i.Number, ""), Sent: i.Sent()}
		if row.Sent {
			row.Date = i.QueuedAt.Format("2006-01-02")
			q, err := st.CountQueue(ctx, i.ID)
			if err != nil {
				return d, err
			}
			row.Delivered, row.Queued, row.Failed = q[proximite.DeliverySent], q[proximite.DeliveryPending], q[proximite.DeliveryFailed]
		}
		d.Issues = append(d.Issues, row)
	}
	return d, nil
}

func (h *Handler) bulletinOverview(w http.ResponseWriter, r *http.Request, l *localizer) {
	if h.coordinator(w, r, l) == nil {
		return
	}
	d, err := h.bulletinOverviewData(r, l)
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	q := r.URL.Query()
	switch {
	case q.Get("importe") != "":
		d.Notice = l.T("bulletin.ws.import.done", "added", q.Get("importe"), "kept", q.Get("gardes"))
	case q.Get("envoye") != "":
		d.Notice = l.T("bulletin.ws.send.done", "n", q.Get("envoye"), "number", q.Get("numero"))
	}
	h.render(w, r, l, http.StatusOK, "workspace_bulletin", d)
}

// bulletinNewIssue makes a draft from what the registry proposes, and
// opens it.
func (h *Handler) bulletinNewIssue(w http.ResponseWriter, r *http.Request, l *localizer) {
	if h.coordinator(w, r, l) == nil || !h.parseForm(w, r, l) {
		return
	}
	ctx := r.Context()
	since, err := h.bulletin.Store.LastSent(ctx)
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	base := strings.TrimSuffix(h.bulletin.BaseURL, "/")
	links := bulletin.Links{
		Record: func(lang string, t proximite.RecordType, slug string) string {
			return base + path(lang, sectionOf(t), slug)
		},
		Event: func(lang, slug string) string { return base + path(lang, secEvents, slug) },
	}
	var src bulletin.Source = proposalSource{h.bulletin.Store, h.bulletin.Events}
	subject, body, err := bulletin.Propose(ctx, src, links, since, h.now())
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	issue := &proximite.Issue{Subject: subject, Body: body, Since: since}
	if err := h.bulletin.Store.CreateIssue(ctx, issue); err != nil {
		h.fail(w, r, l, err)
		return
	}
	http.Redirect(w, r, issueWSPath(l.lang, issue.Number, ""), http.StatusSeeOther)
}

// proposalSource reads the proposals from the bulletin's store, and the
// events when the registry keeps them.
type proposalSource struct {
	proximite.BulletinService
	events proximite.EventService
}

func (p proposalSource) ListEvents(ctx context.Context, f proximite.EventFilter) ([]*proximite.Event, error) {
	if p.events == nil {
		return nil, nil
	}
	return p.events.ListEvents(ctx, f)
}

// issueEditData is the page of one issue.
type issueEditData struct {
	page
	Number     int
	Sent       bool
	Notice     string
	Error      string
	Fields     map[string]string
	Subject    proximite.Text
	Body       proximite.Text
	Previews   []issuePreview
	Save, Test string
	Send       string
	Recipients int
	Queue      map[proximite.DeliveryState]int
	Back       string
}

// issuePreview is an issue as a subscriber in one language receives it.
type issuePreview struct {
	Lang, Name string
	Subject    string
	HTML       template.HTML
	Text       string
}

func (h *Handler) issueEditData(r *http.Request, l *localizer, i *proximite.Issue) (issueEditData, error) {
	title := l.T("bulletin.issue.number", "n", strconv.Itoa(i.Number))
	d := issueEditData{page: h.wsBase(r, l, wsHome, title), Number: i.Number, Sent: i.Sent(),
		Subject: i.Subject, Body: i.Body, Fields: map[string]string{}, Back: bulletinWS[l.lang],
		Save: issueWSPath(l.lang, i.Number, ""), Test: issueWSPath(l.lang, i.Number, "test"), Send: issueWSPath(l.lang, i.Number, "send")}
	d.Canonical = origin(r) + d.Save
	d.Alternate.Href = issueWSPath(d.Alternate.Lang, i.Number, "")
	d.Crumbs = []crumb{d.Crumbs[0], {Name: l.T("ws.home.title"), Href: wsPath(l.lang, wsHome)},
		{Name: l.T("bulletin.ws.title"), Href: bulletinWS[l.lang]}, {Name: title}}
	for _, lang := range proximite.Languages {
		text, _ := bulletin.Preview(i, lang, h.bulletin.BaseURL)
		subject, _ := i.Subject.In(lang)
		body, _ := i.Body.In(lang)
		d.Previews = append(d.Previews, issuePreview{Lang: lang, Name: l.T("bulletin.lang." + lang), Subject: subject,
			HTML: template.HTML(bulletin.HTMLAt(body, 5)), Text: text})
	}
	ctx := r.Context()
	if d.Sent {
		q, err := h.bulletin.Store.CountQueue(ctx, i.ID)
		if err != nil {
			return d, err
		}
		d.Queue = q
	} else {
		counts, err := h.bulletin.Store.CountSubscribers(ctx)
		if err != nil {
			return d, err
		}
		for _, c := range counts {
			if c.State == proximite.SubscriberConfirmed {
				d.Recipients += c.N
			}
		}
	}
	return d, nil
}

func (h *Handler) findIssue(w http.ResponseWriter, r *http.Request, l *localizer) *proximite.Issue {
	n, err := strconv.Atoi(r.PathValue("number"))
	if err != nil || n <= 0 {
		h.notFound(w, r, l)
		return nil
	}
	i, err := h.bulletin.Store.FindIssue(r.Context(), n)
	if err != nil {
		h.fail(w, r, l, err)
		return nil
	}
	return i
}

func (h *Handler) bulletinEditPage(w http.ResponseWriter, r *http.Request, l *localizer) {
	if h.coordinator(w, r, l) == nil {
		return
	}
	i := h.findIssue(w, r, l)
	if i == nil {
		return
	}
	d, err := h.issueEditData(r, l, i)
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	switch q := r.URL.Query(); {
	case q.Get("enregistre") != "":
		d.Notice = l.T("bulletin.ws.saved")
	case q.Get("essai") != "":
		d.Notice = l.T("bulletin.ws.test.done", "email", q.Get("essai"))
	}
	h.render(w, r, l, http.StatusOK, "workspace_bulletin_issue", d)
}
