package proximite_test

import (
	"testing"

	"github.com/proximite/proximite"
)

func TestCan(t *testing.T) {
	editor := &proximite.User{Role: proximite.RoleEditor, Orgs: []string{"buckingham"}}
	coordinator := &proximite.User{Role: proximite.RoleCoordinator}
	admin := &proximite.User{Role: proximite.RoleAdmin}
	strange := &proximite.User{Role: "owner", Orgs: []string{"buckingham"}}
	ours := func(typ proximite.RecordType, s proximite.State) proximite.Target {
		return proximite.Target{Type: typ, State: s, Orgs: []string{"nioro-du-rip", "buckingham"}}
	}
	theirs := func(typ proximite.RecordType, s proximite.State) proximite.Target {
		return proximite.Target{Type: typ, State: s, Orgs: []string{"granby"}}
	}
	const (
		ok           = ""
		unauthorized = proximite.EUNAUTHORIZED
		forbidden    = proximite.EFORBIDDEN
	)
	tests := []struct {
		name string
		user *proximite.User
		a    proximite.Action
		t    proximite.Target
		want string
	}{
		{"visitor creates", nil, proximite.ActionCreate, ours(proximite.TypeVisit, proximite.Draft), unauthorized},
		{"visitor deletes", nil, proximite.ActionDelete, ours(proximite.TypeVisit, proximite.Draft), unauthorized},
		{"unknown role", strange, proximite.ActionCreate, ours(proximite.TypeVisit, proximite.Draft), forbidden},
		{"editor creates our draft visit", editor, proximite.ActionCreate, ours(proximite.TypeVisit, proximite.Draft), ok},
		{"editor submits our project", editor, proximite.ActionCreate, ours(proximite.TypeProject, proximite.Submitted), ok},
		{"editor creates a published record", editor, proximite.ActionCreate, ours(proximite.TypeProject, proximite.Published), forbidden},
		{"editor creates their visit", editor, proximite.ActionCreate, theirs(proximite.TypeVisit, proximite.Draft), forbidden},
		{"editor edits our published partnership", editor, proximite.ActionUpdate, ours(proximite.TypePartnership, proximite.Published), ok},
		{"editor edits their partnership", editor, proximite.ActionUpdate, theirs(proximite.TypePartnership, proximite.Draft), forbidden},
		{"editor edits their own organisation", editor, proximite.ActionUpdate,
			proximite.Target{Type: proximite.TypeOrganisation, State: proximite.Published, Orgs: []string{"buckingham"}}, ok},
		{"editor edits a programme", editor, proximite.ActionUpdate, ours(proximite.TypeProgramme, proximite.Draft), forbidden},
		{"editor publishes", editor, proximite.ActionPublish, ours(proximite.TypeProject, proximite.Submitted), forbidden},
		{"editor deletes our draft", editor, proximite.ActionDelete, ours(proximite.TypeProject, proximite.Draft), ok},
		{"editor deletes our published record", editor, proximite.ActionDelete, ours(proximite.TypeProject, proximite.Published), forbidden},
		{"editor deletes their draft", editor, proximite.ActionDelete, theirs(proximite.TypeProject, proximite.Draft), forbidden},
		{"editor of no organisation", &proximite.User{Role: proximite.RoleEditor}, proximite.ActionCreate, ours(proximite.TypeVisit, proximite.Draft), forbidden},
		{"coordinator publishes theirs", coordinator, proximite.ActionPublish, theirs(proximite.TypeProject, proximite.Submitted), ok},
		{"coordinator edits a programme", coordinator, proximite.ActionUpdate, theirs(proximite.TypeProgramme, proximite.Published), ok},
		{"coordinator deletes a published record", coordinator, proximite.ActionDelete, theirs(proximite.TypeVisit, proximite.Published), ok},
		{"admin creates published", admin, proximite.ActionCreate, theirs(proximite.TypeOrganisation, proximite.Published), ok},
		{"system", proximite.System, proximite.ActionDelete, theirs(proximite.TypeProgramme, proximite.Published), ok},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := proximite.Can(tt.user, tt.a, tt.t)
			if got := proximite.ErrorCode(err); got != tt.want {
				t.Fatalf("Can = %v (%q), want %q", err, got, tt.want)
			}
			if err != nil && len(proximite.ErrorMessage(err)) < 20 {
				t.Fatalf("message too short to help: %q", proximite.ErrorMessage(err))
			}
		})
	}
}

func TestTargetOf(t *testing.T) {
	v := &proximite.Visit{From: "buckingham", To: "nioro-du-rip", Partnership: "jumelage"}
	if got := proximite.TargetOf(v); got.State != proximite.Draft || len(got.Orgs) != 2 || got.Orgs[1] != "nioro-du-rip" {
		t.Fatalf("visit: %+v", got)
	}
	p := &proximite.Project{Participants: []proximite.Participant{{Org: "buckingham", Role: "4"}, {Name: proximite.T("fr", "Un comité")}}}
	if got := proximite.TargetOf(p); len(got.Orgs) != 1 || got.Orgs[0] != "buckingham" {
		t.Fatalf("project: %+v", got)
	}
}

func TestCanManage(t *testing.T) {
	tests := []struct {
		user *proximite.User
		role proximite.Role
		want string
	}{
		{nil, proximite.RoleEditor, proximite.EUNAUTHORIZED},
		{&proximite.User{Role: proximite.RoleEditor}, proximite.RoleEditor, proximite.EFORBIDDEN},
		{&proximite.User{Role: proximite.RoleCoordinator}, proximite.RoleCoordinator, ""},
		{&proximite.User{Role: proximite.RoleCoordinator}, proximite.RoleAdmin, proximite.EFORBIDDEN},
		{&proximite.User{Role: proximite.RoleAdmin}, proximite.RoleAdmin, ""},
	}
	for _, tt := range tests {
		if got := proximite.ErrorCode(proximite.CanManage(tt.user, tt.role)); got != tt.want {
			t.Errorf("%v manages %s: %q, want %q", tt.user, tt.role, got, tt.want)
		}
	}
}

func TestUserValidate(t *testing.T) {
	u := &proximite.User{Email: " Marie@Exemple.ORG ", Name: "Marie", Role: proximite.RoleCoordinator}
	if err := u.Validate(); err != nil || u.Email != "marie@exemple.org" || u.Lang != "fr" {
		t.Fatalf("%v %+v", err, u)
	}
	for _, bad := range []proximite.User{
		{Email: "marie", Name: "M", Role: proximite.RoleAdmin},
		{Email: "Marie <marie@exemple.org>", Name: "M", Role: proximite.RoleAdmin},
		{Email: "marie@exemple.org", Name: "M", Role: "owner"},
		{Email: "marie@exemple.org", Name: "M", Role: proximite.RoleEditor},
		{Email: "marie@exemple.org", Name: "M", Role: proximite.RoleAdmin, Lang: "de"},
	} {
		if err := bad.Validate(); proximite.ErrorCode(err) != proximite.EINVALID {
			t.Errorf("%+v: %v", bad, err)
		}
	}
}

func TestCanConfirm(t *testing.T) {
	nioro := &proximite.User{Role: proximite.RoleEditor, Orgs: []string{"nioro-du-rip"}}
	buckingham := &proximite.User{Role: proximite.RoleEditor, Orgs: []string{"buckingham"}}
	both := &proximite.User{Role: proximite.RoleEditor, Orgs: []string{"buckingham", "nioro-du-rip"}}
	coordinator := &proximite.User{Role: proximite.RoleCoordinator}
	visit := proximite.Target{Type: proximite.TypeVisit, State: proximite.Published, Orgs: []string{"buckingham", "nioro-du-rip"}}
	authors := []string{"buckingham"}
	tests := []struct {
		name    string
		user    *proximite.User
		t       proximite.Target
		authors []string
		want    string
	}{
		{"visitor", nil, visit, authors, proximite.EUNAUTHORIZED},
		{"editor of the host confirms", nioro, visit, authors, ""},
		{"editor of the author does not", buckingham, visit, authors, proximite.EFORBIDDEN},
		{"editor of both confirms for the partner", both, visit, authors, ""},
		{"coordinator is not the partner", coordinator, visit, authors, proximite.EFORBIDDEN},
		{"editor of another organisation", &proximite.User{Role: proximite.RoleEditor, Orgs: []string{"granby"}}, visit, authors, proximite.EFORBIDDEN},
		{"no known author: any party", buckingham, visit, nil, ""},
		{"an organisation has no partner", nioro, proximite.Target{Type: proximite.TypeOrganisation, Orgs: []string{"nioro-du-rip"}}, nil, proximite.EFORBIDDEN},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := proximite.ErrorCode(proximite.CanConfirm(tt.user, tt.t, tt.authors)); got != tt.want {
				t.Fatalf("CanConfirm = %q, want %q", got, tt.want)
			}
		})
	}
}
