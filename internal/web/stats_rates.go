package web

import (
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/report"
)

// The coordinators' rate table, in the workspace: they upload (or paste)
// the CSV of yearly rates to Canadian dollars that the statistics convert
// money with, as `proximite rates load` does from the command line. The
// file is checked whole; a bad line stops it, named, and nothing is
// stored.

// ratesPaths are the page's paths, under the workspace's.
var ratesPaths = map[string]string{"fr": "/fr/mon-espace/taux", "en": "/en/my-workspace/rates"}

// maxRatesFile bounds the rate file: a table of every currency for a
// century is far smaller.
const maxRatesFile = 1 << 20

type ratesData struct {
	page
	Action  string
	Rates   []rateView
	Loaded  string // after a load: how many rates
	Problem string // why a file was refused
	Stats   string
}

type rateView struct {
	Year, Currency, Rate string
}

// ratesRoutes registers the page in one language, for a registry that
// keeps rates; the workspace calls it.
func (h *Handler) ratesRoutes(lang string, l *localizer) {
	reg, ok := h.reg.(proximite.StatsService)
	if !ok {
		return
	}
	h.mux.HandleFunc("GET "+ratesPaths[lang], h.page(l, func(w http.ResponseWriter, r *http.Request, l *localizer) {
		if u := h.rateKeeper(w, r, l); u != nil {
			loaded := ""
			if n, err := strconv.Atoi(r.URL.Query().Get("n")); err == nil && n > 0 {
				loaded = l.N("rates.loaded", n)
			}
			h.ratesPage(w, r, l, reg, http.StatusOK, loaded, "")
		}
	}))
	h.mux.HandleFunc("POST "+ratesPaths[lang], h.page(l, func(w http.ResponseWriter, r *http.Request, l *localizer) {
		if u := h.rateKeeper(w, r, l); u != nil {
			h.ratesPost(w, r, l, reg)
		}
	}))
}

// rateKeeper returns the signed-in coordinator or administrator, and
// answers anyone else.
func (h *Handler) rateKeeper(w http.ResponseWriter, r *http.Request, l *localizer) *proximite.User {
	u := h.member(w, r, l)
	if u == nil {
		return nil
	}
	if u.Role != proximite.RoleCoordinator && u.Role != proximite.RoleAdmin {
		h.errorPage(w, r, l, http.StatusForbidden, "ws.error.forbidden", l.T("rates.forbidden"))
		return nil
	}
	return u
}

func (h *Handler) ratesPage(w http.ResponseWriter, r *http.Request, l *localizer, reg proximite.StatsService, status int, loaded, problem string) {
	rates, err := reg.Rates(r.Context())
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	title := l.T("rates.title")
	p := h.wsBase(r, l, wsHome, title)
	if p.Account != nil {
		p.Account.Current = false
	}
	p.Canonical = origin(r) + ratesPaths[l.lang]
	p.Alternate.Href = ratesPaths[p.Alternate.Lang]
	p.Crumbs = []crumb{p.Crumbs[0], {Name: l.T("ws.home.title"), Href: wsPath(l.lang, wsHome)}, {Name: title}}
	d := ratesData{page: p, Action: ratesPaths[l.lang], Loaded: loaded, Problem: problem, Stats: path(l.lang, secStats, "")}
	for _, rt := range rates {
		d.Rates = append(d.Rates, rateView{strconv.Itoa(rt.Year), rt.Currency, strconv.FormatFloat(rt.RateToCAD, 'f', -1, 64)})
	}
	h.render(w, r, l, status, "workspace_rates", d)
}

func (h *Handler) ratesPost(w http.ResponseWriter, r *http.Request, l *localizer, reg proximite.StatsService) {
	r.Body = http.MaxBytesReader(w, r.Body, maxRatesFile)
	text, err := ratesText(r)
	if err != nil {
		var tooBig *http.MaxBytesError
		key := "rates.unreadable"
		if errors.As(err, &tooBig) {
			key = "rates.toobig"
		}
		h.ratesPage(w, r, l, reg, http.StatusBadRequest, "", l.T(key))
		return
	}
	if strings.TrimSpace(text) == "" {
		h.ratesPage(w, r, l, reg, http.StatusBadRequest, "", l.T("rates.nofile"))
		return
	}
	rates, err := report.ParseRates(strings.NewReader(text))
	if err == nil {
		err = reg.SaveRates(r.Context(), rates)
	}
	var refused *report.RatesError
	if errors.As(err, &refused) {
		h.ratesPage(w, r, l, reg, http.StatusBadRequest, "", l.T("rates.refused", "detail", rateProblems(l, refused)))
		return
	} else if proximite.ErrorCode(err) == proximite.EINVALID {
		h.ratesPage(w, r, l, reg, http.StatusBadRequest, "", l.T("rates.refused", "detail", proximite.ErrorMessage(err)))
		return
	} else if err != nil {
		h.fail(w, r, l, err)
		return
	}
	http.Redirect(w, r, ratesPaths[l.lang]+"?"+url.Values{"n": {strconv.Itoa(len(rates))}}.Encode(), http.StatusSeeOther)
}

// ratesText reads the uploaded file, or else the pasted text.
func ratesText(r *http.Request) (string, error) {
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		if err := r.ParseMultipartForm(maxRatesFile); err != nil {
			return "", err
		}
		if f, _, err := r.FormFile("file"); err == nil {
			defer f.Close()
			b, err := io.ReadAll(f)
			if err != nil {
				return "", err
			}
			if len(strings.TrimSpace(string(b))) > 0 {
				return string(b), nil
			}
		}
		return r.FormValue("rates"), nil
	}
	if err := r.ParseForm(); err != nil {
		return "", err
	}
	return r.PostFormValue("rates"), nil
}

// rateProblems words the problems of a refused rate file in the page's
// language, one after the other.
func rateProblems(l *localizer, e *report.RatesError) string {
	parts := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		text := l.T("rates.problem."+p.Code, "value", p.Value, "first", p.First,
			"min", proximite.MinStatsYear, "max", proximite.MaxStatsYear)
		if p.Line > 0 {
			text = l.T("rates.problem.line", "line", p.Line, "problem", text)
		}
		parts[i] = text
	}
	sep := "; "
	if l.lang == "fr" {
		sep = " ; "
	}
	return strings.Join(parts, sep)
}
