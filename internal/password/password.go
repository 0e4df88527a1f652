// Package password hashes passwords with argon2id and keeps the hash in
// the PHC string format ($argon2id$v=19$m=…,t=…,p=…$salt$hash), so that
// the parameters travel with each hash and can be raised later without
// invalidating the hashes already stored.
package password

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"sync"

	"golang.org/x/crypto/argon2"
)

// Parameters of new hashes: OWASP's recommendation for argon2id (19 MiB,
// two passes, one lane), which keeps a sign-in under a tenth of a second on
// the small two-core machines the registry runs on.
const (
	memoryKiB = 19 * 1024
	passes    = 2
	lanes     = 1
	saltLen   = 16
	keyLen    = 32
)

// MinLength and MaxLength bound a password in bytes: long enough to resist
// guessing, short enough that hashing cannot be made expensive at will.
const (
	MinLength = 10
	MaxLength = 1024
)

// ErrMalformed is returned for a stored hash that is not a PHC argon2id
// string.
var ErrMalformed = errors.New("password: malformed argon2id hash")

var b64 = base64.RawStdEncoding

// Hash returns the PHC string of a new hash of pw with a random salt.
func Hash(pw string) (string, error) {
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(pw), salt, passes, memoryKiB, lanes, keyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, memoryKiB, passes, lanes, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// Verify reports whether pw matches the PHC string, comparing in constant
// time. It reads the parameters from the string itself.
func Verify(phc, pw string) (bool, error) {
	parts := strings.Split(phc, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false, ErrMalformed
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false, ErrMalformed
	}
	var m uint32
	var t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil || m == 0 || t == 0 || p == 0 {
		return false, ErrMalformed
	}
	salt, err := b64.DecodeString(parts[4])
	if err != nil {
		return false, ErrMalformed
	}
	want, err := b64.DecodeString(parts[5])
	if err != nil || len(want) == 0 {
		return false, ErrMalformed
	}
	got := argon2.IDKey([]byte(pw), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}

// Dummy returns a valid hash of no one's password. Checking a password
// against it when an address is unknown makes a failed sign-in take as
// long as a wrong password, so timing does not tell which addresses have
// accounts. It is made on first use, not when the program starts: a hash
// costs a tenth of a second and 19 MB, which every command (an import, an
// export) paid before doing anything. The site makes it in the background
// as it starts, so that no sign-in pays for it.
var Dummy = sync.OnceValue(func() string {
	h, err := Hash("no one's password")
	if err != nil {
		panic(err)
	}
	return h
})
