package main

import (
	"bufio"
	"context"
	"net/url"
	"strings"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/api"
	"github.com/proximite/proximite/internal/csvio"
	"github.com/proximite/proximite/internal/sqlstore"
)

// runExportFormat writes the records matching the filters to standard
// output as csv, json (or JSON Lines) or geojson: the same files as the
// API's exports, for the whole registry with -all.
//
//	proximite export csv [-type projects|organisations|partnerships] [-langs fr,en] [-all] [filters]
//	proximite export json [-lines] [-all] [filters]
//	proximite export geojson [-base URL] [-all] [filters]
//
// Filters are the API's search parameters as flags: -q words, -country ML,
// -sector 140, -status 2, -org SLUG… (repeatable, or comma-separated).
func (m *Main) runExportFormat(ctx context.Context, format string, args []string) error {
	fs := m.flags("export " + format)
	typ := fs.String("type", "projects", "records to export as CSV: projects, organisations or partnerships")
	langs := fs.String("langs", strings.Join(csvio.DefaultLangs, ","), "languages of the CSV's text columns")
	lines := fs.Bool("lines", false, "write JSON Lines (one project per line) instead of one JSON array")
	base := fs.String("base", "", "address of the site, to make the GeoJSON's links absolute (https://…)")
	all := fs.Bool("all", false, "include drafts and submitted records, not only published ones")
	filters := filterFlags{}
	filters.register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return proximite.Errorf(proximite.EINVALID, "export %s takes flags only, got %q: write filters as -country ML", format, fs.Args())
	}
	f, err := api.ExportFilter(url.Values(filters))
	if err != nil {
		return err
	}
	f.IncludeUnpublished = *all
	rt := proximite.TypeProject
	if format == "csv" {
		if rt, err = csvio.TypeByName(*typ); err != nil {
			return err
		}
	} else if *typ != "projects" {
		return proximite.FieldError("type", "only projects are exported as %s", format)
	}

	if !strings.HasPrefix(m.Config.Database, "postgres") && !sqlstore.FileExists(m.Config.Database) {
		return proximite.Errorf(proximite.EINVALID, "no registry at %s to export", m.Config.Database)
	}
	db, _, err := m.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	out := bufio.NewWriterSize(m.Stdout, 64<<10)
	switch format {
	case "csv":
		err = csvio.Export(ctx, db, rt, out, f, csvio.ExportOptions{Langs: strings.Split(*langs, ",")})
	case "json":
		err = api.WriteProjectsJSON(ctx, db, out, f, *lines)
	case "geojson":
		err = api.WriteProjectsGeoJSON(ctx, db, out, f, strings.TrimSuffix(*base, "/"))
	default:
		return proximite.Errorf(proximite.EINVALID, "unknown export format %q: use iati, csv, json or geojson", format)
	}
	if err != nil {
		return err
	}
	return out.Flush()
}
