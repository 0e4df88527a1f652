package main

import (
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"testing"
)

// TestPackagesStartCheaply runs the initialisation of every package the
// program holds (this test binary's, run again with Go's trace of it)
// and checks that none allocates a megabyte: whatever a package makes
// when the program starts, every command pays, an import of one
// activity as much as the site. The password package once made its
// dummy hash there, 19 MB and a tenth of a second for each command.
func TestPackagesStartCheaply(t *testing.T) {
	if os.Getenv("PROXIMITE_INIT_ONLY") != "" {
		return // the run whose initialisation is traced
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestPackagesStartCheaply$")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1", "PROXIMITE_INIT_ONLY=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	// init PACKAGE @0.5 ms, 0.02 ms clock, 1024 bytes, 9 allocs
	line := regexp.MustCompile(`(?m)^init (\S+) @[^,]+, [^,]+ clock, (\d+) bytes`)
	inits := line.FindAllSubmatch(out, -1)
	if len(inits) < 10 {
		t.Fatalf("the trace shows %d packages' initialisation:\n%s", len(inits), out)
	}
	for _, m := range inits {
		n, _ := strconv.Atoi(string(m[2]))
		if n > 1<<20 {
			t.Errorf("package %s allocates %d bytes as the program starts", m[1], n)
		}
	}
}
