package api

import (
	"net/http"

	"github.com/proximite/proximite"
)

func (h *Handler) exportCSV(w http.ResponseWriter, r *http.Request) {
	h.error(w, r, proximite.Errorf(proximite.ENOTFOUND, "the CSV export is not available yet"))
}

func (h *Handler) exportJSON(w http.ResponseWriter, r *http.Request) {
	h.error(w, r, proximite.Errorf(proximite.ENOTFOUND, "the JSON export is not available yet"))
}

func (h *Handler) exportGeoJSON(w http.ResponseWriter, r *http.Request) {
	h.error(w, r, proximite.Errorf(proximite.ENOTFOUND, "the GeoJSON export is not available yet"))
}
