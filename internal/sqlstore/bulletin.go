package sqlstore

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"database/sql"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/proximite/proximite"
)

// The bulletin's subscribers. Like accounts, they are not records: their
// changes do not move the registry's version. Two kinds of token reach
// them by e-mail: a random, single-use confirmation token stored hashed,
// and an unsubscribe token signed with a key kept in the database, which
// works for as long as the subscriber exists and cannot be forged for
// another address.

// ConfirmationTTL is how long a confirmation link works.
const ConfirmationTTL = 7 * 24 * time.Hour

// confirmResendAfter is the least time between two confirmation messages
// to one pending address, so that the public form cannot be used to
// flood someone's mailbox.
const confirmResendAfter = 5 * time.Minute

const subscriberCols = `id, email, lang, state, source, consent_at, confirmed_at, unsubscribed_at, created_at`

func scanSubscriber(row interface{ Scan(...any) error }) (*proximite.Subscriber, error) {
	s := &proximite.Subscriber{}
	var state string
	var consent, confirmed, unsub, created int64
	if err := row.Scan(&s.ID, &s.Email, &s.Lang, &state, &s.Source, &consent, &confirmed, &unsub, &created); err != nil {
		return nil, err
	}
	s.State = proximite.SubscriberState(state)
	s.ConsentAt, s.ConfirmedAt, s.UnsubscribedAt = optMicros(consent), optMicros(confirmed), optMicros(unsub)
	s.CreatedAt = fromMicros(created)
	return s, nil
}

// optMicros reads a time column where 0 means "never".
func optMicros(us int64) time.Time {
	if us == 0 {
		return time.Time{}
	}
	return fromMicros(us)
}

// Subscribe records a request to subscribe from the public form and
// returns the confirmation token to send, or "" when no message should
// go: the address is already confirmed, or was sent a confirmation a
// moment ago. The caller answers the same in every case, so that the
// form does not tell who is subscribed. An address that had left is
// pending again and must confirm anew.
func (d *DB) Subscribe(ctx context.Context, email, lang string) (string, error) {
	email, err := proximite.CheckEmail(email)
	if err != nil {
		return "", err
	}
	if err := proximite.CheckLang(lang); err != nil {
		return "", err
	}
	token, hash, err := newToken("c_")
	if err != nil {
		return "", err
	}
	now := d.Now()
	err = d.accountTx(ctx, func(tx *sql.Tx) error {
		s, err := scanSubscriber(tx.QueryRowContext(ctx, `SELECT `+subscriberCols+` FROM bulletin_subscribers WHERE email = $1`, email))
		if errors.Is(err, sql.ErrNoRows) {
			_, err = tx.ExecContext(ctx, `INSERT INTO bulletin_subscribers (email, lang, state, source, confirm_hash, confirm_sent_at, created_at)
				VALUES ($1, $2, 'pending', 'form', $3, $4, $4)`, email, lang, hash, micros(now))
			return err
		} else if err != nil {
			return err
		}
		var sentAt int64
		if err := tx.QueryRowContext(ctx, `SELECT confirm_sent_at FROM bulletin_subscribers WHERE id = $1`, s.ID).Scan(&sentAt); err != nil {
			return err
		}
		switch {
		case s.State == proximite.SubscriberConfirmed:
			token = ""
			return nil
		case s.State == proximite.SubscriberPending && now.Sub(fromMicros(sentAt)) < confirmResendAfter:
			token = ""
			return nil
		}
		_, err = tx.ExecContext(ctx, `UPDATE bulletin_subscribers SET lang = $2, state = 'pending', confirm_hash = $3, confirm_sent_at = $4
			WHERE id = $1`, s.ID, lang, hash, micros(now))
		return err
	})
	if err != nil {
		return "", fmt.Errorf("subscribe: %w", err)
	}
	return token, nil
}

// Errors of the links, in both languages, for the pages to show.
var (
	errConfirmUnknown = &proximite.Error{Code: proximite.ENOTFOUND, Field: "token",
		Message: "ce lien de confirmation n'est pas valide : il est incomplet ou a été remplacé par un plus récent / this confirmation link is not valid: it is incomplete or was replaced by a newer one"}
	errConfirmUsed = &proximite.Error{Code: proximite.ECONFLICT, Field: "token",
		Message: "ce lien de confirmation a déjà servi ; il ne sert qu'une fois / this confirmation link has already been used; it works only once"}
	errConfirmExpired = &proximite.Error{Code: proximite.EINVALID, Field: "token",
		Message: "ce lien de confirmation a expiré ; inscrivez-vous à nouveau / this confirmation link has expired; please subscribe again"}
	errUnsubscribeBad = &proximite.Error{Code: proximite.EINVALID, Field: "token",
		Message: "ce lien de désabonnement n'est pas valide : il a été modifié ou est incomplet / this unsubscribe link is not valid: it was altered or is incomplete"}
)

// CheckConfirmation returns the subscriber a confirmation token is for,
// without using it, so that the page can show its button; the errors are
// those Confirm would return.
func (d *DB) CheckConfirmation(ctx context.Context, token string) (*proximite.Subscriber, error) {
	s, sentAt, err := d.confirmationOf(ctx, d.db, token)
	if err != nil {
		return nil, err
	}
	return s, d.confirmable(s, sentAt)
}

// Confirm uses a confirmation token: the subscriber becomes confirmed,
// their consent dated now. A token works once.
func (d *DB) Confirm(ctx context.Context, token string) (*proximite.Subscriber, error) {
	var out *proximite.Subscriber
	err := d.accountTx(ctx, func(tx *sql.Tx) error {
		s, sentAt, err := d.confirmationOf(ctx, tx, token)
		if err != nil {
			return err
		}
		if err := d.confirmable(s, sentAt); err != nil {
			return err
		}
		now := micros(d.Now())
		if _, err := tx.ExecContext(ctx, `UPDATE bulletin_subscribers SET state = 'confirmed', consent_at = $2, confirmed_at = $2,
			unsubscribed_at = 0 WHERE id = $1 AND state = 'pending'`, s.ID, now); err != nil {
			return err
		}
		s.State, s.ConsentAt, s.ConfirmedAt = proximite.SubscriberConfirmed, fromMicros(now), fromMicros(now)
		out = s
		return nil
	})
	return out, err
}

type querier interface {
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
}

func (d *DB) confirmationOf(ctx context.Context, q querier, token string) (*proximite.Subscriber, int64, error) {
	if !strings.HasPrefix(token, "c_") || len(token) > 100 {
		return nil, 0, errConfirmUnknown
	}
	row := q.QueryRowContext(ctx, `SELECT `+subscriberCols+`, confirm_sent_at FROM bulletin_subscribers WHERE confirm_hash = $1`, hashToken(token))
	s := &proximite.Subscriber{}
	var state string
	var consent, confirmed, unsub, created, sentAt int64
	err := row.Scan(&s.ID, &s.Email, &s.Lang, &state, &s.Source, &consent, &confirmed, &unsub, &created, &sentAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, 0, errConfirmUnknown
	} else if err != nil {
		return nil, 0, err
	}
	s.State = proximite.SubscriberState(state)
	s.ConsentAt, s.ConfirmedAt, s.UnsubscribedAt = optMicros(consent), optMicros(confirmed), optMicros(unsub)
	s.CreatedAt = fromMicros(created)
	return s, sentAt, nil
}

// confirmable says whether a pending subscriber's token still works. A
// token whose subscriber is no longer pending has been used: either to
// confirm, or it is the old link of someone who has since left, which
// must not subscribe them again.
func (d *DB) confirmable(s *proximite.Subscriber, sentAt int64) error {
	if s.State != proximite.SubscriberPending {
		return errConfirmUsed
	}
	if d.Now().Sub(fromMicros(sentAt)) > ConfirmationTTL {
		return errConfirmExpired
	}
	return nil
}

// bulletinKey returns the key that signs unsubscribe tokens, making it
// on first use. Two instances making it at once agree on the first one
// stored.
func (d *DB) bulletinKey(ctx context.Context) ([]byte, error) {
	var key string
	err := d.db.QueryRowContext(ctx, `SELECT key FROM bulletin_key WHERE id = 1`).Scan(&key)
	if errors.Is(err, sql.ErrNoRows) {
		b := make([]byte, 32)
		if _, err := rand.Read(b); err != nil {
			return nil, err
		}
		if _, err := d.db.ExecContext(ctx, `INSERT INTO bulletin_key (id, key) VALUES (1, $1) ON CONFLICT (id) DO NOTHING`,
			base64.RawStdEncoding.EncodeToString(b)); err != nil {
			return nil, err
		}
		err = d.db.QueryRowContext(ctx, `SELECT key FROM bulletin_key WHERE id = 1`).Scan(&key)
	}
	if err != nil {
		return nil, fmt.Errorf("bulletin key: %w", err)
	}
	return base64.RawStdEncoding.DecodeString(key)
}

// signUnsubscribe makes the token of a subscriber's unsubscribe link:
// their id and an HMAC of it, both URL-safe.
func signUnsubscribe(key []byte, id int64) string {
	b := binary.BigEndian.AppendUint64(nil, uint64(id))
	m := hmac.New(sha256.New, key)
	m.Write([]byte("unsubscribe:"))
	m.Write(b)
	return base64.RawURLEncoding.EncodeToString(b) + "." + base64.RawURLEncoding.EncodeToString(m.Sum(nil)[:16])
}

// UnsubscribeToken returns the token of a subscriber's unsubscribe link.
func (d *DB) UnsubscribeToken(ctx context.Context, id int64) (string, error) {
	key, err := d.bulletinKey(ctx)
	if err != nil {
		return "", err
	}
	return signUnsubscribe(key, id), nil
}

// checkUnsubscribe returns the subscriber id a token was signed for.
func (d *DB) checkUnsubscribe(ctx context.Context, token string) (int64, error) {
	idPart, _, ok := strings.Cut(token, ".")
	b, err := base64.RawURLEncoding.DecodeString(idPart)
	if !ok || err != nil || len(b) != 8 {
		return 0, errUnsubscribeBad
	}
	key, err := d.bulletinKey(ctx)
	if err != nil {
		return 0, err
	}
	id := int64(binary.BigEndian.Uint64(b))
	if subtle.ConstantTimeCompare([]byte(signUnsubscribe(key, id)), []byte(token)) != 1 {
		return 0, errUnsubscribeBad
	}
	return id, nil
}

// SubscriberByToken returns whom an unsubscribe token is for.
func (d *DB) SubscriberByToken(ctx context.Context, token string) (*proximite.Subscriber, error) {
	id, err := d.checkUnsubscribe(ctx, token)
	if err != nil {
		return nil, err
	}
	s, err := scanSubscriber(d.db.QueryRowContext(ctx, `SELECT `+subscriberCols+` FROM bulletin_subscribers WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errUnsubscribeBad
	}
	return s, err
}

// Unsubscribe takes the subscriber of a token off the list. Doing it
// twice is no error: the second time changes nothing.
func (d *DB) Unsubscribe(ctx context.Context, token string) (*proximite.Subscriber, error) {
	s, err := d.SubscriberByToken(ctx, token)
	if err != nil {
		return nil, err
	}
	if s.State == proximite.SubscriberUnsubscribed {
		return s, nil
	}
	now := micros(d.Now())
	if _, err := d.db.ExecContext(ctx, `UPDATE bulletin_subscribers SET state = 'unsubscribed', unsubscribed_at = $2
		WHERE id = $1 AND state <> 'unsubscribed'`, s.ID, now); err != nil {
		return nil, fmt.Errorf("unsubscribe: %w", err)
	}
	s.State, s.UnsubscribedAt = proximite.SubscriberUnsubscribed, fromMicros(now)
	return s, nil
}

// FindSubscriber returns a subscriber by address.
func (d *DB) FindSubscriber(ctx context.Context, email string) (*proximite.Subscriber, error) {
	s, err := scanSubscriber(d.db.QueryRowContext(ctx, `SELECT `+subscriberCols+` FROM bulletin_subscribers WHERE email = $1`,
		proximite.NormalizeEmail(email)))
	if err != nil {
		return nil, notFound(err, "aucun abonné %s / no subscriber %s", email, email)
	}
	return s, nil
}
