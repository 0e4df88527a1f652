package sqlstore_test

import (
	"context"
	"net/url"
	"testing"

	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// A store opened for a bulk load lets PostgreSQL commit without waiting
// for the disk; others wait as usual, and an address that says otherwise
// is obeyed.
func TestAsyncCommitOption(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		inAddress string // synchronous_commit in the address, if any
		o         sqlstore.Options
		want      string
	}{
		{"", sqlstore.Options{}, "on"},
		{"", sqlstore.Options{AsyncCommit: true}, "off"},
		{"local", sqlstore.Options{AsyncCommit: true}, "local"},
	} {
		u, err := url.Parse(sqltest.DSN(t, "postgres"))
		if err != nil {
			t.Fatal(err)
		}
		if c.inAddress != "" {
			q := u.Query()
			q.Set("synchronous_commit", c.inAddress)
			u.RawQuery = q.Encode()
		}
		db := sqltest.OpenDSNWith(t, u.String(), c.o)
		got, err := db.Setting(ctx, "synchronous_commit")
		if err != nil {
			t.Fatal(err)
		}
		if got != c.want {
			t.Errorf("address %q, %+v: synchronous_commit = %s, want %s", c.inAddress, c.o, got, c.want)
		}
	}
}
