package sqlstore

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"testing"
)

func openSQLite(t *testing.T) *DB {
	t.Helper()
	ctx := context.Background()
	d, err := Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	if err := d.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return d
}

// SQLite's writes all run on one connection, whatever the pool holds
// meanwhile: a temporary table, which only its connection sees, made in
// one write is there in the next, though a read took the connection that
// the pool had free in between.
func TestWritesShareOneConnection(t *testing.T) {
	ctx := context.Background()
	d := openSQLite(t)
	if err := d.write(ctx, func(tx *wtx) error {
		return tx.exec(`CREATE TEMP TABLE written_here (x INTEGER)`)
	}); err != nil {
		t.Fatal(err)
	}
	rows, err := d.db.QueryContext(ctx, `SELECT 1 UNION ALL SELECT 2`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	rows.Next() // holds its connection until closed
	if err := d.write(ctx, func(tx *wtx) error {
		var n int
		if err := tx.row(`SELECT count(*) FROM temp.sqlite_master WHERE name = 'written_here'`).Scan(&n); err != nil {
			return err
		}
		if n != 1 {
			t.Error("the second write ran on another connection than the first")
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

// Writes wait for their turn rather than failing on SQLite's lock, and a
// write whose context ends while it waits gives up with the context's
// error.
func TestWritesWaitTheirTurn(t *testing.T) {
	ctx := context.Background()
	d := openSQLite(t)
	if err := d.write(ctx, func(tx *wtx) error {
		return tx.exec(`CREATE TABLE counted (n INTEGER)`)
	}); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for range 16 {
		wg.Go(func() {
			errs <- d.write(ctx, func(tx *wtx) error { return tx.exec(`INSERT INTO counted VALUES (1)`) })
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	var n int
	if err := d.db.QueryRowContext(ctx, `SELECT count(*) FROM counted`).Scan(&n); err != nil || n != 16 {
		t.Fatalf("%d rows written by 16 writes (%v)", n, err)
	}

	holding, release := make(chan struct{}), make(chan struct{})
	done := make(chan error)
	go func() {
		done <- d.write(ctx, func(tx *wtx) error {
			close(holding)
			<-release
			return nil
		})
	}()
	<-holding
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	err := d.write(cancelled, func(tx *wtx) error {
		t.Error("a write ran while another held the turn")
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("waiting write with a cancelled context: %v", err)
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// The page caches are 32 MB unless the options say otherwise: the
// writer's apart from the readers'.
func TestCacheOptions(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		o           Options
		read, write int
	}{
		{Options{}, -32768, -32768},
		{Options{ReadCache: 4 << 20, WriteCache: 8 << 20}, -4096, -8192},
	} {
		d, err := OpenWith(ctx, "sqlite:"+filepath.Join(t.TempDir(), "c.db"), c.o)
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		if err := d.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		var read, write int
		if err := d.db.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&read); err != nil {
			t.Fatal(err)
		}
		if err := d.write(ctx, func(tx *wtx) error { return tx.row(`PRAGMA cache_size`).Scan(&write) }); err != nil {
			t.Fatal(err)
		}
		if read != c.read || write != c.write {
			t.Errorf("%+v: cache_size %d to read, %d to write; want %d and %d", c.o, read, write, c.read, c.write)
		}
	}
}
