// Command gen writes codelists_gen.go, the Go form of the IATI codelists that
// package codelist serves at run time. It is run by go generate in
// internal/codelist; the work itself is done by package codegen, which the
// tests also run to check that the committed file is up to date.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/proximite/proximite/internal/codelist/internal/codegen"
)

func main() {
	src := flag.String("src", "../../../shared/iati/codelists/csv", "folder holding the IATI codelist CSVs")
	out := flag.String("out", "codelists_gen.go", "Go file to write")
	flag.Parse()
	code, err := codegen.Generate(*src)
	if err == nil {
		err = os.WriteFile(*out, code, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "codelist gen:", err)
		os.Exit(1)
	}
}
