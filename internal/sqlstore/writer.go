package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// writer is the one connection that SQLite's write transactions use.
//
// SQLite has one writer at a time anyway, but when each transaction took
// whichever connection the pool had free, it often took one that had
// not written the transaction before: a connection that finds the file
// changed by another throws its whole page cache away when it begins,
// page by page, and reads the pages again. That cost a bulk import a
// tenth of its CPU in freeing pages alone. One connection that writes
// every time keeps its cache, and compiles each statement it keeps once.
type writer struct {
	pool *sql.DB
	// turn holds one token while a transaction runs: a Conn takes no
	// second transaction while one is open.
	turn    chan struct{}
	conn    *sql.Conn
	cacheKB int // its page cache
	stmts   stmtCache
}

// newWriter takes a connection of pool for writes, with a page cache of
// cacheKB.
func newWriter(ctx context.Context, pool *sql.DB, cacheKB int) (*writer, error) {
	w := &writer{pool: pool, turn: make(chan struct{}, 1), cacheKB: cacheKB}
	if err := w.connect(ctx); err != nil {
		return nil, err
	}
	return w, nil
}

// connect takes the writer's connection from the pool.
func (w *writer) connect(ctx context.Context) error {
	conn, err := w.pool.Conn(ctx)
	if err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = -%d", w.cacheKB)); err != nil {
		conn.Close()
		return err
	}
	w.conn = conn
	return nil
}

// begin waits for the writer's turn and begins a transaction; end must
// follow once the transaction is committed or rolled back.
func (w *writer) begin(ctx context.Context) (*sql.Tx, error) {
	select {
	case w.turn <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	tx, err := w.conn.BeginTx(ctx, nil)
	if errors.Is(err, sql.ErrConnDone) {
		// The connection broke in an earlier transaction: take another.
		w.stmts.close()
		w.conn.Close()
		if err = w.connect(ctx); err == nil {
			tx, err = w.conn.BeginTx(ctx, nil)
		}
	}
	if err != nil {
		<-w.turn
		return nil, err
	}
	return tx, nil
}

// end gives the turn to the next transaction.
func (w *writer) end() { <-w.turn }

// prepared returns a statement compiled once for the writer's connection.
// Run during a transaction, it runs in it: SQLite's transaction is the
// connection's.
func (w *writer) prepared(ctx context.Context, query string) (*sql.Stmt, error) {
	return w.stmts.get(ctx, query, w.conn.PrepareContext)
}

// close releases the statements and gives the connection back to the
// pool.
func (w *writer) close() error {
	w.stmts.close()
	return w.conn.Close()
}
