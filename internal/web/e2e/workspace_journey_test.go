package e2e

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// The delegation the journey records.
const delegation = "Délégation de Buckingham à Nioro du Rip, 2025"

// member is an account made with the command line before the server
// starts, and the invitation link it printed.
type member struct {
	email, name, role, org string
	link                   string // path and query of the invitation
}

// An editor of Buckingham signs in, records a new delegation to Nioro du
// Rip and submits it; a coordinator publishes it; an editor of Nioro du
// Rip confirms it; a visitor sees it with the badge; its history shows
// the three steps. The journey writes, so it runs its own program on its
// own database rather than the shared, read-only one.
func TestWorkspaceJourney(t *testing.T) {
	t.Parallel()
	needSite(t)
	dir := t.TempDir()
	bin, err := buildProgram(dir)
	if err != nil {
		t.Fatal(err)
	}
	dsn := "sqlite:" + filepath.Join(dir, "e2e.db")
	cli := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(bin, append(args, "-database", dsn)...)
		cmd.Env = append(os.Environ(), "PROXIMITE_OUTBOX="+filepath.Join(dir, "outbox"), "PROXIMITE_BASE_URL=http://registre.test")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("proximite %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	cli("demo")
	invitation := regexp.MustCompile(`http://registre\.test(/compte/invitation\?jeton=\S+)`)
	people := map[string]*member{
		"editor":      {email: "relations@buckingham.test", name: "Relations internationales", role: "editor", org: "buckingham"},
		"coordinator": {email: "coordination@rosi.test", name: "Coordination ROSI", role: "coordinator"},
		"partner":     {email: "mairie@nioro.test", name: "Mairie de Nioro du Rip", role: "editor", org: "nioro-du-rip"},
	}
	for _, m := range people {
		args := []string{"user", "add", m.email, "--name", m.name, "--role", m.role}
		if m.org != "" {
			args = append(args, "--org", m.org)
		}
		match := invitation.FindStringSubmatch(cli(args...))
		if match == nil {
			t.Fatalf("no invitation link printed for %s", m.email)
		}
		m.link = match[1]
	}
	p, err := startProgram(bin, dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := p.stop(); err != nil {
			t.Error(err)
		}
	})
	axe := loadAxe(t)
	shots := os.Getenv("PROXIMITE_SCREENSHOTS")
	j := &journey{t: t, base: p.url, axe: axe, shots: shots}

	// The editor of Buckingham follows the invitation, chooses a password,
	// signs out and signs in again.
	ed := j.tab("editor", desktop)
	ed.at(people["editor"].link, 200)
	ed.look("invitation")
	const password = "Une phrase de passe assez longue"
	ed.fill("//input[@name='password']", password)
	ed.fill("//input[@name='confirm']", password)
	ed.submit("choose the password", "//main//form//button[@type='submit']", "/fr/mon-espace")
	ed.wantText("//p[@role='status']", "mot de passe est enregistré")
	ed.submit("sign out", "//form[contains(@class,'ws-signout')]//button[not(@name)]", "/fr/connexion")
	ed.look("signin")
	ed.fill("//input[@name='email']", people["editor"].email)
	ed.fill("//input[@name='password']", password)
	ed.submit("sign in", "//main//form//button[@type='submit']", "/fr/mon-espace")
	ed.look("workspace")

	// It records a new delegation with the visit form, and submits it.
	ed.submit("open the visit form", linkNamed("Enregistrer une nouvelle mission"), "/fr/missions/nouvelle")
	ed.fill("//input[@name='title.fr']", delegation)
	ed.choose("//select[@name='direction']", "north_south")
	ed.fill("//input[@name='start']", "2025-05")
	ed.fill("//input[@name='from']", "buckingham")
	ed.fill("//input[@name='to']", "nioro-du-rip")
	ed.choose("//select[@name='people[0].kind']", "elected")
	ed.fill("//input[@name='people[0].count']", "3")
	ed.click("save the delegation", "//main//form//button[@name='save' and not(@aria-hidden)]")
	ed.at("/fr/mon-espace", 200)
	card := `//li[contains(@class,'ws-item')][.//h3[normalize-space()=` + lit(delegation) + `]]`
	ed.wantText(card+"//*[contains(@class,'state')]", "brouillon")
	history := ed.attr(card+"//a[normalize-space()='Historique']", "href")
	public := strings.TrimSuffix(history, "/historique")
	ed.submit("submit it", card+"//button[normalize-space()='Soumettre pour publication']", "/fr/mon-espace")
	ed.wantText("//p[@role='status']", "soumise")
	ed.wantText(card+"//*[contains(@class,'state')]", "soumise")

	// A coordinator finds it in the queue and publishes it.
	co := j.tab("coordinator", phone)
	co.at(people["coordinator"].link, 200)
	co.fill("//input[@name='password']", password)
	co.fill("//input[@name='confirm']", password)
	co.submit("choose the password", "//main//form//button[@type='submit']", "/fr/mon-espace")
	co.at("/fr/mon-espace/comptes", 200)
	co.wantText("//main", "relations@buckingham.test")
	co.look("accounts")
	co.at("/fr/mon-espace/a-publier", 200)
	co.look("queue")
	co.submit("publish it", card+"//button[normalize-space()='Publier']", "/fr/mon-espace")
	co.wantText("//p[@role='status']", "publiée")

	// The editor of Nioro du Rip confirms it as the partner.
	pa := j.tab("partner", desktop)
	pa.at(people["partner"].link, 200)
	pa.fill("//input[@name='password']", password)
	pa.fill("//input[@name='confirm']", password)
	pa.submit("choose the password", "//main//form//button[@type='submit']", "/fr/mon-espace")
	pa.submit("confirm it", card+"//button[normalize-space()='Confirmer en tant que partenaire']", "/fr/mon-espace")
	pa.wantText("//p[@role='status']", "confirmée par le partenaire")

	// A visitor sees it with the badge.
	vi := j.tab("visitor", desktop)
	vi.at(public, 200)
	vi.wantText("//h1", delegation)
	vi.wantText("//*[contains(@class,'badge-confirmed')]", "partenaire")

	// Its history shows the three steps, newest first, with who took each.
	co.at(history, 200)
	co.look("history")
	var steps []string
	for _, entry := range []string{"1", "2", "3", "4"} {
		sel := "//ol[@class='history']/li[" + entry + "]"
		steps = append(steps, co.text(sel+"//*[@class='history-action']")+" · "+co.text(sel+"//*[@class='history-actor']"))
	}
	want := []string{
		"Modification · par " + people["partner"].email,
		"Changement d'état · par " + people["coordinator"].email,
		"Changement d'état · par " + people["editor"].email,
		"Création · par " + people["editor"].email,
	}
	if strings.Join(steps, "\n") != strings.Join(want, "\n") {
		t.Errorf("history:\n%s\nwant:\n%s", strings.Join(steps, "\n"), strings.Join(want, "\n"))
	}
	co.wantText("//ol[@class='history']/li[1]//table", "Confirmée par le partenaire")
	co.wantText("//ol[@class='history']/li[2]//table", "publiée")
}

// journey holds what the tabs of one journey share.
type journey struct {
	t          *testing.T
	base       string
	axe, shots string
}

// person is one tab of the journey, bound to its program.
type person struct {
	*tab
	j    *journey
	name string
	vp   viewport
}

func (j *journey) tab(name string, vp viewport) *person {
	tb := newTab(j.t, visitor{viewport: vp, lang: "fr-FR,fr;q=0.9"})
	if j.axe != "" {
		tb.do("load axe-core into every page", addScript(j.axe))
	}
	return &person{tab: tb, j: j, name: name, vp: vp}
}

// at opens a path of the journey's program.
func (p *person) at(path string, status int) {
	p.t.Helper()
	resp := get(p.tab, "open "+path, chromedp.NavigateResponse(p.j.base+path))
	if resp.Status != int64(status) {
		p.t.Fatalf("%s opens %s: status %d, want %d", p.name, path, resp.Status, status)
	}
}

func (p *person) fill(sel, value string) {
	p.t.Helper()
	p.do("fill "+sel, chromedp.WaitVisible(sel), chromedp.SetValue(sel, value))
}

func (p *person) choose(sel, value string) {
	p.t.Helper()
	p.do("choose "+value+" in "+sel, chromedp.WaitVisible(sel), chromedp.SetValue(sel, value))
}

// click presses a button or link whose page may answer anything.
func (p *person) click(what, sel string) {
	p.t.Helper()
	p.step(what, func(ctx context.Context) error {
		_, err := chromedp.RunResponse(ctx, chromedp.WaitVisible(sel), chromedp.Click(sel))
		return err
	})
}

// submit presses a button or link and wants to land, with a 200, on a
// page whose path starts with where.
func (p *person) submit(what, sel, where string) {
	p.t.Helper()
	p.follow(what, chromedp.WaitVisible(sel), chromedp.Click(sel))
	if got := p.location().Path; !strings.HasPrefix(got, where) {
		p.t.Fatalf("%s: %s landed on %s, want %s", what, p.name, got, where)
	}
}

func (p *person) wantText(sel, want string) {
	p.t.Helper()
	// Compared without case: CSS may capitalise what the page writes.
	if got := p.text(sel); !strings.Contains(strings.ToLower(got), strings.ToLower(want)) {
		p.t.Errorf("%s sees %q at %s, want it to contain %q", p.name, got, sel, want)
	}
}

func (p *person) attr(sel, name string) string {
	p.t.Helper()
	v := get(p.tab, "read "+name+" of "+sel, chromedp.AttributeValue(sel, name))
	if !v.Exists {
		p.t.Fatalf("%s has no %s", sel, name)
	}
	return v.Value
}

// look checks the page's accessibility and, when asked, saves its
// screenshot as workspace-NAME-VIEWPORT.png.
func (p *person) look(name string) {
	p.t.Helper()
	checkLayout(p.tab, p.vp)
	if p.j.axe != "" {
		checkAccessibility(p.tab)
	}
	if p.j.shots != "" {
		if err := os.MkdirAll(p.j.shots, 0o755); err != nil {
			p.t.Fatal(err)
		}
		png := get(p.tab, "take a screenshot", chromedp.FullScreenshot(100))
		if err := os.WriteFile(filepath.Join(p.j.shots, "workspace-"+name+"-"+p.vp.name+".png"), png, 0o644); err != nil {
			p.t.Fatal(err)
		}
	}
}
