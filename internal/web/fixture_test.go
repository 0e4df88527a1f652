package web

import (
	"context"
	"time"

	"github.com/proximite/proximite"
)

// addFixtures adds to the demonstration registry what it lacks and the
// pages must show: money (budgets, transactions in two currencies),
// documents, results with baselines and targets, shares of sectors and
// countries, a partner's confirmation, and text in one language only.
func addFixtures(ctx context.Context, db interface {
	SaveMany(context.Context, ...any) error
}) error {
	pct := func(f float64) *float64 { return &f }
	confirmed := time.Date(2024, 3, 12, 0, 0, 0, 0, time.UTC)
	org := &proximite.Organisation{
		Meta: proximite.Meta{Slug: "comite-test-francophone", State: proximite.Published, ConfirmedByPartner: true,
			LastConfirmed: &confirmed},
		Name: proximite.T("fr", "Comité de test francophone"), Kind: proximite.CommunityGroup, Country: "ML",
		Locality: "Sanankoroba", Description: proximite.T("fr", "Un comité dont la fiche n'existe qu'en français."),
		Links: []proximite.OrgLink{{Kind: proximite.PartOf, Target: "benkadi", Since: "2019-04"}},
	}
	project := &proximite.Project{
		Meta:         proximite.Meta{Slug: "projet-test-complet", State: proximite.Published, ConfirmedByPartner: true, LastConfirmed: &confirmed},
		Title:        proximite.T("fr", "Puits et maraîchage à Sanankoroba", "en", "Wells and market gardens in Sanankoroba"),
		Description:  proximite.T("fr", "Un projet d'essai complet.\nSur deux paragraphes.", "en", "A complete test project.\nIn two paragraphs."),
		Status:       "2",
		PlannedStart: "2019-03", ActualStart: "2019-04-15", PlannedEnd: "2021-12",
		Participants: []proximite.Participant{
			{Org: "sainte-elisabeth", Role: "1"}, {Org: "benkadi", Role: "4"}, {Org: "comite-test-francophone", Role: "4"},
			{Name: proximite.T("en", "A foundation outside the registry"), Role: "1"},
		},
		Sectors:   []proximite.SectorShare{{Code: "14031", Percentage: pct(60)}, {Code: "31161", Percentage: pct(40)}},
		Countries: []proximite.CountryShare{{Code: "ML", Percentage: pct(100)}},
		Locations: []proximite.Location{{Name: proximite.T("fr", "Sanankoroba"), Country: "ML", Point: &proximite.Point{Lat: 12.4, Lon: -7.93}}},
		Budgets: []proximite.Budget{{Type: "1", PeriodStart: "2019-01-01", PeriodEnd: "2019-12-31",
			Value: proximite.Money{Amount: 48500, Currency: "CAD"}}},
		Transactions: []proximite.Transaction{
			{Type: "2", Date: "2019-02-01", Value: proximite.Money{Amount: 48500, Currency: "CAD"},
				Provider: &proximite.Participant{Org: "sainte-elisabeth"}, Receiver: &proximite.Participant{Org: "benkadi"}},
			{Type: "3", Date: "2019-05", Value: proximite.Money{Amount: 15000000, Currency: "XOF"},
				Provider: &proximite.Participant{Org: "fcm"}, Receiver: &proximite.Participant{Name: proximite.T("fr", "Coopérative des maraîchères")}},
		},
		Results: []proximite.Result{{Type: "1", Title: proximite.T("fr", "Puits creusés", "en", "Wells dug"),
			Indicators: []proximite.Indicator{{Title: proximite.T("fr", "Puits", "en", "Wells"), Measure: "1", Baseline: "0", Target: "4", Actual: "3", Year: 2021}}}},
		Documents: []proximite.Document{{URL: "https://example.org/rapport.pdf", Title: proximite.T("fr", "Rapport final"),
			Format: "application/pdf", Category: "A01", Language: "fr", Date: "2022-01"}},
		InKind: []proximite.InKind{{Org: "des-mains-pour-demain", Kind: "volunteer_days", Days: 120, People: 8,
			Value: &proximite.Money{Amount: 9600, Currency: "CAD"}}},
		Partnership: "jumelage-sainte-elisabeth-sanankoroba",
		Programme:   "fcm-partenariats-municipaux",
	}
	visit := &proximite.Visit{
		Meta:      proximite.Meta{Slug: "mission-test-2019", State: proximite.Published},
		Title:     proximite.T("fr", "Mission de suivi à Sanankoroba", "en", "Follow-up visit to Sanankoroba"),
		Direction: proximite.NorthToSouth, Partnership: "jumelage-sainte-elisabeth-sanankoroba",
		From: "sainte-elisabeth", To: "sanankoroba", Start: "2019-11-02", End: "2019-11-16",
		People:  []proximite.Travellers{{Kind: proximite.ElectedOfficials, Count: 2}, {Kind: proximite.Volunteers, Count: 5}},
		Purpose: proximite.T("fr", "Suivre le chantier des puits.", "en", "Follow the work on the wells."),
	}
	return db.SaveMany(ctx, org, project, visit)
}
