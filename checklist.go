package proximite

import (
	"context"
	"fmt"
	"time"
)

// The partner-selection checklist. The seed tells how the committee
// Benkadi chose the villages that joined Sanankoroba's projects, by six
// criteria; they are the network's default checklist (migration 0013
// writes them), which coordinators reword, extend and retire. An
// assessment of a candidate answers each criterion and keeps the wording
// it answered, so that a retired or reworded criterion still reads as it
// did in the assessments made with it.

// Criterion is one question of the checklist.
type Criterion struct {
	ID int64 `json:"id,omitempty"`
	// Text is the criterion's wording per language.
	Text Text `json:"text"`
	// Position orders the checklist.
	Position int `json:"position"`
	// Retired criteria are no longer asked; past assessments keep them.
	Retired bool `json:"retired,omitempty"`
}

// Validate checks a criterion.
func (c *Criterion) Validate() error {
	var errs ValidationErrors
	if c.Text.IsZero() {
		errs.Add("text", "is required in at least one language")
	}
	c.Text.validate("text", &errs)
	for l, v := range c.Text {
		if len(v) > 500 {
			errs.Add("text", "is longer than 500 characters in %s", l)
		}
	}
	return errs.Err()
}

// Verdict is the answer to a criterion.
type Verdict string

// The answers: met, not met, and unknown (not judged, or not known).
const (
	VerdictMet     Verdict = "met"
	VerdictNotMet  Verdict = "not_met"
	VerdictUnknown Verdict = "unknown"
)

// Verdicts lists the answers in the order forms show them.
var Verdicts = []Verdict{VerdictMet, VerdictNotMet, VerdictUnknown}

// Valid reports whether v is a known answer.
func (v Verdict) Valid() bool { return v == VerdictMet || v == VerdictNotMet || v == VerdictUnknown }

// Answer is the assessment of one criterion.
type Answer struct {
	Criterion int64 `json:"criterion"`
	// Text is the criterion's wording when it was answered.
	Text    Text    `json:"text"`
	Verdict Verdict `json:"verdict"`
	Note    string  `json:"note,omitempty"`
}

// Assessment is a candidate judged against the checklist, kept with the
// partnership it led to (or was considered for).
type Assessment struct {
	ID int64 `json:"id,omitempty"`
	// Partnership is the slug of the partnership; Candidate, the slug of
	// the organisation assessed (a village committee, a commune).
	Partnership string   `json:"partnership"`
	Candidate   string   `json:"candidate"`
	Answers     []Answer `json:"answers"`
	// Note is the assessor's conclusion.
	Note string `json:"note,omitempty"`
	// By is the account that recorded it (its name and address), At when.
	By string    `json:"by"`
	At time.Time `json:"at"`
}

// Validate checks an assessment against the criteria it answers.
func (a *Assessment) Validate() error {
	var errs ValidationErrors
	if !slugRE.MatchString(a.Partnership) {
		errs.Add("partnership", "is required")
	}
	if !slugRE.MatchString(a.Candidate) {
		errs.Add("candidate", "is required: the organisation assessed")
	}
	if len(a.Answers) == 0 {
		errs.Add("answers", "answer at least one criterion")
	}
	seen := map[int64]bool{}
	for i, an := range a.Answers {
		f := fmt.Sprintf("answers[%d]", i)
		if seen[an.Criterion] {
			errs.Add(f, "criterion %d is answered twice", an.Criterion)
		}
		seen[an.Criterion] = true
		if !an.Verdict.Valid() {
			errs.Add(f+".verdict", "must be met, not_met or unknown, got %q", an.Verdict)
		}
		if len(an.Note) > 2000 {
			errs.Add(f+".note", "is longer than 2000 characters")
		}
	}
	if len(a.Note) > 4000 {
		errs.Add("note", "is longer than 4000 characters")
	}
	return errs.Err()
}

// TypeAssessment and TypeCriterion name them in the audit log.
const (
	TypeAssessment RecordType = "assessment"
	TypeCriterion  RecordType = "criterion"
)

// ChecklistService keeps the checklist and the assessments.
type ChecklistService interface {
	// Criteria lists the checklist in order, retired criteria too when
	// asked.
	Criteria(ctx context.Context, withRetired bool) ([]*Criterion, error)
	// SaveCriterion adds a criterion (ID 0) or rewords, moves or retires
	// one.
	SaveCriterion(ctx context.Context, c *Criterion) error
	// Assessments lists a partnership's assessments, newest first.
	Assessments(ctx context.Context, partnership string) ([]*Assessment, error)
	// CreateAssessment stores an assessment; the store fills each
	// answer's wording from the checklist, and its author and time.
	CreateAssessment(ctx context.Context, a *Assessment) error
}

// CanEditChecklist decides whether u may change the checklist: the
// network's coordinators keep it.
func CanEditChecklist(u *User) error {
	if u == nil {
		return Errorf(EUNAUTHORIZED, "Connectez-vous pour modifier la grille. / Sign in to change the checklist.")
	}
	if u.Role == RoleAdmin || u.Role == RoleCoordinator {
		return nil
	}
	return Errorf(EFORBIDDEN, "Seule la coordination modifie la grille de sélection. / Only coordinators change the selection checklist.")
}

// CanAssess decides whether u may read and record the assessments of a
// partnership whose organisations are orgs: coordinators, and the
// editors of one of those organisations. Assessments judge a community
// that did not write them, so they are kept among members.
func CanAssess(u *User, orgs []string) error {
	if u == nil {
		return Errorf(EUNAUTHORIZED, "Connectez-vous pour voir les évaluations. / Sign in to see the assessments.")
	}
	if u.Role == RoleAdmin || u.Role == RoleCoordinator {
		return nil
	}
	for _, o := range orgs {
		if u.Member(o) {
			return nil
		}
	}
	return Errorf(EFORBIDDEN, "Seuls la coordination et les membres du partenariat évaluent ses partenaires. / Only coordinators and the partnership's members assess its partners.")
}
