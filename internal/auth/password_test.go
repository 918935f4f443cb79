package auth

import (
	"bytes"
	"crypto/sha256"
	"regexp"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/tochuc"
	"golang.org/x/text/unicode/norm"
)

// cheap keeps the tests that only need "some other parameters" fast.
var cheap = Params{Memory: 1024, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

func TestHashVerify(t *testing.T) {
	pw := "Tổ chức xây dựng Đảng 2025"
	h, err := HashPassword(pw)
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^\$argon2id\$v=19\$m=65536,t=3,p=2\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$`).MatchString(h) {
		t.Fatalf("PHC string %s", h)
	}
	if h2, _ := HashPassword(pw); h2 == h {
		t.Fatal("two hashes of a password are equal: no salt")
	}
	if ok, rehash, err := VerifyPassword(pw, h); !ok || rehash || err != nil {
		t.Fatalf("right password: ok %v rehash %v err %v", ok, rehash, err)
	}
	if ok, rehash, err := VerifyPassword(pw+" ", h); ok || rehash || err != nil {
		t.Fatalf("wrong password: ok %v rehash %v err %v", ok, rehash, err)
	}
	// The same letters typed as combining marks (NFD) are the same password.
	if ok, _, _ := VerifyPassword(norm.NFD.String(pw), h); !ok {
		t.Fatal("NFD form of the password refused")
	}
}

func TestRehash(t *testing.T) {
	h, err := hashWith("mật khẩu cũ dài", cheap)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=1024,t=1,p=1$") {
		t.Fatal(h)
	}
	if ok, rehash, err := VerifyPassword("mật khẩu cũ dài", h); !ok || !rehash || err != nil {
		t.Fatalf("old parameters: ok %v rehash %v err %v", ok, rehash, err)
	}
	if ok, rehash, _ := VerifyPassword("mật khẩu khác", h); ok || rehash {
		t.Fatal("wrong password asks for a rehash")
	}
}

func TestVerifyMalformed(t *testing.T) {
	good, _ := hashWith("x", cheap)
	parts := strings.Split(good, "$")
	for _, bad := range []string{
		"", "plain", "$2a$10$abcdefghijklmnopqrstuv",
		strings.Replace(good, "argon2id", "argon2i", 1),
		strings.Replace(good, "v=19", "v=16", 1),
		strings.Replace(good, "m=1024", "m=99999999", 1),
		strings.Replace(good, "t=1", "t=0", 1),
		strings.Replace(good, "p=1", "p=x", 1),
		strings.Join(append(parts[:4:4], "!!", parts[5]), "$"),
		strings.Join(append(parts[:5:5], "c2hvcnQ"), "$"),
	} {
		if ok, _, err := VerifyPassword("x", bad); ok || err == nil {
			t.Errorf("%q: ok %v err %v", bad, ok, err)
		}
	}
}

func TestCheckPassword(t *testing.T) {
	for _, ok := range []string{"ngựa-vằn-xanh-lá", "correct horse battery", strings.Repeat("ab12", 32)} {
		if err := CheckPassword(ok, "an.nguyen"); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
	for _, bad := range []string{"ngắn", "aaaaaaaaaaaa", "abababababab", "xx-an.nguyen-yy", "1234567890", "MatKhau123",
		strings.Repeat("ab12", 33), "tab\tinside-pw", "bad\xffutf8-password"} {
		err := CheckPassword(bad, "An.Nguyen")
		if tochuc.ErrorCode(err) != tochuc.EInvalid {
			t.Errorf("%q accepted (%v)", bad, err)
		}
	}
	if err := CheckPassword("ngắn", ""); !strings.Contains(err.Error(), "ít nhất 10 ký tự") {
		t.Errorf("message: %v", err)
	}
	if pw := GeneratePassword(); CheckPassword(pw, "admin") != nil || len(pw) < 20 {
		t.Errorf("generated password %q fails the policy", pw)
	}
}

func TestToken(t *testing.T) {
	plain, hash := NewToken()
	if len(plain) != 43 || strings.ContainsAny(plain, "+/=") {
		t.Fatalf("token %q", plain)
	}
	sum := sha256.Sum256([]byte(plain))
	if !bytes.Equal(hash, sum[:]) || !bytes.Equal(HashToken(plain), hash) {
		t.Fatal("token hash is not its SHA-256")
	}
	if p2, _ := NewToken(); p2 == plain {
		t.Fatal("two tokens are equal")
	}
}

func TestFakeVerify(t *testing.T) {
	FakeVerify("anything") // must not panic; spends a verification
}
