package sqlstore

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"strings"
	"time"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/password"
)

var _ proximite.AccountService = (*DB)(nil)

// AccessTokenPrefix starts every personal access token, so that a token
// pasted where it should not be is recognisable (and secret scanners can
// be taught to find it).
const AccessTokenPrefix = "prx_"

// newToken returns a random token of 256 bits and its hash. Tokens are
// long enough that a fast hash suffices: no one can guess one to check.
func newToken(prefix string) (token, hash string, err error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", "", err
	}
	token = prefix + base64.RawURLEncoding.EncodeToString(b)
	return token, hashToken(token), nil
}

func hashToken(token string) string {
	h := sha256.Sum256([]byte(token))
	return hex.EncodeToString(h[:])
}

// accountTx runs fn in a transaction. Accounts are not records of the
// registry: their changes do not move its version nor its caches.
func (d *DB) accountTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// CreateUser validates and stores a new account with its memberships.
func (d *DB) CreateUser(ctx context.Context, u *proximite.User) error {
	if err := u.Validate(); err != nil {
		return err
	}
	now := d.Now()
	return d.accountTx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `INSERT INTO users (email, name, lang, role, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (email) DO NOTHING RETURNING id`,
			u.Email, u.Name, u.Lang, string(u.Role), micros(now)).Scan(&u.ID)
		if errors.Is(err, sql.ErrNoRows) {
			return &proximite.Error{Code: proximite.ECONFLICT, Field: "email",
				Message: "un compte existe déjà pour " + u.Email + " / an account already exists for " + u.Email}
		} else if err != nil {
			return err
		}
		u.CreatedAt = fromMicros(micros(now))
		return setMemberships(ctx, tx, u.ID, u.Orgs)
	})
}

// UpdateUser changes an account's name, language, role and organisations.
func (d *DB) UpdateUser(ctx context.Context, u *proximite.User) error {
	if err := u.Validate(); err != nil {
		return err
	}
	return d.accountTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE users SET name = $2, lang = $3, role = $4, updated_at = $5 WHERE id = $1`,
			u.ID, u.Name, u.Lang, string(u.Role), micros(d.Now()))
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return proximite.Errorf(proximite.ENOTFOUND, "no account with id %d", u.ID)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM memberships WHERE user_id = $1`, u.ID); err != nil {
			return err
		}
		return setMemberships(ctx, tx, u.ID, u.Orgs)
	})
}

// setMemberships links an account to organisations by slug; an unknown
// slug is a field error.
func setMemberships(ctx context.Context, tx *sql.Tx, userID int64, slugs []string) error {
	for _, slug := range slugs {
		var orgID int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM records WHERE type = $1 AND slug = $2`,
			proximite.TypeOrganisation, slug).Scan(&orgID)
		if errors.Is(err, sql.ErrNoRows) {
			return proximite.FieldError("orgs", "aucune organisation %q dans le registre / no organisation %q in the registry", slug, slug)
		} else if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO memberships (user_id, org_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
			userID, orgID); err != nil {
			return err
		}
	}
	return nil
}

const userColumns = `u.id, u.email, u.name, u.lang, u.role, u.password_hash, u.created_at`

// scanUser reads a row of userColumns and the account's organisations.
func (d *DB) scanUser(ctx context.Context, row *sql.Row) (*proximite.User, string, error) {
	var u proximite.User
	var hash string
	var created int64
	if err := row.Scan(&u.ID, &u.Email, &u.Name, &u.Lang, &u.Role, &hash, &created); err != nil {
		return nil, "", err
	}
	u.CreatedAt, u.HasPassword = fromMicros(created), hash != ""
	rows, err := d.db.QueryContext(ctx, `SELECT r.slug FROM memberships m JOIN records r ON r.id = m.org_id
		WHERE m.user_id = $1 ORDER BY r.slug`, u.ID)
	if err != nil {
		return nil, "", err
	}
	defer rows.Close()
	for rows.Next() {
		var slug string
		if err := rows.Scan(&slug); err != nil {
			return nil, "", err
		}
		u.Orgs = append(u.Orgs, slug)
	}
	return &u, hash, rows.Err()
}

// FindUser returns the account with an address.
func (d *DB) FindUser(ctx context.Context, email string) (*proximite.User, error) {
	email = proximite.NormalizeEmail(email)
	u, _, err := d.scanUser(ctx, d.db.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users u WHERE u.email = $1`, email))
	return u, notFound(err, "aucun compte pour %s / no account for %s", email, email)
}

func (d *DB) findUserByID(ctx context.Context, id int64) (*proximite.User, error) {
	u, _, err := d.scanUser(ctx, d.db.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users u WHERE u.id = $1`, id))
	return u, notFound(err, "no account with id %d", id)
}

var errSignIn = proximite.Errorf(proximite.EUNAUTHORIZED, "Adresse ou mot de passe incorrect. / Wrong address or password.")

// Authenticate checks a password. Whatever is wrong (no such address, no
// password yet, a wrong one) the answer and the time it takes are the same.
func (d *DB) Authenticate(ctx context.Context, email, pw string) (*proximite.User, error) {
	email = proximite.NormalizeEmail(email)
	u, hash, err := d.scanUser(ctx, d.db.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users u WHERE u.email = $1`, email))
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	if hash == "" || len(pw) > password.MaxLength {
		password.Verify(password.Dummy(), pw[:min(len(pw), password.MaxLength)])
		return nil, errSignIn
	}
	if ok, err := password.Verify(hash, pw); err != nil {
		return nil, err
	} else if !ok {
		return nil, errSignIn
	}
	return u, nil
}

// CreateLink returns a one-time link token of a purpose (invitation,
// reset) for an account, valid for ttl.
func (d *DB) CreateLink(ctx context.Context, userID int64, purpose string, ttl time.Duration) (string, error) {
	token, hash, err := newToken("")
	if err != nil {
		return "", err
	}
	now := d.Now()
	_, err = d.db.ExecContext(ctx, `INSERT INTO one_time_links (token_hash, user_id, purpose, created_at, expires_at)
		VALUES ($1, $2, $3, $4, $5)`, hash, userID, purpose, micros(now), micros(now.Add(ttl)))
	return token, err
}

// RedeemLink uses a one-time link to set the account's password, in one
// transaction: the link is spent, the password set, and every session of
// the account ended (whoever knew the old password is signed out). A link
// used, expired or unknown changes nothing and says which it was.
func (d *DB) RedeemLink(ctx context.Context, token, purpose, pw string) (*proximite.User, error) {
	if len(pw) < password.MinLength {
		return nil, proximite.FieldError("password", "au moins %d caractères / at least %d characters", password.MinLength, password.MinLength)
	} else if len(pw) > password.MaxLength {
		return nil, proximite.FieldError("password", "au plus %d caractères / at most %d characters", password.MaxLength, password.MaxLength)
	}
	hash, err := password.Hash(pw)
	if err != nil {
		return nil, err
	}
	var userID int64
	now := micros(d.Now())
	err = d.accountTx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `UPDATE one_time_links SET used_at = $3
			WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3 RETURNING user_id`,
			hashToken(token), purpose, now).Scan(&userID)
		if errors.Is(err, sql.ErrNoRows) {
			return linkError(ctx, tx, token, purpose)
		} else if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1`, userID, hash, now); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, userID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return d.findUserByID(ctx, userID)
}

// linkError says why a link cannot be used.
func linkError(ctx context.Context, tx *sql.Tx, token, purpose string) error {
	var used sql.NullInt64
	var kind string
	err := tx.QueryRowContext(ctx, `SELECT used_at, purpose FROM one_time_links WHERE token_hash = $1`, hashToken(token)).Scan(&used, &kind)
	switch {
	case errors.Is(err, sql.ErrNoRows), err == nil && kind != purpose:
		return proximite.FieldError("token", "Ce lien n'est pas valide ; vérifiez qu'il a été copié en entier. / This link is not valid; check that it was copied whole.")
	case err != nil:
		return err
	case used.Valid:
		return proximite.FieldError("token", "Ce lien a déjà servi : chaque lien ne sert qu'une fois. Demandez-en un nouveau. / This link has already been used: each link works once. Ask for a new one.")
	}
	return proximite.FieldError("token", "Ce lien a expiré. Demandez-en un nouveau. / This link has expired. Ask for a new one.")
}

// CreateSession signs an account in and returns the session's token,
// which the web package puts in a cookie.
func (d *DB) CreateSession(ctx context.Context, userID int64, ttl time.Duration) (string, error) {
	token, hash, err := newToken("")
	if err != nil {
		return "", err
	}
	now := d.Now()
	_, err = d.db.ExecContext(ctx, `INSERT INTO sessions (token_hash, user_id, created_at, seen_at, expires_at)
		VALUES ($1, $2, $3, $3, $4)`, hash, userID, micros(now), micros(now.Add(ttl)))
	return token, err
}

var errNoSession = proximite.Errorf(proximite.EUNAUTHORIZED, "Votre session a pris fin ; reconnectez-vous. / Your session has ended; sign in again.")

// FindSession returns the session of a token that has not expired.
func (d *DB) FindSession(ctx context.Context, token string) (*proximite.Session, error) {
	var userID, created, expires int64
	err := d.db.QueryRowContext(ctx, `SELECT user_id, created_at, expires_at FROM sessions
		WHERE token_hash = $1 AND expires_at > $2`, hashToken(token), micros(d.Now())).Scan(&userID, &created, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errNoSession
	} else if err != nil {
		return nil, err
	}
	u, err := d.findUserByID(ctx, userID)
	if err != nil {
		return nil, err
	}
	return &proximite.Session{User: u, CreatedAt: fromMicros(created), ExpiresAt: fromMicros(expires)}, nil
}

// TouchSession moves a live session's expiry to ttl from now, so that a
// session in use does not end in the middle of work.
func (d *DB) TouchSession(ctx context.Context, token string, ttl time.Duration) error {
	now := d.Now()
	res, err := d.db.ExecContext(ctx, `UPDATE sessions SET seen_at = $2, expires_at = $3
		WHERE token_hash = $1 AND expires_at > $2`, hashToken(token), micros(now), micros(now.Add(ttl)))
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return errNoSession
	}
	return nil
}

// DeleteSession signs one browser out.
func (d *DB) DeleteSession(ctx context.Context, token string) error {
	_, err := d.db.ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = $1`, hashToken(token))
	return err
}

// DeleteUserSessions signs an account out everywhere.
func (d *DB) DeleteUserSessions(ctx context.Context, userID int64) error {
	_, err := d.db.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, userID)
	return err
}

// CreateAccessToken returns a new personal access token for the API.
func (d *DB) CreateAccessToken(ctx context.Context, userID int64, name string) (string, error) {
	token, hash, err := newToken(AccessTokenPrefix)
	if err != nil {
		return "", err
	}
	_, err = d.db.ExecContext(ctx, `INSERT INTO access_tokens (token_hash, user_id, name, created_at) VALUES ($1, $2, $3, $4)`,
		hash, userID, strings.TrimSpace(name), micros(d.Now()))
	return token, err
}

var errBadToken = proximite.Errorf(proximite.EUNAUTHORIZED, "Jeton d'accès inconnu ou révoqué. / Unknown or revoked access token.")

// UserByAccessToken returns the owner of a personal access token. The
// time of last use is kept to the minute, so that a busy client does not
// write on every request.
func (d *DB) UserByAccessToken(ctx context.Context, token string) (*proximite.User, error) {
	if !strings.HasPrefix(token, AccessTokenPrefix) {
		return nil, errBadToken
	}
	var id, userID int64
	err := d.db.QueryRowContext(ctx, `SELECT id, user_id FROM access_tokens WHERE token_hash = $1`, hashToken(token)).Scan(&id, &userID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errBadToken
	} else if err != nil {
		return nil, err
	}
	now := micros(d.Now())
	if _, err := d.db.ExecContext(ctx, `UPDATE access_tokens SET used_at = $2 WHERE id = $1 AND (used_at IS NULL OR used_at < $3)`,
		id, now, now-60e6); err != nil {
		return nil, err
	}
	return d.findUserByID(ctx, userID)
}
