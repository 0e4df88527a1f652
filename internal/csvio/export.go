package csvio

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"github.com/proximite/proximite"
)

// ExportOptions tunes an export.
type ExportOptions struct {
	// Langs are the languages of the text columns (title_fr, title_en…),
	// DefaultLangs when empty. Languages left out are not erased by an
	// import of the file: their columns are simply absent.
	Langs []string
}

// Export writes the records of a type that match the filter as CSV: a
// byte-order mark, the header, then one row per record. Projects are
// streamed one at a time in ID order; organisations and partnerships are
// read by pages in title order. Nothing reaches w before the first page
// of records has been read, so that a failing query can still be
// reported instead of a truncated file. Export reads only, so any
// registry serves, not just a Store.
func Export(ctx context.Context, st proximite.Registry, typ proximite.RecordType, w io.Writer, f proximite.SearchFilter, opt ExportOptions) error {
	langs := opt.Langs
	if len(langs) == 0 {
		langs = DefaultLangs
	}
	for _, l := range langs {
		if !ValidLang(l) {
			return proximite.FieldError("langs", "%q is not a language code such as fr or es", l)
		}
	}
	switch typ {
	case proximite.TypeProject:
		return write(w, projectFormat, langs, func(fn func(*proximite.Project) error) error {
			return st.EachProject(ctx, f, fn)
		})
	case proximite.TypeOrganisation:
		return write(w, organisationFormat, langs, func(fn func(*proximite.Organisation) error) error {
			return eachPage(ctx, st, typ, f, func(id string) error {
				o, err := st.FindOrganisation(ctx, id)
				if err != nil {
					return err
				}
				return fn(o)
			})
		})
	case proximite.TypePartnership:
		return write(w, partnershipFormat, langs, func(fn func(*proximite.Partnership) error) error {
			return eachPage(ctx, st, typ, f, func(id string) error {
				p, err := st.FindPartnership(ctx, id)
				if err != nil {
					return err
				}
				return fn(p)
			})
		})
	}
	return proximite.FieldError("type", "no CSV format for %q", typ)
}

// write writes the header and a row for each record that each yields.
func write[P recordPtr](w io.Writer, fm *format[P], langs []string, each func(func(P) error) error) error {
	cols := fm.columns(langs)
	bw := bufio.NewWriterSize(w, 32<<10)
	bw.WriteString(BOM)
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	row := make([]string, len(cols))
	for i, c := range cols {
		row[i] = c.name
	}
	cw.Write(row)
	err := each(func(r P) error {
		for i, c := range cols {
			row[i] = guard(c.get(r))
		}
		return cw.Write(row)
	})
	if err != nil {
		return fmt.Errorf("export %s: %w", fm.typ, err)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// eachPage calls fn with the ID of every record of a type matching the
// filter, a page of search results at a time. Title order is stable from
// page to page, unlike the default order by time of change.
func eachPage(ctx context.Context, st proximite.SearchService, typ proximite.RecordType, f proximite.SearchFilter, fn func(id string) error) error {
	filters := map[string][]string{}
	for k, v := range f.Filters {
		filters[k] = v
	}
	filters[proximite.FacetType] = []string{string(typ)}
	f.Filters, f.Sort, f.Limit, f.WithFacets = filters, proximite.SortTitle, proximite.MaxLimit, false
	for f.Offset = 0; ; f.Offset += f.Limit {
		res, err := st.Search(ctx, f)
		if err != nil {
			return err
		}
		for _, h := range res.Hits {
			if err := fn(strconv.FormatInt(h.ID, 10)); err != nil {
				return err
			}
		}
		if len(res.Hits) < f.Limit {
			return nil
		}
	}
}
