package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/api"
	"github.com/proximite/proximite/internal/iati"
	"github.com/proximite/proximite/internal/sqlstore"
)

const exportUsage = "usage: proximite export iati|csv|json|geojson [filters] [-o FILE]"

// runExport dispatches on the format: IATI here, the other formats in
// runExportFormat.
func (m *Main) runExport(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return proximite.Errorf(proximite.EINVALID, "%s", exportUsage)
	}
	switch format, rest := args[0], args[1:]; format {
	case "iati":
		return m.runExportIATI(ctx, rest)
	case "csv", "json", "geojson":
		return m.runExportFormat(ctx, format, rest)
	default:
		return proximite.Errorf(proximite.EINVALID, "unknown export format %q; %s", format, exportUsage)
	}
}

// filterFlags are the search filters as repeatable flags with the names
// of the API's parameters: -country ML -country SN -sector 151 -q eau.
type filterFlags url.Values

func (f filterFlags) register(fs *flag.FlagSet) {
	for _, name := range api.FilterParams {
		switch name {
		case "type": // exports hold projects
		case "q":
			fs.Var(filterValue{f, name}, name, "words to search for")
		case "org", "partnership", "programme":
			fs.Var(filterValue{f, name}, name, "keep projects linked to the "+name+" with this slug")
		default:
			fs.Var(filterValue{f, name}, name, "keep projects with this "+name+" (repeatable, or comma-separated)")
		}
	}
}

type filterValue struct {
	v    filterFlags
	name string
}

func (f filterValue) String() string { return strings.Join(f.v[f.name], ",") }

func (f filterValue) Set(s string) error {
	f.v[f.name] = append(f.v[f.name], s)
	return nil
}

// runExportIATI writes the matching projects as IATI 2.03 activities, to
// standard output or to a file that appears only once complete.
func (m *Main) runExportIATI(ctx context.Context, args []string) error {
	fs := m.flags("export iati")
	filters := filterFlags{}
	filters.register(fs)
	out := fs.String("o", "", "write to `FILE` (complete or not at all) instead of standard output")
	// The base URL only when set: a default of localhost would end up in
	// published files.
	opts := iati.Options{OrgRef: m.Config.IATIOrgRef, BaseURL: os.Getenv("PROXIMITE_BASE_URL")}
	fs.StringVar(&opts.OrgRef, "org-ref", opts.OrgRef, "IATI reference of the network that reports for its members (PROXIMITE_IATI_ORG_REF; default "+iati.DefaultOrgRef+")")
	orgName := fs.String("org-name", m.Config.IATIOrgName, "name of the network that reports (PROXIMITE_IATI_ORG_NAME; default «Réseau Proximité»)")
	fs.StringVar(&opts.BaseURL, "base-url", opts.BaseURL, "public address of the registry, for links to its records (PROXIMITE_BASE_URL)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return proximite.Errorf(proximite.EINVALID, "unexpected arguments %q; filters are flags, as in -country ML", fs.Args())
	}
	if *orgName != "" {
		opts.OrgName = proximite.Text{"fr": *orgName, "en": *orgName}
	}
	f, err := api.ExportFilter(url.Values(filters))
	if err != nil {
		return err
	}
	if !strings.HasPrefix(m.Config.Database, "postgres") && !sqlstore.FileExists(m.Config.Database) {
		return proximite.Errorf(proximite.EINVALID, "no registry at %s to export", m.Config.Database)
	}
	db, _, err := m.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	n, err := writeOutput(*out, m.Stdout, func(w io.Writer) (int, error) {
		return iati.WriteActivities(ctx, w, db, f, opts)
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stderr, "%d activities exported\n", n)
	return nil
}

// writeOutput runs write on standard output, or, when path is set, on a
// temporary file beside path that replaces it only once write succeeded,
// so that a failed export leaves no half-written file.
func writeOutput(path string, stdout io.Writer, write func(io.Writer) (int, error)) (int, error) {
	if path == "" {
		return write(stdout)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.partial")
	if err != nil {
		return 0, proximite.Errorf(proximite.EINVALID, "cannot write %s: %v", path, err)
	}
	defer os.Remove(tmp.Name()) // after a successful rename, there is nothing left to remove
	bw := bufio.NewWriter(tmp)
	n, err := write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = tmp.Chmod(0o644) // CreateTemp makes files only their owner can read
	}
	if err == nil {
		err = tmp.Sync()
	}
	if e := tmp.Close(); err == nil {
		err = e
	}
	if err != nil {
		return n, err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return n, fmt.Errorf("export to %s: %w", path, err)
	}
	return n, nil
}
