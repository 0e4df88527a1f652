package proximite

import (
	"context"
	"net/mail"
	"strings"
	"time"
)

// The bulletin of the Observatoire: numbered issues sent by e-mail to
// subscribers, each in their own language. Subscribers are people, not
// public facts, so they live outside the registry's records; so do the
// issues, which are sent rather than published through the workflow.

// SubscriberState is where a subscriber stands.
type SubscriberState string

// A subscriber is pending until they confirm their address (double
// opt-in); only the confirmed receive issues.
const (
	SubscriberPending      SubscriberState = "pending"
	SubscriberConfirmed    SubscriberState = "confirmed"
	SubscriberUnsubscribed SubscriberState = "unsubscribed"
)

// SubscriberStates lists the states in the order the workspace counts them.
var SubscriberStates = []SubscriberState{SubscriberConfirmed, SubscriberPending, SubscriberUnsubscribed}

// Subscriber is one address on the bulletin's list.
type Subscriber struct {
	ID     int64
	Email  string
	Lang   string // fr or en: the language of every message they receive
	State  SubscriberState
	Source string // "form" or "import"
	// ConsentAt is when the person agreed to receive the bulletin: their
	// confirmation, or the date an import brings.
	ConsentAt      time.Time
	ConfirmedAt    time.Time
	UnsubscribedAt time.Time
	CreatedAt      time.Time
}

// CheckEmail normalises a subscriber's address and says in both
// languages what is wrong with it.
func CheckEmail(s string) (string, error) {
	e := NormalizeEmail(s)
	if e == "" {
		return "", FieldError("email", "l'adresse est requise / the address is required")
	}
	a, err := mail.ParseAddress(e)
	if err != nil || a.Address != e || len(e) > 254 || !strings.Contains(e[strings.LastIndex(e, "@")+1:], ".") {
		return "", FieldError("email", "%q n'est pas une adresse comme nom@exemple.org / %q is not an address such as name@example.org", e, e)
	}
	return e, nil
}

// CheckLang checks a subscriber's language.
func CheckLang(lang string) error {
	if lang != "fr" && lang != "en" {
		return FieldError("lang", "langue fr ou en, pas %q / language fr or en, not %q", lang, lang)
	}
	return nil
}

// Issue is one number of the bulletin: a subject and a body per
// language, written by a coordinator from what the registry proposes.
type Issue struct {
	ID     int64
	Number int
	// Subject and Body are per language. The body is plain text: blank
	// lines part paragraphs, lines starting with "- " are list items,
	// addresses become links; the HTML version is made from it.
	Subject Text
	Body    Text
	// Since is where the proposals of this issue started: the sending of
	// the previous one.
	Since time.Time
	// QueuedAt is when the issue was sent to the queue; zero for a draft.
	QueuedAt  time.Time
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Sent reports whether the issue has left its draft.
func (i *Issue) Sent() bool { return !i.QueuedAt.IsZero() }

// Validate checks that the issue can be sent: a subject and a body in
// each language, since every subscriber reads one of them.
func (i *Issue) Validate() error {
	var errs ValidationErrors
	for _, l := range Languages {
		if strings.TrimSpace(i.Subject[l]) == "" {
			errs.Add("subject."+l, "is required")
		} else if len(i.Subject[l]) > 200 || strings.ContainsAny(i.Subject[l], "\r\n") {
			errs.Add("subject."+l, "must be one line of at most 200 characters")
		}
		if strings.TrimSpace(i.Body[l]) == "" {
			errs.Add("body."+l, "is required")
		} else if len(i.Body[l]) > 100_000 {
			errs.Add("body."+l, "is longer than 100,000 characters")
		}
	}
	return errs.Err()
}

// DeliveryState is where one message of an issue to one subscriber is.
type DeliveryState string

// A delivery is pending until the SMTP server accepted it (sent) or
// refused it for good (failed), or until its subscriber turned out to
// have left before their turn (skipped).
const (
	DeliveryPending DeliveryState = "pending"
	DeliverySent    DeliveryState = "sent"
	DeliveryFailed  DeliveryState = "failed"
	DeliverySkipped DeliveryState = "skipped"
)

// Delivery is one row of the sending queue, claimed by one sender: no
// other sender gets it until Finish is called or the claimer dies.
type Delivery struct {
	ID         int64
	IssueID    int64
	Subscriber Subscriber
	Attempts   int
	// UnsubscribeToken is the signed token of the subscriber's one-click
	// unsubscribe link.
	UnsubscribeToken string
	// Finish records the outcome and lets the row go; a pending outcome
	// counts an attempt and leaves the row for a later try. It must be
	// called exactly once.
	Finish func(ctx context.Context, state DeliveryState, detail string) error
}

// SubscriberCount is how many subscribers are in a state in a language.
type SubscriberCount struct {
	State SubscriberState
	Lang  string
	N     int
}

// SubscriberImport is one subscriber brought by an import: someone who
// agreed elsewhere (a paper form, the former mailing tool) on ConsentAt.
// Line is where they are in the file, for the messages.
type SubscriberImport struct {
	Line      int
	Email     string
	Lang      string
	ConsentAt time.Time
}

// ImportResult says what an import of subscribers did.
type ImportResult struct {
	Added int
	// Kept counts addresses already on the list, left as they were: a
	// confirmed one stays, and one who left is not subscribed again by an
	// import, whatever the file says.
	Kept int
}

// BulletinService keeps the bulletin's subscribers and issues.
type BulletinService interface {
	// Subscribe records a request from the public form and returns the
	// confirmation token to send, or "" when no message should go.
	Subscribe(ctx context.Context, email, lang string) (string, error)
	CheckConfirmation(ctx context.Context, token string) (*Subscriber, error)
	Confirm(ctx context.Context, token string) (*Subscriber, error)
	SubscriberByToken(ctx context.Context, token string) (*Subscriber, error)
	Unsubscribe(ctx context.Context, token string) (*Subscriber, error)
	CountSubscribers(ctx context.Context) ([]SubscriberCount, error)
	ListSubscribers(ctx context.Context, limit int) ([]*Subscriber, error)
	ImportSubscribers(ctx context.Context, rows []SubscriberImport) (ImportResult, error)

	CreateIssue(ctx context.Context, i *Issue) error
	UpdateIssue(ctx context.Context, i *Issue) error
	FindIssue(ctx context.Context, number int) (*Issue, error)
	ListIssues(ctx context.Context, drafts bool) ([]*Issue, error)
	LastSent(ctx context.Context) (time.Time, error)
	// QueueIssue sends a draft to every confirmed subscriber, through the
	// queue; it returns how many messages were queued.
	QueueIssue(ctx context.Context, number int) (int, error)
	CountQueue(ctx context.Context, issueID int64) (map[DeliveryState]int, error)
	// PublishedSince lists the published records of the types that
	// appeared after a moment, for the proposal of the next issue.
	PublishedSince(ctx context.Context, since time.Time, types []RecordType, limit int) ([]Hit, error)
}
