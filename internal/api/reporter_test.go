package api_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/api"
)

// The network configured as reporter is the one the IATI export names;
// without configuration, the export's defaults.
func TestExportNamesTheConfiguredReporter(t *testing.T) {
	_, db := setup(t)
	for _, tt := range []struct {
		h    *api.Handler
		want []string
	}{
		{api.New(db, slog.New(slog.NewTextHandler(io.Discard, nil))), []string{`ref="XX-PROXIMITE"`}},
		{api.New(db, slog.New(slog.NewTextHandler(io.Discard, nil))).WithIATIReporter("CA-CRA_ACR-0000",
			proximite.T("fr", "Réseau d'essai")), []string{`ref="CA-CRA_ACR-0000"`, ">Réseau d'essai</narrative>"}},
	} {
		srv := httptest.NewServer(tt.h)
		resp, err := http.Get(srv.URL + "/api/v1/export/iati.xml")
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		srv.Close()
		for _, w := range tt.want {
			if !strings.Contains(string(body), w) {
				t.Errorf("export lacks %s:\n%.600s", w, body)
			}
		}
	}
}
