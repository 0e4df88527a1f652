// Package api serves the registry as JSON under /api/v1: search across all
// records, lists with the search filters, and full records with their
// links; the figures and suggestions of the site's decision pages
// (statistics, territories, synergies, the network, funding, known
// twinnings, the partner board); and writes to every kind of record
// (POST, PUT, PATCH, DELETE), authenticated by personal access tokens and
// checked by the domain's guard (write.go).
package api

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/iati"
)

// Handler serves /api/v1 and /healthz.
type Handler struct {
	reg proximite.Registry
	// guard is the registry as writes reach it: every write is checked
	// against the policy for the token's owner.
	guard  *proximite.Guard
	tokens Tokens
	events proximite.EventService // nil: no calendar served
	// eventGuard is the calendar as writes reach it.
	eventGuard *proximite.EventGuard
	log        *slog.Logger
	mux        *http.ServeMux
	// reporter is the network that reports the IATI export (its
	// reference and name); empty, the export's defaults.
	reporter iati.Options
	// now is the clock that decides which posts and programmes are open.
	now func() time.Time
}

// WithIATIReporter sets the reference and name of the network that the
// IATI export names as reporting organisation.
func (h *Handler) WithIATIReporter(ref string, name proximite.Text) *Handler {
	h.reporter.OrgRef, h.reporter.OrgName = ref, name
	return h
}

// New returns the API handler over a registry.
func New(reg proximite.Registry, log *slog.Logger) *Handler {
	h := &Handler{reg: reg, guard: proximite.NewGuard(reg), log: log, mux: http.NewServeMux(), now: time.Now}
	h.mux.HandleFunc("GET /healthz", h.health)
	h.mux.HandleFunc("GET /api/v1/search", h.search)
	h.mux.HandleFunc("GET /api/v1/openapi.json", h.openapi)
	h.mux.HandleFunc("GET /api/v1/export/iati.xml", h.exportIATI)
	h.mux.HandleFunc("GET /api/v1/export/projects.csv", h.exportCSV)
	h.mux.HandleFunc("GET /api/v1/export/projects.json", h.exportJSON)
	h.mux.HandleFunc("GET /api/v1/export/projects.geojson", h.exportGeoJSON)
	// The figures and suggestions the site's pages show, read-only and
	// public; literal segments take precedence over {collection}/{id}.
	h.mux.HandleFunc("GET /api/v1/statistics", h.statistics)
	h.mux.HandleFunc("GET /api/v1/territories", h.territories)
	h.mux.HandleFunc("GET /api/v1/territories/{slug}", h.territory)
	h.mux.HandleFunc("GET /api/v1/organisations/{id}/synergies", h.synergies(proximite.TypeOrganisation))
	h.mux.HandleFunc("GET /api/v1/partnerships/{id}/synergies", h.synergies(proximite.TypePartnership))
	h.mux.HandleFunc("GET /api/v1/organisations/{id}/twins", h.twins)
	h.mux.HandleFunc("GET /api/v1/network", h.network)
	h.mux.HandleFunc("GET /api/v1/funding", h.funding)
	h.mux.HandleFunc("GET /api/v1/projects/{id}/funding", h.projectFunding)
	h.mux.HandleFunc("GET /api/v1/board", h.board)
	h.mux.HandleFunc("GET /api/v1/board/{id}", h.boardPost)
	h.mux.HandleFunc("GET /api/v1/{collection}", h.list)
	h.mux.HandleFunc("GET /api/v1/{collection}/{id}", h.record)
	h.mux.HandleFunc("POST /api/v1/{collection}", h.create)
	h.mux.HandleFunc("PUT /api/v1/{collection}/{id}", h.replace)
	h.mux.HandleFunc("PATCH /api/v1/{collection}/{id}", h.patch)
	h.mux.HandleFunc("DELETE /api/v1/{collection}/{id}", h.remove)
	h.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		h.error(w, r, proximite.Errorf(proximite.ENOTFOUND, "no such endpoint: %s %s", r.Method, r.URL.Path))
	})
	return h
}

// ServeHTTP implements http.Handler.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.mux.ServeHTTP(w, r) }

// collections maps the plural in URLs to record types, and back.
var collections = map[string]proximite.RecordType{
	"organisations": proximite.TypeOrganisation,
	"partnerships":  proximite.TypePartnership,
	"projects":      proximite.TypeProject,
	"visits":        proximite.TypeVisit,
	"programmes":    proximite.TypeProgramme,
	"publications":  proximite.TypePublication,
}

// Collection returns the URL plural of a record type.
func Collection(t proximite.RecordType) string {
	for c, rt := range collections {
		if rt == t {
			return c
		}
	}
	return string(t) + "s"
}

func (h *Handler) health(w http.ResponseWriter, r *http.Request) {
	if _, err := h.reg.Counts(r.Context()); err != nil {
		h.log.Error("health check", "err", err)
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// statuses maps error codes to HTTP statuses, in this one place.
var statuses = map[string]int{
	proximite.EINVALID:      http.StatusBadRequest,
	proximite.ENOTFOUND:     http.StatusNotFound,
	proximite.ECONFLICT:     http.StatusConflict,
	proximite.EUNAUTHORIZED: http.StatusUnauthorized,
	proximite.EFORBIDDEN:    http.StatusForbidden,
	proximite.EINTERNAL:     http.StatusInternalServerError,
}

// errorBody is the JSON of every error: a code, a message for people, and
// for invalid input the fields at fault.
type errorBody struct {
	Error struct {
		Code    string       `json:"code"`
		Message string       `json:"message"`
		Fields  []fieldError `json:"fields,omitempty"`
	} `json:"error"`
}

type fieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

func (h *Handler) error(w http.ResponseWriter, r *http.Request, err error) {
	code := proximite.ErrorCode(err)
	var body errorBody
	body.Error.Code = code
	body.Error.Message = proximite.ErrorMessage(err)
	var verrs proximite.ValidationErrors
	if errors.As(err, &verrs) {
		for _, e := range verrs {
			body.Error.Fields = append(body.Error.Fields, fieldError{e.Field, e.Message})
		}
	}
	var e *proximite.Error
	if errors.As(err, &e) && e.Field != "" && len(body.Error.Fields) == 0 {
		body.Error.Fields = []fieldError{{e.Field, e.Message}}
	}
	if code == proximite.EINTERNAL {
		h.log.Error("api", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	writeJSON(w, statuses[code], body)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

func atoi(s string, field string) (int, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, proximite.FieldError(field, "must be a whole number, got %q", s)
	}
	return n, nil
}
