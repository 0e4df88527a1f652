package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/api"
	"github.com/proximite/proximite/internal/httpcache"
	"github.com/proximite/proximite/internal/mail"
	"github.com/proximite/proximite/internal/password"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/web"
)

// Server is a running web server with its database, as the end-to-end
// tests hold it.
type Server struct {
	DB       *sqlstore.DB
	listener net.Listener
	http     *http.Server
	done     chan error
	once     sync.Once
	closeErr error
	// stopBulletin ends the bulletin's sender, which closes bulletinDone.
	stopBulletin context.CancelFunc
	bulletinDone chan struct{}
}

// URL returns the address the server listens on, as http://host:port.
func (s *Server) URL() string { return "http://" + s.listener.Addr().String() }

// Close stops accepting requests, lets those in flight finish (for up to
// ten seconds), and closes the database. Later calls return the same.
func (s *Server) Close() error {
	s.once.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		err := s.http.Shutdown(ctx)
		if e := <-s.done; e != nil && !errors.Is(e, http.ErrServerClosed) && err == nil {
			err = e
		}
		// A message being sent is finished and recorded before the
		// database closes.
		s.stopBulletin()
		<-s.bulletinDone
		if e := s.DB.Close(); err == nil {
			err = e
		}
		s.closeErr = err
	})
	return s.closeErr
}

// Open opens the database (migrating it and, when fresh, loading the
// demonstration registry) and starts serving in the background.
func (m *Main) Open(ctx context.Context) (*Server, error) {
	// The hash that failed sign-ins are checked against is made now,
	// beside the start, rather than by the first sign-in, which would
	// then take twice as long as the others.
	go password.Dummy()
	db, fresh, err := m.openDB(ctx)
	if err != nil {
		return nil, err
	}
	if fresh {
		m.Logger.Info("fresh database: loading the demonstration registry")
		if _, err := loadDemo(ctx, db); err != nil {
			db.Close()
			return nil, fmt.Errorf("load demonstration registry: %w", err)
		}
	}
	sender, err := mail.New(m.Config.SMTPURL, m.Config.Outbox, m.Config.MailFrom)
	if err != nil {
		db.Close()
		return nil, proximite.Errorf(proximite.EINVALID, "%v", err)
	}
	pages, err := web.New(db, m.Logger)
	if err != nil {
		db.Close()
		return nil, err
	}
	// The library's files: the store and the site refuse alike what is
	// over the limit.
	upload, err := maxUpload()
	if err != nil {
		db.Close()
		return nil, err
	}
	db.MaxFileSize = upload
	pages.WithMaxUpload(upload)
	// The members' area: sessions, throttling and the queue live in the
	// database, so that several instances serve alike.
	pages.WithWorkspace(web.Workspace{Accounts: db, Audit: db, Mail: sender, BaseURL: m.Config.BaseURL,
		Throttle: db, Queue: db})
	// The bulletin: its pages, and its sender working the queue in the
	// background, woken when a coordinator sends an issue.
	bs, err := m.bulletinSender(db, sender)
	if err != nil {
		db.Close()
		return nil, err
	}
	bs.Prepare()
	pages.WithBulletin(web.Bulletin{Store: db, Events: db, Mail: sender, BaseURL: m.Config.BaseURL, Wake: bs.Wake})
	mux := http.NewServeMux()
	apiHandler := api.New(db, m.Logger).WithTokens(db).WithEvents(db)
	if m.Config.IATIOrgRef != "" || m.Config.IATIOrgName != "" {
		var name proximite.Text
		if m.Config.IATIOrgName != "" {
			name = proximite.Text{"fr": m.Config.IATIOrgName, "en": m.Config.IATIOrgName}
		}
		apiHandler.WithIATIReporter(m.Config.IATIOrgRef, name)
	}
	mux.Handle("/api/", apiHandler)
	mux.Handle("/healthz", apiHandler)
	mux.Handle("/", pages)

	ln, err := net.Listen("tcp", m.Config.Addr)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("listen on %s: %w", m.Config.Addr, err)
	}
	// Anonymous reads are answered from memory while the registry stays
	// unchanged; exports stream and health must ask the database.
	cached := httpcache.New(mux, db.Version, "/api/v1/export/", "/healthz")
	s := &Server{DB: db, listener: ln, done: make(chan error, 1), http: &http.Server{
		Handler:           logRequests(m.Logger, cached),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      5 * time.Minute, // exports stream for a while
		IdleTimeout:       2 * time.Minute,
	}}
	go func() { s.done <- s.http.Serve(ln) }()
	bctx, stop := context.WithCancel(context.WithoutCancel(ctx))
	s.stopBulletin, s.bulletinDone = stop, make(chan struct{})
	go func() {
		defer close(s.bulletinDone)
		bs.Run(bctx, time.Minute)
	}()
	m.Logger.Info("serving", "url", s.URL(), "database", db.Dialect())
	return s, nil
}

func (m *Main) runServe(ctx context.Context, args []string) error {
	if err := m.flags("serve").Parse(args); err != nil {
		return err
	}
	s, err := m.Open(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "Proximité: %s\n", s.URL())
	select {
	case <-ctx.Done():
		m.Logger.Info("shutting down")
	case err := <-s.done:
		s.done <- err // let Close see it
	}
	return s.Close()
}

// statusWriter remembers the status of a response for the request log.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach the real writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// logRequests writes one line per request.
func logRequests(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r)
		log.Info("request", "method", r.Method, "path", r.URL.Path, "status", sw.status,
			"duration", time.Since(start).Round(time.Microsecond))
	})
}
