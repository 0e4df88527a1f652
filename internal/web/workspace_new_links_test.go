package web

import (
	"strings"
	"testing"

	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// The workspace offers to create only what the policy lets the person
// create: an editor records partnerships, projects and visits; a new
// organisation or programme is the coordinators'.
func TestWorkspaceOffersWhatThePersonMayCreate(t *testing.T) {
	s := newWSSite(t, sqltest.Open(t, "sqlite"))
	for _, tt := range []struct {
		persona   string
		offer, no []string
	}{
		{"editor", []string{"/fr/projets/nouveau", "/fr/missions/nouvelle", "/fr/partenariats/nouveau"},
			[]string{"/fr/acteurs/nouveau", "/fr/programmes/nouveau"}},
		{"coordinator", []string{"/fr/acteurs/nouveau", "/fr/programmes/nouveau", "/fr/projets/nouveau"}, nil},
	} {
		page := s.do(tt.persona, "GET", "/fr/mon-espace", nil).Body
		for _, p := range tt.offer {
			if !strings.Contains(page, `href="`+p+`"`) {
				t.Errorf("%s is not offered %s", tt.persona, p)
			}
		}
		for _, p := range tt.no {
			if strings.Contains(page, `href="`+p+`"`) {
				t.Errorf("%s is offered %s, which the policy refuses", tt.persona, p)
			}
		}
	}
}
