package auth

import (
	"net/netip"
	"strings"
	"sync"
	"time"
)

// Limiter slows down password guessing. It counts failed logins per login
// and per client address in memory, over a sliding window: MaxFailures
// failures of a login within Window lock that login for Lockout, and
// IPMaxFailures failures from one address lock the address the same way. A
// lockout that comes back before the entry was forgotten lasts twice as long
// as the previous one, up to MaxLockout. IPv6 addresses count per /64.
//
// A success resets its login only: an attacker with an account of their own
// cannot clear their address's count by logging in between guesses.
// Counters live in this process only; restarting it forgets them.
//
// The zero value is not usable; NewLimiter gives the defaults. Change the
// fields before first use. A Limiter is safe for concurrent use.
type Limiter struct {
	MaxFailures   int           // per login within Window (default 5)
	IPMaxFailures int           // per address within Window (default 20)
	Window        time.Duration // how long a failure counts (default 15 minutes)
	Lockout       time.Duration // the first lockout (default 15 minutes)
	MaxLockout    time.Duration // the longest lockout (default 24 hours)
	Forget        time.Duration // quiet time after which lockouts stop doubling (default 24 hours)
	MaxEntries    int           // entries kept per kind (default 10000)
	Now           func() time.Time

	mu        sync.Mutex
	logins    map[string]*entry
	ips       map[string]*entry
	lastSweep time.Time
}

// entry is what the limiter knows of one login or address.
type entry struct {
	fails    []time.Time // within Window, oldest first
	until    time.Time   // locked before this
	strikes  int         // lockouts so far (doubling)
	lastFail time.Time
}

// NewLimiter returns a Limiter with the default policy.
func NewLimiter() *Limiter {
	return &Limiter{
		MaxFailures: 5, IPMaxFailures: 20, Window: 15 * time.Minute,
		Lockout: 15 * time.Minute, MaxLockout: 24 * time.Hour, Forget: 24 * time.Hour,
		MaxEntries: 10000, Now: time.Now,
		logins: map[string]*entry{}, ips: map[string]*entry{},
	}
}

// Allow reports whether a login attempt for login from ip may be checked now;
// when not, retryAfter says how long the lockout still lasts. Empty login or
// ip are not counted.
func (l *Limiter) Allow(login, ip string) (ok bool, retryAfter time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.Now()
	for _, e := range []*entry{l.logins[loginKey(login)], l.ips[ipKey(ip)]} {
		if e != nil && now.Before(e.until) {
			retryAfter = max(retryAfter, e.until.Sub(now))
		}
	}
	return retryAfter == 0, retryAfter
}

// Fail records a failed login. It returns how long the login or the address
// is now locked, when this failure started a lockout (for the audit log), or 0.
func (l *Limiter) Fail(login, ip string) (lockedFor time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.Now()
	if now.Sub(l.lastSweep) >= l.Window {
		l.sweep(l.logins, now)
		l.sweep(l.ips, now)
		l.lastSweep = now
	}
	if k := loginKey(login); k != "" {
		lockedFor = max(lockedFor, l.fail(l.logins, k, l.MaxFailures, now))
	}
	if k := ipKey(ip); k != "" {
		lockedFor = max(lockedFor, l.fail(l.ips, k, l.IPMaxFailures, now))
	}
	return lockedFor
}

// Succeed records a successful login: the login's failures and lockouts are forgotten.
func (l *Limiter) Succeed(login, ip string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.logins, loginKey(login))
}

func (l *Limiter) fail(m map[string]*entry, key string, limit int, now time.Time) time.Duration {
	e := m[key]
	if e == nil {
		if len(m) >= l.MaxEntries {
			l.sweep(m, now)
			if len(m) >= l.MaxEntries {
				l.evict(m, now)
			}
		}
		e = &entry{}
		m[key] = e
	}
	if now.Before(e.until) {
		return 0 // Allow refused; nothing was tried
	}
	if e.strikes > 0 && now.Sub(e.quietSince()) >= l.Forget {
		e.strikes = 0
	}
	e.lastFail = now
	e.fails = append(dropBefore(e.fails, now.Add(-l.Window)), now)
	if len(e.fails) < limit {
		return 0
	}
	d := l.Lockout << min(e.strikes, 20)
	if d > l.MaxLockout || d <= 0 {
		d = l.MaxLockout
	}
	e.strikes++
	e.until = now.Add(d)
	e.fails = e.fails[:0]
	return d
}

// quietSince returns when the entry's last failure or lockout ended.
func (e *entry) quietSince() time.Time {
	if e.until.After(e.lastFail) {
		return e.until
	}
	return e.lastFail
}

// dropBefore removes the times before t from a sorted slice.
func dropBefore(ts []time.Time, t time.Time) []time.Time {
	i := 0
	for i < len(ts) && ts[i].Before(t) {
		i++
	}
	return append(ts[:0], ts[i:]...)
}

// stale reports whether an entry carries nothing the policy still needs.
func (l *Limiter) stale(e *entry, now time.Time) bool {
	if now.Before(e.until) {
		return false
	}
	if e.strikes > 0 {
		return now.Sub(e.quietSince()) >= l.Forget
	}
	return now.Sub(e.lastFail) >= l.Window
}

func (l *Limiter) sweep(m map[string]*entry, now time.Time) {
	for k, e := range m {
		if l.stale(e, now) {
			delete(m, k)
		}
	}
}

// evict makes room in a full map by dropping the unlocked entry failed last
// longest ago, or, when every entry is locked, the lockout that ends first: a
// flood of new names must not free a locked login.
func (l *Limiter) evict(m map[string]*entry, now time.Time) {
	var victim string
	var vLocked bool
	var vTime time.Time
	for k, e := range m {
		locked := now.Before(e.until)
		t := e.lastFail
		if locked {
			t = e.until
		}
		if victim == "" || vLocked && !locked || vLocked == locked && t.Before(vTime) {
			victim, vLocked, vTime = k, locked, t
		}
	}
	delete(m, victim)
}

func loginKey(login string) string { return strings.ToLower(strings.TrimSpace(login)) }

// ipKey returns the counted form of a client address: IPv4 as is, IPv6 as its
// /64 (one subscriber's network). A port is dropped; a value that is not an
// address is used as given.
func ipKey(ip string) string {
	a, err := netip.ParseAddr(strings.TrimSpace(ip))
	if err != nil {
		if ap, err2 := netip.ParseAddrPort(strings.TrimSpace(ip)); err2 == nil {
			a, err = ap.Addr(), nil
		}
	}
	if err != nil {
		return strings.TrimSpace(ip)
	}
	a = a.Unmap()
	if a.Is6() {
		p, _ := a.Prefix(64)
		return p.String()
	}
	return a.String()
}
