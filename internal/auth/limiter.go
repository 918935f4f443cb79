package auth

import (
	"context"
	"net/netip"
	"strings"
	"time"
)

// Limiter slows down password guessing, with two counts per login:
//
//   - from one address (login × address): PairMax failures within Window
//     lock that login from that address for Lockout, twice as long at each
//     lockout (up to MaxLockout) until a quiet Forget has passed. Others
//     behind the same address are not locked, nor is the login elsewhere.
//   - from everywhere: LoginMax failures within Window start a back-off of
//     the login for Backoff (doubling up to MaxBackoff, extended while
//     failures go on). During it, every address that has failed for the
//     login since that window began is refused; an address that has not may
//     try, and one failure puts it among the refused. So a guesser spread
//     over many addresses gets one guess per address per back-off, and the
//     account holder signs in from an address without failures.
//
// Counting is atomic: Begin records the attempt as a failure before the
// password is checked (so parallel guesses cannot pass the limit), and
// Succeed releases it. IPv6 addresses count per /64. The counts live in a
// LimitStore, shared by every process using the same store.
//
// NewLimiter gives the defaults; change the fields before first use.
type Limiter struct {
	Store      LimitStore
	PairMax    int           // failures of a login from one address (default 5)
	LoginMax   int           // failures of a login from all addresses (default 20)
	Window     time.Duration // how long a failure counts (default 15 minutes)
	Lockout    time.Duration // first lockout of a login from an address (default 15 minutes)
	MaxLockout time.Duration // longest lockout (default 24 hours)
	Backoff    time.Duration // first back-off of a login (default 1 hour)
	MaxBackoff time.Duration // longest back-off (default 24 hours)
	Forget     time.Duration // quiet time after which lockouts stop doubling (default 24 hours)
	Now        func() time.Time
}

// NewLimiter returns a Limiter with the default policy, keeping its counts in store.
func NewLimiter(store LimitStore) *Limiter {
	return &Limiter{Store: store, PairMax: 5, LoginMax: 20, Window: 15 * time.Minute,
		Lockout: 15 * time.Minute, MaxLockout: 24 * time.Hour, Backoff: time.Hour, MaxBackoff: 24 * time.Hour,
		Forget: 24 * time.Hour, Now: time.Now}
}

// Attempt is a sign-in attempt seen by Begin.
type Attempt struct {
	// OK: the password may be checked; the attempt counts as a failure unless Succeed is called.
	OK bool
	// RetryAfter, when refused, is how long the lockout still lasts.
	RetryAfter time.Duration
	// Report, when refused, says this is the first refusal of this login
	// from this address in this lockout: the one worth an audit row.
	Report bool
	// Locks, when OK, is how long this attempt, if it fails, locks the
	// login: from this address, or everywhere when LocksLogin.
	Locks      time.Duration
	LocksLogin bool

	keys           []string
	before, after  LimitState // the login's state around this attempt
	startedBackoff bool
}

// Begin decides whether a sign-in to login from ip may be checked now and,
// when it may, counts it as a failure, in one atomic update of the store.
func (l *Limiter) Begin(ctx context.Context, login, ip string) (*Attempt, error) {
	keys := limitKeys(login, ip)
	var a *Attempt
	err := l.Store.UpdateLimits(ctx, keys, func(st []LimitState) {
		a = &Attempt{keys: keys}
		l.begin(a, &st[0], &st[1], l.now())
	})
	if err != nil {
		return nil, err
	}
	return a, nil
}

// begin applies the policy to the states of the pair p and of the login g.
func (l *Limiter) begin(a *Attempt, p, g *LimitState, now time.Time) {
	l.settle(p, now)
	l.settle(g, now)
	var retry time.Duration
	if now.Before(p.Until) {
		retry = p.Until.Sub(now)
	}
	if now.Before(g.Until) && !p.LastFail.IsZero() && !p.LastFail.Before(g.LockedFrom) {
		retry = max(retry, g.Until.Sub(now))
	}
	if retry > 0 {
		if p.Noted.Before(now) {
			a.Report = true
			p.Noted = now.Add(retry)
			p.Expires = later(p.Expires, p.Noted)
		}
		a.RetryAfter = retry
		return
	}
	a.OK = true
	a.before = *g

	if p.Fails == 0 {
		p.Since = now
	}
	p.Fails++
	p.LastFail = now
	if p.Fails >= l.PairMax {
		d := doubled(l.Lockout, p.Strikes, l.MaxLockout)
		p.Until, p.Strikes, p.Fails, p.Since = now.Add(d), p.Strikes+1, 0, time.Time{}
		p.Noted = p.Until // the lockout is reported when it starts
		a.Locks = d
	}

	if g.Fails == 0 {
		g.Since = now
	}
	g.Fails++
	g.LastFail = now
	switch {
	case now.Before(g.Until): // a new address's failure during the back-off extends it
		g.Until = later(g.Until, now.Add(doubled(l.Backoff, g.Strikes-1, l.MaxBackoff)))
	case g.Fails >= l.LoginMax:
		d := doubled(l.Backoff, g.Strikes, l.MaxBackoff)
		g.LockedFrom, g.Until, g.Strikes, g.Fails, g.Since = g.Since, now.Add(d), g.Strikes+1, 0, time.Time{}
		a.startedBackoff = true
		if d > a.Locks {
			a.Locks, a.LocksLogin = d, true
		}
		p.Noted = later(p.Noted, g.Until)
	}
	if now.Before(g.Until) {
		p.Expires = later(p.Expires, g.Until) // this address stays refused for the whole back-off
	}
	p.Expires = later(p.Expires, l.expiry(*p))
	g.Expires = l.expiry(*g)
	a.after = *g
}

// Succeed records that the attempt's password was right: the login's
// failures and lockouts from that address are forgotten, and the failure
// Begin counted for the login is taken back.
func (l *Limiter) Succeed(ctx context.Context, a *Attempt) error {
	if a == nil || !a.OK {
		return nil
	}
	return l.Store.UpdateLimits(ctx, a.keys, func(st []LimitState) {
		st[0] = LimitState{}
		g := &st[1]
		switch {
		case sameState(*g, a.after):
			*g = a.before
		case g.Fails > 0:
			g.Fails--
		}
	})
}

// Purge drops the counts that no longer matter.
func (l *Limiter) Purge(ctx context.Context) (int64, error) {
	return l.Store.PurgeLimits(ctx, l.now())
}

// now returns the time to the microsecond, as stores keep it.
func (l *Limiter) now() time.Time { return time.UnixMicro(l.Now().UnixMicro()) }

// settle forgets a window that has passed and strikes after a quiet Forget.
func (l *Limiter) settle(s *LimitState, now time.Time) {
	if !s.Since.IsZero() && now.Sub(s.Since) >= l.Window {
		s.Fails, s.Since = 0, time.Time{}
	}
	if s.Strikes > 0 && now.Sub(later(s.Until, s.LastFail)) >= l.Forget {
		s.Strikes = 0
	}
}

// expiry returns when a state stops mattering.
func (l *Limiter) expiry(s LimitState) time.Time {
	e := later(s.Until, s.Noted)
	if !s.Since.IsZero() {
		e = later(e, s.Since.Add(l.Window))
	}
	if s.Strikes > 0 {
		e = later(e, later(s.Until, s.LastFail).Add(l.Forget))
	}
	return e
}

// doubled returns base doubled n times, at most limit.
func doubled(base time.Duration, n int, limit time.Duration) time.Duration {
	d := base << min(max(n, 0), 30)
	if d > limit || d <= 0 {
		return limit
	}
	return d
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

func sameState(a, b LimitState) bool {
	return a.Fails == b.Fails && a.Strikes == b.Strikes && a.Since.Equal(b.Since) && a.Until.Equal(b.Until) &&
		a.LockedFrom.Equal(b.LockedFrom) && a.LastFail.Equal(b.LastFail)
}

// limitKeys returns the store keys of a login from an address, and of the
// login from everywhere, in that order.
func limitKeys(login, ip string) []string {
	lk := loginKey(login)
	return []string{"p " + ipKey(ip) + " " + lk, "l " + lk}
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
