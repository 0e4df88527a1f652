package sqlstore_test

import (
	"context"
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
	"github.com/proximite/proximite/internal/twins"
)

// boardOrgs stores two organisations and a partnership between them.
func boardOrgs(t *testing.T, ctx context.Context, db *sqlstore.DB) {
	t.Helper()
	for _, o := range []*proximite.Organisation{
		{Meta: proximite.Meta{Slug: "sainte-elisabeth", State: proximite.Published}, Name: proximite.T("fr", "Sainte-Élisabeth"),
			Kind: proximite.Municipality, Country: "CA", Population: 1500},
		{Meta: proximite.Meta{Slug: "benkadi", State: proximite.Published}, Name: proximite.T("fr", "Benkadi"),
			Kind: proximite.CommunityGroup, Country: "ML"},
	} {
		if err := db.CreateOrganisation(ctx, o); err != nil {
			t.Fatal(err)
		}
	}
	p := &proximite.Partnership{Meta: proximite.Meta{Slug: "se-sanankoroba", State: proximite.Published},
		Title: proximite.T("fr", "Sainte-Élisabeth – Sanankoroba"), Kind: "cooperation_twinning",
		Parties: []proximite.Party{{Org: "sainte-elisabeth", Side: proximite.North}, {Org: "benkadi", Side: proximite.South}}}
	if err := db.CreatePartnership(ctx, p); err != nil {
		t.Fatal(err)
	}
}

func TestPartnerPosts(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		today := time.Date(2031, 3, 1, 12, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { return today }
		boardOrgs(t, ctx, db)
		editor := &proximite.User{ID: 0, Email: "ed@example.org", Name: "Ed", Role: proximite.RoleEditor, Orgs: []string{"sainte-elisabeth"}}
		as := proximite.NewContextWithUser(ctx, editor)

		seek := &proximite.PartnerPost{Org: "sainte-elisabeth", Kind: proximite.Seek, Sectors: []string{"140"},
			Countries: []string{"ML"}, PartnerKinds: []proximite.OrgKind{proximite.CommunityGroup}, Languages: []string{"fr"},
			PopMin: 500, Text: proximite.T("fr", "Nous cherchons un village", "en", "We seek a village"), Expires: "2031-06-30"}
		if err := db.CreatePost(as, seek); err != nil {
			t.Fatal(err)
		}
		offer := &proximite.PartnerPost{Org: "benkadi", Kind: proximite.Offer, Sectors: []string{"140"},
			Text: proximite.T("fr", "Nous offrons"), Expires: "2031-03-01"}
		if err := db.CreatePost(ctx, offer); err != nil {
			t.Fatal(err)
		}
		got, err := db.FindPost(ctx, seek.ID)
		if err != nil || got.Sectors[0] != "140" || got.Text["en"] != "We seek a village" || got.PopMin != 500 {
			t.Fatalf("FindPost = %+v, %v", got, err)
		}

		bad := *seek
		bad.Expires, bad.Org = "2030-01-01", "nobody"
		if err := db.CreatePost(ctx, &bad); proximite.ErrorCode(err) != proximite.EINVALID {
			t.Errorf("past expiry: %v, want EINVALID", err)
		}
		bad.Expires = "2031-04-01"
		if err := db.CreatePost(ctx, &bad); proximite.ErrorCode(err) != proximite.EINVALID {
			t.Errorf("unknown organisation: %v, want EINVALID", err)
		}

		ids := func(f proximite.PostFilter) []int64 {
			t.Helper()
			list, err := db.ListPosts(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			var out []int64
			for _, p := range list {
				out = append(out, p.ID)
			}
			return out
		}
		if got := ids(proximite.PostFilter{Open: true}); len(got) != 2 || got[0] != offer.ID {
			t.Errorf("open posts = %v, want both, newest first", got)
		}
		if got := ids(proximite.PostFilter{Open: true, OpenOn: today.AddDate(0, 0, 1)}); len(got) != 1 || got[0] != seek.ID {
			t.Errorf("open the next day = %v, want the seek only (the offer expired)", got)
		}
		if got := ids(proximite.PostFilter{Kind: proximite.Seek, Country: "ML", Sector: "140"}); len(got) != 1 || got[0] != seek.ID {
			t.Errorf("seeks in ML/140 = %v", got)
		}
		if got := ids(proximite.PostFilter{Country: "SN"}); len(got) != 1 || got[0] != offer.ID {
			t.Errorf("posts open to SN = %v, want the offer, which names no country", got)
		}

		seek.Closed = true
		if err := db.UpdatePost(as, seek); err != nil {
			t.Fatal(err)
		}
		if got := ids(proximite.PostFilter{Open: true, Kind: proximite.Seek}); len(got) != 0 {
			t.Errorf("closed post still open: %v", got)
		}
		hist, err := db.History(ctx, proximite.TypePartnerPost, seek.ID)
		if err != nil || len(hist) != 2 || hist[1].Actor != "ed@example.org" || hist[1].Action != proximite.AuditUpdate {
			t.Fatalf("history = %+v, %v", hist, err)
		}
		if err := db.UpdatePost(ctx, &proximite.PartnerPost{ID: 999, Org: "benkadi", Kind: proximite.Offer,
			Text: proximite.T("fr", "x"), Expires: "2031-04-01"}); proximite.ErrorCode(err) != proximite.ENOTFOUND {
			t.Errorf("update of a missing post: %v", err)
		}
	})
}

func TestChecklist(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		boardOrgs(t, ctx, db)
		crit, err := db.Criteria(ctx, false)
		if err != nil {
			t.Fatal(err)
		}
		if len(crit) != 6 || crit[0].Text["fr"] != "La cohésion sociale au sein du village" ||
			crit[4].Text["fr"] != "Une population de plus de 500 habitants" || crit[5].Text["en"] == "" {
			t.Fatalf("default checklist = %+v", crit)
		}
		// A coordinator adds one, and retires the fifth.
		added := &proximite.Criterion{Text: proximite.T("fr", "Accès à l'eau", "en", "Access to water")}
		if err := db.SaveCriterion(ctx, added); err != nil {
			t.Fatal(err)
		}
		if added.ID != 7 || added.Position != 7 {
			t.Errorf("added criterion %d at %d, want 7 at 7", added.ID, added.Position)
		}
		if err := db.SaveCriterion(ctx, &proximite.Criterion{}); proximite.ErrorCode(err) != proximite.EINVALID {
			t.Errorf("empty criterion: %v", err)
		}

		a := &proximite.Assessment{Partnership: "se-sanankoroba", Candidate: "benkadi", Note: "ok",
			Answers: []proximite.Answer{{Criterion: crit[4].ID, Verdict: proximite.VerdictMet, Note: "1 800 habitants"},
				{Criterion: crit[0].ID, Verdict: proximite.VerdictUnknown}}}
		coord := &proximite.User{ID: 0, Email: "co@example.org", Name: "Coord", Role: proximite.RoleCoordinator}
		if err := db.CreateAssessment(proximite.NewContextWithUser(ctx, coord), a); err != nil {
			t.Fatal(err)
		}
		retired := *crit[4]
		retired.Retired = true
		retired.Text = proximite.T("fr", "Reformulé")
		if err := db.SaveCriterion(ctx, &retired); err != nil {
			t.Fatal(err)
		}
		if now, _ := db.Criteria(ctx, false); len(now) != 6 {
			t.Errorf("after retiring one and adding one: %d criteria asked, want 6", len(now))
		}
		if all, _ := db.Criteria(ctx, true); len(all) != 7 || !all[4].Retired {
			t.Errorf("with retired: %+v", all)
		}
		list, err := db.Assessments(ctx, "se-sanankoroba")
		if err != nil || len(list) != 1 {
			t.Fatalf("assessments = %v, %v", list, err)
		}
		got := list[0]
		if got.Answers[0].Text["fr"] != "Une population de plus de 500 habitants" || got.Answers[0].Verdict != proximite.VerdictMet ||
			got.By != "Coord <co@example.org>" || got.At.IsZero() {
			b, _ := json.Marshal(got)
			t.Errorf("stored assessment keeps the old wording and its author: %s", b)
		}
		bad := &proximite.Assessment{Partnership: "se-sanankoroba", Candidate: "benkadi",
			Answers: []proximite.Answer{{Criterion: 99, Verdict: proximite.VerdictMet}}}
		if err := db.CreateAssessment(ctx, bad); proximite.ErrorCode(err) != proximite.EINVALID {
			t.Errorf("unknown criterion: %v", err)
		}
		bad = &proximite.Assessment{Partnership: "nowhere", Candidate: "benkadi",
			Answers: []proximite.Answer{{Criterion: 1, Verdict: "perhaps"}}}
		if err := db.CreateAssessment(ctx, bad); proximite.ErrorCode(err) != proximite.EINVALID {
			t.Errorf("bad verdict: %v", err)
		}
		if n, _ := db.Assessments(ctx, "se-sanankoroba"); len(n) != 1 {
			t.Errorf("a refused assessment was stored: %d", len(n))
		}
	})
}

// TestTwinsLoad loads the real list twice: the same rows, and the
// lookups of a town from either side of the file.
func TestTwinsLoad(t *testing.T) {
	f, err := os.Open("../../../shared/twinning/twin_cities.csv")
	if err != nil {
		t.Skip("../shared/twinning/twin_cities.csv is absent:", err)
	}
	rows, problems, err := twins.Read(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 25000 || len(problems) > 200 {
		t.Fatalf("%d rows, %d problems", len(rows), len(problems))
	}
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		for range 2 {
			if err := db.ReplaceTwins(ctx, rows); err != nil {
				t.Fatal(err)
			}
			if n, err := db.CountTwins(ctx); err != nil || n != len(rows) {
				t.Fatalf("count = %d, %v; want %d", n, err, len(rows))
			}
		}
		got, err := db.TwinsOf(ctx, "GATINEAU", "CA")
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, tw := range got {
			found = found || (tw.City == "Edmonton" && tw.Country == "CA")
		}
		if !found {
			t.Errorf("Gatineau's twins = %+v, want Edmonton (from the other side of the file)", got)
		}
	})
}
