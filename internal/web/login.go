package web

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/tochuc/tochuc/internal/auth"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// sessionCookie names the session cookie; sessionTTL is how long an idle session lives.
const (
	sessionCookie = "tochuc_phien"
	sessionTTL    = 2 * time.Hour
)

type loginData struct {
	Login, Error, Next string
}

func (s *Server) handleLoginForm(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, "login.html", http.StatusOK, page{Title: "Đăng nhập", Date: tochuc.Today(),
		Data: loginData{Next: safeNext(r.URL.Query().Get("tiep"))}})
}

// handleLogin checks a login and password, under the limiter, and opens a session.
func (s *Server) handleLogin(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	login := tochuc.NormalizeLogin(r.PostFormValue("ten_dang_nhap"))
	pw := r.PostFormValue("mat_khau")
	data := loginData{Login: login, Next: safeNext(r.PostFormValue("tiep"))}
	ip := clientIP(r)
	fail := func(status int, msg string) {
		data.Error = msg
		s.render(w, r, "login.html", status, page{Title: "Đăng nhập", Date: tochuc.Today(), Data: data})
	}
	if ok, retry := s.limiter.Allow(login, ip); !ok {
		s.audit(ctx, login, tochuc.AuditLoginLocked, ip, map[string]any{"retry_after_s": int(retry.Seconds())})
		w.Header().Set("Retry-After", itoaDur(retry))
		fail(http.StatusTooManyRequests, "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau "+humanDur(retry)+".")
		return
	}
	u, hash, err := s.accounts.UserCredentials(ctx, login)
	ok := false
	if err == nil && !u.Disabled {
		var rehash bool
		ok, rehash, err = auth.VerifyPassword(pw, hash)
		if ok && rehash {
			if h, herr := auth.HashPassword(pw); herr == nil {
				_ = s.accounts.SetPassword(ctx, u.ID, h)
			}
		}
	} else {
		auth.FakeVerify(pw) // the same cost, so that timing does not tell which logins exist
		if tochuc.ErrorCode(err) == tochuc.ENotFound {
			err = nil
		}
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !ok {
		if locked := s.limiter.Fail(login, ip); locked > 0 {
			s.audit(ctx, login, tochuc.AuditLoginLocked, ip, map[string]any{"locked_s": int(locked.Seconds())})
		}
		s.audit(ctx, login, tochuc.AuditLoginFailed, ip, nil)
		fail(http.StatusUnauthorized, "Tên đăng nhập hoặc mật khẩu không đúng.")
		return
	}
	s.limiter.Succeed(login, ip)
	token, err := s.accounts.CreateSession(ctx, u.ID, sessionTTL, ip, r.UserAgent())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.audit(ctx, login, tochuc.AuditLoginOK, ip, nil)
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: token, Path: "/", HttpOnly: true,
		Secure: s.secureCookies, SameSite: http.SameSiteLaxMode})
	http.Redirect(w, r, data.Next, http.StatusSeeOther)
}

func (s *Server) handleLogout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(sessionCookie); err == nil {
		_ = s.accounts.DeleteSession(r.Context(), c.Value)
	}
	if u, ok := userOf(r.Context()); ok {
		s.audit(r.Context(), u.Login, tochuc.AuditLogout, clientIP(r), nil)
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true,
		Secure: s.secureCookies, SameSite: http.SameSiteLaxMode})
	http.Redirect(w, r, "/dang-nhap", http.StatusSeeOther)
}

// authenticate puts the user of a session cookie or a Bearer token into the
// request's context; without one, pages redirect to the login form and the
// API answers 401.
func (s *Server) authenticate(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var u tochuc.User
		var err error = errNoCredentials
		if bearer, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
			u, err = s.accounts.TokenUser(r.Context(), strings.TrimSpace(bearer))
		} else if c, cerr := r.Cookie(sessionCookie); cerr == nil {
			u, err = s.accounts.SessionUser(r.Context(), c.Value)
		}
		if err != nil || !u.CanRead() {
			if isAPI(r) {
				writeJSONError(w, http.StatusUnauthorized, "Cần đăng nhập (token hoặc phiên làm việc hợp lệ).")
				return
			}
			http.Redirect(w, r, "/dang-nhap?tiep="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			return
		}
		h.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey, u)))
	})
}

var errNoCredentials = errors.New("no credentials")

func (s *Server) audit(ctx context.Context, login, action, ip string, detail map[string]any) {
	err := s.accounts.AppendAudit(ctx, tochuc.AuditEntry{At: time.Now(), UserLogin: login, Action: action, IP: ip, Detail: detail})
	if err != nil {
		s.log.Error("audit", "action", action, "err", err)
	}
}

// safeNext keeps a redirect target on this site.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/"
	}
	return next
}

func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

func itoaDur(d time.Duration) string { return strconv.Itoa(int((d + time.Second - 1) / time.Second)) }

func humanDur(d time.Duration) string {
	if m := int(d.Minutes() + 0.5); m >= 1 {
		return tochuc.FormatInt(m) + " phút"
	}
	return tochuc.FormatInt(int(d.Seconds())+1) + " giây"
}
