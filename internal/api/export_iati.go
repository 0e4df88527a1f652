package api

import (
	"net/http"

	"github.com/proximite/proximite"
)

func (h *Handler) exportIATI(w http.ResponseWriter, r *http.Request) {
	h.error(w, r, proximite.Errorf(proximite.ENOTFOUND, "the IATI export is not available yet"))
}
