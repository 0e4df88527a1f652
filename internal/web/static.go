package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	gopath "path"
	"strings"
)

//go:embed static
var staticFiles embed.FS

// asset is a static file held in memory with its content-hashed name and
// a gzipped copy, so serving it costs no compression.
type asset struct {
	name   string // hashed: app.3f2a9c1b2e.css
	ctype  string
	etag   string
	body   []byte
	gzBody []byte // nil when gzip does not make it smaller
}

// assets are the static files by their plain name (app.css) and by
// their hashed name.
type assets struct {
	byName   map[string]*asset
	byHashed map[string]*asset
}

// loadAssets reads the embedded static files and names each after the
// hash of its content, so that a URL never changes meaning and can be
// cached for a year.
func loadAssets() (*assets, error) {
	a := &assets{byName: map[string]*asset{}, byHashed: map[string]*asset{}}
	err := fs.WalkDir(staticFiles, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := staticFiles.ReadFile(p)
		if err != nil {
			return err
		}
		name := gopath.Base(p)
		sum := sha256.Sum256(body)
		hash := hex.EncodeToString(sum[:])[:10]
		ext := gopath.Ext(name)
		ctype := mime.TypeByExtension(ext)
		if ctype == "" {
			return fmt.Errorf("static/%s: unknown type of file", name)
		}
		as := &asset{name: strings.TrimSuffix(name, ext) + "." + hash + ext, ctype: ctype,
			etag: `"` + hash + `"`, body: body}
		var gz bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
		zw.Write(body)
		zw.Close()
		if gz.Len() < len(body) {
			as.gzBody = gz.Bytes()
		}
		a.byName[name], a.byHashed[as.name] = as, as
		return nil
	})
	return a, err
}

// url returns the hashed URL of a static file by its plain name. Templates
// call it through the "asset" function; an unknown name is a programming
// error that the template test catches.
func (a *assets) url(name string) string {
	if as, ok := a.byName[name]; ok {
		return "/static/" + as.name
	}
	return "/static/missing/" + name
}

// static serves a file under its hashed name, for a year and immutable:
// a new version has a new name.
func (h *Handler) static(w http.ResponseWriter, r *http.Request) {
	as, ok := h.assets.byHashed[r.PathValue("file")]
	if !ok {
		h.notFound(w, r, h.loc[negotiate(r.Header.Get("Accept-Language"))])
		return
	}
	hd := w.Header()
	hd.Set("Content-Type", as.ctype)
	hd.Set("Cache-Control", "public, max-age=31536000, immutable")
	hd.Set("ETag", as.etag)
	hd.Set("X-Content-Type-Options", "nosniff")
	if etagMatch(r.Header.Get("If-None-Match"), as.etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body := as.body
	if as.gzBody != nil && acceptsGzip(r) {
		hd.Set("Content-Encoding", "gzip")
		body = as.gzBody
	}
	hd.Set("Content-Length", fmt.Sprint(len(body)))
	if r.Method == http.MethodHead {
		return
	}
	w.Write(body)
}
