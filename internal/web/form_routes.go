package web

import (
	"net/http"

	"github.com/proximite/proximite"
)

// forms are the editing forms, one per type of record.
var forms = []*recordForm{organisationForm, partnershipForm, projectForm, visitForm, programmeForm, publicationForm}

// formRoutes registers, in both languages, the form that creates a record
// of each type and the one that edits a record:
// /fr/missions/nouvelle, /fr/missions/{slug}/modifier,
// /en/visits/new, /en/visits/{slug}/edit, and so on.
func (h *Handler) formRoutes() {
	for _, lang := range proximite.Languages {
		l := h.loc[lang]
		for _, f := range forms {
			create, edit := newPath(lang, f.typ), path(lang, sectionOf(f.typ), "")+"/{slug}/"+editSegment[lang]
			for _, method := range []string{"GET ", "POST "} {
				h.mux.HandleFunc(method+create, bind(l, h.editForm(f, true)))
				h.mux.HandleFunc(method+edit, bind(l, h.editForm(f, false)))
			}
		}
	}
}

// bind binds a form to the language of its path; unlike the public
// pages, a form answers POST.
func bind(l *localizer, p pageHandler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { p(w, r, l) }
}
