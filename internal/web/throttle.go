package web

import (
	"context"
	"net"
	"net/http"
	"time"

	"github.com/proximite/proximite"
)

// Throttle counts failures (of sign-in, and requests of reset links) by
// key, in storage that every instance of the server shares, so that a
// guesser gains nothing by spreading attempts across instances.
type Throttle interface {
	CountFailures(ctx context.Context, keys []string, window time.Duration) (map[string]int, error)
	RecordFailure(ctx context.Context, keys ...string) error
	ClearFailures(ctx context.Context, key string) error
}

// Queue lists records in one publication state, the longest waiting
// first.
type Queue interface {
	RecordsInState(ctx context.Context, state proximite.State, limit int) ([]proximite.Hit, error)
}

// The limits of sign-in. Per address, five wrong passwords in a quarter
// of an hour, which a person who mistypes never reaches and a guesser
// reaches at once; per client, more, since a whole office may share one
// address. An unknown address counts like a known one, so the limit says
// nothing about which addresses have accounts.
const (
	throttleWindow   = 15 * time.Minute
	maxPerAddress    = 5
	maxPerClient     = 50
	resetWindow      = time.Hour
	maxResetsPerHour = 3 // links sent to one address; more would be a mail bomb
)

// clientIP is the address the request came from. A proxy's
// X-Forwarded-For is not trusted: anyone can write it.
func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// signInKeys are the throttle's keys for a sign-in attempt.
func signInKeys(email string, r *http.Request) []string {
	return []string{"email:" + proximite.NormalizeEmail(email), "ip:" + clientIP(r)}
}

// tooMany reports whether an attempt under these keys is over the limit
// of sign-in. Without a throttle (a store that has none) nothing is.
func (h *Handler) tooMany(ctx context.Context, keys []string) (bool, error) {
	if h.ws.Throttle == nil {
		return false, nil
	}
	n, err := h.ws.Throttle.CountFailures(ctx, keys, throttleWindow)
	if err != nil {
		return false, err
	}
	return n[keys[0]] >= maxPerAddress || n[keys[1]] >= maxPerClient, nil
}

// failed records a failed attempt; a failure to record it is logged, and
// the person still gets their answer.
func (h *Handler) failed(ctx context.Context, keys ...string) {
	if h.ws.Throttle == nil {
		return
	}
	if err := h.ws.Throttle.RecordFailure(ctx, keys...); err != nil {
		h.log.Error("record sign-in failure", "err", err)
	}
}
