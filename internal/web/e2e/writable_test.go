package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// writableSite is the program on a database of the test's own, for the
// journeys that write: built, given the demonstration registry, with its
// command line at hand for accounts and data, then served.
type writableSite struct {
	t        *testing.T
	dir, bin string
	// env is added to the program's environment, after the defaults (an
	// outbox folder and the base URL http://registre.test).
	env []string
}

// newWritableSite builds the program and loads the demonstration
// registry into a fresh database.
func newWritableSite(t *testing.T, env ...string) *writableSite {
	t.Helper()
	needSite(t)
	dir := t.TempDir()
	bin, err := buildProgram(dir)
	if err != nil {
		t.Fatal(err)
	}
	s := &writableSite{t: t, dir: dir, bin: bin, env: env}
	s.cli("demo")
	return s
}

// cli runs a command of the program on the site's database and returns
// what it printed.
func (s *writableSite) cli(args ...string) string {
	s.t.Helper()
	cmd := exec.Command(s.bin, append(args, "-database", "sqlite:"+filepath.Join(s.dir, "e2e.db"))...)
	cmd.Env = append(os.Environ(), "PROXIMITE_OUTBOX="+filepath.Join(s.dir, "outbox"), "PROXIMITE_BASE_URL=http://registre.test")
	cmd.Env = append(cmd.Env, s.env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		s.t.Fatalf("proximite %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// invitationLink finds the path of an invitation link in what the program
// printed or mailed.
var invitationLink = regexp.MustCompile(`http://registre\.test(/compte/invitation\?jeton=\S+)`)

// invite adds an account ("user add" with args) and returns the path of
// the invitation link the command printed.
func (s *writableSite) invite(args ...string) string {
	s.t.Helper()
	out := s.cli(append([]string{"user", "add"}, args...)...)
	m := invitationLink.FindStringSubmatch(out)
	if m == nil {
		s.t.Fatalf("no invitation link printed by user add %s:\n%s", strings.Join(args, " "), out)
	}
	return m[1]
}

// serve starts the program, stopped when the test ends, and returns a
// journey on it.
func (s *writableSite) serve() *journey {
	s.t.Helper()
	p, err := startProgram(s.bin, s.dir, s.env...)
	if err != nil {
		s.t.Fatal(err)
	}
	s.t.Cleanup(func() {
		if err := p.stop(); err != nil {
			s.t.Error(err)
		}
	})
	return &journey{t: s.t, base: p.url, axe: loadAxe(s.t), shots: os.Getenv("PROXIMITE_SCREENSHOTS")}
}

// journeyPassword is the password every account of the journeys chooses.
const journeyPassword = "Une phrase de passe assez longue"

// acceptInvitation follows an invitation link, chooses the password and
// lands in the workspace.
func (p *person) acceptInvitation(link string) {
	p.t.Helper()
	p.at(link, 200)
	p.fill("//input[@name='password']", journeyPassword)
	p.fill("//input[@name='confirm']", journeyPassword)
	p.submit("choose the password", "//main//form//button[@type='submit']", "/fr/mon-espace")
}
