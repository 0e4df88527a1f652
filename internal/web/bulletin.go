package web

import (
	"context"
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/bulletin"
	"github.com/proximite/proximite/internal/mail"
)

// The bulletin's public pages: the subscription form with the past
// issues, the pages behind the links of its messages (confirm,
// unsubscribe), each past issue, and an Atom feed per language. The
// form answers the same whether the address was known, so that nobody
// learns from it who subscribes.

// Bulletin is what the bulletin's pages need: its store, a mail sender
// for confirmations and tests, the site's public address for the links,
// and a way to wake the sender when an issue is queued.
type Bulletin struct {
	Store   proximite.BulletinService
	Events  proximite.EventService // for the proposals; may be nil
	Mail    mail.Sender
	BaseURL string
	Wake    func()
}

// WithBulletin turns on the bulletin: its public pages, and its
// coordinators' pages when the members' area is on.
func (h *Handler) WithBulletin(b Bulletin) *Handler {
	// Every call goes through the guard with the signed-in user, so that
	// the subscribers and the drafts stay the coordinators' whatever page
	// asks; the handlers check first only to answer with the right page.
	b.Store = proximite.NewBulletinGuard(b.Store)
	h.bulletin = &b
	for _, lang := range proximite.Languages {
		l := h.loc[lang]
		p := bulletin.Paths[lang]
		h.mux.HandleFunc("GET "+p, h.bulletinPage(l, h.bulletinHome))
		h.mux.HandleFunc("POST "+p, h.bulletinPage(l, h.bulletinSubscribe))
		h.mux.HandleFunc("GET "+bulletin.ConfirmPaths[lang], h.bulletinPage(l, h.bulletinConfirmPage))
		h.mux.HandleFunc("POST "+bulletin.ConfirmPaths[lang], h.bulletinPage(l, h.bulletinConfirm))
		h.mux.HandleFunc("GET "+bulletin.UnsubPaths[lang], h.bulletinPage(l, h.bulletinUnsubPage))
		h.mux.HandleFunc("POST "+bulletin.UnsubPaths[lang], h.bulletinPage(l, h.bulletinUnsub))
		h.mux.HandleFunc("GET "+p+"/{number}", h.bulletinPage(l, h.bulletinIssue))
		h.mux.HandleFunc("GET "+bulletin.FeedPaths[lang], h.bulletinPage(l, h.bulletinFeed))
		if h.ws != nil {
			h.bulletinWorkspaceRoutes(lang, l)
		}
	}
	h.wrap()
	return h
}

// bulletinPage binds a page to its language. Subscribers and issues are
// not part of the registry's version, so the shared cache must not keep
// these pages; a browser asks again each time.
func (h *Handler) bulletinPage(l *localizer, p pageHandler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache, private")
		p(w, r, l)
	}
}

// bulletinData is the subscription page.
type bulletinData struct {
	page
	Notice string
	Action string
	Email  string
	Langs  []choice
	Fields map[string]string
	Issues []issueLink
	Feed   string
}

// issueLink is a past issue in a list.
type issueLink struct {
	Number  int
	Subject string
	Date    time.Time
	URL     string
}

func (h *Handler) bulletinBase(r *http.Request, l *localizer, title, desc string) page {
	p := h.base(r, l, secBulletin, "", "", title, desc)
	p.Members = true // the forms' styles
	return p
}

func (h *Handler) bulletinData(r *http.Request, l *localizer) (bulletinData, error) {
	d := bulletinData{page: h.bulletinBase(r, l, l.T("bulletin.title"), l.T("bulletin.lead")),
		Action: bulletin.Paths[l.lang], Langs: langChoices(l, l.lang), Feed: bulletin.FeedPaths[l.lang]}
	issues, err := h.bulletin.Store.ListIssues(r.Context(), false)
	if err != nil {
		return d, err
	}
	for _, i := range issues {
		subject, _ := i.Subject.In(l.lang)
		d.Issues = append(d.Issues, issueLink{Number: i.Number, Subject: subject, Date: i.QueuedAt, URL: bulletin.IssuePath(l.lang, i.Number)})
	}
	return d, nil
}

func (h *Handler) bulletinHome(w http.ResponseWriter, r *http.Request, l *localizer) {
	d, err := h.bulletinData(r, l)
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	if r.URL.Query().Get("envoye") != "" {
		d.Notice = l.T("bulletin.subscribe.sent")
	}
	h.render(w, r, l, http.StatusOK, "bulletin", d)
}

// bulletinSubscribe records the request and sends the confirmation
// after answering, so that the answer takes the same time whether a
// message goes or not; then it shows the same notice in every case.
func (h *Handler) bulletinSubscribe(w http.ResponseWriter, r *http.Request, l *localizer) {
	if !h.parseForm(w, r, l) {
		return
	}
	email, lang := strings.TrimSpace(r.PostFormValue("email")), r.PostFormValue("lang")
	if lang == "" {
		lang = l.lang
	}
	if h.subscribeFlood(w, r, l) {
		return
	}
	token, err := h.bulletin.Store.Subscribe(r.Context(), email, lang)
	if proximite.ErrorCode(err) == proximite.EINVALID {
		d, derr := h.bulletinData(r, l)
		if derr != nil {
			h.fail(w, r, l, derr)
			return
		}
		d.Email, d.Langs = email, langChoices(l, lang)
		d.Fields = map[string]string{}
		if e, ok := err.(*proximite.Error); ok && e.Field == "lang" {
			d.Fields["lang"] = localized(l, err)
		} else {
			d.Fields["email"] = localized(l, err)
		}
		w.Header().Set("Cache-Control", "no-store")
		h.render(w, r, l, http.StatusBadRequest, "bulletin", d)
		return
	} else if err != nil {
		h.fail(w, r, l, err)
		return
	}
	if token != "" {
		h.background.Add(1)
		go func(ctx context.Context) {
			defer h.background.Done()
			ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
			defer cancel()
			email, _ := proximite.CheckEmail(email)
			if err := h.bulletin.Mail.Send(ctx, bulletin.Confirmation(email, lang, token, h.bulletin.BaseURL)); err != nil {
				h.log.Error("send bulletin confirmation", "err", err)
			}
		}(context.WithoutCancel(r.Context()))
	}
	http.Redirect(w, r, bulletin.Paths[l.lang]+"?envoye=1", http.StatusSeeOther)
}

// maxSubscribesPerHour bounds the subscription requests from one client
// address, so that the form cannot be used to send confirmation messages
// to a list of strangers; each address is also sent at most one
// confirmation every few minutes (the store sees to it).
const maxSubscribesPerHour = 30

// subscribeFlood counts a request of the form from its client, and
// answers 429 when the client is over the limit.
func (h *Handler) subscribeFlood(w http.ResponseWriter, r *http.Request, l *localizer) bool {
	if h.ws == nil || h.ws.Throttle == nil {
		return false
	}
	key := "bulletin-ip:" + clientIP(r)
	ctx := r.Context()
	n, err := h.ws.Throttle.CountFailures(ctx, []string{key}, time.Hour)
	if err != nil {
		h.fail(w, r, l, err)
		return true
	}
	if n[key] >= maxSubscribesPerHour {
		w.Header().Set("Retry-After", "3600")
		h.errorPage(w, r, l, http.StatusTooManyRequests, "bulletin.flood", "")
		return true
	}
	if err := h.ws.Throttle.RecordFailure(ctx, key); err != nil {
		h.log.Error("count a bulletin subscription", "err", err)
	}
	return false
}

// bulletinLinkData is the page behind a link of a message: a button to
// confirm or to unsubscribe, or what was done.
type bulletinLinkData struct {
	page
	Heading, Text string
	Action        string // the form's action; empty once done
	Button        string
	Error         bool
}

// linkError shows why a link does not work, with a status by its cause:
// unknown (404), already used (409), expired (410), altered (400).
func (h *Handler) linkError(w http.ResponseWriter, r *http.Request, l *localizer, heading string, err error) {
	status := http.StatusBadRequest
	switch proximite.ErrorCode(err) {
	case proximite.ENOTFOUND:
		status = http.StatusNotFound
	case proximite.ECONFLICT:
		status = http.StatusConflict
	case proximite.EINVALID:
		if strings.Contains(err.Error(), "expired") {
			status = http.StatusGone
		}
	default:
		h.fail(w, r, l, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	d := bulletinLinkData{page: h.bulletinBase(r, l, heading, ""), Heading: heading, Text: localized(l, err), Error: true}
	d.NoIndex = true
	h.render(w, r, l, status, "bulletin_link", d)
}

func (h *Handler) linkPageData(r *http.Request, l *localizer, heading, text, action, button string) bulletinLinkData {
	d := bulletinLinkData{page: h.bulletinBase(r, l, heading, ""), Heading: heading, Text: text, Action: action, Button: button}
	d.NoIndex = true
	// The other language's page of the same link.
	d.Alternate.Href, d.Alternate.Canonical = bulletin.Paths[d.Alternate.Lang], ""
	return d
}

func linkAction(p, token string) string {
	return p + "?" + bulletin.TokenParam + "=" + template.URLQueryEscaper(token)
}

func (h *Handler) bulletinConfirmPage(w http.ResponseWriter, r *http.Request, l *localizer) {
	token := r.URL.Query().Get(bulletin.TokenParam)
	s, err := h.bulletin.Store.CheckConfirmation(r.Context(), token)
	if err != nil {
		h.linkError(w, r, l, l.T("bulletin.confirm.title"), err)
		return
	}
	d := h.linkPageData(r, l, l.T("bulletin.confirm.title"), l.T("bulletin.confirm.text", "email", s.Email),
		linkAction(bulletin.ConfirmPaths[l.lang], token), l.T("bulletin.confirm.button"))
	h.render(w, r, l, http.StatusOK, "bulletin_link", d)
}

func (h *Handler) bulletinConfirm(w http.ResponseWriter, r *http.Request, l *localizer) {
	if !h.parseForm(w, r, l) {
		return
	}
	s, err := h.bulletin.Store.Confirm(r.Context(), r.URL.Query().Get(bulletin.TokenParam))
	if err != nil {
		h.linkError(w, r, l, l.T("bulletin.confirm.title"), err)
		return
	}
	h.log.Info("bulletin subscription confirmed", "subscriber", s.ID, "lang", s.Lang)
	d := h.linkPageData(r, l, l.T("bulletin.confirmed.title"), l.T("bulletin.confirmed.text", "email", s.Email), "", "")
	h.render(w, r, l, http.StatusOK, "bulletin_link", d)
}

// bulletinUnsubPage is where the link of a message leads: a button,
// since a link must not unsubscribe by being fetched (mail scanners
// fetch them). Mail programs that offer one-click unsubscribe POST to
// the same address (RFC 8058).
func (h *Handler) bulletinUnsubPage(w http.ResponseWriter, r *http.Request, l *localizer) {
	token := r.URL.Query().Get(bulletin.TokenParam)
	s, err := h.bulletin.Store.SubscriberByToken(r.Context(), token)
	if err != nil {
		h.linkError(w, r, l, l.T("bulletin.unsub.title"), err)
		return
	}
	var d bulletinLinkData
	if s.State == proximite.SubscriberUnsubscribed {
		d = h.linkPageData(r, l, l.T("bulletin.unsub.title"), l.T("bulletin.unsub.already", "email", s.Email), "", "")
	} else {
		d = h.linkPageData(r, l, l.T("bulletin.unsub.title"), l.T("bulletin.unsub.text", "email", s.Email),
			linkAction(bulletin.UnsubPaths[l.lang], token), l.T("bulletin.unsub.button"))
	}
	h.render(w, r, l, http.StatusOK, "bulletin_link", d)
}

func (h *Handler) bulletinUnsub(w http.ResponseWriter, r *http.Request, l *localizer) {
	if !h.parseForm(w, r, l) {
		return
	}
	s, err := h.bulletin.Store.Unsubscribe(r.Context(), r.URL.Query().Get(bulletin.TokenParam))
	if err != nil {
		h.linkError(w, r, l, l.T("bulletin.unsub.title"), err)
		return
	}
	h.log.Info("bulletin unsubscribed", "subscriber", s.ID, "one_click", r.PostFormValue("List-Unsubscribe") == "One-Click")
	d := h.linkPageData(r, l, l.T("bulletin.unsubscribed.title"), l.T("bulletin.unsubscribed.text", "email", s.Email), "", "")
	h.render(w, r, l, http.StatusOK, "bulletin_link", d)
}

// issueData is the public page of a past issue.
type issueData struct {
	page
	Number  int
	Subject string
	Date    time.Time
	Body    template.HTML
	Back    string
}

func (h *Handler) bulletinIssue(w http.ResponseWriter, r *http.Request, l *localizer) {
	n, err := strconv.Atoi(r.PathValue("number"))
	if err != nil || n <= 0 {
		h.notFound(w, r, l)
		return
	}
	i, err := h.bulletin.Store.FindIssue(r.Context(), n)
	if err != nil || !i.Sent() {
		if err == nil || proximite.ErrorCode(err) == proximite.ENOTFOUND {
			h.notFound(w, r, l) // a draft is nobody's business yet
			return
		}
		h.fail(w, r, l, err)
		return
	}
	subject, _ := i.Subject.In(l.lang)
	body, _ := i.Body.In(l.lang)
	d := issueData{page: h.base(r, l, secBulletin, strconv.Itoa(n), "", subject, l.T("bulletin.issue.number", "n", strconv.Itoa(n))),
		Number: n, Subject: subject, Date: i.QueuedAt, Body: template.HTML(bulletin.HTML(body)), Back: bulletin.Paths[l.lang]}
	h.render(w, r, l, http.StatusOK, "bulletin_issue", d)
}
