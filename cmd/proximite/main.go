// Command proximite runs the registry of proximity cooperation: the web
// site and API (serve), and the maintenance commands (migrate, demo,
// backup, restore, version).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/proximite/proximite"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	m := NewMain()
	if err := m.Run(ctx, os.Args[1:]); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(m.Stderr, "proximite:", proximite.ErrorMessage(err))
			if proximite.ErrorCode(err) == proximite.EINTERNAL {
				fmt.Fprintln(m.Stderr, "detail:", err)
			}
		}
		os.Exit(1)
	}
}

const usage = `Usage: proximite COMMAND [flags]

Commands:
  serve             serve the web site and the API (migrates the database and,
                    on a fresh one, loads the demonstration registry)
  migrate           bring the database schema up to date
  demo              load the demonstration registry (again: it is idempotent)
  demo -synthetic N add a synthetic registry of N projects, for benchmarks
  import iati|csv FILE|DIR…  import IATI activity files or a CSV file
  export iati|csv|json|geojson [filters]  write the matching records to stdout
  user add EMAIL --name NAME --role admin|coordinator|editor [--org SLUG] [--lang fr|en]
                    create an account and send it an invitation (one-time link)
  token create EMAIL [--name NAME]  print a personal access token for the API
  bulletin send     send the bulletin's queue (what serve sends in the background)
                    and exit; a later run resumes an interrupted one
  twins load FILE   load the known twinnings (twin_cities.csv, Wikipedia
                    contributors, CC BY-SA) as a reference layer, replacing it
  rates load FILE   load the yearly rates to Canadian dollars (CSV: year,currency,rate_to_cad)
  backup FILE       write a consistent copy of a SQLite registry to FILE
  restore FILE      replace the SQLite registry with the backup FILE
  version           print the version

Configuration (flags override the environment):
  -database, PROXIMITE_DATABASE  sqlite:FILE (default sqlite:proximite.db) or postgres://…
  -addr,     PROXIMITE_ADDR      address to serve on (default 127.0.0.1:8080)
  PROXIMITE_BASE_URL   the site's public address, for links in e-mail (default http://ADDR)
  PROXIMITE_SMTP_URL   smtp://user:password@host:port; without it mail goes to the outbox
  PROXIMITE_OUTBOX     folder of the outbox (default ./outbox)
  PROXIMITE_MAIL_FROM  sender of the messages (default Proximité <registre@localhost>)
  PROXIMITE_BULLETIN_RATE  bulletin messages per second (default 10; 0 for no limit)
  PROXIMITE_IATI_ORG_REF   IATI reference of the network reporting the IATI export
  PROXIMITE_IATI_ORG_NAME  its name (default «Réseau Proximité»)
`

// Config is the program's configuration, read once from the environment
// and the flags and passed explicitly.
type Config struct {
	Database string
	Addr     string
	// BaseURL is the site's public address, for links sent by e-mail.
	BaseURL string
	// SMTPURL names the mail server; empty, mail goes to Outbox.
	SMTPURL  string
	Outbox   string
	MailFrom string
	// BulletinRate is the bulletin's messages per second, as written in
	// PROXIMITE_BULLETIN_RATE; empty for the default (bulletinRate).
	BulletinRate string
	// IATIOrgRef and IATIOrgName name the network as the reporting
	// organisation of the IATI export; empty, the export's defaults.
	IATIOrgRef  string
	IATIOrgName string
}

// DefaultConfig reads the environment.
func DefaultConfig() Config {
	c := Config{Database: "sqlite:proximite.db", Addr: "127.0.0.1:8080"}
	if v := os.Getenv("PROXIMITE_DATABASE"); v != "" {
		c.Database = v
	}
	if v := os.Getenv("PROXIMITE_ADDR"); v != "" {
		c.Addr = v
	}
	c.BaseURL = os.Getenv("PROXIMITE_BASE_URL")
	if c.BaseURL == "" {
		c.BaseURL = "http://" + c.Addr
	}
	c.SMTPURL = os.Getenv("PROXIMITE_SMTP_URL")
	c.BulletinRate = os.Getenv("PROXIMITE_BULLETIN_RATE")
	c.Outbox = os.Getenv("PROXIMITE_OUTBOX")
	if c.Outbox == "" {
		c.Outbox = "outbox"
	}
	c.IATIOrgRef = os.Getenv("PROXIMITE_IATI_ORG_REF")
	c.IATIOrgName = os.Getenv("PROXIMITE_IATI_ORG_NAME")
	c.MailFrom = os.Getenv("PROXIMITE_MAIL_FROM")
	if c.MailFrom == "" {
		c.MailFrom = "Proximité <registre@localhost>"
	}
	return c
}

// Main is the program, reused by the end-to-end tests, which run it on a
// temp database and port ":0".
type Main struct {
	Config Config
	Stdout io.Writer
	Stderr io.Writer
	Logger *slog.Logger
}

// NewMain returns a program configured from the environment.
func NewMain() *Main {
	return &Main{Config: DefaultConfig(), Stdout: os.Stdout, Stderr: os.Stderr,
		Logger: slog.New(slog.NewTextHandler(os.Stderr, nil))}
}

// Run runs one command with its arguments.
func (m *Main) Run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(m.Stderr, usage)
		return proximite.Errorf(proximite.EINVALID, "no command given")
	}
	cmd, args := args[0], args[1:]
	switch cmd {
	case "serve":
		return m.runServe(ctx, args)
	case "migrate":
		return m.runMigrate(ctx, args)
	case "demo":
		return m.runDemo(ctx, args)
	case "import":
		return m.runImport(ctx, args)
	case "export":
		return m.runExport(ctx, args)
	case "user":
		return m.runUser(ctx, args)
	case "token":
		return m.runToken(ctx, args)
	case "remind":
		return m.runRemind(ctx, args)
	case "bulletin":
		return m.runBulletin(ctx, args)
	case "twins":
		return m.runTwins(ctx, args)
	case "rates":
		return m.runRates(ctx, args)
	case "backup":
		return m.runBackup(ctx, args)
	case "restore":
		return m.runRestore(ctx, args)
	case "version":
		fmt.Fprintln(m.Stdout, "proximite", Version())
		return nil
	case "help", "-h", "-help", "--help":
		fmt.Fprint(m.Stdout, usage)
		return nil
	}
	fmt.Fprint(m.Stderr, usage)
	return proximite.Errorf(proximite.EINVALID, "unknown command %q", cmd)
}

// flags returns a flag set with the shared configuration flags.
func (m *Main) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	fs.StringVar(&m.Config.Database, "database", m.Config.Database, "sqlite:FILE or postgres://…")
	fs.StringVar(&m.Config.Addr, "addr", m.Config.Addr, "address to serve on")
	return fs
}
