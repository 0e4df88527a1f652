package api

import (
	"maps"
	"slices"
)

// writePaths adds the write operations of every collection to the
// document: POST on the collection, PUT, PATCH and DELETE on a record,
// each behind the bearer token scheme.
func writePaths(s *schemaSet, paths obj) {
	security := []any{obj{"bearer": []any{}}}
	errs := func(codes ...string) obj {
		out := obj{}
		for _, c := range codes {
			out[c] = writeErrors[c]
		}
		return out
	}
	idParam := obj{"name": "id", "in": "path", "required": true, "schema": obj{"type": "string"},
		"description": "Slug or numeric ID.", "example": "jumelage-buckingham-nioro-du-rip"}
	for _, c := range slices.Sorted(maps.Keys(recordTypes)) {
		name := componentName(recordTypes[c])
		s.defs[name+"Input"] = inputSchema(s.defs[name].(obj))
		body := func(types ...string) obj {
			content := obj{}
			for _, t := range types {
				content[t] = obj{"schema": ref(name + "Input")}
			}
			return obj{"required": true, "content": content}
		}
		stored := func(status, description string) obj {
			r := jsonResponse(description, ref(name+"Response"), nil)
			if status == "201" {
				r["headers"] = obj{"Location": obj{"description": "Path of the new record.", "schema": obj{"type": "string"}}}
			}
			return r
		}

		post := operation("create-"+c, "Create one of the "+c,
			"Creates a record. Editors create drafts or submitted records in which one of their organisations takes part; "+
				"coordinators and administrators may create anything, published or not.", nil,
			merged(obj{"201": stored("201", "The record as stored.")}, errs("400", "401", "403", "409", "413", "415")))
		post["requestBody"], post["security"] = body("application/json"), security
		paths["/api/v1/"+c].(obj)["post"] = post

		put := operation("replace-"+c, "Replace one of the "+c,
			"Replaces the whole record with the body; a body without slug keeps the record's slug. "+
				"Only coordinators and administrators change the state into or out of published.", []any{idParam},
			merged(obj{"200": stored("200", "The record as stored.")}, errs("400", "401", "403", "404", "409", "413", "415")))
		put["requestBody"], put["security"] = body("application/json"), security

		patch := operation("patch-"+c, "Change some fields of one of the "+c,
			"A JSON merge patch (RFC 7396): the fields given replace the stored ones, null removes one.", []any{idParam},
			merged(obj{"200": stored("200", "The record as stored.")}, errs("400", "401", "403", "404", "409", "413", "415")))
		patch["requestBody"] = body("application/merge-patch+json", "application/json")
		patch["security"] = security

		del := operation("delete-"+c, "Delete one of the "+c,
			"Deletes a record that no other record refers to. Editors delete only records that are not published.", []any{idParam},
			merged(obj{"204": obj{"description": "Deleted."}}, errs("401", "403", "404", "409")))
		del["security"] = security

		p := paths["/api/v1/"+c+"/{id}"].(obj)
		p["put"], p["patch"], p["delete"] = put, patch, del
	}
}

// inputSchema is a record's schema as a body to write: nothing is
// required by the schema itself (the server's validation says what is
// missing, in words, field by field), and what is filled on read is
// accepted and ignored, so that a record read can be sent back.
func inputSchema(rec obj) obj {
	out := obj{}
	for k, v := range rec {
		if k != "required" {
			out[k] = v
		}
	}
	out["description"] = "A record to write. The id, the times and the names of linked records are filled by the server; values sent for them are ignored."
	return out
}

func merged(a, b obj) obj {
	maps.Copy(a, b)
	return a
}

func errorExample(description, code, message string, fields ...string) obj {
	ex := obj{"code": code, "message": message}
	if len(fields) == 2 {
		ex["fields"] = []any{obj{"field": fields[0], "message": fields[1]}}
	}
	return obj{"description": description, "content": obj{"application/json": obj{"schema": ref("Error"), "example": obj{"error": ex}}}}
}

// writeErrors are the error answers of the write operations.
var writeErrors = obj{
	"400": errorExample("The record is invalid; each field at fault is named.", "invalid", "title: is required", "title", "is required"),
	"401": merged(errorExample("No token, or an unknown or revoked one.", "unauthorized",
		"Writing needs a personal access token: Authorization: Bearer <token>."),
		obj{"headers": obj{"WWW-Authenticate": obj{"schema": obj{"type": "string"}, "description": "Bearer realm=\"proximite\""}}}),
	"403": errorExample("The token's owner may not make this change.", "forbidden", "None of your organisations takes part in this visit."),
	"404": errorExample("No such record.", "not_found", `no visit "atlantis"`),
	"409": errorExample("The slug is taken, or the record is still referred to.", "conflict", `slug: "buckingham" is already used by another organisation`, "slug", `"buckingham" is already used by another organisation`),
	"413": errorExample("The body is larger than 1 MB.", "too_large", "The body is larger than 1 MB."),
	"415": errorExample("The body is not JSON.", "unsupported_media_type", "The body must be JSON (application/json)."),
}
