package web

import (
	"net/http"

	"github.com/proximite/proximite"
)

// wsPage is a page of the members' area. Like the sections of the public
// site, each has one path per language.
type wsPage string

// The pages of accounts and of the publication workflow.
const (
	wsHome       wsPage = "home"       // the records of one's organisations, in every state
	wsQueue      wsPage = "queue"      // the coordinators' queue of submitted records
	wsSignIn     wsPage = "signin"     // sign-in form
	wsSignOut    wsPage = "signout"    // POST: sign out, here or everywhere
	wsForgot     wsPage = "forgot"     // ask for a password reset link
	wsInvitation wsPage = "invitation" // the link of an invitation: choose a password
	wsReset      wsPage = "reset"      // the link of a reset: choose a new password
	wsAccounts   wsPage = "accounts"   // coordinators: the accounts, inviting and changing them
	wsEvents     wsPage = "events"     // the calendar's events in every state, to edit
)

// wsPaths are the paths of the area's pages per language. The links sent
// by e-mail carry no language prefix, as the command line has always
// written them (/compte/invitation?jeton=…); their English twins answer
// too.
var wsPaths = map[wsPage]map[string]string{
	wsHome:       {"fr": "/fr/mon-espace", "en": "/en/my-workspace"},
	wsQueue:      {"fr": "/fr/mon-espace/a-publier", "en": "/en/my-workspace/queue"},
	wsSignIn:     {"fr": "/fr/connexion", "en": "/en/sign-in"},
	wsSignOut:    {"fr": "/fr/deconnexion", "en": "/en/sign-out"},
	wsForgot:     {"fr": "/fr/mot-de-passe-oublie", "en": "/en/forgot-password"},
	wsInvitation: {"fr": "/compte/invitation", "en": "/account/invitation"},
	wsReset:      {"fr": "/compte/nouveau-mot-de-passe", "en": "/account/new-password"},
	wsAccounts:   {"fr": "/fr/mon-espace/comptes", "en": "/en/my-workspace/accounts"},
	wsEvents:     {"fr": "/fr/mon-espace/evenements", "en": "/en/my-workspace/events"},
}

// historySegment ends the path of a record's history page:
// /fr/projets/{slug}/historique, /en/projects/{slug}/history.
var historySegment = map[string]string{"fr": "historique", "en": "history"}

func wsPath(lang string, p wsPage) string { return wsPaths[p][lang] }

// historyPath returns the path of a record's history page.
func historyPath(lang string, t proximite.RecordType, slug string) string {
	return path(lang, sectionOf(t), slug) + "/" + historySegment[lang]
}

// actionPath returns where the workflow's buttons post for a record.
func actionPath(lang string, t proximite.RecordType, slug, action string) string {
	return wsPath(lang, wsHome) + "/" + string(t) + "/" + slug + "/" + action
}

// RecordPath returns the public path of a record in a language, for
// links written outside the site (the reminders sent by e-mail).
func RecordPath(lang string, t proximite.RecordType, slug string) string {
	return path(lang, sectionOf(t), slug)
}

// workspaceRoutes registers the pages of accounts and of the publication
// workflow in both languages. Every POST passes the cross-origin check of
// the whole site (security.go) before it gets here.
func (h *Handler) workspaceRoutes() {
	for _, lang := range proximite.Languages {
		l := h.loc[lang]
		h.mux.HandleFunc("GET "+wsPath(lang, wsSignIn), h.page(l, h.signInPage))
		h.mux.HandleFunc("POST "+wsPath(lang, wsSignIn), h.page(l, h.signInPost))
		h.mux.HandleFunc("POST "+wsPath(lang, wsSignOut), h.page(l, h.signOut))
		h.mux.HandleFunc("GET "+wsPath(lang, wsForgot), h.page(l, h.forgotPage))
		h.mux.HandleFunc("POST "+wsPath(lang, wsForgot), h.page(l, h.forgotPost))
		for _, p := range []wsPage{wsInvitation, wsReset} {
			h.mux.HandleFunc("GET "+wsPath(lang, p), h.page(l, h.linkPage(p)))
			h.mux.HandleFunc("POST "+wsPath(lang, p), h.page(l, h.linkPost(p)))
		}
		h.mux.HandleFunc("GET "+wsPath(lang, wsHome), h.page(l, h.workspace))
		h.mux.HandleFunc("GET "+wsPath(lang, wsQueue), h.page(l, h.queue))
		h.ratesRoutes(lang, l)
		h.mux.HandleFunc("POST "+wsPath(lang, wsHome)+"/{type}/{slug}/{action}", h.page(l, h.recordAction))
		for _, s := range recordSections {
			h.mux.HandleFunc("GET "+path(lang, s, "")+"/{slug}/"+historySegment[lang], h.page(l, h.history(s.recordType())))
		}
		h.accountRoutes(lang, l)
		h.eventFormRoutes(lang, l)
		h.boardFormRoutes(lang, l)
		h.assessRoutes(lang, l)
	}
}

// page binds a page of the area to its language. Pages of the area are
// about one person and are never stored by a cache.
func (h *Handler) page(l *localizer, p pageHandler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		p(w, r, l)
	}
}
