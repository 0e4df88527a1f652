package web

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// TestTownTwins: a town's page names the known twinnings the registry
// lacks, counts those it has, draws them apart on its own map with a
// legend, and credits the list; other organisations' pages say nothing.
func TestTownTwins(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		s := newWSSite(t, db)
		r := s.do("anonymous", http.MethodGet, "/fr/acteurs/sainte-elisabeth", nil)
		if strings.Contains(r.Body, "Jumelages connus ailleurs") {
			t.Fatal("known twinnings shown before the layer is loaded")
		}
		before := r.Header.Get("ETag")
		err := db.ReplaceTwins(context.Background(), []proximite.Twin{
			{City1: "Sainte-Elisabeth", Country1: "CA", Lat1: 46.1, Lng1: -73.3, City2: "Sanankoroba", Country2: "ML", Lat2: 12.4, Lng2: -7.9},
			{City1: "Angers", Country1: "FR", Lat1: 47.47, Lng1: -0.55, City2: "SAINTE-ÉLISABETH", Country2: "CA", Lat2: 46.1, Lng2: -73.3},
			{City1: "Gatineau", Country1: "CA", Lat1: 45.48, Lng1: -75.65, City2: "Edmonton", Country2: "CA", Lat2: 53.5, Lng2: -113.5},
			{City1: "Sainte-Elisabeth", Country1: "FR", Lat1: 45, Lng1: 1, City2: "Lyon", Country2: "FR", Lat2: 45.7, Lng2: 4.8},
		})
		if err != nil {
			t.Fatal(err)
		}
		r = s.do("anonymous", http.MethodGet, "/fr/acteurs/sainte-elisabeth", nil)
		wantStatus(t, r, http.StatusOK)
		mustContain(t, "town page", r, "Jumelages connus ailleurs", "Angers", "1 autre jumelage de la liste est déjà au registre.",
			`class="twin-layer"`, "Angers, France — jumelage connu, absent du registre", "Jumelage connu (liste publique), absent du registre",
			"Source des jumelages connus : Wikipedia contributors, CC BY-SA.")
		uniqueIDs(t, "town page", r)
		if r.Header.Get("ETag") == before {
			t.Error("the town page's ETag did not change with the layer")
		}
		for _, not := range []string{"Lyon", "Edmonton"} {
			if strings.Contains(r.Body, not) {
				t.Errorf("Sainte-Élisabeth's page suggests %s", not)
			}
		}
		r = s.do("anonymous", http.MethodGet, "/en/organisations/gatineau", nil)
		mustContain(t, "Gatineau", r, "Twinnings known elsewhere", "Edmonton", "Source of the known twinnings: Wikipedia contributors, CC BY-SA.")
		r = s.do("anonymous", http.MethodGet, "/fr/acteurs/sanankoroba", nil)
		if strings.Contains(r.Body, "Jumelages connus ailleurs") {
			t.Error("Sanankoroba's only twinning is recorded, yet the page suggests one")
		}
	})
}
