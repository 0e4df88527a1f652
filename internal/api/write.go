package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/proximite/proximite"
)

// MaxBody bounds the body of a write. The largest record of the
// demonstration is under 20 kB; a megabyte leaves room for any real one
// and none for a body meant to fill the memory or the database.
const MaxBody = 1 << 20

// Tokens finds the owner of a personal access token; the storage's
// AccountService is one.
type Tokens interface {
	UserByAccessToken(ctx context.Context, token string) (*proximite.User, error)
}

// WithTokens enables the write endpoints, authenticated by personal
// access tokens. Without it they answer 401 to everyone.
func (h *Handler) WithTokens(t Tokens) *Handler {
	h.tokens = t
	return h
}

// authenticate returns the request's context with the token's owner.
func (h *Handler) authenticate(r *http.Request) (context.Context, error) {
	auth := r.Header.Get("Authorization")
	scheme, token, _ := strings.Cut(auth, " ")
	if auth == "" || !strings.EqualFold(scheme, "Bearer") || h.tokens == nil {
		return nil, proximite.Errorf(proximite.EUNAUTHORIZED,
			"Écrire demande un jeton d'accès personnel : Authorization: Bearer <jeton>. / Writing needs a personal access token: Authorization: Bearer <token>.")
	}
	u, err := h.tokens.UserByAccessToken(r.Context(), strings.TrimSpace(token))
	if err != nil {
		return nil, err
	}
	return proximite.NewContextWithUser(r.Context(), u), nil
}

// httpError is an answer of the HTTP layer that no domain code names.
type httpError struct {
	status  int
	code    string
	message string
}

func (e *httpError) Error() string { return e.message }

// readBody checks the media type and reads a body of at most MaxBody.
func readBody(w http.ResponseWriter, r *http.Request, types ...string) ([]byte, error) {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	ok := false
	for _, t := range types {
		ok = ok || mt == t
	}
	if !ok {
		return nil, &httpError{http.StatusUnsupportedMediaType, "unsupported_media_type",
			"Le corps doit être du JSON (" + strings.Join(types, ", ") + "). / The body must be JSON (" + strings.Join(types, ", ") + ")."}
	}
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBody))
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return nil, &httpError{http.StatusRequestEntityTooLarge, "too_large",
			"Le corps dépasse 1 Mo. / The body is larger than 1 MB."}
	}
	return b, err
}

// decode reads a record from JSON, refusing fields the record does not
// have, so that a misspelt field is reported rather than dropped.
func decode(body []byte, rec any) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	err := dec.Decode(rec)
	var typeErr *json.UnmarshalTypeError
	var syntaxErr *json.SyntaxError
	switch {
	case err == nil:
		if dec.More() {
			return proximite.Errorf(proximite.EINVALID, "Le corps contient plus d'un objet JSON. / The body holds more than one JSON value.")
		}
		return nil
	case errors.As(err, &typeErr):
		return proximite.FieldError(typeErr.Field, "attendu / expected %s, got %s", typeErr.Type, typeErr.Value)
	case errors.As(err, &syntaxErr), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return proximite.Errorf(proximite.EINVALID, "Le corps n'est pas du JSON valide. / The body is not valid JSON: %v", err)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		field := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return proximite.FieldError(field, "champ inconnu / unknown field")
	}
	return proximite.Errorf(proximite.EINVALID, "%v", err)
}

// newRecord returns an empty record of a type the route has checked.
func newRecord(t proximite.RecordType) proximite.Record {
	rec, _ := proximite.NewRecord(t)
	return rec
}

// save creates a record (no ID) or replaces one, through the guard.
func (h *Handler) save(ctx context.Context, rec proximite.Record) error {
	return h.guard.Save(ctx, rec)
}

func (h *Handler) delete(ctx context.Context, t proximite.RecordType, id int64) error {
	return h.guard.Delete(ctx, t, id)
}

// writeRequest is what every write starts with: the record type of the
// URL and the acting user, or an error to answer.
func (h *Handler) writeRequest(r *http.Request) (proximite.RecordType, context.Context, error) {
	t, ok := collections[r.PathValue("collection")]
	if !ok {
		return "", nil, proximite.Errorf(proximite.ENOTFOUND, "no such collection %q", r.PathValue("collection"))
	}
	ctx, err := h.authenticate(r)
	return t, ctx, err
}

// create answers POST /api/v1/{collection}.
func (h *Handler) create(w http.ResponseWriter, r *http.Request) {
	t, ctx, err := h.writeRequest(r)
	var body []byte
	if err == nil {
		body, err = readBody(w, r, "application/json")
	}
	rec := newRecord(t)
	if err == nil {
		err = decode(body, rec)
	}
	if err == nil {
		rec.Base().ID = 0
		err = h.save(ctx, rec)
	}
	h.written(w, r, ctx, t, rec, http.StatusCreated, err)
}

// replace answers PUT /api/v1/{collection}/{id}: the body is the whole
// record; a missing slug keeps the stored one.
func (h *Handler) replace(w http.ResponseWriter, r *http.Request) {
	t, ctx, err := h.writeRequest(r)
	var body []byte
	var old *proximite.Meta
	if err == nil {
		body, err = readBody(w, r, "application/json")
	}
	if err == nil {
		_, old, err = h.find(ctx, t, r.PathValue("id"))
	}
	rec := newRecord(t)
	if err == nil {
		err = decode(body, rec)
	}
	if err == nil {
		m := rec.Base()
		m.ID = old.ID
		if m.Slug == "" {
			m.Slug = old.Slug
		}
		err = h.save(ctx, rec)
	}
	h.written(w, r, ctx, t, rec, http.StatusOK, err)
}

// patch answers PATCH /api/v1/{collection}/{id} with a JSON merge patch
// (RFC 7396): the fields given replace the stored ones, null removes one.
func (h *Handler) patch(w http.ResponseWriter, r *http.Request) {
	t, ctx, err := h.writeRequest(r)
	var body []byte
	var stored any
	var old *proximite.Meta
	if err == nil {
		body, err = readBody(w, r, "application/merge-patch+json", "application/json")
	}
	if err == nil {
		stored, old, err = h.find(ctx, t, r.PathValue("id"))
	}
	var merged []byte
	if err == nil {
		merged, err = mergePatch(stored, body)
	}
	rec := newRecord(t)
	if err == nil {
		err = decode(merged, rec)
	}
	if err == nil {
		rec.Base().ID = old.ID
		err = h.save(ctx, rec)
	}
	h.written(w, r, ctx, t, rec, http.StatusOK, err)
}

// mergePatch applies a JSON merge patch to a record.
func mergePatch(rec any, patch []byte) ([]byte, error) {
	var p any
	if err := json.Unmarshal(patch, &p); err != nil {
		return nil, proximite.Errorf(proximite.EINVALID, "Le corps n'est pas du JSON valide. / The body is not valid JSON: %v", err)
	}
	if _, ok := p.(map[string]any); !ok {
		return nil, proximite.Errorf(proximite.EINVALID, "Un correctif est un objet JSON. / A merge patch is a JSON object.")
	}
	b, err := json.Marshal(rec)
	if err != nil {
		return nil, err
	}
	var doc any
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, err
	}
	return json.Marshal(merge(doc, p))
}

func merge(target, patch any) any {
	p, ok := patch.(map[string]any)
	if !ok {
		return patch
	}
	t, ok := target.(map[string]any)
	if !ok {
		t = map[string]any{}
	}
	for k, v := range p {
		if v == nil {
			delete(t, k)
		} else {
			t[k] = merge(t[k], v)
		}
	}
	return t
}

// remove answers DELETE /api/v1/{collection}/{id}.
func (h *Handler) remove(w http.ResponseWriter, r *http.Request) {
	t, ctx, err := h.writeRequest(r)
	var old *proximite.Meta
	if err == nil {
		_, old, err = h.find(ctx, t, r.PathValue("id"))
	}
	if err == nil {
		err = h.delete(ctx, t, old.ID)
	}
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// written answers a create or a replace with the record as stored, in
// whatever state it is: its author may see a draft.
func (h *Handler) written(w http.ResponseWriter, r *http.Request, ctx context.Context, t proximite.RecordType, rec proximite.Record, status int, err error) {
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	stored, _, err := h.find(ctx, t, rec.Base().Slug)
	if err != nil {
		h.error(w, r, err)
		return
	}
	url := "/api/v1/" + Collection(t) + "/" + rec.Base().Slug
	w.Header().Set("Location", url)
	writeJSON(w, status, struct {
		Type   proximite.RecordType `json:"type"`
		Record any                  `json:"record"`
	}{t, stored})
}

// writeError answers an error of a write, with the HTTP layer's own.
func (h *Handler) writeError(w http.ResponseWriter, r *http.Request, err error) {
	var he *httpError
	if errors.As(err, &he) {
		var body errorBody
		body.Error.Code, body.Error.Message = he.code, he.message
		writeJSON(w, he.status, body)
		return
	}
	if proximite.ErrorCode(err) == proximite.EUNAUTHORIZED {
		w.Header().Set("WWW-Authenticate", `Bearer realm="proximite"`)
	}
	h.error(w, r, err)
}
