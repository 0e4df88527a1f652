package web

// workspaceRoutes registers the pages of accounts and the publication
// workflow. (Filled in with the workspace.)
func (h *Handler) workspaceRoutes() {}
