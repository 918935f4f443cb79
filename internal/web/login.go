package web

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/tochuc/tochuc/internal/auth"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// sessionCookie names the session cookie; SessionTTL is how long an idle session lives.
const (
	sessionCookie = "tochuc_phien"
	SessionTTL    = 2 * time.Hour
)

// maxLoginLen is the longest login, in characters (tochuc.ValidateLogin): a
// longer one is refused without a lookup. maxLoginForm bounds the bytes of a
// sign-in form.
const (
	maxLoginLen  = 64
	maxLoginForm = 16 << 10
)

type loginData struct {
	Login, Error, Next string
}

func (s *Server) handleLoginForm(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, "login.html", http.StatusOK, page{Title: "Đăng nhập", Date: tochuc.Today(),
		Data: loginData{Next: safeNext(r.URL.Query().Get("tiep"))}})
}

// handleLogin checks a login and password, under the limiter, and opens a
// session. The limiter counts the attempt as a failure before the password
// is checked and takes it back when it was right.
func (s *Server) handleLogin(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	data := loginData{Next: "/"}
	fail := func(status int, msg string) {
		data.Error = msg
		s.render(w, r, "login.html", status, page{Title: "Đăng nhập", Date: tochuc.Today(), Data: data})
	}
	// A urlencoded form only: a multipart body is not read (nor spooled to disk).
	r.Body = http.MaxBytesReader(w, r.Body, maxLoginForm)
	if err := r.ParseForm(); err != nil {
		status := http.StatusBadRequest
		if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
			status = http.StatusRequestEntityTooLarge
		}
		fail(status, "Biểu mẫu đăng nhập không hợp lệ hoặc quá lớn.")
		return
	}
	login := tochuc.NormalizeLogin(r.PostForm.Get("ten_dang_nhap"))
	pw := r.PostForm.Get("mat_khau")
	data.Login, data.Next = clip(login, maxLoginLen), safeNext(r.PostForm.Get("tiep"))
	if utf8.RuneCountInString(login) > maxLoginLen {
		fail(http.StatusBadRequest, "Tên đăng nhập quá dài (tối đa "+strconv.Itoa(maxLoginLen)+" ký tự).")
		return
	}
	if login == "" || pw == "" {
		fail(http.StatusBadRequest, "Vui lòng nhập tên đăng nhập và mật khẩu.")
		return
	}
	ip := s.clientIP(r)
	at, err := s.limiter.Begin(ctx, login, ip)
	if err != nil {
		s.unavailable(w, r, "sign-in limiter", err)
		return
	}
	if !at.OK {
		if at.Report { // once per lockout, login and address
			s.audit(ctx, login, tochuc.AuditLoginLocked, ip, map[string]any{"retry_after_s": int(at.RetryAfter.Seconds())})
		}
		w.Header().Set("Retry-After", itoaDur(at.RetryAfter))
		fail(http.StatusTooManyRequests, "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau "+humanDur(at.RetryAfter)+".")
		return
	}
	u, hash, err := s.accounts.UserCredentials(ctx, login)
	if err != nil && tochuc.ErrorCode(err) != tochuc.ENotFound {
		s.unavailable(w, r, "sign-in", err)
		return
	}
	ok := false
	if err == nil && !u.Disabled {
		var rehash bool
		if ok, rehash, err = auth.VerifyPassword(pw, hash); err != nil {
			s.fail(w, r, err)
			return
		}
		if ok && rehash {
			if h, herr := auth.HashPassword(pw); herr == nil {
				_ = s.accounts.SetPassword(ctx, u.ID, h)
			}
		}
	} else {
		auth.FakeVerify(pw) // the same cost, so that timing does not tell which logins exist
	}
	if !ok {
		s.audit(ctx, login, tochuc.AuditLoginFailed, ip, nil)
		if at.Locks > 0 {
			scope := "address"
			if at.LocksLogin {
				scope = "login"
			}
			s.audit(ctx, login, tochuc.AuditLoginLocked, ip, map[string]any{"locked_s": int(at.Locks.Seconds()), "scope": scope})
		}
		fail(http.StatusUnauthorized, "Tên đăng nhập hoặc mật khẩu không đúng.")
		return
	}
	if err := s.limiter.Succeed(ctx, at); err != nil {
		s.log.Warn("sign-in limiter: success not recorded", "err", err)
	}
	token, err := s.tokens().CreateSession(ctx, u.ID, SessionTTL, ip, r.UserAgent())
	if err != nil {
		s.unavailable(w, r, "create session", err)
		return
	}
	s.audit(ctx, login, tochuc.AuditLoginOK, ip, nil)
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: token, Path: "/", HttpOnly: true,
		Secure: s.secureCookies, SameSite: http.SameSiteLaxMode})
	http.Redirect(w, r, data.Next, http.StatusSeeOther)
}

// clip returns s cut to at most n characters, valid UTF-8.
func clip(s string, n int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

func (s *Server) handleLogout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(sessionCookie); err == nil {
		_ = s.tokens().DeleteSession(r.Context(), c.Value)
	}
	if u, ok := userOf(r.Context()); ok {
		s.audit(r.Context(), u.Login, tochuc.AuditLogout, s.clientIP(r), nil)
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true,
		Secure: s.secureCookies, SameSite: http.SameSiteLaxMode})
	http.Redirect(w, r, "/dang-nhap", http.StatusSeeOther)
}

// authenticate puts the user of a session cookie or a Bearer token into the
// request's context; without one (or with one the store does not know),
// pages redirect to the login form and the API answers 401. When the store
// fails, the answer is 503 (unavailable): an outage is not a sign-out.
func (s *Server) authenticate(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var u tochuc.User
		var err error = errNoCredentials
		ctx, cancel := context.WithTimeout(r.Context(), authTimeout)
		if bearer, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
			u, err = s.tokens().TokenUser(ctx, strings.TrimSpace(bearer))
		} else if c, cerr := r.Cookie(sessionCookie); cerr == nil {
			u, err = s.tokens().SessionUser(ctx, c.Value)
		}
		cancel()
		if err != nil && err != errNoCredentials && tochuc.ErrorCode(err) != tochuc.ENotFound {
			s.unavailable(w, r, "authenticate", err)
			return
		}
		if err != nil || !u.CanRead() {
			if isAPI(r) {
				writeJSONError(w, http.StatusUnauthorized, codeUnauthorized, "Cần đăng nhập (token hoặc phiên làm việc hợp lệ).")
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

// safeNext keeps a redirect target on this site: an absolute path, with an
// optional query, that no browser resolves to another host. Anything else —
// a scheme or host, "//", a backslash, a control character or space (which
// browsers drop or rewrite), an encoded slash or backslash — becomes "/".
// The result is re-encoded from its parse; a fragment is dropped.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.ContainsFunc(next, unsafeInURL) {
		return "/"
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" ||
		strings.HasPrefix(u.Path, "//") || strings.ContainsFunc(u.Path, func(r rune) bool { return r != ' ' && unsafeInURL(r) }) {
		return "/"
	}
	esc := strings.ToLower(u.EscapedPath())
	if strings.Contains(esc, "%2f") || strings.Contains(esc, "%5c") {
		return "/"
	}
	if u.RawQuery != "" {
		return u.EscapedPath() + "?" + u.RawQuery
	}
	return u.EscapedPath()
}

// unsafeInURL reports a character a browser may strip or read as a slash.
func unsafeInURL(r rune) bool { return r <= ' ' || r == 0x7f || r == '\\' || unicode.IsControl(r) }

// clientIP is the address a request comes from, as the sign-in limiter and
// the audit log count it: the peer's, or, when the peer is a trusted
// reverse proxy, the last address of X-Forwarded-For that is not one (the
// addresses before it could be written by the client).
func (s *Server) clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	if len(s.proxies) == 0 || !s.trusted(host) {
		return host
	}
	var hops []string
	for _, h := range r.Header.Values("X-Forwarded-For") {
		hops = append(hops, strings.Split(h, ",")...)
	}
	for i := len(hops) - 1; i >= 0; i-- {
		a, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			break // not an address: keep the last good one
		}
		host = a.Unmap().String()
		if !s.trusted(host) {
			break
		}
	}
	return host
}

// trusted reports whether an address is one of the trusted reverse proxies.
func (s *Server) trusted(host string) bool {
	a, err := netip.ParseAddr(host)
	if err != nil {
		return false
	}
	a = a.Unmap()
	for _, p := range s.proxies {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

func itoaDur(d time.Duration) string { return strconv.Itoa(int((d + time.Second - 1) / time.Second)) }

func humanDur(d time.Duration) string {
	if m := int(d.Minutes() + 0.5); m >= 1 {
		return tochuc.FormatInt(m) + " phút"
	}
	return tochuc.FormatInt(int(d.Seconds())+1) + " giây"
}
