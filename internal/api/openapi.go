package api

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"reflect"
	"slices"
	"sync"

	"github.com/proximite/proximite"
)

// The OpenAPI 3.1 document of the API is built in Go at first request:
// the records' schemas come from the domain types themselves (see
// openapi_schema.go), and the paths below from the same lists the
// handlers use, so the document follows the code. Its tests validate it
// with an OpenAPI library and check real responses of every endpoint
// against it.

// OpenAPI returns the OpenAPI document as JSON.
var OpenAPI = sync.OnceValue(func() []byte {
	b, err := json.MarshalIndent(openAPIDocument(), "", "  ")
	if err != nil {
		panic("openapi: " + err.Error())
	}
	return b
})

func (h *Handler) openapi(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Write(OpenAPI())
}

// recordTypes maps each collection to the Go type of its records.
var recordTypes = map[string]reflect.Type{
	"organisations": reflect.TypeFor[proximite.Organisation](),
	"partnerships":  reflect.TypeFor[proximite.Partnership](),
	"projects":      reflect.TypeFor[proximite.Project](),
	"visits":        reflect.TypeFor[proximite.Visit](),
	"programmes":    reflect.TypeFor[proximite.Programme](),
	"publications":  reflect.TypeFor[proximite.Publication](),
}

// relatedTypes lists, per collection, the kinds of linked records a full
// record comes with (see Handler.record).
var relatedTypes = map[string][]string{
	"organisations": {"partnerships", "projects", "visits", "programmes", "publications"},
	"partnerships":  {"projects", "visits", "publications"},
	"programmes":    {"projects"},
}

func openAPIDocument() obj {
	s := &schemaSet{defs: obj{}}
	s.defs["Text"] = obj{"type": "object", "additionalProperties": false,
		"patternProperties": obj{`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`: obj{"type": "string"}},
		"description":       "Text per language code, never collapsed to one language.",
		"examples":          []any{obj{"fr": "Jumelage Buckingham – Nioro du Rip", "en": "Buckingham – Nioro du Rip twinning"}}}
	s.defs["Date"] = obj{"type": "string", "pattern": `^\d{4}(-\d{2}(-\d{2})?)?$`,
		"description": "A date of known precision: a year, a month or a day.", "examples": []any{"1993", "2002-01", "2005-05-12"}}
	s.defs["Error"] = withDoc(s.of(reflect.TypeFor[errorBody]()), "Every error: a code, a message for people, and the fields at fault.")
	s.defs["Health"] = obj{"type": "object", "required": []string{"status"},
		"properties": obj{"status": obj{"type": "string", "enum": []string{"ok", "unavailable"}}}}
	item := s.ref(reflect.TypeFor[searchItem]())
	facets := obj{}
	for _, name := range proximite.Facets {
		facets[name] = obj{"type": "array", "items": s.ref(reflect.TypeFor[proximite.FacetCount]())}
	}
	s.defs["SearchResult"] = obj{"type": "object", "required": []string{"items", "total", "capped", "limit", "offset", "facets"},
		"properties": obj{
			"items": obj{"type": "array", "items": item}, "total": obj{"type": "integer"},
			"capped": cappedSchema,
			"limit":  obj{"type": "integer"}, "offset": obj{"type": "integer"},
			"facets": obj{"type": "object", "description": "Counts of the matching records per value of each facet.",
				"properties": facets, "additionalProperties": false},
		}}
	paths := obj{
		"/healthz": obj{"get": operation("health", "Health check", "Answers whether the database answers.", nil, obj{
			"200": jsonResponse("The service works.", ref("Health"), obj{"status": "ok"}),
			"503": jsonResponse("The database does not answer.", ref("Health"), obj{"status": "unavailable"}),
		})},
		"/api/v1/search": obj{"get": operation("search", "Search all records",
			"One search across all published records: accent- and case-insensitive, prefix matching, with facets and their counts.",
			append(filterParams(true), paramRefs("sort", "lang", "limit", "offset")...), obj{
				"200": jsonResponse("A page of results with facet counts.", ref("SearchResult"), searchExample),
				"400": errorResponse,
			})},
		"/api/v1/openapi.json": obj{"get": operation("openapi", "This document", "", nil, obj{
			// No schema: the document is checked against the OpenAPI
			// specification itself by its tests.
			"200": obj{"description": "The OpenAPI 3.1 document.", "content": obj{"application/json": obj{}}},
		})},
	}
	for _, c := range slices.Sorted(maps.Keys(recordTypes)) {
		t := recordTypes[c]
		rec := s.ref(t)
		name := componentName(t)
		s.defs[name+"List"] = obj{"type": "object", "required": []string{"items", "total", "capped", "limit", "offset"},
			"properties": obj{"items": obj{"type": "array", "items": rec}, "total": obj{"type": "integer"},
				"capped": cappedSchema, "limit": obj{"type": "integer"}, "offset": obj{"type": "integer"}}}
		links := obj{}
		for _, r := range relatedTypes[c] {
			links[r] = obj{"type": "array", "items": item}
		}
		s.defs[name+"Response"] = obj{"type": "object", "required": []string{"type", "record"}, "properties": obj{
			"type":   obj{"const": string(collections[c])},
			"record": rec,
			"links":  obj{"type": "object", "properties": links, "description": "Published records linked to this one."},
		}}
		paths["/api/v1/"+c] = obj{"get": operation("list-"+c, "List "+c,
			"Published "+c+" matching the search filters, as full records.",
			append(filterParams(false), paramRefs("sort", "lang", "limit", "offset")...), obj{
				"200": jsonResponse("A page of full records.", ref(name+"List"), nil),
				"400": errorResponse,
			})}
		paths["/api/v1/"+c+"/{id}"] = obj{"get": operation("get-"+c, "One of the "+c,
			"A published record by slug or numeric ID, with the records linked to it.",
			[]any{obj{"name": "id", "in": "path", "required": true, "schema": obj{"type": "string"},
				"description": "Slug or numeric ID.", "example": "jumelage-buckingham-nioro-du-rip"}}, obj{
				"200": jsonResponse("The record and its links.", ref(name+"Response"), nil),
				"404": errorResponse,
			})}
	}
	exportPaths(s, paths)
	decisionPaths(s, paths)
	eventPaths(s, paths)
	writePaths(s, paths)
	return obj{
		"openapi": "3.1.0",
		"info": obj{"title": "Proximité", "version": "1",
			"description": "The open registry of proximity cooperation: organisations, partnerships (twinnings), " +
				"projects shaped like IATI activities, delegation visits and funding programmes. Reads are open " +
				"and serve published records only; writes need a personal access token (proximite token create) " +
				"and follow the same validation and permissions as the site. Errors are JSON bodies with the matching HTTP status.",
			"license": obj{"name": "Open data", "identifier": "CC-BY-4.0"}},
		"paths": paths,
		"components": obj{
			"schemas":    s.defs,
			"parameters": parameters(),
			"securitySchemes": obj{"bearer": obj{"type": "http", "scheme": "bearer",
				"description": "A personal access token, made with: proximite token create EMAIL"}},
		},
	}
}

// operation is one operation: its ID, texts, parameters and responses;
// every operation answers errors of the server with the error body.
func operation(id, summary, description string, params []any, responses obj) obj {
	responses["default"] = obj{"description": "An error.", "content": obj{"application/json": obj{"schema": ref("Error")}}}
	op := obj{"operationId": id, "summary": summary, "responses": responses}
	if description != "" {
		op["description"] = description
	}
	if len(params) > 0 {
		op["parameters"] = params
	}
	return op
}

func ref(name string) obj { return obj{"$ref": "#/components/schemas/" + name} }

func jsonResponse(description string, schema obj, example any) obj {
	media := obj{"schema": schema}
	if example != nil {
		media["example"] = example
	}
	return obj{"description": description, "content": obj{"application/json": media}}
}

var errorResponse = obj{"description": "The request is invalid, or names nothing.", "content": obj{
	"application/json": obj{"schema": ref("Error"), "example": obj{"error": obj{"code": "invalid",
		"message": "limit: at most 200", "fields": []any{obj{"field": "limit", "message": "at most 200"}}}}}}}

// cappedSchema documents the bound on the work of one search.
var cappedSchema = obj{"type": "boolean", "description": fmt.Sprintf("True when more than %d records match "+
	"a search with words or filters: total is then %d, a lower bound, the facet counts are those of the %d "+
	"matches examined, and offset stops there. Refine the query, or use the exports, which are not bounded.",
	proximite.MaxMatches, proximite.MaxMatches, proximite.MaxMatches)}

var searchExample = obj{
	"items": []any{obj{"type": "partnership", "id": 12, "slug": "jumelage-buckingham-nioro-du-rip",
		"title": obj{"fr": "Jumelage Buckingham – Nioro du Rip", "en": "Buckingham – Nioro du Rip twinning"},
		"year":  1993, "url": "/api/v1/partnerships/jumelage-buckingham-nioro-du-rip"}},
	"total": 1, "capped": false, "limit": 20, "offset": 0,
	"facets": obj{"type": []any{obj{"value": "partnership", "count": 1}}},
}
