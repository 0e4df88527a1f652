package api

import (
	"net/http"

	"github.com/proximite/proximite"
)

func (h *Handler) openapi(w http.ResponseWriter, r *http.Request) {
	h.error(w, r, proximite.Errorf(proximite.ENOTFOUND, "the OpenAPI document is not available yet"))
}
