package auth

import (
	"fmt"
	"sync"
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
	l := NewLimiter()
	l.Now = c.now
	return l, c
}

func failN(l *Limiter, n int, login, ip string) (last time.Duration) {
	for range n {
		last = l.Fail(login, ip)
	}
	return last
}

func TestLimiterLockout(t *testing.T) {
	l, c := newTestLimiter()
	if d := failN(l, 4, "an", "10.0.0.1"); d != 0 {
		t.Fatalf("locked after 4 failures: %v", d)
	}
	if ok, _ := l.Allow("an", "10.0.0.1"); !ok {
		t.Fatal("refused after 4 failures")
	}
	if d := l.Fail("An ", "10.0.0.2"); d != 15*time.Minute {
		t.Fatalf("5th failure (another address, login in another case) locks for %v", d)
	}
	c.add(time.Minute)
	if ok, retry := l.Allow("an", "10.9.9.9"); ok || retry != 14*time.Minute {
		t.Fatalf("locked login: ok %v retry %v", ok, retry)
	}
	if ok, _ := l.Allow("binh", "10.0.0.1"); !ok {
		t.Fatal("another login from the same address is refused")
	}
	c.add(14 * time.Minute)
	if ok, _ := l.Allow("an", "10.0.0.1"); !ok {
		t.Fatal("still locked after the lockout")
	}
	// The next lockout lasts twice as long, and the one after four times.
	if d := failN(l, 5, "an", ""); d != 30*time.Minute {
		t.Fatalf("second lockout %v", d)
	}
	c.add(30 * time.Minute)
	if d := failN(l, 5, "an", ""); d != time.Hour {
		t.Fatalf("third lockout %v", d)
	}
	// A success forgets everything.
	c.add(time.Hour)
	l.Succeed("an", "10.0.0.1")
	if d := failN(l, 5, "an", ""); d != 15*time.Minute {
		t.Fatalf("lockout after a success: %v", d)
	}
}

func TestLimiterSlidingWindow(t *testing.T) {
	l, c := newTestLimiter()
	// Four failures every 4 minutes: the oldest leaves the 15-minute window in time.
	for i := range 20 {
		if d := l.Fail("an", ""); d != 0 {
			t.Fatalf("locked at failure %d: %v", i+1, d)
		}
		c.add(4 * time.Minute)
	}
	// Doubling is forgotten after a quiet day.
	failN(l, 5, "an", "")
	c.add(15 * time.Minute)
	if d := failN(l, 5, "an", ""); d != 30*time.Minute {
		t.Fatalf("second lockout %v", d)
	}
	c.add(30*time.Minute + 24*time.Hour)
	if d := failN(l, 5, "an", ""); d != 15*time.Minute {
		t.Fatalf("lockout after a quiet day %v", d)
	}
}

func TestLimiterMaxLockout(t *testing.T) {
	l, c := newTestLimiter()
	var d time.Duration
	for range 10 {
		d = failN(l, 5, "an", "")
		c.add(d)
	}
	if d != 24*time.Hour {
		t.Fatalf("lockout after 10 rounds %v, want the 24 h cap", d)
	}
}

func TestLimiterAddress(t *testing.T) {
	l, _ := newTestLimiter()
	// 20 failures over 20 logins from one address lock the address, not the logins.
	for i := range 19 {
		if d := l.Fail(fmt.Sprintf("u%d", i), "2001:db8:1:2::5"); d != 0 {
			t.Fatalf("locked after %d", i+1)
		}
	}
	if d := l.Fail("u19", "2001:db8:1:2:ffff::9"); d != 15*time.Minute {
		t.Fatalf("20th failure from the same /64: %v", d)
	}
	if ok, _ := l.Allow("someone", "2001:db8:1:2::77"); ok {
		t.Fatal("the /64 is not locked")
	}
	if ok, _ := l.Allow("someone", "2001:db8:1:3::1"); !ok {
		t.Fatal("another /64 is locked")
	}
	if ok, _ := l.Allow("u1", "192.0.2.1:5555"); !ok {
		t.Fatal("a login is locked by failures from one address")
	}
	// A success does not clear the address.
	l.Succeed("u1", "2001:db8:1:2::5")
	if ok, _ := l.Allow("u1", "2001:db8:1:2::5"); ok {
		t.Fatal("a success unlocked the address")
	}
}

func TestLimiterBounded(t *testing.T) {
	l, c := newTestLimiter()
	l.MaxEntries = 100
	failN(l, 5, "victim", "")
	for i := range 1000 {
		l.Fail(fmt.Sprintf("flood%d", i), fmt.Sprintf("10.1.%d.%d", i/256, i%256))
	}
	l.mu.Lock()
	nl, ni := len(l.logins), len(l.ips)
	l.mu.Unlock()
	if nl > 100 || ni > 100 {
		t.Fatalf("%d logins, %d addresses kept (max 100)", nl, ni)
	}
	if ok, _ := l.Allow("victim", ""); ok {
		t.Fatal("a flood of new logins freed a locked one")
	}
	// Old entries go away by themselves.
	c.add(25 * time.Hour)
	l.Fail("late", "")
	l.mu.Lock()
	nl = len(l.logins)
	l.mu.Unlock()
	if nl != 1 {
		t.Fatalf("%d entries after a day, want 1", nl)
	}
}

func TestLimiterConcurrent(t *testing.T) {
	l, c := newTestLimiter()
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 500 {
				login, ip := fmt.Sprintf("u%d", i%7), fmt.Sprintf("10.0.%d.1", g)
				if ok, _ := l.Allow(login, ip); ok {
					if i%3 == 0 {
						l.Succeed(login, ip)
					} else {
						l.Fail(login, ip)
					}
				}
				if i%100 == 0 {
					c.add(time.Minute)
				}
			}
		})
	}
	wg.Wait()
}
