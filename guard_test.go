package proximite_test

import (
	"context"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/demo"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// Only a partner's confirmation sets the mark: an edit through the guard,
// even by a coordinator, keeps what is stored, and a new record starts
// unconfirmed.
func TestGuardKeepsTheConfirmation(t *testing.T) {
	ctx := context.Background()
	db := sqltest.Open(t, "sqlite")
	if _, err := demo.Load(ctx, db); err != nil {
		t.Fatal(err)
	}
	g := proximite.NewGuard(db)
	user := func(email string, role proximite.Role, orgs ...string) *proximite.User {
		u := &proximite.User{Email: email, Name: email, Lang: "fr", Role: role, Orgs: orgs}
		if err := db.CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
		return u
	}
	editor := user("editrice@buckingham.test", proximite.RoleEditor, "buckingham")
	coordinator := user("coordination@reseau.test", proximite.RoleCoordinator)
	nioro := user("editeur@nioro.test", proximite.RoleEditor, "nioro-du-rip")

	v := &proximite.Visit{Meta: proximite.Meta{Slug: "delegation-test", State: proximite.Draft, ConfirmedByPartner: true},
		Title: proximite.T("fr", "Délégation à Nioro du Rip"), Direction: proximite.NorthToSouth,
		From: "buckingham", To: "nioro-du-rip", Start: "2026"}
	if err := g.CreateVisit(proximite.NewContextWithUser(ctx, editor), v); err != nil {
		t.Fatal(err)
	}
	stored, err := db.FindVisit(ctx, v.Slug)
	if err != nil || stored.ConfirmedByPartner {
		t.Fatalf("a new visit came in confirmed by its author: %+v %v", stored, err)
	}
	for _, u := range []*proximite.User{editor, coordinator} {
		stored.ConfirmedByPartner = true
		if err := g.UpdateVisit(proximite.NewContextWithUser(ctx, u), stored); err != nil {
			t.Fatal(err)
		}
		if again, _ := db.FindVisit(ctx, v.Slug); again.ConfirmedByPartner {
			t.Fatalf("%s confirmed the visit by editing it", u.Role)
		}
	}
	partner := proximite.WithPartnerConfirmation(proximite.NewContextWithUser(ctx, nioro))
	stored.ConfirmedByPartner = true
	if err := g.UpdateVisit(partner, stored); err != nil {
		t.Fatal(err)
	}
	if again, _ := db.FindVisit(ctx, v.Slug); !again.ConfirmedByPartner {
		t.Fatal("the partner's confirmation was not kept")
	}
	// An edit after it keeps the mark.
	stored, _ = db.FindVisit(ctx, v.Slug)
	stored.ConfirmedByPartner = false
	if err := g.UpdateVisit(proximite.NewContextWithUser(ctx, editor), stored); err != nil {
		t.Fatal(err)
	}
	if again, _ := db.FindVisit(ctx, v.Slug); !again.ConfirmedByPartner {
		t.Fatal("an edit took the partner's confirmation away")
	}
}
