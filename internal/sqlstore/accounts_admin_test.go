package sqlstore_test

import (
	"context"
	"slices"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// TestAccountAdmin lists, reads and changes accounts on both databases,
// and checks that the guard refuses what CanManage refuses and that a
// refused change leaves the account as it was.
func TestAccountAdmin(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		fixture(t, db)
		mk := func(email, name string, role proximite.Role, orgs ...string) *proximite.User {
			t.Helper()
			u := &proximite.User{Email: email, Name: name, Role: role, Orgs: orgs}
			if err := db.CreateUser(ctx, u); err != nil {
				t.Fatal(err)
			}
			return u
		}
		admin := mk("admin@rosi.test", "Zoé Admin", proximite.RoleAdmin)
		coord := mk("coord@rosi.test", "Coordination", proximite.RoleCoordinator)
		editor := mk("marie@nioro.test", "aminata Diop", proximite.RoleEditor, "sanankoroba", "nioro-du-rip")

		list, err := db.ListUsers(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, u := range list {
			names = append(names, u.Name)
		}
		if !slices.Equal(names, []string{"aminata Diop", "Coordination", "Zoé Admin"}) {
			t.Fatalf("order by name, case aside: %q", names)
		}
		if !slices.Equal(list[0].Orgs, []string{"nioro-du-rip", "sanankoroba"}) || list[0].HasPassword || list[1].Orgs != nil {
			t.Fatalf("memberships: %+v %+v", list[0], list[1])
		}

		got, err := db.FindUserByID(ctx, editor.ID)
		if err != nil || got.Email != editor.Email {
			t.Fatalf("find by id: %+v %v", got, err)
		}
		if _, err := db.FindUserByID(ctx, 999999); proximite.ErrorCode(err) != proximite.ENOTFOUND {
			t.Fatalf("unknown id: %v", err)
		}

		g := proximite.NewAccountGuard(db)
		as := func(u *proximite.User) context.Context { return proximite.NewContextWithUser(ctx, u) }
		change := func(u *proximite.User, role proximite.Role, orgs ...string) *proximite.User {
			c := *u
			c.Role, c.Orgs = role, orgs
			return &c
		}
		for _, tc := range []struct {
			name  string
			actor *proximite.User
			u     *proximite.User
			code  string
		}{
			{"a visitor", nil, change(editor, proximite.RoleCoordinator), proximite.EUNAUTHORIZED},
			{"an editor", editor, change(editor, proximite.RoleEditor, "benkadi"), proximite.EFORBIDDEN},
			{"a coordinator promotes to admin", coord, change(editor, proximite.RoleAdmin), proximite.EFORBIDDEN},
			{"a coordinator demotes an admin", coord, change(admin, proximite.RoleCoordinator), proximite.EFORBIDDEN},
			{"one's own role", coord, change(coord, proximite.RoleEditor, "benkadi"), proximite.EFORBIDDEN},
			{"an unknown organisation", coord, change(editor, proximite.RoleEditor, "atlantis"), proximite.EINVALID},
			{"an editor without organisation", coord, change(editor, proximite.RoleEditor), proximite.EINVALID},
		} {
			if err := g.UpdateUser(as(tc.actor), tc.u); proximite.ErrorCode(err) != tc.code {
				t.Errorf("%s: %v, want %s", tc.name, err, tc.code)
			}
		}
		for _, u := range []*proximite.User{admin, coord, editor} {
			want := slices.Sorted(slices.Values(u.Orgs))
			if got, _ := db.FindUserByID(ctx, u.ID); got.Role != u.Role || !slices.Equal(got.Orgs, want) {
				t.Errorf("a refused change was stored: %+v", got)
			}
		}
		if err := g.CreateUser(as(coord), &proximite.User{Email: "new@rosi.test", Name: "New", Role: proximite.RoleAdmin}); proximite.ErrorCode(err) != proximite.EFORBIDDEN {
			t.Errorf("a coordinator made an admin: %v", err)
		}
		if _, err := g.ListUsers(as(editor)); proximite.ErrorCode(err) != proximite.EFORBIDDEN {
			t.Errorf("an editor listed the accounts: %v", err)
		}

		// What the guard allows is stored: a coordinator moves an editor
		// to one organisation, an administrator makes a coordinator an
		// administrator.
		if err := g.UpdateUser(as(coord), change(editor, proximite.RoleEditor, "benkadi")); err != nil {
			t.Fatal(err)
		}
		if err := g.UpdateUser(as(admin), change(coord, proximite.RoleAdmin)); err != nil {
			t.Fatal(err)
		}
		if got, _ := db.FindUserByID(ctx, editor.ID); !slices.Equal(got.Orgs, []string{"benkadi"}) {
			t.Errorf("memberships not replaced: %v", got.Orgs)
		}
		if got, _ := db.FindUserByID(ctx, coord.ID); got.Role != proximite.RoleAdmin {
			t.Errorf("role not changed: %v", got.Role)
		}
	})
}
