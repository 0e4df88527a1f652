package web

import (
	"bytes"
	"errors"
	"io"
	"mime"
	"net/http"
	"time"

	"github.com/proximite/proximite"
)

// The coordinators' page of a publication's file: upload a PDF (or
// replace it), remove it, see whether its text was read, publish.
// Uploading is checked against the policy before a byte of the body is
// read, and a body over the limit is refused as soon as it is known: by
// its Content-Length, or when reading passes the limit.

// uploadSegment ends the path of the page:
// /fr/bibliotheque/{slug}/depot, /en/library/{slug}/upload.
var uploadSegment = map[string]string{"fr": "depot", "en": "upload"}

func uploadPath(lang, slug string) string {
	return path(lang, secPublication, slug) + "/" + uploadSegment[lang]
}

// uploadSlack is what a multipart body may hold besides the file: the
// boundaries, headers and a few small fields.
const uploadSlack = 64 << 10

// uploadTime is how long an upload may take to arrive.
const uploadTime = 15 * time.Minute

// WithMaxUpload sets the largest file of the library that the site
// accepts; the store's limit (sqlstore.DB.MaxFileSize) should agree.
func (h *Handler) WithMaxUpload(n int64) *Handler {
	h.maxUpload = n
	return h
}

// uploadLimit is the largest file the site accepts.
func (h *Handler) uploadLimit() int64 {
	if h.maxUpload > 0 {
		return h.maxUpload
	}
	return proximite.MaxFileSize
}

// uploadData is the page of a publication's file.
type uploadData struct {
	page
	Heading string
	P       *proximite.Publication
	File    *fileView
	Action  string
	Error   string
	Notice  string
	Limit   string
	// LimitBytes lets the page's script refuse a file over the limit
	// before sending it.
	LimitBytes int64
	Public     string // the public page, when published
	Edit       string
	Publish    string // the workflow's publish button, for a draft
	Unpublish  string
	Back       string
}

func (h *Handler) uploadPage(w http.ResponseWriter, r *http.Request, l *localizer) {
	w.Header().Set("Cache-Control", "no-store")
	u := h.member(w, r, l)
	if u == nil {
		return
	}
	ctx := r.Context()
	slug, err := recordSlug(r)
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	p, err := h.reg.FindPublication(ctx, slug)
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	if err := proximite.Can(u, proximite.ActionUpdate, proximite.TargetOf(p)); err != nil {
		h.errorPage(w, r, l, http.StatusForbidden, "ws.error.forbidden", localized(l, err))
		return
	}
	if r.Method != http.MethodPost {
		notice := ""
		switch done := r.URL.Query().Get("fait"); done {
		case "uploaded", "removed", "publish", "unpublish":
			notice = l.T("pub.upload.done." + done)
		}
		h.drawUpload(w, r, l, p, http.StatusOK, "", notice)
		return
	}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ct != "multipart/form-data" {
		// The button that removes the file posts a plain form.
		if !h.parseForm(w, r, l) {
			return
		}
		if r.PostForm.Get("remove") == "" {
			h.errorPage(w, r, l, http.StatusBadRequest, "error.badrequest", l.T("pub.upload.none"))
			return
		}
		if err := h.guard.RemoveFile(ctx, p.ID); err != nil {
			h.uploadFailed(w, r, l, p, err)
			return
		}
		http.Redirect(w, r, uploadPath(l.lang, p.Slug)+"?fait=removed", http.StatusSeeOther)
		return
	}
	limit := h.uploadLimit()
	tooLarge := func() {
		// The rest of the body is not read: the server closes the
		// connection after this answer.
		w.Header().Set("Connection", "close")
		h.errorPage(w, r, l, http.StatusRequestEntityTooLarge, "pub.upload.toolarge",
			l.T("pub.upload.toolarge.detail", "limit", fileSize(l, limit)))
	}
	if r.ContentLength > limit+uploadSlack {
		tooLarge()
		return
	}
	// The server's read timeout suits pages, not fifty megabytes over a
	// village's connection: this request may take longer. (A recorder in
	// tests cannot, which is fine.)
	http.NewResponseController(w).SetReadDeadline(time.Now().Add(uploadTime))
	r.Body = http.MaxBytesReader(w, r.Body, limit+uploadSlack)
	up, err := readUpload(r, limit)
	var big *http.MaxBytesError
	switch {
	case errors.As(err, &big) || errors.Is(err, errFileTooLarge):
		tooLarge()
		return
	case err != nil:
		h.errorPage(w, r, l, http.StatusBadRequest, "error.badrequest", l.T("ws.error.form"))
		return
	case len(up.Data) == 0:
		h.drawUpload(w, r, l, p, http.StatusUnprocessableEntity, l.T("pub.upload.none"), "")
		return
	case !bytes.HasPrefix(up.Data, []byte("%PDF-")):
		h.drawUpload(w, r, l, p, http.StatusUnprocessableEntity, l.T("pub.upload.notpdf"), "")
		return
	case p.Link != "":
		h.drawUpload(w, r, l, p, http.StatusUnprocessableEntity, l.T("pub.upload.haslink"), "")
		return
	}
	if err := h.guard.AttachFile(ctx, p.ID, up); err != nil {
		h.uploadFailed(w, r, l, p, err)
		return
	}
	h.log.Info("upload", "user", u.ID, "publication", p.Slug, "bytes", len(up.Data))
	http.Redirect(w, r, uploadPath(l.lang, p.Slug)+"?fait=uploaded", http.StatusSeeOther)
}

var errFileTooLarge = errors.New("file too large")

// readUpload reads the "file" part of a multipart body, at most limit
// bytes of it; other parts are skipped.
func readUpload(r *http.Request, limit int64) (proximite.Upload, error) {
	var up proximite.Upload
	mr, err := r.MultipartReader()
	if err != nil {
		return up, err
	}
	for i := 0; i < 16; i++ {
		part, err := mr.NextPart()
		if err == io.EOF {
			return up, nil
		} else if err != nil {
			return up, err
		}
		if part.FormName() != "file" || up.Data != nil {
			if _, err := io.Copy(io.Discard, part); err != nil {
				return up, err
			}
			continue
		}
		up.Name = part.FileName()
		up.Data, err = io.ReadAll(io.LimitReader(part, limit+1))
		if err != nil {
			return up, err
		}
		if int64(len(up.Data)) > limit {
			return up, errFileTooLarge
		}
		if up.Data == nil {
			up.Data = []byte{}
		}
	}
	return up, nil
}

// uploadFailed answers a refusal of the store or the guard.
func (h *Handler) uploadFailed(w http.ResponseWriter, r *http.Request, l *localizer, p *proximite.Publication, err error) {
	switch proximite.ErrorCode(err) {
	case proximite.EFORBIDDEN, proximite.EUNAUTHORIZED:
		h.errorPage(w, r, l, http.StatusForbidden, "ws.error.forbidden", localized(l, err))
	case proximite.EINVALID:
		// What the store refuses that the page did not: a file that
		// starts like a PDF and is none.
		h.drawUpload(w, r, l, p, http.StatusUnprocessableEntity, l.T("pub.upload.notpdf"), "")
	default:
		h.fail(w, r, l, err)
	}
}

func (h *Handler) drawUpload(w http.ResponseWriter, r *http.Request, l *localizer, p *proximite.Publication, status int, msg, notice string) {
	title := l.plain(p.Title)
	heading := l.T("pub.upload.title", "title", title)
	d := uploadData{Heading: heading, P: p, File: newFileView(l, p.Slug, p.File), Action: uploadPath(l.lang, p.Slug),
		Error: msg, Notice: notice, Limit: fileSize(l, h.uploadLimit()), LimitBytes: h.uploadLimit(), Edit: editPath(l.lang, proximite.TypePublication, p.Slug),
		Back: uploadPath(l.lang, p.Slug)}
	action := wsPath(l.lang, wsHome) + "/" + string(proximite.TypePublication) + "/" + p.Slug + "/"
	if p.State == proximite.Published {
		d.Public = path(l.lang, secPublication, p.Slug)
		d.Unpublish = action + "unpublish"
	} else {
		d.Publish = action + "publish"
	}
	d.page = h.base(r, l, secPublication, "", "", heading, heading)
	d.NoIndex = true
	d.Alternate.Href, d.Alternate.Canonical = uploadPath(otherLang(l.lang), p.Slug), ""
	d.Crumbs = []crumb{{Name: l.T("nav.home"), Href: path(l.lang, secHome, "")},
		{Name: l.T("nav.publication"), Href: path(l.lang, secPublication, "")}, {Name: heading}}
	if status != http.StatusOK {
		d.page.Title = l.T("edit.title.errors", "title", heading)
	}
	h.render(w, r, l, status, "publication_upload", d)
}
