package web

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
)

// The library of the Observatoire: its list is the search with the type
// fixed (/fr/bibliotheque, /en/library); each publication has a page and,
// when a file was uploaded, a download.

// fileSegment ends the path of a publication's file:
// /fr/bibliotheque/{slug}/fichier, /en/library/{slug}/file.
var fileSegment = map[string]string{"fr": "fichier", "en": "file"}

func filePath(lang, slug string) string {
	return path(lang, secPublication, slug) + "/" + fileSegment[lang]
}

// publicationData is a publication's page.
type publicationData struct {
	page
	P            *proximite.Publication
	Meta         recordMeta
	Kind         string
	Language     string
	Authors      string
	Countries    []countryView
	Sectors      []sectorView
	Orgs         []recordLink
	Partnerships []recordLink
	Projects     []recordLink
	File         *fileView
	// Manage is the coordinators' page of the file, shown to those who
	// may change the publication.
	Manage string
}

// apiPath is the API's collection of a record type: the English path of
// its section, but publications, whose section is the library.
func apiPath(t proximite.RecordType) string {
	if t == proximite.TypePublication {
		return "/api/v1/publications"
	}
	return "/api/v1/" + segments[sectionOf(t)]["en"]
}

// fileView is an uploaded file as a page offers it.
type fileView struct {
	URL, Name, Size string
	Pages           int
	HasText         bool
}

func newFileView(l *localizer, slug string, f *proximite.FileInfo) *fileView {
	if f == nil {
		return nil
	}
	return &fileView{URL: filePath(l.lang, slug), Name: f.Name, Size: fileSize(l, f.Size), Pages: f.Pages, HasText: f.HasText}
}

// fileSize writes a size in kB or MB the page's way.
func fileSize(l *localizer, n int64) string {
	if n < 1<<20 {
		return l.T("pub.size.kb", "n", l.Number(float64(max(n, 1024))/1024, 0))
	}
	decimals := 1
	if n%(1<<20) == 0 {
		decimals = 0
	}
	return l.T("pub.size.mb", "n", l.Number(float64(n)/(1<<20), decimals))
}

func (h *Handler) publication(w http.ResponseWriter, r *http.Request, l *localizer) {
	ctx := r.Context()
	slug, err := recordSlug(r)
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	p, err := h.reg.FindPublication(ctx, slug)
	if err == nil {
		err = published(&p.Meta)
	}
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	if canonical(w, r, l, secPublication, slug, &p.Meta) {
		return
	}
	if h.fresh(w, r, l.lang, p.UpdatedAt) {
		return
	}
	d := publicationData{P: p, Meta: metaView(l, proximite.TypePublication, &p.Meta), Kind: l.Label("pubkind", string(p.Kind)),
		Language: l.Label("langname", p.Language), Authors: strings.Join(p.Authors, ", "), File: newFileView(l, p.Slug, p.File)}
	if u := h.user(r); u != nil && proximite.Can(u, proximite.ActionUpdate, proximite.TargetOf(p)) == nil {
		d.Manage = uploadPath(l.lang, p.Slug)
	}
	for _, c := range p.Countries {
		d.Countries = append(d.Countries, countryView{Name: codelist.Country.Label(c, l.lang),
			URL: path(l.lang, secPublication, "") + "?country=" + url.QueryEscape(c)})
	}
	for _, s := range p.Sectors {
		vocab := "1"
		if len(s) == 3 {
			vocab = "2"
		}
		d.Sectors = append(d.Sectors, sectorViews(l, []proximite.SectorShare{{Vocabulary: vocab, Code: s}})...)
	}
	for _, list := range []struct {
		t     proximite.RecordType
		slugs []string
		dst   *[]recordLink
	}{{proximite.TypeOrganisation, p.Organisations, &d.Orgs}, {proximite.TypePartnership, p.Partnerships, &d.Partnerships},
		{proximite.TypeProject, p.Projects, &d.Projects}} {
		if *list.dst, err = h.publishedLinks(ctx, l, list.t, list.slugs); err != nil {
			h.fail(w, r, l, err)
			return
		}
	}
	title := l.plain(p.Title)
	desc := excerpt(l.plain(p.Abstract), 180)
	if desc == "" {
		desc = title
	}
	d.page = h.base(r, l, secPublication, p.Slug, "", title, desc)
	h.render(w, r, l, http.StatusOK, "publication", d)
}

// publishedLinks returns links to the published records among slugs.
func (h *Handler) publishedLinks(ctx context.Context, l *localizer, t proximite.RecordType, slugs []string) ([]recordLink, error) {
	var out []recordLink
	for _, s := range slugs {
		rec, err := proximite.Find(ctx, h.reg, t, s)
		if proximite.ErrorCode(err) == proximite.ENOTFOUND {
			continue
		} else if err != nil {
			return nil, err
		}
		if rec.Base().State != proximite.Published {
			continue
		}
		out = append(out, recordLink{Name: recordTitle(rec), URL: path(l.lang, sectionOf(t), s)})
	}
	return out, nil
}

// download serves a publication's file: to everyone when the
// publication is published, else to those who may change it. The
// validator is the file's checksum, so a copy is never sent twice.
func (h *Handler) download(w http.ResponseWriter, r *http.Request, l *localizer) {
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
	public := p.State == proximite.Published
	if !public {
		u := h.user(r)
		if u == nil || proximite.Can(u, proximite.ActionUpdate, proximite.TargetOf(p)) != nil {
			h.notFound(w, r, l)
			return
		}
	}
	if p.File == nil {
		h.fail(w, r, l, proximite.Errorf(proximite.ENOTFOUND, "publication %q has no file", p.Slug))
		return
	}
	hd := w.Header()
	hd.Set("ETag", `"`+p.File.SHA256+`"`)
	if public {
		// Revalidated each time (a 304 costs one look-up): a replaced
		// file is never served stale.
		hd.Set("Cache-Control", "public, no-cache")
	} else {
		hd.Set("Cache-Control", "private, no-cache")
	}
	hd.Set("Content-Type", "application/pdf")
	hd.Set("Content-Disposition", contentDisposition(p.File.Name))
	hd.Set("X-Content-Type-Options", "nosniff")
	// A PDF opened from here runs no script of the site's origin.
	hd.Set("Content-Security-Policy", "sandbox; default-src 'none'")
	if inm := r.Header.Get("If-None-Match"); inm != "" && etagMatch(inm, `"`+p.File.SHA256+`"`) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	data, err := h.reg.FileData(ctx, p.ID)
	if err != nil {
		hd.Del("ETag")
		hd.Del("Content-Disposition")
		h.fail(w, r, l, err)
		return
	}
	// ServeContent adds Content-Length, ranges and conditional requests.
	http.ServeContent(w, r, "", p.File.Uploaded.Truncate(time.Second), bytes.NewReader(data))
}

// contentDisposition offers a file under its name as RFC 6266 says: an
// ASCII fallback in filename, the name itself in filename* (RFC 5987),
// so that no quote, slash or line break of an uploaded name reaches the
// header.
func contentDisposition(name string) string {
	var ascii strings.Builder
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', strings.ContainsRune("-_.() ", r):
			ascii.WriteRune(r)
		default:
			ascii.WriteByte('_')
		}
	}
	fallback := strings.TrimSpace(ascii.String())
	if fallback == "" {
		fallback = "document.pdf"
	}
	var enc strings.Builder
	for _, b := range []byte(name) {
		if b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || strings.IndexByte("!#$&+-.^_`|~", b) >= 0 {
			enc.WriteByte(b)
		} else {
			fmt.Fprintf(&enc, "%%%02X", b)
		}
	}
	return `attachment; filename="` + fallback + `"; filename*=UTF-8''` + enc.String()
}

// libraryRoutes registers the downloads and the coordinators' page of a
// publication's file in one language.
func (h *Handler) libraryRoutes(lang string, l *localizer) {
	h.mux.HandleFunc("GET "+path(lang, secPublication, "")+"/{slug}/"+fileSegment[lang], h.with(l, h.download))
	for _, method := range []string{"GET ", "POST "} {
		h.mux.HandleFunc(method+path(lang, secPublication, "")+"/{slug}/"+uploadSegment[lang], bind(l, h.uploadPage))
	}
}
