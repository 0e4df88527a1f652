package proximite

// Action is a kind of write that the policy decides on.
type Action string

// The writes of the registry.
const (
	ActionCreate Action = "create"
	ActionUpdate Action = "update"
	ActionDelete Action = "delete"
	// ActionPublish is a change of state into or out of published:
	// publishing, and withdrawing a published record.
	ActionPublish Action = "publish"
)

// Target is a record as the policy sees it: its type, its state, and the
// slugs of the organisations that take part in it.
type Target struct {
	Type  RecordType
	State State
	Orgs  []string
}

// TargetOf returns what the policy needs of a record, from the record
// alone: an organisation takes part in itself, a partnership's parties in
// it, a project's participants in it, and a visit's sender and host in
// it. The organisations of a visit's partnership are added by the caller,
// which can read them (see Guard).
func TargetOf(rec Record) Target {
	t := Target{Type: rec.RecordType(), State: rec.Base().State}
	if t.State == "" {
		t.State = Draft
	}
	switch r := rec.(type) {
	case *Organisation:
		t.Orgs = []string{r.Slug}
	case *Partnership:
		for _, p := range r.Parties {
			t.Orgs = append(t.Orgs, p.Org)
		}
	case *Project:
		for _, p := range r.Participants {
			if p.Org != "" {
				t.Orgs = append(t.Orgs, p.Org)
			}
		}
	case *Visit:
		t.Orgs = append(t.Orgs, r.From, r.To)
	}
	return t
}

// Can decides whether u may do a on the record t. It is pure, so the
// whole policy is read and tested in one table:
//
//   - a visitor (nil) writes nothing: EUNAUTHORIZED;
//   - an administrator and a coordinator write everything;
//   - an editor creates, edits and deletes the organisations,
//     partnerships, projects and visits in which one of their
//     organisations takes part, as drafts or submitted for review; never
//     programmes, which are the network's knowledge of its funders, nor
//     the library's publications, which the coordinators keep, and
//     never a change into or out of published, nor the deletion of a
//     published record, which is a withdrawal.
//
// For an update, the caller asks about the record both as it is and as
// it will be, so that an editor can neither take over another's record by
// adding their organisation nor edit one they do not take part in.
func Can(u *User, a Action, t Target) error {
	if u == nil {
		return Errorf(EUNAUTHORIZED, "Connectez-vous pour modifier le registre. / Sign in to change the registry.")
	}
	switch u.Role {
	case RoleAdmin, RoleCoordinator:
		return nil
	case RoleEditor:
	default:
		return Errorf(EFORBIDDEN, "Ce compte n'a pas de rôle connu (%q). / This account has no known role (%q).", u.Role, u.Role)
	}
	if t.Type == TypeProgramme {
		return Errorf(EFORBIDDEN, "Seule la coordination du réseau modifie les programmes de financement. / Only the network's coordinators change funding programmes.")
	}
	if t.Type == TypePublication {
		return Errorf(EFORBIDDEN, "Seule la coordination du réseau tient la bibliothèque et y dépose des fichiers. / Only the network's coordinators keep the library and upload files to it.")
	}
	if a == ActionPublish || (a == ActionDelete && t.State == Published) {
		return Errorf(EFORBIDDEN, "Seule la coordination publie ou retire une fiche ; soumettez-la pour révision. / Only coordinators publish or withdraw a record; submit it for review.")
	}
	if a == ActionCreate && t.State == Published {
		// An edit that keeps a published record published is no change
		// of state; a new record that starts published would be one.
		return Errorf(EFORBIDDEN, "Seule la coordination publie une fiche ; enregistrez-la comme brouillon ou soumettez-la. / Only coordinators publish; save the record as a draft or submit it.")
	}
	for _, o := range t.Orgs {
		if o != "" && u.Member(o) {
			return nil
		}
	}
	return Errorf(EFORBIDDEN, "Aucune de vos organisations ne prend part à cette fiche (%s). / None of your organisations takes part in this %s.", t.Type, t.Type)
}

// CanManage decides whether u may create or change an account with the
// given role: coordinators manage editors and coordinators, and only
// administrators make administrators.
func CanManage(u *User, role Role) error {
	switch {
	case u == nil:
		return Errorf(EUNAUTHORIZED, "Connectez-vous pour gérer les comptes. / Sign in to manage accounts.")
	case u.Role == RoleAdmin:
		return nil
	case u.Role == RoleCoordinator && role != RoleAdmin:
		return nil
	case u.Role == RoleCoordinator:
		return Errorf(EFORBIDDEN, "Seul un administrateur nomme un administrateur. / Only an administrator makes an administrator.")
	}
	return Errorf(EFORBIDDEN, "Seule la coordination gère les comptes. / Only coordinators manage accounts.")
}

// CanConfirm decides whether u may confirm, in the name of a partner,
// what the record t says: the mark "confirmed by partner" and its date.
// authors are the organisations on whose behalf the record was written
// (those of the account that created it, or by default, for a visit, its
// sender); the partners are the other organisations of the record, and
// only an account that edits for one of them confirms — whatever its
// role, since a coordinator's word is not the partner's. Organisations
// and programmes have no partner to confirm them.
func CanConfirm(u *User, t Target, authors []string) error {
	if u == nil {
		return Errorf(EUNAUTHORIZED, "Connectez-vous pour confirmer une fiche. / Sign in to confirm a record.")
	}
	if t.Type == TypeOrganisation || t.Type == TypeProgramme || t.Type == TypePublication {
		return Errorf(EFORBIDDEN, "Cette fiche n'a pas de partenaire pour la confirmer. / This record has no partner to confirm it.")
	}
	for _, o := range t.Orgs {
		if o == "" || !u.Member(o) {
			continue
		}
		author := false
		for _, a := range authors {
			author = author || a == o
		}
		if !author {
			return nil
		}
	}
	return Errorf(EFORBIDDEN, "Seul un membre d'une organisation partenaire confirme cette fiche, pas ses auteurs. / Only a member of a partner organisation confirms this record, not its authors.")
}
