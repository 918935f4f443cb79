package auth

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// clock is a fake time source for a Limiter.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func newTestLimiter() (*Limiter, *clock) {
	c := &clock{t: time.Date(2025, 7, 1, 8, 0, 0, 0, time.UTC)}
	l := NewLimiter(NewMemoryLimits())
	l.Now = c.now
	return l, c
}

func begin(t *testing.T, l *Limiter, login, ip string) *Attempt {
	t.Helper()
	a, err := l.Begin(context.Background(), login, ip)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// failN makes n attempts that fail and returns the last.
func failN(t *testing.T, l *Limiter, n int, login, ip string) (last *Attempt) {
	t.Helper()
	for range n {
		last = begin(t, l, login, ip)
	}
	return last
}

func succeed(t *testing.T, l *Limiter, login, ip string) {
	t.Helper()
	a := begin(t, l, login, ip)
	if !a.OK {
		t.Fatalf("%s from %s refused for %v", login, ip, a.RetryAfter)
	}
	if err := l.Succeed(context.Background(), a); err != nil {
		t.Fatal(err)
	}
}

func TestLimiterPair(t *testing.T) {
	l, c := newTestLimiter()
	for i := range 4 {
		if a := begin(t, l, "an", "10.0.0.1"); !a.OK || a.Locks != 0 {
			t.Fatalf("attempt %d: %+v", i+1, a)
		}
	}
	if a := begin(t, l, "An ", "10.0.0.1"); !a.OK || a.Locks != 15*time.Minute || a.LocksLogin {
		t.Fatalf("5th attempt (login in another case) must be checked and lock the pair for 15 min: %+v", a)
	}
	c.add(time.Minute)
	if a := begin(t, l, "an", "10.0.0.1"); a.OK || a.RetryAfter != 14*time.Minute || a.Report {
		t.Fatalf("locked pair: %+v (the lockout was reported when it started)", a)
	}
	if a := begin(t, l, "an", "10.0.0.2"); !a.OK {
		t.Fatal("the login is locked from another address")
	}
	if a := begin(t, l, "binh", "10.0.0.1"); !a.OK {
		t.Fatal("another login is locked from the same address")
	}
	c.add(14 * time.Minute)
	// The next lockout lasts twice as long, and the one after four times.
	if a := failN(t, l, 5, "an", "10.0.0.1"); a.Locks != 30*time.Minute {
		t.Fatalf("second lockout %v", a.Locks)
	}
	c.add(30 * time.Minute)
	if a := failN(t, l, 5, "an", "10.0.0.1"); a.Locks != time.Hour {
		t.Fatalf("third lockout %v", a.Locks)
	}
	// A success from the address forgets its failures and lockouts.
	c.add(time.Hour)
	succeed(t, l, "an", "10.0.0.1")
	if a := failN(t, l, 5, "an", "10.0.0.1"); a.Locks != 15*time.Minute {
		t.Fatalf("lockout after a success: %v", a.Locks)
	}
}

// TestLimiterAtomic: attempts at once are counted before any is checked.
func TestLimiterAtomic(t *testing.T) {
	l, _ := newTestLimiter()
	var ok atomic.Int32
	var wg sync.WaitGroup
	for range 30 {
		wg.Go(func() {
			if begin(t, l, "an", "10.0.0.1").OK {
				ok.Add(1)
			}
		})
	}
	wg.Wait()
	if ok.Load() != 5 {
		t.Fatalf("%d of 30 parallel attempts may be checked, want 5", ok.Load())
	}
}

// TestLimiterSucceedReleases: a right password takes back its reservation,
// also when it was the one that reached a limit.
func TestLimiterSucceedReleases(t *testing.T) {
	l, c := newTestLimiter()
	failN(t, l, 4, "an", "10.0.0.1")
	succeed(t, l, "an", "10.0.0.1") // the 5th reservation locked the pair; the success unlocks it
	if a := failN(t, l, 4, "an", "10.0.0.1"); !a.OK || a.Locks != 0 {
		t.Fatalf("failures before a success still count: %+v", a)
	}
	c.add(time.Hour)
	for i := range 19 {
		begin(t, l, "binh", fmt.Sprintf("10.1.0.%d", i))
	}
	succeed(t, l, "binh", "10.2.0.1") // the 20th reservation started the back-off; the success takes it back
	if a := begin(t, l, "binh", "10.1.0.1"); !a.OK || !a.LocksLogin {
		t.Fatalf("after the holder's success, the 20th failure starts the back-off: %+v", a)
	}
}

// TestLimiterBackoff: a login failing from many addresses backs off for
// every address that failed, not for one that did not.
func TestLimiterBackoff(t *testing.T) {
	l, c := newTestLimiter()
	for i := range 19 {
		if a := begin(t, l, "an", fmt.Sprintf("10.0.0.%d", i)); !a.OK || a.Locks != 0 {
			t.Fatalf("attempt %d: %+v", i+1, a)
		}
		c.add(10 * time.Second)
	}
	if a := begin(t, l, "an", "10.0.0.19"); !a.OK || a.Locks != time.Hour || !a.LocksLogin {
		t.Fatalf("the 20th failure must start a 1-hour back-off: %+v", a)
	}
	a := begin(t, l, "an", "10.0.0.3")
	if a.OK || a.RetryAfter != time.Hour || !a.Report {
		t.Fatalf("a failing address during the back-off: %+v", a)
	}
	if a := begin(t, l, "an", "10.0.0.3"); a.OK || a.Report {
		t.Fatalf("second refusal: %+v (reported once)", a)
	}
	if a := begin(t, l, "an", "10.0.0.19"); a.OK || a.Report {
		t.Fatalf("the address that started the back-off: %+v (reported when it started)", a)
	}
	c.add(30 * time.Minute)
	if a := begin(t, l, "an", "10.9.0.1"); !a.OK {
		t.Fatal("an address without failures is refused")
	}
	if a := begin(t, l, "an", "10.9.0.1"); a.OK || a.RetryAfter != time.Hour {
		t.Fatalf("after one failure during the back-off (which it extends): %+v", a)
	}
	succeed(t, l, "an", "10.9.0.2")
	c.add(time.Hour)
	if a := begin(t, l, "an", "10.0.0.3"); !a.OK {
		t.Fatalf("after the back-off: %+v", a)
	}
	// The next back-off lasts twice as long (that failure and 19 more).
	for i := range 18 {
		begin(t, l, "an", fmt.Sprintf("10.3.0.%d", i))
	}
	if a := begin(t, l, "an", "10.4.0.1"); a.Locks != 2*time.Hour || !a.LocksLogin {
		t.Fatalf("second back-off: %+v", a)
	}
}

func TestLimiterWindow(t *testing.T) {
	l, c := newTestLimiter()
	// A failure every 4 minutes: the window's count starts again before the limit.
	for i := range 20 {
		if a := begin(t, l, "an", "10.0.0.1"); !a.OK || a.Locks != 0 {
			t.Fatalf("locked at failure %d: %+v", i+1, a)
		}
		c.add(4 * time.Minute)
	}
	// Doubling is forgotten after a quiet day.
	failN(t, l, 5, "an", "10.0.0.1")
	c.add(15 * time.Minute)
	if a := failN(t, l, 5, "an", "10.0.0.1"); a.Locks != 30*time.Minute {
		t.Fatalf("second lockout %v", a.Locks)
	}
	c.add(30*time.Minute + 24*time.Hour)
	if a := failN(t, l, 5, "an", "10.0.0.1"); a.Locks != 15*time.Minute {
		t.Fatalf("lockout after a quiet day %v", a.Locks)
	}
}

func TestLimiterMaxLockout(t *testing.T) {
	l, c := newTestLimiter()
	var a *Attempt
	for range 10 {
		a = failN(t, l, 5, "an", "10.0.0.1")
		c.add(a.Locks)
	}
	if a.Locks != 24*time.Hour {
		t.Fatalf("lockout after 10 rounds %v, want the 24 h cap", a.Locks)
	}
}

func TestLimiterIPv6(t *testing.T) {
	l, _ := newTestLimiter()
	failN(t, l, 4, "an", "2001:db8:1:2::5")
	if a := begin(t, l, "an", "2001:db8:1:2:ffff::9"); a.Locks == 0 {
		t.Fatal("the same /64 counts apart")
	}
	if a := begin(t, l, "an", "[2001:db8:1:2::77]:5555"); a.OK {
		t.Fatal("the /64 is not locked")
	}
	if a := begin(t, l, "an", "2001:db8:1:3::1"); !a.OK {
		t.Fatal("another /64 is locked")
	}
}

func TestLimiterPurge(t *testing.T) {
	l, c := newTestLimiter()
	store := l.Store.(*MemoryLimits)
	failN(t, l, 5, "an", "10.0.0.1") // a lockout: remembered for a day
	for i := range 100 {
		begin(t, l, fmt.Sprintf("u%d", i), "10.0.0.2")
	}
	if n := store.Len(); n != 202 {
		t.Fatalf("%d states", n)
	}
	c.add(time.Hour)
	if n, _ := l.Purge(context.Background()); n != 201 || store.Len() != 1 {
		t.Fatalf("purged %d, %d left; want all but the locked pair purged", n, store.Len())
	}
	if a := begin(t, l, "an", "10.0.0.1"); !a.OK {
		t.Fatal("still locked")
	}
	c.add(25 * time.Hour)
	l.Purge(context.Background())
	if n := store.Len(); n != 0 {
		t.Fatalf("%d states after a quiet day", n)
	}
}
