package sqlstore_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

func TestImportLog(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		if err := db.CreateImport(ctx, &sqlstore.Import{}); proximite.ErrorCode(err) != proximite.EINVALID {
			t.Errorf("an import without a file: %v", err)
		}
		im := &sqlstore.Import{Format: "iati", File: "caf.xml", AllOrNothing: true}
		if err := db.CreateImport(ctx, im); err != nil {
			t.Fatal(err)
		}
		got, err := db.FindImport(ctx, im.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.FinishedAt != nil || !got.AllOrNothing || got.File != "caf.xml" {
			t.Errorf("running import %+v", got)
		}
		first := []sqlstore.ImportMessage{{Level: sqlstore.ImportRejected, Line: 12, Identifier: "XM-1", Message: "no title"}}
		second := []sqlstore.ImportMessage{{Level: sqlstore.ImportWarning, Line: 40, Identifier: "XM-2", Message: "sector left out"}}
		for _, msgs := range [][]sqlstore.ImportMessage{first, nil, second} {
			if err := db.AddImportMessages(ctx, im.ID, msgs); err != nil {
				t.Fatal(err)
			}
		}
		im.Checksum, im.Read, im.Created, im.Rejected, im.Error = "abc", 2, 1, 1, ""
		if err := db.FinishImport(ctx, im); err != nil {
			t.Fatal(err)
		}
		list, err := db.ListImports(ctx, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 1 || list[0].FinishedAt == nil || list[0].Checksum != "abc" || list[0].Read != 2 || list[0].Rejected != 1 {
			t.Fatalf("log %+v", list)
		}
		msgs, err := db.ImportMessages(ctx, im.ID)
		if err != nil {
			t.Fatal(err)
		}
		if want := append(first, second...); !reflect.DeepEqual(msgs, want) {
			t.Errorf("messages %+v, want %+v", msgs, want)
		}
		if _, err := db.FindImport(ctx, im.ID+1); proximite.ErrorCode(err) != proximite.ENOTFOUND {
			t.Errorf("a missing import: %v", err)
		}
	})
}
