// Package auth holds the credentials side of accounts: argon2id password
// hashes, the password policy, random tokens for sessions and scripts (stored
// only as SHA-256), and the limiter of failed logins, whose counts a
// LimitStore keeps (the database implements it). It knows nothing of SQL or HTTP.
package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"runtime"
	"strings"
	"sync"

	"golang.org/x/crypto/argon2"
	"golang.org/x/text/unicode/norm"
)

// Params are the argon2id parameters of a hash.
type Params struct {
	Memory  uint32 // KiB
	Time    uint32 // passes
	Threads uint8
	SaltLen int
	KeyLen  int
}

// DefaultParams are the parameters of new hashes: 64 MiB, 3 passes, 2 lanes
// (RFC 9106's second recommendation, lighter in memory). A stored hash made
// with others verifies, and VerifyPassword asks for a rehash.
var DefaultParams = Params{Memory: 64 * 1024, Time: 3, Threads: 2, SaltLen: 16, KeyLen: 32}

// hashSlots bounds the hashes computed at once (at most 4, fewer on fewer
// CPUs): each holds Memory KiB, so a burst of logins must not multiply it by
// the number of requests. The others wait their turn.
var hashSlots = make(chan struct{}, min(4, max(1, runtime.NumCPU())))

// HashPassword returns the PHC string of pw with DefaultParams:
// $argon2id$v=19$m=65536,t=3,p=2$SALT$HASH (unpadded standard base64).
func HashPassword(pw string) (string, error) { return hashWith(pw, DefaultParams) }

func hashWith(pw string, p Params) (string, error) {
	salt := make([]byte, p.SaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := derive(normalize(pw), salt, p)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.Memory, p.Time, p.Threads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// normalize puts a password in Unicode NFC: Vietnamese input methods may
// send "ế" as one code point or as "e" with combining marks, and the same
// typed password must give the same hash.
func normalize(pw string) string { return norm.NFC.String(pw) }

func derive(pw string, salt []byte, p Params) []byte {
	hashSlots <- struct{}{}
	defer func() { <-hashSlots }()
	return argon2.IDKey([]byte(pw), salt, p.Time, p.Memory, p.Threads, uint32(p.KeyLen))
}

// VerifyPassword reports whether pw matches the PHC string phc, comparing in
// constant time, and whether the hash should be replaced by a new one (its
// parameters are not DefaultParams); needsRehash is false when ok is.
// A malformed phc is an error.
func VerifyPassword(pw, phc string) (ok, needsRehash bool, err error) {
	p, salt, key, err := parsePHC(phc)
	if err != nil {
		return false, false, err
	}
	got := derive(normalize(pw), salt, p)
	if subtle.ConstantTimeCompare(got, key) != 1 {
		return false, false, nil
	}
	return true, p != DefaultParams, nil
}

// dummyHash is verified against when there is no account, see FakeVerify.
var dummyHash = sync.OnceValue(func() string {
	h, _ := HashPassword("không có tài khoản này")
	return h
})

// FakeVerify spends the time of a verification, so that a login for an
// unknown or disabled account answers no faster than for a wrong password.
func FakeVerify(pw string) { VerifyPassword(pw, dummyHash()) }

// parsePHC reads $argon2id$v=19$m=…,t=…,p=…$salt$hash, refusing parameters
// beyond what this program would ever write (a stored hash must not make a
// login use gigabytes).
func parsePHC(phc string) (p Params, salt, key []byte, err error) {
	parts := strings.Split(phc, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return p, nil, nil, fmt.Errorf("auth: not an argon2id hash")
	}
	var v int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &v); err != nil || v != argon2.Version {
		return p, nil, nil, fmt.Errorf("auth: unsupported argon2 version %q", parts[2])
	}
	var m, t, th uint32
	if n, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &th); err != nil || n != 3 {
		return p, nil, nil, fmt.Errorf("auth: bad argon2 parameters %q", parts[3])
	}
	if m < 8*th || m > 1<<20 || t < 1 || t > 16 || th < 1 || th > 16 {
		return p, nil, nil, fmt.Errorf("auth: argon2 parameters out of range %q", parts[3])
	}
	b64 := base64.RawStdEncoding
	if salt, err = b64.DecodeString(parts[4]); err != nil || len(salt) < 8 {
		return p, nil, nil, fmt.Errorf("auth: bad argon2 salt")
	}
	if key, err = b64.DecodeString(parts[5]); err != nil || len(key) < 16 || len(key) > 64 {
		return p, nil, nil, fmt.Errorf("auth: bad argon2 hash")
	}
	return Params{Memory: m, Time: t, Threads: uint8(th), SaltLen: len(salt), KeyLen: len(key)}, salt, key, nil
}
