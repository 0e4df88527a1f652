package web

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/proximite/proximite"
)

// fresh sets the validators of a record page, built from the times its
// data changed, the language and the site's build, and answers 304 Not
// Modified when the visitor's copy is current. It returns true when it
// did, and the handler stops there before reading anything else.
//
// The times passed are the record's and the newest of the records that
// link to it, so that a new project shows on its partnership's page.
func (h *Handler) fresh(w http.ResponseWriter, r *http.Request, lang string, times ...time.Time) bool {
	var last time.Time
	sum := sha256.New()
	sum.Write([]byte(lang + "|" + h.build))
	// A member's copy has their header ("my workspace"), a visitor's
	// another: the two must not validate each other.
	if u := proximite.UserFromContext(r.Context()); u != nil {
		fmt.Fprintf(sum, "|user %d", u.ID)
	}
	for _, t := range times {
		sum.Write([]byte("|" + t.UTC().Format(time.RFC3339Nano)))
		if t.After(last) {
			last = t
		}
	}
	etag := `W/"` + hex.EncodeToString(sum.Sum(nil))[:20] + `"`
	hd := w.Header()
	hd.Set("ETag", etag)
	hd.Set("Cache-Control", "no-cache")
	if !last.IsZero() {
		hd.Set("Last-Modified", last.UTC().Format(http.TimeFormat))
	}
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		if !etagMatch(inm, etag) {
			return false
		}
	} else if ims, err := http.ParseTime(r.Header.Get("If-Modified-Since")); err != nil || last.IsZero() ||
		last.Truncate(time.Second).After(ims) {
		return false
	}
	w.WriteHeader(http.StatusNotModified)
	return true
}

// etagMatch reports whether an If-None-Match header names etag, comparing
// weakly as RFC 9110 asks for GET.
func etagMatch(header, etag string) bool {
	want := strings.TrimPrefix(etag, "W/")
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimSpace(t)
		if t == "*" || strings.TrimPrefix(t, "W/") == want {
			return true
		}
	}
	return false
}
