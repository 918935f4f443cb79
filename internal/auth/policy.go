package auth

import (
	"crypto/rand"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// MinPasswordLen and MaxPasswordLen bound a password's length in characters.
const (
	MinPasswordLen = 10
	MaxPasswordLen = 128
)

// common are passwords long enough for the policy but guessed first.
var common = map[string]bool{
	"0123456789": true, "1234567890": true, "12345678910": true, "123456789a": true,
	"qwertyuiop": true, "1qaz2wsx3edc": true, "password123": true, "password1234": true,
	"matkhau123": true, "matkhau1234": true, "abc1234567": true, "abcd123456": true,
	"admin12345": true, "quantri123": true, "tochuc2025": true, "tochuc2026": true,
}

// CheckPassword applies the password policy: 10 to 128 characters, no control
// characters, at least 4 different characters, not containing the login, not a
// well-known password. Its errors are tochuc.EInvalid, in Vietnamese.
func CheckPassword(pw, login string) error {
	if !utf8.ValidString(pw) {
		return tochuc.Errorf(tochuc.EInvalid, "mật khẩu chứa ký tự không hợp lệ")
	}
	pw = normalize(pw)
	n := utf8.RuneCountInString(pw)
	if n < MinPasswordLen {
		return tochuc.Errorf(tochuc.EInvalid, "mật khẩu phải có ít nhất %d ký tự", MinPasswordLen)
	}
	if n > MaxPasswordLen {
		return tochuc.Errorf(tochuc.EInvalid, "mật khẩu quá dài (tối đa %d ký tự)", MaxPasswordLen)
	}
	distinct := map[rune]bool{}
	for _, r := range pw {
		if unicode.IsControl(r) {
			return tochuc.Errorf(tochuc.EInvalid, "mật khẩu không được chứa ký tự điều khiển")
		}
		distinct[unicode.ToLower(r)] = true
	}
	if len(distinct) < 4 {
		return tochuc.Errorf(tochuc.EInvalid, "mật khẩu quá đơn giản: cần ít nhất 4 ký tự khác nhau")
	}
	lower := strings.ToLower(pw)
	if login = strings.ToLower(strings.TrimSpace(login)); len(login) >= 3 && strings.Contains(lower, login) {
		return tochuc.Errorf(tochuc.EInvalid, "mật khẩu không được chứa tên đăng nhập")
	}
	if common[lower] {
		return tochuc.Errorf(tochuc.EInvalid, "mật khẩu này quá phổ biến, hãy chọn mật khẩu khác")
	}
	return nil
}

// GeneratePassword returns a random password of 26 characters (A–Z, 2–7;
// 130 bits), for an account whose password nobody typed.
func GeneratePassword() string { return rand.Text() }
