package proximite

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/proximite/proximite/internal/codelist"
)

// PostKind says whether a post of the partner board seeks a partner or
// offers to be one.
type PostKind string

// The two sides of the board: a seek is matched with offers, and the
// other way round.
const (
	Seek  PostKind = "seek"
	Offer PostKind = "offer"
)

// Valid reports whether k is a known kind of post.
func (k PostKind) Valid() bool { return k == Seek || k == Offer }

// Other returns the kind of post that answers k.
func (k PostKind) Other() PostKind {
	if k == Seek {
		return Offer
	}
	return Seek
}

// PartnerPost is what an organisation says on the partner board: the
// partner it seeks, or the partnership it offers. The seed's small
// organisations "do not know where to start"; a post says where, and the
// board answers with who fits. The criteria describe the partner wanted,
// and every one may be left open: an empty list accepts anything.
//
// Posts are not records of the registry: they are announcements that
// expire, kept in their own table, audited like records under type
// "partner_post".
type PartnerPost struct {
	ID int64 `json:"id,omitempty"`
	// Org is the slug of the organisation that posts; its editors and the
	// coordinators write the post.
	Org  string   `json:"org"`
	Kind PostKind `json:"kind"`
	// Sectors are DAC 3-digit sector categories ("140" water).
	Sectors []string `json:"sectors,omitempty"`
	// Countries are ISO codes where the partner should be; Region names
	// a smaller or larger area in words ("Outaouais", "Afrique de
	// l'Ouest").
	Countries []string `json:"countries,omitempty"`
	Region    string   `json:"region,omitempty"`
	// PartnerKinds are the kinds of organisation wanted.
	PartnerKinds []OrgKind `json:"partner_kinds,omitempty"`
	// Languages are the languages of work (fr, en, bm, wo…).
	Languages []string `json:"languages,omitempty"`
	// PopMin and PopMax bound the population of the partner's community;
	// zero leaves a side open.
	PopMin int `json:"pop_min,omitempty"`
	PopMax int `json:"pop_max,omitempty"`
	// Text says the rest, per language.
	Text Text `json:"text"`
	// Expires is the last day the post is listed (YYYY-MM-DD).
	Expires Date `json:"expires"`
	// Closed is set when the organisation found its partner or gave up.
	Closed    bool      `json:"closed,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// TypePartnerPost names posts in the audit log.
const TypePartnerPost RecordType = "partner_post"

// AuditSlug is the name of the post in the audit log, which keeps one per
// entry: posts have numbers, not slugs.
func (p *PartnerPost) AuditSlug() string { return "post-" + strconv.FormatInt(p.ID, 10) }

// Open reports whether the post is listed on day: not closed and not
// past its expiry date.
func (p *PartnerPost) Open(day time.Time) bool {
	return !p.Closed && string(p.Expires) >= day.Format("2006-01-02")
}

// MaxPostTerm bounds how far ahead a post may expire, so the board does
// not fill with forgotten posts.
const MaxPostTerm = 366 * 24 * time.Hour

// Validate checks the post; today is the day it is written, which the
// expiry must not precede (an edit of an expired post may keep its date
// only by closing it).
func (p *PartnerPost) Validate(today time.Time) error {
	var errs ValidationErrors
	if !slugRE.MatchString(p.Org) {
		errs.Add("org", "is required: the organisation that posts")
	}
	if !p.Kind.Valid() {
		errs.Add("kind", "must be seek or offer, got %q", p.Kind)
	}
	for i, s := range p.Sectors {
		if !validSectorCategory(s) {
			errs.Add(fmt.Sprintf("sectors[%d]", i), "unknown DAC sector category %q", s)
		}
	}
	for i, c := range p.Countries {
		if !validCountry(c) {
			errs.Add(fmt.Sprintf("countries[%d]", i), "unknown country code %q", c)
		}
	}
	if len(p.Region) > 200 {
		errs.Add("region", "is longer than 200 characters")
	}
	for i, k := range p.PartnerKinds {
		if !k.Valid() {
			errs.Add(fmt.Sprintf("partner_kinds[%d]", i), "unknown kind of organisation %q", k)
		}
	}
	for i, l := range p.Languages {
		if !langTag.MatchString(l) {
			errs.Add(fmt.Sprintf("languages[%d]", i), "unknown language code %q", l)
		}
	}
	if p.PopMin < 0 {
		errs.Add("pop_min", "cannot be negative")
	}
	if p.PopMax < 0 {
		errs.Add("pop_max", "cannot be negative")
	} else if p.PopMax > 0 && p.PopMax < p.PopMin {
		errs.Add("pop_max", "is below the minimum %d", p.PopMin)
	}
	if p.Text.IsZero() {
		errs.Add("text", "is required in at least one language")
	}
	p.Text.validate("text", &errs)
	for l, v := range p.Text {
		if len(v) > 4000 {
			errs.Add("text", "is longer than 4000 characters in %s", l)
		}
	}
	day := today.Format("2006-01-02")
	if len(p.Expires) != 10 || !p.Expires.Valid() {
		errs.Add("expires", "must be a day such as 2031-06-30, got %q", p.Expires)
	} else if !p.Closed && string(p.Expires) < day {
		errs.Add("expires", "is in the past (%s)", p.Expires)
	} else if string(p.Expires) > today.Add(MaxPostTerm).Format("2006-01-02") {
		errs.Add("expires", "is more than a year ahead")
	}
	return errs.Err()
}

// PostFilter selects posts of the board.
type PostFilter struct {
	Kind    PostKind
	Org     string
	Sector  string
	Country string
	// PartnerKind keeps posts that want this kind of organisation, or
	// any kind.
	PartnerKind OrgKind
	Language    string
	// Open keeps the posts listed on OpenOn (today when zero).
	Open   bool
	OpenOn time.Time
	Limit  int
}

// PartnerPostService keeps the partner board.
type PartnerPostService interface {
	FindPost(ctx context.Context, id int64) (*PartnerPost, error)
	ListPosts(ctx context.Context, f PostFilter) ([]*PartnerPost, error)
	CreatePost(ctx context.Context, p *PartnerPost) error
	UpdatePost(ctx context.Context, p *PartnerPost) error
}

// CanPost decides whether u may write a post in the name of org: its
// editors and the coordinators. Posts are announcements, not records:
// there is no review before they are listed.
func CanPost(u *User, org string) error {
	if u == nil {
		return Errorf(EUNAUTHORIZED, "Connectez-vous pour publier une annonce. / Sign in to post.")
	}
	if u.Role == RoleAdmin || u.Role == RoleCoordinator || (u.Role == RoleEditor && u.Member(org)) {
		return nil
	}
	return Errorf(EFORBIDDEN, "Seuls les membres de l'organisation et la coordination écrivent ses annonces. / Only the organisation's editors and the coordinators write its posts.")
}

// PostGuard is the board as people write to it: every write is checked
// against CanPost for the post as stored and as it will be, so that an
// editor can neither take over another organisation's post nor post in
// its name.
type PostGuard struct {
	PartnerPostService
}

// CreatePost implements PartnerPostService.
func (g PostGuard) CreatePost(ctx context.Context, p *PartnerPost) error {
	if err := CanPost(UserFromContext(ctx), p.Org); err != nil {
		return err
	}
	return g.PartnerPostService.CreatePost(ctx, p)
}

// UpdatePost implements PartnerPostService.
func (g PostGuard) UpdatePost(ctx context.Context, p *PartnerPost) error {
	old, err := g.PartnerPostService.FindPost(ctx, p.ID)
	if err != nil {
		return err
	}
	u := UserFromContext(ctx)
	if err := CanPost(u, old.Org); err != nil {
		return err
	}
	if err := CanPost(u, p.Org); err != nil {
		return err
	}
	return g.PartnerPostService.UpdatePost(ctx, p)
}

func validSectorCategory(c string) bool { return codelist.SectorCategory.Valid(c) }
