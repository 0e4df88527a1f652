package api

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"reflect"
	"strings"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/csvio"
)

// The exports stream every published project matching the search filters,
// whatever their number: projects.csv in the format of docs/csv.md,
// projects.json as one JSON array of full records (or JSON Lines, one
// record per line, with ?lines=1 or Accept: application/x-ndjson), and
// projects.geojson as a FeatureCollection of the projects' located places.

func (h *Handler) exportCSV(w http.ResponseWriter, r *http.Request) {
	f, err := exportFilter(r)
	if err != nil {
		h.error(w, r, err)
		return
	}
	var langs []string
	if v := r.URL.Query().Get("langs"); v != "" {
		langs = strings.Split(v, ",")
	}
	out := h.download(w, r, "text/csv; charset=utf-8; header=present", "projects.csv")
	err = csvio.Export(r.Context(), h.reg, proximite.TypeProject, out, f, csvio.ExportOptions{Langs: langs})
	out.finish(err)
}

func (h *Handler) exportJSON(w http.ResponseWriter, r *http.Request) {
	f, err := exportFilter(r)
	if err != nil {
		h.error(w, r, err)
		return
	}
	lines := strings.Contains(r.Header.Get("Accept"), "application/x-ndjson")
	switch v := r.URL.Query().Get("lines"); v {
	case "":
	case "1", "true":
		lines = true
	case "0", "false":
		lines = false
	default:
		h.error(w, r, proximite.FieldError("lines", "must be 1 or 0, got %q", v))
		return
	}
	out := h.download(w, r, "application/json; charset=utf-8", "projects.json")
	if lines {
		out.contentType, out.filename = "application/x-ndjson; charset=utf-8", "projects.jsonl"
	}
	out.finish(WriteProjectsJSON(r.Context(), h.reg, out, f, lines))
}

func (h *Handler) exportGeoJSON(w http.ResponseWriter, r *http.Request) {
	f, err := exportFilter(r)
	if err != nil {
		h.error(w, r, err)
		return
	}
	out := h.download(w, r, "application/geo+json; charset=utf-8", "projects.geojson")
	out.finish(WriteProjectsGeoJSON(r.Context(), h.reg, out, f, baseURL(r)))
}

// exportFilter reads the search filters of an export; paging does not
// apply, since an export has every matching record.
func exportFilter(r *http.Request) (proximite.SearchFilter, error) {
	v := r.URL.Query()
	v.Del("limit")
	v.Del("offset")
	return parseFilter(v)
}

// WriteProjectsJSON writes the projects matching the filter as a JSON
// array of full records, or as JSON Lines (one record per line) when
// lines is set, reading one project at a time.
func WriteProjectsJSON(ctx context.Context, reg proximite.SearchService, w io.Writer, f proximite.SearchFilter, lines bool) error {
	bw := bufio.NewWriterSize(w, 32<<10)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	n := 0
	err := reg.EachProject(ctx, f, func(p *proximite.Project) error {
		buf.Reset()
		if err := enc.Encode(p); err != nil {
			return err
		}
		switch {
		case lines:
		case n == 0:
			bw.WriteString("[\n")
		default:
			bw.WriteString(",\n")
		}
		n++
		if !lines {
			buf.Truncate(buf.Len() - 1) // the encoder's newline
		}
		_, err := bw.Write(buf.Bytes())
		return err
	})
	if err != nil {
		return err
	}
	switch {
	case lines:
	case n == 0:
		bw.WriteString("[]\n")
	default:
		bw.WriteString("\n]\n")
	}
	return bw.Flush()
}

// featureCollection is what WriteProjectsGeoJSON streams, for the
// OpenAPI document.
type featureCollection struct {
	Type     string    `json:"type"`
	Features []feature `json:"features"`
}

// feature is one located place of a project, as GeoJSON (RFC 7946) has it:
// coordinates are longitude then latitude.
type feature struct {
	Type       string       `json:"type"`
	Geometry   pointGeom    `json:"geometry"`
	Properties featureProps `json:"properties"`
}

type pointGeom struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"`
}

// featureProps are flat, since map tools show flat properties best. The
// titles fall back to another language when a project has none in French
// or in English.
type featureProps struct {
	Project  string `json:"project"`
	TitleFR  string `json:"title_fr"`
	TitleEN  string `json:"title_en"`
	Location string `json:"location"`
	Country  string `json:"country,omitempty"`
	URL      string `json:"url"`
}

// WriteProjectsGeoJSON writes a FeatureCollection with a Point feature for
// each location with coordinates of the projects matching the filter.
// baseURL ("https://example.org", or "" for paths) prefixes each
// feature's link to its project in the API.
func WriteProjectsGeoJSON(ctx context.Context, reg proximite.SearchService, w io.Writer, f proximite.SearchFilter, baseURL string) error {
	bw := bufio.NewWriterSize(w, 32<<10)
	bw.WriteString(`{"type":"FeatureCollection","features":[`)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	n := 0
	err := reg.EachProject(ctx, f, func(p *proximite.Project) error {
		fr, _ := p.Title.In("fr")
		en, _ := p.Title.In("en")
		for _, l := range p.Locations {
			if l.Point == nil {
				continue
			}
			if n > 0 {
				bw.WriteByte(',')
			}
			n++
			name, _ := l.Name.In("fr")
			if err := enc.Encode(feature{Type: "Feature",
				Geometry: pointGeom{Type: "Point", Coordinates: [2]float64{l.Point.Lon, l.Point.Lat}},
				Properties: featureProps{Project: p.Slug, TitleFR: fr, TitleEN: en, Location: name,
					Country: l.Country, URL: baseURL + "/api/v1/projects/" + p.Slug}}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	bw.WriteString("]}\n")
	return bw.Flush()
}

// flushEvery is how much of an export is sent before the response is
// flushed to the client, so that a long export arrives as it is made.
const flushEvery = 64 << 10

// download is the response of an export. The status and headers are sent
// with the first bytes, so that an error before any output is still
// answered with a JSON error and its status.
type download struct {
	h                     *Handler
	w                     http.ResponseWriter
	r                     *http.Request
	contentType, filename string
	started               bool
	unflushed             int
}

func (h *Handler) download(w http.ResponseWriter, r *http.Request, contentType, filename string) *download {
	return &download{h: h, w: w, r: r, contentType: contentType, filename: filename}
}

func (d *download) Write(p []byte) (int, error) {
	if !d.started {
		d.started = true
		d.w.Header().Set("Content-Type", d.contentType)
		d.w.Header().Set("Content-Disposition", `attachment; filename="`+d.filename+`"`)
		d.w.WriteHeader(http.StatusOK)
	}
	n, err := d.w.Write(p)
	if d.unflushed += n; d.unflushed >= flushEvery {
		d.unflushed = 0
		if err := http.NewResponseController(d.w).Flush(); err != nil && !errors.Is(err, http.ErrNotSupported) {
			return n, err
		}
	}
	return n, err
}

// finish ends the export. An error before any output is answered as an
// error; after some output the connection is cut, so that the client
// sees a failed download rather than a file that looks complete.
func (d *download) finish(err error) {
	switch {
	case err == nil:
		if !d.started { // an export writes at least its frame, but be sure
			d.Write(nil)
		}
	case !d.started:
		d.h.error(d.w, d.r, err)
	default:
		if d.r.Context().Err() == nil {
			d.h.log.Error("export", "path", d.r.URL.Path, "err", err)
		}
		panic(http.ErrAbortHandler)
	}
}

// exportPaths adds the exports to the OpenAPI document.
func exportPaths(s *schemaSet, paths obj) {
	s.defs["FeatureCollection"] = withDoc(s.structSchema(reflect.TypeFor[featureCollection]()),
		"GeoJSON (RFC 7946): a Point feature, [longitude, latitude], per located place of each project.")
	disposition := obj{"Content-Disposition": obj{"description": "attachment, with the file name",
		"schema": obj{"type": "string"}}}
	filters := filterParams(false)
	paths["/api/v1/export/projects.csv"] = obj{"get": operation("export-projects-csv", "Projects as CSV",
		"Every published project matching the filters, as CSV that the import reads back (see docs/csv.md): UTF-8 with a byte-order mark, a header row, one project per row.",
		append(filters, obj{"name": "langs", "in": "query", "description": "Languages of the text columns, comma-separated.",
			"schema": obj{"type": "string", "default": "fr,en"}}),
		obj{"200": obj{"description": "The CSV file, streamed.", "headers": disposition,
			"content": obj{"text/csv": obj{"schema": obj{"type": "string"}}}}, "400": errorResponse})}
	paths["/api/v1/export/projects.json"] = obj{"get": operation("export-projects-json", "Projects as JSON",
		"Every published project matching the filters, as full records: one JSON array, or JSON Lines (one record per line) with lines=1 or Accept: application/x-ndjson.",
		append(filters, obj{"name": "lines", "in": "query", "description": "1 for JSON Lines.",
			"schema": obj{"type": "string", "enum": []string{"0", "1", "true", "false"}}}),
		obj{"200": obj{"description": "The projects, streamed: a JSON array, or with JSON Lines one Project per line.",
			"headers": disposition, "content": obj{
				"application/json": obj{"schema": obj{"type": "array", "items": ref("Project")}},
				// JSON Lines has no schema in OpenAPI 3.1: each line is a Project.
				"application/x-ndjson": obj{},
			}}, "400": errorResponse})}
	paths["/api/v1/export/projects.geojson"] = obj{"get": operation("export-projects-geojson", "Project places as GeoJSON",
		"The located places of every published project matching the filters.", filters,
		obj{"200": obj{"description": "A FeatureCollection, streamed.", "headers": disposition,
			"content": obj{"application/geo+json": obj{"schema": ref("FeatureCollection")}}}, "400": errorResponse})}
	paths["/api/v1/export/iati.xml"] = obj{"get": operation("export-iati", "Projects as IATI 2.03 XML",
		"Every published project matching the filters as IATI 2.03 activities, valid against the official schema.", filters,
		obj{"200": obj{"description": "An iati-activities document, streamed.",
			"content": obj{"application/xml": obj{"schema": obj{"type": "string"}}}}, "400": errorResponse, "404": errorResponse})}
}
