package sqlstore_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/pdftext/pdftest"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

func TestPublications(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		fixture(t, db)
		guide := &proximite.Publication{Meta: meta("guide-jumelage"),
			Title:    proximite.T("fr", "Guide du jumelage", "en", "Twinning guide"),
			Abstract: proximite.T("fr", "Comment nouer un jumelage."), Authors: []string{"Équipe ROSI"},
			Year: 2019, Kind: proximite.PubGuide, Language: "fr", Countries: []string{"ML"},
			Organisations: []string{"sainte-elisabeth"}, Partnerships: []string{"sainte-elisabeth-sanankoroba"},
			Projects: []string{"alphabetisation-sanankoroba"}}
		report := &proximite.Publication{Meta: meta("rapport-annuel"),
			Title: proximite.T("en", "Annual report"), Year: 2021, Kind: proximite.PubReport, Language: "en",
			Link: "https://example.org/report.pdf"}
		guide.State, report.State = proximite.Draft, proximite.Draft
		for _, p := range []*proximite.Publication{guide, report} {
			if err := db.CreatePublication(ctx, p); err != nil {
				t.Fatalf("create %s: %v", p.Slug, err)
			}
		}
		bad := &proximite.Publication{Meta: meta("sans-type"), Title: proximite.T("fr", "x"), Language: "fr", Kind: "poem",
			Organisations: []string{"nowhere"}}
		if err := db.CreatePublication(ctx, bad); proximite.ErrorCode(err) != proximite.EINVALID {
			t.Errorf("unknown kind: %v, want EINVALID", err)
		}

		// A file: stored, read back, its words found by search.
		pdf := pdftest.Make([]string{"Le zorglubisme des villages", "coopération"})
		if err := db.AttachFile(ctx, guide.ID, proximite.Upload{Name: `C:\docs\guide "final".pdf`, Data: pdf}); err != nil {
			t.Fatal(err)
		}
		got, err := db.FindPublication(ctx, guide.Slug)
		if err != nil {
			t.Fatal(err)
		}
		if f := got.File; f == nil || f.Size != int64(len(pdf)) || !f.HasText || f.Pages != 1 || f.Name != "guide final.pdf" || len(f.SHA256) != 64 {
			t.Errorf("file info = %+v", got.File)
		}
		data, err := db.FileData(ctx, guide.ID)
		if err != nil || !bytes.Equal(data, pdf) {
			t.Errorf("file data: %v, %d bytes, want %d", err, len(data), len(pdf))
		}
		search := func(f proximite.SearchFilter) *proximite.SearchResult {
			t.Helper()
			f.Limit = 50
			res, err := db.Search(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			return res
		}
		if res := search(proximite.SearchFilter{Query: "zorglubisme", IncludeUnpublished: true}); !slugs(res)["publication:guide-jumelage"] {
			t.Errorf("a word inside the file: %v", slugs(res))
		}
		if res := search(proximite.SearchFilter{Query: "zorglubisme"}); len(res.Hits) != 0 {
			t.Errorf("a draft is found by the public: %v", slugs(res))
		}
		// An edit keeps the file and its words, whatever it says of the file.
		got.Abstract = proximite.T("fr", "Nouveau résumé.")
		got.File = nil
		if err := db.UpdatePublication(ctx, got); err != nil {
			t.Fatal(err)
		}
		if got.File == nil {
			t.Error("an update dropped the file")
		}
		got.State = proximite.Published
		if err := db.UpdatePublication(ctx, got); err != nil {
			t.Fatal(err)
		}
		report.State = proximite.Published
		if err := db.UpdatePublication(ctx, report); err != nil {
			t.Fatal(err)
		}
		if res := search(proximite.SearchFilter{Query: "zorglub"}); !slugs(res)["publication:guide-jumelage"] {
			t.Errorf("prefix of a word inside the file: %v", slugs(res))
		}

		// Facets: type, year, publication type, language.
		res := search(proximite.SearchFilter{Filters: map[string][]string{"type": {"publication"}}, WithFacets: true})
		if res.Total != 2 || facetCount(res, proximite.FacetPubType, "guide") != 1 || facetCount(res, proximite.FacetLanguage, "en") != 1 ||
			facetCount(res, proximite.FacetYear, "2019") != 1 {
			t.Errorf("browse publications: total %d, facets %v", res.Total, res.Facets)
		}
		res = search(proximite.SearchFilter{Query: "guide", Filters: map[string][]string{proximite.FacetLanguage: {"fr"}}, WithFacets: true})
		if !slugs(res)["publication:guide-jumelage"] || slugs(res)["publication:rapport-annuel"] {
			t.Errorf("language filter: %v", slugs(res))
		}
		res = search(proximite.SearchFilter{Filters: map[string][]string{proximite.FacetPubType: {"report"}, "type": {"publication"}}})
		if len(res.Hits) != 1 || res.Hits[0].Slug != "rapport-annuel" {
			t.Errorf("type filter: %v", slugs(res))
		}
		// An organisation's, a partnership's and a project's publications.
		for _, f := range []proximite.SearchFilter{{Org: "sainte-elisabeth"}, {Partnership: "sainte-elisabeth-sanankoroba"},
			{Project: "alphabetisation-sanankoroba"}} {
			f.Filters = map[string][]string{"type": {"publication"}}
			if res := search(f); len(res.Hits) != 1 || res.Hits[0].Slug != "guide-jumelage" {
				t.Errorf("linked %+v: %v", f, slugs(res))
			}
		}

		// Refused: not a PDF, too large, a file beside a link. Nothing
		// changes.
		if err := db.AttachFile(ctx, guide.ID, proximite.Upload{Name: "faux.pdf", Data: []byte("GIF89a not a pdf")}); proximite.ErrorCode(err) != proximite.EINVALID {
			t.Errorf("not a PDF: %v", err)
		}
		db.MaxFileSize = 100
		if err := db.AttachFile(ctx, guide.ID, proximite.Upload{Name: "big.pdf", Data: pdftest.Make([]string{"trop grand"})}); proximite.ErrorCode(err) != proximite.EINVALID {
			t.Errorf("too large: %v", err)
		}
		db.MaxFileSize = 0
		if err := db.AttachFile(ctx, report.ID, proximite.Upload{Name: "r.pdf", Data: pdf}); proximite.ErrorCode(err) != proximite.EINVALID {
			t.Errorf("file beside a link: %v", err)
		}
		if data, _ := db.FileData(ctx, guide.ID); !bytes.Equal(data, pdf) {
			t.Error("a refused upload changed the stored file")
		}
		if _, err := db.FileData(ctx, report.ID); proximite.ErrorCode(err) != proximite.ENOTFOUND {
			t.Errorf("a refused upload stored a file: %v", err)
		}

		// Rebuilding the index keeps the words of the file.
		if err := db.Reindex(ctx); err != nil {
			t.Fatal(err)
		}
		if res := search(proximite.SearchFilter{Query: "zorglubisme"}); !slugs(res)["publication:guide-jumelage"] {
			t.Errorf("after reindex: %v", slugs(res))
		}

		// Removing the file removes its words; the audit log has each change.
		if err := db.RemoveFile(ctx, guide.ID); err != nil {
			t.Fatal(err)
		}
		if res := search(proximite.SearchFilter{Query: "zorglubisme"}); len(res.Hits) != 0 {
			t.Errorf("words of a removed file: %v", slugs(res))
		}
		hist, err := db.History(ctx, proximite.TypePublication, guide.ID)
		if err != nil || len(hist) != 5 {
			t.Errorf("history: %v, %d entries, want 5", err, len(hist))
		}
		if err := db.DeletePublication(ctx, guide.ID); err != nil {
			t.Fatal(err)
		}
	})
}
