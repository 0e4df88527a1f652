package web

// formRoutes registers the editing forms of the records. (Filled in with
// the forms.)
func (h *Handler) formRoutes() {}
