package auth

import (
	"context"
	"sync"
	"time"
)

// LimitState is what the limiter keeps of one key: a login from one address,
// or a login from anywhere. Zero times are unset.
type LimitState struct {
	Fails      int       // failures counted (reserved) in the window that began at Since
	Since      time.Time // start of the counting window
	LockedFrom time.Time // of a login: start of the window whose failures began its back-off
	Until      time.Time // attempts are refused before this
	Strikes    int       // lockouts so far (each lasts twice the previous), forgotten after a quiet Forget
	LastFail   time.Time // the last failure counted
	Noted      time.Time // a refusal was reported for the lockout that ends then
	Expires    time.Time // after this the state carries nothing: a store may drop it
}

// LimitStore keeps the limiter's states. A store shared by several processes
// (a database) makes them share the limits.
type LimitStore interface {
	// UpdateLimits reads the states of keys (the zero state for an unknown
	// key), calls fn with them in the order of keys, and stores what fn
	// leaves, atomically: no other update of these keys, from this process or
	// any other sharing the store, comes between the read and the write. fn
	// may be called again when the store retries.
	UpdateLimits(ctx context.Context, keys []string, fn func(states []LimitState)) error
	// PurgeLimits drops the states that expired before now and returns how many.
	PurgeLimits(ctx context.Context, now time.Time) (int64, error)
}

// MemoryLimits is a LimitStore in this process's memory: restarting it
// forgets the counts, and other processes do not see them. It holds at most
// maxMemoryStates states, dropping expired ones first.
type MemoryLimits struct {
	mu     sync.Mutex
	states map[string]LimitState
}

const maxMemoryStates = 100_000

// NewMemoryLimits returns an empty MemoryLimits.
func NewMemoryLimits() *MemoryLimits { return &MemoryLimits{states: map[string]LimitState{}} }

// UpdateLimits implements LimitStore.
func (m *MemoryLimits) UpdateLimits(_ context.Context, keys []string, fn func([]LimitState)) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	st := make([]LimitState, len(keys))
	for i, k := range keys {
		st[i] = m.states[k]
	}
	fn(st)
	if len(m.states) >= maxMemoryStates {
		m.purge(time.Now())
	}
	for i, k := range keys {
		if st[i] == (LimitState{}) {
			delete(m.states, k)
		} else {
			m.states[k] = st[i]
		}
	}
	return nil
}

// PurgeLimits implements LimitStore.
func (m *MemoryLimits) PurgeLimits(_ context.Context, now time.Time) (int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.purge(now), nil
}

func (m *MemoryLimits) purge(now time.Time) (n int64) {
	for k, s := range m.states {
		if s.Expires.Before(now) {
			delete(m.states, k)
			n++
		}
	}
	return n
}

// Len returns how many states the store holds.
func (m *MemoryLimits) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.states)
}
